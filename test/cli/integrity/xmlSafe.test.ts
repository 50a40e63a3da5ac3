/** Issue 17 items 1 and 12 on the command line: vendor text a workbook cannot hold. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { xlsxWorkbookFromBytes } from '../../../src/workbook/exceljs/xlsxWorkbook';
import { buildCli, rajaus, useTempDir } from './process';

const box = useTempDir('xmlsafe');
beforeAll(buildCli, 120_000);

function xmlError(xml: string): string | null {
  const p = new SaxesParser();
  let error: string | null = null;
  p.on('error', (e) => void (error ??= e.message));
  p.write(xml).close();
  return error;
}

test('rajaus search --source file: with U+FFFF, U+FFFE, a control and a 40,000-character cell writes a readable .xlsx', async () => {
  const vendor =
    'Yrityksen nimi;Y-tunnus;Postinro;Puh.;Huom\r\n' +
    'Rakennus\uFFFF Oy;2345670-5;33100;040-7654321;a\uFFFEb\u0007\r\n' +
    `Toinen Oy;1234567-1;33100;0401234567;${'p'.repeat(40_000)}\r\n` +
    'Kolmas Oy;;33100;0401234599;viimeinen\r\n';
  writeFileSync(join(box.dir, 'toimittaja\uFFFF.csv'), vendor, 'utf8');
  writeFileSync(join(box.dir, 'c.json'), JSON.stringify({ kind: 'b2b', area: { postalCodes: ['33100'] } }));
  const r = rajaus(box.dir, [
    'search',
    '--criteria',
    'c.json',
    '--source',
    'file:toimittaja\uFFFF.csv',
    '--name',
    'Lista\uFFFF',
    '--out',
    'r.xlsx',
  ]);
  expect(r.status).toBe(0);
  expect(r.stderr).toMatch(/r\.xlsx: \d+ cell\(s\) held characters a workbook cannot hold \(\d+ replaced with �\)/);
  expect(r.stderr).toMatch(/r\.xlsx: 1 cell\(s\) were over 32,767 characters/);

  const bytes = readFileSync(join(box.dir, 'r.xlsx'));
  const zip = await JSZip.loadAsync(bytes);
  for (const path of Object.keys(zip.files).filter((p) => /\.(xml|rels)$/.test(p))) {
    expect([path, xmlError(await zip.file(path)!.async('string'))]).toEqual([path, null]);
  }
  const back = await xlsxWorkbookFromBytes(bytes);
  const sheet = back.currentState()!.lists[0]!.sheets.list;
  expect(sheet).toMatch(/^Lista\uFFFD /);
  const data = await back.readSheet(sheet);
  expect(data.rows).toHaveLength(3);
  const names = data.rows.map((row) => row[data.headers.indexOf('Company')]);
  expect(names).toEqual(['Rakennus\uFFFD Oy', 'Toinen Oy', 'Kolmas Oy']);
  const huom = data.rows.map((row) => String(row[data.headers.indexOf('Huom')]));
  expect(huom[0]).toBe('a\uFFFDb\uFFFD');
  expect(huom[1]!.length).toBe(32_767);
  expect(huom[2]).toBe('viimeinen');
}, 60_000);
