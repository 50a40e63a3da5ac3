import { CancelledError } from './errors';
import type { TextRepairs } from './workbook/xmlText';

/** Progress of a long step: `done` of `total` units (rows, pages, requests). */
export type ProgressFn = (done: number, total: number, label?: string) => void;

/** What every long-running use case and adapter call takes besides its inputs. */
export interface RunOptions {
  progress?: ProgressFn;
  signal?: AbortSignal;
  /**
   * Counts the text a workbook adapter had to repair to write it (forbidden XML characters,
   * cells over Excel's 32,767 characters); the step's summary reports them.
   */
  textRepairs?: TextRepairs;
  /** A message for the user while the step runs (a service asked to wait: a countdown). */
  notice?: (message: string) => void;
}

export const noProgress: ProgressFn = () => undefined;

/**
 * For long loops: `await pause()` every so often lets pending events run (the CLI's Ctrl-C
 * handler, the pane's Cancel button: neither is heard while a loop holds the thread) and then
 * throws CancelledError if the run was cancelled. It yields at most every `everyMs`
 * milliseconds, so calling it on every row costs a clock read.
 */
export function pauser(signal?: AbortSignal, everyMs = 50): () => Promise<void> | undefined {
  let last = Date.now();
  return () => {
    if (Date.now() - last < everyMs) return undefined;
    return new Promise<void>((resolve, reject) => {
      setTimeout(() => {
        last = Date.now();
        if (signal?.aborted) reject(new CancelledError());
        else resolve();
      }, 0);
    });
  };
}

/**
 * Runs a computation written as steps (a generator that yields between pieces of work) to its
 * end in one go: for callers with nothing to pause for (tests, a worker thread).
 */
export function runSteps<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs a computation written as steps with `pause()` (see pauser) between them: a Ctrl-C or a
 * Cancel is heard between pieces, and the result is that of runSteps.
 */
export async function runStepsWithPauses<T>(steps: Generator<void, T, void>, pause: () => Promise<void> | undefined): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}
