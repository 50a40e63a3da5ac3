// `npm run bench -- serve` (issue 15): a bounded load run of `rajaus serve` on loopback.
// The real command runs as its own process (plain HTTP, --behind-proxy) against a local fake
// upstream in this process that answers like PRH (a 100-company page) and Helsinki's WFS (a
// page of building features) after 30 ms. CLIENTS concurrent clients (default 200) loop for
// SECONDS (default 20) over a mix of queries: 80 % Helsinki WFS over 100 postal-code batches,
// 20 % PRH over 50 postal codes (PRH's throttle of 300 a minute applies, as in production).
// Prints p50/p99 latency per service, errors by status, the server's peak memory and the
// gateway's cache hit rate; writes bench/results/serve.json.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, createServer, get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLIENTS = Number(process.env.RAJAUS_BENCH_CLIENTS ?? 200);
const SECONDS = Number(process.env.RAJAUS_BENCH_SECONDS ?? 20);
const UPSTREAM_MS = 30;

// --- the fake upstream (no CORS headers, like the real services may)
const supercell = JSON.parse(readFileSync(path.join(root, 'test/fixtures/prh/search-supercell.json'), 'utf8'));
const prhPage = JSON.stringify({ totalResults: 100, companies: Array.from({ length: 100 }, () => supercell.companies[0]) });
const helsinki = JSON.parse(readFileSync(path.join(root, 'test/fixtures/buildings/helsinki-extract.json'), 'utf8'));
const wfsPage = JSON.stringify({ ...helsinki, numberMatched: helsinki.features.length, numberReturned: helsinki.features.length });
let upstreamCalls = 0;
const upstream = createServer((req, res) => {
  upstreamCalls++;
  const body = req.url.startsWith('/v3/') ? prhPage : wfsPage;
  setTimeout(() => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  }, UPSTREAM_MS);
});
await new Promise((r) => upstream.listen(0, '127.0.0.1', r));
const up = `http://127.0.0.1:${upstream.address().port}`;

// --- `rajaus serve`, the real command, with a minimal dist/ (the pane's files are not the load)
const dist = mkdtempSync(path.join(tmpdir(), 'rajaus-serve-bench-'));
writeFileSync(path.join(dist, 'taskpane.html'), '<!doctype html><html><head></head><body></body></html>');
const server = spawn(
  process.execPath,
  [...(process.env.RAJAUS_BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.RAJAUS_BENCH_PROFILE] : []), path.join(root, 'bin/rajaus.js'), 'serve', '--quiet', '--behind-proxy', '--host', '127.0.0.1', '--port', '0', '--dist', dist, '--prh-url', `${up}/v3`, '--helsinki-url', `${up}/hki/wfs`],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const base = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const m = /listening on (http:\/\/[^;\s]+)/.exec(out);
    if (m) resolve(m[1]);
  });
  server.on('exit', (code) => reject(new Error(`rajaus serve exited ${code}: ${out}`)));
});

// --- the mix of queries the pane sends
const wfsQuery = (codes) =>
  new URLSearchParams({
    service: 'WFS', version: '2.0.0', request: 'GetFeature', typeNames: 'avoindata:Rakennukset_alue_rekisteritiedot',
    outputFormat: 'application/json', srsName: 'EPSG:4326', count: '5000', startIndex: '0',
    CQL_FILTER: codes.length === 1 ? `postinumero='${codes[0]}'` : `postinumero IN (${codes.map((c) => `'${c}'`).join(',')})`,
  }).toString();
const wfsPaths = Array.from({ length: 100 }, (_, i) => `/api/helsinki/wfs?${wfsQuery([String(100 + i * 10).padStart(5, '0'), String(105 + i * 10).padStart(5, '0')])}`);
const prhPaths = Array.from({ length: 50 }, (_, i) => `/api/prh/companies?postCode=${String(33100 + i * 10)}&page=1`);

// node:http with keep-alive, one socket per client, as browsers behind one office would hold.
const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
const request = (url) =>
  new Promise((resolve, reject) => {
    get(url, { agent }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve(res));
      res.on('error', reject);
    }).on('error', reject);
  });
const lat = { prh: [], helsinki: [] };
const statuses = {};
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
let peakRssKb = 0;
const sampler = setInterval(() => {
  try {
    const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
    peakRssKb = Math.max(peakRssKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
  } catch {}
}, 250);

const started = performance.now();
const deadline = started + SECONDS * 1000;
async function client() {
  while (performance.now() < deadline) {
    const prh = random() < 0.2;
    const paths = prh ? prhPaths : wfsPaths;
    const p = paths[Math.floor(random() * paths.length)];
    const t = performance.now();
    try {
      const res = await request(base + p);
      statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
      (prh ? lat.prh : lat.helsinki).push(performance.now() - t);
      // A client told to come back (PRH's quota) does so, as the pane's PRH client does.
      if (res.statusCode === 503) await new Promise((r) => setTimeout(r, 1000 * Number(res.headers['retry-after'] ?? 1)));
    } catch (e) {
      statuses[e.code ?? e.name] = (statuses[e.code ?? e.name] ?? 0) + 1;
      (prh ? lat.prh : lat.helsinki).push(performance.now() - t);
    }
  }
}
await Promise.all(Array.from({ length: CLIENTS }, client));
const elapsed = (performance.now() - started) / 1000;
clearInterval(sampler);
agent.destroy();
const health = await (await fetch(`${base}/api/health`)).json();
server.kill('SIGTERM');
await new Promise((r) => server.on('exit', r));
upstream.close();
rmSync(dist, { recursive: true, force: true });

const q = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN;
};
const all = [...lat.prh, ...lat.helsinki];
const ok = statuses[200] ?? 0;
const result = {
  clients: CLIENTS,
  seconds: Number(elapsed.toFixed(1)),
  requests: all.length,
  perSecond: Math.round(all.length / elapsed),
  statuses,
  latencyMs: {
    all: { p50: +q(all, 0.5).toFixed(1), p99: +q(all, 0.99).toFixed(1) },
    helsinki: { n: lat.helsinki.length, p50: +q(lat.helsinki, 0.5).toFixed(1), p99: +q(lat.helsinki, 0.99).toFixed(1) },
    prh: { n: lat.prh.length, p50: +q(lat.prh, 0.5).toFixed(1), p99: +q(lat.prh, 0.99).toFixed(1) },
  },
  errors: all.length - ok,
  serverPeakRssMb: Math.round(peakRssKb / 1024),
  cacheHitRate: +(health.stats.cacheHits / Math.max(1, health.stats.cacheHits + health.stats.cacheMisses)).toFixed(4),
  upstreamCalls,
  gateway: health.stats,
};
console.log(
  `${CLIENTS} clients × ${result.seconds} s: ${result.requests.toLocaleString('en')} requests (${result.perSecond}/s), ` +
    `p50 ${result.latencyMs.all.p50} ms, p99 ${result.latencyMs.all.p99} ms ` +
    `(Helsinki p50 ${result.latencyMs.helsinki.p50} / p99 ${result.latencyMs.helsinki.p99}; PRH p50 ${result.latencyMs.prh.p50} / p99 ${result.latencyMs.prh.p99}); ` +
    `statuses ${JSON.stringify(statuses)}; server peak RSS ${result.serverPeakRssMb} MB; cache hit rate ${(result.cacheHitRate * 100).toFixed(1)} % (${upstreamCalls} upstream calls)`,
);
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(path.join(root, 'bench/results/serve.json'), JSON.stringify(result, null, 2) + '\n');
