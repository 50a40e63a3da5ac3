/** Issue 17 item 12: a workbook whose last used cell is A1048576 is not a million blank rows. */
import ExcelJS from 'exceljs';
import { parseTabular } from '../../../src/sources/tabular/parseTabular';

test('a sheet whose used range reaches A1048576 reads as its rows without visiting a million', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Lista');
  ws.addRow(['Yritys', 'Puhelin', 'Postinumero']);
  ws.addRow(['A Oy', '0401234567', '33100']);
  ws.addRow(['B Oy', '0401234568', '33100']);
  // A formatted, empty cell at the very bottom (what a stray Ctrl+Down and a fill leave).
  ws.getCell('A1048576').numFmt = '@';
  ws.getCell('A1048576').value = '';
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const reread = new ExcelJS.Workbook();
  await reread.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(reread.worksheets[0]!.rowCount).toBe(1_048_576);

  // Rows visited, counted where the reader asks for them (no timing: the old reader made a
  // row object for each of the 1,048,576 rows before dropping the blank ones).
  const proto = Object.getPrototypeOf(reread.worksheets[0]!) as { getRow: (r: number) => unknown };
  const getRow = jest.spyOn(proto, 'getRow');
  const table = await parseTabular(bytes, 'lista.xlsx');
  expect(getRow.mock.calls.length).toBeLessThan(100);
  getRow.mockRestore();
  expect(table.rows).toHaveLength(2);
  expect(table.rows.map((r) => r[0])).toEqual(['A Oy', 'B Oy']);
}, 60_000);
