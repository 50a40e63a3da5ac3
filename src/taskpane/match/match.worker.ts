/**
 * The customer matching runs here, off the pane's thread, so the pane never freezes on a
 * 100,000-row list. In: both tables and the language; out: progress, then the result (or an
 * error a person can read). Cancelling terminates the worker.
 */
import { matchCustomers } from '../../app/removeCustomers';
import { UserError } from '../../core/errors';
import type { MatchRequest, MatchResponse } from './matchClient';

const ctx = self as unknown as { onmessage: ((e: MessageEvent<MatchRequest>) => void) | null; postMessage(m: MatchResponse): void };

ctx.onmessage = (e) => {
  const { list, customers, lang } = e.data;
  try {
    const result = matchCustomers(list, customers, {
      lang,
      // The pane's mapping already shows and applies the guess (the user may have changed it).
      guessColumns: false,
      progress: (done, total) => ctx.postMessage({ type: 'progress', done, total }),
    });
    ctx.postMessage({ type: 'done', result });
  } catch (err) {
    ctx.postMessage({ type: 'error', message: (err as Error).message, user: err instanceof UserError });
  }
};
