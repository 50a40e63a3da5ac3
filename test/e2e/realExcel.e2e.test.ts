/**
 * Real Excel's behaviour in the pane (Chromium, Excel simulator): a workbook that an interrupted
 * step left with hidden `~rajaus-` sheets is cleaned when the pane opens, and the pane says so;
 * a step that the user interrupts by typing in a cell waits with a "finish editing" notice and
 * finishes without leaving a hidden sheet; the pane runs on a host that offers only ExcelApi 1.7
 * (Office 2019). Screenshots: test-results/real-excel-*.png.
 */
import { openPane, type PaneSession } from './support';
import type { WorkbookInit } from '../excel-simulator';

type SimWindow = {
  __rajausSimulator: {
    cellEditMode(w?: { afterSyncs?: number; ms?: number }): void;
    endBlock(): void;
    onChange(listener: () => void): () => void;
    snapshot(opts?: { cells?: boolean }): { sheets: { name: string }[] };
  };
};

/** Step 1 with Tampere construction companies; resolves when the run button has been pressed. */
async function startSearch(s: PaneSession): Promise<void> {
  const header = s.pane.locator('[data-step="search"]').getByRole('button').first();
  await header.waitFor({ timeout: 30_000 });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await s.pane.getByTestId('search-step').waitFor({ timeout: 20_000 });
  const area = s.pane.getByTestId('area-input');
  await area.fill('Tampere', { timeout: 30_000 });
  await s.pane.getByRole('option', { name: /^Tampere/ }).first().click({ timeout: 30_000 });
  await s.pane.getByTestId('industry-input').fill('rakentaminen');
  await s.pane.getByRole('option', { name: /^F\s+Rakentaminen/ }).click({ timeout: 30_000 });
  await s.pane.getByText(/^Hakuehtoja vastaa \d/).waitFor({ timeout: 30_000 });
  await s.pane.getByTestId('search-run').click({ timeout: 30_000 });
}

const leftoverWorkbook: WorkbookInit = {
  activeSheet: 'Asiakkaat',
  sheets: [
    { name: 'Asiakkaat', values: [['Yritys', 'Puhelin'], ['Virtasen Putki Oy', '0401234567']], numberFormats: [['@', '@'], ['@', '@']] },
    // A step that was cut off while writing: a hidden temporary sheet full of list rows.
    { name: '~rajaus-1x2y3z', values: [['Yritys', 'Puhelin'], ['Mäkisen Sähkö Oy', '+358501112223']], visibility: 'Hidden' },
    // A step cut off in its swap: the old list set aside, its replacement in place, the journal incomplete.
    { name: '~rajaus-old-0', values: [['Yritys'], ['Vanha Oy']], tables: [{ name: 'Lista_old', range: 'A1:A2' }], visibility: 'Hidden' },
  ],
  customXmlParts: [
    '<?xml version="1.0" encoding="UTF-8"?><journal xmlns="urn:rajaus:journal:v1">{"complete":false,"sheets":[{"aside":"~rajaus-old-0","name":"Lista"}],"tables":[{"aside":"Lista_old","name":"Lista"}]}</journal>',
  ],
};

describe('real Excel behaviour in the pane (Chromium, Excel simulator)', () => {
  it('cleans up what an interrupted step left behind when the pane opens, and says so', async () => {
    const s = await openPane({ lang: 'fi', preload: leftoverWorkbook });
    try {
      await s.pane.getByText(/Rajaus siivosi keskeytyneen vaiheen jäljet: poistettiin 1 piilotaulukkoa, palautettiin 1/).waitFor({ timeout: 20_000 });
      const snap = await s.snapshot();
      expect(snap.sheets.map((sh) => [sh.name, sh.visibility])).toEqual([
        ['Asiakkaat', 'Visible'],
        ['Lista', 'Visible'],
      ]);
      expect(snap.sheets[1].tables.map((tb) => tb.name)).toEqual(['Lista']);
      expect(snap.customXmlParts).toEqual([]);
      await s.screenshot('real-excel-leftovers-cleaned');
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  }, 60_000);

  it('waits while the user edits a cell, asks them to finish, then finishes the step with no hidden sheet left', async () => {
    const s = await openPane({ lang: 'fi' });
    try {
      // The user clicks into a cell and types while the search writes its sheet: Excel goes
      // into cell-edit mode as soon as the step's temporary sheet exists.
      await s.page.evaluate(() => {
        const sim = (window as unknown as SimWindow).__rajausSimulator;
        const stop = sim.onChange(() => {
          if (!sim.snapshot({ cells: false }).sheets.some((sh) => sh.name.startsWith('~rajaus-'))) return;
          stop();
          sim.cellEditMode();
        });
      });
      await startSearch(s);
      await s.pane.getByText(/lopeta solun muokkaus/).first().waitFor({ timeout: 30_000 });
      const during = await s.snapshot();
      await s.screenshot('real-excel-cell-edit-wait');
      // Enter: the cell is done and Excel takes requests again.
      await s.page.evaluate(() => (window as unknown as SimWindow).__rajausSimulator.endBlock());
      // Done: the list table in place, the old state part gone, nothing hidden left behind.
      const done = (x: typeof during) =>
        x.sheets.some((sh) => sh.tables.some((t) => t.name.startsWith('Rajaus_'))) && x.customXmlParts.length === 1 && !x.sheets.some((sh) => sh.visibility !== 'Visible');
      const after = await s.waitForSnapshot(done, 60_000);
      expect(after.sheets.filter((sh) => sh.visibility !== 'Visible' || sh.name.startsWith('~rajaus'))).toEqual([]);
      expect(after.customXmlParts.map((p) => p.namespaceUri)).toEqual(['urn:rajaus:state:v1']);
      // Something had been written before the wait: the edit interrupted the step, not its start.
      expect(during.sheets.some((sh) => sh.name.startsWith('~rajaus'))).toBe(true);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  }, 120_000);

  it('runs on a host that offers only ExcelApi 1.7 (Office 2019): the search writes its table, print setup is skipped with a note', async () => {
    const s = await openPane({ lang: 'fi', requirementSets: { ExcelApi: '1.7' } });
    try {
      await startSearch(s);
      const snap = await s.waitForSnapshot(
        (x) => x.sheets.some((sh) => sh.tables.some((t) => t.name.startsWith('Rajaus_'))) && x.customXmlParts.length === 1,
        60_000,
      );
      const sheet = snap.sheets.find((sh) => sh.tables.some((t) => t.name.startsWith('Rajaus_')))!;
      expect(sheet.values.length).toBeGreaterThan(1);
      expect(sheet.frozenRows).toBe(1);
      expect(sheet.pageLayout).toEqual({});
      await s.pane.getByText(/ei tue tulostusasetuksia \(ExcelApi 1\.9\)/).first().waitFor({ timeout: 20_000 });
      await s.showSheet(sheet.name);
      await s.screenshot('real-excel-office-2019');
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  }, 120_000);

  it('tells a host below ExcelApi 1.7 that it is too old', async () => {
    const s = await openPane({ lang: 'fi', requirementSets: { ExcelApi: '1.6' } });
    try {
      await s.pane.getByText(/ei tue Rajauksen tarvitsemia ominaisuuksia \(ExcelApi 1\.7\)/).waitFor({ timeout: 20_000 });
    } finally {
      await s.close();
    }
  }, 60_000);
});
