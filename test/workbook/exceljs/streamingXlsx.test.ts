/** The streaming .xlsx writer renders sheet plans as the in-memory adapter does, row by row. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writePlansStreaming } from '../../../src/workbook/exceljs/streamingXlsx.node';
import { exportSheetPlan, labelsSheetPlan } from '../../../src/core/export/formats';
import { tablePlan } from '../../../src/core/workbook/sheetPlan';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'rajaus-stream-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ADDRESS = ['Matti Virtanen', '=HYPERLINK("http://x.example")', 'Hämeenkatu 1', '00100 HELSINKI'];

describe('writePlansStreaming', () => {
  it('writes text columns as text with "@", a bold frozen header with a filter, and wrapped labels', async () => {
    const file = join(dir, 'tarrat.xlsx');
    const list = tablePlan({
      name: 'Lista',
      role: 'list',
      keys: ['companyName', 'phone', 'postalCode'],
      rows: [
        ['=cmd|calc', '+358401234567', '00100'],
        ['Sähkö Oy', '0401234567', 100],
      ],
      lang: 'fi',
      tableName: 'Lista',
    });
    const labels = labelsSheetPlan({ rows: [ADDRESS, ADDRESS] }, { name: 'Osoitetarrat', lang: 'fi' });
    await writePlansStreaming(file, [labels, list], 'fi');
    expect(readdirSync(dir)).toEqual(['tarrat.xlsx']);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Osoitetarrat', 'Lista']);
    const ws = wb.getWorksheet('Lista')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Yritys', 'Puhelin', 'Postinumero']);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.autoFilter).toBe('A1:C1');
    expect(ws.views[0]).toEqual(expect.objectContaining({ state: 'frozen', ySplit: 1 }));
    // Text stays text: no formula, leading zeros and plus signs kept, the text format set.
    expect(ws.getCell('A2').value).toBe('=cmd|calc');
    expect(ws.getCell('A2').formula).toBeUndefined();
    expect(ws.getCell('B2').value).toBe('+358401234567');
    expect(ws.getCell('C3').value).toBe('100');
    expect(ws.getCell('C2').numFmt).toBe('@');
    const tarrat = wb.getWorksheet('Osoitetarrat')!;
    expect(tarrat.getCell('A1').value).toBe(ADDRESS.join('\n'));
    expect(tarrat.getCell('A1').alignment?.wrapText).toBe(true);
  });

  it("refuses a plan over Excel's rows before writing anything", async () => {
    const plan = exportSheetPlan({ headers: ['Nimi'], rows: new Array(1_048_576).fill(['A']) }, { name: 'Vienti', tableName: 'V' });
    await expect(writePlansStreaming(join(dir, 'x.xlsx'), [plan], 'en')).rejects.toThrow(
      /would have 1,048,576 rows, but an Excel sheet holds 1,048,575/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});
