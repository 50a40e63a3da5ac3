/**
 * The demo directory in the pane speaks the pane's language (issue 13, item 7): a search in a
 * Swedish pane writes the demo source's Swedish labels into the rows' source column and into
 * the privacy notes, and none of its Finnish or English ones. Chromium, Excel simulator.
 */
import { openPane } from './support';
import { openStep } from './paneSteps';
import { hasState, stateOf } from './workbooks';
import { LANGS } from '../../src/core/i18n/lang';
import { demoSourceInfo } from '../../src/sources/demo/demoDirectorySource';

describe('the demo source in a Swedish pane (Chromium, Excel simulator)', () => {
  it('writes its Swedish labels into the list and the notes, and no Finnish or English ones', async () => {
    const s = await openPane({ lang: 'sv' });
    try {
      await openStep(s, 'search');
      await s.pane.getByRole('radio', { name: 'Konsumenter (B2C)' }).check();
      const area = s.pane.getByTestId('area-input');
      await area.fill('00250');
      await area.press('Enter');
      await s.pane.getByTestId('area-chips').getByText('00250').waitFor();
      await s.pane.getByText(/motsvarar kriterierna$/).waitFor({ timeout: 30_000 });
      await s.pane.getByTestId('search-run').click();
      const snap = await s.waitForSnapshot((x) => hasState(x), 30_000);
      const list = stateOf(snap).lists[0]!;

      const own = demoSourceInfo('sv');
      const foreign = LANGS.filter((l) => l !== 'sv')
        .map(demoSourceInfo)
        .flatMap((i) => [i.name, i.controller, i.licence, i.terms!]);
      expect(list.sources.map((x) => x.name)).toEqual([own.name]);

      const notes = snap.sheets.find((x) => x.name === list.sheets.notes)!;
      const notesText = notes.values.flat().map(String).join('\n');
      for (const label of [own.name, own.controller, own.licence, own.terms!]) expect(notesText).toContain(label);
      for (const label of foreign) expect({ label, found: notesText.includes(label) }).toEqual({ label, found: false });

      const sheet = snap.sheets.find((x) => x.name === list.sheets.list)!;
      const source = (sheet.values[0] as string[]).indexOf('Källa');
      expect(source).toBeGreaterThanOrEqual(0);
      const rows = sheet.values.slice(1);
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r[source]))).toEqual(new Set([own.name]));
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
