/**
 * A local HTTP server on 127.0.0.1 that replays the building services' response layouts from
 * the fixtures: GeoServer WFS 2.0 GetFeature (Helsinki, HSY) with CQL_FILTER and count /
 * startIndex paging, and OGC API Features (Ryhti) that, like the real one, silently ignores
 * query parameters it does not know and pages with limit / startIndex and `next` links.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { clearBuildingCache } from '../../../src/sources/buildings/cache';

const dir = path.join(__dirname, '../../fixtures/buildings');
type Feature = { type: 'Feature'; id?: string; properties: Record<string, unknown> };
const load = (file: string): Feature[] => JSON.parse(readFileSync(path.join(dir, file), 'utf8')).features;

/** `field IN ('a','b')` or `field='a'`: the only CQL our client sends. */
export function parseCql(cql: string): { field: string; values: Set<string> } | null {
  const m = /^\s*(\w+)\s*(?:=\s*'([^']*)'|IN\s*\(([^)]*)\))\s*$/i.exec(cql);
  if (!m) return null;
  const values = m[2] !== undefined ? [m[2]] : [...m[3]!.matchAll(/'([^']*)'/g)].map((x) => x[1]!);
  return { field: m[1]!, values: new Set(values) };
}

/** The register's numbers lose their zeros (250 for "00250"); CQL compares them as values. */
const same = (value: unknown, wanted: Set<string>) => value !== null && value !== undefined && (wanted.has(String(value)) || wanted.has(String(value).padStart(5, '0')));

export interface Replay {
  url: string;
  requests: URL[];
  /** Makes the next n requests fail with this status. */
  failNext(status: number, n?: number): void;
  close(): Promise<void>;
}

export interface ReplayOptions {
  /**
   * Answer browsers of any origin (`access-control-allow-origin: *`), as a proxy the user set up
   * for the pane would. Off by default: the real services need not send CORS headers, and a
   * pane that works only because a fake does would hide that (issue 15).
   */
  cors?: boolean;
}

export async function startReplay(options: ReplayOptions = {}): Promise<Replay> {
  const helsinki = load('helsinki-extract.json');
  const hsy = load('hsy-capital-region.json');
  const ryhti: Record<string, Feature[]> = { open_building: load('ryhti-open_building.json'), open_address: load('ryhti-open_address.json') };
  const requests: URL[] = [];
  let failures: { status: number; n: number } | null = null;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    requests.push(url);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...(options.cors ? { 'access-control-allow-origin': '*' } : {}) });
      res.end(JSON.stringify(body));
    };
    if (failures && failures.n > 0) {
      failures.n--;
      return send(failures.status, { error: 'Service Unavailable' });
    }
    const wfs = url.pathname === '/hki/wfs' ? helsinki : url.pathname === '/hsy/wfs' ? hsy : null;
    if (wfs) {
      const cql = parseCql(url.searchParams.get('CQL_FILTER') ?? '');
      const matched = cql ? wfs.filter((f) => same(f.properties[cql.field], cql.values)) : wfs;
      const start = Number(url.searchParams.get('startIndex') ?? 0);
      const count = Number(url.searchParams.get('count') ?? 1_000_000);
      const page = matched.slice(start, start + count);
      return send(200, { type: 'FeatureCollection', features: page, totalFeatures: matched.length, numberMatched: matched.length, numberReturned: page.length, timeStamp: '2024-04-19T09:00:00.000Z', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4326' } } });
    }
    const ogc = /^\/ryhti\/collections\/(\w+)\/items$/.exec(url.pathname);
    if (ogc && ryhti[ogc[1]!]) {
      // Only a CQL2 text filter filters; anything else (postal_code=…) is ignored silently.
      const cql = url.searchParams.get('filter-lang') === 'cql2-text' ? parseCql(url.searchParams.get('filter') ?? '') : null;
      const all = ryhti[ogc[1]!]!;
      const matched = cql ? all.filter((f) => same(f.properties[cql.field], cql.values)) : all;
      const start = Number(url.searchParams.get('startIndex') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 10);
      const page = matched.slice(start, start + limit);
      const links: { rel: string; href: string; type: string }[] = [{ rel: 'self', href: url.toString(), type: 'application/geo+json' }];
      if (start + page.length < matched.length) {
        const next = new URL(url);
        next.searchParams.set('startIndex', String(start + page.length));
        links.push({ rel: 'next', href: next.toString(), type: 'application/geo+json' });
      }
      return send(200, { type: 'FeatureCollection', features: page, numberMatched: matched.length, numberReturned: page.length, timeStamp: '2024-04-19T09:00:00Z', links });
    }
    send(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext: (status, n = 1) => {
      failures = { status, n };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * For a Jest file: one server for the whole file, and before each test an empty request log
 * and building cache (a cached building would hide the requests a test looks at).
 */
export function useReplay(): Replay {
  const replay = {} as Replay;
  beforeAll(async () => {
    Object.assign(replay, await startReplay());
  });
  afterAll(() => replay.close());
  beforeEach(() => {
    clearBuildingCache();
    replay.requests.length = 0;
  });
  return replay;
}
