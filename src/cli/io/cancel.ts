/**
 * Ctrl-C means stop. SIGINT and SIGTERM abort the run's signal, which every long loop checks
 * (and yields for, so that the signal is heard: a JavaScript signal handler runs only between
 * pieces of work). If the command has not ended 800 ms after the signal, or a second signal
 * comes, the process removes what this run had staged (see outputs.ts) and exits 130 without
 * waiting: a run never goes on to write its outputs after the user said stop.
 */

/** What a forced exit must undo synchronously (remove a staging folder). */
type Cleanup = () => void;

const cleanups = new Set<Cleanup>();
/** While outputs are being swapped in (milliseconds), a forced exit waits for the swap. */
let committing = 0;
let exitWhenCommitted = false;

export const CANCELLED_EXIT = 130;
const GRACE_MS = 800;

/** Registers a cleanup for a forced exit; returns its removal. */
export function onForcedExit(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/**
 * Runs (and forgets) every registered cleanup: on a forced exit, and when a command has ended
 * without committing what it staged (an error or a cancel anywhere after its first write).
 */
export function runCleanups(): void {
  for (const c of [...cleanups]) {
    cleanups.delete(c);
    try {
      c();
    } catch {
      // Best effort: the next run removes what is left (outputs.ts).
    }
  }
}

function forceExit(): void {
  if (committing > 0) {
    exitWhenCommitted = true;
    return;
  }
  runCleanups();
  process.stderr.write('rajaus: cancelled; nothing was written\n');
  process.exit(CANCELLED_EXIT);
}

/**
 * Runs `swap` (renames of finished files) without being cut off by a forced exit: the run's
 * outputs are then either all old or all new.
 */
export async function uninterruptible<T>(swap: () => Promise<T>): Promise<T> {
  committing++;
  try {
    return await swap();
  } finally {
    committing--;
    if (committing === 0 && exitWhenCommitted) forceExit();
  }
}

/**
 * Listens for SIGINT and SIGTERM for the duration of one command; `signal` aborts on the first.
 * `dispose` removes the listeners (when the command has ended).
 */
export function listenForCancel(): { signal: AbortSignal; dispose: () => void } {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const onSignal = () => {
    if (abort.signal.aborted) {
      forceExit();
      return;
    }
    abort.abort();
    timer = setTimeout(forceExit, GRACE_MS);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: abort.signal,
    dispose: () => {
      if (timer) clearTimeout(timer);
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    },
  };
}
