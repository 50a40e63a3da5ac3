/**
 * Step 1 in the pane, in Chromium beside the simulated workbook: the user picks Tampere postal
 * codes and construction, sees the live count, presses "Hae", and the results arrive as a new
 * table sheet whose postal codes and phones are text (leading zeros, "+358…"), registered in the
 * workbook's state with a search step. Screenshots: test-results/search-*.png.
 */
import { openPane } from './support';
import { setPaneWidth } from './paneSteps';
import { stateFromXml, STATE_NAMESPACE } from '../../src/core/state/workbookState';
import { municipalityOfPostalCode } from '../../src/core/area/postalAreas';

describe('search step (Chromium, Excel simulator)', () => {
  it('enters criteria, sees the count, writes the results sheet with text formats', async () => {
    const s = await openPane({ lang: 'fi' });
    try {
      // The README's screenshots: a pane of 320 px, as on a laptop (issue 13).
      await setPaneWidth(s, 320);
      const header = s.pane.locator('[data-step="search"]').getByRole('button').first();
      await header.waitFor();
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      await s.pane.getByTestId('search-step').waitFor({ timeout: 20_000 });

      // Area: a municipality by name, then a postal code range typed as it is.
      const area = s.pane.getByTestId('area-input');
      await area.fill('Tampere');
      await s.pane.getByRole('option', { name: /^Tampere/ }).first().click();
      await area.fill('33100-33500');
      await area.press('Enter');
      await s.pane.getByTestId('area-chips').getByText('33100–33500').waitFor();
      await s.pane.getByTestId('area-chips').getByText('Tampere').waitFor();
      // Industry: construction from the TOL tree.
      await s.pane.getByTestId('industry-input').fill('rakentaminen');
      await s.pane.getByRole('option', { name: /^F\s+Rakentaminen/ }).click();
      await s.pane.getByRole('checkbox', { name: 'Vain puhelinnumerolliset' }).check();

      const count = s.pane.getByTestId('search-count');
      await s.pane.getByText(/^Hakuehtoja vastaa \d/).waitFor({ timeout: 30_000 });
      const countLabel = (await count.textContent())!;
      const counted = Number(countLabel.replace(/\D/g, ''));
      expect(counted).toBeGreaterThan(0);
      await s.screenshot('search-criteria');

      // A mistyped year is shown under its input and stops the search.
      await s.pane.getByRole('textbox', { name: /Rekisteröity vuosina alkaen/ }).fill('20x5');
      await s.pane.getByText(/nyt "20x5"/).waitFor();
      await expect(s.pane.getByTestId('search-run').isDisabled()).resolves.toBe(true);
      await s.pane.getByRole('textbox', { name: /Rekisteröity vuosina alkaen/ }).fill('');

      // The criteria saved as a preset travel with the workbook (its state, not the user's settings).
      await s.pane.getByRole('textbox', { name: 'Hakuehtojen nimi' }).fill('Tampereen rakentajat');
      await s.pane.getByRole('button', { name: 'Tallenna hakuehdot' }).click();
      const saved = await s.waitForSnapshot((x) => x.customXmlParts.some((p) => p.xml.includes('Tampereen rakentajat')));
      const presets = stateFromXml(saved.customXmlParts.find((p) => p.xml.includes(STATE_NAMESPACE))!.xml).presets;
      expect(presets).toEqual([{ name: 'Tampereen rakentajat', criteria: expect.objectContaining({ kind: 'b2b', industries: ['F'], requirePhone: true }) }]);
      // Clearing a criterion and loading the preset brings it back.
      await s.pane.getByRole('checkbox', { name: 'Vain puhelinnumerolliset' }).uncheck();
      await s.pane.getByTestId('search-presets').selectOption('Tampereen rakentajat');
      await expect(s.pane.getByRole('checkbox', { name: 'Vain puhelinnumerolliset' }).isChecked()).resolves.toBe(true);
      await s.pane.getByTestId('search-count').filter({ hasText: countLabel }).waitFor({ timeout: 30_000 });

      await s.pane.getByTestId('search-run').click();
      const snap = await s.waitForSnapshot((x) => x.sheets.some((sh) => sh.tables.some((t) => t.name.startsWith('Rajaus_'))), 30_000);
      const sheet = snap.sheets.find((sh) => sh.tables.some((t) => t.name.startsWith('Rajaus_')))!;
      expect(sheet.name).toMatch(/^Tampere\+? F \d{1,2}\.\d{1,2}\.\d{4}$/);
      const headers = sheet.values[0] as string[];
      const col = (h: string) => headers.indexOf(h);
      const rows = sheet.values.slice(1);
      expect(rows).toHaveLength(counted);
      for (const r of rows) {
        const pc = String(r[col('Postinumero')]);
        expect(pc).toMatch(/^\d{5}$/);
        expect(municipalityOfPostalCode(pc, 'fi') === 'Tampere' || (pc >= '33100' && pc <= '33500')).toBe(true);
        expect(String(r[col('Puhelin')])).toMatch(/^\+358\d+$/);
      }
      // Text formats where leading zeros and "+" matter; the header row frozen.
      for (const h of ['Postinumero', 'Puhelin', 'Y-tunnus', 'Yritys']) expect(sheet.numberFormats[1]![col(h)]).toBe('@');
      expect(sheet.frozenRows).toBe(1);

      const part = snap.customXmlParts.find((p) => p.namespaceUri === STATE_NAMESPACE || p.xml.includes(STATE_NAMESPACE))!;
      const list = stateFromXml(part.xml).lists[0]!;
      expect(list.sheets.list).toBe(sheet.name);
      expect(list.log[0]).toMatchObject({ step: 'search', rowsOut: counted });
      const done = s.pane.getByText(new RegExp(`${counted} riviä kirjoitettiin`));
      await done.waitFor();
      await done.evaluate((m) => m.scrollIntoView({ block: 'center' }));
      await s.showSheet(sheet.name);
      await s.screenshot('search-results');
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  }, 120_000);
});
