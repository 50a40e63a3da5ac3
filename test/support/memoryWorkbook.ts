/**
 * A small in-memory WorkbookPort for use-case tests: sheets as plans, the state as JSON (so a
 * test sees exactly what a saved workbook would hold), and every apply() call recorded so that
 * tests can check a step wrote in one atomic change. Values are stored the way the adapters
 * store them (toCell) and read back through fromCell by the callers, like a real sheet.
 */
import { emptyState, parseState, type WorkbookState } from '../../src/core/state/workbookState';
import type { SheetData, SheetInfo, WorkbookChange, WorkbookPort } from '../../src/core/workbook/port';
import type { SheetPlan } from '../../src/core/workbook/sheetPlan';
import { toCell, type CellValue } from '../../src/core/workbook/cells';
import { tablePlan } from '../../src/core/workbook/sheetPlan';

export interface MemoryWorkbook extends WorkbookPort {
  /** Sheets in tab order. */
  sheets: SheetPlan[];
  /** Every change applied, in order. */
  applied: WorkbookChange[];
  stateJson: string | null;
  sheet(name: string): SheetPlan | undefined;
  /** Makes the next apply() fail (to test that nothing is half-written). */
  failNextApply(error?: Error): void;
}

export function memoryWorkbook(init: { sheets?: SheetPlan[]; state?: WorkbookState | null } = {}): MemoryWorkbook {
  let failure: Error | null = null;
  const find = (name: string) => wb.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const wb: MemoryWorkbook = {
    sheets: (init.sheets ?? []).map(stored),
    applied: [],
    stateJson: init.state ? JSON.stringify(init.state) : null,
    sheet: find,
    failNextApply(error = new Error('simulated failure')) {
      failure = error;
    },
    async listSheets(): Promise<SheetInfo[]> {
      return wb.sheets.map((s) => ({
        name: s.name,
        visible: true,
        tables: s.layout === 'table' && s.tableName ? [{ name: s.tableName, rowCount: s.rows.length }] : [],
        rowCount: s.rows.length + (s.layout === 'table' ? 1 : 0),
        columnCount: s.columns.length,
      }));
    },
    async readSheet(name: string, opts?: { maxRows?: number }): Promise<SheetData> {
      const s = find(name);
      if (!s) throw new Error(`No sheet named '${name}'`);
      const rows = s.rows.map((r) => [...r]);
      return {
        name: s.name,
        headers: s.columns.map((c) => c.header),
        rows: opts?.maxRows !== undefined ? rows.slice(0, opts.maxRows) : rows,
        firstDataRow: 2,
      };
    },
    async apply(change: WorkbookChange): Promise<void> {
      wb.applied.push(change);
      if (failure) {
        const e = failure;
        failure = null;
        throw e;
      }
      for (const plan of change.write ?? []) {
        const i = wb.sheets.findIndex((s) => s.name.toLowerCase() === plan.name.toLowerCase());
        if (i >= 0) wb.sheets[i] = stored(plan);
        else wb.sheets.push(stored(plan));
      }
      for (const name of change.remove ?? []) {
        wb.sheets = wb.sheets.filter((s) => s.name.toLowerCase() !== name.toLowerCase());
      }
      if (change.state) wb.stateJson = JSON.stringify(change.state);
    },
    async readState(): Promise<WorkbookState | null> {
      return wb.stateJson ? parseState(wb.stateJson) : null;
    },
  };
  return wb;
}

/** A copy of the plan with values as a cell holds them (dates as serials, phones as text). */
function stored(plan: SheetPlan): SheetPlan {
  return {
    ...plan,
    rows: plan.rows.map((r) => plan.columns.map((c, i) => (plan.layout === 'table' ? toCell(c.type, r[i] ?? null) : (r[i] ?? null)))),
  };
}

/** A list sheet as the search step (or the user) would leave it. */
export function listSheet(name: string, keys: string[], rows: CellValue[][], lang: 'fi' | 'en' | 'sv' = 'fi'): SheetPlan {
  return tablePlan({ name, role: 'list', keys, rows, lang, tableName: name.replace(/[^A-Za-z0-9_]/g, '_') || 'T' });
}

export { emptyState };
