/**
 * A list in memory: columns by key (catalogue keys or the user's own `extra:` columns) and rows
 * of values in the row model. Every step reads a ListTable from a sheet or file, and writes one
 * back, carrying every input column through unchanged and in order.
 */
import { fromCell, type CellValue } from '../workbook/cells';
import { distinctOwnNames, mapHeaders } from '../columns/headerMapping';
import { displayHeader, extraKey, isExtraKey, typeOf } from '../columns/catalogue';
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
 * listFromGrid for a sheet Rajaus wrote from `like` (an audit sheet it appends to): a column
 * whose header `like` has takes `like`'s key, so Rajaus's "Siirretty (2)" is read as the date it
 * is and the user's "Siirretty" stays the user's; other columns map as usual.
 */
export function listFromGridAs(
  name: string,
  headers: readonly string[],
  rows: readonly CellValue[][],
  like: Pick<ListTable, 'keys' | 'headers'>,
  firstDataRow = 2,
): ListTable {
  const present = new Set(headers.map((h) => h.trim().toLowerCase()));
  const overrides: Record<string, string> = {};
  like.headers.forEach((h, i) => {
    const k = like.keys[i]!;
    if (present.has(h.trim().toLowerCase())) overrides[h] = isExtraKey(k) ? '' : k;
  });
  return listFromGrid(name, headers, rows, overrides, firstDataRow);
}

/**
 * The keys of a raw header, and what makes a row of the row model of raw cells (headers.length
 * cells, each by its column's type): listFromGrid one row at a time.
 */
export function rowMaker(
  name: string,
  headers: readonly string[],
  overrides: Record<string, string> = {},
): { keys: string[]; toRow: (raw: readonly CellValue[]) => CellValue[]; intoRow: (raw: CellValue[]) => CellValue[] } {
  const { keys } = mapHeaders(headers, overrides, name);
  const width = headers.length;
  // Each column's type once, not a catalogue lookup per cell (a 100,000-row file has a million).
  const types = keys.map(typeOf);
  /**
   * A row made in the raw array itself, for a reader whose raw record is used for nothing else
   * (a CSV reader's fresh record): one array a row instead of two.
   */
  const intoRow = (r: CellValue[]) => {
    if (r.length !== width) r.length = width;
    for (let c = 0; c < width; c++) r[c] = fromCell(types[c]!, r[c] ?? null);
    return r;
  };
  const toRow = (r: readonly CellValue[]) => intoRow(r.slice(0, width));
  return { keys, toRow, intoRow };
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

/**
 * The name a column Rajaus adds gets when the list already has a column of that name:
 * "Rakennusvuosi" → "Rakennusvuosi (2)", "(3)"… The same rule as repeated headers
 * (distinctOwnNames), so one rule names every second column, whoever made it.
 */
export function distinctHeader(wanted: string, headers: readonly string[]): string {
  const taken = new Set(headers.map((h) => h.trim().toLowerCase()));
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted} (${n})`;
  return name;
}

/**
 * Returns a copy of the list with columns appended. `ours` names the columns (key → index)
 * that Rajaus itself added on an earlier run: those are replaced. Any other column is the
 * user's and is never overwritten: a user's column that holds the key or the name of an added
 * column keeps its values and header as the user's own column (an `extra:` key), and the
 * added column gets a distinct name ("Rakennusvuosi (2)").
 */
export function withColumns(
  list: ListTable,
  added: { key: string; values: CellValue[] }[],
  lang: Lang,
  ours: ReadonlyMap<string, number> = new Map(),
): ListTable {
  const keys = [...list.keys];
  const headers = [...list.headers];
  const rows = list.rows.map((r) => [...r]);
  const ownNames = distinctOwnNames(headers);
  for (const col of added) {
    let idx = ours.get(col.key) ?? -1;
    const users = keys.indexOf(col.key);
    // The user's column gives up the key (so later steps read Rajaus's values by it), not its values.
    if (users >= 0 && users !== idx) keys[users] = extraKey(ownNames[users]!);
    if (idx < 0) {
      idx = keys.length;
      keys.push(col.key);
      headers.push(distinctHeader(displayHeader(col.key, lang), headers));
    } else keys[idx] = col.key; // read back as "Rakennusvuosi (2)", it is Rajaus's column again

    for (let r = 0; r < rows.length; r++) rows[r]![idx] = col.values[r] ?? null;
  }
  return { ...list, keys, headers, rows };
}

/**
 * Rows of one table laid out in another's columns: a column is found by its header as written
 * (so "Siirretty" and Rajaus's "Siirretty (2)" stay apart), else by its catalogue key (a header
 * in another language); a column found in neither is empty.
 */
export function alignRows(from: Pick<ListTable, 'keys' | 'headers' | 'rows'>, to: Pick<ListTable, 'keys' | 'headers'>): CellValue[][] {
  const byHeader = new Map<string, number>();
  from.headers.forEach((h, i) => {
    const n = h.trim().toLowerCase();
    if (!byHeader.has(n)) byHeader.set(n, i);
  });
  const at = to.keys.map((k, i) => {
    const h = byHeader.get((to.headers[i] ?? '').trim().toLowerCase());
    if (h !== undefined) return h;
    return isExtraKey(k) ? -1 : from.keys.indexOf(k);
  });
  return from.rows.map((r) => at.map((i) => (i >= 0 ? (r[i] ?? null) : null)));
}
