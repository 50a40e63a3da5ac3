/**
 * The simulated workbook itself: sheets with cells, formats and layout, tables and custom XML
 * parts. Proxies (proxies.ts) change it only while a request executes at `context.sync()`.
 *
 * Cells are stored in row arrays (values, number formats) so that a 100,000 × 20 sheet costs a
 * few arrays, not two million objects. Formulas and cell styles are sparse maps.
 */
import { XMLValidator } from 'fast-xml-parser';
import { GENERAL, MAX_CELL_TEXT, MAX_COLUMNS, MAX_ROWS, TEXT_FORMAT, coerce, fullAddress, sheetNameError, tableNameError, type Rect, type Scalar } from './cells';
import { cellsShifted, sheetDeleted, tableColumnRenamed, tableColumnsDeleted } from './references';
import { ErrorCodes, SimOfficeError, invalidArgument, invalidOperation, itemAlreadyExists, itemNotFound } from './errors';

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontSize?: number;
  fill?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
}

export interface PageLayoutModel {
  orientation?: string;
  paperSize?: string;
  printTitleRows?: string;
  printTitleColumns?: string;
  zoom?: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  centerHorizontally?: boolean;
  printGridlines?: boolean;
}

const key = (r: number, c: number) => r * 16_384 + c;

export class SheetModel {
  visibility: Visibility = 'Visible';
  tabColor = '';
  frozenRows = 0;
  frozenColumns = 0;
  values: (Array<Scalar | undefined> | undefined)[] = [];
  formats: (Array<string | undefined> | undefined)[] = [];
  formulas = new Map<number, string>();
  styles = new Map<number, CellStyle>();
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  pageLayout: PageLayoutModel = {};
  showGridlines = true;
  constructor(
    readonly id: string,
    public name: string,
  ) {}

  value(r: number, c: number): Scalar | undefined {
    return this.values[r]?.[c];
  }
  format(r: number, c: number): string {
    return this.formats[r]?.[c] ?? GENERAL;
  }
  formula(r: number, c: number): string | undefined {
    return this.formulas.size ? this.formulas.get(key(r, c)) : undefined;
  }
  style(r: number, c: number): CellStyle | undefined {
    return this.styles.size ? this.styles.get(key(r, c)) : undefined;
  }

  setCell(r: number, c: number, value: Scalar | undefined, formula?: string): void {
    let row = this.values[r];
    if (!row) {
      if (value === undefined && !formula) {
        this.formulas.delete(key(r, c));
        return;
      }
      row = this.values[r] = [];
    }
    row[c] = value;
    if (formula) this.formulas.set(key(r, c), formula);
    else if (this.formulas.size) this.formulas.delete(key(r, c));
  }

  setFormat(r: number, c: number, format: string | undefined): void {
    const row = this.formats[r] ?? (format === undefined ? undefined : (this.formats[r] = []));
    if (row) row[c] = format === GENERAL ? undefined : format;
  }

  setStyle(r: number, c: number, patch: CellStyle): void {
    const k = key(r, c);
    this.styles.set(k, { ...this.styles.get(k), ...patch });
  }

  /**
   * The last row (column) from `from` on holding a value or formula (a non-blank cell, which
   * Excel will not push off the sheet) within the band [b0, b1] of columns (rows); null when
   * there is none.
   */
  lastOccupied(vertical: boolean, from: number, b0: number, b1: number): number | null {
    const occupied = (r: number, c: number) => this.values[r]?.[c] !== undefined || this.formulas.has(key(r, c));
    const keyed = [...this.formulas.keys()];
    const end = Math.max(this.values.length, ...keyed.map((k) => Math.floor(k / 16_384) + 1));
    let endCol = 0;
    for (const k of keyed) endCol = Math.max(endCol, (k % 16_384) + 1);
    for (const row of this.values) if (row) endCol = Math.max(endCol, row.length);
    if (vertical) {
      for (let r = end - 1; r >= from; r--) for (let c = b0; c <= Math.min(b1, endCol - 1); c++) if (occupied(r, c)) return r;
    } else {
      for (let c = endCol - 1; c >= from; c--) for (let r = b0; r <= Math.min(b1, end - 1); r++) if (occupied(r, c)) return c;
    }
    return null;
  }

  /**
   * Moves cells from row (column) `from` on by `delta` within the band [b0, b1] of columns
   * (rows): positive inserts empty cells at `from`, negative deletes `-delta` cells at `from`.
   */
  shift(vertical: boolean, from: number, delta: number, b0: number, b1: number): void {
    type Cell = { v: Scalar | undefined; f: string | undefined; fm: string | undefined; st: CellStyle | undefined };
    const moved: [number, number, Cell][] = [];
    const end = Math.max(this.values.length, this.formats.length, ...[...this.formulas.keys(), ...this.styles.keys()].map((k) => Math.floor(k / 16_384) + 1));
    let endCol = 0;
    for (const k of [...this.formulas.keys(), ...this.styles.keys()]) endCol = Math.max(endCol, (k % 16_384) + 1);
    for (const rows of [this.values, this.formats]) for (const row of rows) if (row) endCol = Math.max(endCol, row.length);
    const take = (r: number, c: number) => {
      const cell: Cell = { v: this.value(r, c), f: this.formula(r, c), fm: this.formats[r]?.[c], st: this.style(r, c) };
      if (this.values[r]) this.values[r]![c] = undefined;
      if (this.formats[r]) this.formats[r]![c] = undefined;
      this.formulas.delete(key(r, c));
      this.styles.delete(key(r, c));
      return cell;
    };
    const occupied = (r: number, c: number) =>
      this.values[r]?.[c] !== undefined || this.formats[r]?.[c] !== undefined || this.formulas.has(key(r, c)) || this.styles.has(key(r, c));
    // Rows across every used column: whole rows move, as the cell-by-cell loop below would move
    // them (a table's rows deleted one run at a time on a 20,000-row sheet took 0.3 s a run).
    if (vertical && b0 === 0 && b1 >= endCol - 1) {
      const moveRows = <T>(rows: T[]): T[] =>
        delta > 0 ? (from < rows.length ? rows.slice(0, from).concat(new Array<T>(delta), rows.slice(from)) : rows) : rows.slice(0, from).concat(rows.slice(from - delta));
      this.values = moveRows(this.values);
      this.formats = moveRows(this.formats);
      const moveKeys = <T>(cells: Map<number, T>): Map<number, T> => {
        const out = new Map<number, T>();
        for (const [k, v] of cells) {
          const r = Math.floor(k / 16_384);
          if (r < from) out.set(k, v);
          else if (delta > 0 || r >= from - delta) out.set(key(r + delta, k % 16_384), v);
        }
        return out;
      };
      if (this.formulas.size) this.formulas = moveKeys(this.formulas);
      if (this.styles.size) this.styles = moveKeys(this.styles);
      return;
    }
    if (vertical) {
      for (let r = from; r < end; r++) for (let c = b0; c <= Math.min(b1, endCol - 1); c++) {
        if (!occupied(r, c)) continue;
        const cell = take(r, c);
        if (delta > 0 || r >= from - delta) moved.push([r + delta, c, cell]);
      }
    } else {
      for (let r = b0; r <= Math.min(b1, end - 1); r++) for (let c = from; c < endCol; c++) {
        if (!occupied(r, c)) continue;
        const cell = take(r, c);
        if (delta > 0 || c >= from - delta) moved.push([r, c + delta, cell]);
      }
    }
    for (const [r, c, cell] of moved) {
      this.setCell(r, c, cell.v, cell.f);
      if (cell.fm !== undefined) this.setFormat(r, c, cell.fm);
      if (cell.st) this.styles.set(key(r, c), cell.st);
    }
  }

  /** Writes input values the way Excel does (see cells.ts for the coercion rules). */
  writeValues(rect: Rect, input: unknown, where: string): void {
    forEachInput(rect, input, where, (r, c, v) => {
      // Fast paths with the same outcome as coerce(): text into a text cell, numbers, booleans.
      if (typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return this.setCell(r, c, v);
      if (typeof v === 'string' && v !== '' && v.length <= MAX_CELL_TEXT && this.format(r, c) === TEXT_FORMAT) return this.setCell(r, c, v);
      const coerced = coerce(v, this.format(r, c), where, r, c);
      if (!coerced) return;
      this.setCell(r, c, coerced.cell.value, coerced.cell.formula);
      if (coerced.autoFormat) this.setFormat(r, c, coerced.autoFormat);
    });
  }

  writeFormats(rect: Rect, input: unknown, where: string): void {
    forEachInput(rect, input, where, (r, c, v) => {
      if (v === null || v === undefined) return;
      if (typeof v !== 'string') throw invalidArgument(`${where}: a number format must be a string`);
      this.setFormat(r, c, v === '' ? undefined : v);
    });
  }

  /** Last row/column holding a value, formula, number format or style; null when empty. */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    const take = (r: number, c: number) => {
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    };
    const scan = (rows: (Array<unknown> | undefined)[]) => {
      rows.forEach((row, r) => {
        if (!row) return;
        let first = -1, last = -1;
        for (let c = 0; c < row.length; c++) {
          if (row[c] !== undefined) {
            if (first < 0) first = c;
            last = c;
          }
        }
        if (first >= 0) {
          take(r, first);
          take(r, last);
        }
      });
    };
    scan(this.values);
    for (const k of this.formulas.keys()) take(Math.floor(k / 16_384), k % 16_384);
    if (!valuesOnly) {
      scan(this.formats);
      for (const k of this.styles.keys()) take(Math.floor(k / 16_384), k % 16_384);
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }
}

/** Calls `fn` for each cell of `rect` with the input broadcast the way Office.js does. */
function forEachInput(rect: Rect, input: unknown, where: string, fn: (r: number, c: number, v: unknown) => void): void {
  const rows = rect.r1 - rect.r0 + 1;
  const cols = rect.c1 - rect.c0 + 1;
  let grid: unknown[][] | null = null;
  let single: unknown = input;
  if (Array.isArray(input)) {
    if (input.length === 1 && Array.isArray(input[0]) && input[0].length === 1) single = input[0][0];
    else {
      if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw invalidArgument(
          `${where}: the number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols})`,
        );
      }
      grid = input as unknown[][];
    }
  }
  if (!grid && rows * cols > 5_000_000) throw new SimOfficeError(ErrorCodes.rangeExceedsLimit, `${where}: the range has more than 5,000,000 cells`);
  for (let r = 0; r < rows; r++) {
    const row = grid ? grid[r] : null;
    for (let c = 0; c < cols; c++) fn(rect.r0 + r, rect.c0 + c, row ? row[c] : single);
  }
}

function headerNames(sheet: SheetModel, t: TableModel): string[] {
  const names: string[] = [];
  for (let c = t.rect.c0; c <= t.rect.c1; c++) {
    const v = sheet.value(t.rect.r0, c);
    names.push(v === undefined ? '' : String(v));
  }
  return names;
}

export interface TableModel {
  id: string;
  name: string;
  sheet: SheetModel;
  rect: Rect;
  style: string;
  showHeaders: boolean;
}

/** A workbook-scoped defined name ("Kohderyhmä" → "=Lista!$A$1:$A$10"). */
export interface NameModel {
  name: string;
  formula: string;
}

export interface PartModel {
  id: string;
  namespaceUri: string;
  xml: string;
}

export function namespaceOf(xml: string): string {
  const root = /<([A-Za-z_][\w.\-]*:)?[A-Za-z_][\w.\-]*(\s[^>]*)?\/?>/.exec(xml.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, ''));
  const attrs = root?.[2] ?? '';
  const prefix = root?.[1]?.slice(0, -1);
  const re = prefix ? new RegExp(`xmlns:${prefix}\\s*=\\s*["']([^"']*)["']`) : /xmlns\s*=\s*["']([^"']*)["']/;
  return re.exec(attrs)?.[1] ?? '';
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  parts: PartModel[] = [];
  names: NameModel[] = [];
  /** Pivot tables and charts by their source reference (see references.ts). */
  pivots: { name: string; sheet: string; source: string }[] = [];
  activeSheetId: string | null = null;
  private nextId = 1;

  newId(prefix: string): string {
    return `${prefix}${this.nextId++}`;
  }

  partId(): string {
    const n = (this.nextId++).toString(16).padStart(12, '0');
    return `{5A1C0DE0-0000-4000-8000-${n.toUpperCase()}}`;
  }

  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  checkSheetName(name: unknown, except?: SheetModel): string {
    const problem = sheetNameError(name);
    if (problem) throw invalidArgument(`sheet name '${String(name)}': ${problem}`);
    const existing = this.sheetByName(name as string);
    if (existing && existing !== except) throw itemAlreadyExists(`a sheet named '${existing.name}' exists`);
    return name as string;
  }

  addSheet(name?: string): SheetModel {
    let n = name;
    if (n === undefined || n === null) {
      let i = 1;
      while (this.sheetByName(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    this.checkSheetName(n);
    const sheet = new SheetModel(this.newId('ws'), n);
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    const visible = this.sheets.filter((s) => s.visibility === 'Visible');
    if (visible.length === 1 && visible[0] === sheet) throw invalidOperation('a workbook must contain at least one visible worksheet');
    const index = this.sheets.indexOf(sheet);
    sheetDeleted(this, sheet);
    this.sheets.splice(index, 1);
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    if (this.activeSheetId === sheet.id) {
      const next = this.sheets.slice(index).find((s) => s.visibility === 'Visible') ?? [...this.sheets].reverse().find((s) => s.visibility === 'Visible');
      this.activeSheetId = next?.id ?? null;
    }
  }

  setVisibility(sheet: SheetModel, visibility: unknown): void {
    if (visibility !== 'Visible' && visibility !== 'Hidden' && visibility !== 'VeryHidden') throw invalidArgument(`visibility '${String(visibility)}'`);
    if (visibility !== 'Visible') {
      const visible = this.sheets.filter((s) => s.visibility === 'Visible');
      if (visible.length === 1 && visible[0] === sheet) throw invalidOperation('a workbook must contain at least one visible worksheet');
    }
    sheet.visibility = visibility;
    if (visibility !== 'Visible' && this.activeSheetId === sheet.id) {
      this.activeSheetId = this.sheets.find((s) => s.visibility === 'Visible')?.id ?? null;
    }
  }

  moveSheet(sheet: SheetModel, position: unknown): void {
    if (typeof position !== 'number' || !Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw invalidArgument(`sheet position ${String(position)} (0–${this.sheets.length - 1})`);
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  activate(sheet: SheetModel): void {
    if (sheet.visibility !== 'Visible') throw invalidOperation(`sheet '${sheet.name}' is hidden and cannot be activated`);
    this.activeSheetId = sheet.id;
  }

  tableByName(name: string): TableModel | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower);
  }

  /** Table names share one namespace with defined names: unique among both, ignoring case. */
  checkTableName(name: unknown, except?: TableModel): string {
    const problem = tableNameError(name);
    if (problem) throw invalidArgument(`table name '${String(name)}': ${problem}`);
    const existing = this.tableByName(name as string);
    if (existing && existing !== except) throw itemAlreadyExists(`a table named '${existing.name}' exists`);
    const defined = this.nameByName(name as string);
    if (defined) throw itemAlreadyExists(`a defined name '${defined.name}' exists`);
    return name as string;
  }

  nameByName(name: string): NameModel | undefined {
    const lower = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === lower);
  }

  addName(name: unknown, formula: unknown): NameModel {
    const problem = tableNameError(name);
    if (problem) throw invalidArgument(`name '${String(name)}': ${problem.replace('a table name', 'a name')}`);
    if (this.nameByName(name as string) || this.tableByName(name as string)) throw itemAlreadyExists(`the name '${String(name)}' is taken`);
    if (typeof formula !== 'string' || formula === '') throw invalidArgument('a defined name needs a reference or formula');
    const model = { name: name as string, formula: formula.startsWith('=') ? formula : `=${formula}` };
    this.names.push(model);
    return model;
  }

  /**
   * Creates a table on `rect`. With headers, the first row becomes the header row: its cells are
   * turned into unique text ("Column1" for blanks, "Nimi2" for a second "Nimi"), as Excel does.
   * A header-only range grows by one empty body row (a table always has a body).
   */
  addTable(sheet: SheetModel, rect: Rect, hasHeaders: boolean): TableModel {
    if (!hasHeaders) throw new SimOfficeError(ErrorCodes.notImplemented, 'the simulator supports tables.add with hasHeaders = true only');
    for (const t of this.tables) {
      if (t.sheet === sheet && t.rect.r0 <= rect.r1 && rect.r0 <= t.rect.r1 && t.rect.c0 <= rect.c1 && rect.c0 <= t.rect.c1) {
        throw invalidOperation(`a table can't overlap another table (${t.name})`);
      }
    }
    const body = rect.r1 > rect.r0 ? rect : { ...rect, r1: rect.r0 + 1 };
    const seen = new Set<string>();
    for (let c = rect.c0; c <= rect.c1; c++) {
      const v = sheet.value(rect.r0, c);
      let header = v === undefined ? `Column${c - rect.c0 + 1}` : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
      const base = header;
      for (let i = 2; seen.has(header.toLowerCase()); i++) header = `${base}${i}`;
      seen.add(header.toLowerCase());
      sheet.setCell(rect.r0, c, header);
    }
    let i = 1;
    while (this.tableByName(`Table${i}`)) i++;
    const table: TableModel = { id: this.newId('tbl'), name: `Table${i}`, sheet, rect: body, style: 'TableStyleMedium2', showHeaders: true };
    this.tables.push(table);
    return table;
  }

  /**
   * Range.insert / Range.delete: cells of `rect` shift down/right (insert) or the cells after
   * them shift up/left (delete), in the band of columns (rows) that `rect` spans, to the sheet's
   * end. A table in the band moves with it; a table the insert or delete falls inside grows or
   * shrinks (rows inside its body, columns inside it over its full height), which keeps its name
   * and every reference to it. Shifting part of a table is refused, as Excel refuses it.
   * A1 references to the cells that move follow them, references to deleted cells become #REF!
   * (references.ts), and structured references to deleted table columns become #REF!.
   */
  shiftCells(sheet: SheetModel, rect: Rect, shift: 'Down' | 'Right' | 'Up' | 'Left'): void {
    const vertical = shift === 'Down' || shift === 'Up';
    const count = vertical ? rect.r1 - rect.r0 + 1 : rect.c1 - rect.c0 + 1;
    const inserting = shift === 'Down' || shift === 'Right';
    // Along the shift: a = first row (column) affected; across: the band [b0, b1].
    const a = vertical ? rect.r0 : rect.c0;
    const [b0, b1] = vertical ? [rect.c0, rect.c1] : [rect.r0, rect.r1];
    const along = (r: Rect) => (vertical ? [r.r0, r.r1] : [r.c0, r.c1]);
    const across = (r: Rect) => (vertical ? [r.c0, r.c1] : [r.r0, r.r1]);
    // Excel refuses to push non-empty cells off the end of the sheet (row 1,048,576, column
    // XFD): "can't insert new cells because it would push non-empty cells off the end".
    if (inserting) {
      const last = sheet.lastOccupied(vertical, a, b0, b1);
      if (last !== null && last + count > (vertical ? MAX_ROWS : MAX_COLUMNS) - 1) {
        throw invalidOperation(`this operation would push non-empty cells (${vertical ? 'row' : 'column'} ${last + 1}) off the end of the worksheet`);
      }
    }
    const changes: (() => void)[] = [];
    for (const t of this.tables.filter((x) => x.sheet === sheet)) {
      const [t0, t1] = along(t.rect);
      const [u0, u1] = across(t.rect);
      if (u1 < b0 || u0 > b1 || t1 < a) continue;
      const whole = b0 <= u0 && u1 <= b1;
      const inside = b0 === u0 && b1 === u1;
      // Cells inserted at a table's first column (not its header row) go inside it.
      const before = vertical ? t0 >= a : t0 > a || (!inserting && t0 >= a);
      if (before && whole && (inserting || t0 > a + count - 1)) {
        changes.push(() => (vertical ? ((t.rect.r0 += inserting ? count : -count), (t.rect.r1 += inserting ? count : -count)) : ((t.rect.c0 += inserting ? count : -count), (t.rect.c1 += inserting ? count : -count))));
        continue;
      }
      // Inside: rows after the header (insert may also go at the last row), columns after the first.
      const first = vertical ? t0 + 1 : t0;
      const lastEnd = a + count - 1;
      const fits = inserting ? a >= first && a <= t1 : a >= first && lastEnd <= t1 && (t1 - t0 + 1 - count) >= (vertical ? 2 : 1);
      if (!(inside && fits)) throw invalidOperation(`this operation would shift cells in the table ${t.name}`);
      changes.push(() => (vertical ? (t.rect.r1 += inserting ? count : -count) : (t.rect.c1 += inserting ? count : -count)));
      if (!vertical && !inserting) {
        const names: string[] = [];
        for (let c = a; c < a + count; c++) names.push(String(sheet.value(t.rect.r0, c) ?? ''));
        changes.push(() => tableColumnsDeleted(this, t.name, names));
      }
      if (!vertical && inserting) {
        changes.push(() => {
          const used = new Set<string>();
          for (let c = t.rect.c0; c <= t.rect.c1; c++) if (c < a || c >= a + count) used.add(String(sheet.value(t.rect.r0, c) ?? '').toLowerCase());
          for (let c = a, n = 1; c < a + count; c++) {
            while (used.has(`column${n}`)) n++;
            sheet.setCell(t.rect.r0, c, `Column${n}`);
            used.add(`column${n++}`);
          }
        });
      }
    }
    cellsShifted(this, sheet, { vertical, from: a, delta: count * (inserting ? 1 : -1), b0, b1 });
    sheet.shift(vertical, a, count * (inserting ? 1 : -1), b0, b1);
    for (const change of changes) change();
  }

  /**
   * TableColumnCollection.add: an empty column inside the table at `index` (cells of the
   * table's rows shift right, as Range.insert does), or after its last column (null): the cells
   * right of the table in its rows shift right and the table takes the column. Its header is
   * the first free "ColumnN".
   */
  addTableColumn(t: TableModel, index: number | null): void {
    const width = t.rect.c1 - t.rect.c0 + 1;
    if (index !== null && (!Number.isInteger(index) || index < 0 || index > width)) throw invalidArgument(`table column index ${String(index)} (0–${width})`);
    if (index !== null && index < width) {
      this.shiftCells(t.sheet, { r0: t.rect.r0, r1: t.rect.r1, c0: t.rect.c0 + index, c1: t.rect.c0 + index }, 'Right');
      return;
    }
    const at = t.rect.c1 + 1;
    if (at > 16_383) throw invalidOperation('the table is at the last column of the sheet');
    this.shiftCells(t.sheet, { r0: t.rect.r0, r1: t.rect.r1, c0: at, c1: at }, 'Right');
    const used = new Set(headerNames(t.sheet, t).map((h) => h.toLowerCase()));
    let n = 1;
    while (used.has(`column${n}`)) n++;
    t.rect.c1 = at;
    t.sheet.setCell(t.rect.r0, at, `Column${n}`);
  }

  /**
   * TableRowCollection.add: an empty row inside the body at `index` (the table's rows from there
   * shift down), or after the last row (null): the cells below the table in its columns shift
   * down and the table takes the row.
   */
  addTableRow(t: TableModel, index: number | null): void {
    const body = t.rect.r1 - t.rect.r0;
    if (index !== null && (!Number.isInteger(index) || index < 0 || index > body)) throw invalidArgument(`table row index ${String(index)} (0–${body})`);
    if (index !== null && index < body) {
      this.shiftCells(t.sheet, { r0: t.rect.r0 + 1 + index, r1: t.rect.r0 + 1 + index, c0: t.rect.c0, c1: t.rect.c1 }, 'Down');
      return;
    }
    const at = t.rect.r1 + 1;
    if (at > 1_048_575) throw invalidOperation('the table is at the last row of the sheet');
    this.shiftCells(t.sheet, { r0: at, r1: at, c0: t.rect.c0, c1: t.rect.c1 }, 'Down');
    t.rect.r1 = at;
  }

  /**
   * Runs a write to `rect` of `sheet`. A table's header cell that it changes renames that table
   * column, and Excel renames the column in every structured reference to it (Lista[Puhelin]
   * becomes Lista[Matkapuhelin]).
   */
  watchHeaders(sheet: SheetModel, rect: Rect, write: () => void): void {
    const headers = this.tables
      .filter((t) => t.sheet === sheet && rect.r0 <= t.rect.r0 && t.rect.r0 <= rect.r1 && rect.c0 <= t.rect.c1 && t.rect.c0 <= rect.c1)
      .map((t) => ({ t, names: headerNames(sheet, t) }));
    write();
    for (const { t, names } of headers) {
      const now = headerNames(sheet, t);
      names.forEach((name, i) => {
        if (now[i] !== name) tableColumnRenamed(this, t.name, name, now[i]);
      });
    }
  }

  addPart(xml: unknown): PartModel {
    if (typeof xml !== 'string' || XMLValidator.validate(xml) !== true) throw invalidArgument('custom XML part: the XML is not well-formed');
    const part = { id: this.partId(), namespaceUri: namespaceOf(xml), xml };
    this.parts.push(part);
    return part;
  }

  sheetAddress(sheet: SheetModel, rect: Rect): string {
    return fullAddress(sheet.name, rect);
  }

  /** Used by proxies to look a sheet up at execution time. */
  requireSheet(name: string): SheetModel {
    const sheet = this.sheetByName(name);
    if (!sheet) throw itemNotFound(`worksheet '${name}'`);
    return sheet;
  }
}
