import { exportList, partFileNames, safeFileBase } from '../../src/app/exportList';
import { memoryWorkbook, listSheet, emptyState } from '../support/memoryWorkbook';
import { testContext } from '../support/context';
import { createXlsxWorkbook } from '../../src/workbook/exceljs/xlsxWorkbook';
import type { CellValue } from '../../src/core/workbook/cells';

const KEYS = ['companyName', 'fullName', 'phone', 'email', 'streetAddress', 'postalCode', 'postOffice', 'source'];
const ROWS: CellValue[][] = [
  ['=HYPERLINK("http://x.example")', 'Matti Virtanen', '040-1234567', 'matti@virtanen.example', 'Hämeenkatu 1', '33100', 'Tampere', 'PRH'],
  ['+Plus Oy', 'Liisa Laine', '+358 9 123 4567', null, 'Mannerheimintie 2', '00100', 'Helsinki', 'PRH'],
  ['Kielletty Oy', 'Kalle Kielto', '050 111 2222', 'kalle@kielto.example', 'Kauppakatu 3', '40100', 'Jyväskylä', 'PRH'],
  ['Demo Oy', 'Demo Henkilö', '0401112222', null, 'Demotie 1', '00100', 'Helsinki', 'Demohakemisto (kuvitteellinen)'],
];

function workbook() {
  const state = emptyState();
  state.doNotContact.emails.push('kalle@kielto.example');
  return memoryWorkbook({ sheets: [listSheet('Tampere LVI', KEYS, ROWS)], state });
}

describe('exportList', () => {
  it('exports a LeadDesk file and logs the export (format, rows, file name) in one change with the notes', async () => {
    const wb = workbook();
    const ctx = testContext(wb);
    const result = await exportList(ctx, { listSheet: 'Tampere LVI', format: 'leaddesk' });
    expect(result.exported).toBe(2);
    expect(result.files.map((f) => [f.name, f.rows])).toEqual([['Tampere LVI-leaddesk.csv', 2]]);
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(result.files[0]!.bytes);
    expect(result.files[0]!.bytes.slice(0, 3)).toEqual(Uint8Array.from([0xef, 0xbb, 0xbf]));
    expect(csv).toMatch(/^\uFEFFPuhelin;Nimi;Yritys/);
    expect(csv).toMatch(/\r\n\+358401234567;Matti Virtanen;"'=HYPERLINK/);
    expect(result.skipped.map((s) => [s.code, s.count])).toEqual([['suppressed', 1], ['demo', 1]]);

    expect(wb.applied).toHaveLength(1);
    const state = (await wb.readState())!;
    const step = state.lists[0]!.log.at(-1)!;
    expect(step).toEqual(expect.objectContaining({ step: 'export', rowsIn: 4, rowsOut: 2, at: '2026-11-20T10:15:00.000Z' }));
    expect(step.params).toEqual(expect.objectContaining({ format: 'leaddesk', files: 'Tampere LVI-leaddesk.csv' }));
    expect(String(step.params.skipped)).toMatch(/kieltolistalla.*: 1/);
    // The notes sheet was re-rendered in the same change.
    expect(wb.applied[0]!.write!.some((p) => p.role === 'notes')).toBe(true);
  });

  it('writes the export into a new sheet when asked (hosts that block downloads), every cell text', async () => {
    const wb = workbook();
    const result = await exportList(testContext(wb, { lang: 'en' }), { listSheet: 'Tampere LVI', format: 'csv', columns: ['Company', 'Phone'], toSheet: true, allowDemo: true, fileName: 'soitot.csv' });
    expect(result.files[0]!.name).toBe('soitot.csv');
    expect(result.sheets).toEqual(['Export Tampere LVI']);
    const sheet = wb.sheet('Export Tampere LVI')!;
    expect(sheet.role).toBe('export');
    expect(sheet.columns.map((c) => [c.header, c.numberFormat])).toEqual([['Yritys', '@'], ['Puhelin', '@']]);
    expect(sheet.rows).toContainEqual(['Demo Oy', '+358401112222']);
    // The sheet is for Save As CSV: it holds what the CSV file holds, so the saved file is as
    // safe as ours — formula-looking names neutralized, E.164 phones untouched.
    expect(sheet.rows).toContainEqual(["'=HYPERLINK(\"http://x.example\")", '+358401234567']);
    expect(sheet.rows).toContainEqual(["'+Plus Oy", '+35891234567']);
    expect(wb.applied[0]!.activate).toBe('Export Tampere LVI');
  });

  it('writes mailing labels as a printable sheet besides the CSV', async () => {
    const wb = workbook();
    const result = await exportList(testContext(wb), { listSheet: 'Tampere LVI', format: 'mailing' });
    expect(result.exported).toBe(2);
    const labels = wb.sheet(result.sheets[0]!)!;
    expect(labels.name).toBe('Osoitetarrat Tampere LVI');
    expect(labels.role).toBe('labels');
    expect(labels.rows[0]![1]).toBe('Liisa Laine\n+Plus Oy\nMannerheimintie 2\n00100 HELSINKI');
  });

  it('works over the .xlsx adapter too, and splits a do-not-call list into numbered files', async () => {
    const port = createXlsxWorkbook();
    const rows: CellValue[][] = Array.from({ length: 25 }, (_, i) => [`040${1_000_000 + i}`]);
    await port.apply({ write: [listSheet('Robinson', ['phone'], rows)] });
    const result = await exportList(testContext(port), { listSheet: 'Robinson', format: 'dnc', maxRows: 10, fileName: 'kielto' });
    expect(result.files.map((f) => [f.name, f.rows])).toEqual([['kielto-1.csv', 10], ['kielto-2.csv', 10], ['kielto-3.csv', 5]]);
    const state = (await port.readState())!;
    expect(state.lists[0]!.log[0]!.params.files).toBe('kielto-1.csv, kielto-2.csv, kielto-3.csv');
  });

  it('makes safe file names', () => {
    expect(safeFileBase('Tampere: LVI/2026?.csv')).toBe('Tampere- LVI-2026-');
    expect(partFileNames('..', 1)).toEqual(['export.csv']);
  });
});

describe('exportList and Excel\'s row limit', () => {
  it('puts an export sheet with more rows than a sheet holds on numbered sheets and says so (limit lowered for the test)', async () => {
    const port = createXlsxWorkbook();
    const rows: CellValue[][] = Array.from({ length: 25 }, (_, i) => [`Yritys ${i} Oy`, `040${1_000_000 + i}`]);
    await port.apply({ write: [listSheet('Lista', ['companyName', 'phone'], rows)] });
    const result = await exportList(testContext(port, { lang: 'en' }), { listSheet: 'Lista', format: 'csv', toSheet: true, maxSheetRows: 10 });
    expect(result.sheets).toEqual(['Export Lista 1', 'Export Lista 2', 'Export Lista 3']);
    expect(result.notices).toEqual(['"Export Lista": 25 rows do not fit in one Excel sheet, so they were split into 3 sheets: Export Lista 1, Export Lista 2, Export Lista 3.']);
    const parts = await Promise.all(result.sheets.map((s) => port.readSheet(s)));
    expect(parts.map((p) => p.rows.length)).toEqual([10, 10, 5]);
    expect(parts.flatMap((p) => p.rows.map((r) => r[0]))).toEqual(rows.map((r) => r[0]));
  });
});
