/**
 * Issue 17, Ctrl-C during the final workbook write: the .xlsx is made in a worker thread
 * (lib/xlsx-worker.js), from the workbook handed over in pieces. It must be the workbook the
 * CLI wrote before (in this thread, with `xlsxWorkbookToBytes`), and a cancel must end it.
 */
import { join } from 'node:path';
import { runDemo } from '../../../src/app/demo';
import { exampleSettings } from '../../../src/app/settingsFile';
import { xlsxBytes } from '../../../src/cli/io/xlsxWriter';
import { CancelledError } from '../../../src/core/errors';
import { tablePlan } from '../../../src/core/workbook/sheetPlan';
import { createXlsxWorkbook, xlsxWorkbookToBytes } from '../../../src/workbook/exceljs/xlsxWorkbook';
import { xlsxDifferences } from '../../support/xlsxCompare';
import { ROOT, buildCli } from '../integrity/process';

const WORKER = join(ROOT, 'lib', 'xlsx-worker.js');
beforeAll(buildCli, 120_000);

test('the demo workbook written by the worker is the one written in this thread: every part, sheet, cell, format and the state', async () => {
  const port = createXlsxWorkbook();
  await runDemo({ workbook: port, lang: 'fi', settings: exampleSettings(), now: () => new Date('2026-12-07T10:00:00Z') });
  expect(port.workbook.worksheets.length).toBeGreaterThanOrEqual(10);
  // The worker first, as the CLI does (ExcelJS's writer leaves marks in the models it writes).
  const fromWorker = await xlsxBytes(port, { workerScript: WORKER });
  const inThread = await xlsxWorkbookToBytes(port);
  expect(await xlsxDifferences(inThread, fromWorker)).toEqual([]);
}, 180_000);

test('a cancel ends the write with CancelledError, while the pieces go over or while the worker writes', async () => {
  const rows = Array.from({ length: 100_000 }, (_, i) => [`Yritys ${i} Oy`, `+35840${1_000_000 + i}`, '33100', 'TAMPERE']);
  const port = createXlsxWorkbook();
  await port.apply({
    write: [
      tablePlan({
        name: 'Lista',
        role: 'list',
        keys: ['companyName', 'phone', 'postalCode', 'postOffice'],
        rows,
        lang: 'fi',
        tableName: 'Lista',
      }),
    ],
  });
  for (const afterMs of [0, 50, 800]) {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), afterMs);
    await expect(xlsxBytes(port, { workerScript: WORKER, signal: abort.signal })).rejects.toThrow(CancelledError);
    clearTimeout(timer);
  }
}, 120_000);
