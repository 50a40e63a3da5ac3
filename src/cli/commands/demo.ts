/**
 * `rajaus demo [--out FILE.xlsx]`: every step on the embedded demo data, into one workbook
 * (default out/demo.xlsx) plus the export files beside it. The demo uses example settings,
 * marked as examples in the notes.
 */
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from '../command';
import { xlsxTools } from '../io/xlsx';
import { runDemo } from '../../app/demo';
import { exampleSettings } from '../../app/settingsFile';
import { RunOutputs } from '../io/outputs';
import { defineMessages } from '../../core/i18n/lang';
import { UserError } from '../../core/errors';

const t = defineMessages({
  fi: {
    wrote: 'Kirjoitettiin {file} ({ms} ms)',
    file: 'Vientitiedosto {file}',
    start: 'Demo: keksitty hakemisto, omat asiakkaat, rakennukset ja kieltolista',
  },
  en: {
    wrote: 'Wrote {file} ({ms} ms)',
    file: 'Export file {file}',
    start: 'Demo: fictional directory, own customers, buildings and a do-not-call list',
  },
  sv: { wrote: 'Skrev {file} ({ms} ms)', file: 'Exportfil {file}', start: 'Demo: påhittad katalog, egna kunder, byggnader och spärrlista' },
});

export const demoCommand: Command = {
  name: 'demo',
  usage: `rajaus demo [--out FILE.xlsx]

  --out FILE.xlsx   the workbook to write (default out/demo.xlsx); export files go beside it`,
  options: { out: { type: 'string' } },
  async run(values, _positionals, io) {
    const started = Date.now();
    const out = resolve(io.cwd, (values.out as string | undefined) ?? join('out', 'demo.xlsx'));
    if (!out.toLowerCase().endsWith('.xlsx')) throw new UserError('--out must name an .xlsx file', { file: out });
    io.info(t(io.lang, 'start'));
    const { createXlsxWorkbook, xlsxWorkbookToBytes } = await xlsxTools();
    const workbook = createXlsxWorkbook();
    const report = await runDemo({ workbook, lang: io.lang, settings: exampleSettings(io.lang), now: io.now, signal: io.signal }, (line) =>
      io.info(`  ${line}`),
    );
    const outputs = new RunOutputs(dirname(out), { signal: io.signal });
    await outputs.write(basename(out), await xlsxWorkbookToBytes(workbook));
    const files = [...report.b2b.files, ...report.b2c.files];
    for (const f of files) await outputs.write(f.name, f.bytes);
    await outputs.commit();
    for (const f of files) io.info(t(io.lang, 'file', { file: join(dirname(out), f.name) }));
    io.info(t(io.lang, 'wrote', { file: out, ms: Date.now() - started }));
  },
};
