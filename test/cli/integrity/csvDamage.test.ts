/** Issue 17 item 3 on the command line: an unbalanced quote in a list or a customer file. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, rajaus, useTempDir } from './process';

const box = useTempDir('csvdamage');
beforeAll(buildCli, 120_000);

const HEADER = 'Yritys;Y-tunnus;Puhelin;Postinumero\r\n';
const row = (i: number) => `Yritys ${i} Oy;;040${1_000_000 + i};33100\r\n`;
const rows = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => row(from + k)).join('');

test('rajaus match: a customer file with an unclosed quote stops with the row, and writes nothing', () => {
  writeFileSync(join(box.dir, 'lista.csv'), HEADER + rows(1, 1000));
  writeFileSync(join(box.dir, 'asiakkaat.csv'), HEADER + rows(1, 3) + '"Rikki Oy;;0401234567;33100\r\n' + rows(5, 1000));
  const r = rajaus(box.dir, ['match', '--list', 'lista.csv', '--customers', 'asiakkaat.csv', '--out', 'm']);
  expect(r.status).toBe(1);
  expect(r.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(/^rajaus match: .*asiakkaat\.csv, row 5: a quote \("\) opens a value here and is never closed/),
  ]);
  expect(existsSync(join(box.dir, 'm'))).toBe(false);
}, 60_000);

test('rajaus export: a list whose quote swallows rows stops with the row where it opened', () => {
  writeFileSync(
    join(box.dir, 'lista.csv'),
    HEADER + rows(1, 9) + 'Huono Oy;;"0401234567;33100\r\n' + rows(11, 500) + 'Loppu" Oy;;0401234599;33100\r\n',
  );
  const r = rajaus(box.dir, ['export', '--list', 'lista.csv', '--format', 'csv', '--out', 'out.csv']);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(
    /^rajaus export: .*lista\.csv, row 11: a quote \("\) opens a value here that runs over 492 lines holding whole rows/,
  );
  expect(existsSync(join(box.dir, 'out.csv'))).toBe(false);
}, 60_000);
