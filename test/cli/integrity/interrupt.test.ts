/**
 * Issue 17 items 2 and 4: Ctrl-C (SIGINT) and SIGTERM stop every command, exit 130, leave no
 * partial or temporary file, and keep an existing output as it was. Runs the built CLI as a
 * process and signals it while it works.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, entries, interrupt, useTempDir } from './process';

const box = useTempDir('interrupt');
beforeAll(buildCli, 120_000);

const HEADER = 'Yritys;Y-tunnus;Puhelin;Katuosoite;Postinumero;Postitoimipaikka\r\n';
const row = (i: number) =>
  `Yritys ${i} Oy;;040${1_000_000 + i};Katu ${i % 300} A ${i % 7};${String(33100 + (i % 50) * 100).padStart(5, '0')};TAMPERE\r\n`;
function listFile(name: string, count: number, step = 1): void {
  const parts = [HEADER];
  for (let i = 1; i <= count; i++) parts.push(row(i * step));
  writeFileSync(join(box.dir, name), parts.join(''));
}

/** An earlier run's output, which an interrupted run must leave exactly as it was. */
function earlier(path: string): Buffer {
  const bytes = Buffer.from(`an earlier run's output ${path}\n`);
  writeFileSync(join(box.dir, path), bytes);
  return bytes;
}

// The budget in the issue is a second. Search (demo and file sources) pauses in its loops and
// meets it; match, export and build now read, link and write in pieces too, and their stop
// times on big CSVs are bounded in interruptBig.test.ts. Here what is asserted for them is the
// outcome: exit 130, the old outputs untouched, nothing left over.
// Search stops in tens of ms on a quiet machine; the bound leaves room for a loaded 2-core
// machine (2.9 s was seen with eight test runs side by side), so that it fails only when the
// signal is not heard at all until the run ends.
const SEARCH_STOP_MS = 5000;

function expectStopped(
  r: { status: number | null; stderr: string; stopMs: number; signalled: boolean },
  what: string,
  budgetMs = Number.POSITIVE_INFINITY,
): void {
  console.info(`${what}: stopped ${r.stopMs} ms after the signal`);
  if (r.status !== 130) console.info(r.stderr);
  expect(r.signalled).toBe(true);
  expect(r.status).toBe(130);
  expect(r.stderr).toMatch(/cancelled; nothing was written/);
  expect(r.stopMs).toBeLessThan(budgetMs);
}

test('search on the demo directory (the first generation takes seconds): SIGINT stops it, the old workbook stays', async () => {
  writeFileSync(join(box.dir, 'c.json'), JSON.stringify({ kind: 'b2c', area: { municipalities: ['Helsinki', 'Espoo', 'Vantaa'] } }));
  const old = earlier('tulos.xlsx');
  const r = await interrupt(box.dir, ['search', '--criteria', 'c.json', '--source', 'demo', '--out', 'tulos.xlsx'], { afterMs: 1500 });
  expectStopped(r, 'search demo', SEARCH_STOP_MS);
  expect(readFileSync(join(box.dir, 'tulos.xlsx'))).toEqual(old);
  expect(entries(box.dir)).toEqual(['c.json', 'tulos.xlsx']);
}, 90_000);

test('search on a file source: SIGTERM stops it, the old CSV stays', async () => {
  writeFileSync(join(box.dir, 'c.json'), JSON.stringify({ kind: 'b2b', area: { municipalities: ['Tampere'] } }));
  // Big enough that the search is still running when the signal comes 700 ms in, even on a
  // quiet machine (60,000 rows were done before it).
  listFile('toimittaja.csv', 300_000);
  const old = earlier('tulos.csv');
  const r = await interrupt(box.dir, ['search', '--criteria', 'c.json', '--source', 'file:toimittaja.csv', '--out', 'tulos.csv'], {
    signal: 'SIGTERM',
    afterMs: 700,
  });
  expectStopped(r, 'search file', SEARCH_STOP_MS);
  expect(readFileSync(join(box.dir, 'tulos.csv'))).toEqual(old);
  expect(entries(box.dir)).toEqual(['c.json', 'toimittaja.csv', 'tulos.csv']);
}, 90_000);

test('match: SIGINT while it works keeps the previous kept/removed/review/summary together', async () => {
  listFile('lista.csv', 60_000);
  listFile('asiakkaat.csv', 30_000, 3);
  mkdirSync(join(box.dir, 'm'));
  const old = ['kept.csv', 'removed.csv', 'review.csv', 'summary.json'].map((n) => earlier(join('m', n)));
  const r = await interrupt(box.dir, ['match', '--list', 'lista.csv', '--customers', 'asiakkaat.csv', '--out', 'm'], { afterMs: 700 });
  expectStopped(r, 'match');
  expect(entries(join(box.dir, 'm'))).toEqual(['kept.csv', 'removed.csv', 'review.csv', 'summary.json']);
  ['kept.csv', 'removed.csv', 'review.csv', 'summary.json'].forEach((n, i) => expect(readFileSync(join(box.dir, 'm', n))).toEqual(old[i]));
}, 90_000);

test('export: SIGINT leaves the previous parts as they were', async () => {
  // 400,000 rows: the export streams now, and 60,000 were written before the signal came.
  listFile('lista.csv', 400_000);
  const old = earlier('soitot.csv');
  const r = await interrupt(box.dir, ['export', '--list', 'lista.csv', '--format', 'csv', '--out', 'soitot.csv'], { afterMs: 600 });
  expectStopped(r, 'export');
  expect(readFileSync(join(box.dir, 'soitot.csv'))).toEqual(old);
  expect(entries(box.dir)).toEqual(['lista.csv', 'soitot.csv']);
}, 90_000);

test('build: SIGINT leaves the previous workbook and its exports, and no staging folder', async () => {
  writeFileSync(join(box.dir, 'c.json'), JSON.stringify({ kind: 'b2c', area: { municipalities: ['Helsinki', 'Espoo', 'Vantaa'] } }));
  const oldBook = earlier('kuu.xlsx');
  const oldCsv = earlier('kuu-csv.csv');
  const r = await interrupt(box.dir, ['build', '--criteria', 'c.json', '--export', 'csv', '--allow-demo', '--out', 'kuu.xlsx'], {
    ready: (out) => /Haku|Search/.test(out),
  });
  expectStopped(r, 'build');
  expect(readFileSync(join(box.dir, 'kuu.xlsx'))).toEqual(oldBook);
  expect(readFileSync(join(box.dir, 'kuu-csv.csv'))).toEqual(oldCsv);
  expect(entries(box.dir)).toEqual(['c.json', 'kuu-csv.csv', 'kuu.xlsx']);
}, 120_000);

test('a signal while the CLI loads ExcelJS ends it at once; nothing is written or left', async () => {
  // Loading ExcelJS is one synchronous pass (0.3–0.6 s of CPU), and a JavaScript signal handler
  // is heard only after it: the CLI's early handler made Ctrl-C wait for the load, and `build`
  // loaded ExcelJS in the middle of its run, with its handler listening. Now the heavy modules
  // load before any handler of ours (src/cli/io/preload.ts), and the signal's default action
  // ends the process there. Signalled at points of the start-up, it stops with no CPU to speak
  // of: by the signal itself while loading, or exit 130 once the run is under way.
  writeFileSync(join(box.dir, 'c.json'), JSON.stringify({ kind: 'b2b', area: { municipalities: ['Tampere'] } }));
  listFile('toimittaja.csv', 20_000);
  const old = earlier('kuu.xlsx');
  for (const afterMs of [200, 300, 400, 500]) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const r = await interrupt(box.dir, ['build', '--criteria', 'c.json', '--source', 'file:toimittaja.csv', '--out', 'kuu.xlsx'], {
        afterMs,
        signal,
        noRetry: true,
      });
      console.info(`build, ${signal} ${afterMs} ms after the start: ${r.killedBy ?? `exit ${r.status}`}, ${r.stopMs} ms, ${r.stopCpuMs} ms of CPU`);
      expect(r.signalled).toBe(true);
      if (r.killedBy) expect(r.killedBy).toBe(signal);
      else expect(r.status).toBe(130);
      if (r.stopCpuMs >= 0) expect(r.stopCpuMs).toBeLessThan(200);
      expect(readFileSync(join(box.dir, 'kuu.xlsx'))).toEqual(old);
      expect(entries(box.dir)).toEqual(['c.json', 'kuu.xlsx', 'toimittaja.csv']);
    }
  }
}, 120_000);
