// `rajaus export` of a 1,000,000-row list in each format, as a whole process, with its peak
// RSS (bench/support/peakRss.cjs). Budget (issue 16): under 60 s and under 1 GB each.
// Each format runs EXPORT_BENCH_RUNS times (default 3); the median wall and CPU time and the
// highest peak RSS are reported. EXPORT_BENCH_ROWS changes the size, EXPORT_BENCH_FORMATS the
// formats (e.g. "leaddesk,mailing.xlsx").
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync, rmSync, createWriteStream } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(tmpdir(), 'rajaus-export-bench-'));
const ROWS = Number(process.env.EXPORT_BENCH_ROWS ?? 1_000_000);
const FORMATS = (process.env.EXPORT_BENCH_FORMATS ?? 'leaddesk,csv,dnc,mailing,mailing.xlsx').split(',');
const RUNS = Number(process.env.EXPORT_BENCH_RUNS ?? 3);
const TIME_BUDGET_MS = 60_000;
const RSS_BUDGET = 1024 ** 3;

// A Finnish-looking list: company, person, mobile phone, street address, postal code, town.
const towns = [
  ['00100', 'Helsinki'],
  ['33100', 'Tampere'],
  ['20100', 'Turku'],
  ['90100', 'Oulu'],
  ['40100', 'Jyväskylä'],
  ['15110', 'Lahti'],
];
const streets = ['Hämeenkatu', 'Mannerheimintie', 'Kauppakatu', 'Kirkkokatu', 'Yliopistonkatu', 'Aleksanterinkatu'];
const first = ['Matti', 'Liisa', 'Pekka', 'Anna', 'Jari', 'Sari', 'Timo', 'Päivi'];
const last = ['Virtanen', 'Korhonen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen'];
const listFile = path.join(work, 'lista.csv');
const out = createWriteStream(listFile);
out.write('\uFEFFYritys;Nimi;Puhelin;Katuosoite;Postinumero;Postitoimipaikka\r\n');
for (let i = 0; i < ROWS; i++) {
  const [code, town] = towns[i % towns.length];
  const line = `Yritys ${i} Oy;${first[i % 8]} ${last[(i >> 3) % 8]};040 ${String(1_000_000 + (i % 9_000_000)).slice(-7)};${streets[i % 6]} ${1 + (i % 120)};${code};${town}\r\n`;
  if (!out.write(line)) await once(out, 'drain');
}
out.end();
await once(out, 'close');

const results = [];
let allMet = true;
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
for (const f of FORMATS) {
  const [format, ext] = f.split('.');
  const target = path.join(work, 'out', `${format}.${ext ?? 'csv'}`);
  const rssFile = path.join(work, `rss-${f}`);
  const runs = [];
  let failed = null;
  for (let run = 0; run < RUNS && !failed; run++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(
      process.execPath,
      [
        '-r',
        path.join(root, 'bench/support/peakRss.cjs'),
        path.join(root, 'bin/rajaus.js'),
        'export',
        '--list',
        listFile,
        '--format',
        format,
        '--out',
        target,
        '--quiet',
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, RAJAUS_PEAK_RSS_FILE: rssFile },
      },
    );
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const { peakRss, cpuMs } = JSON.parse(readFileSync(rssFile, 'utf8'));
    if (r.status !== 0) failed = { status: r.status, stderr: r.stderr };
    runs.push({ ms, cpuMs, rss: peakRss });
  }
  const ms = median(runs.map((r) => r.ms));
  const cpuMs = median(runs.map((r) => r.cpuMs));
  const rss = Math.max(...runs.map((r) => r.rss));
  const figures = {
    format: f,
    rows: ROWS,
    runs: runs.length,
    ms: Math.round(ms),
    cpuMs,
    peakRssMb: Math.round(rss / 2 ** 20),
    runsMs: runs.map((r) => Math.round(r.ms)),
  };
  if (failed) {
    console.error(`export ${f} failed (exit ${failed.status}): ${failed.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    allMet = false;
    results.push({ ...figures, exit: failed.status });
    continue;
  }
  const met = ms < TIME_BUDGET_MS && rss < RSS_BUDGET;
  allMet &&= met;
  results.push({ ...figures, met });
  console.log(
    `export ${f} ${ROWS.toLocaleString('en')} rows: median of ${runs.length} ${(ms / 1000).toFixed(1)} s wall (${(cpuMs / 1000).toFixed(1)} s CPU; runs ${runs.map((r) => (r.ms / 1000).toFixed(1)).join(', ')} s), peak RSS ${Math.round(rss / 2 ** 20)} MB — budget 60 s / 1024 MB ${met ? 'met' : 'NOT met'}`,
  );
}
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(path.join(root, 'bench/results/export.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2) + '\n');
rmSync(work, { recursive: true, force: true });
process.exit(allMet ? 0 : 1);
