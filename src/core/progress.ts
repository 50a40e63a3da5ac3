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
}

export const noProgress: ProgressFn = () => undefined;
