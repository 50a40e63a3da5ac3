/**
 * Excel's last row in the pane (issue 16 item 1, issue 17 item 12): a step that would push the
 * sheet's contents past row 1,048,576 must refuse with a clear message and leave the workbook as
 * it was. Excel refuses an insert that pushes non-empty cells off the end of the sheet (the
 * simulator does too); before, the pane's adapter checked only the rows of its own plan, so a
 * list whose sheet already had something in its last row failed inside the swap with Excel's
 * own error, or (in the simulator, before it refused) pushed that cell past the sheet's end.
 */
import { createListState, recordStep } from '../../../src/app/processingLog';
import { removeCustomers, undoLastMatching } from '../../../src/app/removeCustomers';
import { createOfficeWorkbook } from '../../../src/workbook/officejs/officeWorkbook';
import { listSheet } from '../../support/memoryWorkbook';
import { testContext } from '../../support/context';
import { createExcelSimulator } from '../../excel-simulator';
import type { Lang } from '../../../src/core/i18n/lang';

const LIST_KEYS = ['companyName', 'businessId', 'phone', 'postalCode'];
const LIST_ROWS = [
  ['Hervannan Sähkö Oy', '2331972-7', '+358501112223', '33720'],
  ['Virtasen Rakennus Oy', '2345678-0', '+358401234567', '33100'],
  ['Kalevan Kattotyö Ky', '1572860-0', '+358442223334', '33100'],
];

async function matchedList(lang: Lang = 'fi') {
  const sim = createExcelSimulator();
  const workbook = createOfficeWorkbook({ run: sim.Excel.run as unknown as typeof Excel.run }, { busyRetry: { delaysMs: [1] }, lang });
  const ctx = { ...testContext(workbook), lang };
  await workbook.apply({
    write: [listSheet('Lista', LIST_KEYS, LIST_ROWS), listSheet('Asiakkaat', ['companyName', 'businessId'], [['Virtasen Rakennus Oy', '2345678-0']])],
  });
  const newList = createListState({ name: 'Lista', kind: 'b2b', listSheet: 'Lista', settings: ctx.settings, now: ctx.now() });
  await recordStep(ctx, { newList, step: { step: 'search', at: ctx.now().toISOString(), rowsOut: LIST_ROWS.length, params: {}, contacted: [] } });
  expect((await removeCustomers(ctx, { listSheet: 'Lista', customers: { sheet: 'Asiakkaat' } })).removed).toBe(1);
  return { sim, ctx };
}

/** The user's own note in the last row of the list sheet, under the list's columns. */
async function noteInLastRow(sim: ReturnType<typeof createExcelSimulator>, address = 'B1048576') {
  await sim.Excel.run(async (c: Excel.RequestContext) => {
    c.workbook.worksheets.getItem('Lista').getRange(address).values = [['muistiinpano']];
    await c.sync();
  });
}

it.each([
  ['fi', /Taulukkoon "Lista" ei mahdu yhtä riviä lisää: sen alapuolella on tietoja riville 1\s048\s576 asti/],
  ['en', /Sheet "Lista" has no room for 1 more row: there is data below the list down to row 1,048,576/],
  ['sv', /Bladet "Lista" har inte plats för 1 rad till: det finns data under listan ända till rad 1\s048\s576/],
] as const)('undoing a matching on a sheet used down to row 1,048,576 refuses (%s); the workbook is as it was', async (lang, message) => {
  const { sim, ctx } = await matchedList(lang);
  await noteInLastRow(sim);
  // Compared as JSON: the sheet's million rows made toEqual take minutes.
  const before = JSON.stringify(sim.simulator.snapshot());
  await expect(undoLastMatching(ctx, { listSheet: 'Lista' })).rejects.toThrow(message);
  expect(JSON.stringify(sim.simulator.snapshot()) === before).toBe(true);
});

it('a note under the list with room below it is no obstacle: the rows go back and the note moves down with them', async () => {
  const { sim, ctx } = await matchedList();
  await noteInLastRow(sim, 'B1048570');
  await undoLastMatching(ctx, { listSheet: 'Lista' });
  const list = sim.simulator.snapshot().sheets.find((s) => s.name === 'Lista')!;
  expect(list.values.slice(1, 4).map((r) => r[0])).toEqual(LIST_ROWS.map((r) => r[0]));
  expect(list.values[1_048_570]?.[1]).toBe('muistiinpano');
});
