/**
 * Step 3 in the pane, in Chromium beside the simulated workbook: a list of Helsinki addresses
 * written as people write them gets building data from a local replay of Helsinki's WFS (the
 * source suggested from the list's postal codes), filtered to detached houses; the filtered rows
 * land on their own sheet, the summary and the licence attribution are shown, and only postal
 * codes reached the service. Screenshots: test-results/buildings-*.png.
 */
import { openPane } from './support';
import { setPaneWidth } from './paneSteps';
import { startReplay, type Replay } from '../sources/buildings/replayServer';
import { statePart, stateOf, textTable } from './workbooks';
import type { WorkbookInit } from '../excel-simulator';

const LIST = 'Helsinki 5.10.2026';
const ROWS = [
  ['Nimi', 'Puhelin', 'Katuosoite', 'Postinumero', 'Postitoimipaikka'],
  ['Aino Virtanen', '040 123 4501', 'Kaarnatie 2', '00410', 'HELSINKI'],
  ['Mikko Korhonen', '040 123 4502', 'KAARNATIE 4', '00410', 'HELSINKI'],
  ['Liisa Nieminen', '040 123 4503', 'Barkvägen 6', '00410', 'HELSINGFORS'],
  ['Juha Mäkinen', '040 123 4504', 'Topeliuksenkatu 3 A 12', '00250', 'HELSINKI'],
  ['Sanna Laine', '040 123 4505', 'Topeliuksenk. 5 as. 5', '00250', 'HELSINKI'],
  ['Pekka Lehtonen', '040 123 4506', 'Olematon tie 5', '00250', 'HELSINKI'],
];

function workbook(): WorkbookInit {
  return {
    activeSheet: LIST,
    sheets: [textTable(LIST, ROWS, 'Lista_Helsinki')],
    customXmlParts: [
      statePart({ name: 'Kotitaloudet Helsinki', kind: 'b2c', sheet: LIST, createdAt: '2026-10-05T09:00:00.000Z', rows: 6 }),
    ],
  };
}

let replay: Replay;
beforeAll(async () => {
  // The address typed below stands for a proxy the user set up, which answers the pane with
  // CORS headers; the services themselves need not (see serve.e2e.test.ts for the gateway).
  replay = await startReplay({ cors: true });
});
afterAll(() => replay.close());

describe('buildings step (Chromium, Excel simulator)', () => {
  it('joins building data from the suggested source, filters to detached houses and shows the attribution', async () => {
    const s = await openPane({ preload: workbook() });
    // The harness blocks every address but the pane's own; the replayed WFS is let through.
    await s.page.route(`${replay.url}/**`, (route) => route.continue());
    try {
      // The README's screenshot is taken here: a pane of 320 px, as on a laptop (issue 13).
      await setPaneWidth(s, 320);
      const header = s.pane.locator('[data-step="buildings"]').getByRole('button').first();
      await header.waitFor();
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      await s.pane.getByTestId('buildings-step').waitFor();
      // Every postal code on the list is Helsinki's: the city's own register is suggested.
      const helsinki = s.pane.getByRole('radio', { name: /Helsingin kaupunki, rakennusrekisteri \(ehdotettu/ });
      await helsinki.waitFor();
      expect(await helsinki.isChecked()).toBe(true);
      await s.pane.getByRole('textbox', { name: /Palvelun osoite/ }).fill(`${replay.url}/hki/wfs`);
      await s.pane.getByRole('checkbox', { name: 'Omakoti- ja paritalot' }).check();
      await s.screenshot('buildings-form');
      await s.pane.getByTestId('buildings-step').getByRole('button', { name: 'Lisää rakennustiedot' }).click();

      const summary = s.pane.getByTestId('buildings-summary');
      await summary.waitFor({ timeout: 15_000 });
      expect(await summary.textContent()).toMatch(/Rakennus löytyi 5 rivistä 6:stä/);
      expect(await summary.textContent()).toMatch(/postinumerot 00250, 00410 \(ei henkilöiden osoitteita\)/);
      expect(await s.pane.getByTestId('buildings-attribution').textContent()).toMatch(
        /Helsingin kaupunki, rakennusrekisteri. Lisenssi CC BY 4.0/,
      );

      const snap = await s.waitForSnapshot((x) => x.sheets.some((sh) => sh.name === 'Rajatut rakennukset'));
      const state = stateOf(snap);
      const step = state.lists[0]!.log.at(-1)!;
      expect(step).toMatchObject({ step: 'buildings', rowsIn: 6, rowsOut: 3, rowsMoved: 3 });
      for (const u of replay.requests) expect(decodeURIComponent(u.search)).not.toMatch(/Kaarnatie|Topeliuksen|Olematon/);
      await s.showSheet(LIST);
      // The README's screenshot shows the outcome, scrolled into view as the pane does.
      await s.pane.getByTestId('buildings-attribution').scrollIntoViewIfNeeded();
      await s.screenshot('buildings-result');
      expect(s.errors).toEqual([]);
    } catch (e) {
      await s.screenshot('buildings-failure');
      throw new Error(`${(e as Error).message}\nPane: ${await s.pane.locator('body').innerText()}\nErrors: ${s.errors.join('; ')}`);
    } finally {
      await s.close();
    }
  }, 60_000);
});
