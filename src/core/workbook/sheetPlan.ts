/**
 * A sheet plan describes a sheet declaratively; the workbook adapters render it. Use cases
 * never touch Excel objects: they say "a table of these typed columns and rows, frozen header,
 * these widths" and the Office.js or ExcelJS adapter knows how.
 */
import { displayHeader, numberFormatOf, typeOf, widthOf, type ColumnType } from '../columns/catalogue';
import type { Lang } from '../i18n/lang';
import type { CellValue } from './cells';

export type SheetRole =
  | 'list' // a contact list (search results, or any list the user brings)
  | 'customers' // the user's own customer register (demo only; never written over in real use)
  | 'audit' // rows moved out of a list: removed customers, suppressed numbers, erased persons
  | 'review' // pairs waiting for a person's decision
  | 'filtered' // rows filtered out by building criteria
  | 'suppression' // a do-not-call or do-not-contact list
  | 'notes' // the privacy notes (a document, not a table)
  | 'export' // an export laid out for Save As CSV
  | 'labels'; // mailing labels for printing

export interface PlannedColumn {
  /** Catalogue key or `extra:<header>`; decides type and format. */
  key: string;
  header: string;
  type: ColumnType;
  /** Excel number format; "@" for every text-like type (phones, postal codes, ids). */
  numberFormat: string;
  width: number;
}

/** Styles a document sheet (the notes) uses per row. */
export type RowStyle = 'title' | 'section' | 'label' | 'normal' | 'note';

export interface SheetPlan {
  name: string;
  role: SheetRole;
  columns: PlannedColumn[];
  /** Row values in the row model (see cells.ts), one array per row, aligned with `columns`. */
  rows: CellValue[][];
  /**
   * For a list the step read and writes back: where each row was in it, as the index among the
   * rows the step read (readSheet's `rows`), or null for a row new to it. With it, an adapter
   * that keeps the table (Excel) deletes the rows that went and inserts the new ones at their
   * places, so that the user's references into the list follow their rows; without it the rows
   * are written from the top. The rows that stay must keep their order.
   */
  rowOrigins?: readonly (number | null)[];
  /**
   * Likewise for columns: which column of the list as the step read it (index among its
   * headers) each planned column is, or null for a new column. With it, Excel's adapter keeps
   * those columns, with their places, references and the headers they have when the step writes
   * (a column the user renamed meanwhile keeps the new name); without it, columns are matched by
   * header text.
   */
  columnOrigins?: readonly (number | null)[];
  /** 'table': header row + Excel table. 'document': free rows with styles, wrapped text. */
  layout: 'table' | 'document';
  /** Table name for layout 'table' (valid and unique: see makeTableName). */
  tableName?: string;
  freezeHeader: boolean;
  /** For layout 'document': one style per row. */
  rowStyles?: RowStyle[];
  print?: { orientation: 'portrait' | 'landscape'; repeatHeaderRow: boolean; fitToWidth: boolean };
  tabColor?: string;
}

export function plannedColumn(key: string, lang: Lang, header?: string): PlannedColumn {
  const type = typeOf(key);
  return { key, header: header ?? displayHeader(key, lang), type, numberFormat: numberFormatOf(type), width: widthOf(key) };
}

/** A list-like table as a sheet plan: header row, Excel table, frozen header, text formats. */
export function tablePlan(args: {
  name: string;
  role: SheetRole;
  keys: readonly string[];
  rows: CellValue[][];
  lang: Lang;
  tableName: string;
  /** Headers as the user wrote them, for their own columns; default from the catalogue. */
  headers?: readonly string[];
  tabColor?: string;
  /** Where each row was in the list the step read (see SheetPlan.rowOrigins). */
  rowOrigins?: readonly (number | null)[];
  /** Which column of the list the step read each column is (see SheetPlan.columnOrigins). */
  columnOrigins?: readonly (number | null)[];
}): SheetPlan {
  return {
    name: args.name,
    role: args.role,
    columns: args.keys.map((k, i) => plannedColumn(k, args.lang, args.headers?.[i])),
    rows: args.rows,
    layout: 'table',
    tableName: args.tableName,
    freezeHeader: true,
    print: { orientation: 'landscape', repeatHeaderRow: true, fitToWidth: true },
    tabColor: args.tabColor,
    ...(args.rowOrigins && { rowOrigins: args.rowOrigins }),
    ...(args.columnOrigins && { columnOrigins: args.columnOrigins }),
  };
}
