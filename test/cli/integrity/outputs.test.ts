/** Issue 17 items 4 and 11 on the command line: outputs as one unit, file-system errors as one line. */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, rajaus, useTempDir } from './process';

const box = useTempDir('outputs');
beforeAll(buildCli, 120_000);

const HEADER = 'Yritys;Y-tunnus;Puhelin;Postinumero\r\n';
const rows = (n: number, step = 1) =>
  Array.from({ length: n }, (_, k) => `Yritys ${(k + 1) * step} Oy;;040${1_000_000 + (k + 1) * step};33100\r\n`).join('');

test('match: a folder where removed.csv should go is one line naming it, and kept.csv stays the old one', () => {
  writeFileSync(join(box.dir, 'lista.csv'), HEADER + rows(50));
  writeFileSync(join(box.dir, 'asiakkaat.csv'), HEADER + rows(10, 3));
  mkdirSync(join(box.dir, 'm', 'removed.csv'), { recursive: true });
  writeFileSync(join(box.dir, 'm', 'kept.csv'), 'old');
  const r = rajaus(box.dir, ['match', '--list', 'lista.csv', '--customers', 'asiakkaat.csv', '--out', 'm']);
  expect(r.status).toBe(1);
  expect(r.stderr).toBe(
    `rajaus match: ${join(box.dir, 'm', 'removed.csv')}: is a folder, not a file; remove or rename that folder, or choose another --out\n`,
  );
  expect(readFileSync(join(box.dir, 'm', 'kept.csv'), 'utf8')).toBe('old');
  expect(readdirSync(join(box.dir, 'm')).sort()).toEqual(['kept.csv', 'removed.csv']);
}, 60_000);

test('export: a name too long is one line, not an internal error', () => {
  writeFileSync(join(box.dir, 'lista.csv'), HEADER + rows(5));
  const r = rajaus(box.dir, ['export', '--list', 'lista.csv', '--format', 'csv', '--out', `${'n'.repeat(300)}.csv`]);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(
    /^rajaus export: .*n{300}\.csv: cannot be written: the name is too long for the file system; choose a shorter --out\n$/,
  );
}, 60_000);

test('search --source file: duplicate headers and an empty header beside a "Column 6" keep every column (issue 17 item 6)', () => {
  writeFileSync(join(box.dir, 'c.json'), JSON.stringify({ kind: 'b2b', area: { postalCodes: ['33100'] } }));
  writeFileSync(
    join(box.dir, 'v.csv'),
    'Yrityksen nimi;Puh.;Postinro;Huom;Huom;;Column 6\r\nA Oy;0401234567;33100;eka;toka;tyhjä;kuutonen\r\n',
  );
  const r = rajaus(box.dir, ['search', '--criteria', 'c.json', '--source', 'file:v.csv', '--out', 'r.csv']);
  expect(r.status).toBe(0);
  const [head, row] = readFileSync(join(box.dir, 'r.csv'), 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  const cells = Object.fromEntries(head!.split(';').map((h, i) => [h, row!.split(';')[i]]));
  expect(cells).toMatchObject({ Huom: 'eka', 'Huom (2)': 'toka', 'Column 6 (2)': 'tyhjä', 'Column 6': 'kuutonen' });
}, 60_000);
