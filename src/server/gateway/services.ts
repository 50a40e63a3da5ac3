/**
 * What the gateway passes on: for each service, its upstream base, the paths under it and the
 * query parameters Rajaus's own clients send (src/sources/directory/prh.ts,
 * src/sources/buildings/{wfs,ryhti}.ts), each value checked by a zod schema. Anything else
 * (another path, an unknown or repeated parameter, a value of another form) is refused before
 * any upstream is contacted. The upstream URL is always the configured base + a fixed path, so
 * no request can choose another host, scheme or port.
 */
import { z } from 'zod';

export type ServiceId = 'prh' | 'helsinki' | 'hsy' | 'ryhti';
export const SERVICE_IDS: readonly ServiceId[] = ['prh', 'helsinki', 'hsy', 'ryhti'];

export const DEFAULT_UPSTREAMS: Record<ServiceId, string> = {
  prh: 'https://avoindata.prh.fi/opendata-ytj-api/v3',
  helsinki: 'https://kartta.hel.fi/ws/geoserver/avoindata/wfs',
  hsy: 'https://kartta.hsy.fi/geoserver/wfs',
  ryhti: 'https://paikkatiedot.ymparisto.fi/geoserver/ryhti_building/ogc/features/v1',
};

const POSTAL_CODE = /^\d{5}$/;
const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'a whole number')
    .refine((v) => Number(v) >= min && Number(v) <= max, `between ${min} and ${max}`);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-mm-dd');

/** A CQL list of quoted values on one field, the only filter Rajaus sends: `f='a'` or `f IN ('a','b')`. */
function cqlOn(field: string, value: RegExp, max: number) {
  const one = `'(${value.source.replace(/^\^|\$$/g, '')})'`;
  const re = new RegExp(`^${field}(?:=${one}| IN \\(${one}(?:,${one}){0,${max - 1}}\\))$`);
  return z.string().max(4000).regex(re, `${field}='…' or ${field} IN ('…',…) of at most ${max} values`);
}
const postalCql = (field: string) => cqlOn(field, POSTAL_CODE, 50);
const buildingKeyCql = cqlOn('building_key', /^[0-9A-Za-z._:-]{1,64}$/, 100);

/** What may be logged of a query: postal codes and industry codes, nothing else (values of others are counted). */
export type LoggableKeys = readonly string[];

export interface Route {
  /** Path under the service's gateway prefix and its upstream base ('' for the base itself). */
  path: RegExp;
  query: z.ZodType<Record<string, string>>;
  /** What the upstream answers: JSON is parsed (and refused when it is not JSON), text passed on. */
  body: 'json' | 'text';
}

export interface ServiceSpec {
  id: ServiceId;
  /** The upstream's name in messages and logs. */
  name: string;
  routes: Route[];
  /** Seconds a good answer is cached and may be cached by a CDN. */
  ttlSeconds: number;
}

const wfsQuery = (layer: string) =>
  z
    .object({
      service: z.literal('WFS'),
      version: z.literal('2.0.0'),
      request: z.literal('GetFeature'),
      typeNames: z.literal(layer),
      outputFormat: z.literal('application/json'),
      srsName: z.literal('EPSG:4326'),
      count: int(1, 10_000),
      startIndex: int(0, 10_000_000),
      CQL_FILTER: postalCql('postinumero'),
      propertyName: z
        .string()
        .max(1000)
        .regex(/^[a-z_]{1,40}(,[a-z_]{1,40}){0,60}$/, 'field names')
        .optional(),
      sortBy: z
        .string()
        .regex(/^[a-z_]{1,40}( (A|D|ASC|DESC))?$/, 'a field name')
        .optional(),
    })
    .strict();

export const SERVICES: Record<ServiceId, ServiceSpec> = {
  prh: {
    id: 'prh',
    name: 'PRH YTJ',
    ttlSeconds: 600,
    routes: [
      {
        path: /^\/companies$/,
        body: 'json',
        query: z
          .object({
            postCode: z.string().regex(POSTAL_CODE, 'five digits').optional(),
            location: z
              .string()
              .max(60)
              .regex(/^[\p{L}][\p{L} .'-]*$/u, 'a post office name')
              .optional(),
            companyForm: z
              .string()
              .regex(/^[A-Z]{1,5}$/, 'a company form code')
              .optional(),
            mainBusinessLine: z
              .string()
              .regex(/^[A-Z0-9]{1,6}$/, 'an industry code')
              .optional(),
            registrationDateStart: date.optional(),
            registrationDateEnd: date.optional(),
            page: int(1, 10_000).optional(),
          })
          .strict(),
      },
      {
        path: /^\/description$/,
        body: 'text',
        query: z.object({ code: z.string().regex(/^[A-Z0-9_]{2,12}$/, 'a code list name'), lang: z.enum(['fi', 'sv', 'en']) }).strict(),
      },
    ],
  },
  helsinki: {
    id: 'helsinki',
    name: 'Helsinki WFS',
    ttlSeconds: 3600,
    routes: [{ path: /^$/, body: 'json', query: wfsQuery('avoindata:Rakennukset_alue_rekisteritiedot') }],
  },
  hsy: {
    id: 'hsy',
    name: 'HSY WFS',
    ttlSeconds: 3600,
    routes: [{ path: /^$/, body: 'json', query: wfsQuery('asuminen_ja_maankaytto:pks_rakennukset_paivittyva') }],
  },
  ryhti: {
    id: 'ryhti',
    name: 'Ryhti OGC API',
    ttlSeconds: 3600,
    routes: [
      {
        path: /^\/collections\/open_address\/items$/,
        body: 'json',
        query: z
          .object({
            f: z.literal('json'),
            limit: int(1, 10_000),
            startIndex: int(0, 10_000_000),
            filter: postalCql('postal_code'),
            'filter-lang': z.literal('cql2-text'),
          })
          .strict(),
      },
      {
        path: /^\/collections\/open_building\/items$/,
        body: 'json',
        query: z
          .object({
            f: z.literal('json'),
            limit: int(1, 10_000),
            startIndex: int(0, 10_000_000),
            filter: buildingKeyCql,
            'filter-lang': z.literal('cql2-text'),
          })
          .strict(),
      },
    ],
  },
};

/** The postal codes and industry codes in a validated query: the only values the log may show. */
export function loggableValues(query: Record<string, string>): string[] {
  const out: string[] = [];
  if (query.postCode) out.push(query.postCode);
  if (query.mainBusinessLine) out.push(query.mainBusinessLine);
  for (const key of ['CQL_FILTER', 'filter']) {
    const v = query[key];
    if (v && /^(postinumero|postal_code)\b/.test(v)) out.push(...[...v.matchAll(/'(\d{5})'/g)].map((m) => m[1]!));
  }
  return out;
}
