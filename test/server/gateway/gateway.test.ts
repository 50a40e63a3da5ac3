/**
 * The gateway between the pane and the open-data services: what it refuses (it is never an open
 * proxy), how it meets upstream faults, and its throttle, cache, CORS and logging. Each test runs
 * `rajaus serve`'s server on a random port against a local fake upstream that sends no CORS headers.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRajausServer, type RunningServer } from '../../../src/server/server';
import type { GatewayOptions } from '../../../src/server/gateway/gateway';
import { json, startFakeUpstream, type FakeUpstream } from '../fakeUpstream';

// dist/ inside a folder that also holds a file a traversal would reach, and a dotfile in dist/
// itself: a refused traversal is then a refusal, not merely a file that is not there.
const OUTSIDE = mkdtempSync(join(tmpdir(), 'rajaus-gw-'));
const DIST = join(OUTSIDE, 'dist');
mkdirSync(DIST);
writeFileSync(join(DIST, 'taskpane.html'), '<!doctype html><html><head><title>Rajaus</title></head><body></body></html>');
const SECRET = 'SECRET-OUTSIDE-DIST';
writeFileSync(join(OUTSIDE, 'secret.txt'), SECRET);
writeFileSync(join(DIST, '.env'), SECRET);

const PRH_PAGE = { totalResults: 1, companies: [{ businessId: { value: '2331972-7' }, names: [] }] };
const WFS_Q =
  'service=WFS&version=2.0.0&request=GetFeature&typeNames=avoindata%3ARakennukset_alue_rekisteritiedot&outputFormat=application%2Fjson&srsName=EPSG%3A4326&count=5000&startIndex=0&CQL_FILTER=' +
  encodeURIComponent("postinumero IN ('00100','00250')");

let upstream: FakeUpstream;
let server: RunningServer;
let logs: string[];

async function start(gateway: GatewayOptions = {}): Promise<void> {
  logs = [];
  server = await startRajausServer({
    port: 0,
    distDir: DIST,
    behindProxy: false,
    log: (l) => logs.push(l),
    gateway: {
      upstreams: {
        prh: `${upstream.url}/v3`,
        helsinki: `${upstream.url}/hki/wfs`,
        hsy: `${upstream.url}/hsy/wfs`,
        ryhti: `${upstream.url}/ryhti`,
      },
      ...gateway,
    },
  });
}

beforeEach(async () => {
  upstream = await startFakeUpstream();
  upstream.reply = (_req, res) => json(res, 200, PRH_PAGE);
});
afterEach(async () => {
  await server?.close();
  await upstream.close();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

/** Sends a request target as written, without the URL normalization fetch would do. */
function raw(target: string, extra = ''): Promise<{ status: number; text: string }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () =>
      socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${extra}Connection: close\r\n\r\n`),
    );
    let text = '';
    socket.on('data', (d) => (text += d.toString()));
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
    socket.on('error', reject);
  });
}

describe('the gateway passes on what Rajaus sends', () => {
  beforeEach(() => start());

  it('PRH companies by postal code and company form, with the parameters as sent, no CORS needed', async () => {
    const res = await get('/api/prh/companies?postCode=33100&companyForm=OY&registrationDateStart=2015-01-01&page=2');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(PRH_PAGE);
    expect(upstream.requests).toHaveLength(1);
    const u = upstream.requests[0]!.url;
    expect(u.pathname).toBe('/v3/companies');
    expect(Object.fromEntries(u.searchParams)).toEqual({
      postCode: '33100',
      companyForm: 'OY',
      registrationDateStart: '2015-01-01',
      page: '2',
    });
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('the Helsinki WFS query of src/sources/buildings/wfs.ts, and HSY’s with its own layer only', async () => {
    const ok = await get(`/api/helsinki/wfs?${WFS_Q}&propertyName=postinumero,c_valmpvm`);
    expect(ok.status).toBe(200);
    expect(upstream.requests[0]!.url.pathname).toBe('/hki/wfs');
    expect(upstream.requests[0]!.url.searchParams.get('CQL_FILTER')).toBe("postinumero IN ('00100','00250')");
    // HSY's gateway passes HSY's layer only, not Helsinki's.
    expect((await get(`/api/hsy/wfs?${WFS_Q}`)).status).toBe(400);
  });

  it("rewrites Ryhti's paging links to the gateway, so the pane follows them through it", async () => {
    upstream.reply = (req, res) =>
      json(res, 200, {
        type: 'FeatureCollection',
        features: [],
        links: [{ rel: 'next', href: `${upstream.url}/ryhti/collections/open_address/items?f=json&limit=1&startIndex=1` }],
      });
    const q = `f=json&limit=1&startIndex=0&filter=${encodeURIComponent("postal_code='00100'")}&filter-lang=cql2-text`;
    const body = (await (await get(`/api/ryhti/collections/open_address/items?${q}`)).json()) as { links: { href: string }[] };
    expect(body.links[0]!.href).toBe(`${server.url}/api/ryhti/collections/open_address/items?f=json&limit=1&startIndex=1`);
  });

  it('answers /api/health, so anyone can see a gateway is there', async () => {
    const res = await get('/api/health');
    expect(await res.json()).toMatchObject({ ok: true, gateway: 'rajaus' });
    expect(upstream.requests).toHaveLength(0);
  });
});

describe('never an open proxy: refused before any upstream is asked', () => {
  beforeEach(() => start());
  afterEach(() => expect(upstream.requests).toHaveLength(0));

  it('another host, as an absolute request target or in a parameter', async () => {
    expect((await raw('http://example.com/api/prh/companies?postCode=00100')).status).toBe(400);
    expect((await raw('http://127.0.0.1:22/')).status).toBe(400);
    expect((await get('/api/prh/companies?postCode=00100&url=http%3A%2F%2F127.0.0.1%3A22%2F')).status).toBe(400);
    expect((await get('/api/prh/companies?location=http%3A%2F%2F127.0.0.1%3A22')).status).toBe(400);
  });

  it('http://127.0.0.1:22 and file: as gateway paths', async () => {
    for (const target of [
      '/api/http://127.0.0.1:22/',
      '/api/prh//127.0.0.1:22/companies',
      '/api/file:///etc/passwd',
      '/api/prh/file:%2F%2F%2Fetc%2Fpasswd',
    ]) {
      const r = await raw(target);
      expect([target, r.status]).toEqual([target, 404]);
    }
    expect((await get('/api/other/companies')).status).toBe(404);
  });

  it('path traversal, written plainly or escaped', async () => {
    for (const target of [
      '/api/prh/../../etc/passwd',
      '/api/prh/%2e%2e/companies',
      '/api/prh/companies/..',
      '/api/ryhti/collections/..%2Fopen_address/items',
      '/api/helsinki/wfs/../../x',
      '/api/prh/companies%3FpostCode=00100',
    ]) {
      const r = await raw(target);
      expect([target, r.status]).toEqual([target, 404]);
    }
    // The static files are confined to dist/ just the same (secret.txt is next to dist/, .env in it).
    for (const target of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/assets/..%2F..%2Fsecret.txt',
      '/..%2F..%2Fetc%2Fpasswd',
      '/.env',
      '/%2eenv',
    ]) {
      const r = await raw(target);
      expect([target, r.status]).toEqual([target, 404]);
      expect(r.text).not.toContain(SECRET);
      expect(r.text).not.toContain('root:');
    }
  });

  it('paths and parameters Rajaus does not send, repeated parameters and values of another form', async () => {
    expect((await get('/api/prh/all_companies')).status).toBe(404);
    expect((await get('/api/prh/companies?name=Nokia')).status).toBe(400);
    expect((await get('/api/prh/companies?postCode=00100&postCode=00200')).status).toBe(400);
    expect((await get('/api/prh/companies?postCode=001000')).status).toBe(400);
    expect((await get('/api/prh/companies?page=-1')).status).toBe(400);
    const cql = encodeURIComponent("postinumero='00100' OR 1=1");
    expect((await get(`/api/helsinki/wfs?${WFS_Q.replace(/CQL_FILTER=[^&]*/, `CQL_FILTER=${cql}`)}`)).status).toBe(400);
    expect((await get(`/api/helsinki/wfs?${WFS_Q.replace('GetFeature', 'Transaction')}`)).status).toBe(400);
    const ryhtiByAddress = `f=json&limit=10&startIndex=0&filter=${encodeURIComponent("address_fin='Mannerheimintie 1'")}&filter-lang=cql2-text`;
    expect((await get(`/api/ryhti/collections/open_address/items?${ryhtiByAddress}`)).status).toBe(400);
    const refused = await get('/api/prh/companies?name=Nokia');
    // The message names the parameter, not its value.
    expect(((await refused.json()) as { message: string }).message).toMatch(/name/);
  });

  it('oversize: a request target over 8 KB, a request with a body, other methods', async () => {
    const long = await get(`/api/prh/companies?location=${'a'.repeat(9000)}`);
    expect(long.status).toBe(414);
    const post = await fetch(`${server.url}/api/prh/companies?postCode=00100`, { method: 'POST', body: 'x'.repeat(1000) });
    expect([405, 413]).toContain(post.status);
    const withBody = await raw('/api/prh/companies?postCode=00100', 'Content-Length: 5\r\n');
    expect(withBody.status).toBe(413);
  });

  it('any method but GET (and HEAD): 405 naming GET, even without a body', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await fetch(`${server.url}/api/prh/companies?postCode=00100`, { method });
      expect([method, res.status, res.headers.get('allow')]).toEqual([method, 405, 'GET, HEAD']);
    }
  });

  it('a page of another origin (CORS is for its own origin only)', async () => {
    const res = await get('/api/prh/companies?postCode=00100', { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${server.url}/api/prh/companies`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(403);
    // A browser that sends no Origin but marks the request cross-site is refused too.
    expect((await get('/api/prh/companies?postCode=00100', { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });
});

describe('CORS for its own origin', () => {
  beforeEach(() => start());
  it('echoes its own origin only', async () => {
    const res = await get('/api/prh/companies?postCode=00100', { origin: server.url });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(server.url);
    expect(res.headers.get('vary')).toMatch(/Origin/);
    // Same-origin requests (no Origin header) need no CORS header, and get none.
    expect((await get('/api/prh/companies?postCode=00100')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it("passes on none of the upstream's headers: not its CORS grant to everyone, not its cookies", async () => {
    upstream.reply = (_req, res) =>
      json(res, 200, PRH_PAGE, { 'access-control-allow-origin': '*', 'set-cookie': 'session=abc', server: 'upstream/1.0' });
    const res = await get('/api/prh/companies?postCode=00100', { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    const own = await get('/api/prh/companies?postCode=00100');
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBeNull();
    expect(own.headers.get('set-cookie')).toBeNull();
    expect(own.headers.get('server')).toBeNull();
  });

  it("answers its own origin's preflight, and nobody else's", async () => {
    const preflight = await fetch(`${server.url}/api/prh/companies?postCode=00100`, {
      method: 'OPTIONS',
      headers: { origin: server.url, 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(server.url);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, HEAD');
    expect(upstream.requests).toHaveLength(0);
  });

  it("the gateway's answers carry the security headers too (CSP, nosniff; no HSTS on plain HTTP)", async () => {
    for (const path of ['/api/prh/companies?postCode=00100', '/api/prh/companies?name=x', '/api/nothing']) {
      const res = await get(path);
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });
});

describe('upstream faults', () => {
  it('429 with a short Retry-After: the gateway waits it out and asks again', async () => {
    await start({ maxRetryWaitMs: 5000 });
    let n = 0;
    upstream.reply = (_req, res) =>
      n++ === 0 ? json(res, 429, { message: 'Too many requests' }, { 'retry-after': '1' }) : json(res, 200, PRH_PAGE);
    const res = await get('/api/prh/companies?postCode=00100');
    expect(res.status).toBe(200);
    expect(upstream.requests).toHaveLength(2);
    expect(upstream.requests[1]!.at - upstream.requests[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('429 with a long Retry-After: capped, told to the client, and nobody asks the upstream meanwhile', async () => {
    await start({ retryAfterCapMs: 7000, maxRetryWaitMs: 1000 });
    upstream.reply = (_req, res) => json(res, 429, { message: 'Too many requests' }, { 'retry-after': '86400' });
    const res = await get('/api/prh/companies?postCode=00100');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(((await res.json()) as { message: string }).message).toMatch(/PRH YTJ is busy/);
    // Another user a moment later: held back without troubling PRH.
    const second = await get('/api/prh/companies?postCode=33100');
    expect(second.status).toBe(503);
    expect(Number(second.headers.get('retry-after'))).toBeLessThanOrEqual(7);
    expect(upstream.requests).toHaveLength(1);
  });

  it('500: a 502 naming the service, nothing cached', async () => {
    await start();
    upstream.reply = (_req, res) => json(res, 500, { message: 'internal' });
    const res = await get('/api/prh/companies?postCode=00100');
    expect(res.status).toBe(502);
    expect(((await res.json()) as { message: string }).message).toBe('PRH YTJ failed (HTTP 500)');
    expect(res.headers.get('cache-control')).toBe('no-store');
    upstream.reply = (_req, r) => json(r, 200, PRH_PAGE);
    expect((await get('/api/prh/companies?postCode=00100')).status).toBe(200);
  });

  it('a hanging upstream: 504 after the timeout', async () => {
    await start({ timeoutMs: 300 });
    upstream.reply = () => undefined; // never answers
    const res = await get('/api/prh/companies?postCode=00100');
    expect(res.status).toBe(504);
    expect(((await res.json()) as { message: string }).message).toMatch(/did not answer within/);
  });

  it('an upstream that sends its headers and then stalls mid-body: 504 after the timeout', async () => {
    await start({ timeoutMs: 300 });
    upstream.reply = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"totalResults": 5, "companies": [');
    };
    const started = Date.now();
    const res = await get('/api/prh/companies?postCode=00100');
    expect(res.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('truncated JSON, whether the stream ends early or is cut below its Content-Length', async () => {
    await start();
    upstream.reply = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"totalResults": 5, "companies": [{"businessId"');
    };
    const ended = await get('/api/prh/companies?postCode=00100');
    expect(ended.status).toBe(502);
    expect(((await ended.json()) as { message: string }).message).toMatch(/not valid JSON/);
    upstream.reply = (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
      res.write('{"totalResults": 5, "compa');
      setTimeout(() => req.socket.destroy(), 20);
    };
    const cut = await get('/api/prh/companies?postCode=00200');
    expect(cut.status).toBe(502);
  });

  it('an HTML page instead of JSON (a maintenance page, a login wall)', async () => {
    await start();
    upstream.reply = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body><h1>Huoltokatko</h1></body></html>');
    };
    const res = await get(`/api/helsinki/wfs?${WFS_Q}`);
    expect(res.status).toBe(502);
    expect(((await res.json()) as { message: string }).message).toBe('Helsinki WFS returned an HTML page instead of JSON');
  });

  it('an answer over the size limit', async () => {
    await start({ maxResponseBytes: 10_000 });
    upstream.reply = (_req, res) => json(res, 200, { totalResults: 1, companies: [{ pad: 'x'.repeat(20_000) }] });
    expect((await get('/api/prh/companies?postCode=00100')).status).toBe(502);
    // Without Content-Length too (chunked), the limit holds while reading.
    upstream.reply = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"pad":"');
      res.write('x'.repeat(20_000));
      res.end('"}');
    };
    expect((await get('/api/prh/companies?postCode=00200')).status).toBe(502);
  });

  it('a redirect is not followed', async () => {
    await start();
    upstream.reply = (_req, res) => {
      res.writeHead(302, { location: 'http://127.0.0.1:22/' });
      res.end();
    };
    expect((await get('/api/prh/companies?postCode=00100')).status).toBe(502);
    expect(upstream.requests).toHaveLength(1);
  });
});

describe('throttle, cache and log', () => {
  it('spaces PRH queries for all users together (here 300 a minute: 200 ms apart)', async () => {
    await start({ prhPerMinute: 300 });
    const codes = ['00100', '00120', '00130', '00140', '00150'];
    await Promise.all(codes.map((c) => get(`/api/prh/companies?postCode=${c}`)));
    const at = upstream.requests.map((r) => r.at).sort((a, b) => a - b);
    // Slots are 200 ms apart (throttle.test.ts checks them exactly); arrivals jitter with the
    // connections (by tens of ms on a loaded 2-core machine), so the span of five (800 ms by
    // the slots; 0 ms unthrottled) is checked with 200 ms of room.
    expect(upstream.requests).toHaveLength(5);
    expect(at[4]! - at[0]!).toBeGreaterThanOrEqual(600);
  });

  it('caches good answers with Cache-Control, and shares one upstream call among identical requests', async () => {
    await start();
    const first = await get('/api/prh/companies?postCode=00100&page=1');
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(first.headers.get('cache-control')).toBe('public, max-age=600');
    // The same query with the parameters in another order is the same query.
    const second = await get('/api/prh/companies?page=1&postCode=00100');
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(await second.json()).toEqual(PRH_PAGE);
    upstream.reply = (_req, res) => setTimeout(() => json(res, 200, PRH_PAGE), 100);
    await Promise.all([1, 2, 3].map(() => get('/api/prh/companies?postCode=33100')));
    expect(upstream.requests).toHaveLength(2);
    expect(server.gateway.stats()).toMatchObject({ cacheHits: 3, cacheMisses: 2, upstreamCalls: 2 });
  });

  it('logs counts and durations, and of the values only postal and industry codes', async () => {
    await start();
    await get('/api/prh/companies?location=Kangasala&companyForm=OY&registrationDateStart=2015-03-04');
    await get('/api/prh/companies?postCode=33100&mainBusinessLine=43220');
    await get('/api/prh/companies?name=Yritys%20Oy');
    const text = logs.join('\n');
    expect(text).toMatch(/gateway GET prh miss 200 \d+ ms/);
    expect(text).toContain('codes=33100,43220');
    for (const secret of ['Kangasala', '2015-03-04', 'Yritys']) expect(text).not.toContain(secret);
  });
});
