/**
 * Issue 17 item 2 on big CSVs: Ctrl-C stops `match`, `export` and `build` within about a second
 * while they read, link or export a big list, with exit 130, nothing written and the earlier
 * outputs as they were. Before, each read or converted the list in one synchronous pass, and
 * the signal was heard only when that pass ended: on a quiet 2-core machine, match (400,000 ×
 * 100,000, signalled 1.5 s in) stopped 11.9 s after the signal, export (600,000 rows, 1 s in)
 * 16.4 s after it, build (a 600,000-row file source, 1 s in) 4.8 s after it. Now they read, link
 * and write in pieces with a pause between them: 0.23 s, 0.11 s and 0.73 s on the same machine.
 * What is bounded is the CPU the process uses after the signal (a second): it does not stretch
 * when other processes share the cores, and still fails when the signal waits for a whole
 * pass. The model's estimate, the block index and the reasons of `match` and of `build`'s
 * customer step were such passes until they went in steps (estimate.ts estimateSteps,
 * removeCustomers.ts blockIndexSteps): signalled at several points, each must stop in time.
 *
 * The final workbook write of `build` and `demo` (ExcelJS's writeBuffer: one synchronous pass of
 * seconds) now runs in a worker thread that the signal terminates (src/cli/io/xlsxWriter.ts):
 * signalled during that write, they stop within the issue's second. Before, a `build` of a
 * 60,000-row list signalled a second into its write stopped only after the pass, seconds later
 * (figures in the README), and the demo 4–11 s after the signal.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, entries, interrupt, useTempDir } from './process';

const box = useTempDir('interrupt-big');
beforeAll(buildCli, 120_000);

/**
 * The second, as CPU time used after the signal (process.ts `stopCpuMs`). A signal that
 * waits for a pass of work costs that pass's CPU whatever else runs on the machine; the wall
 * clock stretches with the load (the 600k build's 0.7 s stop took 2–3 s with four test runs
 * side by side, against a bound of 3 s). Where there is no /proc, the wall clock is bounded.
 */
// Summed over the process's threads: a worker and V8's parallel garbage collector run beside the
// main thread, so a stop of 0.69 s (buildings, 400k rows, in the clean-clone CI) used 1.05 s of
// CPU. Half a second on top of the second for them; a single pass of 1.5 s still fails.
const STOP_CPU_MS = 1500;
/** Only a stop not heard at all until the run's end (seconds of work) goes past this, however busy the machine. */
const STOP_MS = 15_000;

const HEADER = 'Yritys;Y-tunnus;Puhelin;Katuosoite;Postinumero;Postitoimipaikka\r\n';
const row = (i: number) =>
  `Yritys ${i} Oy;;040${1_000_000 + i};Katu ${i % 300} A ${i % 7};${String(33100 + (i % 50) * 100).padStart(5, '0')};TAMPERE\r\n`;
function listFile(name: string, count: number, step = 1): void {
  const parts = [HEADER];
  for (let i = 1; i <= count; i++) parts.push(row(i * step));
  writeFileSync(join(box.dir, name), parts.join(''));
}

function earlier(path: string): Buffer {
  const bytes = Buffer.from(`an earlier run's output ${path}\n`);
  writeFileSync(join(box.dir, path), bytes);
  return bytes;
}

function expectStoppedSoon(
  r: { status: number | null; stderr: string; stopMs: number; stopCpuMs: number; signalled: boolean },
  what: string,
  budgetMs = STOP_MS,
): void {
  console.info(`${what}: stopped ${r.stopMs} ms after the signal, ${r.stopCpuMs} ms of CPU`);
  if (r.status !== 130) console.info(r.stderr);
  expect(r.signalled).toBe(true);
  expect(r.status).toBe(130);
  expect(r.stderr).toMatch(/cancelled; nothing was written/);
  expect(r.stopMs).toBeLessThan(budgetMs);
  if (r.stopCpuMs >= 0) expect(r.stopCpuMs).toBeLessThan(STOP_CPU_MS);
  else expect(r.stopMs).toBeLessThan(3000);
}

const writing = (out: string) => /Writing the workbook/.test(out);

test('match of 400,000 rows against 100,000 customers, signalled at several points, stops within the bound each time; the previous outputs stay', async () => {
  listFile('lista.csv', 400_000);
  listFile('asiakkaat.csv', 100_000, 3);
  mkdirSync(join(box.dir, 'm'));
  const names = ['kept.csv', 'removed.csv', 'review.csv', 'summary.json'];
  const old = names.map((n) => earlier(join('m', n)));
  // Reading (1.5 s), and later: the model's estimate (a single pass of 1.3 s of CPU on a quiet
  // machine before it went in steps), the index the worker builds while this thread waits,
  // linking and explaining. Where each offset lands depends on the machine's speed.
  for (const afterMs of [1500, 3000, 4500, 6000]) {
    const r = await interrupt(box.dir, ['match', '--list', 'lista.csv', '--customers', 'asiakkaat.csv', '--out', 'm'], { afterMs });
    if (r.status === 0) break; // done before the signal: a fast machine
    expectStoppedSoon(r, `match 400k, ${afterMs} ms in`);
    expect(entries(join(box.dir, 'm'))).toEqual(names);
    names.forEach((n, i) => expect(readFileSync(join(box.dir, 'm', n))).toEqual(old[i]));
  }
}, 240_000);

test('build removing 100,000 customers from an 87,500-row list, signalled at several points of that step, stops within the bound each time', async () => {
  // The customer step of `build` runs on the main thread: reading, the block index (one pass
  // of 0.3–0.5 s of CPU before), the estimate (0.8 s), linking, the reasons (0.5 s).
  const parts = [HEADER];
  for (let i = 1; i <= 100_000; i++)
    parts.push(`Yritys ${i} Oy;;040${1_000_000 + i};Katu ${i % 300} A ${i % 7};${33100 + (i % 8) * 100};TAMPERE\r\n`);
  writeFileSync(join(box.dir, 'toimittaja.csv'), parts.join(''));
  listFile('asiakkaat.csv', 100_000, 3);
  writeFileSync(join(box.dir, 'c.json'), JSON.stringify({ kind: 'b2b', area: { municipalities: ['Tampere'] } }));
  const old = earlier('kuu.xlsx');
  for (const afterReadyMs of [500, 2000, 3500, 5000]) {
    const r = await interrupt(
      box.dir,
      ['build', '--criteria', 'c.json', '--source', 'file:toimittaja.csv', '--customers', 'asiakkaat.csv', '--out', 'kuu.xlsx'],
      { ready: (out) => /Search: /.test(out), afterReadyMs },
    );
    if (r.status === 0) break;
    expectStoppedSoon(r, `build 87.5k × 100k, ${afterReadyMs} ms after the search`);
    expect(readFileSync(join(box.dir, 'kuu.xlsx'))).toEqual(old);
    expect(entries(box.dir)).toEqual(['asiakkaat.csv', 'c.json', 'kuu.xlsx', 'toimittaja.csv']);
  }
}, 300_000);

test('export of 600,000 rows stops within the bound; the previous file stays, no part is left', async () => {
  listFile('lista.csv', 600_000);
  const old = earlier('soitot.csv');
  const r = await interrupt(box.dir, ['export', '--list', 'lista.csv', '--format', 'leaddesk', '--out', 'soitot.csv'], { afterMs: 1000 });
  expectStoppedSoon(r, 'export 600k');
  expect(readFileSync(join(box.dir, 'soitot.csv'))).toEqual(old);
  expect(entries(box.dir)).toEqual(['lista.csv', 'soitot.csv']);
}, 120_000);

test('build from a 600,000-row file source stops within the bound; the previous workbook stays', async () => {
  listFile('toimittaja.csv', 600_000);
  writeFileSync(join(box.dir, 'c.json'), JSON.stringify({ kind: 'b2b', area: { municipalities: ['Tampere'] } }));
  const old = earlier('kuu.xlsx');
  const r = await interrupt(box.dir, ['build', '--criteria', 'c.json', '--source', 'file:toimittaja.csv', '--out', 'kuu.xlsx'], {
    afterMs: 1000,
  });
  expectStoppedSoon(r, 'build 600k');
  expect(readFileSync(join(box.dir, 'kuu.xlsx'))).toEqual(old);
  expect(entries(box.dir)).toEqual(['c.json', 'kuu.xlsx', 'toimittaja.csv']);
}, 120_000);

test('build signalled during its final workbook write stops within a second; the previous workbook and exports stay, nothing is left', async () => {
  // Every row in Tampere: a 60,000-row list sheet, whose write took seconds in one pass.
  const parts = [HEADER];
  for (let i = 1; i <= 60_000; i++)
    parts.push(`Yritys ${i} Oy;;040${1_000_000 + i};Katu ${i % 300} A ${i % 7};${33100 + (i % 8) * 100};TAMPERE\r\n`);
  writeFileSync(join(box.dir, 'toimittaja.csv'), parts.join(''));
  writeFileSync(join(box.dir, 'c.json'), JSON.stringify({ kind: 'b2b', area: { municipalities: ['Tampere'] } }));
  const old = earlier('kuu.xlsx');
  const oldCsv = earlier('kuu-csv.csv');
  const r = await interrupt(
    box.dir,
    ['build', '--criteria', 'c.json', '--source', 'file:toimittaja.csv', '--export', 'csv', '--out', 'kuu.xlsx'],
    // A second after the write began: the pieces are over, the worker is writing.
    { ready: writing, afterReadyMs: 1000 },
  );
  expectStoppedSoon(r, 'build 60k, in the write');
  expect(r.stdout).toMatch(/Search: 52,500 rows/); // the postal code 33800 is not in Tampere
  expect(readFileSync(join(box.dir, 'kuu.xlsx'))).toEqual(old);
  expect(readFileSync(join(box.dir, 'kuu-csv.csv'))).toEqual(oldCsv);
  expect(entries(box.dir)).toEqual(['c.json', 'kuu-csv.csv', 'kuu.xlsx', 'toimittaja.csv']);
}, 180_000);

test('demo signalled during its workbook write stops within a second; the previous demo workbook stays', async () => {
  mkdirSync(join(box.dir, 'out'));
  const old = earlier(join('out', 'demo.xlsx'));
  const r = await interrupt(box.dir, ['demo'], { ready: writing, afterReadyMs: 300, signal: 'SIGTERM' });
  expectStoppedSoon(r, 'demo, in the write');
  expect(readFileSync(join(box.dir, 'out', 'demo.xlsx'))).toEqual(old);
  expect(entries(join(box.dir, 'out'))).toEqual(['demo.xlsx']);
}, 180_000);

test('demo signalled while it generates its directory stops within a second', async () => {
  // 1.5 s after its first line (ExcelJS loaded): the directory's consumers or the registers are being made. The consumers (100,000)
  // and the customer registers were made in one pass: stopped 8.5–9.5 s after the signal on the
  // loaded development machine.
  mkdirSync(join(box.dir, 'out'));
  const old = earlier(join('out', 'demo.xlsx'));
  const r = await interrupt(box.dir, ['demo'], { ready: (out) => /Demo:/.test(out), afterReadyMs: 1500 });
  expectStoppedSoon(r, 'demo, generating');
  expect(readFileSync(join(box.dir, 'out', 'demo.xlsx'))).toEqual(old);
  expect(entries(join(box.dir, 'out'))).toEqual(['demo.xlsx']);
}, 120_000);

test('dnc of 400,000 rows against 200,000 numbers, and buildings on 400,000 rows, signalled at several points, stop within the bound', async () => {
  // Both checked or joined the whole list, then turned it into CSV text, each in one pass:
  // signalled in it, dnc used 2.3 s of CPU after the signal and buildings 2.2 s (sweeps with the
  // signal at 14 points of each run). Now the suppression, the join and the CSV go in pieces.
  listFile('lista.csv', 400_000);
  const numbers = ['Puhelin'];
  for (let i = 1; i <= 200_000; i++) numbers.push(`040${1_000_000 + i * 2}`);
  writeFileSync(join(box.dir, 'numerot.csv'), numbers.join('\r\n') + '\r\n');
  copyFileSync(join(__dirname, '..', '..', 'fixtures', 'buildings', 'helsinki-extract.json'), join(box.dir, 'rakennukset.json'));
  const runs: [string[], number[]][] = [
    [['dnc', '--list', 'lista.csv', '--numbers', 'numerot.csv', '--out', 'd'], [1500, 2500, 3500, 4500]],
    [['buildings', '--list', 'lista.csv', '--source', 'file:rakennukset.json', '--out', 'b'], [1000, 1800, 2600, 3400]],
  ];
  for (const [args, offsets] of runs) {
    for (const afterMs of offsets) {
      const r = await interrupt(box.dir, args, { afterMs });
      if (r.status === 0) break;
      expectStoppedSoon(r, `${args[0]} 400k, ${afterMs} ms in`);
      // No staging folder left (an earlier offset's run may have finished and written its own).
      expect(entries(box.dir).filter((e) => !['lista.csv', 'numerot.csv', 'rakennukset.json', 'd', 'b'].includes(e))).toEqual([]);
    }
  }
}, 240_000);
