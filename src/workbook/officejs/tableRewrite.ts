/**
 * Rewriting a list's table in place (officeWorkbook.ts, "in place"): rows and columns resized
 * inside the kept table, then its cells copied or written. Loaded on demand by the adapter.
 */
import { defineMessages } from '../../core/i18n/lang';
import type { SheetPlan } from '../../core/workbook/sheetPlan';
import { cellText } from '../../core/workbook/xmlText';
import { columnEdits } from './columnEdits';
import { cellBlocks, columnWidthPoints, headerTexts, jsonBytes, tempSheetName } from './excelFacts';
import type { Patience, Session, Written } from './officeWorkbook';

/** What the user is told when a list could not be rewritten in place (here: loaded only when needed). */
export const rewriteMessages = defineMessages({
  fi: {
    replacedNotInPlace:
      'Tämä Excel-versio (ExcelApi 1.7/1.8) ei pysty kirjoittamaan näin suurta listaa "{sheet}" paikalleen yhdellä kertaa, joten taulukko korvattiin uudella: kaavat, pivot-taulukot ja kaaviot, jotka viittasivat siihen, näyttävät #VIITTAUS!. Uudemmat Excel-versiot (ExcelApi 1.9) säilyttävät ne.',
  },
  en: {
    replacedNotInPlace:
      'This version of Excel (ExcelApi 1.7/1.8) cannot rewrite a list as large as "{sheet}" in place in one go, so its sheet was replaced: formulas, pivot tables and charts that referred to it show #REF!. Newer versions of Excel (ExcelApi 1.9) keep them.',
  },
  sv: {
    replacedNotInPlace:
      'Den här Excel-versionen (ExcelApi 1.7/1.8) kan inte skriva om en så stor lista som "{sheet}" på plats i ett svep, så bladet ersattes: formler, pivottabeller och diagram som hänvisade till det visar #REFERENS!. Nyare Excel-versioner (ExcelApi 1.9) behåller dem.',
  },
});

/** A block of cells by indexes, as Excel reports a range. */
export interface Area {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/**
 * Where the cells of a rewritten table come from: a sheet to copy them from (Range.copyFrom,
 * ExcelApi 1.9), or the cells themselves (values or formulas and number formats, ExcelApi 1.1).
 */
export type CellSource = { kind: 'copy'; sheet: Excel.Worksheet } | { kind: 'cells'; formats: string[][]; values: unknown[][]; formulas: boolean };

/**
 * Makes the table at `area` (headers `headersNow`) hold the `rows` × `headers` cells of
 * `sourceSheet` from A1, keeping the table (its name and identity) and each column that stays:
 *  - rows are inserted or deleted at the end of the body (Range.insert / Range.delete, ExcelApi
 *    1.1; Table.resize is 1.13), so that references to the first rows stay where they are;
 *  - columns are matched by header (columnEdits.ts): a new column is added at its place
 *    (TableColumnCollection.add) and a column that goes is deleted (TableColumn.delete, both
 *    ExcelApi 1.1), so that a structured reference to a column that stays keeps naming it
 *    (overwriting headers by position would make Excel rename the user's references);
 *  - then the source's cells are copied over the table (Range.copyFrom, ExcelApi 1.9).
 */
export function rewriteTable(
  sheet: Excel.Worksheet,
  table: Excel.Table,
  area: Area,
  headersNow: readonly string[],
  rows: number,
  headers: readonly string[],
  source: CellSource,
): void {
  const { rowIndex: r0, columnIndex: c0, rowCount, columnCount } = area;
  // Inserting inside the body grows the table (Excel's "Insert table rows"); a row inserted
  // below it would not.
  if (rows > rowCount) sheet.getRangeByIndexes(r0 + rowCount - 1, c0, rows - rowCount, columnCount).insert('Down');
  else if (rows < rowCount) sheet.getRangeByIndexes(r0 + rows, c0, rowCount - rows, columnCount).delete('Up');
  // Headers read from a table are its own; fall back to positions if they were not read.
  const now = headersNow.length === columnCount ? headersNow : Array.from({ length: columnCount }, (_, c) => `\u0000${c}`);
  let width = columnCount;
  for (const edit of columnEdits(now, headers)) {
    if ('insert' in edit) {
      // Excel's own way to add a table column at a place (the end: no index).
      if (edit.insert === width) table.columns.add();
      else table.columns.add(edit.insert);
      width++;
    } else {
      table.columns.getItemAt(edit.delete).delete();
      width--;
    }
  }
  const target = sheet.getRangeByIndexes(r0, c0, rows, headers.length);
  if (source.kind === 'copy') target.copyFrom(source.sheet.getRangeByIndexes(0, 0, rows, headers.length), 'All');
  else writeCells(target, source);
}

/** Number formats first (a value is coerced when written), then the values or formulas. */
export function writeCells(target: Excel.Range, cells: CellSource & { kind: 'cells' }): void {
  target.numberFormat = cells.formats;
  if (cells.formulas) target.formulas = cells.values as string[][];
  else target.values = cells.values as string[][];
}

/**
 * A list's cells for a host without Range.copyFrom, or null when they, or the table's cells
 * now, are too many for one request: the header as text, each column's number format, every
 * cell as Excel takes it ("" empties a cell; null would leave the old value).
 */
export function directCells(plan: SheetPlan, area: Area, targetBytes: number): { cells: CellSource & { kind: 'cells' }; bytes: number } | null {
  const types = plan.columns.map((c) => c.type);
  const blocks = [...cellBlocks(plan.rows, types, targetBytes)];
  if (blocks.length > 1) return null;
  const body = blocks[0]?.cells ?? [plan.columns.map(() => '')];
  const values: unknown[][] = [plan.columns.map((c) => cellText(c.header)), ...body];
  const formats = [plan.columns.map(() => '@'), ...body.map(() => plan.columns.map((c) => c.numberFormat))];
  const bytes = jsonBytes(values) + jsonBytes(formats);
  if (bytes > targetBytes) return null;
  // The old cells travel twice (read, then written to the backup) in requests of their own. A
  // step changes a list's rows, not what a row holds: they are measured by the new cells, with
  // a margin, and at least 20 bytes a cell.
  const perCell = Math.max(20, (1.5 * bytes) / Math.max(1, values.length * plan.columns.length));
  if (area.rowCount * area.columnCount * perCell > targetBytes) return null;
  return { cells: { kind: 'cells', formats, values, formulas: false }, bytes };
}

/**
 * A hidden copy of each list rewritten in place (Range.copyFrom, values and formats), in one
 * request before the swap. The journal names it; restore() and cleanUpLeftovers copy it back
 * if the swap stops part-way.
 */
export async function backUpLists(session: Session, written: Written[], taken: string[], patience: Patience): Promise<void> {
  const lists = written.flatMap((w) => (w.inPlace ? [w.inPlace] : []));
  if (lists.length === 0) return;
  for (const ip of lists) {
    ip.backup = tempSheetName([...taken, ...lists.map((x) => x.backup).filter(Boolean)], (Date.now() + 7919) % 1_000_000_007);
  }
  await session.runPatiently(async (ctx) => {
    for (const ip of lists) {
      const { area } = ip;
      const existing = ctx.workbook.worksheets.getItemOrNullObject(ip.backup);
      const list = ctx.workbook.worksheets.getItem(ip.sheetId);
      const old = list.getRangeByIndexes(area.rowIndex, area.columnIndex, area.rowCount, area.columnCount);
      // Without copyFrom the table's cells travel through the add-in: formulas (so that a
      // user's formula in the list comes back as one) and number formats.
      if (ip.direct) old.load('formulas,numberFormat');
      await ctx.sync();
      // A retry after a partly executed request: start the copy again.
      // eslint-disable-next-line office-addins/call-sync-before-read -- synced on the line above
      if (!existing.isNullObject) existing.delete();
      const backup = ctx.workbook.worksheets.add(ip.backup);
      backup.visibility = 'Hidden';
      const target = backup.getRangeByIndexes(0, 0, area.rowCount, area.columnCount);
      if (ip.direct) {
        // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read -- loaded and synced above
        ip.oldCells = { kind: 'cells', formats: old.numberFormat as string[][], values: old.formulas as unknown[][], formulas: true };
        writeCells(target, ip.oldCells);
      } else target.copyFrom(old, 'All');
    }
    await ctx.sync();
    for (const ip of lists) ip.backedUp = true;
  }, patience);
}

/** Widths, tab colour, view and print of lists rewritten in place, after the swap. */
export async function layOutInPlace(
  session: Session,
  written: Written[],
  viewAndPrint: (sheet: Excel.Worksheet, plan: SheetPlan, printSetup: boolean) => void,
): Promise<void> {
  const lists = written.filter((w) => w.inPlace);
  if (lists.length === 0) return;
  await session.runPatiently(async (ctx) => {
    for (const w of lists) {
      const list = ctx.workbook.worksheets.getItem(w.inPlace!.sheetId);
      w.plan.columns.forEach((column, c) => {
        list.getRangeByIndexes(0, w.inPlace!.area.columnIndex + c, 1, 1).getEntireColumn().format.columnWidth = columnWidthPoints(column.width);
      });
      if (w.plan.tabColor) list.tabColor = w.plan.tabColor;
      viewAndPrint(list, w.plan, session.printSetup);
    }
    await ctx.sync();
  }, session.cleanupPatience());
}

/** A list whose rewrite did not complete, as the clean-up on open found it, with its backup sheet's cells loaded. */
export interface UnfinishedRewrite {
  list: Excel.Worksheet;
  table: Excel.Table;
  range: Area;
  header: { values: unknown[][] };
  backup: Excel.Worksheet;
  backupHeader: { values: unknown[][] };
  /** The backup's cells, read when the host has no Range.copyFrom. */
  cells: { numberFormat: unknown[][]; formulas: unknown[][] } | null;
  entry: { rows: number; headers?: string[] };
}

/** Queues the undo of each unfinished rewrite from its backup (the clean-up's request syncs it). */
export function undoFromBackups(unfinished: readonly UnfinishedRewrite[]): void {
  for (const u of unfinished) {
    // The journal records the headers; older journals did not, and the backup's header row says.
    const headers = u.entry.headers ?? headerTexts(u.backupHeader.values);
    const source: CellSource = u.cells
      ? { kind: 'cells', formats: u.cells.numberFormat as string[][], values: u.cells.formulas, formulas: true }
      : { kind: 'copy', sheet: u.backup };
    rewriteTable(u.list, u.table, u.range, headerTexts(u.header.values), u.entry.rows, headers, source);
  }
}
