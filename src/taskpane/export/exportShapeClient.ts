/**
 * The pane's ExportShaper: the list goes to a Web Worker in chunks, the export is shaped there,
 * the CSV bytes come back whole and the table rows (only when a sheet is written) in chunks,
 * each message short on the pane's thread. Cancel terminates the worker. Without workers (old
 * hosts) the export is shaped in place.
 */
import { shapeExport, type ExportShaper, type ShapedExport } from '../../app/exportList';
import type { ExportOptions } from '../../core/export/formats';
import type { ListTable } from '../../core/list/listTable';
import type { CellValue } from '../../core/workbook/cells';
import { workerCalls } from '../workers/workerCalls';

export type ExportShapeRequest =
  | { op: 'rows'; rows: CellValue[][] }
  | { op: 'build'; list: Omit<ListTable, 'rows'>; opts: ExportOptions }
  | { op: 'take'; from: number; count: number };

/** Rows a message: cloning 5,000 rows of a list costs the pane's thread about 10–20 ms. */
const CHUNK = 5000;

export const shapeExportInWorker: ExportShaper = async (list, opts, run) => {
  if (typeof Worker === 'undefined') return shapeExport(list, opts, run);
  const calls = workerCalls(new Worker(new URL('./exportShape.worker.ts', import.meta.url)), run.signal);
  try {
    const total = list.rows.length;
    for (let i = 0; i < total; i += CHUNK) {
      await calls.call({ op: 'rows', rows: list.rows.slice(i, i + CHUNK) } satisfies ExportShapeRequest);
      run.progress?.(i + Math.min(CHUNK, total - i), total);
    }
    const head = { keys: list.keys, headers: list.headers, origin: list.origin };
    const built = await calls.call<Omit<ShapedExport, 'rows'> & { rowCount: number }>({
      op: 'build',
      list: head,
      opts,
    } satisfies ExportShapeRequest);
    const rows: CellValue[][] = [];
    if (run.needRows) {
      for (let from = 0; from < built.rowCount; from += CHUNK) {
        const part = await calls.call<CellValue[][]>({ op: 'take', from, count: CHUNK } satisfies ExportShapeRequest);
        for (const r of part) rows.push(r);
      }
    }
    return { ...built, rows };
  } finally {
    calls.close();
  }
};
