/**
 * Issue 17 in the pane: a directory value holding characters that a workbook cannot hold
 * (U+FFFF, a lone surrogate, C0 controls) goes through the pane's search — a PRH search
 * answered by a local fake of PRH's API, into the workbook through the Office.js adapter on the
 * Excel simulator — and arrives replaced visibly (U+FFFD) and counted in the step's message,
 * as the CLI says it (`textRepairLines`). Screenshot: test-results/xml-safe-search.png.
 */
import { openPane } from './support';
import { openStep } from './paneSteps';
import { generateCompanies } from '../fixtures/prh/generate';
import { startFakePrh, type FakePrh } from '../fixtures/prh/fakePrhServer';
import { isActiveCompany } from '../../src/sources/directory/prhCompany';
import { prhCompanySchema } from '../../src/sources/directory/prhSchema';

// A vendor's record: U+FFFF, a lone high surrogate, and the C0 controls SOH and VT.
const HOSTILE = 'Virtasen\uFFFF Putki\u0001 Oy\uD800';
const STREET = 'Hämeenkatu\u000B 12';

let prh: FakePrh;
beforeAll(async () => {
  const companies = generateCompanies({ count: 40, seed: 17 }).filter((c) => c.addresses.some((a) => a.postCode === '33100'));
  const hostile = companies.find((c) => isActiveCompany(prhCompanySchema.parse(c)))!;
  hostile.names = [{ ...hostile.names[0]!, name: HOSTILE }];
  hostile.addresses = hostile.addresses.map((a) => ({ ...a, street: STREET }));
  prh = await startFakePrh(companies);
});
afterAll(() => prh?.close());

describe('text a workbook cannot hold, through the pane (Chromium, Excel simulator)', () => {
  it('replaces U+FFFF, a lone surrogate and C0 controls from the directory with U+FFFD and says how many', async () => {
    const s = await openPane({ lang: 'fi' });
    // The user's proxy to PRH: the fake, answered with the CORS header a proxy adds.
    const proxy = 'https://prh-proxy.example/opendata-ytj-api/v3';
    await s.page.route(`${proxy}/**`, async (route) => {
      const response = await route.fetch({ url: route.request().url().replace(proxy, prh.base) });
      await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
    });
    try {
      await openStep(s, 'search');
      await s.pane.getByRole('combobox', { name: 'Hakemisto' }).selectOption('prh');
      const base = s.pane.getByRole('textbox', { name: /PRH/ });
      await base.fill(proxy);
      await base.blur();
      const area = s.pane.getByTestId('area-input');
      await area.fill('33100');
      await area.press('Enter');
      await s.pane.getByTestId('area-chips').getByText('33100').waitFor();
      await s.pane.getByTestId('search-run').click();

      const snap = await s.waitForSnapshot((x) => x.sheets.some((sh) => sh.tables.some((t) => t.name.startsWith('Rajaus_'))), 60_000);
      const sheet = snap.sheets.find((sh) => sh.tables.some((t) => t.name.startsWith('Rajaus_')))!;
      const header = sheet.values[0]!.map(String);
      const row = sheet.values.find((r) => String(r[header.indexOf('Yritys')]).startsWith('Virtasen'))!;
      expect(row[header.indexOf('Yritys')]).toBe('Virtasen\uFFFD Putki\uFFFD Oy\uFFFD');
      expect(String(row[header.indexOf('Katuosoite')])).toMatch(/^Hämeenkatu\uFFFD 12/);
      // Nothing forbidden anywhere in the workbook (cells, sheet names, the state part).
      // eslint-disable-next-line no-control-regex -- control characters are what is looked for
      const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Surrogate}/u;
      expect(JSON.stringify(snap.sheets.map((sh) => [sh.name, sh.values]))).not.toMatch(forbidden);
      for (const part of snap.customXmlParts) expect(part.xml).not.toMatch(forbidden);
      // Counted: the cells of the workbook that hold U+FFFD, and the characters replaced.
      const repairedCells = snap.sheets.flatMap((sh) => sh.values.flat()).filter((v) => String(v).includes('\uFFFD')).length;
      const replacedChars = snap.sheets
        .flatMap((sh) => sh.values.flat())
        .reduce((n: number, v) => n + (String(v).match(/\uFFFD/g)?.length ?? 0), 0);
      expect(repairedCells).toBeGreaterThanOrEqual(2);
      const message = s.pane.getByText(/solussa oli merkki, jota työkirja ei voi sisältää/);
      await message.waitFor({ timeout: 20_000 });
      expect(await message.textContent()).toContain(`${repairedCells} solussa oli merkki, jota työkirja ei voi sisältää (${replacedChars} merkkiä korvattu merkillä �)`);
      await s.showSheet(sheet.name);
      await s.screenshot('xml-safe-search');
      expect(s.errors).toEqual([]);
    } catch (e) {
      await s.screenshot('xml-safe-failure');
      throw new Error(`${(e as Error).message}\nPane: ${await s.pane.locator('body').innerText()}\nErrors: ${s.errors.join('; ')}`);
    } finally {
      await s.close();
    }
  }, 120_000);
});
