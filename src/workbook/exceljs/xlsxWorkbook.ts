/**
 * The ExcelJS adapter: the workbook port over an .xlsx workbook in memory, for the CLI (and for
 * anything that needs an .xlsx without Excel). Renders sheet plans the way the Office.js
 * adapter does in Excel: text-typed columns as strings with the text format "@" (so `+358…`,
 * `00100` and `=HYPERLINK(…)` stay text), dates as serials formatted yyyy-mm-dd, an Excel table
 * over header + rows, frozen header, widths, tab colour, page setup; notes as a document.
 *
 * Load and save of the package (with the state's custom XML part) are `xlsxWorkbookFromBytes`
 * and `xlsxWorkbookToBytes` here (browser-safe), and `loadXlsxWorkbook` / `saveXlsxWorkbook`
 * in xlsxFile.node.ts for files.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { UserError, throwIfAborted } from '../../core/errors';
import { pauser, type RunOptions } from '../../core/progress';
import type { WorkbookState } from '../../core/state/workbookState';
import { toCell, type CellValue } from '../../core/workbook/cells';
import type { SheetData, SheetInfo, WorkbookChange, WorkbookPort } from '../../core/workbook/port';
import { makeTableName, sheetNameProblem } from '../../core/workbook/sheetNames';
import { assertWithinExcelLimits } from '../../core/workbook/excelLimits';
import type { Lang } from '../../core/i18n/lang';
import type { RowStyle, SheetPlan } from '../../core/workbook/sheetPlan';
import { cellText, safeCellValue, type TextRepairs } from '../../core/workbook/xmlText';
import { wrappedRowHeights } from '../../core/workbook/rowHeights';
import { plainCellValue } from './cellValues';
import { readStateFromPackage, writeStateToPackage } from './stateXmlPart';

export interface XlsxWorkbookPort extends WorkbookPort {
  /** The ExcelJS workbook behind the port. */
  readonly workbook: ExcelJS.Workbook;
  /** The state as it will be saved (what readState returns). */
  currentState(): WorkbookState | null;
}

const TABLE_STYLE = 'TableStyleMedium2';

/** "#1F6FEB" or "1F6FEB" → ExcelJS ARGB "FF1F6FEB". */
function argb(color: string): string {
  const hex = color.replace(/^#/, '').toUpperCase();
  return hex.length === 6 ? `FF${hex}` : hex;
}

/** Excel table column names must be unique (ignoring case) and non-empty. */
function uniqueHeaders(headers: readonly string[], repairs?: TextRepairs): string[] {
  const seen = new Set<string>();
  return headers.map((h, i) => {
    const base = cellText(h, repairs).trim() || `Column ${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

function allTableNames(wb: ExcelJS.Workbook, except: ReadonlySet<string>): string[] {
  const names: string[] = [];
  for (const ws of wb.worksheets) {
    if (except.has(ws.name.toLowerCase())) continue;
    for (const t of ws.getTables() as unknown as { name?: string; table?: { name: string } }[]) {
      const name = t.table?.name ?? t.name;
      if (name) names.push(name);
    }
  }
  return names;
}

/** The range ("A1:F120") of a table as ExcelJS holds it after a load or an addTable. */
function tableRange(t: unknown): { name: string; ref: string } | null {
  const tbl = (t as { table?: { name: string; tableRef?: string; ref?: string } }).table;
  if (!tbl) return null;
  return { name: tbl.name, ref: tbl.tableRef ?? tbl.ref ?? '' };
}

function decodeRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref);
  if (!m) return null;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const left = col(m[1]!);
  const top = Number(m[2]);
  return { top, left, right: m[3] ? col(m[3]) : left, bottom: m[4] ? Number(m[4]) : top };
}

function applyPrint(ws: ExcelJS.Worksheet, plan: SheetPlan, hasHeader: boolean): void {
  // A4 on every sheet, with or without other print setup (Excel's default is US Letter).
  ws.pageSetup.paperSize = 9;
  const print = plan.print;
  if (!print) return;
  ws.pageSetup.orientation = print.orientation;
  if (print.fitToWidth) {
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    ws.pageSetup.fitToHeight = 0;
  }
  if (print.repeatHeaderRow && hasHeader) ws.pageSetup.printTitlesRow = '1:1';
}

async function renderTable(ws: ExcelJS.Worksheet, plan: SheetPlan, tableName: string, opts: RunOptions): Promise<void> {
  // Pauses let a Ctrl-C or the pane's Cancel be heard while 100,000 rows are laid out.
  const pause = pauser(opts.signal);
  const cols = plan.columns;
  const repairs = opts.textRepairs;
  const headers = uniqueHeaders(
    cols.map((c) => c.header),
    repairs,
  );
  // Widths and formats on the columns first: a cell made after takes its column's format, so
  // every written cell gets it as it is made, and so do rows typed in later (set afterwards,
  // ExcelJS would visit every cell of the column again in one pass).
  cols.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    col.numFmt = c.numberFormat;
  });
  // The table with its header only; ExcelJS's addTable would write every body cell in one
  // synchronous pass (seconds for a big list, with no Ctrl-C heard), so the cells go in below,
  // in pieces, as its store() writes them (the value; these columns have no table style).
  const table = ws.addTable({
    name: tableName,
    ref: 'A1',
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: headers.map((name) => ({ name, filterButton: true })),
    rows: [],
  });
  const rows: CellValue[][] = [];
  for (let r = 0; r < plan.rows.length; r++) {
    if (r % 5000 === 0) {
      throwIfAborted(opts.signal);
      opts.progress?.(r, plan.rows.length);
    }
    if (r % 500 === 0) await pause();
    const src = plan.rows[r]!;
    // Every string through cellText: one U+FFFF would make the whole sharedStrings part unreadable.
    const values = cols.map((c, i) => safeCellValue(toCell(c.type, src[i] ?? null), repairs));
    rows.push(values);
    const row = ws.getRow(r + 2);
    values.forEach((v, i) => (row.getCell(i + 1).value = v as ExcelJS.CellValue));
  }
  // Excel wants at least one data row in a table; an empty list gets one empty row.
  if (rows.length === 0) {
    const empty = cols.map(() => null);
    rows.push(empty);
    const row = ws.getRow(2);
    empty.forEach((v, i) => (row.getCell(i + 1).value = v));
  }
  // The table's extent from its rows (validate() recomputes the ref; it writes no cell).
  const model = table as unknown as { table: { rows: CellValue[][] }; validate(): void };
  model.table.rows = rows;
  model.validate();
  ws.getRow(1).font = { bold: true };
  if (plan.freezeHeader) ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  applyPrint(ws, plan, true);
  opts.progress?.(plan.rows.length, plan.rows.length);
}

const DOCUMENT_FONTS: Record<RowStyle, Partial<ExcelJS.Font>> = {
  title: { bold: true, size: 16 },
  section: { bold: true, size: 12 },
  label: { bold: true },
  normal: {},
  note: { italic: true, color: { argb: 'FF595959' } },
};

function renderDocument(ws: ExcelJS.Worksheet, plan: SheetPlan, repairs?: TextRepairs): void {
  const cols = plan.columns;
  cols.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    col.numFmt = c.numberFormat;
    col.alignment = { wrapText: true, vertical: 'top' };
  });
  const heights = wrappedRowHeights(plan);
  plan.rows.forEach((src, r) => {
    const row = ws.getRow(r + 1);
    if (heights[r] !== undefined) row.height = heights[r];
    const style = plan.rowStyles?.[r] ?? 'normal';
    cols.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const v = safeCellValue(toCell(c.type, src[i] ?? null), repairs);
      if (v !== null) cell.value = v;
      cell.numFmt = c.numberFormat;
      cell.alignment = { wrapText: true, vertical: 'top' };
      const font = DOCUMENT_FONTS[style];
      if (Object.keys(font).length) cell.font = font;
    });
  });
  applyPrint(ws, plan, false);
}

/** Creates the port over `wb` (a new, empty workbook when omitted). */
export function createXlsxWorkbook(
  wb: ExcelJS.Workbook = new ExcelJS.Workbook(),
  state: WorkbookState | null = null,
  /** Language of the messages about Excel's limits. */
  lang: Lang = 'en',
): XlsxWorkbookPort {
  let currentState = state;
  let tempCounter = 0;

  const findSheet = (name: string) => wb.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());

  async function listSheets(): Promise<SheetInfo[]> {
    return wb.worksheets.map((ws) => {
      const tables = ws.getTables().map((t) => {
        const tr = tableRange(t);
        const range = tr ? decodeRange(tr.ref) : null;
        return { name: tr?.name ?? '', rowCount: range ? range.bottom - range.top : 0 };
      });
      return {
        name: ws.name,
        visible: (ws.state ?? 'visible') === 'visible',
        tables,
        rowCount: ws.actualRowCount === 0 ? 0 : ws.rowCount,
        columnCount: ws.actualColumnCount === 0 ? 0 : ws.columnCount,
      };
    });
  }

  async function readSheet(name: string, opts: RunOptions & { maxRows?: number } = {}): Promise<SheetData> {
    const ws = findSheet(name);
    if (!ws) {
      throw new UserError(`no sheet named '${name}'. Sheets: ${wb.worksheets.map((w) => w.name).join(', ')}`);
    }
    // The first table if there is one, else the used range from its first non-empty row.
    let range: { top: number; left: number; bottom: number; right: number } | null = null;
    const first = ws.getTables()[0];
    if (first) range = decodeRange(tableRange(first)?.ref ?? '');
    if (!range) {
      if (ws.actualRowCount === 0) return { name: ws.name, headers: [], rows: [], firstDataRow: 2 };
      let top = 1;
      while (top <= ws.rowCount && !ws.getRow(top).hasValues) top++;
      range = { top, left: 1, bottom: ws.rowCount, right: ws.columnCount };
    }
    const headerRow = ws.getRow(range.top);
    const headers: string[] = [];
    for (let c = range.left; c <= range.right; c++) {
      const v = plainCellValue(headerRow.getCell(c).value);
      headers.push(v === null ? '' : String(v));
    }
    const rows: CellValue[][] = [];
    const bottom = opts.maxRows !== undefined ? Math.min(range.bottom, range.top + opts.maxRows) : range.bottom;
    const total = bottom - range.top;
    for (let r = range.top + 1; r <= bottom; r++) {
      if ((r - range.top) % 5000 === 0) {
        throwIfAborted(opts.signal);
        opts.progress?.(r - range.top, total);
      }
      const row = ws.getRow(r);
      const values: CellValue[] = [];
      for (let c = range.left; c <= range.right; c++) values.push(plainCellValue(row.getCell(c).value));
      rows.push(values);
    }
    // The empty row of an empty table, and blank rows at the end of a used range, are no data.
    while (rows.length > 0 && rows[rows.length - 1]!.every((v) => v === null || v === '')) rows.pop();
    return { name: ws.name, headers, rows, firstDataRow: range.top + 1 };
  }

  async function apply(change: WorkbookChange, opts: RunOptions = {}): Promise<void> {
    throwIfAborted(opts.signal);
    const plans = change.write ?? [];
    const planned = new Set<string>();
    for (const p of plans) {
      const problem = sheetNameProblem(p.name);
      if (problem) throw new UserError(`sheet name '${p.name}' is not valid: ${problem}`);
      if (planned.has(p.name.toLowerCase())) throw new UserError(`sheet '${p.name}' is written twice in one change`);
      planned.add(p.name.toLowerCase());
    }
    // Never a file Excel cannot open: over 1,048,576 rows or 16,384 columns is refused here.
    assertWithinExcelLimits(plans, lang);
    const removed = new Set((change.remove ?? []).map((n) => n.toLowerCase()));
    for (const n of removed) {
      if (planned.has(n)) throw new UserError(`sheet '${n}' is both written and removed in one change`);
    }

    // 1. Build every new sheet under a temporary name; on any failure remove them all.
    const built: { plan: SheetPlan; ws: ExcelJS.Worksheet }[] = [];
    try {
      const tableNames = allTableNames(wb, new Set([...planned, ...removed]));
      for (const plan of plans) {
        throwIfAborted(opts.signal);
        const ws = wb.addWorksheet(
          `~rajaus${++tempCounter}`,
          plan.tabColor ? { properties: { tabColor: { argb: argb(plan.tabColor) } } } : {},
        );
        built.push({ plan, ws });
        if (plan.layout === 'table') {
          const tableName = makeTableName(plan.tableName ?? plan.name, tableNames);
          tableNames.push(tableName);
          await renderTable(ws, plan, tableName, opts);
        } else {
          renderDocument(ws, plan, opts.textRepairs);
        }
      }
      throwIfAborted(opts.signal);
    } catch (e) {
      for (const b of built) wb.removeWorksheet(b.ws.id);
      throw e;
    }

    // 2. Swap: nothing below can fail on valid input, so the workbook advances as a whole.
    for (const { plan, ws } of built) {
      const old = findSheet(plan.name);
      if (old) {
        // Same tab position as the sheet it replaces (ExcelJS sorts tabs by orderNo).
        const orderNo = (old as unknown as { orderNo: number }).orderNo;
        wb.removeWorksheet(old.id);
        (ws as unknown as { orderNo: number }).orderNo = orderNo;
      }
      ws.name = plan.name;
    }
    for (const name of change.remove ?? []) {
      const ws = findSheet(name);
      if (ws) wb.removeWorksheet(ws.id);
    }
    if (change.state !== undefined) currentState = change.state;
    if (change.activate) {
      const index = wb.worksheets.findIndex((w) => w.name.toLowerCase() === change.activate!.toLowerCase());
      if (index >= 0) {
        wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: index, visibility: 'visible' }];
      }
    }
  }

  return {
    workbook: wb,
    currentState: () => currentState,
    listSheets,
    readSheet,
    apply,
    readState: async () => currentState,
  };
}

/** Reads an .xlsx package: sheets through ExcelJS, the state part through JSZip. */
export async function xlsxWorkbookFromBytes(bytes: Uint8Array, fileName = 'workbook.xlsx'): Promise<XlsxWorkbookPort> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new UserError('not an .xlsx file (the file is not a zip package)', { file: fileName });
  }
  const state = await readStateFromPackage(zip).catch((e: Error) => {
    throw new UserError(`the Rajaus state stored in the workbook cannot be read: ${e.message}`, { file: fileName });
  });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new UserError(`not a readable .xlsx workbook (${(e as Error).message})`, { file: fileName });
  }
  return createXlsxWorkbook(wb, state);
}

/** Writes the workbook as an .xlsx package, with the state as a custom XML part. */
export async function xlsxWorkbookToBytes(port: XlsxWorkbookPort): Promise<Uint8Array> {
  const buffer = await port.workbook.xlsx.writeBuffer();
  const zip = await JSZip.loadAsync(buffer as ArrayBuffer);
  await writeStateToPackage(zip, port.currentState());
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
