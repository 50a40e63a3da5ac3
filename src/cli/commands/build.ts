/**
 * `rajaus build`: all steps on one list into one workbook, for people who refresh the same
 * list every month: search → remove own customers → building data → do-not-call → exports.
 * The workbook gets the list, its audit sheets and its privacy notes; export files go beside it.
 */
import { basename, dirname, resolve } from 'node:path';
import type { Command } from '../command';
import { writingWorkbookLine, xlsxTools } from '../io/xlsx';
import { UserError } from '../../core/errors';
import { criteriaSchema } from '../../core/criteria/criteria';
import { parseMapOverrides } from '../../core/columns/headerMapping';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/export/formats';
import { runPipeline, type PipelinePlan } from '../../app/pipeline';
import { readDoNotCallFile } from '../../app/suppression';
import { readBytes, readListFile, refuseInputAsOutput, sameFile } from '../io/files';
import { RunOutputs } from '../io/outputs';
import { readSettingsFile } from '../io/settings';
import { TextRepairs, textRepairLines } from '../../core/workbook/xmlText';
import { directorySourceFromOption, readCriteria } from './search';
import { BUILDING_FILTER_OPTIONS, buildingFiltersFromOptions, sourceFromOption, resolveSpec } from './buildings';

const USAGE = `rajaus build --criteria FILE.json --out FILE.xlsx [options]

  --criteria FILE.json   search criteria (see rajaus search --help)
  --source SPEC          demo (default), prh, prh-bulk:FILE or file:PATH
  --prh-base URL         PRH API base or a proxy in front of it
  --customers FILE       your customer register (CSV or .xlsx) to remove from the list
  --customers-sheet NAME sheet of an .xlsx customer file (default the first)
  --map "Header=key"     override the header mapping of the customer file (repeatable)
  --buildings SPEC       helsinki, hsy, ryhti or file:PATH_OR_URL: add building data
  --year-from N --year-to N --class LIST --fuel LIST --match LIST
                         building filters (see rajaus buildings --help)
  --dnc FILE             a do-not-call list (CSV, .xlsx or text; numbers in any form)
  --dnc-name NAME        its name for the notes (default the file name)
  --dnc-date yyyy-mm-dd  the date of that list (default today)
  --settings FILE        controller details etc. for the privacy notes (JSON)
  --export LIST          leaddesk,csv,dnc,mailing: export files written beside the workbook
  --allow-demo           export rows of the demo directory too
  --name NAME            the list's name
  --out FILE.xlsx        the workbook`;

export const buildCommand: Command = {
  name: 'build',
  usage: USAGE,
  options: {
    criteria: { type: 'string' },
    source: { type: 'string' },
    'prh-base': { type: 'string' },
    customers: { type: 'string' },
    'customers-sheet': { type: 'string' },
    map: { type: 'string', multiple: true },
    buildings: { type: 'string' },
    ...BUILDING_FILTER_OPTIONS,
    dnc: { type: 'string' },
    'dnc-name': { type: 'string' },
    'dnc-date': { type: 'string' },
    settings: { type: 'string' },
    export: { type: 'string' },
    'allow-demo': { type: 'boolean' },
    name: { type: 'string' },
    out: { type: 'string' },
  },
  async run(values, _positionals, io) {
    const started = Date.now();
    const criteriaPath = values.criteria as string | undefined;
    const outOption = values.out as string | undefined;
    if (!criteriaPath || !outOption) throw new UserError('--criteria and --out are required. See: rajaus build --help');
    const out = resolve(io.cwd, outOption);
    if (!out.toLowerCase().endsWith('.xlsx')) throw new UserError('--out must name an .xlsx file', { file: outOption });

    const inputOf = (v: unknown) => (typeof v === 'string' ? resolve(io.cwd, v.replace(/^(file|prh-bulk):/, '')) : undefined);
    refuseInputAsOutput([out], [criteriaPath, values.customers, values.dnc, values.settings, values.source, values.buildings].map(inputOf));
    // Everything is read and checked before any step runs, so a typo fails fast.
    const parsed = criteriaSchema.safeParse(await readCriteria(criteriaPath, io));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new UserError(`${issue.path.join('.') || 'criteria'}: ${issue.message}`, { file: criteriaPath });
    }
    const settings = await readSettingsFile(values.settings as string | undefined, { cwd: io.cwd, lang: io.lang });
    const source = await directorySourceFromOption((values.source as string | undefined) ?? 'demo', {
      lang: io.lang,
      cwd: io.cwd,
      prhBase: values['prh-base'] as string | undefined,
      warn: io.warn,
      signal: io.signal,
    });

    const plan: PipelinePlan = { criteria: parsed.data, source, listName: values.name as string | undefined };
    const customersPath = values.customers as string | undefined;
    const sourceFile = typeof values.source === 'string' && values.source.startsWith('file:') ? inputOf(values.source) : undefined;
    // A vendor file that is the customer register itself: every row would go as its own customer.
    if (customersPath && sourceFile && sameFile(sourceFile, inputOf(customersPath)!) && !values['customers-sheet']) {
      io.warn(
        `rajaus build: warning: --source and --customers are the same file (${customersPath}); every row will be removed as its own customer`,
      );
    }
    if (customersPath) {
      const map = parseMapOverrides((values.map as string[] | undefined) ?? []);
      const table = await readListFile(resolve(io.cwd, customersPath), {
        sheet: values['customers-sheet'] as string | undefined,
        map,
        onWarning: io.warn,
        lang: io.lang,
        signal: io.signal,
      });
      plan.customers = { table, name: basename(customersPath) };
    }
    const buildingsSpec = values.buildings as string | undefined;
    if (buildingsSpec) {
      const spec = buildingsSpec.startsWith('file:') ? `file:${resolveSpec(buildingsSpec.slice(5), io.cwd)}` : buildingsSpec;
      plan.buildings = {
        source: sourceFromOption(spec, values['base-url'] as string | undefined, io.lang),
        filters: buildingFiltersFromOptions(values),
      };
    }
    const dncPath = values.dnc as string | undefined;
    if (dncPath) {
      const numbers = await readDoNotCallFile(await readBytes(resolve(io.cwd, dncPath)), basename(dncPath), io.lang);
      for (const bad of numbers.invalid.slice(0, 5)) io.warn(`${dncPath}: line ${bad.line}: not a phone number ('${bad.value}'), skipped`);
      const checkedAt = (values['dnc-date'] as string | undefined) ?? io.now().toISOString().slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(checkedAt)) throw new UserError(`--dnc-date must be yyyy-mm-dd, not '${checkedAt}'`);
      plan.doNotCall = { name: (values['dnc-name'] as string | undefined) ?? basename(dncPath), checkedAt, phones: numbers.phones };
    }
    const formats = ((values.export as string | undefined) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const f of formats) {
      if (!(EXPORT_FORMATS as readonly string[]).includes(f))
        throw new UserError(`--export: unknown format '${f}'. Formats: ${EXPORT_FORMATS.join(', ')}`);
    }
    const base = basename(out).replace(/\.xlsx$/i, '');
    plan.exports = formats.map((format) => ({
      format: format as ExportFormat,
      allowDemo: Boolean(values['allow-demo']),
      fileName: `${base}-${format}`,
    }));

    const { createXlsxWorkbook, xlsxBytes } = await xlsxTools();
    const workbook = createXlsxWorkbook();
    const textRepairs = new TextRepairs();
    const signal = io.signal;
    const report = await runPipeline(
      { workbook, lang: io.lang, settings, now: io.now, textRepairs, signal, notice: io.info },
      plan,
      (line) => io.info(`  ${line}`),
    );
    for (const line of textRepairLines(io.lang, textRepairs)) io.warn(`${outOption}: ${line}`);
    // The workbook and its export files are one unit: all new, or (cancelled, failed) all old.
    // The manifest names the export files, so a later build in fewer parts removes the rest.
    const outputs = new RunOutputs(dirname(out), {
      signal,
      manifest: { name: `${base}.parts.json`, about: { workbook: basename(out), formats } },
    });
    // Seconds for a big list, in a worker thread that a Ctrl-C ends at once (xlsxWriter.ts).
    io.info(`  ${writingWorkbookLine(io.lang, basename(out))}`);
    await outputs.write(basename(out), await xlsxBytes(workbook, { signal }));
    for (const f of report.files) await outputs.write(f.name, f.bytes);
    await outputs.commit();
    for (const part of outputs.removedParts) io.info(`  removed ${part} (a part of an earlier export)`);
    io.info(`${out} (${Date.now() - started} ms)`);
  },
};
