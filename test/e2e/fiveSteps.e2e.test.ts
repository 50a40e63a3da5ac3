/**
 * Issue 14's "Done when" through the pane: a cell reference, a structured reference and a pivot
 * source on the list survive all five steps, in Chromium beside the simulated workbook, through
 * the built pane and the Office.js adapter. The list (households in Helsinki) has the user's
 * summary sheet on it; then, one after another: 2 remove own customers (one person goes to the
 * audit sheet), 3 building data (columns added after the list's last one, from a local replay of
 * Helsinki's WFS), 4 privacy notes (the do-not-call check takes another person out), 5 export
 * into a sheet, and 1 a new search (another list beside it). After each, the list is the same
 * sheet and table, the structured reference and the pivot source are as written, and each cell
 * reference still shows the person it showed at first (its row moved up with the deletions
 * above it). The simulator turns references to deleted sheets, tables, columns and rows into
 * #REF!, so a step that replaced the list or rewrote its rows by position fails here.
 * On a Microsoft 365 host and on one offering only ExcelApi 1.7 (Office 2019). The adapter test
 * of the same five steps is test/workbook/officejs/fiveSteps.test.ts.
 * Screenshots: test-results/five-steps*.png.
 */
import { openPane, type PaneSession } from './support';
import { openStep } from './paneSteps';
import { startReplay, type Replay } from '../sources/buildings/replayServer';
import { statePart, textTable } from './workbooks';
import type { WorkbookInit } from '../excel-simulator';

const LIST = 'Helsinki 5.10.2026';
const ROWS = [
  ['Nimi', 'Puhelin', 'Katuosoite', 'Postinumero', 'Postitoimipaikka'],
  ['Aino Virtanen', '040 123 4501', 'Kaarnatie 2', '00410', 'HELSINKI'],
  ['Mikko Korhonen', '040 123 4502', 'Kaarnatie 4', '00410', 'HELSINKI'],
  ['Juha Mäkinen', '040 123 4504', 'Topeliuksenkatu 3 A 12', '00250', 'HELSINKI'],
  ['Pekka Lehtonen', '040 123 4506', 'Olematon tie 5', '00250', 'HELSINKI'],
];
const FORMULAS = {
  // Aino's name, Pekka's phone (absolute; two rows above his go before the end) and the list's last column.
  A1: `='${LIST}'!A2`,
  B1: `='${LIST}'!$B$5`,
  C1: '=COUNTA(Lista_Helsinki[Puhelin])',
  D1: '=COUNTA(Lista_Helsinki[Postitoimipaikka])',
};
const PIVOTS = [{ name: 'Pivot1', sheet: 'Yhteenveto', source: 'Lista_Helsinki[#All]' }];

const workbook: WorkbookInit = {
  activeSheet: LIST,
  sheets: [
    textTable(LIST, ROWS, 'Lista_Helsinki'),
    textTable(
      'Asiakkaat',
      [
        ['Nimi', 'Puhelin', 'Katuosoite', 'Postinumero'],
        ['Juha Mäkinen', '040 123 4504', 'Topeliuksenkatu 3 A 12', '00250'],
      ],
      'Asiakkaat',
    ),
    { name: 'Yhteenveto', values: [['', '', '', '']], formulas: FORMULAS },
  ],
  pivots: PIVOTS,
  customXmlParts: [statePart({ name: 'Kotitaloudet Helsinki', kind: 'b2c', sheet: LIST, createdAt: '2026-10-05T09:00:00.000Z', rows: 4 })],
};

/** The ids of the list's sheet and table, read in the pane's window through its Office.js global. */
function ids(s: PaneSession): Promise<string[]> {
  return s.paneFrame.evaluate(
    ([sheetName, tableName]) =>
      (window as unknown as { Excel: typeof Excel }).Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheetName).load('id');
        const tb = ctx.workbook.tables.getItem(tableName).load('id');
        await ctx.sync();
        return [ws.id, tb.id];
      }),
    [LIST, 'Lista_Helsinki'],
  );
}

let replay: Replay;
beforeAll(async () => {
  replay = await startReplay({ cors: true });
});
afterAll(() => replay.close());

// Microsoft 365, and Office 2019, which offers only ExcelApi 1.7 (no Range.copyFrom, no print setup).
const HOSTS = [
  { host: 'ExcelApi 1.17', requirementSets: undefined },
  { host: 'ExcelApi 1.7', requirementSets: { ExcelApi: '1.7' } },
];

it.each(HOSTS)(
  'the user’s references on the list survive all five steps of the pane on $host',
  async ({ requirementSets }) => {
    const s = await openPane({ preload: workbook, requirementSets });
    await s.page.route(`${replay.url}/**`, (route) => route.continue());
    try {
      s.page.context().setDefaultTimeout(30_000);
      const before = await ids(s);
      const kept = async (step: string) => {
        const snap = await s.snapshot();
        const list = snap.sheets.find((sh) => sh.name === LIST)!;
        const formulas = snap.sheets.find((sh) => sh.name === 'Yhteenveto')!.formulas;
        const shows = (f: string | undefined) => {
          const m = /!\$?([A-Z])\$?(\d+)$/.exec(f ?? '');
          return m ? list.values[Number(m[2]) - 1]?.[m[1]!.charCodeAt(0) - 65] : f;
        };
        expect({ step, ids: await ids(s) }).toEqual({ step, ids: before });
        expect({ step, tables: list.tables.map((t) => t.name) }).toEqual({ step, tables: ['Lista_Helsinki'] });
        expect({ step, structured: [formulas.C1, formulas.D1], pivots: snap.pivots }).toEqual({
          step,
          structured: [FORMULAS.C1, FORMULAS.D1],
          pivots: PIVOTS,
        });
        expect({ step, name: shows(formulas.A1), phone: shows(formulas.B1) }).toEqual({
          step,
          name: 'Aino Virtanen',
          phone: '040 123 4506',
        });
        expect({ step, hidden: snap.sheets.filter((sh) => sh.visibility !== 'Visible').map((sh) => sh.name) }).toEqual({
          step,
          hidden: [],
        });
        return list;
      };

      // 2. Remove own customers: Juha is a customer.
      await openStep(s, 'match');
      const match = s.pane.getByTestId('match-step');
      await match.getByRole('button', { name: 'Tunnista asiakkaat' }).click();
      await s.pane.getByTestId('match-summary').waitFor();
      await match.getByRole('button', { name: /Siirrä poistettavat/ }).click();
      await s.waitForSnapshot((x) => x.sheets.some((sh) => sh.name === 'Poistetut asiakkaat'), 60_000);
      let list = await kept('remove customers');
      expect(list.values.map((r) => r[0])).toEqual(['Nimi', 'Aino Virtanen', 'Mikko Korhonen', 'Pekka Lehtonen']);

      // 3. Building data from Helsinki's WFS (a local replay).
      await openStep(s, 'buildings');
      await s.pane.getByRole('textbox', { name: /Palvelun osoite/ }).fill(`${replay.url}/hki/wfs`);
      await s.pane.getByTestId('buildings-step').getByRole('button', { name: 'Lisää rakennustiedot' }).click();
      await s.pane.getByTestId('buildings-summary').waitFor();
      await s.waitForSnapshot((x) => (x.sheets.find((sh) => sh.name === LIST)?.values[0]?.length ?? 0) > 5, 30_000);
      list = await kept('building data');
      expect(list.values[0]!.slice(0, 5)).toEqual(ROWS[0]);

      // 4. Privacy notes: the do-not-call check takes Mikko out.
      await openStep(s, 'notes');
      const dnc = s.pane.getByRole('button', { name: 'Kieltolistatarkistus' });
      if ((await dnc.getAttribute('aria-expanded')) !== 'true') await dnc.click();
      const file = 'Nimi;Puhelin\r\nM K;0401234502\r\n';
      await s.pane.getByTestId('dnc-file').setInputFiles({ name: 'kiellot.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') });
      await s.pane.getByTestId('dnc-import').getByRole('button', { name: 'Tarkista lista' }).click();
      await s.pane.getByTestId('dnc-status').locator('.fui-MessageBar', { hasText: 'siirretty' }).waitFor();
      await s.waitForSnapshot(
        (x) => !(x.sheets.find((sh) => sh.name === LIST)?.values ?? []).some((r) => r[0] === 'Mikko Korhonen'),
        30_000,
      );
      list = await kept('privacy notes (do-not-call)');
      expect(list.values.map((r) => r[0]).filter(Boolean)).toEqual(['Nimi', 'Aino Virtanen', 'Pekka Lehtonen']);

      // 5. Export into a sheet (as on hosts that block downloads).
      await openStep(s, 'export');
      const sheetsBefore = (await s.snapshot()).sheets.length;
      await s.pane.getByRole('button', { name: 'Vie uudelle taulukolle' }).click();
      await s.pane.getByTestId('export-outcome').waitFor({ timeout: 60_000 });
      await s.waitForSnapshot((x) => x.sheets.length > sheetsBefore, 30_000);
      await kept('export');

      // 1. A new search: another list beside this one.
      await openStep(s, 'search');
      const area = s.pane.getByTestId('area-input');
      await area.fill('Tampere');
      await s.pane
        .getByRole('option', { name: /^Tampere/ })
        .first()
        .click();
      await s.pane.getByTestId('industry-input').fill('rakentaminen');
      await s.pane.getByRole('option', { name: /^F\s+Rakentaminen/ }).click();
      await s.pane.getByText(/^Hakuehtoja vastaa \d/).waitFor();
      await s.pane.getByTestId('search-run').click();
      await s.waitForSnapshot((x) => x.sheets.some((sh) => sh.tables.some((t) => t.name.startsWith('Rajaus_'))), 60_000);
      await kept('search');

      await s.showSheet('Yhteenveto');
      // The harness shows each formula in its own cell (a formula cell once took the formula bar's flex layout).
      const shown = await s.page.evaluate(() =>
        [...document.querySelectorAll('.grid td.has-formula')].map((td) => getComputedStyle(td).display),
      );
      expect(shown).toEqual(['table-cell', 'table-cell', 'table-cell', 'table-cell']);
      await s.screenshot(requirementSets ? 'five-steps-1.7' : 'five-steps');
      expect(s.errors).toEqual([]);
    } catch (e) {
      await s.screenshot('five-steps-failure');
      throw new Error(`${(e as Error).message}\nPane: ${await s.pane.locator('body').innerText()}\nErrors: ${s.errors.join('; ')}`);
    } finally {
      await s.close();
    }
  },
  240_000,
);
