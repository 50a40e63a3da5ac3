/**
 * HSY's capital-region buildings (Helsinki, Espoo, Vantaa, Kauniainen) over WFS:
 * asuminen_ja_maankaytto:pks_rakennukset_paivittyva. Only postal codes are sent.
 */
import type { BuildingSource } from './source';
import { wfsBuildingSource, type LiveSourceOptions } from './wfs';

export const HSY_WFS = 'https://kartta.hsy.fi/geoserver/wfs';
export const HSY_LAYER = 'asuminen_ja_maankaytto:pks_rakennukset_paivittyva';

export function hsySource(o: LiveSourceOptions = {}): BuildingSource {
  return wfsBuildingSource(
    {
      id: 'hsy',
      name: 'HSY, pääkaupunkiseudun rakennukset',
      controller: 'Helsingin seudun ympäristöpalvelut HSY',
      attribution: 'HSY, pääkaupunkiseudun rakennukset (CC BY 4.0)',
      partyName: 'HSY',
      defaultBaseUrl: HSY_WFS,
      typeName: HSY_LAYER,
      layout: 'hsy',
    },
    o,
  );
}
