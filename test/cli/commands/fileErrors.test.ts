/**
 * A damaged .xlsx or a missing sheet is said in the CLI's language (issue 13: ExcelJS's own
 * words reached the user in English while the CLI spoke Finnish): Finnish by default, --lang sv
 * in Swedish, the library's words only in parentheses.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { useCliSandbox } from '../../support/cliSandbox';
import { createXlsxWorkbook } from '../../../src/workbook/exceljs/xlsxWorkbook';
import { saveXlsxWorkbook } from '../../../src/workbook/exceljs/xlsxFile.node';
import { tablePlan } from '../../../src/core/workbook/sheetPlan';

const sandbox = useCliSandbox('file-errors');

/** The start of a zip (what an .xlsx is) cut off: a download or a save that did not finish. */
function brokenXlsx(): string {
  const path = join(sandbox.dir, 'lista.xlsx');
  writeFileSync(path, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]));
  return path;
}

describe('file errors in the CLI language', () => {
  it('export: a damaged .xlsx in Finnish by default', async () => {
    const code = await main(['export', '--list', brokenXlsx(), '--format', 'csv', '--out', join(sandbox.dir, 'out.csv')]);
    expect(code).toBe(1);
    expect(sandbox.err.join('\n')).toMatch(/lista\.xlsx.*Excel-työkirjaa ei voi lukea/);
  });

  it('dnc and buildings: the same in Swedish with --lang sv', async () => {
    const list = brokenXlsx();
    writeFileSync(join(sandbox.dir, 'numerot.csv'), 'Puhelin\r\n0401234567\r\n');
    expect(
      await main([
        'dnc',
        '--list',
        list,
        '--numbers',
        join(sandbox.dir, 'numerot.csv'),
        '--out',
        join(sandbox.dir, 'ulos'),
        '--lang',
        'sv',
      ]),
    ).toBe(1);
    expect(await main(['buildings', '--list', list, '--source', 'helsinki', '--out', join(sandbox.dir, 'ulos2'), '--lang', 'sv'])).toBe(1);
    const lines = sandbox.err.join('\n');
    expect(lines).not.toMatch(/not a readable/);
    expect(lines.match(/lista\.xlsx[^\n]*\.xlsx-arbetsbok|lista\.xlsx[^\n]*arbetsbok/g)?.length).toBe(2);
  });

  it('a sheet that is not there, in Finnish', async () => {
    const wb = createXlsxWorkbook();
    await wb.apply({
      write: [tablePlan({ name: 'Rekisteri', role: 'list', keys: ['companyName'], rows: [['Oy Ab']], lang: 'fi', tableName: 'Rekisteri' })],
    });
    const path = join(sandbox.dir, 'r.xlsx');
    await saveXlsxWorkbook(wb, path);
    const code = await main(['export', '--list', path, '--sheet', 'Asiakkaat', '--format', 'csv', '--out', join(sandbox.dir, 'o.csv')]);
    expect(code).toBe(1);
    expect(sandbox.err.join('\n')).toMatch(/työkirjassa ei ole taulukkoa 'Asiakkaat'. Taulukot: Rekisteri/);
  });
});
