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
 *
 * A list that already has its table (a refresh, matching, undo, building data, suppression) is
 * rewritten in place when the host has ExcelApi 1.9 (Range.copyFrom): phase A stages its cells,
 * a request before B backs its table up to a hidden sheet, B inserts or deletes rows and columns
 * inside the table and copies the staged cells in, and a request after B sets widths, freeze and
 * print. The sheet and table keep their names and identity, so the user's formulas, structured
 * references, pivot and chart sources on the list keep working. On ExcelApi 1.7/1.8 (no
 * copyFrom) the same is done by writing the cells themselves in the swap request, which holds
 * only so much: a list whose new or old cells exceed one request is replaced instead (the sheet
 * and table are new, references to the old ones break) and the user is told.
 *
 * Freeze panes and print setup are set in B, after a sheet is shown: Excel refuses them on a
 * hidden sheet. Phase B first adds a journal part (journal.ts) that C deletes, so that a step
 * cut off between B and C is finished or undone by cleanUpLeftovers when the pane next opens.
 *
 * Excel refuses every request while the user edits a cell or another workbook has the focus.
 * Nothing of such a request runs, so the adapter sends it again after a pause, telling the user
 * to finish editing (progress label and a notice); after `busyRetry.maxWaitMs` the step is
 * rolled back. The roll-back waits longer (`cleanupMaxWaitMs`): it removes hidden sheets full
 * of personal data, and if it still cannot, the error says so instead of being swallowed.
 */
import { CancelledError, UserError, isCancel, throwIfAborted } from '../../core/errors';
import { DEFAULT_LANG, formatCount, type Lang } from '../../core/i18n/lang';
import { noProgress, type ProgressFn, type RunOptions } from '../../core/progress';
import { STATE_NAMESPACE, stateFromXml, stateToXml, type WorkbookState } from '../../core/state/workbookState';
import { makeTableName, sheetNameProblem } from '../../core/workbook/sheetNames';
import { assertWithinExcelLimits } from '../../core/workbook/excelLimits';
import type { SheetPlan, RowStyle } from '../../core/workbook/sheetPlan';
import type { CellValue } from '../../core/workbook/cells';
import type { LeftoverReport, SheetData, SheetInfo, WorkbookChange, WorkbookNotice, WorkbookPort } from '../../core/workbook/port';
import { makeSheetName } from '../../core/workbook/sheetNames';
import { wrappedRowHeights } from '../../core/workbook/rowHeights';
import { JOURNAL_NAMESPACE, journalFromXml, journalToXml, type Journal } from './journal';
import type { Area, CellSource } from './tableRewrite';
import type { RowEdits } from './rowEdits';
import type { ColumnEdit } from './columnEdits';

/**
 * Rewriting a table in place (tableRewrite.ts) is loaded when a step first needs it: it is not
 * part of the pane's first load (the shell keeps its initial script small).
 */
type TableRewrite = typeof import('./tableRewrite');
let tableRewrite: Promise<TableRewrite> | null = null;
const loadTableRewrite = (): Promise<TableRewrite> => (tableRewrite ??= import(/* webpackChunkName: "table-rewrite" */ './tableRewrite'));
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
  headerTexts,
  isExcelBusy,
  ASIDE_SHEET,
  LEFTOVER_SHEET,
} from './excelFacts';
import { cellText, type TextRepairs } from '../../core/workbook/xmlText';
import { t } from './messages';

export interface OfficeWorkbookOptions {
  /** Language of progress labels and errors (default Finnish). */
  lang?: Lang;
  /** Bytes one write request aims at (tests lower it; default 2.5 MB). */
  targetRequestBytes?: number;
  /**
   * Waiting while Excel is busy (cell-edit mode, another workbook active): pauses between
   * attempts (the last repeats) and the longest wait before a step gives up (default 2 min);
   * a roll-back waits up to `cleanupMaxWaitMs` (default 10 min).
   */
  busyRetry?: { delaysMs?: number[]; maxWaitMs?: number; cleanupMaxWaitMs?: number };
  /**
   * Whether the host implements an ExcelApi version (default: Office.context.requirements, or
   * yes outside Office). Print setup needs 1.9; without it sheets keep Excel's defaults.
   */
  supportsExcelApi?: (version: string) => boolean;
}

type Run = typeof Excel.run;
type RunBatch = <T>(b: (c: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Thrown when Excel stayed busy for longer than the adapter waits. */
class ExcelBusyTooLong extends UserError {}

/**
 * How one operation waits while Excel is busy: `onBusy(error)` rethrows anything else, and
 * otherwise tells the user (once per wait) and sleeps before the caller tries again.
 */
export interface Patience {
  onBusy(error: unknown): Promise<void>;
}

/** The pieces every phase needs: Excel.run, waiting while Excel is busy, the user's messages. */
export interface Session {
  run: RunBatch;
  lang: Lang;
  /** Patience for a step's work (gives up after maxWaitMs; cancellable). */
  patience(signal?: AbortSignal): Patience;
  /** Patience for clean-up and roll-back (longer; not cancellable: it removes personal data). */
  cleanupPatience(): Patience;
  /** Runs a batch that may simply run again when Excel refused it as busy (reads, one-request changes). */
  runPatiently<T>(batch: (c: Excel.RequestContext) => Promise<T>, patience: Patience): Promise<T>;
  /** Queues operations and syncs; when Excel refused them as busy, queues them again. */
  syncPatiently(ctx: Excel.RequestContext, queue: () => void, patience: Patience): Promise<void>;
  printSetup: boolean;
  /** Range.copyFrom (ExcelApi 1.9): lists rewritten in place are copied from their staging sheet. */
  copyCells: boolean;
  notify(notice: WorkbookNotice): void;
}

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
  /** Defined names: table names must differ from them too (one namespace in Excel). */
  definedNames: string[];
  /** Tables of the sheets the change replaces or removes, by sheet id. */
  tablesOfSheet: Map<string, { id: string; name: string }[]>;
  /** Where those tables are (rows and columns including the header). */
  tableAreas: Map<string, Area>;
  /** Their header rows: columns are matched by header when a list is rewritten in place. */
  tableHeaders: Map<string, string[]>;
  /**
   * The last row (0-based) holding a value under each of those tables, within its columns:
   * rows a step inserts into the table push it down, and Excel refuses to push it past the
   * sheet's last row. Absent when there is nothing under the table.
   */
  tableBelow: Map<string, number>;
  statePartIds: string[];
}

/**
 * A list rewritten in place: its sheet and table stay (name, id, position, style), so that the
 * user's formulas, structured references, defined names, pivot tables and charts on it keep
 * working. The swap resizes the table and copies the staging sheet's cells into it.
 */
export interface InPlace {
  sheetId: string;
  tableId: string;
  tableName: string;
  area: Area;
  /** The table's headers before the rewrite. */
  headers: string[];
  /**
   * The hidden copy of the table's cells before the rewrite (made in a request of its own before
   * the swap, so that it is complete when the swap starts), for undoing it.
   */
  backup: string;
  backedUp?: boolean;
  /**
   * Without Range.copyFrom (ExcelApi 1.7/1.8): the list's new cells, header included, with their
   * number formats, written into the table by the swap request itself; and the table's cells as
   * they were (formulas and formats, read by the backup request), for a roll-back.
   */
  direct?: CellSource & { kind: 'cells' };
  oldCells?: CellSource & { kind: 'cells' };
  /**
   * The rows deleted and inserted so that references follow their rows (rowEdits.ts), when the
   * plan says where its rows were (SheetPlan.rowOrigins); else rows are rewritten by position.
   */
  rowEdits?: RowEdits;
  /** The columns kept, added and deleted by identity, when the plan says which columns it continues. */
  columnEdits?: ColumnEdit[];
}

/** What phase A produced for one plan. */
export interface Written {
  plan: SheetPlan;
  tempName: string;
  tempId: string;
  tempTableName?: string;
  finalTableName?: string;
  inPlace?: InPlace;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

function defaultSupportsExcelApi(version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  return requirements ? requirements.isSetSupported('ExcelApi', version) : true;
}

export function createOfficeWorkbook(excel: { run: Run }, options: OfficeWorkbookOptions = {}): WorkbookPort {
  const lang = options.lang ?? DEFAULT_LANG;
  const targetBytes = Math.min(options.targetRequestBytes ?? TARGET_REQUEST_BYTES, REQUEST_LIMIT_BYTES / 2);
  const run: RunBatch = (batch) => excel.run(batch);
  const delays = options.busyRetry?.delaysMs?.length ? options.busyRetry.delaysMs : [250, 500, 1000, 2000];
  const maxWaitMs = options.busyRetry?.maxWaitMs ?? 120_000;
  const cleanupMaxWaitMs = options.busyRetry?.cleanupMaxWaitMs ?? 600_000;
  const listeners = new Set<(n: WorkbookNotice) => void>();
  const notify = (notice: WorkbookNotice) => listeners.forEach((l) => l(notice));
  // The progress of the step running now, so that a wait shows in its progress bar too.
  let progressNow: { fn: ProgressFn; done: number; total: number } | null = null;
  const supports = options.supportsExcelApi ?? defaultSupportsExcelApi;
  const printSetup = supports('1.9');
  // Rewriting a list in place copies the staged cells with Range.copyFrom (ExcelApi 1.9); on
  // 1.7/1.8 the cells are written into the table directly, for lists that fit one request.
  const copyCells = supports('1.9');
  let printNoteGiven = false;

  const makePatience = (limitMs: number, signal?: AbortSignal): Patience => {
    const start = Date.now();
    let attempt = 0;
    return {
      async onBusy(error: unknown) {
        if (!isExcelBusy(error)) throw error;
        if (Date.now() - start >= limitMs) throw new ExcelBusyTooLong(t(lang, 'stillEditing'));
        const text = t(lang, 'finishEditing');
        if (attempt === 0) {
          notify({ kind: 'warning', text });
          if (progressNow) progressNow.fn(progressNow.done, progressNow.total, text);
        }
        await sleep(delays[Math.min(attempt, delays.length - 1)], signal);
        attempt++;
      },
    };
  };

  const session: Session = {
    run,
    lang,
    patience: (signal) => makePatience(maxWaitMs, signal),
    cleanupPatience: () => makePatience(cleanupMaxWaitMs),
    async runPatiently(batch, patience) {
      for (;;) {
        try {
          return await run(batch);
        } catch (error) {
          await patience.onBusy(error);
        }
      }
    },
    async syncPatiently(ctx, queue, patience) {
      for (;;) {
        queue();
        try {
          await ctx.sync();
          return;
        } catch (error) {
          await patience.onBusy(error);
        }
      }
    },
    printSetup,
    copyCells,
    notify,
  };

  /** Wraps a step's progress so that a wait can show in it. */
  const tracking = (fn: ProgressFn): ProgressFn => {
    const tracked: ProgressFn = (done, total, label) => {
      progressNow = { fn, done, total };
      fn(done, total, label);
    };
    progressNow = { fn, done: 0, total: 1 };
    return tracked;
  };

  return {
    onNotice(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async cleanUpLeftovers(): Promise<LeftoverReport> {
      const report = await cleanUp(session);
      if (report.removed.length || report.restored.length) {
        notify({
          kind: 'info',
          text: t(lang, 'leftoversRemoved', { removed: String(report.removed.length), restored: String(report.restored.length) }),
        });
      }
      return report;
    },

    async listSheets(): Promise<SheetInfo[]> {
      return session.runPatiently(async (ctx) => {
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
      }, session.patience());
    },

    async readSheet(name: string, opts: RunOptions & { maxRows?: number } = {}): Promise<SheetData> {
      const progress = tracking(opts.progress ?? noProgress);
      throwIfAborted(opts.signal);
      const patience = session.patience(opts.signal);
      return session.runPatiently(async (ctx) => {
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
            // Excel busy: nothing was read; the same block is asked again after the pause.
            await patience.onBusy(error);
            continue;
          }
          const values = block.values as unknown[][] | null;
          // Excel may answer a read of over 5,000,000 cells with null instead of an error.
          if (values === null || values === undefined) {
            if (count === 1) throw new Error(`Excel returned no values for row ${rowIndex + 2 + rows.length} of ${name}`);
            blockRows = Math.max(1, Math.floor(count / 2));
            continue;
          }
          for (const row of values) rows.push(row.map(fromExcel));
          blockRows = readBlockRows(jsonBytes(values) / count);
          progress(rows.length, wanted, t(lang, 'reading', { sheet: name }));
        }
        // A table always has a body row; an empty one at the end is not data.
        while (rows.length > 0 && rows[rows.length - 1].every((v) => v === null)) rows.pop();
        return { name, headers, rows, firstDataRow: rowIndex + 2 };
      }, patience);
    },

    async readState(): Promise<WorkbookState | null> {
      const xml = await session.runPatiently(async (ctx) => {
        const parts = ctx.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE).load('items/id');
        await ctx.sync();
        if (parts.items.length === 0) return null;
        // apply() keeps one part; should there be more, the newest (last added) wins.
        const text = parts.items[parts.items.length - 1].getXml();
        await ctx.sync();
        // getXml() returns a ClientResult, filled in by the sync above; there is nothing to load.
        // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
        return text.value;
      }, session.patience());
      if (xml === null) return null;
      try {
        return stateFromXml(xml);
      } catch (error) {
        throw new UserError(t(lang, 'stateDamaged', { detail: (error as Error).message.split('\n')[0].slice(0, 200) }));
      }
    },

    async apply(change: WorkbookChange, opts: RunOptions = {}): Promise<void> {
      const progress = tracking(opts.progress ?? noProgress);
      const signal = opts.signal;
      const plans = change.write ?? [];
      checkPlans(plans, lang);
      throwIfAborted(signal);
      progress(0, 1, t(lang, 'preparing'));
      const patience = session.patience(signal);
      const before = await readBefore(session, change, patience);
      if (!printSetup && !printNoteGiven && plans.some((p) => p.print)) {
        printNoteGiven = true;
        notify({ kind: 'warning', text: t(lang, 'printSetupSkipped') });
      }
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
          .map((tb) => tb.name)
          .concat(before.definedNames);
        const allTables = [...before.tables.map((tb) => tb.name), ...before.definedNames];
        const inPlaceOf = (planned: SheetPlan): { ip?: InPlace; plan: SheetPlan } => {
          let plan = planned;
          const old = before.sheets.find((s) => s.name.toLowerCase() === plan.name.toLowerCase());
          const tables = old ? (before.tablesOfSheet.get(old.id) ?? []) : [];
          const area = tables.length === 1 ? before.tableAreas.get(tables[0].id) : undefined;
          if (!old || plan.layout !== 'table' || plan.columns.length === 0 || !area) return { plan };
          const headers = before.tableHeaders.get(tables[0].id) ?? [];
          const ip: InPlace = { sheetId: old.id, tableId: tables[0].id, tableName: tables[0].name, area, headers, backup: '' };
          // Columns the plan continues are kept under the headers they have now.
          const columns = rewrite!.columnEditsFor(
            plan.columnOrigins,
            plan.columns.map((c) => cellText(c.header)),
            headers,
          );
          if (columns) {
            ip.columnEdits = columns.edits;
            plan = { ...plan, columns: plan.columns.map((c, j) => ({ ...c, header: columns.headers[j]! })) };
          }
          // The rows that went are deleted and new ones inserted, where the plan says where its
          // rows were; so many scattered edits that they would not fit the swap request are
          // rewritten by position instead, and the user is told.
          const rows = rewrite!.rowEditsFor(plan.rowOrigins, plan.rows.length, area.rowCount - 1, swapBudget);
          assertRoomBelow(plan.name, area, before.tableBelow.get(tables[0].id), rowsInserted(rows, plan.rows.length, area.rowCount - 1), lang);
          if (rows === 'tooMany') notify({ kind: 'warning', text: rewrite!.rewriteMessages(lang, 'rowsByPosition', { sheet: plan.name }) });
          else if (rows) {
            swapBudget -= rows.bytes;
            ip.rowEdits = rows.edits;
          }
          if (copyCells) return { ip, plan };
          // Every list written directly goes into the one swap request: they share its budget.
          const direct = rewrite!.directCells(plan, area, swapBudget);
          if (direct) {
            swapBudget -= direct.bytes;
            ip.direct = direct.cells;
            return { ip, plan };
          }
          // Too large for one request on this host: the sheet is replaced, and the user is told.
          notify({ kind: 'warning', text: rewrite!.rewriteMessages(lang, 'replacedNotInPlace', { sheet: plan.name }) });
          return { plan: planned };
        };
        const rewrite = before.tableAreas.size > 0 ? await loadTableRewrite() : null;
        let swapBudget = targetBytes;
        const inPlaces = new Map(plans.map((p) => [p, inPlaceOf(p)]));
        // A table kept in place keeps its name: no other table may take it.
        for (const { ip } of inPlaces.values()) if (ip) keptTables.push(ip.tableName);
        for (const planned of plans) {
          const tempName = tempSheetName([...takenSheets, ...written.map((w) => w.tempName)], Date.now() % 1_000_000_007);
          const { ip: inPlace, plan } = inPlaces.get(planned)!;
          const finalTableName = inPlace
            ? inPlace.tableName
            : plan.layout === 'table'
              ? makeTableName(plan.tableName ?? plan.name, keptTables)
              : undefined;
          if (finalTableName && !inPlace) keptTables.push(finalTableName);
          const tempTableName =
            finalTableName && !inPlace
              ? makeTableName(`${finalTableName.slice(0, 180)}_tmp`, [
                  ...allTables,
                  ...written.flatMap((w) => (w.tempTableName ? [w.tempTableName] : [])),
                ])
              : undefined;
          const w: Written = { plan, tempName, tempId: '', tempTableName, finalTableName, inPlace };
          written.push(w);
          await writeTemp(session, patience, w, targetBytes, signal, opts.textRepairs, (rows) => {
            doneRows += rows;
            progress(doneRows, totalRows, t(lang, 'writing', { sheet: plan.name }));
          });
        }
        throwIfAborted(signal);
        progress(totalRows, totalRows, t(lang, 'finishing'));
        if (written.some((w) => w.inPlace)) {
          const { backUpLists } = await loadTableRewrite();
          await backUpLists(session, written, [...takenSheets, ...written.map((w) => w.tempName)], patience);
        }
        swapped = true;
        await swap(session, before, written, change, patience);
      } catch (error) {
        try {
          await restore(session, before, written, swapped);
        } catch (cleanupError) {
          // Not swallowed: hidden sheets with the list's rows may be left; say so (the pane
          // removes them when it next opens, see cleanUpLeftovers).
          throw new UserError(t(lang, 'cleanupFailed', { detail: errorDetail(cleanupError) }));
        }
        progressNow = null;
        if (isCancel(error) && !(error instanceof CancelledError)) throw new CancelledError();
        throw error;
      }
      // Widths, tab colour, view and print of lists rewritten in place: after the swap, so that
      // a roll-back has no layout to undo; should this request fail, the list is right and
      // only its layout is as it was. Tried twice, as the clean-up below.
      try {
        if (written.some((w) => w.inPlace)) {
          const { layOutInPlace } = await loadTableRewrite();
          await layOutInPlace(session, written, viewAndPrint).catch(() => layOutInPlace(session, written, viewAndPrint));
        }
      } catch (error) {
        notify({ kind: 'warning', text: t(lang, 'cleanupFailed', { detail: errorDetail(error) }) });
      }
      // Phase C: the new content is in place; delete what was set aside. A failure here leaves
      // hidden leftovers but a consistent list, so the step stands and the user is told.
      // Tried twice: a request may fail once for reasons of its own (it ran in part; the
      // second attempt looks everything up by id).
      try {
        await commit(session, before, change, written).catch(() => commit(session, before, change, written));
      } catch (error) {
        notify({ kind: 'warning', text: t(lang, 'cleanupFailed', { detail: errorDetail(error) }) });
      } finally {
        progressNow = null;
      }
    },
  };
}

function errorDetail(error: unknown): string {
  const code = officeErrorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return (code && !message.includes(code) ? `${code}: ${message}` : message).split('\n')[0].slice(0, 200);
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

/**
 * The most rows a rewrite in place adds to the table at any moment: its inserts (they run
 * before its deletes), or the rows added at its end when it rewrites by position.
 */
function rowsInserted(rows: ReturnType<NonNullable<TableRewrite>['rowEditsFor']>, written: number, bodyRows: number): number {
  if (rows && rows !== 'tooMany') return rows.edits.inserts.reduce((n, e) => n + (e.kind === 'append' ? 1 : e.count), 0);
  return Math.max(0, Math.max(1, written) - bodyRows);
}

/**
 * Refuses, before anything is written, a rewrite in place that would push the list, or what
 * the user has under it, past the sheet's last row: Excel refuses such an insert in the middle
 * of the swap with an error of its own (issue 16 item 1).
 */
function assertRoomBelow(sheet: string, area: Area, lastBelow: number | undefined, inserted: number, lang: Lang): void {
  if (inserted === 0) return;
  const last = lastBelow ?? area.rowIndex + area.rowCount - 1;
  if (last + inserted <= MAX_SHEET_ROWS - 1) return;
  const max = formatCount(lang, MAX_SHEET_ROWS);
  throw new UserError(
    lastBelow === undefined
      ? t(lang, 'listPastEnd', { sheet, max })
      : t(lang, 'noRoomBelow', { sheet, rows: formatCount(lang, inserted), n: inserted, last: formatCount(lang, last + 1), max }),
  );
}

async function readBefore(session: Session, change: WorkbookChange, patience: Patience): Promise<Before> {
  return session.runPatiently(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load('items/id,items/name,items/position,items/visibility');
    const active = ctx.workbook.worksheets.getActiveWorksheet().load('name');
    const tables = ctx.workbook.tables.load('items/id,items/name');
    const names = ctx.workbook.names.load('items/name');
    const parts = ctx.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE).load('items/id');
    await ctx.sync();
    const touched = new Set([...(change.write ?? []).map((p) => p.name), ...(change.remove ?? [])].map((n) => n.toLowerCase()));
    const touchedSheets = sheets.items.filter((s) => touched.has(s.name.toLowerCase()));
    const sheetTables = touchedSheets.map((s) => ({ id: s.id, tables: s.tables.load('items/id,items/name') }));
    await ctx.sync();
    const areas = sheetTables.flatMap((s) =>
      s.tables.items.map((tb) => ({
        id: tb.id,
        range: tb.getRange().load('rowIndex,columnIndex,rowCount,columnCount'),
        header: tb.getHeaderRowRange().load('values'),
        // The used range of the table's columns (values only): where it ends below the table,
        // something of the user's is under the list (see tableBelow). In the same request.
        columns: tb.getRange().getEntireColumn().getUsedRangeOrNullObject(true).load('rowIndex,rowCount'),
      })),
    );
    await ctx.sync();
    return {
      sheets: sheets.items.map((s) => ({ id: s.id, name: s.name, position: s.position, visibility: s.visibility as string })),
      activeName: active.name,
      tables: tables.items.map((tb) => ({ id: tb.id, name: tb.name })),
      definedNames: names.items.map((n) => n.name),
      tablesOfSheet: new Map(sheetTables.map((s) => [s.id, s.tables.items.map((tb) => ({ id: tb.id, name: tb.name }))])),
      tableAreas: new Map(
        areas.map((a) => [
          a.id,
          { rowIndex: a.range.rowIndex, columnIndex: a.range.columnIndex, rowCount: a.range.rowCount, columnCount: a.range.columnCount },
        ]),
      ),
      tableHeaders: new Map(areas.map((a) => [a.id, headerTexts(a.header.values)])),
      tableBelow: new Map(
        areas.flatMap((a) => {
          const last = a.columns.isNullObject ? -1 : a.columns.rowIndex + a.columns.rowCount - 1;
          return last > a.range.rowIndex + a.range.rowCount - 1 ? [[a.id, last] as const] : [];
        }),
      ),
      statePartIds: parts.items.map((p) => p.id),
    };
  }, patience);
}

/**
 * Phase A for one plan: a hidden temporary sheet with formats, values, table, widths and tab
 * colour. Each request is queued by a function, so that a request Excel refused as busy is
 * queued and sent again. View and print setup wait for phase B (Excel refuses them on a hidden
 * sheet).
 */
async function writeTemp(
  session: Session,
  patience: Patience,
  w: Written,
  targetBytes: number,
  signal: AbortSignal | undefined,
  repairs: TextRepairs | undefined,
  advanced: (rows: number) => void,
): Promise<void> {
  const { plan } = w;
  const { lang } = session;
  const columnCount = Math.max(1, plan.columns.length);
  const types = plan.columns.map((c) => c.type);
  const isTable = plan.layout === 'table';
  const firstDataRow = isTable ? 1 : 0;
  await session.run(async (ctx) => {
    let sheet!: Excel.Worksheet;
    const widths = () => {
      plan.columns.forEach((column, c) => {
        sheet.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = columnWidthPoints(column.width);
      });
      if (plan.tabColor) sheet.tabColor = plan.tabColor;
    };
    await session.syncPatiently(
      ctx,
      () => {
        sheet = ctx.workbook.worksheets.add(w.tempName);
        sheet.visibility = 'Hidden';
        sheet.load('id');
        // Formats first: a value is coerced when it is written, so "@" must be in place before.
        if (plan.columns.length === 0) return;
        if (isTable) {
          const header = sheet.getRangeByIndexes(0, 0, 1, columnCount);
          header.numberFormat = [['@']];
          header.values = [plan.columns.map((c) => cellText(c.header, repairs))];
        }
        if (plan.rows.length > 0) {
          plan.columns.forEach((column, c) => {
            sheet.getRangeByIndexes(firstDataRow, c, plan.rows.length, 1).numberFormat = [[column.numberFormat]];
          });
        }
      },
      patience,
    );
    w.tempId = sheet.id;
    if (plan.columns.length === 0) {
      // Nothing to lay out: an empty sheet of that name.
      advanced(Math.max(1, plan.rows.length));
      return;
    }

    for (const block of cellBlocks(plan.rows, types, targetBytes, undefined, repairs)) {
      throwIfAborted(signal);
      if (block.bytes > REQUEST_LIMIT_BYTES / 2)
        throw new UserError(t(lang, 'rowTooWide', { sheet: plan.name, row: block.start + 1 + firstDataRow }));
      await session.syncPatiently(
        ctx,
        () => {
          sheet.getRangeByIndexes(firstDataRow + block.start, 0, block.cells.length, columnCount).values = block.cells;
        },
        patience,
      );
      advanced(block.cells.length);
    }
    throwIfAborted(signal);

    await session.syncPatiently(
      ctx,
      () => {
        if (isTable) {
          // A list rewritten in place is staged as plain cells: its table is the existing one.
          if (w.inPlace) return widths();
          // One table over the written range (with an empty sheet a header-only table; Excel
          // adds an empty body row).
          const table = sheet.tables.add(rangeAddress(0, 0, plan.rows.length + 1, columnCount), true);
          table.name = w.tempTableName!;
          table.style = 'TableStyleMedium2';
        } else {
          layoutDocument(sheet, plan, columnCount);
        }
        widths();
      },
      patience,
    );
    if (plan.rows.length === 0) advanced(1);
  });
}

/** View and print setup of a sheet that is visible now (queued in the swap request). */
function viewAndPrint(sheet: Excel.Worksheet, plan: SheetPlan, printSetup: boolean): void {
  const isTable = plan.layout === 'table';
  if (plan.freezeHeader && isTable) sheet.freezePanes.freezeRows(1);
  // Page layout is ExcelApi 1.9: on Office 2019 (1.7) sheets print with Excel's defaults.
  // A4 on every sheet (Excel's default paper is US Letter), print setup or not.
  if (printSetup) sheet.pageLayout.paperSize = 'A4';
  if (plan.print && printSetup) {
    sheet.pageLayout.orientation = plan.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    if (plan.print.repeatHeaderRow && isTable) sheet.pageLayout.setPrintTitleRows('$1:$1');
    // One page wide; the height is left to Excel (there is no documented "automatic" value).
    if (plan.print.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1 };
  }
}

/** The notes sheet: a document, not a table — styled rows, wrapped text, rows tall enough for it. */
function layoutDocument(sheet: Excel.Worksheet, plan: SheetPlan, columnCount: number): void {
  if (plan.rows.length === 0) return;
  sheet.getRangeByIndexes(0, 0, plan.rows.length, columnCount).format.wrapText = true;
  // Excel does not fit rows a program writes: consecutive rows of one height as one range.
  const heights = wrappedRowHeights(plan);
  for (let start = 0, i = 1; i <= heights.length; i++) {
    if (i < heights.length && heights[i] === heights[start]) continue;
    const height = heights[start];
    if (height !== undefined) sheet.getRangeByIndexes(start, 0, i - start, 1).format.rowHeight = height;
    start = i;
  }
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

/**
 * Phase B: one request that puts the new sheets in place and sets the old ones aside. Its first
 * operation adds the journal, so any part of it that ran can be finished or undone later. A
 * request Excel refused as busy ran nothing, so it is simply sent again.
 */
async function swap(session: Session, before: Before, written: Written[], change: WorkbookChange, patience: Patience): Promise<void> {
  const { rewriteTable, rowsMarkXml } = await loadTableRewrite();
  await session.runPatiently(async (ctx) => {
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
    const journal: Journal = { complete: false, sheets: [], added: [], tables: [], inPlace: [], stateParts: before.statePartIds };
    const ops: (() => void)[] = [];
    // Replacements in tab order: each new sheet goes where its old one is.
    const ordered = [...written].sort(
      (a, b) =>
        (byName.get(a.plan.name.toLowerCase())?.position ?? Infinity) - (byName.get(b.plan.name.toLowerCase())?.position ?? Infinity),
    );
    let inserted = 0;
    for (const w of ordered) {
      const old = byName.get(w.plan.name.toLowerCase());
      const temp = sheets.getItem(w.tempId);
      if (w.inPlace && old) {
        const ip = w.inPlace;
        journal.inPlace.push({
          name: old.name,
          table: ip.tableName,
          backup: ip.backup,
          rows: ip.area.rowCount,
          columns: ip.area.columnCount,
          headers: ip.headers,
          ...(ip.rowEdits && { rowEdits: ip.rowEdits }),
        });
        ops.push(() => {
          const list = sheets.getItem(ip.sheetId);
          const rows = Math.max(1, w.plan.rows.length) + 1;
          // The staged header row, as writeTemp wrote it (repairs were counted there).
          const headers = w.plan.columns.map((c) => cellText(c.header));
          const source: CellSource = ip.direct ?? { kind: 'copy', sheet: temp };
          const mark = () => void ctx.workbook.customXmlParts.add(rowsMarkXml(ip.tableName));
          rewriteTable(list, ctx.workbook.tables.getItem(ip.tableId), ip.area, ip.headers, rows, headers, source, {
            rows: ip.rowEdits,
            mark,
            columns: ip.columnEdits,
          });
        });
        continue;
      }
      const position = old ? old.position + inserted : undefined;
      if (old) inserted++;
      const oldAside = old ? nextAside() : undefined;
      if (old && oldAside) journal.sheets.push({ aside: oldAside, name: old.name, replacement: w.tempId });
      else journal.added.push(w.tempId);
      ops.push(() => {
        if (old && oldAside) {
          const oldSheet = sheets.getItem(old.id);
          oldSheet.name = oldAside;
          for (const tb of before.tablesOfSheet.get(old.id) ?? []) {
            if (tb.name.toLowerCase() === w.finalTableName?.toLowerCase())
              ctx.workbook.tables.getItem(tb.id).name = `${tb.name.slice(0, 200)}_old`;
          }
          temp.name = w.plan.name;
          temp.visibility = 'Visible';
          temp.position = position!;
          if (old.visibility === 'Visible') oldSheet.visibility = 'Hidden';
        } else {
          temp.name = w.plan.name;
          temp.visibility = 'Visible';
        }
        if (w.tempTableName && w.finalTableName) temp.tables.getItem(w.tempTableName).name = w.finalTableName;
        viewAndPrint(temp, w.plan, session.printSetup);
      });
      if (old) {
        for (const tb of before.tablesOfSheet.get(old.id) ?? []) {
          if (tb.name.toLowerCase() === w.finalTableName?.toLowerCase())
            journal.tables.push({ aside: `${tb.name.slice(0, 200)}_old`, name: tb.name });
        }
      }
    }
    const writing = new Set(written.map((w) => w.plan.name.toLowerCase()));
    for (const name of change.remove ?? []) {
      const old = byName.get(name.toLowerCase());
      if (!old || writing.has(name.toLowerCase())) continue;
      const oldAside = nextAside();
      journal.sheets.push({ aside: oldAside, name: old.name });
      ops.push(() => {
        const oldSheet = sheets.getItem(old.id);
        oldSheet.name = oldAside;
        if (old.visibility === 'Visible') oldSheet.visibility = 'Hidden';
      });
    }
    const journalPart = ctx.workbook.customXmlParts.add(journalToXml(journal));
    for (const op of ops) op();
    if (change.state) ctx.workbook.customXmlParts.add(stateToXml(change.state));
    const activate = change.activate ?? (before.activeName && writing.has(before.activeName.toLowerCase()) ? before.activeName : undefined);
    if (activate) sheets.getItem(activate).activate();
    journalPart.setXml(journalToXml({ ...journal, complete: true }));
    await ctx.sync();
  }, patience);
}

/** Phase C: delete the sheets set aside, the replaced state parts and the journal. */
async function commit(session: Session, before: Before, change: WorkbookChange, written: Written[]): Promise<void> {
  await session.runPatiently(async (ctx) => {
    const gone = new Set([...(change.write ?? []).map((p) => p.name.toLowerCase()), ...(change.remove ?? []).map((n) => n.toLowerCase())]);
    const kept = new Set(written.flatMap((w) => (w.inPlace ? [w.inPlace.sheetId] : [])));
    // Looked up by id: the old sheets now carry their set-aside names. OrNullObject, because a
    // retry after a partly executed request may find some already deleted. A list rewritten
    // in place stays; its staging sheet and backup go.
    const sheets = before.sheets
      .filter((s) => gone.has(s.name.toLowerCase()) && !kept.has(s.id))
      .map((s) => ctx.workbook.worksheets.getItemOrNullObject(s.id))
      .concat(
        written.flatMap((w) =>
          w.inPlace
            ? [ctx.workbook.worksheets.getItemOrNullObject(w.tempId), ctx.workbook.worksheets.getItemOrNullObject(w.inPlace.backup)]
            : [],
        ),
      );
    const parts = change.state ? before.statePartIds.map((id) => ctx.workbook.customXmlParts.getItemOrNullObject(id)) : [];
    const journals = ctx.workbook.customXmlParts.getByNamespace(JOURNAL_NAMESPACE).load('items/id');
    await ctx.sync();
    for (const sheet of sheets) if (!sheet.isNullObject) sheet.delete();
    for (const part of parts) if (!part.isNullObject) part.delete();
    for (const part of journals.items) part.delete();
    await ctx.sync();
  }, session.cleanupPatience());
}

/**
 * Puts the workbook back as `before` recorded it: temporary sheets deleted, sheets set aside
 * renamed, shown and moved back, table names and the active sheet restored, state parts and the
 * journal added since removed. Works from whatever point phase A or B reached, since it looks at
 * ids; runs again from the start when Excel was busy.
 */
async function restore(session: Session, before: Before, written: Written[], swapped: boolean): Promise<void> {
  const { rewriteTable, undoRowEdits, markedTables } = written.some((w) => w.inPlace)
    ? await loadTableRewrite()
    : ({} as Partial<TableRewrite>);
  await session.runPatiently(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load('items/id,items/name,items/visibility');
    const tables = ctx.workbook.tables.load('items/id,items/name');
    const parts = ctx.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE).load('items/id');
    const journals = ctx.workbook.customXmlParts.getByNamespace(JOURNAL_NAMESPACE).load('items/id');
    await ctx.sync();
    const now = new Map(sheets.items.map((s) => [s.id, s]));
    const beforeIds = new Set(before.sheets.map((s) => s.id));
    // Lists rewritten in place: their cells back from the backup, if the swap got that far.
    const undo = written.flatMap((w) => {
      const ip = w.inPlace;
      const backup = ip?.backup ? sheets.items.find((s) => s.name.toLowerCase() === ip.backup.toLowerCase()) : undefined;
      if (!ip || !backup) return [];
      // Before the swap the list is untouched and an unfinished backup is of no use.
      const table = swapped && ip.backedUp ? ctx.workbook.tables.getItem(ip.tableId) : null;
      const now = table
        ? { range: table.getRange().load('rowIndex,columnIndex,rowCount,columnCount'), header: table.getHeaderRowRange().load('values') }
        : null;
      return [{ ip, backup, table, now }];
    });
    // The marks a swap sets between a list's row inserts and deletes: how far a cut-off one got.
    const marks = undo.some((u) => u.now && u.ip.rowEdits) ? journals.items.map((p) => p.getXml()) : [];
    if (undo.some((u) => u.now)) await ctx.sync();
    // No list rewritten in place (a new sheet cancelled): the rewrite module was not loaded.
    const marked = markedTables ? markedTables(marks.map((x) => x.value)) : new Set<string>();
    for (const { ip, backup, table, now } of undo) {
      if (table && now) {
        const source: CellSource = ip.oldCells ?? { kind: 'copy', sheet: backup };
        // Rows deleted are inserted back at their places and rows inserted deleted, so that
        // references to the rows that stayed point at them again (those to deleted rows stay
        // #REF!: Excel cannot bring them back); cells then come from the backup.
        const edits = undoRowEdits!(ip.area.rowCount - 1, ip.rowEdits, marked.has(ip.tableName.toLowerCase()), now.range.rowCount - 1);
        rewriteTable!(
          ctx.workbook.worksheets.getItem(ip.sheetId),
          table,
          now.range,
          headerTexts(now.header.values),
          ip.area.rowCount,
          ip.headers,
          source,
          { rows: edits },
        );
      }
      backup.delete();
    }
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
    for (const p of journals.items) p.delete();
    await ctx.sync();
  }, session.cleanupPatience());
}

/**
 * When the pane opens: what an interrupted step left behind. Temporary sheets (`~rajaus-<id>`)
 * never held a finished result and are deleted. Sheets set aside (`~rajaus-old-<n>`) are
 * deleted when the journal says the swap completed (then only phase C was missing); otherwise
 * the swap is undone: replacements deleted, the sheets set aside renamed back and shown, their
 * tables renamed back. A sheet set aside that no journal knows is shown under a "Restored" name
 * rather than left hidden. Then the journal goes, and after a completed swap the state parts
 * but the newest.
 */
async function cleanUp(session: Session): Promise<LeftoverReport> {
  return session.runPatiently(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load('items/id,items/name,items/visibility');
    const tables = ctx.workbook.tables.load('items/name');
    const journalParts = ctx.workbook.customXmlParts.getByNamespace(JOURNAL_NAMESPACE).load('items/id');
    const stateParts = ctx.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE).load('items/id');
    await ctx.sync();
    const leftovers = sheets.items.filter((s) => LEFTOVER_SHEET.test(s.name));
    if (leftovers.length === 0 && journalParts.items.length === 0) return { removed: [], restored: [] };
    const xmls = journalParts.items.map((p) => p.getXml());
    await ctx.sync();
    const journals: Journal[] = [];
    for (const xml of xmls) {
      const j = journalFromXml(xml.value);
      if (j) journals.push(j);
    }
    const entryOf = (aside: string) => {
      for (const j of journals) {
        const e = j.sheets.find((x) => x.aside.toLowerCase() === aside.toLowerCase());
        if (e) return { entry: e, journal: j };
      }
      return undefined;
    };
    const report: LeftoverReport = { removed: [], restored: [] };
    const deleted = new Set<string>();
    const drop = (sheet: Excel.Worksheet) => {
      if (deleted.has(sheet.id)) return;
      deleted.add(sheet.id);
      sheet.delete();
      report.removed.push(sheet.name);
    };
    // A list rewritten in place by a swap that did not complete: its cells back from the backup
    // (which the journal names), before the backup goes with the other temporary sheets.
    const undoInPlace = journals
      .filter((j) => !j.complete)
      .flatMap((j) => j.inPlace)
      .flatMap((e) => {
        const backup = leftovers.find((l) => l.name.toLowerCase() === e.backup.toLowerCase());
        const list = sheets.items.find((s) => s.name.toLowerCase() === e.name.toLowerCase());
        if (!backup || !list || !tables.items.some((tb) => tb.name.toLowerCase() === e.table.toLowerCase())) return [];
        const table = ctx.workbook.tables.getItem(e.table);
        const range = table.getRange().load('rowIndex,columnIndex,rowCount,columnCount');
        const header = table.getHeaderRowRange().load('values');
        // The backup's header row: the table's columns before the rewrite (older journals did not record them).
        const backupHeader = backup.getRangeByIndexes(0, 0, 1, e.columns).load('values');
        // Without copyFrom the backup's cells are read and written back (they fitted one request).
        const cells = session.copyCells ? null : backup.getRangeByIndexes(0, 0, e.rows, e.columns).load('formulas,numberFormat');
        return [{ backup, list, table, range, header, backupHeader, cells, entry: e }];
      });
    if (undoInPlace.length) await ctx.sync();
    if (undoInPlace.length)
      (await loadTableRewrite()).undoFromBackups(
        undoInPlace,
        xmls.map((x) => x.value),
      );
    for (const sheet of leftovers) if (!ASIDE_SHEET.test(sheet.name) || entryOf(sheet.name)?.journal.complete) drop(sheet);
    // Undo incomplete swaps: the replacement goes first, so that the old name is free.
    const undone = new Set<Journal>();
    for (const j of journals.filter((x) => !x.complete)) {
      for (const e of j.sheets) {
        const replacement = sheets.items.find((s) => s.id === e.replacement);
        if (replacement && leftovers.some((l) => l.name.toLowerCase() === e.aside.toLowerCase())) {
          drop(replacement);
          undone.add(j);
        }
      }
    }
    // Sheets an unfinished swap added (under their final names by now): they go too.
    for (const j of journals.filter((x) => !x.complete)) {
      for (const id of j.added) {
        const sheet = sheets.items.find((s) => s.id === id);
        if (sheet) {
          drop(sheet);
          undone.add(j);
        }
      }
    }
    const names = new Set(sheets.items.filter((s) => !deleted.has(s.id) && !LEFTOVER_SHEET.test(s.name)).map((s) => s.name.toLowerCase()));
    for (const sheet of leftovers) {
      if (deleted.has(sheet.id)) continue;
      const wanted = entryOf(sheet.name)?.entry.name;
      const name = wanted && !names.has(wanted.toLowerCase()) ? wanted : makeSheetName(t(session.lang, 'restoredSheet'), names);
      names.add(name.toLowerCase());
      sheet.name = name;
      sheet.visibility = 'Visible';
      report.restored.push(name);
    }
    const tableNames = new Set(tables.items.map((tb) => tb.name.toLowerCase()));
    for (const j of journals.filter((x) => !x.complete)) {
      for (const tb of j.tables) {
        // The replacement's table held the name; it went with its sheet earlier in this request.
        const free = !tableNames.has(tb.name.toLowerCase()) || undone.has(j);
        if (tableNames.has(tb.aside.toLowerCase()) && free) ctx.workbook.tables.getItem(tb.aside).name = tb.name;
      }
    }
    for (const part of journalParts.items) part.delete();
    if (journals.length > 0 && journals.every((j) => j.complete)) for (const part of stateParts.items.slice(0, -1)) part.delete();
    else {
      // An undone swap: the state part it added goes too.
      for (const j of journals.filter((x) => !x.complete && x.stateParts)) {
        for (const part of stateParts.items) if (!j.stateParts!.includes(part.id)) part.delete();
      }
    }
    await ctx.sync();
    return report;
  }, session.cleanupPatience());
}
