/**
 * A list in memory: columns by key (catalogue keys or the user's own `extra:` columns) and rows
 * of values in the row model. Every step reads a ListTable from a sheet or file, and writes one
 * back, carrying every input column through unchanged and in order.
 */
import { fromCell, type CellValue } from '../workbook/cells';
import { mapHeaders } from '../columns/headerMapping';
import { displayHeader, typeOf } from '../columns/catalogue';
import type { Lang } from '../i18n/lang';

export interface ListTable {
  keys: string[];
  /** Headers as the user sees them: catalogue headers, or the user's own as written. */
  headers: string[];
  rows: CellValue[][];
  /** Where the rows came from; row i of `rows` is row `firstDataRow + i` there. */
  origin: { name: string; firstDataRow: number };
}

/** Builds a ListTable from raw header and rows (a parsed CSV, an .xlsx sheet, a sheet read). */
export function listFromGrid(
  name: string,
  headers: readonly string[],
  rows: readonly CellValue[][],
  overrides: Record<string, string> = {},
  firstDataRow = 2,
): ListTable {
  const { keys, toRow } = rowMaker(name, headers, overrides);
  return { keys, headers: [...headers], rows: rows.map(toRow), origin: { name, firstDataRow } };
}

/**
 * The keys of a raw header, and what makes a row of the row model of raw cells (headers.length
 * cells, each by its column's type): listFromGrid one row at a time.
 */
export function rowMaker(
  name: string,
  headers: readonly string[],
  overrides: Record<string, string> = {},
): { keys: string[]; toRow: (raw: readonly CellValue[]) => CellValue[] } {
  const { keys } = mapHeaders(headers, overrides, name);
  const width = headers.length;
  // Each column's type once, not a catalogue lookup per cell (a 100,000-row file has a million).
  const types = keys.map(typeOf);
  const toRow = (r: readonly CellValue[]) => {
    const row = new Array<CellValue>(width);
    for (let c = 0; c < width; c++) row[c] = fromCell(types[c]!, r[c] ?? null);
    return row;
  };
  return { keys, toRow };
}

export function columnIndex(list: Pick<ListTable, 'keys'>, key: string): number {
  return list.keys.indexOf(key);
}

/** Value of `key` in a row as a trimmed string, or '' when absent. */
export function textAt(list: Pick<ListTable, 'keys'>, row: readonly CellValue[], key: string): string {
  const i = list.keys.indexOf(key);
  if (i < 0) return '';
  const v = row[i];
  return v === null || v === undefined ? '' : String(v).trim();
}

/** Returns a copy of the list with columns appended (or replaced when the key exists). */
export function withColumns(list: ListTable, added: { key: string; values: CellValue[] }[], lang: Lang): ListTable {
  const keys = [...list.keys];
  const headers = [...list.headers];
  const rows = list.rows.map((r) => [...r]);
  for (const col of added) {
    let idx = keys.indexOf(col.key);
    if (idx < 0) {
      idx = keys.length;
      keys.push(col.key);
      headers.push(displayHeader(col.key, lang));
    }
    for (let r = 0; r < rows.length; r++) rows[r]![idx] = col.values[r] ?? null;
  }
  return { ...list, keys, headers, rows };
}
