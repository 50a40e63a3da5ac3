/**
 * ExcelJS, loaded only by the commands that write .xlsx: loading it costs about a third of a
 * second, which `rajaus match` and `rajaus buildings` (whose budgets are for the whole
 * process) should not pay.
 */
export async function xlsxTools() {
  const [{ createXlsxWorkbook, xlsxWorkbookToBytes }, { saveXlsxWorkbook }] = await Promise.all([
    import('../../workbook/exceljs/xlsxWorkbook'),
    import('../../workbook/exceljs/xlsxFile.node'),
  ]);
  return { createXlsxWorkbook, xlsxWorkbookToBytes, saveXlsxWorkbook };
}
