/**
 * Helsinki's building register (rakennusrekisteri) over WFS: avoindata:Rakennukset_alue_rekisteritiedot.
 * Only postal codes are sent (CQL_FILTER on postinumero).
 */
import type { BuildingSource } from './source';
import { wfsBuildingSource, type LiveSourceOptions } from './wfs';

export const HELSINKI_WFS = 'https://kartta.hel.fi/ws/geoserver/avoindata/wfs';
export const HELSINKI_LAYER = 'avoindata:Rakennukset_alue_rekisteritiedot';

const FIELDS = [
  'ratu',
  'vtj_prt',
  'katunimi_suomi',
  'katunimi_ruotsi',
  'osoitenumero',
  'postinumero',
  'c_valmpvm',
  'c_kayttark',
  'c_rakennusluokka',
  'i_kerrlkm',
  'c_lammtapa',
  'c_poltaine',
  'c_rakeaine',
  'i_kerrosala',
  'tila_koodi',
];

export function helsinkiSource(o: LiveSourceOptions = {}): BuildingSource {
  return wfsBuildingSource(
    {
      id: 'helsinki',
      name: 'Helsingin kaupunki, rakennusrekisteri',
      controller: 'Helsingin kaupunki',
      attribution: 'Helsingin kaupunki, rakennusrekisteri (CC BY 4.0)',
      partyName: 'Helsingin kaupunki',
      defaultBaseUrl: HELSINKI_WFS,
      typeName: HELSINKI_LAYER,
      layout: 'helsinki',
      propertyNames: FIELDS,
    },
    o,
  );
}
