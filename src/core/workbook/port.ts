/**
 * The one seam to spreadsheets. Use cases read sheets and apply changes through this port;
 * the Office.js adapter (src/workbook/officejs) renders them in Excel, the ExcelJS adapter
 * (src/workbook/exceljs) into an .xlsx file. Tests run both: the first against the Excel
 * simulator (test/excel-simulator), the second against real files.
 */
import type { RunOptions } from '../progress';
import type { WorkbookState } from '../state/workbookState';
import type { CellValue } from './cells';
import type { SheetPlan } from './sheetPlan';

export interface SheetInfo {
  name: string;
  visible: boolean;
  /** Excel tables on the sheet. */
  tables: { name: string; rowCount: number }[];
  /** Rows and columns of the used range, header included. */
  rowCount: number;
  columnCount: number;
}

export interface SheetData {
  name: string;
  /** The header row (first row of the used range, or of the first table). */
  headers: string[];
  /** Data rows as raw cell values (dates as serials; see cells.ts fromCell). */
  rows: CellValue[][];
  /** Row number in the sheet of rows[0] (header row + 1). */
  firstDataRow: number;
}

export interface WorkbookChange {
  /** Sheets to create, or to replace when a sheet of that name exists (same tab position). */
  write?: SheetPlan[];
  /** Sheets to delete. */
  remove?: string[];
  /** New machine-readable state; written last. */
  state?: WorkbookState;
  /** Sheet to show when done. */
  activate?: string;
}

/** What cleanUpLeftovers found: sheet names removed, and sheets restored (by their names now). */
export interface LeftoverReport {
  removed: string[];
  restored: string[];
}

/** Something the adapter tells the user while it works, outside a step's progress bar. */
export interface WorkbookNotice {
  kind: 'info' | 'warning';
  text: string;
}

export interface WorkbookPort {
  listSheets(): Promise<SheetInfo[]>;
  /** Reads a sheet's table (or used range). `maxRows` limits a preview. */
  readSheet(name: string, opts?: RunOptions & { maxRows?: number }): Promise<SheetData>;
  /**
   * Applies a change so that the workbook is left as it was or consistently advanced: new
   * content is written under temporary names first and swapped in only when complete; on an
   * error or cancel the temporary sheets are removed and the error is rethrown.
   */
  apply(change: WorkbookChange, opts?: RunOptions): Promise<void>;
  readState(): Promise<WorkbookState | null>;
  /**
   * Excel only (a file written by the CLI is whole or not written): finds what an interrupted
   * step left behind (hidden `~rajaus-` sheets full of list rows) and removes or restores it.
   */
  cleanUpLeftovers?(opts?: RunOptions): Promise<LeftoverReport>;
  /** Excel only: notices for the user ("finish editing the cell"); returns an unsubscribe. */
  onNotice?(listener: (notice: WorkbookNotice) => void): () => void;
}
