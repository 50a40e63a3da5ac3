/**
 * The one CSV writer of the product. Every CSV Rajaus writes (exports, match and building
 * outputs) goes through `toCsv`, so quoting and formula neutralization live in one place.
 *
 * Quoting follows RFC 4180: a field holding the delimiter, a double quote, CR or LF is
 * enclosed in double quotes and its quotes doubled.
 *
 * Formula neutralization follows OWASP's "CSV Injection" guidance: a text cell that begins
 * with `=`, `+`, `-`, `@`, tab (0x09) or carriage return (0x0D) is prefixed with a single
 * quote (`'`) and the field is enclosed in double quotes, so that Excel, LibreOffice and
 * Google Sheets show it as text instead of running it (`=HYPERLINK(…)`, `=cmd|'/c calc'!A1`).
 * OWASP also warns that separators and quotes inside a value can start a new cell; RFC 4180
 * quoting above closes that door, because a quoted field never ends early. We add NUL (0x00) to
 * the prefixed characters, as ASVS 1.2.10 lists it. Numbers are never prefixed (a JS number
 * cannot be a formula, and `-12.5` must stay a number). The one exception is E.164 phone
 * numbers (`+358401234567`) in phone columns: dialers match them by exact string, and a plus
 * followed by digits only is not a formula that can do harm.
 */
import type { ListTable } from '../list/listTable';
import { typeOf } from '../columns/catalogue';
import type { CellValue } from '../workbook/cells';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvOptions {
  delimiter: CsvDelimiter;
  /** UTF-8 byte order mark: Excel reads a CSV as UTF-8 only when it starts with one. */
  bom: boolean;
  eol: '\r\n' | '\n';
  neutralizeFormulas: boolean;
  /** Column indexes whose E.164 values are exempt from neutralization. */
  phoneColumns?: ReadonlySet<number>;
  /** Write numbers with a decimal comma (Finnish Excel, which also uses `;`). Default false. */
  decimalComma?: boolean;
}

export const BOM = '\uFEFF';

/** Characters that make a spreadsheet treat a cell as a formula (OWASP), plus NUL (ASVS). */
const FORMULA_START = /^[=+\-@\t\r\0]/;
const E164 = /^\+\d{7,15}$/;

/** True when a spreadsheet could run this text as a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The text of one neutralized cell: `=SUM(A1)` → `'=SUM(A1)`. */
export function neutralizeFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

function numberText(n: number, decimalComma: boolean): string {
  if (!Number.isFinite(n)) return '';
  const s = String(n);
  return decimalComma ? s.replace('.', ',') : s;
}

/** One field, quoted and neutralized as needed. */
export function csvField(value: CellValue | undefined, opts: CsvOptions, isPhoneColumn = false): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value, opts.decimalComma ?? false);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = value;
  let mustQuote = false;
  if (opts.neutralizeFormulas && text.length > 0 && startsFormula(text.charCodeAt(0)) && !(isPhoneColumn && E164.test(text))) {
    text = `'${text}`;
    mustQuote = true;
  }
  const quote = MUST_QUOTE[opts.delimiter];
  if (mustQuote || (quote ? quote.test(text) : text.includes(opts.delimiter) || /["\r\n]/.test(text))) {
    return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

/** The delimiter, a double quote, CR or LF: one test a field (a list has millions of fields). */
const MUST_QUOTE: Record<CsvDelimiter, RegExp> = { ',': /[",\r\n]/, ';': /[";\r\n]/, '\t': /["\t\r\n]/ };

/** FORMULA_START by character code: = + - @ tab CR NUL. */
function startsFormula(c: number): boolean {
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 || c === 0;
}

const fields: string[] = [];

/** One record (without the line ending). */
export function csvLine(values: readonly (CellValue | undefined)[], opts: CsvOptions): string {
  // One join of its fields: a line built with += is a tree of small strings, which on 100,000
  // rows costs more in memory and collection than the text itself.
  const phones = opts.phoneColumns;
  fields.length = values.length;
  for (let i = 0; i < values.length; i++) fields[i] = csvField(values[i], opts, phones?.has(i) ?? false);
  return fields.join(opts.delimiter);
}

/**
 * csvLine of a row read from a CSV record `line`, whose fields, split by `lineDelimiter`, are the
 * row's values ('' for an empty cell) and which holds no double quote (parseTabular's CsvSource):
 * the line itself when writing the row again would change nothing, else csvLine. Nothing to
 * quote is left in such a line when the delimiters agree (a field holds no delimiter, quote or
 * line end); only a text starting like a formula would change, and numbers (never read from a
 * CSV) would be written by their own rule.
 */
export function csvLineOf(values: readonly (CellValue | undefined)[], opts: CsvOptions, line: string | undefined, lineDelimiter: string): string {
  if (line === undefined || lineDelimiter !== opts.delimiter) return csvLine(values, opts);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'string') return csvLine(values, opts);
    // A phone column's E.164 number ("+358…") is written as it is (csvField).
    if (opts.neutralizeFormulas && v.length > 0 && startsFormula(v.charCodeAt(0)) && !(opts.phoneColumns?.has(i) && E164.test(v))) {
      return csvLine(values, opts);
    }
  }
  return line;
}

/** A whole CSV: optional BOM, header row, rows; every record ends with `eol`. */
export function toCsv(headers: string[], rows: CellValue[][], opts: CsvOptions): string {
  return csvOfRecords(headers, csvRecords(rows, opts), opts);
}

/**
 * The records of rows, each without its line ending: toCsv's, for a writer that sorts them into
 * files afterwards (rajaus match writes every list row to one of three).
 */
export function csvRecords(rows: readonly CellValue[][], opts: CsvOptions): string[] {
  return rows.map((row) => csvLine(row, opts));
}

/** A whole CSV of a header row and records made by csvRecords. */
export function csvOfRecords(headers: readonly string[], records: readonly string[], opts: CsvOptions): string {
  // Headers are neutralized too, but never as phone values.
  const headerOpts: CsvOptions = { ...opts, phoneColumns: undefined };
  const parts: string[] = [opts.bom ? BOM : '', csvLine(headers, headerOpts), opts.eol];
  for (const record of records) parts.push(record, opts.eol);
  return parts.join('');
}

/** Indexes of the list's phone-typed columns. */
export function phoneColumnsOf(keys: readonly string[]): Set<number> {
  const s = new Set<number>();
  keys.forEach((k, i) => {
    if (typeOf(k) === 'phone') s.add(i);
  });
  return s;
}

/** A ListTable as CSV with its headers as the user sees them; phone columns from the catalogue. */
export function listToCsv(list: Pick<ListTable, 'keys' | 'headers' | 'rows'>, opts: Omit<CsvOptions, 'phoneColumns'>): string {
  return toCsv(list.headers, list.rows, { ...opts, phoneColumns: phoneColumnsOf(list.keys) });
}

/** UTF-8 bytes of a CSV string (the BOM, if any, is part of the string). */
export function csvBytes(csv: string): Uint8Array {
  return new TextEncoder().encode(csv);
}
