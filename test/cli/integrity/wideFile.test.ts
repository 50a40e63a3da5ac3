/**
 * Issue 17 item 11: a file over Excel's 16,384 columns ends every command that reads it as a
 * list, customer register or file source with one line naming the file and the limit, for CSV
 * and .xlsx inputs, and writes nothing. (Before, CSV commands took it and wrote outputs Excel
 * cannot show whole, and the workbook commands refused later naming a sheet, not the file.)
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main } from '../../../src/cli/main';
import { parseTabular } from '../../../src/sources/tabular/parseTabular';
import { useCliSandbox } from '../../support/cliSandbox';

const sandbox = useCliSandbox('wide');

function wideCsv(columns: number): string {
  const headers = ['Yritys', 'Puhelin', 'Postinumero', 'Kunta'];
  for (let i = headers.length; i < columns; i++) headers.push(`Sarake ${i + 1}`);
  return `${headers.join(';')}\r\nA Oy;0401234567;33100;Tampere\r\n`;
}

/** A workbook with a cell in column XFE, one past Excel's last (made by editing the XML). */
async function wideXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Lista');
  ws.addRow(['Yritys', 'Puhelin', 'Postinumero', 'Kunta']);
  ws.addRow(['A Oy', '0401234567', '33100', 'Tampere']);
  const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const xml = (await zip.file('xl/worksheets/sheet1.xml')!.async('string')).replace(
    '</row>',
    '<c r="XFE1" t="inlineStr"><is><t>Liian kaukana</t></is></c></row>',
  );
  zip.file('xl/worksheets/sheet1.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer' });
}

const CSV_LINE = /^rajaus \w+: .*leveä\.csv, row 1: 16,385 columns, but an Excel sheet holds 16,384$/;
const XLSX_LINE = /^rajaus \w+: .*leveä\.xlsx: 16,385\+ columns, but an Excel sheet holds 16,384$/;

beforeEach(async () => {
  writeFileSync(join(sandbox.dir, 'leveä.csv'), wideCsv(16_385));
  writeFileSync(join(sandbox.dir, 'leveä.xlsx'), await wideXlsx());
  writeFileSync(join(sandbox.dir, 'lista.csv'), 'Yritys;Puhelin;Postinumero\r\nA Oy;0401234567;33100\r\n');
  writeFileSync(join(sandbox.dir, 'c.json'), JSON.stringify({ kind: 'b2b', area: { municipalities: ['Tampere'] } }));
});

/** Each command with the wide file in one of its inputs; `at` makes a name a path in the sandbox. */
const COMMANDS: [string, (f: string, at: (name: string) => string) => string[]][] = [
  ['match (list)', (f, at) => ['match', '--list', f, '--customers', at('lista.csv'), '--out', at('m')]],
  ['match (customers)', (f, at) => ['match', '--list', at('lista.csv'), '--customers', f, '--out', at('m')]],
  ['export csv', (f, at) => ['export', '--list', f, '--format', 'csv', '--out', at('e.csv')]],
  ['export mailing .xlsx', (f, at) => ['export', '--list', f, '--format', 'mailing', '--out', at('e.xlsx')]],
  ['buildings', (f, at) => ['buildings', '--list', f, '--source', `file:${at('lista.csv')}`, '--out', at('b')]],
  ['dnc', (f, at) => ['dnc', '--list', f, '--numbers', at('lista.csv'), '--out', at('d')]],
  ['search (file source)', (f, at) => ['search', '--criteria', at('c.json'), '--source', `file:${f}`, '--out', at('s.csv')]],
  ['build (file source)', (f, at) => ['build', '--criteria', at('c.json'), '--source', `file:${f}`, '--out', at('x.xlsx')]],
  ['build (customers)', (f, at) => ['build', '--criteria', at('c.json'), '--customers', f, '--out', at('x.xlsx')]],
];

describe.each([
  ['CSV', 'leveä.csv', CSV_LINE],
  ['.xlsx', 'leveä.xlsx', XLSX_LINE],
])('a %s file over 16,384 columns', (_kind, file, line) => {
  it.each(COMMANDS)(
    '%s: one line naming the file and the limit, nothing written',
    async (_name, args) => {
      const before = readdirSync(sandbox.dir).sort();
      const at = (name: string) => join(sandbox.dir, name);
      const code = await main([...args(at(file), at), '--lang', 'en']);
      expect(sandbox.err).toEqual([expect.stringMatching(line)]);
      expect(code).toBe(1);
      expect(readdirSync(sandbox.dir).sort()).toEqual(before);
    },
    30_000,
  );
});

it('16,384 columns still read (the limit itself is allowed)', async () => {
  const table = await parseTabular(Buffer.from(wideCsv(16_384)), 'leveä.csv');
  expect(table.headers).toHaveLength(16_384);
  expect(table.rows).toHaveLength(1);
});

it('the pane reader says it in Finnish', async () => {
  await expect(parseTabular(Buffer.from(wideCsv(16_385)), 'leveä.csv', { lang: 'fi' })).rejects.toThrow(
    /^leveä\.csv, rivi 1: 16\s385 saraketta, mutta Excelin taulukkoon mahtuu 16\s384$/,
  );
});
