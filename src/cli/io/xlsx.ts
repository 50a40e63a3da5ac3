/**
 * ExcelJS, loaded only by the commands that write .xlsx: loading it costs about a third of a
 * second, which `rajaus match` and `rajaus buildings` (whose budgets are for the whole
 * process) should not pay.
 */
import { defineMessages, type Lang } from '../../core/i18n/lang';

export async function xlsxTools() {
  const [{ createXlsxWorkbook, xlsxWorkbookToBytes }, { saveXlsxWorkbook }, { xlsxBytes }] = await Promise.all([
    import('../../workbook/exceljs/xlsxWorkbook'),
    import('../../workbook/exceljs/xlsxFile.node'),
    import('./xlsxWriter'),
  ]);
  return { createXlsxWorkbook, xlsxWorkbookToBytes, saveXlsxWorkbook, xlsxBytes };
}

const t = defineMessages({
  fi: { writing: 'Kirjoitetaan työkirjaa {file}…' },
  en: { writing: 'Writing the workbook {file}…' },
  sv: { writing: 'Skriver arbetsboken {file}…' },
});

/** Said before a workbook is written: a big one takes seconds, and Ctrl-C still works then. */
export function writingWorkbookLine(lang: Lang, file: string): string {
  return t(lang, 'writing', { file });
}
