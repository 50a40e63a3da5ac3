/**
 * The list stays in place through the pane (issue 14): in Chromium, beside the simulated
 * workbook, the user has a summary sheet with formulas on the list (a cell reference, a
 * structured reference to its phone column and one to its last column), a defined name and a
 * pivot table on its table. Matching moves a customer to the audit sheet and undo brings it back,
 * both through the built pane and the Office.js adapter; after each, the list is the same sheet
 * and table, structured references are as the user wrote them, and references into rows follow
 * their rows (the one to the customer's row is #REF!, as after deleting a row in Excel). The simulator moves references with
 * cells and turns references to deleted sheets, cells and columns into #REF!, so replacing the
 * sheet or overwriting columns by position fails this test.
 * Building data (from a local replay of Helsinki's WFS) adds its columns after the list's last
 * column, whose references stay on it. Screenshots: test-results/list-in-place*.png.
 */
import { openPane, type PaneSession } from './support';
import { openStep } from './paneSteps';
import { startReplay, type Replay } from '../sources/buildings/replayServer';
import { statePart, textTable } from './workbooks';
import type { WorkbookInit } from '../excel-simulator';

const LIST = 'Tampere LVI 20.11.2026';
const LIST_ROWS = [
  ['Yritys', 'Y-tunnus', 'Puhelin', 'Katuosoite', 'Postinumero', 'Postitoimipaikka'],
  ['Hervannan Sähkö Oy', '2331972-7', '050 111 2223', 'Insinöörinkatu 20', '33720', 'Tampere'],
  ['OY VIRTASEN RAKENNUS', 'FI23456780', '+358 40 123 4567', 'Hämeenkatu 12 A 5', '33100', 'TAMPERE'],
  ['Kalevan Kattotyö Ky', '1572860-0', '044 222 3334', 'Kalevantie 5', '33100', 'Tampere'],
  ['Pispalan Putki Oy', '0112038-9', '040 555 6667', 'Pispalan valtatie 40', '33250', 'Tampere'],
];
const CUSTOMER_ROWS = [
  ['Asiakasnumero', 'Asiakas', 'Y-tunnus', 'Puhelin'],
  ['A1001', 'Virtasen Rakennus Oy', '2345678-0', '040 123 4567'],
];
const FORMULAS = {
  A1: `='${LIST}'!A2`,
  B1: '=COUNTA(Lista_Tampere[Puhelin])',
  C1: '=COUNTA(Lista_Tampere[Postitoimipaikka])',
  D1: `='${LIST}'!$F$2`,
  // Kalevan's row and Virtasen's, the customer that matching takes out.
  E1: `='${LIST}'!A4`,
  F1: `='${LIST}'!$B$3`,
};
/** After matching: Virtasen's row is deleted, so the reference to it is #REF! and Kalevan's moved up with its row. */
const MATCHED = { ...FORMULAS, E1: `='${LIST}'!A3`, F1: `='${LIST}'!#REF!` };
/** After undo: Virtasen's row is inserted back, Kalevan's reference moves down with its row (a deleted reference stays #REF!, as in Excel). */
const UNDONE = { ...FORMULAS, F1: `='${LIST}'!#REF!` };
/** A name over the list's body: it shrinks and grows with the rows deleted and inserted inside it. */
const NAMES = { Kohderyhmä: `='${LIST}'!$A$2:$A$5` };
const PIVOTS = [{ name: 'Pivot1', sheet: 'Yhteenveto', source: 'Lista_Tampere[#All]' }];

const workbook: WorkbookInit = {
  activeSheet: LIST,
  sheets: [
    textTable(LIST, LIST_ROWS, 'Lista_Tampere'),
    textTable('Asiakkaat', CUSTOMER_ROWS, 'Asiakkaat'),
    { name: 'Yhteenveto', values: [['', '', '', '', '', '']], formulas: FORMULAS },
  ],
  names: NAMES,
  pivots: PIVOTS,
  customXmlParts: [statePart({ name: 'Tampere LVI', kind: 'b2b', sheet: LIST, createdAt: '2026-11-20T09:00:00.000Z', rows: LIST_ROWS.length - 1 })],
};

/** The ids of a sheet and a table, read in the pane's window through its Office.js global. */
function idsOf(s: PaneSession, sheet: string, table: string): Promise<string[]> {
  return s.paneFrame.evaluate(
    ([sheetName, tableName]) =>
      (window as unknown as { Excel: typeof Excel }).Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheetName).load('id');
        const tb = ctx.workbook.tables.getItem(tableName).load('id');
        await ctx.sync();
        return [ws.id, tb.id];
      }),
    [sheet, table],
  );
}

let replay: Replay;
beforeAll(async () => {
  replay = await startReplay({ cors: true });
});
afterAll(() => replay.close());

// Microsoft 365 (copyFrom) and Office 2019, which offers only ExcelApi 1.7 (cells written directly).
const HOSTS = [
  { host: 'ExcelApi 1.17', requirementSets: undefined },
  { host: 'ExcelApi 1.7', requirementSets: { ExcelApi: '1.7' } },
];

describe.each(HOSTS)('the list stays in place through the pane on $host (Chromium, Excel simulator)', ({ requirementSets }) => {
  it('keeps the user’s formulas, structured references, defined name and pivot source through matching and its undo', async () => {
    const s = await openPane({ preload: workbook, requirementSets });
    try {
      const ids = () => idsOf(s, LIST, 'Lista_Tampere');
      const before = await ids();
      const kept = async (formulas: Record<string, string>, lastRow: number) => {
        const snap = await s.snapshot();
        expect(snap.sheets.find((sh) => sh.name === 'Yhteenveto')!.formulas).toEqual(formulas);
        expect(snap.names).toEqual({ Kohderyhmä: `='${LIST}'!$A$2:$A$${lastRow}` });
        expect(snap.pivots).toEqual(PIVOTS);
        expect(await ids()).toEqual(before);
        expect(snap.sheets.filter((sh) => sh.visibility !== 'Visible')).toEqual([]);
        return snap;
      };

      await openStep(s, 'match');
      const step = s.pane.getByTestId('match-step');
      await step.getByRole('button', { name: 'Tunnista asiakkaat' }).click();
      await s.pane.getByTestId('match-summary').waitFor({ timeout: 30_000 });
      await step.getByRole('button', { name: /Siirrä poistettavat/ }).click();
      await s.waitForSnapshot((x) => x.sheets.some((sh) => sh.name === 'Poistetut asiakkaat'), 60_000);
      let snap = await kept(MATCHED, 4);
      const list = () => snap.sheets.find((sh) => sh.name === LIST)!;
      expect(list().values.map((r) => r[0])).toEqual(['Yritys', 'Hervannan Sähkö Oy', 'Kalevan Kattotyö Ky', 'Pispalan Putki Oy']);
      expect(list().tables.map((t) => [t.name, t.range])).toEqual([['Lista_Tampere', 'A1:F4']]);
      await s.showSheet('Yhteenveto');
      await s.screenshot(requirementSets ? 'list-in-place-1.7' : 'list-in-place');

      await step.getByRole('button', { name: 'Peru viimeisin tunnistus' }).click();
      await s.waitForSnapshot((x) => !x.sheets.some((sh) => sh.name === 'Poistetut asiakkaat'), 60_000);
      snap = await kept(UNDONE, 5);
      expect(list().values.map((r) => r[0])).toEqual(LIST_ROWS.map((r) => r[0]));
      expect(list().tables.map((t) => [t.name, t.range])).toEqual([['Lista_Tampere', 'A1:F5']]);
      expect(s.errors).toEqual([]);
    } catch (e) {
      await s.screenshot('list-in-place-failure');
      throw new Error(`${(e as Error).message}\nPane: ${await s.pane.locator('body').innerText()}\nErrors: ${s.errors.join('; ')}`);
    } finally {
      await s.close();
    }
  }, 120_000);

  it('keeps references to the list’s last column when building data adds columns after it', async () => {
    const HKI = 'Helsinki 5.10.2026';
    const rows = [
      ['Nimi', 'Puhelin', 'Katuosoite', 'Postinumero', 'Postitoimipaikka'],
      ['Aino Virtanen', '040 123 4501', 'Kaarnatie 2', '00410', 'HELSINKI'],
      ['Mikko Korhonen', '040 123 4502', 'KAARNATIE 4', '00410', 'HELSINKI'],
      ['Juha Mäkinen', '040 123 4504', 'Topeliuksenkatu 3 A 12', '00250', 'HELSINKI'],
    ];
    const formulas = { A1: `='${HKI}'!E2`, B1: '=COUNTA(Lista_Helsinki[Postitoimipaikka])', C1: '=COUNTA(Lista_Helsinki[Puhelin])' };
    const s = await openPane({
      requirementSets,
      preload: {
        activeSheet: HKI,
        sheets: [textTable(HKI, rows, 'Lista_Helsinki'), { name: 'Yhteenveto', values: [['', '', '']], formulas }],
        pivots: [{ name: 'Pivot1', sheet: 'Yhteenveto', source: 'Lista_Helsinki[#All]' }],
        customXmlParts: [statePart({ name: 'Kotitaloudet Helsinki', kind: 'b2c', sheet: HKI, createdAt: '2026-10-05T09:00:00.000Z', rows: 3 })],
      },
    });
    await s.page.route(`${replay.url}/**`, (route) => route.continue());
    try {
      const before = await idsOf(s, HKI, 'Lista_Helsinki');
      await openStep(s, 'buildings');
      await s.pane.getByRole('textbox', { name: /Palvelun osoite/ }).fill(`${replay.url}/hki/wfs`);
      await s.pane.getByTestId('buildings-step').getByRole('button', { name: 'Lisää rakennustiedot' }).click();
      await s.pane.getByTestId('buildings-summary').waitFor({ timeout: 30_000 });
      const snap = await s.waitForSnapshot((x) => (x.sheets.find((sh) => sh.name === HKI)?.values[0]?.length ?? 0) > 5, 30_000);
      const list = snap.sheets.find((sh) => sh.name === HKI)!;
      expect(list.values[0].slice(0, 5)).toEqual(rows[0]);
      expect(list.values[0].length).toBeGreaterThan(5);
      expect(list.tables.map((t) => t.name)).toEqual(['Lista_Helsinki']);
      expect(snap.sheets.find((sh) => sh.name === 'Yhteenveto')!.formulas).toEqual(formulas);
      expect(snap.pivots[0].source).toBe('Lista_Helsinki[#All]');
      expect(await idsOf(s, HKI, 'Lista_Helsinki')).toEqual(before);
      await s.showSheet(HKI);
      await s.screenshot('list-in-place-buildings');
      expect(s.errors).toEqual([]);
    } catch (e) {
      await s.screenshot('list-in-place-failure');
      throw new Error(`${(e as Error).message}\nPane: ${await s.pane.locator('body').innerText()}\nErrors: ${s.errors.join('; ')}`);
    } finally {
      await s.close();
    }
  }, 120_000);
});
