/**
 * Issue 17 item 5 through the pane: a list that has the user's own "Rakennusvuosi" and
 * "Lämmitysaine" columns gets building data in step 3. Before, the step wrote its building
 * year and heating into the user's columns (matched rows got new values, the others were
 * blanked); now the user's columns are carried through unchanged and Rajaus's are added as
 * "Rakennusvuosi (2)" and "Lämmitysaine (2)". The use case is tested on the Office.js adapter in
 * test/app/ownColumns.test.ts; this is the same path through the built pane.
 */
import { openPane } from './support';
import { setPaneWidth } from './paneSteps';
import { startReplay, type Replay } from '../sources/buildings/replayServer';
import { statePart, textTable } from './workbooks';
import type { WorkbookInit } from '../excel-simulator';

const LIST = 'Helsinki 5.10.2026';
const ROWS = [
  ['Nimi', 'Puhelin', 'Katuosoite', 'Postinumero', 'Postitoimipaikka', 'Rakennusvuosi', 'Lämmitysaine'],
  ['Aino Virtanen', '040 123 4501', 'Kaarnatie 2', '00410', 'HELSINKI', 'oma 1', 'oma lämmitys 1'],
  ['Mikko Korhonen', '040 123 4502', 'KAARNATIE 4', '00410', 'HELSINKI', 'oma 2', 'oma lämmitys 2'],
  ['Juha Mäkinen', '040 123 4504', 'Topeliuksenkatu 3 A 12', '00250', 'HELSINKI', 'oma 3', 'oma lämmitys 3'],
  ['Pekka Lehtonen', '040 123 4506', 'Olematon tie 5', '00250', 'HELSINKI', 'oma 4', 'oma lämmitys 4'],
];

function workbook(): WorkbookInit {
  return {
    activeSheet: LIST,
    sheets: [textTable(LIST, ROWS, 'Lista_Helsinki')],
    customXmlParts: [
      statePart({ name: 'Kotitaloudet Helsinki', kind: 'b2c', sheet: LIST, createdAt: '2026-10-05T09:00:00.000Z', rows: 4 }),
    ],
  };
}

let replay: Replay;
beforeAll(async () => {
  replay = await startReplay({ cors: true });
});
afterAll(() => replay.close());

it('step 3 keeps the user\'s "Rakennusvuosi" and "Lämmitysaine" on every row and adds its own beside them', async () => {
  const s = await openPane({ preload: workbook() });
  await s.page.route(`${replay.url}/**`, (route) => route.continue());
  try {
    await setPaneWidth(s, 320);
    const header = s.pane.locator('[data-step="buildings"]').getByRole('button').first();
    await header.waitFor();
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await s.pane.getByTestId('buildings-step').waitFor();
    await s.pane.getByRole('textbox', { name: /Palvelun osoite/ }).fill(`${replay.url}/hki/wfs`);
    await s.pane.getByTestId('buildings-step').getByRole('button', { name: 'Lisää rakennustiedot' }).click();
    await s.pane.getByTestId('buildings-summary').waitFor({ timeout: 15_000 });

    const snap = await s.waitForSnapshot((x) => (x.sheets.find((sh) => sh.name === LIST)?.values?.[0] ?? []).includes('Rakennusvuosi (2)'));
    const values = snap.sheets.find((sh) => sh.name === LIST)!.values! as unknown[][];
    const head = values[0] as string[];
    const body = values.slice(1).filter((r) => r.some((v) => v !== null && v !== ''));
    const col = (name: string) => body.map((r) => r[head.indexOf(name)]);
    expect(head).toEqual(expect.arrayContaining(['Rakennusvuosi', 'Lämmitysaine', 'Rakennusvuosi (2)', 'Lämmitysaine (2)']));
    expect(col('Nimi')).toEqual(['Aino Virtanen', 'Mikko Korhonen', 'Juha Mäkinen', 'Pekka Lehtonen']);
    expect(col('Rakennusvuosi')).toEqual(['oma 1', 'oma 2', 'oma 3', 'oma 4']);
    expect(col('Lämmitysaine')).toEqual(['oma lämmitys 1', 'oma lämmitys 2', 'oma lämmitys 3', 'oma lämmitys 4']);
    // Rajaus's own year where the building was found (a number), nothing where it was not.
    const years = col('Rakennusvuosi (2)');
    expect(years.filter((y) => typeof y === 'number' && y > 1800 && y < 2030).length).toBeGreaterThanOrEqual(3);
    expect(years[3] ?? '').toBe('');
    expect(s.errors).toEqual([]);
  } catch (e) {
    await s.screenshot('own-columns-failure');
    throw new Error(`${(e as Error).message}\nPane: ${await s.pane.locator('body').innerText()}\nErrors: ${s.errors.join('; ')}`);
  } finally {
    await s.close();
  }
}, 60_000);
