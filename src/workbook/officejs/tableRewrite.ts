/**
 * Rewriting a list's table in place (officeWorkbook.ts, "in place"): rows and columns resized
 * inside the kept table, then its cells copied or written. Loaded on demand by the adapter.
 */
import { defineMessages } from '../../core/i18n/lang';
import type { SheetPlan } from '../../core/workbook/sheetPlan';
import { cellText } from '../../core/workbook/xmlText';
import { columnEdits, type ColumnEdit } from './columnEdits';
import { rowEdits, rowsAfterCut, type RowEdits } from './rowEdits';
import { cellBlocks, columnWidthPoints, headerTexts, jsonBytes, tempSheetName } from './excelFacts';
import { JOURNAL_NAMESPACE } from './journal';
import type { Patience, Session, Written } from './officeWorkbook';

/** What the user is told when a list could not be rewritten in place (here: loaded only when needed). */
export const rewriteMessages = defineMessages({
  fi: {
    rowsByPosition:
      'Listalta "{sheet}" poistetut tai sille palautetut rivit ovat niin hajallaan, ettei Excel voi poistaa tai lisätä niitä kerralla, joten rivit kirjoitettiin uudelleen ylhäältä alkaen: kaava, joka viittaa listan soluun (esim. =Lista!B5), osoittaa nyt samaan rivinumeroon, jolla voi olla toinen yritys. Taulukkoviittaukset (Lista[Puhelin]), pivot-taulukot ja kaaviot koko taulukosta toimivat.',
    replacedNotInPlace:
      'Tämä Excel-versio (ExcelApi 1.7/1.8) ei pysty kirjoittamaan näin suurta listaa "{sheet}" paikalleen yhdellä kertaa, joten taulukko korvattiin uudella: kaavat, pivot-taulukot ja kaaviot, jotka viittasivat siihen, näyttävät #VIITTAUS!. Uudemmat Excel-versiot (ExcelApi 1.9) säilyttävät ne.',
  },
  en: {
    rowsByPosition:
      'The rows taken out of or put back into the list "{sheet}" are so scattered that Excel cannot delete or insert them in one go, so the rows were rewritten from the top: a formula that refers to a cell of the list (e.g. =List!B5) now points at the same row number, which may hold another company. Structured references (List[Phone]), pivot tables and charts over the whole table work.',
    replacedNotInPlace:
      'This version of Excel (ExcelApi 1.7/1.8) cannot rewrite a list as large as "{sheet}" in place in one go, so its sheet was replaced: formulas, pivot tables and charts that referred to it show #REF!. Newer versions of Excel (ExcelApi 1.9) keep them.',
  },
  sv: {
    replacedNotInPlace:
      'Den här Excel-versionen (ExcelApi 1.7/1.8) kan inte skriva om en så stor lista som "{sheet}" på plats i ett svep, så bladet ersattes: formler, pivottabeller och diagram som hänvisade till det visar #REFERENS!. Nyare Excel-versioner (ExcelApi 1.9) behåller dem.',
    rowsByPosition:
      'Raderna som togs bort från eller lades till i listan "{sheet}" ligger så utspridda att Excel inte kan ta bort eller infoga dem i ett svep, så raderna skrevs om uppifrån: en formel som hänvisar till en cell i listan (t.ex. =Lista!B5) pekar nu på samma radnummer, där det kan stå ett annat företag. Tabellreferenser (Lista[Telefon]), pivottabeller och diagram över hela tabellen fungerar.',
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
 *  - with `edits` (rowEdits.ts), the rows that go are deleted and the new ones inserted at their
 *    places (Range.delete / Range.insert, TableRowCollection.add, all ExcelApi 1.1), so that a
 *    reference to a row of the list follows it, or becomes #REF! when it went; `mark` runs
 *    between the inserts and the deletes (an undo reads from it how far a cut-off rewrite got);
 *  - without, rows are inserted or deleted at the end of the body (Table.resize is 1.13), so
 *    that references to the first rows stay where they are (a row's cells are rewritten by
 *    position);
 *  - columns are matched by header (columnEdits.ts), or by the plan's `columns` edits when it
 *    says which of the table's columns each of its columns is: a new column is added at its place
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
  edits: { rows?: RowEdits; mark?: () => void; columns?: readonly ColumnEdit[] } = {},
): void {
  const { rowIndex: r0, columnIndex: c0, rowCount, columnCount } = area;
  const rowsEdits = edits.rows;
  if (rowsEdits) {
    for (const e of rowsEdits.inserts) {
      // A row added after the body is the table's; one inserted below the table would not be.
      if (e.kind === 'append') table.rows.add();
      else if (e.kind === 'insert') sheet.getRangeByIndexes(r0 + 1 + e.at, c0, e.count, columnCount).insert('Down');
    }
    if (rowsEdits.inserts.length > 0 && rowsEdits.deletes.length > 0) edits.mark?.();
    for (const e of rowsEdits.deletes) if (e.kind === 'delete') sheet.getRangeByIndexes(r0 + 1 + e.at, c0, e.count, columnCount).delete('Up');
  } else if (rows > rowCount) {
    // Inserting inside the body grows the table (Excel's "Insert table rows"); a row inserted
    // below it would not.
    sheet.getRangeByIndexes(r0 + rowCount - 1, c0, rows - rowCount, columnCount).insert('Down');
  } else if (rows < rowCount) sheet.getRangeByIndexes(r0 + rows, c0, rowCount - rows, columnCount).delete('Up');
  // Headers read from a table are its own; fall back to positions if they were not read.
  const now = headersNow.length === columnCount ? headersNow : Array.from({ length: columnCount }, (_, c) => `\u0000${c}`);
  let width = columnCount;
  for (const edit of edits.columns ?? columnEdits(now, headers)) {
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

/**
 * Bytes a row edit adds to a request: an estimate with a margin of Office.js's JSON for a
 * getRangeByIndexes and a delete or insert (the simulator's own JSON is about 130 bytes; real
 * Excel's was not measured here).
 */
export const ROW_EDIT_BYTES = 300;

/**
 * The row edits that put a list's rows where `origins` says (SheetPlan.rowOrigins) in a table of
 * `bodyRows` body rows, or null when they cannot: origins past the table (it changed since it
 * was read), rows out of their order, or more edits than `budget` bytes of a request hold.
 */
export function rowEditsFor(origins: readonly (number | null)[] | undefined, rowsWritten: number, bodyRows: number, budget: number): { edits: RowEdits; bytes: number } | 'tooMany' | null {
  if (!origins || origins.length !== rowsWritten) return null;
  if (origins.some((o) => o !== null && (!Number.isInteger(o) || o < 0 || o >= bodyRows))) return null;
  const edits = rowEdits(
    Array.from({ length: bodyRows }, (_, k) => k),
    rowsWritten === 0 ? [null] : origins,
  );
  if (!edits) return null;
  // The edits travel twice more in the journal (added, then marked complete).
  const bytes = (edits.inserts.length + edits.deletes.length) * ROW_EDIT_BYTES + 2 * jsonBytes(edits);
  return bytes > budget ? 'tooMany' : { edits, bytes };
}

/**
 * The column edits that keep each of the table's columns the plan says it continues
 * (SheetPlan.columnOrigins), and the headers to write: a kept column keeps the header the table
 * has now, so a column the user renamed after the step read it (while a matching waited for
 * review) stays, with the references to it, rather than being deleted and added again under
 * its old name. Null when the origins do not fit the table or the headers would repeat: columns
 * are matched by header then.
 */
export function columnEditsFor(
  origins: readonly (number | null)[] | undefined,
  planned: readonly string[],
  headersNow: readonly string[],
): { edits: ColumnEdit[]; headers: string[] } | null {
  if (!origins || origins.length !== planned.length || headersNow.length === 0) return null;
  let last = -1;
  for (const o of origins) {
    if (o === null) continue;
    if (!Number.isInteger(o) || o <= last || o >= headersNow.length) return null;
    last = o;
  }
  const headers = origins.map((o, j) => (o === null ? planned[j]! : headersNow[o]!));
  if (new Set(headers.map((h) => h.trim().toLowerCase())).size !== headers.length) return null;
  // Unique names for the columns: LCS over them keeps exactly the columns that continue.
  const edits = columnEdits(
    headersNow.map((_, i) => `#${i}`),
    origins.map((o, j) => (o === null ? `new${j}` : `#${o}`)),
  );
  return { edits, headers };
}

/**
 * The edits that undo a rewrite cut off part-way: from the journal's edits, the mark and the
 * table's body rows now, the rows as they are, and the edits back to the `before` rows. Null when
 * that cannot be known: the undo rewrites by position then.
 */
export function undoRowEdits(before: number, journalEdits: RowEdits | undefined, marked: boolean, bodyNow: number): RowEdits | undefined {
  const edits = checkedRowEdits(journalEdits);
  if (!edits) return undefined;
  const rows = rowsAfterCut(before, edits, marked, bodyNow);
  if (!rows) return undefined;
  return rowEdits(rows, Array.from({ length: before }, (_, k) => k)) ?? undefined;
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
  entry: { rows: number; headers?: string[]; rowEdits?: RowEdits };
}

/**
 * Queues the undo of each unfinished rewrite from its backup (the clean-up's request syncs it);
 * `journalXmls`: the journal parts' XML, among which the marks set between row inserts and deletes.
 */
export function undoFromBackups(unfinished: readonly (UnfinishedRewrite & { entry: { table: string } })[], journalXmls: readonly string[]): void {
  const marked = markedTables(journalXmls);
  for (const u of unfinished) {
    // The journal records the headers; older journals did not, and the backup's header row says.
    const headers = u.entry.headers ?? headerTexts(u.backupHeader.values);
    const source: CellSource = u.cells
      ? { kind: 'cells', formats: u.cells.numberFormat as string[][], values: u.cells.formulas, formulas: true }
      : { kind: 'copy', sheet: u.backup };
    const edits = undoRowEdits(u.entry.rows - 1, u.entry.rowEdits, marked.has(u.entry.table.toLowerCase()), u.range.rowCount - 1);
    rewriteTable(u.list, u.table, u.range, headerTexts(u.header.values), u.entry.rows, headers, source, { rows: edits });
  }
}

/**
 * The mark a swap adds between a list's row inserts and its row deletes (a part of its own in
 * the journal's namespace, deleted with it), so that an undo knows which phase was cut off.
 */
export function rowsMarkXml(table: string): string {
  const json = JSON.stringify({ table }).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="UTF-8"?><rowsInserted xmlns="${JOURNAL_NAMESPACE}">${json}</rowsInserted>`;
}

/** The tables (lower case) that the marks among `xmls` name. */
export function markedTables(xmls: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const xml of xmls) {
    const m = /<rowsInserted\b[^>]*>([\s\S]*)<\/rowsInserted>/.exec(xml);
    if (!m) continue;
    try {
      const table: unknown = JSON.parse(m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).table;
      if (typeof table === 'string') out.add(table.toLowerCase());
    } catch {
      // Not a mark.
    }
  }
  return out;
}

/** Row edits as a journal holds them, or undefined when they are not (a damaged journal: undo by position). */
function checkedRowEdits(edits: unknown): RowEdits | undefined {
  const ok = (list: unknown) =>
    Array.isArray(list) &&
    list.every(
      (e: { kind?: unknown; at?: unknown; count?: unknown }) =>
        (e?.kind === 'insert' || e?.kind === 'append' || e?.kind === 'delete') &&
        Number.isInteger(e.at) &&
        (e.at as number) >= 0 &&
        (e.kind === 'append' || (Number.isInteger(e.count) && (e.count as number) >= 1)),
    );
  const x = edits as RowEdits | undefined;
  return x && ok(x.inserts) && ok(x.deletes) ? x : undefined;
}
