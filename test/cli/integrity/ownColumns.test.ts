/**
 * Issue 17 item 5: `buildings` and `dnc` never overwrite a user's column that shares a name
 * with a column they add. The built CLI as a process, on files a user has.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvRecords } from '../../../src/sources/tabular/csvParse';
import { ROOT, buildCli, rajaus, useTempDir } from './process';

const box = useTempDir('own-columns');
beforeAll(buildCli, 120_000);

const fixtures = join(ROOT, 'test', 'fixtures', 'buildings');
const csv = (file: string) => parseCsvRecords(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), ';');

test('buildings: the user\'s "Building year" and "Heating fuel" are carried through; Rajaus\'s get "(2)"; a re-run replaces only its own', () => {
  // The fixture's people, each with a year and fuel of the user's own (from their CRM).
  const input = csv(join(fixtures, 'people-helsinki.csv')).filter((r) => r.some((c) => c !== ''));
  const header = [...input[0]!, 'Building year', 'Heating fuel'];
  const rows = input.slice(1).map((r, i) => [...r, String(1900 + i), `oma ${i}`]);
  writeFileSync(join(box.dir, 'lista.csv'), [header, ...rows].map((r) => r.join(';')).join('\r\n') + '\r\n');
  const source = `file:${join(fixtures, 'helsinki-extract.json')}`;

  const r = rajaus(box.dir, ['buildings', '--list', 'lista.csv', '--source', source, '--out', 'b1', '--quiet']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const out = csv(join(box.dir, 'b1', 'list.csv')).filter((x) => x.some((c) => c !== ''));
  expect(out[0]!.slice(0, header.length)).toEqual(header);
  expect(out[0]!.slice(header.length)).toEqual([
    'Building year (2)',
    'Building use',
    'Building class 2018',
    'Floors',
    'Heating method',
    'Heating fuel (2)',
    'Building material',
    'Building match',
  ]);
  // Every row, matched or not, keeps the user's values; Rajaus's own columns hold the buildings'.
  expect(out.slice(1).map((x) => x.slice(0, header.length))).toEqual(rows);
  const ours = out[0]!.indexOf('Building year (2)');
  expect(out.slice(1).some((x) => /^(1[89]|20)\d\d$/.test(x[ours]!) && !rows.some((u) => u[header.length - 2] === x[ours]))).toBe(true);

  // A re-run on Rajaus's own output replaces its columns instead of adding a third set.
  const again = rajaus(box.dir, ['buildings', '--list', join('b1', 'list.csv'), '--source', source, '--out', 'b2', '--quiet']);
  expect(again.status).toBe(0);
  const out2 = csv(join(box.dir, 'b2', 'list.csv')).filter((x) => x.some((c) => c !== ''));
  expect(out2).toEqual(out);
}, 60_000);

test('dnc: the user\'s "Moved at" ("Siirretty") column is carried through on the kept and the moved rows; the audit column is "Moved at (2)"', () => {
  writeFileSync(
    join(box.dir, 'lista.csv'),
    'Nimi;Puhelin;Moved at\r\nMatti;040 123 4567;kyllä, 2025\r\nLiisa;050 765 4321;ei\r\nPekka;045 111 2222;\r\n',
  );
  writeFileSync(join(box.dir, 'kielto.txt'), '+358401234567\n');
  const r = rajaus(box.dir, [
    'dnc',
    '--list',
    'lista.csv',
    '--numbers',
    'kielto.txt',
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
  expect(csv(join(box.dir, 'd', 'kept.csv')).filter((x) => x.some((c) => c !== ''))).toEqual([
    ['Nimi', 'Puhelin', 'Moved at'],
    ['Liisa', '050 765 4321', 'ei'],
    ['Pekka', '045 111 2222', ''],
  ]);
  const moved = csv(join(box.dir, 'd', 'suppressed.csv')).filter((x) => x.some((c) => c !== ''));
  expect(moved[0]).toEqual(['Nimi', 'Puhelin', 'Moved at', 'Moved at (2)', 'Moved by step', 'Reason moved']);
  expect(moved[1]!.slice(0, 3)).toEqual(['Matti', '040 123 4567', 'kyllä, 2025']);
  expect(moved[1]![3]).toMatch(/^2026-/);
  expect(moved[1]![5]).toContain('+358401234567');
}, 60_000);
