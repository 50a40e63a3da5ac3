/**
 * Step 5 in the pane, in Chromium beside the simulated workbook: a LeadDesk export of a list
 * whose company names start with = + @ and whose phones are written in every Finnish way comes
 * down as a file with a BOM, every phone in E.164 and no cell a spreadsheet would run; the
 * export to a sheet (for hosts that block downloads) arrives as text; both are logged in the
 * workbook's state. Screenshots: test-results/export-*.png.
 */
import { readFileSync } from 'node:fs';
import { setPaneWidth } from './paneSteps';
import { openPane, type PaneSession } from './support';
import { statePart, stateOf, textTable } from './workbooks';
import { looksLikeFormula } from '../../src/core/export/csv';
import { parseCsvRecords } from '../../src/sources/tabular/csvParse';
import type { WorkbookInit } from '../excel-simulator';

const LIST = 'Tampere 20.11.2026';
const ROWS = [
  ['Yritys', 'Nimi', 'Puhelin', 'Katuosoite', 'Postinumero', 'Postitoimipaikka', 'Lähde'],
  ['=HYPERLINK("http://x.example";"Avaa")', 'Matti Virtanen', '040-1234567', 'Hämeenkatu 1', '33100', 'Tampere', 'PRH'],
  ['+Plus Palvelut Oy', 'Liisa Laine', '(03) 222 1100', 'Satakunnankatu 2', '33210', 'Tampere', 'PRH'],
  ['@Ät Tmi', 'Pekka Puu', '00358501234567', 'Itsenäisyydenkatu 3', '33500', 'Tampere', 'PRH'],
  ['-Miinus Ky', 'Anna Aho', '+358 44 222 3344', 'Hatanpään valtatie 4', '33100', 'Tampere', 'PRH'],
  ['Kuusi Oy', 'Kalle Kuusi', '358401112233', 'Pyynikintie 5', '33230', 'Tampere', 'PRH'],
  ['Numeroton Oy', 'Ei Numeroa', '', 'Hämeenpuisto 6', '33210', 'Tampere', 'PRH'],
];

function workbook(): WorkbookInit {
  return {
    activeSheet: LIST,
    sheets: [textTable(LIST, ROWS, 'Lista_Tampere', { columnWidths: { A: 160, B: 110, C: 100, D: 130, E: 70, F: 80, G: 50 } })],
    customXmlParts: [
      statePart({ name: 'Rakennusliikkeet Tampere', kind: 'b2b', sheet: LIST, createdAt: '2026-11-20T09:00:00.000Z', rows: 6 }),
    ],
  };
}

async function openExport(s: PaneSession): Promise<void> {
  // The flow may already have the step open (it opens the next step of the active list).
  const header = s.pane.locator('[data-step="export"]').getByRole('button').first();
  await header.waitFor();
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await s.pane.getByTestId('export-step').waitFor();
}

describe('export step (Chromium, Excel simulator)', () => {
  it('downloads a LeadDesk file: BOM, every phone in E.164, no live formulas, logged in the notes', async () => {
    const s = await openPane({ preload: workbook() });
    try {
      // As on a laptop: the README's export screenshot is this one.
      await setPaneWidth(s, 320);
      await openExport(s);
      await s.pane.getByRole('radio', { name: 'LeadDesk-yhteystietolista' }).check();
      await s.screenshot('export-form');
      const [download] = await Promise.all([s.page.waitForEvent('download'), s.pane.getByRole('button', { name: 'Vie ja lataa' }).click()]);
      expect(download.suggestedFilename()).toBe(`${LIST}-leaddesk.csv`);
      const bytes = readFileSync((await download.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const grid = parseCsvRecords(bytes.subarray(3).toString('utf8'), ';');
      expect(grid[0]).toEqual(['Puhelin', 'Nimi', 'Yritys', 'Katuosoite', 'Postinumero', 'Postitoimipaikka']);
      expect(grid.slice(1).map((r) => r[0])).toEqual(['+358401234567', '+35832221100', '+358501234567', '+358442223344', '+358401112233']);
      for (const row of grid.slice(1)) for (const cell of row.slice(1)) expect(looksLikeFormula(cell)).toBe(false);
      expect(grid[1]![2]).toBe('\'=HYPERLINK("http://x.example";"Avaa")');

      const outcome = s.pane.getByTestId('export-outcome');
      await outcome.waitFor();
      await expect(outcome.textContent()).resolves.toContain('ei puhelinnumeroa');
      const snap = await s.waitForSnapshot((x) => stateOf(x).lists[0]!.log.length === 2);
      const step = stateOf(snap).lists[0]!.log[1]!;
      expect(step).toEqual(expect.objectContaining({ step: 'export', rowsIn: 6, rowsOut: 5 }));
      expect(step.params).toEqual(expect.objectContaining({ format: 'leaddesk', files: `${LIST}-leaddesk.csv` }));
      // The notes sheet now exists and the list sheet is unchanged.
      expect(snap.sheets.length).toBeGreaterThanOrEqual(2);
      // The outcome in view (the README's export screenshot).
      await outcome.scrollIntoViewIfNeeded();
      await s.screenshot('export-downloaded');
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('writes the export into a new sheet as text, ready for Save As CSV, and says so', async () => {
    const s = await openPane({ preload: workbook(), lang: 'en' });
    try {
      await openExport(s);
      await s.pane.getByRole('radio', { name: 'Dialer CSV' }).check();
      await s.pane.getByRole('checkbox', { name: /Yritys/ }).check();
      await s.pane.getByRole('checkbox', { name: /Puhelin/ }).check();
      await s.pane.getByRole('button', { name: 'Export to a new sheet' }).click();
      const snap = await s.waitForSnapshot((x) => x.sheets.some((sh) => sh.name.startsWith('Export ')));
      const sheet = snap.sheets.find((sh) => sh.name.startsWith('Export '))!;
      expect(sheet.values[0]).toEqual(['Yritys', 'Puhelin']);
      // The user saves this sheet as CSV, so it holds what our CSV holds: formula-looking text
      // neutralized with a leading apostrophe, E.164 phones as they are, nothing a formula.
      expect(sheet.values[1]).toEqual(['\'=HYPERLINK("http://x.example";"Avaa")', '+358401234567']);
      expect(sheet.values[3]).toEqual(["'@Ät Tmi", '+358501234567']);
      expect(sheet.formulas).toEqual({});
      expect(sheet.numberFormats[1]).toEqual(['@', '@']);
      await s.pane
        .getByText(/Save it as CSV/)
        .first()
        .waitFor();
      await s.showSheet(sheet.name);
      await s.screenshot('export-to-sheet');
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
