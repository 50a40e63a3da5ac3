/**
 * Calls into a Web Worker one request at a time, for heavy work the pane must not do on its own
 * thread (issue 13: phone parsing and export shaping froze a 100,000-row pane for seconds).
 * Large inputs go in chunks, each call its own message: cloning 100,000 rows in one
 * postMessage is itself a freeze of a few hundred milliseconds. Aborting the signal terminates
 * the worker at once (the work in it is pure: nothing to undo) and the pending call rejects
 * with CancelledError.
 *
 * The worker side is serveCalls(): a handler from request to answer, errors passed back with
 * whether they are a UserError (shown as they are) or a bug.
 */
import { CancelledError, UserError, reviveUserError, userErrorData, type UserErrorData } from '../../core/errors';

type Answer = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string; user: boolean; data?: UserErrorData };

export interface WorkerCalls {
  call<T>(request: unknown, transfer?: Transferable[]): Promise<T>;
  /** Ends the worker; pending calls reject. Safe to call twice. */
  close(): void;
}

export function workerCalls(worker: Worker, signal?: AbortSignal): WorkerCalls {
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let next = 0;
  let closed = false;
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const close = () => {
    if (closed) return;
    closed = true;
    signal?.removeEventListener('abort', onAbort);
    worker.terminate();
    failAll(new CancelledError());
  };
  const onAbort = () => close();
  signal?.addEventListener('abort', onAbort, { once: true });
  worker.onmessage = (e: MessageEvent<Answer>) => {
    const a = e.data;
    const p = pending.get(a.id);
    if (!p) return;
    pending.delete(a.id);
    if (a.ok) p.resolve(a.value);
    else p.reject(a.user ? reviveUserError(a.message, a.data) : new Error(a.message));
  };
  worker.onerror = (e) => {
    e.preventDefault?.();
    failAll(new Error(e.message || 'Worker failed'));
  };
  return {
    call<T>(request: unknown, transfer: Transferable[] = []) {
      if (closed || signal?.aborted) return Promise.reject(new CancelledError());
      const id = ++next;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        worker.postMessage({ id, request }, transfer);
      });
    },
    close,
  };
}

/** The worker's side: answers each request with `handle`'s value (or its error). */
export function serveCalls<Req>(
  handle: (request: Req) => { value: unknown; transfer?: Transferable[] } | Promise<{ value: unknown; transfer?: Transferable[] }>,
): void {
  const ctx = self as unknown as {
    onmessage: ((e: MessageEvent<{ id: number; request: Req }>) => void) | null;
    postMessage(m: Answer, transfer?: Transferable[]): void;
  };
  ctx.onmessage = async (e) => {
    const { id, request } = e.data;
    try {
      const { value, transfer } = await handle(request);
      ctx.postMessage({ id, ok: true, value }, transfer ?? []);
    } catch (err) {
      const data = err instanceof UserError ? userErrorData(err) : undefined;
      ctx.postMessage({ id, ok: false, message: (err as Error).message, user: err instanceof UserError, data });
    }
  };
}
