/**
 * Helsinki's building register (rakennusrekisteri) over WFS: avoindata:Rakennukset_alue_rekisteritiedot.
 * Only postal codes are sent (CQL_FILTER on postinumero).
 */
import type { Lang } from '../../core/i18n/lang';
import { fetchPerPostalCode } from './cache';
import { recordsOfLayout } from './layouts';
import { cqlIn, type BuildingSource, type FetchFn } from './source';
import { wfsGetAll } from './wfs';

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

export interface LiveSourceOptions {
  baseUrl?: string;
  fetch?: FetchFn;
  lang?: Lang;
  pageSize?: number;
  batchSize?: number;
}

export function helsinkiSource(o: LiveSourceOptions = {}): BuildingSource {
  const baseUrl = o.baseUrl ?? HELSINKI_WFS;
  const name = 'Helsingin kaupunki, rakennusrekisteri';
  return {
    id: 'helsinki',
    name,
    controller: 'Helsingin kaupunki',
    licence: 'CC BY 4.0',
    attribution: 'Helsingin kaupunki, rakennusrekisteri (CC BY 4.0)',
    party: `Helsingin kaupunki (${new URL(baseUrl).host})`,
    fetchBuildings: (codes, opts) =>
      fetchPerPostalCode(
        `helsinki|${baseUrl}`,
        codes,
        o.batchSize ?? 10,
        async (group, runOpts) => {
          const rows = await wfsGetAll(
            {
              baseUrl,
              typeName: HELSINKI_LAYER,
              cqlFilter: cqlIn('postinumero', group),
              propertyNames: FIELDS,
              pageSize: o.pageSize ?? 5000,
              service: name,
              lang: o.lang,
              fetch: o.fetch,
            },
            runOpts,
          );
          return recordsOfLayout('helsinki', rows, 'helsinki');
        },
        opts,
      ),
  };
}
