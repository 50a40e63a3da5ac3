/**
 * HSY's capital-region buildings (Helsinki, Espoo, Vantaa, Kauniainen) over WFS:
 * asuminen_ja_maankaytto:pks_rakennukset_paivittyva. Only postal codes are sent.
 */
import { fetchPerPostalCode } from './cache';
import type { LiveSourceOptions } from './helsinki';
import { recordsOfLayout } from './layouts';
import { cqlIn, type BuildingSource } from './source';
import { wfsGetAll } from './wfs';

export const HSY_WFS = 'https://kartta.hsy.fi/geoserver/wfs';
export const HSY_LAYER = 'asuminen_ja_maankaytto:pks_rakennukset_paivittyva';

export function hsySource(o: LiveSourceOptions = {}): BuildingSource {
  const baseUrl = o.baseUrl ?? HSY_WFS;
  const name = 'HSY, pääkaupunkiseudun rakennukset';
  return {
    id: 'hsy',
    name,
    controller: 'Helsingin seudun ympäristöpalvelut HSY',
    licence: 'CC BY 4.0',
    attribution: 'HSY, pääkaupunkiseudun rakennukset (CC BY 4.0)',
    party: `HSY (${new URL(baseUrl).host})`,
    fetchBuildings: (codes, opts) =>
      fetchPerPostalCode(
        `hsy|${baseUrl}`,
        codes,
        o.batchSize ?? 10,
        async (group, runOpts) => {
          const rows = await wfsGetAll(
            {
              baseUrl,
              typeName: HSY_LAYER,
              cqlFilter: cqlIn('postinumero', group),
              pageSize: o.pageSize ?? 5000,
              service: name,
              lang: o.lang,
              fetch: o.fetch,
            },
            runOpts,
          );
          return recordsOfLayout('hsy', rows, 'hsy');
        },
        opts,
      ),
  };
}
