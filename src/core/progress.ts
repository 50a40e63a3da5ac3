/** Progress of a long step: `done` of `total` units (rows, pages, requests). */
export type ProgressFn = (done: number, total: number, label?: string) => void;

/** What every long-running use case and adapter call takes besides its inputs. */
export interface RunOptions {
  progress?: ProgressFn;
  signal?: AbortSignal;
  /** A message for the user while the step runs (a service asked to wait: a countdown). */
  notice?: (message: string) => void;
}

export const noProgress: ProgressFn = () => undefined;
