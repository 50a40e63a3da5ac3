/**
 * `rajaus export`: a list file (CSV or .xlsx) as a LeadDesk contact list, a generic dialer CSV,
 * a do-not-call list for a dialer blacklist, or mailing labels. Uses the same core formats as
 * the pane's export step. With an .xlsx made by Rajaus, the workbook's do-not-contact list is
 * applied and the list sheet is found from the workbook's state.
 */
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { CliIo, Command } from '../command';
import { UserError, libraryCause } from '../../core/errors';
import { parseMapOverrides } from '../../core/columns/headerMapping';
import {
  CsvSplitter,
  ExportShaper,
  exportSheetPlan,
  labelsSheetPlan,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportOptions,
} from '../../core/export/formats';
import type { CellValue } from '../../core/workbook/cells';
import { t as exportText } from '../../core/export/messages';
import { defineMessages, formatCount, type Lang } from '../../core/i18n/lang';
import type { WorkbookState } from '../../core/state/workbookState';
import { streamTabular } from '../../sources/tabular/parseTabular';
import { fileMessage } from '../../sources/tabular/fileMessages';
import { splitPlanForExcel } from '../../core/workbook/excelLimits';
import type { SheetPlan } from '../../core/workbook/sheetPlan';
import { readBytes, refuseInputAsOutput } from '../io/files';
import { RunOutputs } from '../io/outputs';
import { TextFileWriter } from '../io/textFileWriter';

const USAGE = `rajaus export --list FILE --format leaddesk|csv|dnc|mailing --out FILE [options]

  --list FILE         the list: CSV or .xlsx (an .xlsx made by Rajaus: its list sheet and
                      do-not-contact list are used)
  --sheet NAME        sheet of an .xlsx list (default: the Rajaus list sheet, else the first)
  --format F          leaddesk   LeadDesk contact list (E.164 phone first; files under 10 MB)
                      csv        generic dialer CSV (--columns in that order)
                      dnc        do-not-call list for a dialer blacklist (≤ 70,000 rows a file)
                      mailing    mailing labels in Posti's order (CSV; with --out X.xlsx a
                                 printable label sheet)
  --out FILE          output file; several files are written as FILE-1.csv, FILE-2.csv…
  --columns a,b       columns by header or key: the CSV's columns, or LeadDesk's custom fields
  --delimiter D       ';' (default, Finnish Excel) or ','
  --allow-demo        export rows of the demo directory too (never for real calls)
  --map "Header=key"  header mapping override (repeatable)

Every phone goes out in E.164 (+358…); rows without a valid phone (dialer formats), on the
do-not-contact list or from demo data are left out and counted with the reason. Cells that a
spreadsheet would run as formulas are neutralized.`;

const t = defineMessages({
  fi: {
    exported: ({ rows, total, format }) => `Vietiin ${rows}/${total} riviä (${format}):`,
    leftOut: 'Jätettiin pois:',
  },
  en: {
    exported: ({ rows, total, format }) => `Exported ${rows} of ${total} rows (${format}) to:`,
    leftOut: 'Left out:',
  },
  sv: {
    exported: ({ rows, total, format }) => `Exporterade ${rows} av ${total} rader (${format}) till:`,
    leftOut: 'Utelämnade:',
  },
});

async function readState(bytes: Uint8Array, file: string, lang: Lang): Promise<WorkbookState | null> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return null;
  const JSZip = (await import('jszip')).default;
  const { readStateFromPackage } = await import('../../workbook/exceljs/stateXmlPart');
  let zip: Awaited<ReturnType<typeof JSZip.loadAsync>>;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    // The file itself is damaged (cut off, not a zip): said as the reader says it, in the user's language.
    throw new UserError(fileMessage(lang, 'unreadableXlsx', { cause: libraryCause(e) }), { file });
  }
  try {
    return await readStateFromPackage(zip);
  } catch (e) {
    throw new UserError(fileMessage(lang, 'stateUnreadable', { cause: libraryCause(e) }), { file });
  }
}

/** FILE.csv → [FILE.csv] or [FILE-1.csv, FILE-2.csv…]. */
export function outputNames(out: string, count: number): string[] {
  if (count === 1) return [out];
  const ext = extname(out) || '.csv';
  const stem = join(dirname(out), basename(out, extname(out)));
  return Array.from({ length: count }, (_, i) => `${stem}-${i + 1}${ext}`);
}

/**
 * Reads the list one row at a time into an ExportShaper made from its head: `sink` gets the
 * shaper and returns what takes each row; `between` is awaited between pieces of a CSV (a
 * writer drains). With an .xlsx made by Rajaus, its list sheet and do-not-contact list are used.
 * The file's bytes die when this returns.
 */
async function streamExport(
  path: string,
  listPath: string,
  values: Record<string, unknown>,
  options: Omit<ExportOptions, 'doNotContact'>,
  io: CliIo,
  sink: (shaper: ExportShaper) => (row: CellValue[]) => void,
  between?: () => Promise<void>,
): Promise<ExportShaper> {
  const bytes = await readBytes(path);
  const state = await readState(bytes, listPath, io.lang);
  let sheet = values.sheet as string | undefined;
  if (!sheet && state) {
    // The demo workbook starts with the customer register: export the list, not that.
    const live = state.lists.filter((l) => !l.deletedAt);
    sheet = live[live.length - 1]?.sheets.list;
  }
  let shaper: ExportShaper | null = null;
  await streamTabular(
    bytes,
    listPath,
    { sheet, map: parseMapOverrides((values.map as string[] | undefined) ?? []), onWarning: io.warn, lang: io.lang, signal: io.signal, between },
    (head) => {
      shaper = new ExportShaper(head, { ...options, doNotContact: state?.doNotContact });
      return sink(shaper);
    },
  );
  return shaper!;
}

export const exportCommand: Command = {
  name: 'export',
  usage: USAGE,
  options: {
    list: { type: 'string' },
    sheet: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    columns: { type: 'string' },
    delimiter: { type: 'string' },
    'allow-demo': { type: 'boolean' },
    map: { type: 'string', multiple: true },
  },
  async run(values, _positionals, io) {
    const listPath = values.list as string | undefined;
    const format = values.format as string | undefined;
    const outArg = values.out as string | undefined;
    if (!listPath) throw new UserError('--list FILE is required (a CSV or .xlsx list)');
    if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UserError(`--format must be one of ${EXPORT_FORMATS.join(', ')}${format ? `, not '${format}'` : ''}`);
    }
    if (!outArg) throw new UserError('--out FILE is required');
    const delimiterArg = (values.delimiter as string | undefined) ?? ';';
    if (delimiterArg !== ';' && delimiterArg !== ',') throw new UserError(`--delimiter must be ';' or ',', not '${delimiterArg}'`);
    const columns = (values.columns as string | undefined)
      ?.split(',')
      .map((c) => c.trim())
      .filter(Boolean);

    const path = resolve(io.cwd, listPath);
    const out = resolve(io.cwd, outArg);
    // Checked before anything is read: every name this export may write (FILE.csv, FILE-N.csv).
    refuseInputAsOutput([out, ...outputNames(out, 9)], [path]);
    // Every part as one unit, with a manifest listing them: a later export in fewer parts removes
    // the parts this one wrote (an old calls-3.csv would otherwise be uploaded with the new list).
    // What the manifest says is known when the list has been read.
    const stem = basename(out, extname(out));
    const asWorkbook = format === 'mailing' && /\.xlsx$/i.test(out);
    const manifest = { name: `${stem}.parts.json`, about: { format, list: basename(listPath), rows: 0 }, write: false };
    const outputs = new RunOutputs(dirname(out), { signal: io.signal, manifest });
    const exportOptions: Omit<ExportOptions, 'doNotContact'> = {
      format: format as ExportFormat,
      lang: io.lang,
      columns,
      delimiter: delimiterArg as ';' | ',',
      allowDemo: Boolean(values['allow-demo']),
    };
    const written: string[] = [];
    const notices: string[] = [];
    let shaper: ExportShaper;
    try {
      if (asWorkbook) {
        // The label sheet and the export sheet both need every label, so the labels (four short
        // texts a row, not the list) are kept; the list itself is read one row at a time.
        const labels: CellValue[][] = [];
        shaper = await streamExport(path, listPath, values, exportOptions, io, (s) => (row) => {
          const shaped = s.shape(row);
          if (shaped) labels.push(shaped);
        });
        // Streamed to the file row by row (streamingXlsx.node.ts): a million labels fit in memory.
        const { writePlansStreaming } = await import('../../workbook/exceljs/streamingXlsx.node');
        // Over Excel's 1,048,576 rows a sheet goes on several sheets, and the user is told.
        // The sheets are made one at a time as the writer asks (a generator), so the label
        // sheet's rows are gone before the export sheet's copy of the rows is made.
        const result = { headers: shaper.headers, rows: labels, phoneColumns: shaper.phoneColumns };
        const names: string[] = [];
        const makers = [
          () => labelsSheetPlan(result, { name: exportText(io.lang, 'labelsSheet'), lang: io.lang }),
          () => {
            const plan = exportSheetPlan(result, { name: exportText(io.lang, 'exportSheet'), tableName: 'Osoitteet' });
            labels.length = 0; // copied into the plan; not needed again
            return plan;
          },
        ];
        function* sheets(): Generator<SheetPlan> {
          for (const make of makers) {
            const split = splitPlanForExcel(make(), { existing: names, lang: io.lang });
            names.push(...split.plans.map((p) => p.name));
            if (split.notice) notices.push(split.notice);
            yield* split.plans;
          }
        }
        // Streamed into the run's staging folder, swapped in with the manifest's removals.
        await writePlansStreaming(await outputs.stagedPath(basename(out)), sheets(), io.lang, { signal: io.signal });
        written.push(out);
      } else {
        // Each CSV part is streamed to a scratch file as its rows are read and shaped; their
        // names (FILE.csv alone, or FILE-1.csv…) are given when the number of parts is known.
        const parts: TextFileWriter[] = [];
        // Closes of finished parts, awaited between pieces of the list.
        const closing: Promise<void>[] = [];
        let splitter: CsvSplitter;
        try {
          shaper = await streamExport(
            path,
            listPath,
            values,
            exportOptions,
            io,
            (s) => {
              splitter = new CsvSplitter(s.headers, s.csvOptions, s.limits);
              return (row) => {
                const shaped = s.shape(row);
                if (!shaped) return;
                const { text, startsPart } = splitter.line(shaped);
                if (startsPart) {
                  // The part before is complete: it is closed while the next one fills.
                  const previous = parts[parts.length - 1];
                  if (previous) {
                    const closed = previous.close();
                    // Handled when awaited between pieces; until then not an unhandled rejection.
                    closed.catch(() => undefined);
                    closing.push(closed);
                  }
                  const n = parts.length + 1;
                  const part = new TextFileWriter(() => outputs.scratchPath(`part-${n}`), out);
                  part.write(splitter.head);
                  parts.push(part);
                }
                parts[parts.length - 1]!.write(text);
              };
            },
            async () => {
              await Promise.all(closing.splice(0));
              await parts[parts.length - 1]?.drain();
            },
          );
          const rows = splitter!.finish();
          if (parts.length === 0) {
            // No row went out: one file with the header only.
            const part = new TextFileWriter(() => outputs.scratchPath('part-1'), out);
            part.write(splitter!.head);
            parts.push(part);
          }
          await Promise.all(closing.splice(0));
          await parts[parts.length - 1]!.close();
          const names = outputNames(out, rows.length);
          for (let i = 0; i < names.length; i++) await outputs.adopt(`part-${i + 1}`, basename(names[i]!));
          written.push(...names.map((n, i) => `${n} (${formatCount(io.lang, rows[i]!)})`));
          manifest.write = rows.length > 1;
        } finally {
          await Promise.all(parts.map((p) => p.destroy()));
        }
      }
      manifest.about.rows = shaper.exported;
    } catch (e) {
      await outputs.discard();
      throw e;
    }
    await outputs.commit();
    for (const part of outputs.removedParts) written.push(`${join(dirname(out), part)}: removed (a part of the previous export)`);

    io.info(t(io.lang, 'exported', { rows: formatCount(io.lang, shaper.exported), total: formatCount(io.lang, shaper.rowsIn), format }));
    for (const w of written) io.info(`  ${w}`);
    for (const notice of notices) io.info(notice);
    const skipped = shaper.skipped();
    if (skipped.length) {
      io.info(t(io.lang, 'leftOut'));
      for (const s of skipped) io.info(`  ${formatCount(io.lang, s.count)}  ${s.reason}`);
    }
  },
};
