/**
 * The pane's ResultRowBuilder: the rows of a search made in a Web Worker, a chunk of records per
 * message, with progress after each chunk; Cancel terminates the worker. Where workers are
 * missing (old hosts) the rows are made in place with pauses (app/search.ts).
 */
import { buildResultRows, type ResultRowBuilder } from '../../app/search';
import type { Lang } from '../../core/i18n/lang';
import type { CellValue } from '../../core/workbook/cells';
import type { DirectoryRecord } from '../../sources/directory/directorySource';
import { workerCalls } from '../workers/workerCalls';

export interface ResultRowsRequest {
  keys: readonly string[];
  records: readonly DirectoryRecord[];
  provenance: { source: string; extractedAt: string };
  lang: Lang;
}

/** Records a message: cloning them costs the pane ~10 ms, making their rows the worker ~100 ms. */
const CHUNK = 4000;

export const resultRowsInWorker: ResultRowBuilder = async (job, opts) => {
  if (typeof Worker === 'undefined') return buildResultRows(job, opts);
  const calls = workerCalls(new Worker(new URL('./resultRows.worker.ts', import.meta.url)), opts.signal);
  try {
    const rows: CellValue[][] = [];
    const { records } = job;
    for (let i = 0; i < records.length; i += CHUNK) {
      const request: ResultRowsRequest = { ...job, records: records.slice(i, i + CHUNK) };
      const part = await calls.call<CellValue[][]>(request);
      for (const row of part) rows.push(row);
      opts.progress?.(rows.length, records.length);
    }
    return rows;
  } finally {
    calls.close();
  }
};
