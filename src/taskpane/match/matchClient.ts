/**
 * Runs customer matching in a Web Worker and gives back a promise; aborting the signal
 * terminates the worker. Where workers are missing (old hosts, tests) it runs in place.
 *
 * The tables go to the worker and the result's rows come back in chunks, each its own message
 * and task: at 100,000 rows one message each way held the pane's thread ~0.2 s and ~0.5 s. The
 * result's chunks share their rows' details (resultChunks.ts): a 10,000-row chunk of rows each
 * with its own copies was still a 60–140 ms task.
 */
import type { MatchedRow, MatchResult } from '../../app/removeCustomers';
import { CancelledError, reviveUserError, type UserErrorData } from '../../core/errors';
import type { Lang } from '../../core/i18n/lang';
import { listFromGrid, type ListTable } from '../../core/list/listTable';
import type { ProgressFn } from '../../core/progress';
import type { CellValue } from '../../core/workbook/cells';
import type { SheetData } from '../../core/workbook/port';

export interface MatchRequest {
  /**
   * The list as read from its sheet: its cells are made into the list's row model in the worker
   * (listFromGrid), not on the pane's thread, where converting 100,000 rows was one long task
   * and 100,000 arrays of garbage for the collector's pauses.
   */
  list: SheetData;
  customers: ListTable;
  lang: Lang;
}

/** Rows a message to the worker (result rows come back in resultChunks.ts's chunks). */
const ROWS_CHUNK = 5000;

export type MatchMessage =
  | { type: 'rows'; table: 'list' | 'customers'; rows: CellValue[][] }
  | { type: 'run'; list: Omit<SheetData, 'rows'>; customers: Omit<ListTable, 'rows'>; lang: Lang };

export type MatchResponse =
  | { type: 'progress'; done: number; total: number }
  | { type: 'rows'; rows: MatchedRow[] }
  | { type: 'done'; result: MatchResult }
  | { type: 'error'; message: string; user: boolean; data?: UserErrorData };

/** Posts a table's rows a chunk a task, so that the clones do not add up to one long task. */
async function postRows(worker: Worker, table: 'list' | 'customers', rows: readonly CellValue[][], signal?: AbortSignal): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_CHUNK) {
    if (signal?.aborted) return;
    worker.postMessage({ type: 'rows', table, rows: rows.slice(i, i + ROWS_CHUNK) } satisfies MatchMessage);
    await new Promise<void>((r) => setTimeout(r, 0));
  }
}

/** The list's table as matching reads it (the same in the worker and in place). */
export function listOf(sheet: SheetData): ListTable {
  return listFromGrid(sheet.name, sheet.headers, sheet.rows, {}, sheet.firstDataRow);
}

export function matchInWorker(req: MatchRequest, opts: { progress?: ProgressFn; signal?: AbortSignal } = {}): Promise<MatchResult> {
  if (typeof Worker === 'undefined') {
    return import(/* webpackChunkName: "match" */ '../../app/removeCustomers').then(({ matchCustomers }) =>
      matchCustomers(listOf(req.list), req.customers, {
        lang: req.lang,
        progress: opts.progress,
        signal: opts.signal,
        guessColumns: false,
      }),
    );
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../match/match.worker.ts', import.meta.url));
    const matched: MatchedRow[] = [];
    const stop = () => {
      worker.terminate();
      reject(new CancelledError());
    };
    if (opts.signal?.aborted) return stop();
    opts.signal?.addEventListener('abort', stop, { once: true });
    worker.onmessage = (e: MessageEvent<MatchResponse>) => {
      const m = e.data;
      if (m.type === 'progress') {
        opts.progress?.(m.done, m.total);
        return;
      }
      if (m.type === 'rows') {
        for (const r of m.rows) matched.push(r);
        return;
      }
      opts.signal?.removeEventListener('abort', stop);
      worker.terminate();
      if (m.type === 'done') resolve({ ...m.result, rows: matched });
      else reject(m.user ? reviveUserError(m.message, m.data) : new Error(m.message));
    };
    worker.onerror = (e) => {
      opts.signal?.removeEventListener('abort', stop);
      worker.terminate();
      reject(new Error(e.message || 'Matching failed'));
    };
    const { rows: listRows, ...list } = req.list;
    const { rows: customerRows, ...customers } = req.customers;
    void (async () => {
      await postRows(worker, 'list', listRows, opts.signal);
      await postRows(worker, 'customers', customerRows, opts.signal);
      if (!opts.signal?.aborted) worker.postMessage({ type: 'run', list, customers, lang: req.lang } satisfies MatchMessage);
    })();
  });
}
