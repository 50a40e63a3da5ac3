/**
 * What the Office.js adapter knows about Excel, as small pure functions (tested directly):
 * request sizes and row blocks, addresses, column widths in points, temporary sheet names, and
 * how a row-model value must be written so that Excel keeps it as data.
 */
import { safeCellValue, type TextRepairs } from '../../core/workbook/xmlText';
import { isTextType, type ColumnType } from '../../core/columns/catalogue';
import { toCell, type CellValue } from '../../core/workbook/cells';

/** Excel's rows per sheet. */
export const MAX_SHEET_ROWS = 1_048_576;
/** Excel on the web refuses a request or response over 5 MB. */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
/**
 * What one write request aims at: half the limit, so that the request's own envelope, JSON
 * escaping differences between hosts and a misjudged row never push a request over it, while
 * 100,000 × 20 realistic rows still go in about twenty round trips.
 */
export const TARGET_REQUEST_BYTES = 2_500_000;
/** Reads aim lower: a response is measured after the fact, and a failed read costs a retry. */
export const TARGET_RESPONSE_BYTES = 2_000_000;
/** Rows in the first read block, before bytes per row are known. */
export const FIRST_READ_ROWS = 500;

/** UTF-8 bytes of a string, without allocating. */
export function utf8Length(s: string): number {
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

/** Bytes a value takes in a request (Office.js sends JSON). */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? '');
}

/**
 * Bytes of one row of cells as JSON, counted without building the string (a 100,000-row write
 * measures every row): quotes, escapes and UTF-8 widths included, equal to jsonBytes(row).
 */
export function rowJsonBytes(row: readonly (string | number | boolean)[]): number {
  let n = 1 + Math.max(0, row.length - 1); // "[" and the commas; "]" below
  for (const cell of row) {
    if (typeof cell === 'string') {
      n += 2;
      for (let i = 0; i < cell.length; i++) {
        const c = cell.charCodeAt(i);
        if (c >= 0x20 && c < 0x7f) n += c === 0x22 || c === 0x5c ? 2 : 1;
        else if (c < 0x20) n += c === 0x08 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d ? 2 : 6;
        else if (c < 0x800) n += c === 0x7f ? 1 : 2;
        else if (c >= 0xd800 && c <= 0xdbff && (cell.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
          n += 4;
          i++;
        } else if (c >= 0xd800 && c <= 0xdfff)
          n += 6; // a lone surrogate is escaped as \uXXXX
        else n += 3;
      }
    } else n += String(cell).length;
  }
  return n + 1;
}

export interface CellBlock {
  /** Index of the block's first row in the rows written. */
  start: number;
  /** The block's rows as written to Excel (see excelCell). */
  cells: (string | number | boolean)[][];
  /** JSON bytes of `cells`. */
  bytes: number;
}

/**
 * Converts rows to Excel cells block by block: each block's JSON stays under `targetBytes`
 * (measured row by row, so one long row later in the list cannot push a request over the
 * limit) and at most `maxRows` rows. A row larger than the target gets a block of its own.
 * Lazy, so only one block of converted cells exists at a time.
 */
export function* cellBlocks(
  rows: readonly (readonly CellValue[])[],
  types: readonly ColumnType[],
  targetBytes = TARGET_REQUEST_BYTES,
  maxRows = 100_000,
  repairs?: TextRepairs,
): Generator<CellBlock> {
  // "[" and "]" plus one comma per row but the first: 1 + Σ(row + 1).
  let block: CellBlock = { start: 0, cells: [], bytes: 1 };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const cells = types.map((type, c) => excelCell(type, row[c], repairs));
    const b = rowJsonBytes(cells) + 1; // the comma between rows
    if (block.cells.length > 0 && (block.bytes + b > targetBytes || block.cells.length >= maxRows)) {
      yield block;
      block = { start: i, cells: [], bytes: 1 };
    }
    block.cells.push(cells);
    block.bytes += b;
  }
  if (block.cells.length > 0) yield block;
}

/** Rows per read block from bytes per row seen so far (with a margin for longer rows later). */
export function readBlockRows(bytesPerRow: number, targetBytes = TARGET_RESPONSE_BYTES): number {
  return Math.max(1, Math.floor(targetBytes / Math.max(1, bytesPerRow * 1.5)));
}

export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "A1:T100001" for a block starting at 0-based (row, column). */
export function rangeAddress(row: number, column: number, rowCount: number, columnCount: number): string {
  return `${columnLetter(column)}${row + 1}:${columnLetter(column + columnCount - 1)}${row + rowCount}`;
}

/**
 * Office.js sets column widths in points; the catalogue gives Excel's character units (the
 * width of "0" in the default font, 7 px at Calibri 11, plus 5 px padding; 96 px = 72 pt).
 */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * A name for a sheet being written: valid (≤ 31 characters, no forbidden characters), unique
 * ignoring case, and recognisable if it is ever left behind.
 */
export function tempSheetName(taken: Iterable<string>, seed: number): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  for (let i = 0; ; i++) {
    const name = `~rajaus-${(seed + i).toString(36)}`.slice(0, 31);
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/**
 * A row-model value as it goes into `Range.values`. Text-like columns carry the text format
 * ("@", set before the values), so their strings are stored as typed. In other columns a value
 * that is still a string after toCell (not a number or date) is untrusted text: Excel's quote
 * prefix "'" keeps "=…", "+…", "-…" or "00100" from becoming a formula or a number there.
 * Empty cells are written as "" ("" clears a cell, null would leave it unchanged).
 */
export function excelCell(type: ColumnType, value: CellValue | undefined, repairs?: TextRepairs): string | number | boolean {
  // XML-safe and at most 32,767 characters: what Excel cannot save must not go in (xmlText.ts).
  const cell = safeCellValue(toCell(type, value), repairs);
  if (cell === null) return '';
  if (typeof cell === 'string' && !isTextType(type)) return `'${cell}`;
  return cell;
}

/** Read back: Excel's "" for an empty cell is null in the row model. */
export function fromExcel(value: unknown): CellValue {
  if (value === '' || value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** An Office.js error's code ("ItemNotFound", "RequestPayloadSizeLimitExceeded"…), if any. */
export function officeErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Excel refuses every request while the user edits a cell or while another workbook has the
 * focus; nothing of the request runs. Such a request can be sent again once the user is done.
 */
export const BUSY_CODES: ReadonlySet<string> = new Set(['InvalidOperationInCellEditMode', 'InactiveWorkbook']);

export function isExcelBusy(error: unknown): boolean {
  return BUSY_CODES.has(officeErrorCode(error) ?? '');
}

/** Names of the sheets a step works in: `~rajaus-<id>` while written, `~rajaus-old-<n>` when set aside. */
export const LEFTOVER_SHEET = /^~rajaus-/;
export const ASIDE_SHEET = /^~rajaus-old-\d+$/;

/** A header row as Excel returns it, as text. */
export function headerTexts(values: unknown[][] | null | undefined): string[] {
  return (values?.[0] ?? []).map((v) => (v === null || v === undefined ? '' : String(v)));
}
