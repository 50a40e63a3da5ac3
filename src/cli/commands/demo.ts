/**
 * `rajaus demo [--out FILE.xlsx]`: every step on the embedded demo data, into one workbook
 * (default out/demo.xlsx) plus the export files beside it. The demo uses example settings,
 * marked as examples in the notes.
 */
import { dirname, join, resolve } from 'node:path';
import type { Command } from '../command';
import { xlsxTools } from '../io/xlsx';
import { runDemo } from '../../app/demo';
import { exampleSettings } from '../../app/settingsFile';
import { ensureDir, writeFileAtomic } from '../io/files';
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
    const { createXlsxWorkbook, saveXlsxWorkbook } = await xlsxTools();
    const workbook = createXlsxWorkbook();
    const report = await runDemo({ workbook, lang: io.lang, settings: exampleSettings(), now: io.now }, (line) => io.info(`  ${line}`));
    await ensureDir(dirname(out));
    await saveXlsxWorkbook(workbook, out);
    for (const f of [...report.b2b.files, ...report.b2c.files]) {
      const path = join(dirname(out), f.name);
      await writeFileAtomic(path, f.bytes);
      io.info(t(io.lang, 'file', { file: path }));
    }
    io.info(t(io.lang, 'wrote', { file: out, ms: Date.now() - started }));
  },
};
