/**
 * Cell-level semantics of the simulator: A1 addresses, Excel's name rules for sheets and
 * tables, and how a value written through `Range.values` / `Range.formulas` is coerced.
 *
 * Coercion choices (what Excel documents, and where it is silent, what Excel's own grid does):
 * - Input `null` leaves the cell unchanged; `""` clears it ("Blank and null values in Excel
 *   add-ins", Office docs).
 * - A single value or a 1×1 array is applied to every cell of the range (documented for
 *   `values`, `formulas` and `numberFormat`); any other shape must match the range exactly.
 * - Cell number format "@" (text): the string is stored exactly as given. No formula, no number,
 *   no boolean, apostrophes kept.
 * - Any other format: a string is parsed like typed input —
 *   - `=…` (longer than "=") becomes a formula;
 *   - a leading `'` is Excel's quote prefix: the rest is stored as text;
 *   - a number ("00100", "0401234567", "1e5", "-5", ".5") becomes a number: leading zeros are lost;
 *   - `+` followed by anything becomes the formula `=+…` (Excel's Lotus-style entry: the
 *     documentation of `Range.values` says a value starting with + or - is interpreted as a
 *     formula); "+358401234567" therefore ends up as the number 358401234567;
 *   - `-` followed by something that is not a number becomes the formula `=-…`;
 *   - "TRUE"/"FALSE" (any case) become booleans;
 *   - "12%" becomes 0.12 (format "0%" if the cell was General);
 *   - an ISO date "yyyy-mm-dd" becomes a date serial (format "yyyy-mm-dd" if General) — the docs
 *     say locale-shaped dates ("19-8-2025") stay text and ISO dates become dates.
 *   Comma decimals and thousands separators are locale-dependent; the simulator keeps them text.
 * - The simulator does not calculate. A formula's value is its literal (=+5 → 5, ="a" → "a",
 *   =TRUE → true) and "#NAME?" otherwise, which is enough to tell a formula from text.
 */
import { invalidArgument } from './errors';

export type Scalar = string | number | boolean;

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
export const MAX_CELL_TEXT = 32_767;
export const GENERAL = 'General';
export const TEXT_FORMAT = '@';

/** A rectangle of cells, 0-based, inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export const rectRows = (r: Rect) => r.r1 - r.r0 + 1;
export const rectCols = (r: Rect) => r.c1 - r.c0 + 1;

export function columnLetters(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Sheet name as Excel writes it in an address: quoted when it is not a plain identifier. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function rectAddress(rect: Rect): string {
  const a = `${columnLetters(rect.c0)}${rect.r0 + 1}`;
  const b = `${columnLetters(rect.c1)}${rect.r1 + 1}`;
  return a === b ? a : `${a}:${b}`;
}

export function fullAddress(sheetName: string, rect: Rect): string {
  return `${quoteSheetName(sheetName)}!${rectAddress(rect)}`;
}

/**
 * Parses "A1", "A1:T100001", "A:C", "3:5", "Sheet1!A1:B2", "'My sheet'!A1". Returns the sheet
 * name if the address has one.
 */
export function parseAddress(address: string): { sheet?: string; rect: Rect } {
  let rest = address.trim();
  let sheet: string | undefined;
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    sheet = rest.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    rest = rest.slice(bang + 1);
  }
  const parts = rest.replace(/\$/g, '').split(':');
  if (parts.length > 2 || parts[0] === '') throw invalidArgument(`address '${address}'`);
  const ends = parts.map((p) => {
    let m = /^([A-Za-z]{1,3})(\d+)$/.exec(p);
    if (m) return { r: Number(m[2]) - 1, c: columnIndex(m[1]) };
    m = /^([A-Za-z]{1,3})$/.exec(p);
    if (m) return { r: null, c: columnIndex(m[1]) };
    m = /^(\d+)$/.exec(p);
    if (m) return { r: Number(m[1]) - 1, c: null };
    throw invalidArgument(`address '${address}'`);
  });
  const a = ends[0];
  const b = ends[1] ?? a;
  if ((a.r === null) !== (b.r === null) || (a.c === null) !== (b.c === null)) throw invalidArgument(`address '${address}'`);
  const rect: Rect = {
    r0: Math.min(a.r ?? 0, b.r ?? 0),
    r1: a.r === null ? MAX_ROWS - 1 : Math.max(a.r, b.r ?? a.r),
    c0: Math.min(a.c ?? 0, b.c ?? 0),
    c1: a.c === null ? MAX_COLUMNS - 1 : Math.max(a.c, b.c ?? a.c),
  };
  checkRect(rect, address);
  return { sheet, rect };
}

export function checkRect(rect: Rect, what: string): void {
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLUMNS || rect.r1 < rect.r0 || rect.c1 < rect.c0) {
    throw invalidArgument(`range ${what} is outside the sheet (max ${MAX_ROWS} rows, ${MAX_COLUMNS} columns)`);
  }
}

/** Excel's worksheet name rules; returns why a name is refused, or null. */
export function sheetNameError(name: unknown): string | null {
  if (typeof name !== 'string' || name.length === 0) return 'a sheet name cannot be empty';
  if (name.length > 31) return 'a sheet name is at most 31 characters';
  if (/[\/\\?*:\[\]]/.test(name)) return 'a sheet name cannot contain / \\ ? * : [ ]';
  if (name.startsWith("'") || name.endsWith("'")) return "a sheet name cannot begin or end with an apostrophe";
  if (name.toLowerCase() === 'history') return '"History" is a reserved sheet name';
  return null;
}

/**
 * Excel's grammar for names (tables share it with defined names; "Names in formulas", Office
 * support): starts with a letter, "_" or "\", then letters, digits, "_" or "."; at most 255
 * characters; not "C", "c", "R" or "r"; not TRUE or FALSE; not a cell reference in A1 style
 * ("A1", "XFD1048576") or R1C1 style ("R1C1", "RC", "R2", "C10"). Excel also refuses a name that
 * merely *begins* like an R1C1 reference when a non-letter follows ("R2_kampanja",
 * "C1_asiakkaat", "RC.x") and one that begins like an A1 reference followed by "_" or "."
 * ("A1_x"), because the formula parser reads the reference first. Uniqueness (against tables
 * and defined names) is the model's check.
 */
export function tableNameError(name: unknown): string | null {
  if (typeof name !== 'string' || name.length === 0) return 'a table name cannot be empty';
  if (name.length > 255) return 'a table name is at most 255 characters';
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) return 'a table name starts with a letter or _ and holds only letters, digits, _ and .';
  if (/^[RrCc]$/.test(name)) return `"${name}" is reserved`;
  if (/^(true|false)$/i.test(name)) return `"${name}" is a logical value`;
  if (readsAsReference(name)) return 'a table name cannot begin like a cell reference (A1 or R1C1 style)';
  return null;
}

/** True when a name is, or begins with, something Excel's formula parser reads as a reference. */
function readsAsReference(name: string): boolean {
  // R1C1 style: R, R2, C, C1, RC, R1C1 — alone or followed by anything but a letter.
  if (/^[Rr]\d*(?:[Cc]\d*)?(?![\p{L}\p{N}])/u.test(name)) return true;
  if (/^[Cc]\d*(?![\p{L}\p{N}])/u.test(name)) return true;
  // A1 style: 1–3 column letters up to XFD and a row number, alone or followed by "_" or ".".
  const m = /^([A-Za-z]{1,3})(\d+)(?=$|[_.])/.exec(name);
  if (m && columnIndex(m[1]) < MAX_COLUMNS && Number(m[2]) >= 1 && Number(m[2]) <= MAX_ROWS) return true;
  return false;
}

export interface StoredCell {
  value: Scalar | undefined; // undefined: empty
  formula?: string;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export function isoToSerial(s: string): number | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(t);
  if (d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return null;
  return Math.round((t - EXCEL_EPOCH) / 86_400_000);
}

function serialToIso(n: number): string {
  return new Date(EXCEL_EPOCH + Math.floor(n) * 86_400_000).toISOString().slice(0, 10);
}

/** The literal value of a formula, or "#NAME?" (the simulator does not calculate). */
export function formulaValue(formula: string): Scalar {
  const body = formula.slice(1).trim();
  const unsigned = body.replace(/^\+/, '');
  if (NUMBER.test(unsigned)) return Number(unsigned);
  const str = /^"((?:[^"]|"")*)"$/.exec(body);
  if (str) return str[1].replace(/""/g, '"');
  if (/^(TRUE|FALSE)$/i.test(body)) return body.toUpperCase() === 'TRUE';
  return '#NAME?';
}

/** "Sheet1!B7" for messages; built only for an error, since a big write coerces millions of cells. */
function cellRef(sheet: string, row: number, column: number): string {
  return `${sheet}${columnLetters(column)}${row + 1}`;
}

export interface Coerced {
  cell: StoredCell;
  /** A number format Excel applies by itself when the cell was General (dates, percent). */
  autoFormat?: string;
}

/**
 * What Excel stores when `input` is written into a cell whose number format is `format`.
 * Returns null for "leave unchanged" (input null/undefined).
 */
export function coerce(input: unknown, format: string, sheet = '', row = 0, column = 0): Coerced | null {
  if (input === null || input === undefined) return null;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw invalidArgument(`${cellRef(sheet, row, column)}: ${input} is not a number Excel can hold`);
    return { cell: { value: input } };
  }
  if (typeof input === 'boolean') return { cell: { value: input } };
  if (typeof input !== 'string') throw invalidArgument(`${cellRef(sheet, row, column)}: a cell value must be a string, number or boolean`);
  if (input.length > MAX_CELL_TEXT) throw invalidArgument(`${cellRef(sheet, row, column)}: text longer than ${MAX_CELL_TEXT} characters`);
  if (input === '') return { cell: { value: undefined } };
  if (format === TEXT_FORMAT) return { cell: { value: input } };
  if (input.startsWith("'")) return { cell: { value: input.slice(1) || undefined } };
  if (input.startsWith('=') && input.length > 1) return { cell: { value: formulaValue(input), formula: input } };
  const trimmed = input.trim();
  if (trimmed.startsWith('+') && trimmed.length > 1) {
    const formula = `=${trimmed}`;
    return { cell: { value: formulaValue(formula), formula } };
  }
  if (NUMBER.test(trimmed)) return { cell: { value: Number(trimmed) } };
  if (trimmed.startsWith('-') && trimmed.length > 1) return { cell: { value: '#NAME?', formula: `=${trimmed}` } };
  if (/^(true|false)$/i.test(trimmed)) return { cell: { value: trimmed.toLowerCase() === 'true' } };
  const pct = /^([+-]?(\d+\.?\d*|\.\d+))%$/.exec(trimmed);
  if (pct) return { cell: { value: Number(pct[1]) / 100 }, autoFormat: format === GENERAL ? '0%' : undefined };
  const serial = isoToSerial(trimmed);
  if (serial !== null) return { cell: { value: serial }, autoFormat: format === GENERAL ? 'yyyy-mm-dd' : undefined };
  return { cell: { value: input } };
}

/** The displayed text of a cell (Range.text) for the formats the adapters use. */
export function displayText(value: Scalar | undefined, format: string): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  switch (format) {
    case TEXT_FORMAT:
      return String(value);
    case '0':
      return String(Math.round(value));
    case '0.00':
      return value.toFixed(2);
    case '0%':
      return `${Math.round(value * 100)}%`;
    case '0 %':
      return `${Math.round(value * 100)} %`;
    case 'yyyy-mm-dd':
      return serialToIso(value);
    default: {
      // General shows at most 11 characters; longer numbers switch to scientific notation,
      // which is how a phone number typed into a General cell ends up as "3.58401E+11".
      const s = String(value);
      if (s.length <= 11) return s;
      const [mant, exp] = value.toExponential(5).split('e');
      const e = Number(exp);
      return `${mant.replace(/\.?0+$/, '')}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
    }
  }
}

/** UTF-8 byte length without allocating (used for every request's payload). */
export function utf8Bytes(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}
