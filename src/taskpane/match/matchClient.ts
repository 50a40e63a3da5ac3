/**
 * Runs customer matching in a Web Worker and gives back a promise; aborting the signal
 * terminates the worker. Where workers are missing (old hosts, tests) it runs in place.
 */
import type { MatchResult } from '../../app/removeCustomers';
import { CancelledError, UserError } from '../../core/errors';
import type { Lang } from '../../core/i18n/lang';
import type { ListTable } from '../../core/list/listTable';
import type { ProgressFn } from '../../core/progress';

export interface MatchRequest {
  list: ListTable;
  customers: ListTable;
  lang: Lang;
}

export type MatchResponse =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: MatchResult }
  | { type: 'error'; message: string; user: boolean };

export function matchInWorker(req: MatchRequest, opts: { progress?: ProgressFn; signal?: AbortSignal } = {}): Promise<MatchResult> {
  if (typeof Worker === 'undefined') {
    return import(/* webpackChunkName: "match" */ '../../app/removeCustomers').then(({ matchCustomers }) =>
      matchCustomers(req.list, req.customers, { lang: req.lang, progress: opts.progress, signal: opts.signal, guessColumns: false }),
    );
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../match/match.worker.ts', import.meta.url));
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
      opts.signal?.removeEventListener('abort', stop);
      worker.terminate();
      if (m.type === 'done') resolve(m.result);
      else reject(m.user ? new UserError(m.message) : new Error(m.message));
    };
    worker.onerror = (e) => {
      opts.signal?.removeEventListener('abort', stop);
      worker.terminate();
      reject(new Error(e.message || 'Matching failed'));
    };
    worker.postMessage(req);
  });
}
