/**
 * The customer matching runs here, off the pane's thread, so the pane never freezes on a
 * 100,000-row list. In: the list sheet's rows and the customer table's rows in chunks,
 * then 'run' with the list sheet's headers, the customers' columns and the language; out: progress, the result's rows in chunks (resultChunks.ts), then the rest of the result (or an
 * error a person can read). Chunks, because cloning 100,000 rows in one message is itself a
 * freeze of a few hundred milliseconds on the pane's side. Cancelling terminates the worker.
 */
import { matchCustomers } from '../../app/removeCustomers';
import { UserError, userErrorData } from '../../core/errors';
import type { CellValue } from '../../core/workbook/cells';
import { listOf, type MatchMessage, type MatchResponse } from './matchClient';
import { resultChunks } from './resultChunks';

const ctx = self as unknown as { onmessage: ((e: MessageEvent<MatchMessage>) => void) | null; postMessage(m: MatchResponse): void };

const rows: { list: CellValue[][]; customers: CellValue[][] } = { list: [], customers: [] };

ctx.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'rows') {
    for (const r of m.rows) rows[m.table].push(r);
    return;
  }
  const { list, customers, lang } = m;
  try {
    const result = matchCustomers(
      listOf({ ...list, rows: rows.list }),
      { ...customers, rows: rows.customers },
      {
        lang,
        // The pane's mapping already shows and applies the guess (the user may have changed it).
        guessColumns: false,
        progress: (done, total) => ctx.postMessage({ type: 'progress', done, total }),
      },
    );
    const { rows: matched, ...rest } = result;
    // In chunks whose rows share their weights and comparisons: each message is cloned again
    // in one task of the pane's thread (resultChunks.ts).
    for (const rows of resultChunks(matched)) ctx.postMessage({ type: 'rows', rows });
    ctx.postMessage({ type: 'done', result: { ...rest, rows: [] } });
  } catch (err) {
    const data = err instanceof UserError ? userErrorData(err) : undefined;
    ctx.postMessage({ type: 'error', message: (err as Error).message, user: err instanceof UserError, data });
  }
};
