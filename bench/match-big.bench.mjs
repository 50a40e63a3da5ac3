// `rajaus match` at the size of issue 16: a 1,000,000-row list against 100,000 customers
// (generated Finnish companies with noise, test/fixtures/matching/generate.ts), as a whole
// process with its peak RSS (all threads: bench/support/peakRss.cjs). Budget: under 40 s and
// under 1.5 GB. MATCH_BIG_RUNS runs (default 3), the median time and the highest RSS reported;
// MATCH_BIG_LIST / MATCH_BIG_CUSTOMERS change the sizes. `npm run bench -- match-big`.
import { build } from 'esbuild';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync, rmSync, createWriteStream } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(tmpdir(), 'rajaus-match-big-'));
const genFile = path.join(work, 'generate.mjs');
await build({
  entryPoints: [path.join(root, 'test/fixtures/matching/generate.ts')],
  outfile: genFile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  logLevel: 'warning',
});
const { generateCompanies, tableToCsv } = await import(pathToFileURL(genFile).href);

const LIST = Number(process.env.MATCH_BIG_LIST ?? 1_000_000);
const CUSTOMERS = Number(process.env.MATCH_BIG_CUSTOMERS ?? 100_000);
const RUNS = Number(process.env.MATCH_BIG_RUNS ?? 3);
const TIME_BUDGET_MS = 40_000;
const RSS_BUDGET = 1.5 * 1024 ** 3;

// The list in slices of 100,000 generated rows (seeds 1…), each slice's customers discarded
// but the first's, so the file holds a million distinct rows, a tenth of them customers with
// noise, without a million-row table in this process.
const SLICE = Math.min(LIST, 100_000);
const listOut = createWriteStream(path.join(work, 'list.csv'));
let header = true;
for (let done = 0, seed = 1; done < LIST; done += SLICE, seed++) {
  const n = Math.min(SLICE, LIST - done);
  const set = generateCompanies({ seed, customers: seed === 1 ? CUSTOMERS : Math.ceil(n / 10), list: n });
  if (seed === 1) writeFileSync(path.join(work, 'customers.csv'), tableToCsv(set.customers));
  let text = tableToCsv(set.list);
  if (!header) text = text.slice(text.search(/\r?\n/) + (text.includes('\r\n') ? 2 : 1));
  header = false;
  if (!listOut.write(text)) await once(listOut, 'drain');
}
listOut.end();
await once(listOut, 'close');

const runs = [];
let summary;
for (let i = 0; i < RUNS; i++) {
  const rssFile = path.join(work, `rss-${i}`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [
      '-r',
      path.join(root, 'bench/support/peakRss.cjs'),
      path.join(root, 'bin/rajaus.js'),
      'match',
      '--list',
      'list.csv',
      '--customers',
      'customers.csv',
      '--out',
      'out',
      '--quiet',
    ],
    { cwd: work, encoding: 'utf8', env: { ...process.env, RAJAUS_PEAK_RSS_FILE: rssFile } },
  );
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) {
    console.error(`match failed (exit ${r.status}): ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    rmSync(work, { recursive: true, force: true });
    process.exit(1);
  }
  const { peakRss, cpuMs } = JSON.parse(readFileSync(rssFile, 'utf8'));
  runs.push({ ms, cpuMs, rss: peakRss });
  summary = JSON.parse(readFileSync(path.join(work, 'out', 'summary.json'), 'utf8'));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = median(runs.map((r) => r.ms));
const cpuMs = median(runs.map((r) => r.cpuMs));
const rss = Math.max(...runs.map((r) => r.rss));
const met = ms < TIME_BUDGET_MS && rss < RSS_BUDGET;
console.log(
  `match ${LIST.toLocaleString('en')} × ${CUSTOMERS.toLocaleString('en')}: median of ${RUNS} ${(ms / 1000).toFixed(1)} s wall (${(cpuMs / 1000).toFixed(1)} s CPU; runs ${runs.map((r) => (r.ms / 1000).toFixed(1)).join(', ')} s), peak RSS ${Math.round(rss / 2 ** 20)} MB; removed ${summary.removed}, review ${summary.review}, in-process ${summary.elapsedMs} ms — budget 40 s / 1536 MB ${met ? 'met' : 'NOT met'}`,
);
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(
  path.join(root, 'bench/results/match-big.json'),
  JSON.stringify(
    {
      at: new Date().toISOString(),
      list: LIST,
      customers: CUSTOMERS,
      runsMs: runs.map((r) => Math.round(r.ms)),
      medianMs: Math.round(ms),
      cpuMs,
      peakRssMb: Math.round(rss / 2 ** 20),
      removed: summary.removed,
      review: summary.review,
      met,
    },
    null,
    2,
  ) + '\n',
);
rmSync(work, { recursive: true, force: true });
process.exit(met ? 0 : 1);
