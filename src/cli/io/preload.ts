/**
 * Modules a run will need, loaded before the command listens for Ctrl-C (main.ts).
 *
 * Loading ExcelJS is one synchronous pass of 0.3–0.6 s on a quiet machine and 1–2 s on a busy
 * one, and JavaScript hears a signal only between pieces of work: loaded lazily in the middle
 * of a run (xlsx.ts, parseTabular.ts), it kept a Ctrl-C waiting that long. Loaded before the
 * command's handler is installed, a signal meanwhile ends the process at once by its default
 * action (nothing has been started or written; see bin/rajaus.js). The later lazy imports then
 * find it loaded. Runs without an .xlsx still never load it (their start-up counts in the
 * matching budget).
 */

/** Commands that always write a workbook. */
const WRITE_WORKBOOKS = new Set(['build', 'demo']);

/** True when the run reads or writes an .xlsx: a command that always does, or an .xlsx among its options. */
export function needsExcelJs(command: string, values: Record<string, unknown>): boolean {
  if (WRITE_WORKBOOKS.has(command)) return true;
  const strings = Object.values(values).flatMap((v) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v : []));
  return strings.some((v) => typeof v === 'string' && /\.xls[xm]$/i.test(v.trim()));
}

/** Loads what `command` with these options will load anyway, now (see the module comment). */
export async function preloadFor(command: string, values: Record<string, unknown>): Promise<void> {
  if (needsExcelJs(command, values)) await import('exceljs');
}
