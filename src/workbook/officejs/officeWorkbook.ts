/**
 * The workbook port in Excel, through Office.js. Everything Excel-specific lives here and in
 * excelFacts.ts: text formats before values, row blocks under the 5 MB request limit, sheet and
 * table names, the custom XML part that carries the state, and the all-or-nothing swap.
 *
 * apply() works in three phases so that the workbook is either unchanged or fully advanced:
 *  A. each planned sheet is written into a hidden temporary sheet (formats, values in blocks,
 *     table, layout) — on error or cancel the temporary sheets are deleted;
 *  B. one request swaps: old sheets are renamed aside and hidden, temporary sheets take their
 *     names and tab positions, tables their names, the new state part is added — if this
 *     request fails part-way, the recorded names, positions and visibility are restored;
 *  C. one request deletes what was set aside (old sheets, removed sheets, old state parts).
 */
import { CancelledError, UserError, isCancel, throwIfAborted } from '../../core/errors';
import { DEFAULT_LANG, formatCount, type Lang } from '../../core/i18n/lang';
import { noProgress, type RunOptions } from '../../core/progress';
import { STATE_NAMESPACE, stateFromXml, stateToXml, type WorkbookState } from '../../core/state/workbookState';
import { makeTableName, sheetNameProblem } from '../../core/workbook/sheetNames';
import { assertWithinExcelLimits } from '../../core/workbook/excelLimits';
import type { SheetPlan, RowStyle } from '../../core/workbook/sheetPlan';
import type { CellValue } from '../../core/workbook/cells';
import type { SheetData, SheetInfo, WorkbookChange, WorkbookPort } from '../../core/workbook/port';
import {
  FIRST_READ_ROWS,
  MAX_SHEET_ROWS,
  REQUEST_LIMIT_BYTES,
  TARGET_REQUEST_BYTES,
  columnLetter,
  columnWidthPoints,
  fromExcel,
  jsonBytes,
  officeErrorCode,
  rangeAddress,
  readBlockRows,
  cellBlocks,
  tempSheetName,
} from './excelFacts';
import { t } from './messages';

export interface OfficeWorkbookOptions {
  /** Language of progress labels and errors (default Finnish). */
  lang?: Lang;
  /** Bytes one write request aims at (tests lower it; default 2.5 MB). */
  targetRequestBytes?: number;
}

type Run = typeof Excel.run;

/** A sheet as found before the change. */
interface SheetBefore {
  id: string;
  name: string;
  position: number;
  visibility: string;
}

interface Before {
  sheets: SheetBefore[];
  activeName: string | null;
  tables: { id: string; name: string }[];
  /** Tables of the sheets the change replaces or removes, by sheet id. */
  tablesOfSheet: Map<string, { id: string; name: string }[]>;
  statePartIds: string[];
}

/** What phase A produced for one plan. */
interface Written {
  plan: SheetPlan;
  tempName: string;
  tempId: string;
  tempTableName?: string;
  finalTableName?: string;
}

export function createOfficeWorkbook(excel: { run: Run }, options: OfficeWorkbookOptions = {}): WorkbookPort {
  const lang = options.lang ?? DEFAULT_LANG;
  const targetBytes = Math.min(options.targetRequestBytes ?? TARGET_REQUEST_BYTES, REQUEST_LIMIT_BYTES / 2);
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => excel.run(batch);

  return {
    async listSheets(): Promise<SheetInfo[]> {
      return run(async (ctx) => {
        const sheets = ctx.workbook.worksheets.load('items/name,items/visibility');
        await ctx.sync();
        const perSheet = sheets.items.map((sheet) => ({
          sheet,
          tables: sheet.tables.load('items/name'),
          used: sheet.getUsedRangeOrNullObject(true).load('rowCount,columnCount'),
        }));
        await ctx.sync();
        const counts = perSheet.map((p) => p.tables.items.map((table) => table.rows.getCount()));
        await ctx.sync();
        return perSheet.map((p, i) => ({
          name: p.sheet.name,
          visible: p.sheet.visibility === 'Visible',
          tables: p.tables.items.map((table, j) => ({ name: table.name, rowCount: counts[i][j].value })),
          rowCount: p.used.isNullObject ? 0 : p.used.rowCount,
          columnCount: p.used.isNullObject ? 0 : p.used.columnCount,
        }));
      });
    },

    async readSheet(name: string, opts: RunOptions & { maxRows?: number } = {}): Promise<SheetData> {
      const progress = opts.progress ?? noProgress;
      throwIfAborted(opts.signal);
      return run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItemOrNullObject(name);
        await ctx.sync();
        // eslint-disable-next-line office-addins/call-sync-before-read -- synced on the line above
        if (sheet.isNullObject) throw new UserError(t(lang, 'sheetNotFound', { sheet: name }));
        const tables = sheet.tables.load('items/name');
        const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
        await ctx.sync();
        // The first table is the list; without one, the used range with its first row as header.
        let area: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number } | null = null;
        if (tables.items.length > 0) {
          const range = tables.items[0].getRange().load('rowIndex,columnIndex,rowCount,columnCount');
          await ctx.sync();
          area = range;
        } else if (!used.isNullObject) area = used;
        if (!area) return { name, headers: [], rows: [], firstDataRow: 2 };
        const { rowIndex, columnIndex, columnCount } = area;
        const header = sheet.getRangeByIndexes(rowIndex, columnIndex, 1, columnCount).load('values');
        await ctx.sync();
        const headers = (header.values[0] as unknown[]).map((v) => (v === null || v === undefined ? '' : String(v)));
        const available = area.rowCount - 1;
        const wanted = Math.max(0, Math.min(available, opts.maxRows ?? available));
        const rows: CellValue[][] = [];
        let blockRows = Math.min(FIRST_READ_ROWS, wanted);
        while (rows.length < wanted) {
          throwIfAborted(opts.signal);
          const count = Math.min(blockRows, wanted - rows.length);
          const block = sheet.getRangeByIndexes(rowIndex + 1 + rows.length, columnIndex, count, columnCount).load('values');
          try {
            await ctx.sync();
          } catch (error) {
            // A response over the limit: the rows were longer than measured. Halve and retry.
            if (officeErrorCode(error) === 'ResponsePayloadSizeLimitExceeded' && count > 1) {
              blockRows = Math.max(1, Math.floor(count / 2));
              continue;
            }
            throw error;
          }
          const values = block.values as unknown[][];
          for (const row of values) rows.push(row.map(fromExcel));
          blockRows = readBlockRows(jsonBytes(values) / count);
          progress(rows.length, wanted, t(lang, 'reading', { sheet: name }));
        }
        // A table always has a body row; an empty one at the end is not data.
        while (rows.length > 0 && rows[rows.length - 1].every((v) => v === null)) rows.pop();
        return { name, headers, rows, firstDataRow: rowIndex + 2 };
      });
    },

    async readState(): Promise<WorkbookState | null> {
      const xml = await run(async (ctx) => {
        const parts = ctx.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE).load('items/id');
        await ctx.sync();
        if (parts.items.length === 0) return null;
        // apply() keeps one part; should there be more, the newest (last added) wins.
        const text = parts.items[parts.items.length - 1].getXml();
        await ctx.sync();
        // getXml() returns a ClientResult, filled in by the sync above; there is nothing to load.
        // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
        return text.value;
      });
      if (xml === null) return null;
      try {
        return stateFromXml(xml);
      } catch (error) {
        throw new UserError(t(lang, 'stateDamaged', { detail: (error as Error).message.split('\n')[0].slice(0, 200) }));
      }
    },

    async apply(change: WorkbookChange, opts: RunOptions = {}): Promise<void> {
      const progress = opts.progress ?? noProgress;
      const signal = opts.signal;
      const plans = change.write ?? [];
      checkPlans(plans, lang);
      throwIfAborted(signal);
      progress(0, 1, t(lang, 'preparing'));
      const before = await readBefore(run, change);
      const written: Written[] = [];
      const totalRows = plans.reduce((n, p) => n + Math.max(1, p.rows.length), 0);
      let doneRows = 0;
      let swapped = false;
      try {
        const takenSheets = before.sheets.map((s) => s.name);
        const replacedOrRemoved = new Set([...plans.map((p) => p.name), ...(change.remove ?? [])].map((n) => n.toLowerCase()));
        // Table names must be unique in the workbook; names on sheets that go away are free.
        const keptTables = before.tables
          .filter(
            (tb) =>
              ![...before.tablesOfSheet.entries()].some(
                ([sheetId, list]) => list.some((x) => x.id === tb.id) && replacedOrRemoved.has(nameOfSheet(before, sheetId)),
              ),
          )
          .map((tb) => tb.name);
        const allTables = before.tables.map((tb) => tb.name);
        for (const plan of plans) {
          const tempName = tempSheetName([...takenSheets, ...written.map((w) => w.tempName)], Date.now() % 1_000_000_007);
          const finalTableName = plan.layout === 'table' ? makeTableName(plan.tableName ?? plan.name, keptTables) : undefined;
          if (finalTableName) keptTables.push(finalTableName);
          const tempTableName = finalTableName
            ? makeTableName(`${finalTableName.slice(0, 180)}_tmp`, [
                ...allTables,
                ...written.flatMap((w) => (w.tempTableName ? [w.tempTableName] : [])),
              ])
            : undefined;
          const w: Written = { plan, tempName, tempId: '', tempTableName, finalTableName };
          written.push(w);
          await writeTemp(run, w, targetBytes, lang, signal, (rows) => {
            doneRows += rows;
            progress(doneRows, totalRows, t(lang, 'writing', { sheet: plan.name }));
          });
        }
        throwIfAborted(signal);
        progress(totalRows, totalRows, t(lang, 'finishing'));
        swapped = true;
        await swap(run, before, written, change);
      } catch (error) {
        await restore(run, before, written, swapped).catch(() => undefined);
        if (isCancel(error) && !(error instanceof CancelledError)) throw new CancelledError();
        throw error;
      }
      // Phase C: the new content is in place; delete what was set aside. Retried once, since
      // a failure here leaves only hidden leftovers, not an inconsistent list.
      try {
        await commit(run, before, change);
      } catch {
        await commit(run, before, change);
      }
    },
  };
}

function nameOfSheet(before: Before, id: string): string {
  return (before.sheets.find((s) => s.id === id)?.name ?? '').toLowerCase();
}

function checkPlans(plans: readonly SheetPlan[], lang: Lang): void {
  const seen = new Set<string>();
  for (const plan of plans) {
    const problem = sheetNameProblem(plan.name);
    if (problem) throw new UserError(t(lang, 'badSheetName', { name: plan.name, problem }));
    const lower = plan.name.toLowerCase();
    if (seen.has(lower)) throw new UserError(t(lang, 'duplicatePlan', { name: plan.name }));
    seen.add(lower);
    const header = plan.layout === 'table' ? 1 : 0;
    if (plan.rows.length + header > MAX_SHEET_ROWS) {
      throw new UserError(
        t(lang, 'tooManyRows', {
          sheet: plan.name,
          rows: formatCount(lang, plan.rows.length),
          max: formatCount(lang, MAX_SHEET_ROWS - header),
        }),
      );
    }
  }
  // Columns (and anything else of Excel's limits) as the ExcelJS adapter checks them.
  assertWithinExcelLimits(plans, lang);
}

async function readBefore(run: <T>(b: (c: Excel.RequestContext) => Promise<T>) => Promise<T>, change: WorkbookChange): Promise<Before> {
  return run(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load('items/id,items/name,items/position,items/visibility');
    const active = ctx.workbook.worksheets.getActiveWorksheet().load('name');
    const tables = ctx.workbook.tables.load('items/id,items/name');
    const parts = ctx.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE).load('items/id');
    await ctx.sync();
    const touched = new Set([...(change.write ?? []).map((p) => p.name), ...(change.remove ?? [])].map((n) => n.toLowerCase()));
    const touchedSheets = sheets.items.filter((s) => touched.has(s.name.toLowerCase()));
    const sheetTables = touchedSheets.map((s) => ({ id: s.id, tables: s.tables.load('items/id,items/name') }));
    await ctx.sync();
    return {
      sheets: sheets.items.map((s) => ({ id: s.id, name: s.name, position: s.position, visibility: s.visibility as string })),
      activeName: active.name,
      tables: tables.items.map((tb) => ({ id: tb.id, name: tb.name })),
      tablesOfSheet: new Map(sheetTables.map((s) => [s.id, s.tables.items.map((tb) => ({ id: tb.id, name: tb.name }))])),
      statePartIds: parts.items.map((p) => p.id),
    };
  });
}

/** Phase A for one plan: a hidden temporary sheet with formats, values, table and layout. */
async function writeTemp(
  run: <T>(b: (c: Excel.RequestContext) => Promise<T>) => Promise<T>,
  w: Written,
  targetBytes: number,
  lang: Lang,
  signal: AbortSignal | undefined,
  advanced: (rows: number) => void,
): Promise<void> {
  const { plan } = w;
  const columnCount = Math.max(1, plan.columns.length);
  const types = plan.columns.map((c) => c.type);
  const isTable = plan.layout === 'table';
  const firstDataRow = isTable ? 1 : 0;
  await run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.add(w.tempName);
    sheet.visibility = 'Hidden';
    sheet.load('id');
    // Formats first: a value is coerced when it is written, so "@" must be in place before.
    if (plan.columns.length === 0) {
      // Nothing to lay out: an empty sheet of that name.
      await ctx.sync();
      w.tempId = sheet.id;
      advanced(Math.max(1, plan.rows.length));
      return;
    }
    if (isTable) {
      const header = sheet.getRangeByIndexes(0, 0, 1, columnCount);
      header.numberFormat = [['@']];
      header.values = [plan.columns.map((c) => c.header)];
    }
    if (plan.rows.length > 0) {
      plan.columns.forEach((column, c) => {
        sheet.getRangeByIndexes(firstDataRow, c, plan.rows.length, 1).numberFormat = [[column.numberFormat]];
      });
    }
    await ctx.sync();
    w.tempId = sheet.id;

    for (const block of cellBlocks(plan.rows, types, targetBytes)) {
      throwIfAborted(signal);
      if (block.bytes > REQUEST_LIMIT_BYTES / 2)
        throw new UserError(t(lang, 'rowTooWide', { sheet: plan.name, row: block.start + 1 + firstDataRow }));
      sheet.getRangeByIndexes(firstDataRow + block.start, 0, block.cells.length, columnCount).values = block.cells;
      await ctx.sync();
      advanced(block.cells.length);
    }
    throwIfAborted(signal);

    if (isTable) {
      // One table over the written range (with an empty sheet a header-only table; Excel adds
      // an empty body row).
      const table = sheet.tables.add(rangeAddress(0, 0, plan.rows.length + 1, columnCount), true);
      table.name = w.tempTableName!;
      table.style = 'TableStyleMedium2';
      if (plan.rows.length === 0) advanced(1);
    } else {
      layoutDocument(sheet, plan, columnCount);
      if (plan.rows.length === 0) advanced(1);
    }
    if (plan.freezeHeader && isTable) sheet.freezePanes.freezeRows(1);
    plan.columns.forEach((column, c) => {
      sheet.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = columnWidthPoints(column.width);
    });
    if (plan.tabColor) sheet.tabColor = plan.tabColor;
    if (plan.print) {
      sheet.pageLayout.orientation = plan.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      if (plan.print.repeatHeaderRow && isTable) sheet.pageLayout.setPrintTitleRows('$1:$1');
      if (plan.print.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    }
    await ctx.sync();
  });
}

/** The notes sheet: a document, not a table — styled rows, wrapped text. */
function layoutDocument(sheet: Excel.Worksheet, plan: SheetPlan, columnCount: number): void {
  if (plan.rows.length === 0) return;
  sheet.getRangeByIndexes(0, 0, plan.rows.length, columnCount).format.wrapText = true;
  const styles = plan.rowStyles ?? [];
  // Consecutive rows of one style are formatted as one range: fewer operations.
  let start = 0;
  for (let i = 1; i <= plan.rows.length; i++) {
    if (i < plan.rows.length && styles[i] === styles[start]) continue;
    const style = styles[start];
    if (style && style !== 'normal') styleRows(sheet.getRangeByIndexes(start, 0, i - start, columnCount), style);
    start = i;
  }
}

function styleRows(range: Excel.Range, style: RowStyle): void {
  switch (style) {
    case 'title':
      range.format.font.bold = true;
      range.format.font.size = 14;
      break;
    case 'section':
      range.format.font.bold = true;
      range.format.fill.color = '#DDEBF7';
      break;
    case 'label':
      range.format.font.bold = true;
      break;
    case 'note':
      range.format.font.italic = true;
      range.format.font.color = '#595959';
      break;
    default:
      break;
  }
}

const asideName = (i: number) => `~rajaus-old-${i}`;

/** Phase B: one request that puts the new sheets in place and sets the old ones aside. */
async function swap(
  run: <T>(b: (c: Excel.RequestContext) => Promise<T>) => Promise<T>,
  before: Before,
  written: Written[],
  change: WorkbookChange,
): Promise<void> {
  await run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    const byName = new Map(before.sheets.map((s) => [s.name.toLowerCase(), s]));
    const taken = new Set(before.sheets.map((s) => s.name.toLowerCase()));
    let aside = 0;
    const nextAside = () => {
      while (taken.has(asideName(aside).toLowerCase())) aside++;
      const name = asideName(aside);
      taken.add(name.toLowerCase());
      return name;
    };
    // Replacements in tab order: each new sheet goes where its old one is.
    const ordered = [...written].sort(
      (a, b) =>
        (byName.get(a.plan.name.toLowerCase())?.position ?? Infinity) - (byName.get(b.plan.name.toLowerCase())?.position ?? Infinity),
    );
    let inserted = 0;
    for (const w of ordered) {
      const old = byName.get(w.plan.name.toLowerCase());
      const temp = sheets.getItem(w.tempId);
      if (old) {
        const oldSheet = sheets.getItem(old.id);
        oldSheet.name = nextAside();
        for (const tb of before.tablesOfSheet.get(old.id) ?? []) {
          if (tb.name.toLowerCase() === w.finalTableName?.toLowerCase())
            ctx.workbook.tables.getItem(tb.id).name = `${tb.name.slice(0, 200)}_old`;
        }
        temp.name = w.plan.name;
        temp.visibility = 'Visible';
        temp.position = old.position + inserted;
        inserted++;
        if (old.visibility === 'Visible') oldSheet.visibility = 'Hidden';
      } else {
        temp.name = w.plan.name;
        temp.visibility = 'Visible';
      }
      if (w.tempTableName && w.finalTableName) temp.tables.getItem(w.tempTableName).name = w.finalTableName;
    }
    const writing = new Set(written.map((w) => w.plan.name.toLowerCase()));
    for (const name of change.remove ?? []) {
      const old = byName.get(name.toLowerCase());
      if (!old || writing.has(name.toLowerCase())) continue;
      const oldSheet = sheets.getItem(old.id);
      oldSheet.name = nextAside();
      if (old.visibility === 'Visible') oldSheet.visibility = 'Hidden';
    }
    if (change.state) ctx.workbook.customXmlParts.add(stateToXml(change.state));
    const activate = change.activate ?? (before.activeName && writing.has(before.activeName.toLowerCase()) ? before.activeName : undefined);
    if (activate) sheets.getItem(activate).activate();
    await ctx.sync();
  });
}

/** Phase C: delete the sheets set aside and the replaced state parts (two round trips). */
async function commit(
  run: <T>(b: (c: Excel.RequestContext) => Promise<T>) => Promise<T>,
  before: Before,
  change: WorkbookChange,
): Promise<void> {
  await run(async (ctx) => {
    const gone = new Set([...(change.write ?? []).map((p) => p.name.toLowerCase()), ...(change.remove ?? []).map((n) => n.toLowerCase())]);
    // Looked up by id: the old sheets now carry their set-aside names. OrNullObject, because a
    // retry after a partly executed request may find some already deleted.
    const sheets = before.sheets
      .filter((s) => gone.has(s.name.toLowerCase()))
      .map((s) => ctx.workbook.worksheets.getItemOrNullObject(s.id));
    const parts = change.state ? before.statePartIds.map((id) => ctx.workbook.customXmlParts.getItemOrNullObject(id)) : [];
    await ctx.sync();
    for (const sheet of sheets) if (!sheet.isNullObject) sheet.delete();
    for (const part of parts) if (!part.isNullObject) part.delete();
    await ctx.sync();
  });
}

/**
 * Puts the workbook back as `before` recorded it: temporary sheets deleted, sheets set aside
 * renamed, shown and moved back, table names and the active sheet restored, state parts added
 * since removed. Works from whatever point phase A or B reached, since it looks at ids.
 */
async function restore(
  run: <T>(b: (c: Excel.RequestContext) => Promise<T>) => Promise<T>,
  before: Before,
  written: Written[],
  swapped: boolean,
): Promise<void> {
  await run(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load('items/id,items/name,items/visibility');
    const tables = ctx.workbook.tables.load('items/id,items/name');
    const parts = ctx.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE).load('items/id');
    await ctx.sync();
    const now = new Map(sheets.items.map((s) => [s.id, s]));
    const beforeIds = new Set(before.sheets.map((s) => s.id));
    // Show the originals first: Excel refuses to delete or hide its last visible sheet.
    for (const s of before.sheets) {
      const current = now.get(s.id);
      if (current && current.visibility !== s.visibility && s.visibility === 'Visible') current.visibility = 'Visible';
    }
    // Temporary sheets: by id when known, else by their temporary name (added but not yet synced).
    const tempNames = new Set(written.map((w) => w.tempName.toLowerCase()));
    for (const s of sheets.items) {
      if (beforeIds.has(s.id)) continue;
      if (written.some((w) => w.tempId === s.id) || tempNames.has(s.name.toLowerCase())) s.delete();
    }
    if (swapped) {
      for (const s of [...before.sheets].sort((a, b) => a.position - b.position)) {
        const current = now.get(s.id);
        if (!current) continue;
        if (current.name !== s.name) current.name = s.name;
        current.position = s.position;
        if (s.visibility !== 'Visible') current.visibility = s.visibility as Excel.SheetVisibility;
      }
      const tablesNow = new Map(tables.items.map((tb) => [tb.id, tb]));
      for (const tb of before.tables) {
        const current = tablesNow.get(tb.id);
        if (current && current.name !== tb.name) current.name = tb.name;
      }
      for (const p of parts.items) if (!before.statePartIds.includes(p.id)) p.delete();
      if (before.activeName) ctx.workbook.worksheets.getItem(before.activeName).activate();
    }
    await ctx.sync();
  });
}
