/**
 * What the harness draws: the simulator's snapshot (test/excel-simulator) as sheets of cells.
 * The only place that knows the snapshot's shape, so a change there is one change here.
 */
import type { SheetSnapshot, WorkbookSnapshot } from '../excel-simulator';

export type Scalar = string | number | boolean | null | undefined;

export interface CellView {
  value: Scalar;
  formula?: string;
  format?: string;
  style?: { bold?: boolean; italic?: boolean; fill?: string; fontColor?: string; wrapText?: boolean };
}

export interface TableView {
  name: string;
  /** 0-based inclusive rectangle, header row included. */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  showHeaders: boolean;
}

export interface SheetView {
  name: string;
  visible: boolean;
  tabColor?: string;
  frozenRows: number;
  frozenColumns: number;
  /** Rows and columns from A1 to the used range's corner. */
  rowCount: number;
  columnCount: number;
  cell(r: number, c: number): CellView | undefined;
  /** Width in pixels, when the sheet sets one. */
  columnWidthPx(c: number): number | undefined;
  tables: TableView[];
}

export interface WorkbookView {
  sheets: SheetView[];
  activeSheet: string | undefined;
}

export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "B2:D40" or "Sheet1!B2:D40" → 0-based rectangle. */
export function parseRange(address: string): { r0: number; c0: number; r1: number; c1: number } | null {
  const m = /(?:^|!)\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(address.trim());
  if (!m) return null;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r0 = Number(m[2]) - 1;
  const c0 = col(m[1]);
  return { r0, c0, r1: m[4] ? Number(m[4]) - 1 : r0, c1: m[3] ? col(m[3]) : c0 };
}

function sheetView(s: SheetSnapshot): SheetView {
  const columnCount = s.values.reduce((n, row) => Math.max(n, row.length), 0);
  return {
    name: s.name,
    visible: s.visibility === 'Visible',
    tabColor: s.tabColor || undefined,
    frozenRows: s.frozenRows,
    frozenColumns: s.frozenColumns,
    // The used range's last row: the snapshot may hold only the first rows' cells.
    rowCount: s.usedRange ? Math.max(s.values.length, Number(/(\d+)$/.exec(s.usedRange)?.[1] ?? 0)) : s.values.length,
    columnCount,
    cell(r, c) {
      const address = `${columnLetters(c)}${r + 1}`;
      const value = s.values[r]?.[c];
      const format = s.numberFormats[r]?.[c];
      const formula = s.formulas[address];
      const style = s.styles[address];
      if ((value === undefined || value === '') && !formula && !style && (!format || format === 'General')) return undefined;
      return { value: value === '' ? null : value, format: format && format !== 'General' ? format : undefined, formula, style };
    },
    columnWidthPx(c) {
      const points = s.columnWidths[columnLetters(c)];
      return typeof points === 'number' ? Math.round((points * 96) / 72) : undefined;
    },
    tables: s.tables.flatMap((t) => {
      const rect = parseRange(t.range);
      return rect ? [{ name: t.name, ...rect, showHeaders: true }] : [];
    }),
  };
}

export function toView(snapshot: WorkbookSnapshot): WorkbookView {
  return { sheets: snapshot.sheets.map(sheetView), activeSheet: snapshot.activeSheet ?? undefined };
}
