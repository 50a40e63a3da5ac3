/**
 * Excel simulator: an in-memory stand-in for the part of the Excel JavaScript API that Rajaus
 * uses, with the semantics that make add-ins fail in real Excel — load/sync and
 * PropertyNotLoaded, request batching, value coercion (formulas, numbers losing leading zeros
 * unless the cell is text-formatted), the 5 MB request and response limits, sheet and table
 * name rules, tables, custom XML parts — and an inspection API for tests and for the browser
 * page that shows the workbook beside the pane.
 *
 * Pure TypeScript (no Node built-ins): it is bundled into the browser test page too.
 *
 *   const { Excel, Office, simulator } = createExcelSimulator();
 *   const workbook = createOfficeWorkbook({ run: Excel.run as unknown as typeof globalThis.Excel.run });
 *   …
 *   simulator.snapshot().sheets[0].values
 *
 * Where Excel's behaviour is a choice, cells.ts documents it.
 */
import { GENERAL, columnLetters, parseAddress, rectAddress, type Scalar } from './cells';
import { SimHost, SimRequestContext, versionAtLeast, type BlockedWindow, type InjectedFailure, type RequestRecord } from './context';
import { ErrorCodes, SimOfficeError } from './errors';
import { WorkbookModel, type CellStyle, type PageLayoutModel, type SheetModel, type Visibility } from './model';
import { SimWorkbook } from './proxies';

export { ErrorCodes, SimOfficeError } from './errors';
export type { RequestRecord, InjectedFailure } from './context';
export { coerce, displayText, sheetNameError, tableNameError } from './cells';

/** Excel on the web refuses requests and responses over 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface SimulatorOptions {
  /** Office.context.displayLanguage (default "fi-FI"). */
  displayLanguage?: string;
  /** Office.context.platform (default "OfficeOnline": the limits above are Excel on the web's). */
  platform?: string;
  /**
   * Requirement sets and their highest version, e.g. { ExcelApi: '1.7' } for Office 2019
   * (default ExcelApi 1.17). isSetSupported answers from it, and API members of a higher
   * ExcelApi version fail at sync with ApiNotFound.
   */
  requirementSets?: Record<string, string>;
  payloadLimitBytes?: number;
  responseLimitBytes?: number;
  /** Delay of each sync in ms (0 in tests; the browser page uses some to show progress). */
  latencyMs?: number;
  /**
   * Answer every sync in a later task, as Excel does (a message from its process), instead of
   * at once (a microtask: a step's requests then run as one task; the default, which the tests
   * written before issue 13 expect). The main-thread tests need the real shape.
   */
  answerInLaterTask?: boolean;
  /** Sheets of a new workbook (default ["Sheet1"]). */
  initialSheets?: string[];
}

export interface TableSnapshot {
  name: string;
  /** "A1:T101" (on the sheet). */
  range: string;
  header: string[];
  /** Data rows (body rows) of the table. */
  rowCount: number;
  style: string;
}

export interface SheetSnapshot {
  name: string;
  visibility: Visibility;
  active: boolean;
  tabColor: string;
  frozenRows: number;
  frozenColumns: number;
  /** Used range including formatted cells, or null for an empty sheet. */
  usedRange: string | null;
  /** From A1 to the used range's bottom-right corner, as Range.values reads them ("" = empty). */
  values: (Scalar | '')[][];
  numberFormats: string[][];
  /** Formula cells only: { "B2": "=SUM(A1:A3)" }. */
  formulas: Record<string, string>;
  /** Styled cells only. */
  styles: Record<string, CellStyle>;
  tables: TableSnapshot[];
  /** Column widths set, in points, by column letter. */
  columnWidths: Record<string, number>;
  /** Row heights set, in points, by row number ("1" is the first row). */
  rowHeights: Record<string, number>;
  pageLayout: PageLayoutModel;
}

export interface CustomXmlPartSnapshot {
  id: string;
  namespaceUri: string;
  xml: string;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  activeSheet: string | null;
  customXmlParts: CustomXmlPartSnapshot[];
  /** Defined names and their formulas. */
  names: Record<string, string>;
  /** Pivot tables and charts with their source reference as it is now (#REF! when broken). */
  pivots: Array<{ name: string; sheet: string; source: string }>;
}

/** What `simulator.load` accepts: a snapshot, or just names and values. */
export interface WorkbookInit {
  sheets: Array<{
    name: string;
    values?: unknown[][];
    numberFormats?: string[][];
    formulas?: Record<string, string>;
    visibility?: Visibility;
    tabColor?: string;
    frozenRows?: number;
    tables?: Array<{ name: string; range: string; style?: string }>;
    columnWidths?: Record<string, number>;
    active?: boolean;
  }>;
  activeSheet?: string | null;
  customXmlParts?: Array<string | { xml: string }>;
  /** Workbook-scoped defined names: { Kohderyhmä: "=Lista!$A$2:$A$10" }. */
  names?: Record<string, string>;
  /** Pivot tables and charts by their source: [{ name: 'Pivot1', sheet: 'Yhteenveto', source: 'Lista[#All]' }]. */
  pivots?: Array<{ name: string; sheet: string; source: string }>;
}

export interface Simulator {
  /** `maxRows`: cells of the first rows only (the harness draws 400; a full copy of a 100,000-row sheet takes seconds). */
  snapshot(opts?: { cells?: boolean; maxRows?: number }): WorkbookSnapshot;
  /** One record per sync, in order. */
  readonly requests: readonly RequestRecord[];
  readonly syncCount: number;
  /** Called after every sync that changed or read something; returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
  /** A new empty workbook; counters and injected failures cleared. */
  reset(): void;
  /** Replaces the workbook with `init` (values stored as they are, like a saved file). */
  load(init: WorkbookInit): void;
  /** Makes the `n`-th sync from now (1 = the next) fail, optionally after some of its operations ran. */
  failSync(n: number, failure?: InjectedFailure): void;
  /** Forgets recorded requests (not the workbook). */
  clearRequests(): void;
  /**
   * The user starts typing in a cell: every request fails with InvalidOperationInCellEditMode
   * from the `afterSyncs`+1-th sync from now (default: the next), for `syncs` requests or `ms`
   * milliseconds, or until endBlock().
   */
  cellEditMode(window?: BlockWindowOptions): void;
  /** Another workbook takes the focus: every request fails with InactiveWorkbook (as above). */
  inactiveWorkbook(window?: BlockWindowOptions): void;
  /** Ends a cell-edit or inactive-workbook window. */
  endBlock(): void;
  /** True while such a window is open. */
  readonly blocked: boolean;
}

export interface BlockWindowOptions {
  afterSyncs?: number;
  syncs?: number;
  ms?: number;
}

export interface ExcelSimulator {
  Excel: SimExcel;
  Office: SimOffice;
  simulator: Simulator;
}

export type SimRunBatch<T> = (context: SimRequestContext & { workbook: SimWorkbook }) => Promise<T>;

export interface SimExcel {
  run<T>(...args: unknown[]): Promise<T>;
  RequestContext: new () => SimRequestContext;
  ErrorCodes: typeof ErrorCodes;
  SheetVisibility: { visible: 'Visible'; hidden: 'Hidden'; veryHidden: 'VeryHidden' };
  PageOrientation: { portrait: 'Portrait'; landscape: 'Landscape' };
  ClearApplyTo: { all: 'All'; formats: 'Formats'; contents: 'Contents' };
}

export interface SimOffice {
  HostType: Record<string, string>;
  PlatformType: Record<string, string>;
  context: {
    displayLanguage: string;
    contentLanguage: string;
    platform: string;
    host: string;
    requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
    diagnostics: { host: string; platform: string; version: string };
  };
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
  initialize?: () => void;
}

function newWorkbook(names: string[]): WorkbookModel {
  const model = new WorkbookModel();
  for (const n of names) model.addSheet(n);
  return model;
}

export function createExcelSimulator(options: SimulatorOptions = {}): ExcelSimulator {
  const initialSheets = options.initialSheets ?? ['Sheet1'];
  const requirementSets = options.requirementSets ?? { ExcelApi: '1.17', ExcelApiOnline: '1.1', CustomXmlParts: '1.1' };
  const host = new SimHost(newWorkbook(initialSheets), {
    payloadLimitBytes: options.payloadLimitBytes ?? PAYLOAD_LIMIT_BYTES,
    responseLimitBytes: options.responseLimitBytes ?? PAYLOAD_LIMIT_BYTES,
    latencyMs: options.latencyMs ?? 0,
    answerInLaterTask: options.answerInLaterTask ?? false,
    excelApi: requirementSets.ExcelApi ?? '1.1',
  });

  const newContext = () => {
    const ctx = new SimRequestContext(host);
    ctx.workbook = new SimWorkbook(ctx);
    return ctx;
  };

  const Excel: SimExcel = {
    async run<T>(...args: unknown[]): Promise<T> {
      const batch = args[args.length - 1] as SimRunBatch<T>;
      if (typeof batch !== 'function') throw new SimOfficeError(ErrorCodes.invalidArgument, 'Excel.run needs a batch function');
      const ctx = newContext() as SimRequestContext & { workbook: SimWorkbook };
      try {
        const result = await batch(ctx);
        // Office.js sends what is still queued when the batch returns.
        if (ctx._pending) await ctx.sync();
        return result;
      } finally {
        ctx._close();
      }
    },
    RequestContext: class extends SimRequestContext {
      constructor() {
        super(host);
        this.workbook = new SimWorkbook(this);
      }
    },
    ErrorCodes,
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
    PageOrientation: { portrait: 'Portrait', landscape: 'Landscape' },
    ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents' },
  };

  const platform = options.platform ?? 'OfficeOnline';
  const Office: SimOffice = {
    HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
    context: {
      displayLanguage: options.displayLanguage ?? 'fi-FI',
      contentLanguage: options.displayLanguage ?? 'fi-FI',
      platform,
      host: 'Excel',
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          const have = requirementSets[name];
          return have !== undefined && versionAtLeast(have, minVersion);
        },
      },
      diagnostics: { host: 'Excel', platform, version: '16.0.simulator' },
    },
    async onReady(callback) {
      const info = { host: 'Excel', platform };
      callback?.(info);
      return info;
    },
    initialize: () => undefined,
  };

  const simulator: Simulator = {
    snapshot: (opts) => snapshotOf(host.model, opts?.cells ?? true, opts?.maxRows),
    get requests() {
      return host.requests;
    },
    get syncCount() {
      return host.syncCount;
    },
    onChange(listener) {
      host.listeners.add(listener);
      return () => host.listeners.delete(listener);
    },
    reset() {
      host.model = newWorkbook(initialSheets);
      host.requests = [];
      host.syncCount = 0;
      host.failures.clear();
      host.blocked = null;
      host.notify();
    },
    load(init) {
      host.model = modelFrom(init);
      host.notify();
    },
    failSync(n, failure = {}) {
      host.failures.set(host.syncCount + n, failure);
    },
    clearRequests() {
      host.requests = [];
    },
    cellEditMode(window) {
      host.blocked = blockWindow('InvalidOperationInCellEditMode', host.syncCount, window);
    },
    inactiveWorkbook(window) {
      host.blocked = blockWindow('InactiveWorkbook', host.syncCount, window);
    },
    endBlock() {
      host.blocked = null;
    },
    get blocked() {
      return host.blockedCode(host.syncCount + 1) !== null;
    },
  };

  return { Excel, Office, simulator };
}

function blockWindow(code: BlockedWindow['code'], syncCount: number, w: BlockWindowOptions = {}): BlockedWindow {
  const fromSync = syncCount + 1 + (w.afterSyncs ?? 0);
  return {
    code,
    fromSync,
    toSync: w.syncs === undefined ? Infinity : fromSync + w.syncs - 1,
    untilMs: w.ms === undefined ? Infinity : Date.now() + w.ms,
  };
}

/** Puts `Excel` and `Office` on `target` (globalThis by default); returns a function undoing it. */
export function installGlobals(sim: ExcelSimulator, target: object = globalThis): () => void {
  const t = target as Record<string, unknown>;
  const before = { Excel: t.Excel, Office: t.Office };
  t.Excel = sim.Excel;
  t.Office = sim.Office;
  return () => {
    t.Excel = before.Excel;
    t.Office = before.Office;
  };
}

// ---------------------------------------------------------------- inspection

function snapshotOf(model: WorkbookModel, withCells: boolean, maxRows = Infinity): WorkbookSnapshot {
  return {
    sheets: model.sheets.map((s) => sheetSnapshot(model, s, withCells, maxRows)),
    activeSheet: model.sheets.find((s) => s.id === model.activeSheetId)?.name ?? null,
    customXmlParts: model.parts.map((p) => ({ id: p.id, namespaceUri: p.namespaceUri, xml: p.xml })),
    names: Object.fromEntries(model.names.map((n) => [n.name, n.formula])),
    pivots: model.pivots.map((p) => ({ ...p })),
  };
}

function sheetSnapshot(model: WorkbookModel, sheet: SheetModel, withCells: boolean, maxRows = Infinity): SheetSnapshot {
  const used = sheet.usedRect(false);
  const values: (Scalar | '')[][] = [];
  const numberFormats: string[][] = [];
  const formulas: Record<string, string> = {};
  const styles: Record<string, CellStyle> = {};
  if (used && withCells) {
    for (let r = 0; r <= Math.min(used.r1, maxRows - 1); r++) {
      const vrow: (Scalar | '')[] = [];
      const frow: string[] = [];
      for (let c = 0; c <= used.c1; c++) {
        vrow.push(sheet.value(r, c) ?? '');
        frow.push(sheet.format(r, c));
      }
      values.push(vrow);
      numberFormats.push(frow);
    }
  }
  const cellName = (k: number) => `${columnLetters(k % 16_384)}${Math.floor(k / 16_384) + 1}`;
  if (withCells) {
    for (const [k, f] of [...sheet.formulas].sort((a, b) => a[0] - b[0])) formulas[cellName(k)] = f;
    for (const [k, s] of [...sheet.styles].sort((a, b) => a[0] - b[0])) styles[cellName(k)] = { ...s };
  }
  const columnWidths: Record<string, number> = {};
  for (const [c, w] of [...sheet.columnWidths].sort((a, b) => a[0] - b[0])) columnWidths[columnLetters(c)] = w;
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    active: model.activeSheetId === sheet.id,
    tabColor: sheet.tabColor,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    usedRange: used ? rectAddress(used) : null,
    values,
    numberFormats,
    formulas,
    styles,
    tables: model.tables
      .filter((t) => t.sheet === sheet)
      .map((t) => {
        const header: string[] = [];
        for (let c = t.rect.c0; c <= t.rect.c1; c++) header.push(String(sheet.value(t.rect.r0, c) ?? ''));
        return { name: t.name, range: rectAddress(t.rect), header, rowCount: t.rect.r1 - t.rect.r0, style: t.style };
      }),
    columnWidths,
    rowHeights: Object.fromEntries([...sheet.rowHeights].sort((a, b) => a[0] - b[0]).map(([r, h]) => [String(r + 1), h])),
    pageLayout: JSON.parse(JSON.stringify(sheet.pageLayout)) as PageLayoutModel,
  };
}

function modelFrom(init: WorkbookInit): WorkbookModel {
  const model = new WorkbookModel();
  for (const s of init.sheets) {
    const sheet = model.addSheet(s.name);
    s.values?.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === '' || v === null || v === undefined) return;
        if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw new Error(`load: ${s.name} row ${r + 1}: not a cell value`);
        sheet.setCell(r, c, v);
      }),
    );
    s.numberFormats?.forEach((row, r) => row.forEach((f, c) => f && f !== GENERAL && sheet.setFormat(r, c, f)));
    for (const [addr, f] of Object.entries(s.formulas ?? {})) {
      const { rect } = parseAddress(addr);
      sheet.setCell(rect.r0, rect.c0, sheet.value(rect.r0, rect.c0) ?? '#NAME?', f);
    }
    for (const [letter, w] of Object.entries(s.columnWidths ?? {})) sheet.columnWidths.set(parseAddress(`${letter}1`).rect.c0, w);
    if (s.visibility) sheet.visibility = s.visibility;
    if (s.tabColor) sheet.tabColor = s.tabColor;
    if (s.frozenRows) sheet.frozenRows = s.frozenRows;
    for (const t of s.tables ?? []) {
      const table = model.addTable(sheet, parseAddress(t.range).rect, true);
      table.name = model.checkTableName(t.name, table);
      if (t.style) table.style = t.style;
    }
    if (s.active) model.activeSheetId = sheet.id;
  }
  if (init.activeSheet) model.activeSheetId = model.sheetByName(init.activeSheet)?.id ?? model.activeSheetId;
  for (const p of init.customXmlParts ?? []) model.addPart(typeof p === 'string' ? p : p.xml);
  for (const [name, formula] of Object.entries(init.names ?? {})) model.addName(name, formula);
  for (const p of init.pivots ?? []) model.pivots.push({ ...p });
  return model;
}
