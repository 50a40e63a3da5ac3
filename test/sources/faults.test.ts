/**
 * Every network source against the fault server (test/support/faultServer.ts): a service that
 * hangs, drips, asks to wait, fails, resets, cuts its body short, sends malformed JSON, HTML,
 * an endless chain of pages or a huge body ends with one clear message naming the service,
 * within the limits (issue 16 items 3 and 4). Limits are small here so that each case ends in
 * about a second; the defaults are in src/sources/http/limitedFetch.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createPrhSource, resetPrhThrottle } from '../../src/sources/directory/prh';
import { helsinkiSource } from '../../src/sources/buildings/helsinki';
import { hsySource } from '../../src/sources/buildings/hsy';
import { ryhtiSource } from '../../src/sources/buildings/ryhti';
import { urlFileSource } from '../../src/sources/buildings/file';
import { clearBuildingCache } from '../../src/sources/buildings/cache';
import { UserError, isCancel } from '../../src/core/errors';
import type { NetLimits } from '../../src/sources/http/limitedFetch';
import { startFaultServer, type Fault, type FaultServer, type NormalAnswer } from '../support/faultServer';

const fixtures = path.join(__dirname, '../fixtures');
const json = (file: string) => JSON.parse(readFileSync(path.join(fixtures, file), 'utf8'));
const prhPage = json('prh/search-supercell.json');
const helsinki = json('buildings/helsinki-extract.json').features.slice(0, 3);
const hsy = json('buildings/hsy-capital-region.json').features.slice(0, 3);

const LIMITS: NetLimits = {
  connectTimeoutMs: 300,
  requestTimeoutMs: 1500,
  stepDeadlineMs: 20_000,
  maxRetryAfterMs: 2000,
  maxBodyBytes: 1024 * 1024,
  maxPages: 5,
};

interface SourceUnderTest {
  name: string;
  /** The service as messages name it. */
  service: RegExp;
  /** A normal answer; `endless`: every page full and pointing to another. */
  answer(url: URL, endless: boolean): NormalAnswer;
  /** Runs the source's step against the server; resolves to the number of records. */
  run(base: string, limits: NetLimits, notices: string[], signal?: AbortSignal): Promise<number>;
  /** What a 500 says. */
  serverError: RegExp;
  /** What malformed JSON says (a file's own reader words it for a file behind a URL). */
  malformed?: RegExp;
  paged: boolean;
}

const featureCollection = (features: unknown[], extra: Record<string, unknown> = {}) => ({ type: 'FeatureCollection', features, ...extra });

const wfs = (name: string, features: unknown[], make: typeof helsinkiSource, service: RegExp): SourceUnderTest => ({
  name,
  service,
  paged: true,
  // Endless: a full page every time and no count, as a misconfigured GeoServer does.
  answer: (_url, endless) =>
    endless ? { body: featureCollection(features.slice(0, 2)) } : { body: featureCollection(features, { numberMatched: features.length }) },
  run: async (base, limits, notices, signal) =>
    (
      await make({ baseUrl: `${base}/wfs`, lang: 'en', limits, pageSize: 2 }).fetchBuildings(['00100'], {
        notice: (m) => notices.push(m),
        signal,
      })
    ).buildings.length,
  serverError: /answered with error 500/,
});

const SOURCES: SourceUnderTest[] = [
  {
    name: 'PRH',
    service: /PRH/,
    paged: true,
    answer: (url, endless) => {
      if (!endless) return { body: prhPage };
      // A register that never ends: each page a company not seen before.
      const page = Number(url.searchParams.get('page'));
      const company = structuredClone(prhPage.companies[0]);
      company.businessId.value = `${String(3000000 + page).padStart(7, '0')}-1`;
      return { body: { totalResults: 10_000_000, companies: [company] } };
    },
    run: async (base, limits, notices, signal) => {
      const prh = createPrhSource({ baseUrl: base, lang: 'en', minIntervalMs: 0, maxTries: 3, limits });
      return (await prh.search({ kind: 'b2b', area: { postalCodes: ['00180'] } }, { notice: (m) => notices.push(m), signal })).total;
    },
    serverError: /PRH's API failed \(HTTP 500\)/,
  },
  wfs('Helsinki', helsinki, helsinkiSource, /Helsingin kaupunki, rakennusrekisteri/),
  wfs('HSY', hsy, hsySource, /HSY, pääkaupunkiseudun rakennukset/),
  {
    name: 'Ryhti',
    service: /Ryhti/,
    paged: true,
    answer: (url, endless) => {
      if (!endless) return { body: featureCollection([], { numberMatched: 0 }) };
      // An endless chain of `next` links, each to a new page.
      const n = Number(url.searchParams.get('n') ?? 0);
      const next = new URL(url);
      next.searchParams.set('n', String(n + 1));
      return { body: featureCollection([{ type: 'Feature', properties: { n } }], { links: [{ rel: 'next', href: next.toString() }] }) };
    },
    run: async (base, limits, notices, signal) =>
      (
        await ryhtiSource({ baseUrl: `${base}/ryhti`, lang: 'en', limits }).fetchBuildings(['00100'], {
          notice: (m) => notices.push(m),
          signal,
        })
      ).buildings.length,
    serverError: /answered with error 500/,
  },
  {
    name: 'building file behind a URL',
    service: /rakennukset\.json/,
    paged: false,
    answer: () => ({ body: json('buildings/helsinki-extract.json') }),
    malformed: /The building file is damaged or incomplete and cannot be read/,
    run: async (base, limits, notices, signal) =>
      (
        await urlFileSource(`${base}/rakennukset.json`, { lang: 'en', limits }).fetchBuildings(['00250'], {
          notice: (m) => notices.push(m),
          signal,
        })
      ).buildings.length,
    serverError: /answered with error 500/,
  },
];

let server: FaultServer;
let endless = false;
let current: SourceUnderTest = SOURCES[0]!;

beforeAll(async () => {
  server = await startFaultServer((url) => current.answer(url, endless));
});
afterAll(() => server.close());

describe.each(SOURCES)('$name against a faulty service', (source) => {
  beforeEach(() => {
    current = source;
    endless = false;
    server.queue = [];
    server.requests.length = 0;
    clearBuildingCache();
    resetPrhThrottle();
  });

  async function failure(faults: Fault[], limits: Partial<NetLimits> = {}): Promise<string> {
    server.queue = faults;
    const error = await source.run(server.url, { ...LIMITS, ...limits }, []).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    const message = (error as Error).message;
    // One line, naming the service.
    expect(message).not.toMatch(/\n/);
    expect(message).toMatch(source.service);
    return message;
  }

  it('answers normally when nothing is wrong', async () => {
    expect(await source.run(server.url, LIMITS, [])).toBeGreaterThanOrEqual(0);
  });

  it('a service that accepts the connection and never answers ends at the connect timeout', async () => {
    expect(await failure([{ kind: 'hang' }])).toMatch(/did not answer within 0\.3 seconds/);
  });

  it('a body dripped a byte at a time ends at the request timeout', async () => {
    expect(await failure([{ kind: 'drip', intervalMs: 100 }])).toMatch(/did not finish its response within 1\.5 seconds/);
  });

  it('429 with a short Retry-After is waited out with a countdown, then the step carries on', async () => {
    server.queue = [{ kind: 'status', status: 429, headers: { 'retry-after': '1' } }];
    const notices: string[] = [];
    await source.run(server.url, LIMITS, notices);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/asked to wait: 1 s…$/);
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
  });

  it('429 with a Retry-After over the cap ends at once with the numbers', async () => {
    expect(await failure([{ kind: 'status', status: 429, headers: { 'retry-after': '3600' } }])).toMatch(
      /asked to wait 3600 s before trying again; Rajaus waits at most 2 s/,
    );
  });

  it('a wait that would pass the step deadline ends with the deadline', async () => {
    expect(await failure([{ kind: 'status', status: 429, headers: { 'retry-after': '2' } }], { stepDeadlineMs: 1500 })).toMatch(
      /the step did not finish within its limit of 1\.5 seconds/,
    );
  });

  it('500 says the service failed', async () => {
    expect(await failure([500, 500, 500].map((status) => ({ kind: 'status', status }) as Fault))).toMatch(source.serverError);
  });

  it('a reset connection says the service did not answer', async () => {
    expect(await failure([{ kind: 'reset' }])).toMatch(/did not answer/);
  });

  it('a body broken off mid-way says how much came', async () => {
    expect(await failure([{ kind: 'truncated' }])).toMatch(/broke off the connection after [\d,]+ bytes|cut off after [\d,]+ bytes/);
  });

  it('a body that ends early (no Content-Length) is truncated JSON, said so', async () => {
    expect(await failure([{ kind: 'cut' }])).toMatch(/the response was cut off after [\d,]+ bytes/);
  });

  it('malformed JSON and an HTML page each get their own message', async () => {
    expect(await failure([{ kind: 'malformed' }])).toMatch(source.malformed ?? /the response is not valid JSON/);
    expect(await failure([{ kind: 'html' }])).toMatch(/sent an HTML page instead of JSON/);
  });

  it('a huge body, announced or not, is refused past the size cap', async () => {
    expect(await failure([{ kind: 'huge', bytes: 3 * 1024 * 1024, declared: true }])).toMatch(/sent a response over 1 MB/);
    expect(await failure([{ kind: 'huge', bytes: 3 * 1024 * 1024, declared: false }])).toMatch(/sent a response over 1 MB/);
  });

  if (source.paged) {
    it('an endless chain of pages ends at the page cap with a message', async () => {
      endless = true;
      expect(await failure([])).toMatch(/kept giving new pages after 5 pages/);
      expect(server.requests.length).toBeLessThanOrEqual(LIMITS.maxPages * 2);
    });
  }

  it('cancel during a hang stops at once, as cancelled, not as a timeout', async () => {
    server.queue = [{ kind: 'hang' }];
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 100);
    const error = await source.run(server.url, { ...LIMITS, connectTimeoutMs: 60_000 }, [], ctrl.signal).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(UserError);
    expect(isCancel(error)).toBe(true);
  });
});
