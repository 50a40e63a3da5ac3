/**
 * The customer register as step 2 reads it from a sheet or file, before the header mapping:
 * where its headers are (people put a title such as "Asiakasrekisteri 2026" above them), which
 * of its rows are customers, and how a column named like "Asiakas" is read on a consumer list.
 * Pure functions, so they are tested without a browser.
 */
import { mapHeaders, normalizeHeader } from '../../core/columns/headerMapping';
import { CATALOGUE } from '../../core/columns/catalogue';
import { isCustomerRow } from '../../core/list/customerRows';
import { MATCH_KEYS } from '../../core/matching/keys';
import type { CellValue } from '../../core/workbook/cells';

/** A sheet or file as read: its first row and the rows under it, and the first row's number. */
export interface RawGrid {
  name: string;
  /** All rows, the first one (row `firstRow`) included. */
  rows: CellValue[][];
  firstRow: number;
}

/** The grid with its headers on one row: the rows above are left out, the rows below are data. */
export interface CustomerGrid {
  name: string;
  headers: string[];
  rows: CellValue[][];
  /** The sheet row of rows[0]. */
  firstDataRow: number;
  /** The sheet row of the headers. */
  headerRow: number;
  /** Rows left out of the matching: blank rows and total rows ("Yhteensä"). */
  skipped: number;
}

/** How many rows from the top are looked at for the header row. */
export const HEADER_SEARCH_ROWS = 10;

const text = (v: CellValue | undefined) => (v === null || v === undefined ? '' : String(v));

/** How many of a row's cells are headers matching knows ("Y-tunnus", "Puh.", "Nimi"…). */
function knownHeaders(row: readonly CellValue[]): number {
  const headers = row.map(text);
  const { keys } = mapHeaders(headers);
  return keys.filter((k) => (MATCH_KEYS as readonly string[]).includes(k)).length;
}

/**
 * The index (0-based, in `rows`) of the row that looks most like a header row: the one with the
 * most known column names among the first rows; the first row when none has any.
 */
export function detectHeaderRow(rows: readonly CellValue[][]): number {
  let best = 0;
  let bestScore = 0;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, i) => {
    const score = knownHeaders(row);
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

/**
 * The grid read with its headers on `index` (0-based in raw.rows). Blank and total rows are
 * emptied rather than removed, so that every other row keeps its row number in reasons and in
 * the audit sheet; an empty row matches nothing, and the log does not count it.
 */
export function atHeaderRow(raw: RawGrid, index: number): CustomerGrid {
  const at = Math.max(0, Math.min(index, Math.max(0, raw.rows.length - 1)));
  const width = Math.max(0, ...raw.rows.map((r) => r.length));
  const headerCells = raw.rows[at] ?? [];
  const headers = Array.from({ length: width }, (_, i) => text(headerCells[i]).trim());
  // Columns with neither a header nor a value are Excel's padding, not the user's.
  while (headers.length && headers.at(-1) === '' && raw.rows.slice(at + 1).every((r) => text(r[headers.length - 1]) === '')) headers.pop();
  let skipped = 0;
  const rows = raw.rows.slice(at + 1).map((r) => {
    const row = headers.map((_, i) => r[i] ?? null);
    if (isCustomerRow(row)) return row;
    skipped++;
    return headers.map(() => null);
  });
  return { name: raw.name, headers, rows, firstDataRow: raw.firstRow + at + 1, headerRow: raw.firstRow + at, skipped };
}

/** The names a company-name column has when it is one for sure ("Yritys", "Company", "Företag"…). */
const COMPANY_HEADERS = new Set(
  (() => {
    const c = CATALOGUE.find((d) => d.key === 'companyName')!;
    return [c.key, c.headers.fi, c.headers.en, c.headers.sv, 'yrityksen nimi', 'company name', 'företagsnamn', 'toiminimi', 'firma'].map(
      normalizeHeader,
    );
  })(),
);

/**
 * Default mapping overrides for the list's kind. On a consumer list, the customers are people:
 * a column called "Asiakas" / "Customer" / "Kund" holds a person's name, not a company's, so it
 * is read as the full name. Columns that say "company" stay company names.
 */
export function kindOverrides(headers: readonly string[], listKind: 'b2b' | 'b2c' | undefined): Record<string, string> {
  if (listKind !== 'b2c') return {};
  const { keys } = mapHeaders(headers);
  const out: Record<string, string> = {};
  const hasFullName = keys.includes('fullName');
  headers.forEach((h, i) => {
    if (keys[i] === 'companyName' && !COMPANY_HEADERS.has(normalizeHeader(h))) out[h] = hasFullName ? '' : 'fullName';
  });
  return out;
}
