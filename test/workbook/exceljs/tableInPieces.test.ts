/**
 * Issue 17, Ctrl-C means stop: a big list is laid out in the in-memory workbook in pieces. The
 * rows were converted in pieces before, but ExcelJS's addTable then wrote every body cell in
 * one synchronous pass (about 3 s at 87,500 rows on the loaded development machine), during
 * which no Ctrl-C or Cancel was heard. No timing here: what is observed is that between turns
 * of the event loop the sheet holds part of the rows, not nothing and then all of them.
 */
import { CancelledError } from '../../../src/core/errors';
import { tablePlan } from '../../../src/core/workbook/sheetPlan';
import { createXlsxWorkbook } from '../../../src/workbook/exceljs/xlsxWorkbook';

const KEYS = ['companyName', 'phone', 'postalCode', 'postOffice', 'streetAddress', 'registrationDate'];
const ROWS = 60_000;
const plan = () =>
  tablePlan({
    name: 'Lista',
    role: 'list',
    keys: KEYS,
    rows: Array.from({ length: ROWS }, (_, i) => [
      `Yritys ${i} Oy`,
      `+35840${1_000_000 + i}`,
      '33100',
      'TAMPERE',
      `Katu ${i}`,
      '2015-03-01',
    ]),
    lang: 'fi',
    tableName: 'Lista',
  });

test('the rows reach the sheet in pieces, with turns of the event loop between them; the table spans them all', async () => {
  const port = createXlsxWorkbook();
  let done = false;
  const seen = new Set<number>();
  const applying = port.apply({ write: [plan()] }).finally(() => (done = true));
  while (!done) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (const ws of port.workbook.worksheets) seen.add(ws.actualRowCount);
  }
  await applying;
  const partly = [...seen].filter((n) => n > 1 && n < ROWS + 1);
  expect(partly.length).toBeGreaterThan(0);
  const ws = port.workbook.getWorksheet('Lista')!;
  expect(ws.actualRowCount).toBe(ROWS + 1);
  const table = (ws.getTables()[0] as unknown as { table: { tableRef: string; autoFilterRef: string } }).table;
  expect([table.tableRef, table.autoFilterRef]).toEqual([`A1:F${ROWS + 1}`, `A1:F${ROWS + 1}`]);
  // The formats of the columns on every cell, the header bold.
  expect(ws.getCell(`B${ROWS + 1}`).numFmt).toBe('@');
  expect(ws.getCell('B1').font).toEqual({ bold: true });
  expect((await port.readSheet('Lista')).rows).toHaveLength(ROWS);
}, 60_000);

test('a cancel while the rows go in leaves the workbook as it was', async () => {
  const port = createXlsxWorkbook();
  await port.apply({ write: [tablePlan({ name: 'Vanha', role: 'list', keys: KEYS, rows: [], lang: 'fi', tableName: 'Vanha' })] });
  const abort = new AbortController();
  const applying = port.apply({ write: [plan()] }, { signal: abort.signal });
  // Once part of the rows is in.
  while (!port.workbook.worksheets.some((ws) => ws.actualRowCount > 1 && ws.name !== 'Vanha')) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  abort.abort();
  await expect(applying).rejects.toThrow(CancelledError);
  expect(port.workbook.worksheets.map((ws) => ws.name)).toEqual(['Vanha']);
}, 60_000);
