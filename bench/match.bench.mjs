// `rajaus match` as a whole process: N list rows against N customers (generated Finnish
// companies with noise, test/fixtures/matching/generate.ts), N = 25k, 50k, 100k; each size run
// several times, the median printed. Budget (design.md): under 3 s for 100k × 100k.
import { build } from 'esbuild';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(tmpdir(), 'rajaus-match-bench-'));
const genFile = path.join(work, 'generate.mjs');
await build({ entryPoints: [path.join(root, 'test/fixtures/matching/generate.ts')], outfile: genFile, bundle: true, format: 'esm', platform: 'node', logLevel: 'warning' });
const { generateCompanies, tableToCsv } = await import(pathToFileURL(genFile).href);

const SIZES = (process.env.MATCH_BENCH_SIZES ?? '25000,50000,100000').split(',').map(Number);
const RUNS = Number(process.env.MATCH_BENCH_RUNS ?? 3);
const results = [];
for (const n of SIZES) {
  const set = generateCompanies({ seed: 42, customers: n, list: n });
  const dir = path.join(work, String(n));
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'list.csv'), tableToCsv(set.list));
  writeFileSync(path.join(dir, 'customers.csv'), tableToCsv(set.customers));
  const times = [];
  let summary;
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [path.join(root, 'bin/rajaus.js'), 'match', '--list', 'list.csv', '--customers', 'customers.csv', '--out', 'out', '--quiet'], { cwd: dir, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) {
      console.error(r.stderr);
      process.exit(1);
    }
    times.push(ms);
    summary = JSON.parse(readFileSync(path.join(dir, 'out', 'summary.json'), 'utf8'));
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  results.push({ rows: n, customers: n, medianMs: Math.round(median), runsMs: times.map(Math.round), removed: summary.removed, review: summary.review, inProcessMs: summary.elapsedMs });
  console.log(`match ${n.toLocaleString('en')} × ${n.toLocaleString('en')}: median ${(median / 1000).toFixed(2)} s over ${RUNS} runs (${times.map((t) => (t / 1000).toFixed(2)).join(', ')}); removed ${summary.removed}, review ${summary.review}`);
}
const per = results.map((r) => `${r.rows}: ${(r.medianMs / r.rows * 1000).toFixed(1)} µs/row`).join(', ');
console.log(`growth: ${per}; budget 3 s at 100k: ${results.find((r) => r.rows === 100000)?.medianMs < 3000 ? 'met' : 'NOT met'}`);
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(path.join(root, 'bench/results/match.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2) + '\n');
rmSync(work, { recursive: true, force: true });
