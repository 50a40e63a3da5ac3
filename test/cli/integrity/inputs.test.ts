/** Issue 17 item 9: an --out that is an input of the same run; a list that is its own register. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, rajaus, useTempDir } from './process';

const box = useTempDir('inputs');
beforeAll(buildCli, 120_000);

const LIST = 'Yritys;Y-tunnus;Puhelin;Postinumero\r\nA Oy;;0401234567;33100\r\nB Oy;;0401234568;33100\r\n';

test('export --out equal to --list is refused and the list is kept as it was', () => {
  writeFileSync(join(box.dir, 'lista.csv'), LIST);
  const r = rajaus(box.dir, ['export', '--list', 'lista.csv', '--format', 'csv', '--out', './lista.csv']);
  expect(r.status).toBe(1);
  expect(r.stderr).toBe(
    `rajaus export: ${join(box.dir, 'lista.csv')}: is an input of this run and would be overwritten; choose another --out\n`,
  );
  expect(readFileSync(join(box.dir, 'lista.csv'), 'utf8')).toBe(LIST);
}, 60_000);

test('match whose --out folder holds its --list as kept.csv is refused', () => {
  writeFileSync(join(box.dir, 'kept.csv'), LIST);
  writeFileSync(join(box.dir, 'asiakkaat.csv'), LIST);
  const r = rajaus(box.dir, ['match', '--list', 'kept.csv', '--customers', 'asiakkaat.csv', '--out', '.']);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/kept\.csv: is an input of this run and would be overwritten/);
  expect(readFileSync(join(box.dir, 'kept.csv'), 'utf8')).toBe(LIST);
}, 60_000);

test('match with the same file as list and register warns', () => {
  writeFileSync(join(box.dir, 'lista.csv'), LIST);
  const r = rajaus(box.dir, ['match', '--list', 'lista.csv', '--customers', './lista.csv', '--out', 'm']);
  expect(r.status).toBe(0);
  expect(r.stderr).toMatch(/warning: --list and --customers are the same file \(lista\.csv\); every row will be removed/);
}, 60_000);

test('build whose file source is its own customer register warns (before: every row removed, not a word)', () => {
  writeFileSync(
    join(box.dir, 'v.csv'),
    'Yritys;Y-tunnus;Puhelin;Postinumero;Postitoimipaikka\r\nA Oy;;0401234567;33100;TAMPERE\r\nB Oy;;0401234568;33100;TAMPERE\r\n',
  );
  writeFileSync(join(box.dir, 'c.json'), JSON.stringify({ kind: 'b2b', area: { municipalities: ['Tampere'] } }));
  const r = rajaus(box.dir, ['build', '--criteria', 'c.json', '--source', 'file:v.csv', '--customers', './v.csv', '--out', 'k.xlsx']);
  expect(r.status).toBe(0);
  expect(r.stderr).toMatch(/warning: --source and --customers are the same file \(\.\/v\.csv\); every row will be removed/);
}, 60_000);

test('dnc whose do-not-call file is the list itself warns', () => {
  writeFileSync(join(box.dir, 'lista.csv'), LIST);
  const r = rajaus(box.dir, ['dnc', '--list', 'lista.csv', '--numbers', 'lista.csv', '--out', 'd']);
  expect(r.status).toBe(0);
  expect(r.stderr).toMatch(/warning: --list and --numbers are the same file \(lista\.csv\); every row with a phone will be suppressed/);
}, 60_000);
