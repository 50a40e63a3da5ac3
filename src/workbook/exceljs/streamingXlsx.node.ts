/**
 * Sheet plans written straight to an .xlsx file with ExcelJS's streaming WorkbookWriter, row by
 * row, for lists too big for the in-memory adapter: ExcelJS's Workbook keeps an object per cell
 * (a 200,000-row label export took 2.2 GB and 80 s; a million rows ran out of memory), while
 * the streaming writer keeps one row at a time and zips as it goes (issue 16 item 2).
 *
 * The same plans, checked by the same Excel-limits guard, rendered as the in-memory adapter
 * renders them (text format "@" on text columns, frozen bold header, widths, page setup, label
 * fonts), with one difference the streaming writer forces: a table sheet gets a header row with
 * an AutoFilter instead of an Excel table object (the streaming writer cannot write tables).
 * Written under a temporary name next to the target and renamed when complete.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { rename, rm, mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { throwIfAborted } from '../../core/errors';
import type { Lang } from '../../core/i18n/lang';
import type { RunOptions } from '../../core/progress';
import { toCell } from '../../core/workbook/cells';
import { cellText, safeCellValue } from '../../core/workbook/xmlText';
import { assertWithinExcelLimits } from '../../core/workbook/excelLimits';
import type { RowStyle, SheetPlan } from '../../core/workbook/sheetPlan';

const FONTS: Record<RowStyle, Partial<ExcelJS.Font>> = {
  title: { bold: true, size: 16 },
  section: { bold: true, size: 12 },
  label: { bold: true },
  normal: {},
  note: { italic: true, color: { argb: 'FF595959' } },
};

/** "A", "B", … "XFD" for a 1-based column number. */
function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function sheetOptions(plan: SheetPlan): Partial<ExcelJS.AddWorksheetOptions> {
  const print = plan.print;
  return {
    properties: plan.tabColor ? { tabColor: { argb: `FF${plan.tabColor.replace(/^#/, '').toUpperCase()}` } } : undefined,
    views: plan.freezeHeader ? [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] : undefined,
    pageSetup: print
      ? {
          orientation: print.orientation,
          paperSize: 9, // A4
          ...(print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
          ...(print.repeatHeaderRow && plan.layout === 'table' ? { printTitlesRow: '1:1' } : {}),
        }
      : undefined,
  } as Partial<ExcelJS.AddWorksheetOptions>;
}

/** Sheet XML the zip may hold uncompressed before the rows wait for it (bytes). */
const MAX_BACKLOG = 8 * 2 ** 20;
/** A backlog that has not moved for this long is left alone (never wait for ever). */
const STALLED_MS = 5000;

/**
 * Bytes of a sheet's XML that ExcelJS's zip has not taken yet. ExcelJS's sheet stream (a
 * StreamBuf) never says "wait": it hands its buffers on as fast as rows come, and the zip,
 * which needs many turns of the event loop per chunk, fell behind while the rows held the
 * thread (a million labels held 360 MB of XML in the entry's PassThrough). The writer's
 * internals are read defensively: without them this is 0 and the rows do not wait.
 */
function zipBacklog(ws: ExcelJS.Worksheet): number {
  type Pipe = { writableLength?: number; _writableState?: { length?: number } };
  const stream = (ws as unknown as { stream?: { buffers?: unknown[]; pipes?: Pipe[] } }).stream;
  if (!stream) return 0;
  // Buffers kept by the StreamBuf itself (its zip entry has not started yet), 64 KB each.
  let bytes = (stream.buffers?.length ?? 0) * 65536;
  for (const pipe of stream.pipes ?? []) bytes += pipe.writableLength ?? pipe._writableState?.length ?? 0;
  return bytes;
}

/** Waits while the zip is more than MAX_BACKLOG behind the rows (it runs while this waits). */
async function zipCaughtUp(ws: ExcelJS.Worksheet, signal: AbortSignal | undefined): Promise<void> {
  let last = zipBacklog(ws);
  let since = Date.now();
  while (last > MAX_BACKLOG) {
    throwIfAborted(signal);
    await new Promise<void>((resolve) => setTimeout(resolve, 1));
    const now = zipBacklog(ws);
    if (now !== last) since = Date.now();
    else if (Date.now() - since > STALLED_MS) return;
    last = now;
  }
}

async function writePlan(wb: ExcelJS.stream.xlsx.WorkbookWriter, plan: SheetPlan, opts: RunOptions): Promise<void> {
  const ws = wb.addWorksheet(plan.name, sheetOptions(plan));
  const cols = plan.columns;
  const document = plan.layout === 'document';
  ws.columns = cols.map((c) => ({
    width: c.width,
    style: { numFmt: c.numberFormat, ...(document ? { alignment: { wrapText: true, vertical: 'top' as const } } : {}) },
  }));
  // One style object per column, given to every plain cell of it. ExcelJS gives each new cell
  // its own copy of the column's style and then, writing the cell, renders that copy to XML to
  // find its style id, unless it has seen the very object before (a WeakMap): shared objects
  // make that a lookup. The copy's content is the same (the column's numFmt and alignment), so
  // is the style id and the file (a million-label export: a fifth of its time went there).
  const columnStyles = cols.map((_, i) => ws.getColumn(i + 1).style as Partial<ExcelJS.Style>);
  // The same for the rows' own (empty) style.
  const rowStyle: Partial<ExcelJS.Style> = {};
  if (!document) {
    const header = ws.addRow(cols.map((c) => cellText(c.header, opts.textRepairs)));
    header.font = { bold: true };
    header.commit();
    ws.autoFilter = { from: 'A1', to: `${columnLetter(cols.length)}1` };
  }
  for (let r = 0; r < plan.rows.length; r++) {
    if (r % 5000 === 0) {
      throwIfAborted(opts.signal);
      opts.progress?.(r, plan.rows.length);
      // Let the zip stream drain: the writer is asynchronous underneath, and does not push back.
      await new Promise<void>((resolve) => setImmediate(resolve));
      await zipCaughtUp(ws, opts.signal);
    }
    const src = plan.rows[r]!;
    // XML-safe and within 32,767 characters, as in the in-memory adapter (xmlText.ts).
    const row = ws.addRow(cols.map((c, i) => safeCellValue(toCell(c.type, src[i] ?? null), opts.textRepairs)));
    const font = document ? FONTS[plan.rowStyles?.[r] ?? 'normal'] : FONTS.normal;
    if (Object.keys(font).length) row.font = font;
    else {
      (row as unknown as { style: Partial<ExcelJS.Style> }).style = rowStyle;
      row.eachCell({ includeEmpty: true }, (cell, c) => (cell.style = columnStyles[c - 1]!));
    }
    row.commit();
  }
  ws.commit();
  opts.progress?.(plan.rows.length, plan.rows.length);
}

let counter = 0;

/**
 * Writes `plans` as a new .xlsx file at `path`, never half-written (temporary name, rename).
 * `plans` may be a generator: each plan is made only when the one before is written.
 */
export async function writePlansStreaming(path: string, plans: Iterable<SheetPlan>, lang: Lang, opts: RunOptions = {}): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${++counter}.tmp`);
  // Our own stream, opened before anything can fail: a stream ExcelJS opens itself may create
  // the temporary file only after a refusal's clean-up ran, and leave it behind.
  const out: WriteStream = createWriteStream(tmp);
  await once(out, 'open');
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    // Plans may be made as they are asked for (a generator), so each is checked as it comes;
    // a refusal removes the temporary file, and nothing reaches `path`.
    for (const plan of plans) {
      assertWithinExcelLimits([plan], lang);
      await writePlan(wb, plan, opts);
    }
    await wb.commit();
    await rename(tmp, path);
  } catch (e) {
    if (!out.closed) {
      const closed = once(out, 'close').catch(() => undefined);
      out.destroy();
      await closed;
    }
    await rm(tmp, { force: true });
    throw e;
  }
}
