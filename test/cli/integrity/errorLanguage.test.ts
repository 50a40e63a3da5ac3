/**
 * The CLI's error line names file and row in the user's language (--lang, Finnish by default):
 * it said "row 5" in every language. Also for an error in the customer file, which `rajaus
 * match` reads in its worker thread and posts back.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, buildCli, useTempDir } from './process';

const box = useTempDir('errlang');
beforeAll(buildCli, 120_000);

const HEADER = 'Yritys;Y-tunnus;Puhelin;Postinumero\r\n';
const rows = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, k) => `Yritys ${from + k} Oy;;040${1_000_000 + from + k};33100\r\n`).join('');

function run(args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'rajaus.js'), ...args], { cwd: box.dir, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stderr: r.stderr };
}

test.each([
  [[], /^rajaus match: .*asiakkaat\.csv, rivi 5: lainausmerkki \("\) aloittaa tässä arvon eikä sulkeudu/],
  [['--lang', 'fi'], /^rajaus match: .*asiakkaat\.csv, rivi 5: lainausmerkki/],
  [['--lang', 'en'], /^rajaus match: .*asiakkaat\.csv, row 5: a quote \("\) opens a value here and is never closed/],
  [['--lang', 'sv'], /^rajaus match: .*asiakkaat\.csv, rad 5: ett citattecken \("\) börjar ett värde här och stängs aldrig/],
])('a damaged customer file (read in the worker) %j', (lang, line) => {
  writeFileSync(join(box.dir, 'lista.csv'), HEADER + rows(1, 50));
  writeFileSync(join(box.dir, 'asiakkaat.csv'), HEADER + rows(1, 3) + '"Rikki Oy;;0401234567;33100\r\n' + rows(5, 50));
  const r = run(['match', '--list', 'lista.csv', '--customers', 'asiakkaat.csv', '--out', 'm', ...lang]);
  expect(r.status).toBe(1);
  expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(line)]);
}, 60_000);

test.each([
  ['fi', "rajaus export: lista.csv, rivi 3, sarake 'Postinumero': rivillä on 5 kenttää, mutta otsikkorivillä 4"],
  ['en', "rajaus export: lista.csv, row 3, column 'Postinumero': the row has 5 fields but the header has 4"],
  ['sv', "rajaus export: lista.csv, rad 3, kolumn 'Postinumero': raden har 5 fält men rubrikraden 4"],
])('a row with a field too many names row and column in %s', (lang, start) => {
  writeFileSync(join(box.dir, 'lista.csv'), HEADER + rows(1, 1) + 'Liikaa Oy;;0401234567;33100;ylimääräinen\r\n');
  const r = run(['export', '--list', 'lista.csv', '--format', 'csv', '--out', 'out.csv', '--lang', lang]);
  expect(r.status).toBe(1);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr.startsWith(start)).toBe(true);
}, 60_000);
