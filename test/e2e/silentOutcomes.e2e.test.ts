/**
 * Issue 13, item 9 (silent bad outcomes), at a 320 px pane:
 * - an export with no row left to export says so in step 5 and writes and logs nothing;
 * - an invalid business id is refused at its field in the controller settings, and a valid
 *   one is saved with a confirmation next to the form (stored as 1234567-8).
 * (A header-only customer register is warned in step 2: customerSheet.e2e.test.ts.)
 */
import type { PaneSession } from './support';
import { HELSINKI_LIST, helsinkiHouseholds, stateOf } from './workbooks';
import { openStep, withNarrowPane } from './paneSteps';
import type { WorkbookInit } from '../excel-simulator';

const LIST = HELSINKI_LIST;
const noPhones = () => helsinkiHouseholds({ phones: false });
const withPane = (init: WorkbookInit | undefined, body: (s: PaneSession) => Promise<void>) => withNarrowPane({ preload: init }, 'silent-outcomes-failure', body);

describe('no silent bad outcomes (Chromium, Excel simulator, 320 px pane)', () => {
  it('an export with nothing to export says so and writes nothing', async () => {
    await withPane(noPhones(), async (s) => {
      await openStep(s, 'export');
      const before = await s.snapshot();
      await s.pane.getByRole('button', { name: 'Vie uudelle taulukolle' }).click();
      const status = s.pane.getByTestId('export-status').locator('.fui-MessageBar');
      await status.waitFor({ timeout: 20_000 });
      expect(await status.innerText()).toMatch(/Vietäviä rivejä ei jäänyt yhtään.*Mitään ei kirjoitettu/s);
      expect(await status.getAttribute('data-kind')).toBe('error');
      const after = await s.snapshot();
      expect(after.sheets.map((x) => x.name)).toEqual(before.sheets.map((x) => x.name));
      expect(stateOf(after).lists[0]!.log.map((l) => l.step)).toEqual(['search']);
      expect(await s.pane.getByTestId('export-outcome').count()).toBe(0);
    });
  }, 60_000);

  it('an invalid business id is refused in the settings; a valid one is saved and confirmed', async () => {
    await withPane(undefined, async (s) => {
      await openStep(s, 'notes');
      const form = s.pane.getByTestId('settings-form');
      await form.waitFor();
      await s.pane.getByTestId('settings-organisation').fill('Testi Oy');
      await s.pane.getByTestId('settings-businessId').fill('1234567-8');
      await s.pane.getByTestId('settings-save').click();
      const field = s.pane.locator('.fui-Field', { has: s.pane.getByTestId('settings-businessId') });
      expect(await field.locator('.fui-Field__validationMessage').innerText()).toMatch(/"1234567-8" ei ole kelvollinen Y-tunnus/);
      const status = s.pane.getByTestId('settings-status').locator('.fui-MessageBar');
      expect(await status.innerText()).toMatch(/^Asetuksia ei tallennettu/);
      const saved = await s.paneFrame.evaluate(() => window.localStorage.getItem('rajaus.settings.v1'));
      expect(saved ?? '').not.toContain('1234567-8');

      await s.pane.getByTestId('settings-businessId').fill('0112038 9');
      await s.pane.getByTestId('settings-save').click();
      await status.filter({ hasText: 'Asetukset tallennettu.' }).waitFor();
      expect(await status.getAttribute('data-kind')).toBe('success');
      expect(await field.locator('.fui-Field__validationMessage').count()).toBe(0);
      const stored = JSON.parse((await s.paneFrame.evaluate(() => window.localStorage.getItem('rajaus.settings.v1')))!);
      expect(stored.controller.businessId).toBe('0112038-9');
      expect(s.errors).toEqual([]);
    });
  }, 60_000);
});
