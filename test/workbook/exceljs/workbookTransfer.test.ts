/**
 * A workbook handed over in pieces (as the CLI's .xlsx writer thread gets it, each piece through
 * a structured clone) and put back together writes the same package as the workbook itself.
 */
import { CancelledError } from '../../../src/core/errors';
import { emptyState } from '../../../src/core/state/workbookState';
import { tablePlan, type SheetPlan } from '../../../src/core/workbook/sheetPlan';
import { ROWS_PER_PIECE, WorkbookAssembler, workbookPieces } from '../../../src/workbook/exceljs/workbookTransfer';
import { createXlsxWorkbook, xlsxWorkbookToBytes, type XlsxWorkbookPort } from '../../../src/workbook/exceljs/xlsxWorkbook';
import { wrappedNotesPlan } from '../../fixtures/notesPlan';
import { xlsxDifferences } from '../../support/xlsxCompare';

const KEYS = ['companyName', 'businessId', 'phone', 'postalCode', 'registrationDate', 'matchScore'];

function list(name: string, count: number): SheetPlan {
  const rows = Array.from({ length: count }, (_, i) => [
    i === 3 ? '=HYPERLINK("http://x")' : `Yritys ${i} Oy`,
    i % 3 ? null : '0112038-9',
    `+35840${String(1_000_000 + i)}`,
    '00100',
    i % 2 ? '2015-03-01' : null,
    i % 5 ? 0.93 : null,
  ]);
  return tablePlan({ name, role: 'list', keys: KEYS, rows, lang: 'fi', tableName: name.replace(/\W/g, '_'), tabColor: '#1F6FEB' });
}

async function sample(): Promise<XlsxWorkbookPort> {
  const port = createXlsxWorkbook();
  const state = emptyState();
  state.doNotContact.phones.push('+358405556666');
  // More rows than one piece holds, an empty table (one empty row), a document sheet.
  await port.apply({ write: [list('Lista', ROWS_PER_PIECE * 2 + 17), list('Tyhjä', 0), wrappedNotesPlan()], state });
  // A sheet replaced keeps its tab position; the active tab is another.
  await port.apply({ write: [list('Tyhjä', 3)], activate: 'Tietosuoja' });
  return port;
}

function assemble(port: XlsxWorkbookPort): XlsxWorkbookPort {
  const assembler = new WorkbookAssembler();
  // Each piece crosses a thread as a structured clone: anything that does not survive it shows.
  for (const piece of workbookPieces(port)) assembler.add(structuredClone(piece));
  return assembler.port();
}

test('the pieces put together write the same package as the workbook itself', async () => {
  const port = await sample();
  const pieces = [...workbookPieces(port)];
  expect(pieces.filter((p) => p.type === 'sheet')).toHaveLength(3);
  expect(pieces.filter((p) => p.type === 'rows').length).toBeGreaterThanOrEqual(4);
  const assembled = await xlsxWorkbookToBytes(assemble(port));
  const direct = await xlsxWorkbookToBytes(port);
  expect(await xlsxDifferences(direct, assembled)).toEqual([]);
});

test('the comparison sees a difference: one cell changed after the hand-over', async () => {
  const port = await sample();
  const assembled = assemble(port);
  port.workbook.getWorksheet('Lista')!.getCell('A3').value = 'Toinen Oy';
  const diffs = await xlsxDifferences(await xlsxWorkbookToBytes(port), await xlsxWorkbookToBytes(assembled));
  expect(diffs).toEqual(expect.arrayContaining([expect.stringMatching(/sheet 'Lista': A3 "Toinen Oy" vs "Yritys 1 Oy"/)]));
});

test('a cancelled signal ends the pieces', async () => {
  const port = await sample();
  const abort = new AbortController();
  const seen: string[] = [];
  expect(() => {
    for (const piece of workbookPieces(port, abort.signal)) {
      seen.push(piece.type);
      if (piece.type === 'rows') abort.abort();
    }
  }).toThrow(CancelledError);
  expect(seen).toEqual(['workbook', 'sheet', 'rows']);
});
