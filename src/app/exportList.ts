/**
 * Use case, step 5: export a list sheet for a dialer (LeadDesk, generic CSV), as a dialer
 * blacklist (do-not-call) or as mailing labels. Reads the list from its sheet (users edit
 * between steps), applies the workbook's do-not-contact list, returns the files, and logs the
 * export in the list's processing log (format, rows, file names) in one workbook change that
 * also writes the printable labels sheet or, where the host blocks downloads, an export sheet.
 */
import {
  buildExport,
  exportSheetPlan,
  labelsSheetPlan,
  type ExportFormat,
  type ExportOptions,
  type ExportResult,
  type SkipCount,
} from '../core/export/formats';
import type { ListTable } from '../core/list/listTable';
import type { RunOptions } from '../core/progress';
import { t } from '../core/export/messages';
import { csvBytes } from '../core/export/csv';
import { listFromGrid } from '../core/list/listTable';
import { makeSheetName, makeTableName } from '../core/workbook/sheetNames';
import type { SheetPlan } from '../core/workbook/sheetPlan';
import { splitPlanForExcel } from '../core/workbook/excelLimits';
import { recordStep } from './processingLog';
import { throwIfAborted, UserError } from '../core/errors';
import type { StepContext } from './stepContext';

/** An export shaped: the CSV parts already as bytes, the table rows for a sheet if any. */
export type ShapedExport = Omit<ExportResult, 'parts'> & { parts: { bytes: Uint8Array; rows: number }[] };

/**
 * Shapes the export (selection, columns, phones, CSV text). The pane passes one that runs in a
 * Web Worker (taskpane/export/exportShapeClient.ts: 1.9 s of the pane's thread at 100,000
 * rows, issue 13); the default runs here. `needRows`: the table rows are wanted (a sheet is
 * written), else they may be left out.
 */
export type ExportShaper = (list: ListTable, opts: ExportOptions, run: RunOptions & { needRows: boolean }) => Promise<ShapedExport>;

export const shapeExport: ExportShaper = async (list, opts) => {
  const result = buildExport(list, opts);
  return { ...result, parts: result.parts.map((p) => ({ bytes: csvBytes(p.csv), rows: p.rows })) };
};

export interface ExportListArgs {
  listSheet: string;
  format: ExportFormat;
  /** Generic CSV: columns in order; LeadDesk: custom fields. Keys or headers as shown. */
  columns?: string[];
  delimiter?: ',' | ';';
  allowDemo?: boolean;
  /** Base file name; several files become NAME-1.csv, NAME-2.csv… */
  fileName?: string;
  /** Also write the export into a new sheet, ready for Save As CSV (hosts that block downloads). */
  toSheet?: boolean;
  /** Limits for splitting (tests); default LeadDesk 10 MB, do-not-call 70,000 rows. */
  maxBytes?: number;
  maxRows?: number;
  /** Rows a sheet holds before it is split (tests); default Excel's 1,048,576 less the header. */
  maxSheetRows?: number;
  /** Where the export is shaped (default: here). */
  shape?: ExportShaper;
}

export interface ExportedFile {
  name: string;
  bytes: Uint8Array;
  rows: number;
}

export interface ExportListResult {
  files: ExportedFile[];
  skipped: SkipCount[];
  exported: number;
  rowsIn: number;
  /** Sheets written: the labels sheet (mailing) and/or the export sheet (toSheet). */
  sheets: string[];
  /** What the user should know, such as a sheet split in parts to fit Excel's row limit. */
  notices: string[];
}

/** "Tampere: LVI 2026" → "Tampere- LVI 2026"; no path separators or characters Windows forbids. */
export function safeFileBase(name: string): string {
  const clean = name
    .replace(/\.(csv|txt|xlsx)$/i, '')
    // Control characters are not allowed in Windows file names either.
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\x00-\x1f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return clean || 'export';
}

/** One file → NAME.csv; several → NAME-1.csv, NAME-2.csv… */
export function partFileNames(base: string, count: number): string[] {
  const b = safeFileBase(base);
  return count === 1 ? [`${b}.csv`] : Array.from({ length: count }, (_, i) => `${b}-${i + 1}.csv`);
}

export async function exportList(ctx: StepContext, args: ExportListArgs): Promise<ExportListResult> {
  const data = await ctx.workbook.readSheet(args.listSheet, { signal: ctx.signal, progress: ctx.progress });
  const list = listFromGrid(data.name, data.headers, data.rows, {}, data.firstDataRow);
  const state = await ctx.workbook.readState();
  const result = await (args.shape ?? shapeExport)(
    list,
    {
      format: args.format,
      lang: ctx.lang,
      columns: args.columns,
      delimiter: args.delimiter,
      allowDemo: args.allowDemo,
      doNotContact: state?.doNotContact,
      maxBytes: args.maxBytes,
      maxRows: args.maxRows,
    },
    { signal: ctx.signal, progress: ctx.progress, needRows: args.format === 'mailing' || Boolean(args.toSheet) },
  );
  throwIfAborted(ctx.signal);

  // Zero rows is not an export: say so, and write, download and log nothing (issue 13: an
  // empty file was written and logged when the demo rows were not allowed).
  if (result.exported === 0) {
    const why = result.skipped.map((x) => `${x.reason} ${x.count}`).join('; ');
    throw new UserError(
      result.rowsIn === 0 ? t(ctx.lang, 'nothingAtAll') : t(ctx.lang, 'nothingToExport', { rows: result.rowsIn, why }),
      { file: data.name },
    );
  }
  const names = partFileNames(args.fileName ?? `${data.name}-${args.format}`, result.parts.length);
  const files = result.parts.map((p, i) => ({ name: names[i]!, bytes: p.bytes, rows: p.rows }));

  const existing = (await ctx.workbook.listSheets()).map((s) => s.name);
  const tables = (await ctx.workbook.listSheets()).flatMap((s) => s.tables.map((x) => x.name));
  const write: SheetPlan[] = [];
  const notices: string[] = [];
  // Labels and export sheets over Excel's 1,048,576 rows go on several sheets, and we say so.
  const add = (plan: SheetPlan) => {
    const split = splitPlanForExcel(plan, { existing, tables, lang: ctx.lang, maxRows: args.maxSheetRows });
    for (const p of split.plans) {
      existing.push(p.name);
      if (p.tableName) tables.push(p.tableName);
    }
    write.push(...split.plans);
    if (split.notice) notices.push(split.notice);
  };
  if (args.format === 'mailing') {
    add(labelsSheetPlan(result, { name: makeSheetName(`${t(ctx.lang, 'labelsSheet')} ${data.name}`, existing), lang: ctx.lang }));
  }
  if (args.toSheet) {
    add(
      exportSheetPlan(result, {
        name: makeSheetName(`${t(ctx.lang, 'exportSheet')} ${data.name}`, existing),
        tableName: makeTableName(`Export_${args.format}`, tables),
      }),
    );
  }

  await recordStep(ctx, {
    listSheet: data.name,
    step: {
      step: 'export',
      at: ctx.now().toISOString(),
      rowsIn: result.rowsIn,
      rowsOut: result.exported,
      params: {
        format: args.format,
        files: files.map((f) => f.name).join(', '),
        ...(write.length ? { sheets: write.map((w) => w.name).join(', ') } : {}),
        ...(args.allowDemo ? { allowDemo: true } : {}),
        ...(result.skipped.length ? { skipped: result.skipped.map((s) => `${s.reason}: ${s.count}`).join('; ') } : {}),
      },
      contacted: [],
    },
    change: write.length ? { write, activate: write[0]!.name } : undefined,
  });

  return { files, skipped: result.skipped, exported: result.exported, rowsIn: result.rowsIn, sheets: write.map((w) => w.name), notices };
}
