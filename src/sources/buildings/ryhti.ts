/**
 * Ryhti (SYKE), the national building data, over OGC API Features: `open_address` (filtered by
 * postal code) joined with `open_building` (filtered by building_key). Ryhti ignores unknown
 * query parameters silently, so the filter goes in CQL2 text (`filter=…&filter-lang=cql2-text`),
 * never as `postal_code=…`; paging follows the `next` links, with limit/startIndex as fallback.
 */
import type { BuildingAddress } from '../../core/buildings/building';
import { throwIfAborted } from '../../core/errors';
import type { RunOptions } from '../../core/progress';
import { fetchPerPostalCode } from './cache';
import type { LiveSourceOptions } from './wfs';
import { parseRyhtiAddress, recordsOfLayout } from './layouts';
import { batches, buildingSession, cqlIn, featureCollectionSchema, getJson, propertiesOf, type BuildingSource } from './source';
import { checkPageCount, type HttpSession } from '../http/limitedFetch';

export const RYHTI_OGC = 'https://paikkatiedot.ymparisto.fi/geoserver/ryhti_building/ogc/features/v1';

export function ogcItemsUrl(baseUrl: string, collection: string, filter: string, limit: number, startIndex: number): string {
  const params = new URLSearchParams({
    f: 'json',
    limit: String(limit),
    startIndex: String(startIndex),
    filter,
    'filter-lang': 'cql2-text',
  });
  return `${baseUrl.replace(/\/$/, '')}/collections/${collection}/items?${params.toString()}`;
}

async function ogcGetAll(
  baseUrl: string,
  collection: string,
  filter: string,
  o: LiveSourceOptions & { service: string; session: HttpSession },
  opts: RunOptions,
): Promise<Record<string, unknown>[]> {
  const limit = o.pageSize ?? 1000;
  const out: Record<string, unknown>[] = [];
  let url = ogcItemsUrl(baseUrl, collection, filter, limit, 0);
  let start = 0;
  for (let page = 1; ; page++) {
    throwIfAborted(opts.signal);
    // An endless chain of `next` links ends with a message, not a hang.
    checkPageCount(page, o.session);
    const fc = await getJson(url, featureCollectionSchema, {
      service: o.service,
      lang: o.lang,
      fetch: o.fetch,
      signal: opts.signal,
      session: o.session,
    });
    for (const p of propertiesOf(fc)) out.push(p);
    start += fc.features.length;
    const matched = typeof fc.numberMatched === 'number' ? fc.numberMatched : undefined;
    if (fc.features.length === 0 || (matched !== undefined && start >= matched)) break;
    const next = fc.links?.find((l) => l.rel === 'next')?.href;
    if (next) {
      const resolved = new URL(next, url).toString();
      if (resolved === url) break;
      url = resolved;
    } else if (fc.features.length >= limit) {
      url = ogcItemsUrl(baseUrl, collection, filter, limit, start);
    } else break;
  }
  return out;
}

export function ryhtiSource(o: LiveSourceOptions = {}): BuildingSource {
  const baseUrl = o.baseUrl ?? RYHTI_OGC;
  const name = 'Suomen ympäristökeskus (SYKE), Ryhti';

  return {
    id: 'ryhti',
    name,
    controller: 'Suomen ympäristökeskus (SYKE)',
    licence: 'CC BY 4.0',
    attribution: 'Suomen ympäristökeskus (SYKE), Ryhti (CC BY 4.0)',
    party: `Suomen ympäristökeskus SYKE (${new URL(baseUrl).host})`,
    fetchBuildings: (codes, opts = {}) => {
      // One deadline for the whole fetch: both collections, every batch and page.
      const session = buildingSession({
        service: name,
        lang: o.lang,
        fetch: o.fetch,
        signal: opts.signal,
        limits: o.limits,
        notice: opts.notice,
      });
      const q = { ...o, service: name, session };
      return fetchPerPostalCode(
        `ryhti|${baseUrl}`,
        codes,
        o.batchSize ?? 10,
        async (group, runOpts) => {
          const addressRows = await ogcGetAll(baseUrl, 'open_address', cqlIn('postal_code', group), q, runOpts);
          const addresses = addressRows.map(parseRyhtiAddress).filter((a): a is { key: string; address: BuildingAddress } => a !== null);
          const keys = [...new Set(addresses.map((a) => a.key))];
          const buildingRows: Record<string, unknown>[] = [];
          // Building keys are sent, not addresses: the keys came from the postal-code query.
          for (const keyBatch of batches(keys, 50)) {
            for (const row of await ogcGetAll(baseUrl, 'open_building', cqlIn('building_key', keyBatch), q, runOpts))
              buildingRows.push(row);
          }
          return recordsOfLayout('ryhtiBuilding', buildingRows, 'ryhti', addresses);
        },
        opts,
      );
    },
  };
}
