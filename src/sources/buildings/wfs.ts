/**
 * WFS 2.0 GetFeature against GeoServer (Helsinki, HSY): JSON output, a CQL filter on postal
 * codes, paged with count/startIndex until a short page or numberMatched says it is done.
 */
import type { RunOptions } from '../../core/progress';
import { throwIfAborted } from '../../core/errors';
import type { Lang } from '../../core/i18n/lang';
import { fetchPerPostalCode } from './cache';
import { recordsOfLayout, type Layout } from './layouts';
import { buildingSession, cqlIn, featureCollectionSchema, getJson, propertiesOf, type BuildingSource, type FetchFn } from './source';
import { checkPageCount, type HttpSession, type NetLimits } from '../http/limitedFetch';

/** Options every live building source takes: a proxy or test server, paging, language. */
export interface LiveSourceOptions {
  baseUrl?: string;
  fetch?: FetchFn;
  lang?: Lang;
  pageSize?: number;
  batchSize?: number;
  /** Timeouts, deadline, Retry-After cap, response size and page cap (limitedFetch.ts). */
  limits?: Partial<NetLimits>;
}

export interface WfsQuery {
  baseUrl: string;
  typeName: string;
  cqlFilter: string;
  propertyNames?: readonly string[];
  pageSize: number;
  service: string;
  lang?: Lang;
  fetch?: FetchFn;
  /** Sort key for stable paging (GeoServer pages by natural order otherwise). */
  sortBy?: string;
  /** The step's HTTP session (deadline, limits); one per request when absent. */
  session?: HttpSession;
}

export function wfsUrl(q: WfsQuery, startIndex: number): string {
  const params = new URLSearchParams({
    service: 'WFS',
    version: '2.0.0',
    request: 'GetFeature',
    typeNames: q.typeName,
    outputFormat: 'application/json',
    srsName: 'EPSG:4326',
    count: String(q.pageSize),
    startIndex: String(startIndex),
    CQL_FILTER: q.cqlFilter,
  });
  if (q.propertyNames?.length) params.set('propertyName', q.propertyNames.join(','));
  if (q.sortBy) params.set('sortBy', q.sortBy);
  const sep = q.baseUrl.includes('?') ? '&' : '?';
  return `${q.baseUrl}${sep}${params.toString()}`;
}

/** All features' properties for one query, page by page. */
export async function wfsGetAll(q: WfsQuery, opts: RunOptions = {}): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (let start = 0, page = 1; ; page++) {
    throwIfAborted(opts.signal);
    // A server that always returns a full page and no count would page forever.
    if (q.session) checkPageCount(page, q.session);
    const url = wfsUrl(q, start);
    const fc = await getJson(url, featureCollectionSchema, {
      service: q.service,
      lang: q.lang,
      fetch: q.fetch,
      signal: opts.signal,
      session: q.session,
    });
    for (const p of propertiesOf(fc)) out.push(p); // no spread: pages can be large
    const returned = fc.features.length;
    const matched =
      typeof fc.numberMatched === 'number' ? fc.numberMatched : typeof fc.totalFeatures === 'number' ? fc.totalFeatures : undefined;
    start += returned;
    if (returned === 0 || returned < q.pageSize) break;
    if (matched !== undefined && start >= matched) break;
  }
  return out;
}

/**
 * A building register served by GeoServer WFS (Helsinki, HSY): what differs is the register's
 * names, the layer, its field layout and which fields to ask for. Postal codes are sent in
 * batches (CQL on postinumero), never addresses, and each code is fetched once a session.
 */
export function wfsBuildingSource(
  register: {
    id: 'helsinki' | 'hsy';
    name: string;
    controller: string;
    attribution: string;
    /** Who is contacted, as the notes name them; the host is added. */
    partyName: string;
    defaultBaseUrl: string;
    typeName: string;
    layout: Layout;
    propertyNames?: readonly string[];
  },
  o: LiveSourceOptions = {},
): BuildingSource {
  const baseUrl = o.baseUrl ?? register.defaultBaseUrl;
  return {
    id: register.id,
    name: register.name,
    controller: register.controller,
    licence: 'CC BY 4.0',
    attribution: register.attribution,
    party: `${register.partyName} (${new URL(baseUrl).host})`,
    fetchBuildings: (codes, opts = {}) => {
      // One deadline for the whole fetch, however many batches and pages it takes.
      const session = buildingSession({
        service: register.name,
        lang: o.lang,
        fetch: o.fetch,
        signal: opts.signal,
        limits: o.limits,
        notice: opts.notice,
      });
      return fetchPerPostalCode(
        `${register.id}|${baseUrl}`,
        codes,
        o.batchSize ?? 10,
        async (group, runOpts) => {
          const rows = await wfsGetAll(
            {
              baseUrl,
              typeName: register.typeName,
              cqlFilter: cqlIn('postinumero', group),
              propertyNames: register.propertyNames,
              pageSize: o.pageSize ?? 5000,
              service: register.name,
              lang: o.lang,
              fetch: o.fetch,
              session,
            },
            runOpts,
          );
          return recordsOfLayout(register.layout, rows, register.id);
        },
        opts,
      );
    },
  };
}
