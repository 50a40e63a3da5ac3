/**
 * `rajaus search`: step 1 headless. Criteria from a JSON file, a directory source, the results
 * as .csv (the safe CSV writer) or .xlsx (the same workbook the add-in would build: list sheet,
 * privacy notes, state), written atomically.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { xlsxTools } from '../io/xlsx';
import type { Command, CliIo } from '../command';
import { runSearch } from '../../app/search';
import { CriteriaError } from '../../core/criteria/area';
import { parseCriteria } from '../../core/criteria/validate';
import { UserError } from '../../core/errors';
import { formatCount, type Lang } from '../../core/i18n/lang';
import type { WorkbookPort } from '../../core/workbook/port';
import type { SheetPlan } from '../../core/workbook/sheetPlan';
import type { WorkbookState } from '../../core/state/workbookState';
import { csvBytes, listToCsv } from '../../core/export/csv';
import type { DirectorySource } from '../../sources/directory/directorySource';
import { createPrhSource } from '../../sources/directory/prh';
import { createFileSource } from '../../sources/directory/fileSource';
import { readListFile, refuseInputAsOutput } from '../io/files';
import { RunOutputs } from '../io/outputs';
import { readSettingsFile } from '../io/settings';
import { TextRepairs, textRepairLines } from '../../core/workbook/xmlText';

const USAGE = `Usage: rajaus search --criteria FILE.json [--source SOURCE] --out FILE.csv|FILE.xlsx

  --criteria FILE.json  the criteria (design.md): {"kind": "b2b", "area": {"postalCodes": ["33100"]}, …}
  --source SOURCE       demo (default): the embedded fictional directory
                        prh: PRH's YTJ open data API (companies; no phones)
                        prh-bulk:FILE: PRH's whole-register file (all_companies zip), searched locally
                        file:PATH: a directory export from a vendor (CSV or .xlsx)
  --prh-base URL        PRH API base or a proxy in front of it
  --settings FILE       controller details etc. for the privacy notes (.xlsx output)
  --name NAME           the list's name (default: from the criteria and the date)
  --out FILE            .csv (UTF-8 with BOM, ';') or .xlsx (list, privacy notes and state)`;

/** The directory source named by --source. */
export async function directorySourceFromOption(
  spec: string,
  opts: { lang: Lang; cwd: string; prhBase?: string; warn?: (line: string) => void; signal?: AbortSignal },
): Promise<DirectorySource> {
  if (spec === 'demo') {
    const { DemoDirectorySource } = await import('../../sources/demo/demoDirectorySource');
    return new DemoDirectorySource(opts.lang);
  }
  if (spec === 'prh') return createPrhSource({ baseUrl: opts.prhBase, lang: opts.lang });
  if (spec.startsWith('prh-bulk:')) {
    const file = resolve(opts.cwd, spec.slice('prh-bulk:'.length));
    const { createPrhBulkSource } = await import('../../sources/directory/prhBulk.node');
    return createPrhBulkSource({ file, lang: opts.lang });
  }
  if (spec.startsWith('file:')) {
    const path = resolve(opts.cwd, spec.slice('file:'.length));
    return createFileSource({
      fileName: basename(path),
      load: () => readListFile(path, { onWarning: opts.warn, lang: opts.lang, signal: opts.signal }),
      lang: opts.lang,
    });
  }
  throw new UserError(`--source must be demo, prh, prh-bulk:FILE or file:PATH, not '${spec}'`);
}

/** Reads a criteria JSON file; a missing file or broken JSON is a UserError naming the file. */
export async function readCriteria(path: string, io: CliIo): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, path), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? (e as Error).message})`, { file: path });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UserError(`not valid JSON (${(e as Error).message})`, { file: path });
  }
}

/** A workbook that only keeps what the search writes (for CSV output). */
function captureWorkbook(): WorkbookPort & { written: SheetPlan[] } {
  const written: SheetPlan[] = [];
  let state: WorkbookState | null = null;
  return {
    written,
    async listSheets() {
      return written.map((p) => ({
        name: p.name,
        visible: true,
        tables: p.tableName ? [{ name: p.tableName, rowCount: p.rows.length }] : [],
        rowCount: p.rows.length + 1,
        columnCount: p.columns.length,
      }));
    },
    async readSheet(name) {
      throw new UserError(`no sheet '${name}'`);
    },
    async apply(change) {
      written.push(...(change.write ?? []));
      if (change.state) state = change.state;
    },
    async readState() {
      return state;
    },
  };
}

export const searchCommand: Command = {
  name: 'search',
  usage: USAGE,
  options: {
    criteria: { type: 'string' },
    source: { type: 'string' },
    'prh-base': { type: 'string' },
    settings: { type: 'string' },
    name: { type: 'string' },
    out: { type: 'string' },
  },
  async run(values, _positionals, io) {
    const criteriaPath = values.criteria as string | undefined;
    const out = values.out as string | undefined;
    if (!criteriaPath || !out) throw new UserError('--criteria and --out are required. See: rajaus search --help');
    const ext = extname(out).toLowerCase();
    if (ext !== '.csv' && ext !== '.xlsx') throw new UserError(`--out must end in .csv or .xlsx, not '${out}'`);

    const sourceSpec = (values.source as string | undefined) ?? 'demo';
    refuseInputAsOutput(
      [resolve(io.cwd, out)],
      [
        resolve(io.cwd, criteriaPath),
        sourceSpec.startsWith('file:') ? resolve(io.cwd, sourceSpec.slice(5)) : undefined,
        sourceSpec.startsWith('prh-bulk:') ? resolve(io.cwd, sourceSpec.slice(9)) : undefined,
      ],
    );
    let criteria;
    try {
      criteria = parseCriteria(await readCriteria(criteriaPath, io), io.lang);
    } catch (e) {
      // One line that names the file and every bad key.
      if (e instanceof CriteriaError) throw new UserError(e.message, { file: criteriaPath });
      throw e;
    }
    const source = await directorySourceFromOption((values.source as string | undefined) ?? 'demo', {
      lang: io.lang,
      cwd: io.cwd,
      prhBase: values['prh-base'] as string | undefined,
      signal: io.signal,
      warn: io.warn,
    });
    const settings = await readSettingsFile(values.settings as string | undefined, { cwd: io.cwd, lang: io.lang });

    const signal = io.signal;
    let lastShown = 0;
    {
      // A CSV needs only the list's rows: skip building an .xlsx in memory (ExcelJS holds an
      // object per cell, which for 100,000 rows is most of the process's memory).
      const xlsx = ext === '.xlsx' ? await xlsxTools() : null;
      const workbook = xlsx ? xlsx.createXlsxWorkbook() : captureWorkbook();
      const started = Date.now();
      const textRepairs = new TextRepairs();
      const outcome = await runSearch(
        {
          workbook,
          textRepairs,
          lang: io.lang,
          settings,
          now: io.now,
          signal,
          // A Retry-After counted down, one line a second (capped: limitedFetch.ts).
          notice: io.info,
          progress: (done, total, label) => {
            if (Date.now() - lastShown < 1000) return;
            lastShown = Date.now();
            io.info(`${label ?? source.info.name}: ${formatCount(io.lang, done)} / ${formatCount(io.lang, total)}`);
          },
        },
        { criteria, source, listName: values.name as string | undefined },
      );
      const target = resolve(io.cwd, out);
      const outputs = new RunOutputs(dirname(target), { signal });
      if ('workbook' in workbook) {
        await outputs.write(basename(target), await xlsx!.xlsxWorkbookToBytes(workbook));
      } else {
        const plan = workbook.written.find((p) => p.name === outcome.sheetName)!;
        const list = { keys: plan.columns.map((c) => c.key), headers: plan.columns.map((c) => c.header), rows: plan.rows };
        await outputs.write(
          basename(target),
          csvBytes(listToCsv(list, { delimiter: ';', bom: true, eol: '\r\n', neutralizeFormulas: true })),
        );
      }
      await outputs.commit();
      for (const line of outcome.appliedLocally) io.info(`${source.info.name}: ${line}`);
      io.info(
        `${source.info.name}: ${formatCount(io.lang, outcome.total)} found, ${formatCount(io.lang, outcome.rows)} rows → ${out} (${Date.now() - started} ms)`,
      );
      for (const line of textRepairLines(io.lang, textRepairs)) io.warn(`${out}: ${line}`);
      if (source.info.attribution) io.info(source.info.attribution);
    }
  },
};
