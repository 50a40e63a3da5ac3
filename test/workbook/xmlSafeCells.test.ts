/**
 * Issue 17 item 1 and 12: one U+FFFF in a cell, a header, a building value or a name made the
 * .xlsx ill-formed (sharedStrings.xml, workbook.xml), and a 40,000-character cell went in
 * unchanged. Both adapters now write what Excel can hold, and count what they repaired.
 */
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { emptyState } from '../../src/core/state/workbookState';
import type { CellValue } from '../../src/core/workbook/cells';
import { tablePlan, type SheetPlan } from '../../src/core/workbook/sheetPlan';
import { CUT_MARKER, MAX_CELL_CHARS, TextRepairs } from '../../src/core/workbook/xmlText';
import { createXlsxWorkbook, xlsxWorkbookFromBytes, xlsxWorkbookToBytes } from '../../src/workbook/exceljs/xlsxWorkbook';
import { createOfficeWorkbook } from '../../src/workbook/officejs/officeWorkbook';
import { createExcelSimulator } from '../excel-simulator';

const KEYS = ['companyName', 'phone', 'postalCode', 'extra:Huom\uFFFF'];
const ROWS: CellValue[][] = [
  ['Rakennus\uFFFF Mäkelä Oy', '+358401234567', '33100', 'ok'],
  ['Putki\u0001Oy\uFFFE', '+358401234568', '00100', 'x'.repeat(40_000)],
  ['Sähkö Oy', '+358401234569', '00250', 'viimeinen'],
];

function plan(rows = ROWS): SheetPlan {
  const p = tablePlan({ name: 'Lista', role: 'list', keys: KEYS, rows, lang: 'fi', tableName: 'Lista' });
  p.columns[3]!.header = 'Huom\uFFFF';
  return p;
}

function wellFormed(xml: string): string | null {
  const p = new SaxesParser();
  let error: string | null = null;
  p.on('error', (e) => {
    error ??= e.message;
  });
  p.write(xml).close();
  return error;
}

describe('ExcelJS adapter', () => {
  test('writes a package whose every XML part is well-formed, and reads its own file back with every row', async () => {
    const port = createXlsxWorkbook();
    const repairs = new TextRepairs();
    const state = emptyState();
    state.presets.push({ name: 'Haku\uFFFF', criteria: {} });
    await port.apply({ write: [plan()], state }, { textRepairs: repairs });
    const bytes = await xlsxWorkbookToBytes(port);

    const zip = await JSZip.loadAsync(bytes);
    for (const path of Object.keys(zip.files).filter((p) => p.endsWith('.xml') || p.endsWith('.rels'))) {
      expect([path, wellFormed(await zip.file(path)!.async('string'))]).toEqual([path, null]);
    }
    expect(repairs).toMatchObject({ repairedCells: 3, replacedChars: 4, cutCells: 1 });

    const back = await xlsxWorkbookFromBytes(bytes);
    const data = await back.readSheet('Lista');
    expect(data.headers[3]).toBe('Huom\uFFFD');
    expect(data.rows.map((r) => r[0])).toEqual(['Rakennus\uFFFD Mäkelä Oy', 'Putki\uFFFDOy\uFFFD', 'Sähkö Oy']);
    const long = data.rows[1]![3] as string;
    expect(long.length).toBe(MAX_CELL_CHARS);
    expect(long.endsWith(CUT_MARKER)).toBe(true);
    expect(data.rows[2]![3]).toBe('viimeinen');
    expect(back.currentState()!.presets[0]!.name).toBe('Haku\uFFFF');
  });
});

describe('Office.js adapter (the pane’s path) against the Excel simulator', () => {
  test('cells and headers arrive repaired, cut to 32,767 characters, and counted', async () => {
    const sim = createExcelSimulator();
    const workbook = createOfficeWorkbook({ run: sim.Excel.run as unknown as typeof Excel.run });
    const repairs = new TextRepairs();
    await workbook.apply({ write: [plan()] }, { textRepairs: repairs });
    const sheet = sim.simulator.snapshot().sheets.find((s) => s.name === 'Lista')!;
    const flat = sheet.values.flat().filter((v): v is string => typeof v === 'string');
    expect(flat.some((v) => /[\uFFFE\uFFFF\u0001]/.test(v))).toBe(false);
    expect(sheet.values[0]![3]).toBe('Huom\uFFFD');
    expect(sheet.values[1]![0]).toBe('Rakennus\uFFFD Mäkelä Oy');
    expect(String(sheet.values[2]![3]).length).toBe(MAX_CELL_CHARS);
    expect(repairs).toMatchObject({ repairedCells: 3, replacedChars: 4, cutCells: 1 });
  });
});
