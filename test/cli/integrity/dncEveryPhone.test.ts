/**
 * Issue 17 item 8: every phone on a do-not-call line counts, from every phone-like column
 * ("Puhelin;Matkapuhelin") and every number in a cell ("040… / 050…", "040…, 045…"); on the
 * list too, a second phone column and a second number in a cell are checked. The built CLI.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvRecords } from '../../../src/sources/tabular/csvParse';
import { buildCli, rajaus, useTempDir } from './process';

const box = useTempDir('dnc-every-phone');
beforeAll(buildCli, 120_000);

const names = (file: string) =>
  parseCsvRecords(readFileSync(join(box.dir, file), 'utf8').replace(/^\uFEFF/, ''), ';')
    .slice(1)
    .filter((r) => r.some((c) => c !== ''))
    .map((r) => r[0]);

test('numbers in a second column and second numbers in a cell of the do-not-call file, and of the list, are suppressed', () => {
  writeFileSync(
    join(box.dir, 'lista.csv'),
    [
      'Nimi;Puhelin;Matkapuhelin',
      'A;09 123 4567;040 100 0001', // do-not-call file's 2nd column
      'B;09 123 4568;', // do-not-call file's 2nd number in a cell
      'C;09 123 4569;', // do-not-call file's 3rd number, comma-separated
      'D;09 123 4570;045 100 0004', // kept
      'E;09 123 4571;050 100 0005', // the list's own 2nd column is on the file
      'F;09 123 4572 / 050 100 0006;', // the list's 2nd number in a cell is on the file
    ].join('\r\n') + '\r\n',
  );
  writeFileSync(
    join(box.dir, 'kielto.csv'),
    [
      'Nimi;Puhelin;Matkapuhelin',
      'a;;040 100 0001',
      'b;040 200 0002 / 09 123 4568;',
      'c;040 300 0003, 045 300 0003, 09 123 4569;',
      'e;050 100 0005;',
      'f;;050 100 0006',
    ].join('\r\n') + '\r\n',
  );
  const r = rajaus(box.dir, [
    'dnc',
    '--list',
    'lista.csv',
    '--numbers',
    'kielto.csv',
    '--out',
    'd',
    '--name',
    'Omat',
    '--date',
    '2026-11-15',
    '--quiet',
  ]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(names('d/kept.csv')).toEqual(['D']);
  expect(names('d/suppressed.csv')).toEqual(['A', 'B', 'C', 'E', 'F']);
  const summary = JSON.parse(readFileSync(join(box.dir, 'd', 'summary.json'), 'utf8'));
  expect(summary.doNotCallList.numbers).toBe(8);
}, 60_000);
