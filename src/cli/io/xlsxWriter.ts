/**
 * The .xlsx bytes of a finished workbook (`build`, `demo`, `search --out FILE.xlsx`), made in a
 * worker thread that a Ctrl-C ends at once (issue 17).
 *
 * ExcelJS turns its in-memory workbook into a package in one synchronous pass (preparing
 * styles and shared strings and rendering every sheet's XML: 7 s for an 87,500-row list on the
 * development machine), and a signal is heard only after it. Cutting that pass into pieces
 * would mean rewriting ExcelJS's writer; instead this thread hands the workbook's models over
 * a few thousand rows at a time (workbookTransfer.ts), pausing between pieces, and the worker
 * writes it with the same code as before. On a signal the worker is terminated (V8 stops it
 * mid-pass) and the command ends with CancelledError; its outputs were never touched.
 *
 * The worker is its own bundle next to the CLI's (lib/xlsx-worker.js, built by
 * scripts/build-cli.mjs from src/cli/workers/xlsx.worker.ts). Where it is not (the TypeScript
 * sources run by Jest), the bytes are made in this thread as before.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CancelledError, throwIfAborted } from '../../core/errors';
import { workbookPieces, type WorkbookPiece } from '../../workbook/exceljs/workbookTransfer';
import { xlsxWorkbookToBytes, type XlsxWorkbookPort } from '../../workbook/exceljs/xlsxWorkbook';

export const XLSX_WORKER_FILE = 'xlsx-worker.js';

/** What this thread posts: the pieces, then `end`. */
export type XlsxWorkerRequest = WorkbookPiece | { type: 'end' };
/** What the worker posts: the package, or why it could not make it. */
export type XlsxWorkerReply = { type: 'bytes'; bytes: Uint8Array } | { type: 'error'; message: string; stack?: string };

export interface XlsxBytesOptions {
  signal?: AbortSignal;
  /** The worker bundle (default lib/xlsx-worker.js beside the CLI's bundle); null: this thread. */
  workerScript?: string | null;
}

function defaultScript(): string | null {
  const script = join(__dirname, XLSX_WORKER_FILE);
  return existsSync(script) ? script : null;
}

/** A macrotask's pause: a Ctrl-C handler runs only between tasks. */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The workbook as .xlsx bytes (with its state part), made in a worker thread where there is one. */
export async function xlsxBytes(port: XlsxWorkbookPort, opts: XlsxBytesOptions = {}): Promise<Uint8Array> {
  throwIfAborted(opts.signal);
  const script = opts.workerScript === undefined ? defaultScript() : opts.workerScript;
  if (!script) return xlsxWorkbookToBytes(port);

  const worker = new Worker(script);
  const signal = opts.signal;
  let onAbort: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    onAbort = () => reject(new CancelledError());
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  const answered = new Promise<Uint8Array>((resolve, reject) => {
    worker.once('message', (reply: XlsxWorkerReply) => {
      if (reply.type === 'bytes') resolve(reply.bytes);
      else reject(Object.assign(new Error(`writing the workbook failed: ${reply.message}`), { stack: reply.stack }));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the workbook writer stopped (exit code ${code}) before it answered`)));
  });
  // Whichever loses the race must not become an unhandled rejection.
  stopped.catch(() => undefined);
  answered.catch(() => undefined);
  try {
    const send = async (): Promise<void> => {
      for (const piece of workbookPieces(port, signal)) {
        worker.postMessage(piece satisfies XlsxWorkerRequest);
        await pause();
        throwIfAborted(signal);
      }
      worker.postMessage({ type: 'end' } satisfies XlsxWorkerRequest);
    };
    const sending = send();
    sending.catch(() => undefined);
    await Promise.race([sending, stopped, answered]);
    return await Promise.race([answered, stopped]);
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    worker.removeAllListeners('exit');
    // Ends a worker still writing (a cancel, an error here); a finished one is idle already.
    // Not awaited: the thread's heap goes while the command ends (awaited, a cancelled demo
    // stopped 0.26–0.48 s after the signal instead of 0.12–0.16 s), and unref'd it does not
    // keep the process alive for it.
    worker.unref();
    void worker.terminate();
  }
}
