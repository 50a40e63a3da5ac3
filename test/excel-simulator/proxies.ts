/**
 * Proxy objects: the part of the Excel object model the adapters and the pane use. A proxy
 * holds no data until `load` + `sync`; setters and methods queue operations that run at sync.
 * A proxy binds to its model object the first time one of its operations executes (so a sheet
 * proxy keeps pointing at the same sheet after a rename, as in Excel).
 */
import {
  GENERAL,
  MAX_COLUMNS,
  MAX_ROWS,
  checkRect,
  columnLetters,
  displayText,
  fullAddress,
  parseAddress,
  rectCols,
  rectRows,
  type Rect,
  type Scalar,
} from './cells';
import { SimClientResult, SimRequestContext, loadPaths, type OpResult } from './context';
import { ErrorCodes, SimOfficeError, invalidArgument, invalidOperation, itemNotFound, propertyNotLoaded } from './errors';
import { sheetRenamed, tableRenamed } from './references';
import type { CellStyle, NameModel, PartModel, SheetModel, TableModel, WorkbookModel } from './model';

/** Column width in points of Excel's default 8.43 characters (64 px). */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

type Binder<T> = () => T | null;

abstract class SimObject<T> {
  protected _loaded = new Map<string, unknown>();
  private _binding: { value: T | null } | null = null;
  private _isNull: boolean | undefined;

  constructor(
    readonly context: SimRequestContext,
    protected readonly _path: string,
    private readonly _binder: Binder<T>,
    nullable = false,
  ) {
    if (nullable) {
      this.context._enqueue({ resolve: _path }, () => {
        const isNull = this._resolve() === null;
        return { response: { isNullObject: isNull }, commit: () => (this._isNull = isNull) };
      });
    }
  }

  protected get _model(): WorkbookModel {
    return (this.context.host.model);
  }

  /** The bound model object, or null for a null object. */
  _resolve(): T | null {
    if (!this._binding) this._binding = { value: this._binder() };
    const value = this._binding.value;
    if (value !== null && !this._alive(value)) throw itemNotFound(`${this._path} no longer exists`, this._path);
    return value;
  }

  _target(): T {
    const value = this._resolve();
    if (value === null) throw itemNotFound(this._path, this._path);
    return value;
  }

  protected _alive(_value: T): boolean {
    return true;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded('isNullObject');
    return this._isNull;
  }

  /** Names `load()` without arguments loads. */
  protected abstract readonly _scalars: readonly string[];
  protected abstract _read(target: T, name: string): unknown;
  protected _navigation(_name: string): { load(paths?: string[]): unknown } | undefined {
    return undefined;
  }

  load(arg?: unknown): this {
    const paths = loadPaths(arg);
    const own: string[] = [];
    const nested = new Map<string, string[]>();
    for (const p of paths.length ? paths : this._scalars) {
      const [head, ...rest] = p.split('/');
      if (this._navigation(head)) {
        const list = nested.get(head) ?? [];
        if (rest.length) list.push(rest.join('/'));
        nested.set(head, list);
      } else if (this._scalars.includes(head)) own.push(head);
      else throw invalidArgument(`${this._path} has no property '${p}' to load`);
    }
    for (const [head, rest] of nested) this._navigation(head)!.load(rest.length ? rest : undefined);
    if (own.length) {
      this.context._enqueue({ load: this._path, select: own }, () => {
        const target = this._resolve();
        if (target === null) return;
        const data = own.map((name) => [name, this._read(target, name)] as const);
        return { response: Object.fromEntries(data), commit: () => data.forEach(([k, v]) => this._loaded.set(k, v)) };
      });
    }
    return this;
  }

  protected _get<V>(name: string): V {
    if (!this._loaded.has(name)) throw propertyNotLoaded(name);
    return this._loaded.get(name) as V;
  }

  /** Queues a property write; the local copy of a loaded property is updated too. */
  protected _set(name: string, value: unknown, apply: (target: T) => void): void {
    if (this._loaded.has(name)) this._loaded.set(name, value);
    this.context._enqueue({ set: `${this._path}.${name}`, value }, () => {
      apply(this._target());
    });
  }

  protected _call(method: string, args: unknown[], apply: (target: T) => OpResult | void): void {
    this.context._enqueue({ call: `${this._path}.${method}`, args }, () => apply(this._target()));
  }

  protected _result<V>(method: string, args: unknown[], compute: (target: T) => V): SimClientResult<V> {
    const result = new SimClientResult<V>();
    this.context._enqueue({ call: `${this._path}.${method}`, args }, () => {
      const value = compute(this._target());
      return { response: value, commit: () => result._resolve(value) };
    });
    return result;
  }

  /** Loaded properties, as Office's toJSON gives them. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }

  _loadFrom(target: T, names: readonly string[]): Record<string, unknown> {
    const data: Record<string, unknown> = {};
    for (const n of names) data[n] = this._read(target, n);
    return data;
  }

  _commitLoaded(data: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(data)) this._loaded.set(k, v);
  }
}

/** A collection: `items` after load, scalar props of each item. */
abstract class SimCollection<M, P extends SimObject<M>> {
  private _items: P[] | undefined;
  constructor(
    readonly context: SimRequestContext,
    protected readonly _path: string,
  ) {}
  protected get _model(): WorkbookModel {
    return this.context.host.model;
  }
  protected abstract _list(): M[];
  protected abstract _proxy(model: M): P;
  protected abstract readonly _itemScalars: readonly string[];

  get items(): P[] {
    if (!this._items) throw propertyNotLoaded('items');
    return this._items;
  }

  load(arg?: unknown): this {
    const names = loadPaths(arg)
      .map((p) => p.replace(/^items\/?/, ''))
      .filter(Boolean);
    const select = names.length ? names : this._itemScalars;
    for (const n of select) if (!this._itemScalars.includes(n)) throw invalidArgument(`${this._path} items have no property '${n}' to load`);
    this.context._enqueue({ load: this._path, select }, () => {
      const rows = this._list().map((m) => {
        const proxy = this._proxy(m);
        return { proxy, data: proxy._loadFrom(m, select) };
      });
      return {
        response: rows.map((r) => r.data),
        commit: () => {
          rows.forEach((r) => r.proxy._commitLoaded(r.data));
          this._items = rows.map((r) => r.proxy);
        },
      };
    });
    return this;
  }

  getCount(): SimClientResult<number> {
    const result = new SimClientResult<number>();
    this.context._enqueue({ call: `${this._path}.getCount` }, () => {
      const n = this._list().length;
      return { response: n, commit: () => result._resolve(n) };
    });
    return result;
  }

  toJSON(): unknown {
    return { items: this._items?.map((i) => i.toJSON()) ?? [] };
  }
}

// ---------------------------------------------------------------- workbook

export class SimWorkbook {
  readonly worksheets: SimWorksheetCollection;
  readonly tables: SimTableCollection;
  readonly names: SimNamedItemCollection;
  private _parts: SimCustomXmlPartCollection | undefined;
  constructor(readonly context: SimRequestContext) {
    this.worksheets = new SimWorksheetCollection(context);
    this.tables = new SimTableCollection(context, null);
    this.names = new SimNamedItemCollection(context);
  }
  /** ExcelApi 1.5. */
  get customXmlParts(): SimCustomXmlPartCollection {
    this.context._requires('1.5', 'Workbook.customXmlParts');
    return (this._parts ??= new SimCustomXmlPartCollection(this.context));
  }
  getActiveWorksheet(): SimWorksheet {
    return this.worksheets.getActiveWorksheet();
  }
}

// ---------------------------------------------------------------- worksheets

const SHEET_SCALARS = ['name', 'id', 'position', 'visibility', 'tabColor', 'showGridlines'] as const;

export class SimWorksheetCollection extends SimCollection<SheetModel, SimWorksheet> {
  protected readonly _itemScalars = SHEET_SCALARS;
  constructor(context: SimRequestContext) {
    super(context, 'workbook.worksheets');
  }
  protected _list(): SheetModel[] {
    return this._model.sheets;
  }
  protected _proxy(m: SheetModel): SimWorksheet {
    return new SimWorksheet(this.context, `worksheet(${m.id})`, () => m);
  }

  add(name?: string): SimWorksheet {
    let added: SheetModel | null = null;
    const proxy = new SimWorksheet(this.context, `worksheets.add(${name ?? ''})`, () => added);
    this.context._enqueue({ call: 'worksheets.add', args: [name] }, () => {
      added = this._model.addSheet(name);
    });
    return proxy;
  }

  getItem(key: string): SimWorksheet {
    return new SimWorksheet(this.context, `worksheets.getItem(${key})`, () => {
      const sheet = this._byKey(key);
      if (!sheet) throw itemNotFound(`worksheet '${key}'`);
      return sheet;
    });
  }

  getItemOrNullObject(key: string): SimWorksheet {
    this.context._requires('1.4', 'WorksheetCollection.getItemOrNullObject');
    return new SimWorksheet(this.context, `worksheets.getItemOrNullObject(${key})`, () => this._byKey(key) ?? null, true);
  }

  private _byKey(key: string): SheetModel | undefined {
    return this._model.sheetByName(key) ?? this._model.sheets.find((s) => s.id === key);
  }

  getActiveWorksheet(): SimWorksheet {
    return new SimWorksheet(this.context, 'worksheets.getActiveWorksheet()', () => {
      const active = this._model.sheets.find((s) => s.id === this._model.activeSheetId);
      if (!active) throw itemNotFound('active worksheet');
      return active;
    });
  }

  getFirst(visibleOnly = false): SimWorksheet {
    return new SimWorksheet(this.context, 'worksheets.getFirst()', () => {
      const first = this._model.sheets.find((s) => !visibleOnly || s.visibility === 'Visible');
      if (!first) throw itemNotFound('first worksheet');
      return first;
    });
  }
}

export class SimWorksheet extends SimObject<SheetModel> {
  protected readonly _scalars = SHEET_SCALARS;
  readonly tables: SimTableCollection;
  readonly freezePanes: SimFreezePanes;
  readonly pageLayout: SimPageLayout;

  constructor(context: SimRequestContext, path: string, binder: Binder<SheetModel>, nullable = false) {
    super(context, path, binder, nullable);
    this.tables = new SimTableCollection(context, this);
    this.freezePanes = new SimFreezePanes(context, `${path}.freezePanes`, () => this._target());
    this.pageLayout = new SimPageLayout(context, `${path}.pageLayout`, () => this._target());
  }

  protected override _alive(sheet: SheetModel): boolean {
    return this._model.sheets.includes(sheet);
  }

  protected override _navigation(name: string) {
    return name === 'pageLayout' ? this.pageLayout : undefined;
  }

  protected _read(sheet: SheetModel, name: string): unknown {
    switch (name) {
      case 'name':
        return sheet.name;
      case 'id':
        return sheet.id;
      case 'position':
        return this._model.sheets.indexOf(sheet);
      case 'visibility':
        return sheet.visibility;
      case 'tabColor':
        return sheet.tabColor;
      case 'showGridlines':
        return sheet.showGridlines;
    }
    return undefined;
  }

  get name(): string {
    return this._get('name');
  }
  set name(value: string) {
    this._set('name', value, (sheet) => {
      const from = sheet.name;
      sheet.name = this._model.checkSheetName(value, sheet);
      sheetRenamed(this._model, from, sheet.name);
    });
  }
  get id(): string {
    return this._get('id');
  }
  get position(): number {
    return this._get('position');
  }
  set position(value: number) {
    this._set('position', value, (sheet) => this._model.moveSheet(sheet, value));
  }
  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(value: string) {
    this._set('visibility', value, (sheet) => this._model.setVisibility(sheet, value));
  }
  get tabColor(): string {
    return this._get('tabColor');
  }
  set tabColor(value: string) {
    this.context._requires('1.7', 'Worksheet.tabColor');
    this._set('tabColor', value, (sheet) => {
      if (typeof value !== 'string' || (value !== '' && !/^#[0-9A-Fa-f]{6}$/.test(value) && !/^[A-Za-z]+$/.test(value))) {
        throw invalidArgument(`tab colour '${String(value)}'`);
      }
      sheet.tabColor = value.startsWith('#') ? value.toUpperCase() : value;
    });
  }
  get showGridlines(): boolean {
    return this._get('showGridlines');
  }
  set showGridlines(value: boolean) {
    this._set('showGridlines', value, (sheet) => (sheet.showGridlines = !!value));
  }

  activate(): void {
    this._call('activate', [], (sheet) => this._model.activate(sheet));
  }

  delete(): void {
    this._call('delete', [], (sheet) => this._model.deleteSheet(sheet));
  }

  getRange(address?: string): SimRange {
    return new SimRange(this.context, `${this._path}.getRange(${address ?? ''})`, () => {
      const sheet = this._target();
      if (address === undefined || address === '') return { sheet, rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 } };
      const parsed = parseAddress(address);
      if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
        throw invalidArgument(`address '${address}' is on another sheet`);
      }
      return { sheet, rect: parsed.rect };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): SimRange {
    this.context._requires('1.7', 'Worksheet.getRangeByIndexes');
    return new SimRange(this.context, `${this._path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, () => {
      const rect = { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
      if (![startRow, startColumn, rowCount, columnCount].every(Number.isInteger) || rowCount < 1 || columnCount < 1) {
        throw invalidArgument(`getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount})`);
      }
      checkRect(rect, 'getRangeByIndexes');
      return { sheet: this._target(), rect };
    });
  }

  getCell(row: number, column: number): SimRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** An empty sheet's used range is A1 (Excel's answer); the OrNullObject form says null. */
  getUsedRange(valuesOnly = false): SimRange {
    return new SimRange(this.context, `${this._path}.getUsedRange()`, () => {
      const sheet = this._target();
      return { sheet, rect: sheet.usedRect(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    this.context._requires('1.4', 'Worksheet.getUsedRangeOrNullObject');
    return new SimRange(
      this.context,
      `${this._path}.getUsedRangeOrNullObject()`,
      () => {
        const sheet = this._target();
        const rect = sheet.usedRect(valuesOnly);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }
}

// ---------------------------------------------------------------- ranges

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

const RANGE_SCALARS = [
  'values',
  'numberFormat',
  'formulas',
  'text',
  'valueTypes',
  'rowCount',
  'columnCount',
  'rowIndex',
  'columnIndex',
  'address',
  'addressLocal',
  'cellCount',
] as const;

/**
 * Reads over this many cells come back as null, as Excel documents ("reading over 5 million
 * cells may return null"): no error, the add-in just gets no values.
 */
const MAX_READ_CELLS = 5_000_000;

export class SimRange extends SimObject<RangeTarget> {
  protected readonly _scalars = RANGE_SCALARS;
  readonly format: SimRangeFormat;

  constructor(context: SimRequestContext, path: string, binder: Binder<RangeTarget>, nullable = false) {
    super(context, path, binder, nullable);
    this.format = new SimRangeFormat(context, `${path}.format`, () => this._target());
  }

  protected override _alive(t: RangeTarget): boolean {
    return this._model.sheets.includes(t.sheet);
  }

  protected override _navigation(name: string) {
    return name === 'format' ? this.format : undefined;
  }

  private _grid<V>(t: RangeTarget, cell: (r: number, c: number) => V): V[][] | null {
    const { rect } = t;
    if (rectRows(rect) * rectCols(rect) > MAX_READ_CELLS) return null;
    const out: V[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: V[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) row.push(cell(r, c));
      out.push(row);
    }
    return out;
  }

  protected _read(t: RangeTarget, name: string): unknown {
    const { sheet, rect } = t;
    switch (name) {
      case 'values':
        return this._grid(t, (r, c) => sheet.value(r, c) ?? '');
      case 'numberFormat':
        return this._grid(t, (r, c) => sheet.format(r, c));
      case 'formulas':
        return this._grid(t, (r, c) => sheet.formula(r, c) ?? sheet.value(r, c) ?? '');
      case 'text':
        return this._grid(t, (r, c) => displayText(sheet.value(r, c), sheet.format(r, c)));
      case 'valueTypes':
        return this._grid(t, (r, c) => {
          const v = sheet.value(r, c);
          if (v === undefined) return 'Empty';
          if (typeof v === 'number') return 'Double';
          if (typeof v === 'boolean') return 'Boolean';
          return /^#(NAME\?|VALUE!|REF!|DIV\/0!|N\/A|NUM!|NULL!)$/.test(v) ? 'Error' : 'String';
        });
      case 'rowCount':
        return rectRows(rect);
      case 'columnCount':
        return rectCols(rect);
      case 'rowIndex':
        return rect.r0;
      case 'columnIndex':
        return rect.c0;
      case 'address':
      case 'addressLocal':
        return fullAddress(sheet.name, rect);
      case 'cellCount':
        return rectRows(rect) * rectCols(rect);
    }
    return undefined;
  }

  get values(): Scalar[][] {
    return this._get('values');
  }
  set values(input: unknown[][]) {
    this._set('values', input, (t) => this._model.watchHeaders(t.sheet, t.rect, () => t.sheet.writeValues(t.rect, input, `${t.sheet.name}!`)));
  }
  get formulas(): Scalar[][] {
    return this._get('formulas');
  }
  set formulas(input: unknown[][]) {
    this._set('formulas', input, (t) => this._model.watchHeaders(t.sheet, t.rect, () => t.sheet.writeValues(t.rect, input, `${t.sheet.name}!`)));
  }
  get numberFormat(): string[][] {
    return this._get('numberFormat');
  }
  set numberFormat(input: unknown[][]) {
    this._set('numberFormat', input, (t) => t.sheet.writeFormats(t.rect, input, `${t.sheet.name}!`));
  }
  get text(): string[][] {
    return this._get('text');
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }

  private _derived(label: string, f: (t: RangeTarget) => Rect | null, nullable = false): SimRange {
    return new SimRange(
      this.context,
      `${this._path}.${label}`,
      () => {
        const t = this._target();
        const rect = f(t);
        if (rect) checkRect(rect, label);
        return rect ? { sheet: t.sheet, rect } : null;
      },
      nullable,
    );
  }

  getCell(row: number, column: number): SimRange {
    return this._derived(`getCell(${row},${column})`, ({ rect }) => ({ r0: rect.r0 + row, c0: rect.c0 + column, r1: rect.r0 + row, c1: rect.c0 + column }));
  }
  getRow(row: number): SimRange {
    return this._derived(`getRow(${row})`, ({ rect }) => ({ ...rect, r0: rect.r0 + row, r1: rect.r0 + row }));
  }
  getColumn(column: number): SimRange {
    return this._derived(`getColumn(${column})`, ({ rect }) => ({ ...rect, c0: rect.c0 + column, c1: rect.c0 + column }));
  }
  getEntireColumn(): SimRange {
    return this._derived('getEntireColumn()', ({ rect }) => ({ ...rect, r0: 0, r1: MAX_ROWS - 1 }));
  }
  getEntireRow(): SimRange {
    return this._derived('getEntireRow()', ({ rect }) => ({ ...rect, c0: 0, c1: MAX_COLUMNS - 1 }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): SimRange {
    return this._derived(`getResizedRange(${deltaRows},${deltaColumns})`, ({ rect }) => ({ ...rect, r1: rect.r1 + deltaRows, c1: rect.c1 + deltaColumns }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): SimRange {
    return this._derived(`getOffsetRange(${rowOffset},${columnOffset})`, ({ rect }) => ({
      r0: rect.r0 + rowOffset,
      r1: rect.r1 + rowOffset,
      c0: rect.c0 + columnOffset,
      c1: rect.c1 + columnOffset,
    }));
  }
  getUsedRange(valuesOnly = false): SimRange {
    return this._derived('getUsedRange()', (t) => intersect(t.rect, t.sheet.usedRect(valuesOnly)) ?? { r0: t.rect.r0, c0: t.rect.c0, r1: t.rect.r0, c1: t.rect.c0 });
  }
  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    return this._derived('getUsedRangeOrNullObject()', (t) => intersect(t.rect, t.sheet.usedRect(valuesOnly)), true);
  }

  /** Range.insert (ExcelApi 1.1): empty cells at the range, the others shift down or right. */
  insert(shift: string): SimRange {
    if (shift !== 'Down' && shift !== 'Right') throw invalidArgument(`insert shift '${String(shift)}'`);
    this._call('insert', [shift], ({ sheet, rect }) => this._model.shiftCells(sheet, rect, shift));
    return this;
  }

  /** Range.delete (ExcelApi 1.1): the range's cells go, the others shift up or left. */
  delete(shift: string): void {
    if (shift !== 'Up' && shift !== 'Left') throw invalidArgument(`delete shift '${String(shift)}'`);
    this._call('delete', [shift], ({ sheet, rect }) => this._model.shiftCells(sheet, rect, shift));
  }

  /**
   * Range.copyFrom (ExcelApi 1.9), for a source of the same size: values (formulas as text),
   * number formats and cell styles ('All'), or values only ('Values') or formats only ('Formats').
   */
  copyFrom(source: SimRange, copyType: string = 'All'): void {
    this.context._requires('1.9', 'Range.copyFrom');
    if (!['All', 'Values', 'Formats', 'Formulas'].includes(copyType)) throw invalidArgument(`copyType '${copyType}'`);
    this._call('copyFrom', [copyType], ({ sheet, rect }) => {
      const from = source._target();
      if (rectRows(from.rect) !== rectRows(rect) || rectCols(from.rect) !== rectCols(rect))
        throw new SimOfficeError(ErrorCodes.notImplemented, 'the simulator copies between ranges of the same size only');
      const cells: [number, number, Scalar | undefined, string | undefined, string, CellStyle | undefined][] = [];
      for (let r = 0; r < rectRows(rect); r++) {
        for (let c = 0; c < rectCols(rect); c++) {
          const [sr, sc] = [from.rect.r0 + r, from.rect.c0 + c];
          cells.push([rect.r0 + r, rect.c0 + c, from.sheet.value(sr, sc), from.sheet.formula(sr, sc), from.sheet.format(sr, sc), from.sheet.style(sr, sc)]);
        }
      }
      // A header cell copied over renames its table column (see WorkbookModel.watchHeaders).
      this._model.watchHeaders(sheet, rect, () => {
        for (const [r, c, v, f, fm, st] of cells) {
          if (copyType !== 'Formats') sheet.setCell(r, c, v, f);
          if (copyType === 'All' || copyType === 'Formats') {
            sheet.setFormat(r, c, fm);
            if (st) sheet.styles.set(r * 16_384 + c, { ...st });
            else sheet.styles.delete(r * 16_384 + c);
          }
        }
      });
    });
  }

  /** clear('Contents' | 'Formats' | 'All'). */
  clear(applyTo: string = 'All'): void {
    this._call('clear', [applyTo], ({ sheet, rect }) => {
      const used = intersect(rect, sheet.usedRect(false));
      if (!used) return;
      for (let r = used.r0; r <= used.r1; r++) {
        for (let c = used.c0; c <= used.c1; c++) {
          if (applyTo !== 'Formats') sheet.setCell(r, c, undefined);
          if (applyTo !== 'Contents') {
            sheet.setFormat(r, c, undefined);
            sheet.styles.delete(r * 16_384 + c);
          }
        }
      }
    });
  }
}

function intersect(a: Rect, b: Rect | null): Rect | null {
  if (!b) return null;
  const r = { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
  return r.r0 <= r.r1 && r.c0 <= r.c1 ? r : null;
}

/** A uniform value over the range, or null when the cells differ (as Excel reports it). */
function uniform<V>(t: RangeTarget, get: (r: number, c: number) => V, maxCells = 100_000): V | null {
  const { rect } = t;
  let first: V | undefined;
  let seen = 0;
  for (let r = rect.r0; r <= rect.r1; r++) {
    for (let c = rect.c0; c <= rect.c1; c++) {
      const v = get(r, c);
      if (seen++ === 0) first = v;
      else if (v !== first) return null;
      if (seen > maxCells) return first as V;
    }
  }
  return first as V;
}

function styleRange(t: RangeTarget, patch: CellStyle): void {
  const { rect, sheet } = t;
  if (rectRows(rect) * rectCols(rect) > 2_000_000) throw invalidArgument('the simulator formats at most 2,000,000 cells at once');
  for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) sheet.setStyle(r, c, patch);
}

const FORMAT_SCALARS = ['columnWidth', 'rowHeight', 'wrapText', 'horizontalAlignment', 'verticalAlignment'] as const;

export class SimRangeFormat extends SimObject<RangeTarget> {
  protected readonly _scalars = FORMAT_SCALARS;
  readonly font: SimRangeFont;
  readonly fill: SimRangeFill;
  constructor(context: SimRequestContext, path: string, binder: Binder<RangeTarget>) {
    super(context, path, binder);
    this.font = new SimRangeFont(context, `${path}.font`, binder);
    this.fill = new SimRangeFill(context, `${path}.fill`, binder);
  }
  protected override _navigation(name: string) {
    return name === 'font' ? this.font : name === 'fill' ? this.fill : undefined;
  }
  protected _read(t: RangeTarget, name: string): unknown {
    const { sheet, rect } = t;
    switch (name) {
      case 'columnWidth':
        return uniform({ sheet, rect: { ...rect, r0: 0, r1: 0 } }, (_r, c) => sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
      case 'rowHeight':
        return uniform({ sheet, rect: { ...rect, c0: 0, c1: 0 } }, (r) => sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
      case 'wrapText':
        return uniform(t, (r, c) => sheet.style(r, c)?.wrapText ?? false);
      case 'horizontalAlignment':
        return uniform(t, (r, c) => sheet.style(r, c)?.horizontalAlignment ?? 'General');
      case 'verticalAlignment':
        return uniform(t, (r, c) => sheet.style(r, c)?.verticalAlignment ?? 'Bottom');
    }
    return undefined;
  }
  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(value: number) {
    this._set('columnWidth', value, ({ sheet, rect }) => {
      if (typeof value !== 'number' || value < 0 || value > 255 * 7.5) throw invalidArgument(`column width ${String(value)} points`);
      for (let c = rect.c0; c <= rect.c1; c++) sheet.columnWidths.set(c, value);
    });
  }
  get rowHeight(): number {
    return this._get('rowHeight');
  }
  set rowHeight(value: number) {
    this._set('rowHeight', value, ({ sheet, rect }) => {
      if (typeof value !== 'number' || value < 0 || value > 409) throw invalidArgument(`row height ${String(value)} points`);
      for (let r = rect.r0; r <= Math.min(rect.r1, rect.r0 + 100_000); r++) sheet.rowHeights.set(r, value);
    });
  }
  get wrapText(): boolean {
    return this._get('wrapText');
  }
  set wrapText(value: boolean) {
    this._set('wrapText', value, (t) => styleRange(t, { wrapText: !!value }));
  }
  get horizontalAlignment(): string {
    return this._get('horizontalAlignment');
  }
  set horizontalAlignment(value: string) {
    this._set('horizontalAlignment', value, (t) => styleRange(t, { horizontalAlignment: value }));
  }
  get verticalAlignment(): string {
    return this._get('verticalAlignment');
  }
  set verticalAlignment(value: string) {
    this._set('verticalAlignment', value, (t) => styleRange(t, { verticalAlignment: value }));
  }

  /** Width from the longest displayed text of each column (about 7 px a character). */
  autofitColumns(): void {
    this._call('autofitColumns', [], ({ sheet, rect }) => {
      const used = intersect(rect, sheet.usedRect(true));
      if (!used) return;
      for (let c = used.c0; c <= used.c1; c++) {
        let longest = 0;
        for (let r = used.r0; r <= used.r1; r++) longest = Math.max(longest, displayText(sheet.value(r, c), sheet.format(r, c)).length);
        sheet.columnWidths.set(c, Math.min(255 * 7.5, Math.round((longest * 7 + 5) * 0.75 * 100) / 100));
      }
    });
  }
  autofitRows(): void {
    this._call('autofitRows', [], () => undefined);
  }
}

const FONT_SCALARS = ['bold', 'italic', 'color', 'size', 'name'] as const;

export class SimRangeFont extends SimObject<RangeTarget> {
  protected readonly _scalars = FONT_SCALARS;
  protected _read(t: RangeTarget, name: string): unknown {
    const s = (r: number, c: number) => t.sheet.style(r, c);
    switch (name) {
      case 'bold':
        return uniform(t, (r, c) => s(r, c)?.bold ?? false);
      case 'italic':
        return uniform(t, (r, c) => s(r, c)?.italic ?? false);
      case 'color':
        return uniform(t, (r, c) => s(r, c)?.fontColor ?? '#000000');
      case 'size':
        return uniform(t, (r, c) => s(r, c)?.fontSize ?? 11);
      case 'name':
        return 'Calibri';
    }
    return undefined;
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._set('bold', v, (t) => styleRange(t, { bold: !!v }));
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this._set('italic', v, (t) => styleRange(t, { italic: !!v }));
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v, (t) => styleRange(t, { fontColor: v }));
  }
  get size(): number {
    return this._get('size');
  }
  set size(v: number) {
    this._set('size', v, (t) => {
      if (typeof v !== 'number' || v < 1 || v > 409) throw invalidArgument(`font size ${String(v)}`);
      styleRange(t, { fontSize: v });
    });
  }
  get name(): string {
    return this._get('name');
  }
}

export class SimRangeFill extends SimObject<RangeTarget> {
  protected readonly _scalars = ['color'] as const;
  protected _read(t: RangeTarget, name: string): unknown {
    return name === 'color' ? uniform(t, (r, c) => t.sheet.style(r, c)?.fill ?? null) : undefined;
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v, (t) => styleRange(t, { fill: v }));
  }
  clear(): void {
    this._call('clear', [], (t) => styleRange(t, { fill: undefined }));
  }
}

// ---------------------------------------------------------------- freeze panes, page layout

/**
 * Excel refuses view and print changes on a sheet that is not visible (office-js issues 1463,
 * 1860, 3148: freezePanes and pageLayout on a hidden sheet throw GeneralException).
 */
function requireVisible(sheet: SheetModel, what: string): void {
  if (sheet.visibility !== 'Visible') {
    throw new SimOfficeError(ErrorCodes.generalException, `There was an internal error while processing the request. (${what} on hidden sheet '${sheet.name}')`);
  }
}

export class SimFreezePanes extends SimObject<SheetModel> {
  protected readonly _scalars = [] as const;
  protected _read(): unknown {
    return undefined;
  }
  protected override _call(method: string, args: unknown[], apply: (target: SheetModel) => OpResult | void): void {
    this.context._requires('1.7', `WorksheetFreezePanes.${method}`);
    super._call(method, args, (sheet) => {
      requireVisible(sheet, `freezePanes.${method}`);
      return apply(sheet);
    });
  }
  freezeRows(count = 1): void {
    this._call('freezeRows', [count], (sheet) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS) throw invalidArgument(`freezeRows(${count})`);
      sheet.frozenRows = count;
      sheet.frozenColumns = 0;
    });
  }
  freezeColumns(count = 1): void {
    this._call('freezeColumns', [count], (sheet) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_COLUMNS) throw invalidArgument(`freezeColumns(${count})`);
      sheet.frozenColumns = count;
      sheet.frozenRows = 0;
    });
  }
  unfreeze(): void {
    this._call('unfreeze', [], (sheet) => {
      sheet.frozenRows = 0;
      sheet.frozenColumns = 0;
    });
  }
  getLocationOrNullObject(): SimRange {
    return new SimRange(
      this.context,
      `${this._path}.getLocationOrNullObject()`,
      () => {
        const sheet = this._target();
        if (!sheet.frozenRows && !sheet.frozenColumns) return null;
        return {
          sheet,
          rect: sheet.frozenRows
            ? { r0: 0, c0: 0, r1: sheet.frozenRows - 1, c1: MAX_COLUMNS - 1 }
            : { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: sheet.frozenColumns - 1 },
        };
      },
      true,
    );
  }
}

/** PageLayoutZoomOptions: scale 10–400 %, fit-to-pages a whole number of pages 1–32,767. */
function checkZoom(v: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }): void {
  const whole = (x: unknown, lo: number, hi: number) => typeof x === 'number' && Number.isInteger(x) && x >= lo && x <= hi;
  if (v.scale !== undefined && !whole(v.scale, 10, 400)) throw invalidArgument(`zoom.scale ${String(v.scale)} (10–400)`);
  for (const k of ['horizontalFitToPages', 'verticalFitToPages'] as const) {
    if (v[k] !== undefined && !whole(v[k], 1, 32_767)) throw invalidArgument(`zoom.${k} ${String(v[k])} (1–32767)`);
  }
}

export class SimPageLayout extends SimObject<SheetModel> {
  protected readonly _scalars = ['orientation', 'paperSize', 'zoom', 'centerHorizontally', 'printGridlines'] as const;
  /** Worksheet.pageLayout is ExcelApi 1.9; changes need a visible sheet. */
  override load(arg?: unknown): this {
    this.context._requires('1.9', 'Worksheet.pageLayout');
    return super.load(arg);
  }
  protected override _set(name: string, value: unknown, apply: (target: SheetModel) => void): void {
    this.context._requires('1.9', `PageLayout.${name}`);
    super._set(name, value, (sheet) => {
      requireVisible(sheet, `pageLayout.${name}`);
      apply(sheet);
    });
  }
  protected override _call(method: string, args: unknown[], apply: (target: SheetModel) => OpResult | void): void {
    this.context._requires('1.9', `PageLayout.${method}`);
    super._call(method, args, (sheet) => {
      requireVisible(sheet, `pageLayout.${method}`);
      return apply(sheet);
    });
  }
  protected _read(sheet: SheetModel, name: string): unknown {
    const p = sheet.pageLayout;
    switch (name) {
      case 'orientation':
        return p.orientation ?? 'Portrait';
      case 'paperSize':
        return p.paperSize ?? 'Letter';
      case 'zoom':
        return { ...(p.zoom ?? { scale: 100 }) };
      case 'centerHorizontally':
        return p.centerHorizontally ?? false;
      case 'printGridlines':
        return p.printGridlines ?? false;
    }
    return undefined;
  }
  get orientation(): string {
    return this._get('orientation');
  }
  set orientation(v: string) {
    this._set('orientation', v, (sheet) => {
      if (v !== 'Portrait' && v !== 'Landscape') throw invalidArgument(`orientation '${String(v)}'`);
      sheet.pageLayout.orientation = v;
    });
  }
  get paperSize(): string {
    return this._get('paperSize');
  }
  /** Excel.PaperType: the simulator knows the common ones; Excel's default is Letter. */
  set paperSize(v: string) {
    this._set('paperSize', v, (sheet) => {
      if (!['A3', 'A4', 'A5', 'Letter', 'Legal', 'Envelope10', 'EnvelopeDL'].includes(v)) throw invalidArgument(`paperSize '${String(v)}'`);
      sheet.pageLayout.paperSize = v;
    });
  }
  get zoom(): { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number } {
    return this._get('zoom');
  }
  set zoom(v: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }) {
    this._set('zoom', v, (sheet) => {
      if (!v || typeof v !== 'object') throw invalidArgument('zoom');
      if (v.scale !== undefined && (v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined)) {
        throw invalidArgument('zoom: give either scale or fit-to-pages, not both');
      }
      checkZoom(v);
      sheet.pageLayout.zoom = { ...v };
    });
  }
  get centerHorizontally(): boolean {
    return this._get('centerHorizontally');
  }
  set centerHorizontally(v: boolean) {
    this._set('centerHorizontally', v, (sheet) => (sheet.pageLayout.centerHorizontally = !!v));
  }
  get printGridlines(): boolean {
    return this._get('printGridlines');
  }
  set printGridlines(v: boolean) {
    this._set('printGridlines', v, (sheet) => (sheet.pageLayout.printGridlines = !!v));
  }
  setPrintTitleRows(rows: string | SimRange): void {
    const arg = typeof rows === 'string' ? rows : '(range)';
    this._call('setPrintTitleRows', [arg], (sheet) => {
      const rect = typeof rows === 'string' ? parseAddress(rows).rect : rows._target().rect;
      sheet.pageLayout.printTitleRows = `$${rect.r0 + 1}:$${rect.r1 + 1}`;
    });
  }
  setPrintTitleColumns(columns: string | SimRange): void {
    const arg = typeof columns === 'string' ? columns : '(range)';
    this._call('setPrintTitleColumns', [arg], (sheet) => {
      const rect = typeof columns === 'string' ? parseAddress(columns).rect : columns._target().rect;
      sheet.pageLayout.printTitleColumns = `$${columnLetters(rect.c0)}:$${columnLetters(rect.c1)}`;
    });
  }
}

// ---------------------------------------------------------------- tables

const TABLE_SCALARS = ['name', 'id', 'style', 'showHeaders'] as const;

export class SimTableCollection extends SimCollection<TableModel, SimTable> {
  protected readonly _itemScalars = TABLE_SCALARS;
  constructor(
    context: SimRequestContext,
    private readonly sheet: SimWorksheet | null,
  ) {
    super(context, sheet ? 'worksheet.tables' : 'workbook.tables');
  }
  protected _list(): TableModel[] {
    const tables = this._model.tables;
    if (!this.sheet) return tables;
    const sheet = this.sheet._target();
    return tables.filter((t) => t.sheet === sheet);
  }
  protected _proxy(m: TableModel): SimTable {
    return new SimTable(this.context, `table(${m.id})`, () => m);
  }

  add(address: string | SimRange, hasHeaders: boolean): SimTable {
    let added: TableModel | null = null;
    const proxy = new SimTable(this.context, `tables.add(${typeof address === 'string' ? address : 'range'})`, () => added);
    this.context._enqueue({ call: `${this._path}.add`, args: [typeof address === 'string' ? address : '(range)', hasHeaders] }, () => {
      let target: RangeTarget;
      if (typeof address !== 'string') target = address._target();
      else {
        const parsed = parseAddress(address);
        const scope = this.sheet?._target();
        if (parsed.sheet !== undefined) {
          const named = this._model.requireSheet(parsed.sheet);
          if (scope && named !== scope) throw invalidArgument(`address '${address}' is on another sheet`);
          target = { sheet: named, rect: parsed.rect };
        } else {
          const sheet = scope ?? this._model.sheets.find((s) => s.id === this._model.activeSheetId);
          if (!sheet) throw itemNotFound('active worksheet');
          target = { sheet, rect: parsed.rect };
        }
      }
      if (this.sheet && target.sheet !== this.sheet._target()) throw invalidArgument('the range is on another sheet');
      added = this._model.addTable(target.sheet, target.rect, hasHeaders);
    });
    return proxy;
  }

  getItem(key: string): SimTable {
    return new SimTable(this.context, `tables.getItem(${key})`, () => {
      const t = this._find(key);
      if (!t) throw itemNotFound(`table '${key}'`);
      return t;
    });
  }

  getItemOrNullObject(key: string): SimTable {
    return new SimTable(this.context, `tables.getItemOrNullObject(${key})`, () => this._find(key) ?? null, true);
  }

  private _find(key: string): TableModel | undefined {
    return this._list().find((t) => t.name.toLowerCase() === key.toLowerCase() || t.id === key);
  }
}

export class SimTable extends SimObject<TableModel> {
  protected readonly _scalars = TABLE_SCALARS;
  readonly rows: SimTableRowCollection;
  readonly columns: SimTableColumnCollection;
  constructor(context: SimRequestContext, path: string, binder: Binder<TableModel>, nullable = false) {
    super(context, path, binder, nullable);
    this.rows = new SimTableRowCollection(context, `${path}.rows`, () => this._target());
    this.columns = new SimTableColumnCollection(context, `${path}.columns`, () => this._target());
  }
  protected override _alive(t: TableModel): boolean {
    return this._model.tables.includes(t);
  }
  protected _read(t: TableModel, name: string): unknown {
    switch (name) {
      case 'name':
        return t.name;
      case 'id':
        return t.id;
      case 'style':
        return t.style;
      case 'showHeaders':
        return t.showHeaders;
    }
    return undefined;
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, (t) => {
      const from = t.name;
      t.name = this._model.checkTableName(v, t);
      tableRenamed(this._model, from, t.name);
    });
  }
  get id(): string {
    return this._get('id');
  }
  get style(): string {
    return this._get('style');
  }
  set style(v: string) {
    this._set('style', v, (t) => {
      if (typeof v !== 'string' || !/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(v)) throw invalidArgument(`table style '${String(v)}'`);
      t.style = v;
    });
  }
  get showHeaders(): boolean {
    return this._get('showHeaders');
  }
  get worksheet(): SimWorksheet {
    return new SimWorksheet(this.context, `${this._path}.worksheet`, () => this._target().sheet);
  }
  private _range(label: string, f: (t: TableModel) => Rect): SimRange {
    return new SimRange(this.context, `${this._path}.${label}`, () => {
      const t = this._target();
      return { sheet: t.sheet, rect: f(t) };
    });
  }
  getRange(): SimRange {
    return this._range('getRange()', (t) => t.rect);
  }
  getHeaderRowRange(): SimRange {
    return this._range('getHeaderRowRange()', (t) => ({ ...t.rect, r1: t.rect.r0 }));
  }
  getDataBodyRange(): SimRange {
    return this._range('getDataBodyRange()', (t) => ({ ...t.rect, r0: t.rect.r0 + 1 }));
  }
  delete(): void {
    this._call('delete', [], (t) => {
      this._model.tables = this._model.tables.filter((x) => x !== t);
    });
  }
}

export class SimTableRowCollection extends SimObject<TableModel> {
  protected readonly _scalars = ['count'] as const;
  protected _read(t: TableModel): unknown {
    return t.rect.r1 - t.rect.r0;
  }
  get count(): number {
    return this._get('count');
  }
  getCount(): SimClientResult<number> {
    return this._result('getCount', [], (t) => t.rect.r1 - t.rect.r0);
  }
  /**
   * TableRowCollection.add (ExcelApi 1.1): one empty row at body index `index` (the rows from
   * there move down, as Range.insert does inside a table), or after the last row when the
   * index is left out, null or -1 (the cells below the table in its columns move down and the
   * table takes the row). `alwaysInsert` is ExcelApi 1.15.
   */
  add(index?: number | null, values?: unknown, alwaysInsert?: boolean): void {
    if (values !== undefined && values !== null) throw new SimOfficeError(ErrorCodes.notImplemented, 'the simulator adds empty table rows only');
    if (alwaysInsert !== undefined) this.context._requires('1.15', 'TableRowCollection.add(alwaysInsert)');
    this._call('add', [index ?? null], (t) => this._model.addTableRow(t, index === undefined || index === null || index === -1 ? null : index));
  }
}

/**
 * Table.columns (ExcelApi 1.1): the count, and add(index?) — an empty column (header
 * "ColumnN") at `index`, or at the end when the index is left out, null or -1.
 */
export class SimTableColumnCollection extends SimObject<TableModel> {
  protected readonly _scalars = ['count'] as const;
  protected _read(t: TableModel): unknown {
    return t.rect.c1 - t.rect.c0 + 1;
  }
  get count(): number {
    return this._get('count');
  }
  getCount(): SimClientResult<number> {
    return this._result('getCount', [], (t) => t.rect.c1 - t.rect.c0 + 1);
  }
  add(index?: number | null, values?: unknown, name?: string): void {
    if (values !== undefined && values !== null) throw new SimOfficeError(ErrorCodes.notImplemented, 'the simulator adds empty table columns only');
    if (name !== undefined) this.context._requires('1.4', 'TableColumnCollection.add(name)');
    this._call('add', [index ?? null], (t) => this._model.addTableColumn(t, index === undefined || index === null || index === -1 ? null : index));
  }
  /** The column at `index` (0 = the first), as it is when the request runs. */
  getItemAt(index: number): SimTableColumn {
    return new SimTableColumn(this.context, `${this._path}.getItemAt(${index})`, () => {
      const t = this._target();
      if (!Number.isInteger(index) || index < 0 || index > t.rect.c1 - t.rect.c0) throw invalidArgument(`table column index ${index}`);
      return { table: t, index };
    });
  }
}

/** One table column (ExcelApi 1.1): delete() removes it; the cells right of it in the table's rows shift left. */
export class SimTableColumn extends SimObject<{ table: TableModel; index: number }> {
  protected readonly _scalars = [] as const;
  protected _read(): unknown {
    return undefined;
  }
  delete(): void {
    this._call('delete', [], ({ table, index }) => {
      const c = table.rect.c0 + index;
      this._model.shiftCells(table.sheet, { r0: table.rect.r0, r1: table.rect.r1, c0: c, c1: c }, 'Left');
    });
  }
}

// ---------------------------------------------------------------- defined names

const NAME_SCALARS = ['name', 'formula', 'visible'] as const;

/** Workbook-scoped defined names (ExcelApi 1.4 for add): enough for name clashes with tables. */
export class SimNamedItemCollection extends SimCollection<NameModel, SimNamedItem> {
  protected readonly _itemScalars = NAME_SCALARS;
  constructor(context: SimRequestContext) {
    super(context, 'workbook.names');
  }
  protected _list(): NameModel[] {
    return this._model.names;
  }
  protected _proxy(m: NameModel): SimNamedItem {
    return new SimNamedItem(this.context, `name(${m.name})`, () => m);
  }
  add(name: string, reference: string, comment?: string): SimNamedItem {
    this.context._requires('1.4', 'NamedItemCollection.add');
    let added: NameModel | null = null;
    const proxy = new SimNamedItem(this.context, `names.add(${name})`, () => added);
    this.context._enqueue({ call: 'names.add', args: [name, reference, comment] }, () => {
      added = this._model.addName(name, reference);
    });
    return proxy;
  }
  getItemOrNullObject(name: string): SimNamedItem {
    this.context._requires('1.4', 'NamedItemCollection.getItemOrNullObject');
    return new SimNamedItem(this.context, `names.getItemOrNullObject(${name})`, () => this._model.nameByName(name) ?? null, true);
  }
}

export class SimNamedItem extends SimObject<NameModel> {
  protected readonly _scalars = NAME_SCALARS;
  protected override _alive(n: NameModel): boolean {
    return this._model.names.includes(n);
  }
  protected _read(n: NameModel, name: string): unknown {
    return name === 'name' ? n.name : name === 'formula' ? n.formula : name === 'visible' ? true : undefined;
  }
  get name(): string {
    return this._get('name');
  }
  get formula(): string {
    return this._get('formula');
  }
  delete(): void {
    this._call('delete', [], (n) => {
      this._model.names = this._model.names.filter((x) => x !== n);
    });
  }
}

// ---------------------------------------------------------------- custom XML parts

const PART_SCALARS = ['id', 'namespaceUri'] as const;

export class SimCustomXmlPartCollection extends SimCollection<PartModel, SimCustomXmlPart> {
  protected readonly _itemScalars = PART_SCALARS;
  constructor(context: SimRequestContext) {
    super(context, 'workbook.customXmlParts');
  }
  protected _list(): PartModel[] {
    return this._model.parts;
  }
  protected _proxy(m: PartModel): SimCustomXmlPart {
    return new SimCustomXmlPart(this.context, `customXmlPart(${m.id})`, () => m);
  }
  add(xml: string): SimCustomXmlPart {
    let added: PartModel | null = null;
    const proxy = new SimCustomXmlPart(this.context, 'customXmlParts.add()', () => added);
    this.context._enqueue({ call: 'customXmlParts.add', args: [xml] }, () => {
      added = this._model.addPart(xml);
    });
    return proxy;
  }
  getItem(id: string): SimCustomXmlPart {
    return new SimCustomXmlPart(this.context, `customXmlParts.getItem(${id})`, () => {
      const p = this._model.parts.find((x) => x.id === id);
      if (!p) throw itemNotFound(`custom XML part ${id}`);
      return p;
    });
  }
  getItemOrNullObject(id: string): SimCustomXmlPart {
    return new SimCustomXmlPart(this.context, `customXmlParts.getItemOrNullObject(${id})`, () => this._model.parts.find((x) => x.id === id) ?? null, true);
  }
  getByNamespace(namespaceUri: string): SimCustomXmlPartScopedCollection {
    return new SimCustomXmlPartScopedCollection(this.context, namespaceUri);
  }
}

export class SimCustomXmlPartScopedCollection extends SimCollection<PartModel, SimCustomXmlPart> {
  protected readonly _itemScalars = PART_SCALARS;
  constructor(
    context: SimRequestContext,
    private readonly namespaceUri: string,
  ) {
    super(context, `customXmlParts.getByNamespace(${namespaceUri})`);
  }
  protected _list(): PartModel[] {
    return this._model.parts.filter((p) => p.namespaceUri === this.namespaceUri);
  }
  protected _proxy(m: PartModel): SimCustomXmlPart {
    return new SimCustomXmlPart(this.context, `customXmlPart(${m.id})`, () => m);
  }
  getItem(id: string): SimCustomXmlPart {
    return new SimCustomXmlPart(this.context, `${this._path}.getItem(${id})`, () => {
      const p = this._list().find((x) => x.id === id);
      if (!p) throw itemNotFound(`custom XML part ${id}`);
      return p;
    });
  }
  getItemOrNullObject(id: string): SimCustomXmlPart {
    return new SimCustomXmlPart(this.context, `${this._path}.getItemOrNullObject(${id})`, () => this._list().find((x) => x.id === id) ?? null, true);
  }
  getOnlyItem(): SimCustomXmlPart {
    return new SimCustomXmlPart(this.context, `${this._path}.getOnlyItem()`, () => {
      const list = this._list();
      if (list.length === 0) throw itemNotFound(`no custom XML part in namespace ${this.namespaceUri}`);
      if (list.length > 1) throw invalidOperation(`${list.length} custom XML parts in namespace ${this.namespaceUri}`);
      return list[0];
    });
  }
  getOnlyItemOrNullObject(): SimCustomXmlPart {
    return new SimCustomXmlPart(
      this.context,
      `${this._path}.getOnlyItemOrNullObject()`,
      () => {
        const list = this._list();
        return list.length === 1 ? list[0] : null;
      },
      true,
    );
  }
}

export class SimCustomXmlPart extends SimObject<PartModel> {
  protected readonly _scalars = PART_SCALARS;
  protected override _alive(p: PartModel): boolean {
    return this._model.parts.includes(p);
  }
  protected _read(p: PartModel, name: string): unknown {
    return name === 'id' ? p.id : name === 'namespaceUri' ? p.namespaceUri : undefined;
  }
  get id(): string {
    return this._get('id');
  }
  get namespaceUri(): string {
    return this._get('namespaceUri');
  }
  getXml(): SimClientResult<string> {
    return this._result('getXml', [], (p) => p.xml);
  }
  setXml(xml: string): void {
    this._call('setXml', [xml], (p) => {
      const fresh = this._model.addPart(xml); // validates
      this._model.parts.pop();
      p.xml = fresh.xml;
      p.namespaceUri = fresh.namespaceUri;
    });
  }
  delete(): void {
    this._call('delete', [], (p) => {
      this._model.parts = this._model.parts.filter((x) => x !== p);
    });
  }
}

export { GENERAL };
