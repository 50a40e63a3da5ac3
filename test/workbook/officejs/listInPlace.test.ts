/**
 * Every step that rewrites a list keeps it in place (issue 14): matching, its undo, building
 * data, the do-not-call check and the erasure of a person run as the real use cases, through the
 * Office.js adapter, against the Excel simulator. The user's work on the list — a formula with a
 * cell reference, structured references to its columns, a defined name, a pivot source — must
 * point at the same sheet, table and columns afterwards. The simulator moves A1 references with
 * the cells that Range.insert/delete move, renames structured references when a header cell is
 * overwritten and turns references to deleted cells, columns and sheets into #REF!, so a step
 * that replaced the sheet, or overwrote columns by position, fails these tests.
 */
import { erasePerson } from '../../../src/app/dataSubject';
import { addBuildings } from '../../../src/app/addBuildings';
import { createListState, recordStep } from '../../../src/app/processingLog';
import { removeCustomers, undoLastMatching } from '../../../src/app/removeCustomers';
import { applySuppression } from '../../../src/app/suppression';
import type { BuildingSource } from '../../../src/sources/buildings/source';
import { createOfficeWorkbook, type OfficeWorkbookOptions } from '../../../src/workbook/officejs/officeWorkbook';
import { listSheet } from '../../support/memoryWorkbook';
import { testContext } from '../../support/context';
import { createExcelSimulator } from '../../excel-simulator';

const LIST_KEYS = ['companyName', 'businessId', 'phone', 'streetAddress', 'postalCode', 'postOffice', 'extra:Muistiinpanot'];
const LIST_ROWS = [
  ['Hervannan Sähkö Oy', '2331972-7', '+358501112223', 'Insinöörinkatu 20', '33720', 'Tampere', 'soita aamulla'],
  ['Virtasen Rakennus Oy', '2345678-0', '+358401234567', 'Hämeenkatu 12', '33100', 'Tampere', ''],
  ['Kalevan Kattotyö Ky', '1572860-0', '+358442223334', 'Kalevantie 5', '33100', 'Tampere', ''],
  ['Pispalan Putki Oy', '0112038-9', '+358405556667', 'Pispalan valtatie 40', '33250', 'Tampere', 'asiakas?'],
  ['Meikäläisen Remontti Oy', '2480817-6', '+358407778889', 'Teiskontie 3', '33500', 'Tampere', ''],
];
const CUSTOMER_KEYS = ['extra:Asiakasnumero', 'companyName', 'businessId', 'phone'];
const CUSTOMER_ROWS = [['A1001', 'Virtasen Rakennus Oy', '2345678-0', '040 123 4567']];

/** What the user built on the list: formulas on another sheet, a defined name and a pivot source. */
const USER_FORMULAS = {
  A1: '=Lista!A2',
  B1: '=COUNTA(Lista[Puhelin])',
  C1: '=COUNTIF(Lista[[#All],[Postinumero]],"33100")',
  D1: '=Lista!$B$3',
  // The list's last column: building data adds columns after it.
  E1: '=COUNTA(Lista[Muistiinpanot])',
  F1: '=Lista!G2',
};
const USER_NAMES = { Kohderyhmä: '=Lista!$A$2:$A$3' };
const USER_PIVOTS = [{ name: 'Pivot1', sheet: 'Yhteenveto', source: 'Lista[#All]' }];

/** A source of two buildings for the building step (the HTTP sources are tested elsewhere). */
const buildings: BuildingSource = {
  id: 'file:rakennukset.csv',
  name: 'Rakennustiedot (testi)',
  controller: 'Testi',
  licence: 'CC BY 4.0',
  attribution: 'Testi',
  async fetchBuildings() {
    return {
      buildings: [
        { id: '1', source: 'file', addresses: [{ streetFi: 'Insinöörinkatu', number: '20', postalCode: '33720' }], completionYear: 1975, floors: 3 },
        { id: '2', source: 'file', addresses: [{ streetFi: 'Kalevantie', number: '5', postalCode: '33100' }], completionYear: 1961, floors: 2 },
      ],
      sent: [],
    };
  },
};

async function listWorkbook(options: OfficeWorkbookOptions = {}, requirementSets?: { ExcelApi: string }) {
  const sim = createExcelSimulator(requirementSets ? { requirementSets } : undefined);
  const workbook = createOfficeWorkbook({ run: sim.Excel.run as unknown as typeof Excel.run }, { busyRetry: { delaysMs: [1] }, ...options });
  const ctx = testContext(workbook);
  await workbook.apply({ write: [listSheet('Lista', LIST_KEYS, LIST_ROWS), listSheet('Asiakkaat', CUSTOMER_KEYS, CUSTOMER_ROWS)] });
  const newList = createListState({ name: 'Lista', kind: 'b2b', listSheet: 'Lista', settings: ctx.settings, now: ctx.now() });
  await recordStep(ctx, { newList, step: { step: 'search', at: ctx.now().toISOString(), rowsOut: LIST_ROWS.length, params: {}, contacted: [] } });
  // The user's own sheet with formulas on the list, a defined name and a pivot table.
  const snap = sim.simulator.snapshot();
  sim.simulator.load({
    ...snap,
    sheets: [...snap.sheets, { name: 'Yhteenveto', values: [['', '', '', '', '', '']], formulas: USER_FORMULAS }],
    names: USER_NAMES,
    pivots: USER_PIVOTS,
  });
  const ids = () =>
    sim.Excel.run(async (ctx: Excel.RequestContext) => {
      const sheet = ctx.workbook.worksheets.getItem('Lista').load('id');
      const table = ctx.workbook.tables.getItem('Lista').load('id');
      await ctx.sync();
      return { sheet: sheet.id, table: table.id };
    }) as Promise<{ sheet: string; table: string }>;
  return { sim, workbook, ctx, ids, before: await ids() };
}

function expectReferencesKept(sim: ReturnType<typeof createExcelSimulator>) {
  const snap = sim.simulator.snapshot();
  expect(snap.sheets.find((s) => s.name === 'Yhteenveto')!.formulas).toEqual(USER_FORMULAS);
  expect(snap.names).toEqual(USER_NAMES);
  expect(snap.pivots).toEqual(USER_PIVOTS);
  expect(snap.sheets.filter((s) => s.name.startsWith('~rajaus'))).toEqual([]);
  return snap.sheets.find((s) => s.name === 'Lista')!;
}

// ExcelApi 1.9 copies the staged cells into the table (Range.copyFrom); Office 2019 (1.7) has no
// copyFrom, and the swap request writes the cells into the table itself.
const HOSTS = [
  { host: 'ExcelApi 1.9 (Microsoft 365)', options: {}, requirementSets: undefined },
  { host: 'ExcelApi 1.7 (Office 2019)', options: { supportsExcelApi: (v: string) => v <= '1.7' }, requirementSets: { ExcelApi: '1.7' } },
];

describe.each(HOSTS)('every step keeps the list in place on $host: same sheet, same table, the user’s references intact', ({ options, requirementSets }) => {
  it('matching, undo, building data, do-not-call and erasure of a person, one after another', async () => {
    const { sim, ctx, ids, before } = await listWorkbook(options, requirementSets);
    const column = (sheet: { values: unknown[][] }, header: string) => sheet.values.slice(1).map((r) => r[sheet.values[0].indexOf(header)]);

    const matched = await removeCustomers(ctx, { listSheet: 'Lista', customers: { sheet: 'Asiakkaat' } });
    expect(matched.removed).toBe(1);
    let list = expectReferencesKept(sim);
    expect(await ids()).toEqual(before);
    expect(list.tables).toEqual([expect.objectContaining({ name: 'Lista', range: 'A1:G5' })]);
    expect(column(list, 'Yritys')).not.toContain('Virtasen Rakennus Oy');

    await undoLastMatching(ctx, { listSheet: 'Lista' });
    list = expectReferencesKept(sim);
    expect(await ids()).toEqual(before);
    expect(column(list, 'Yritys')).toEqual(LIST_ROWS.map((r) => r[0]));

    await addBuildings(ctx, { listSheet: 'Lista', source: buildings });
    list = expectReferencesKept(sim);
    expect(await ids()).toEqual(before);
    // The building columns came after the list's own; the user's columns kept their places.
    expect(list.values[0].slice(0, 7)).toEqual(['Yritys', 'Y-tunnus', 'Puhelin', 'Katuosoite', 'Postinumero', 'Postitoimipaikka', 'Muistiinpanot']);
    expect(list.values[0].length).toBeGreaterThan(7);
    expect(list.tables[0].range).toBe(`A1:${String.fromCharCode(64 + list.values[0].length)}6`);
    expect(column(list, 'Muistiinpanot')[0]).toBe('soita aamulla');

    const suppressed = await applySuppression(ctx, { listSheet: 'Lista', suppression: { name: 'ASML', checkedAt: '2026-11-15', phones: ['+358442223334'] } });
    expect(suppressed.suppressed).toBe(1);
    list = expectReferencesKept(sim);
    expect(await ids()).toEqual(before);
    expect(column(list, 'Puhelin')).not.toContain('+358442223334');

    expect(await erasePerson(ctx, { phone: '040 555 6667' })).toMatchObject({ erased: 1 });
    list = expectReferencesKept(sim);
    expect(await ids()).toEqual(before);
    expect(column(list, 'Yritys')).toEqual(['Hervannan Sähkö Oy', 'Virtasen Rakennus Oy', 'Meikäläisen Remontti Oy']);
    // Phones and postal codes are still text in the rewritten table.
    expect(column(list, 'Postinumero')).toEqual(['33720', '33100', '33500']);
  });

  it('is atomic: whichever request of a step fails, the list and the references are as before or as after', async () => {
    const cells = (sim: ReturnType<typeof createExcelSimulator>) =>
      sim.simulator.snapshot().sheets.map((s) => ({ name: s.name, visibility: s.visibility, values: s.values, formulas: s.formulas, tables: s.tables }));
    const ref = await listWorkbook(options, requirementSets);
    const initial = cells(ref.sim);
    const syncsBefore = ref.sim.simulator.syncCount;
    await addBuildings(ref.ctx, { listSheet: 'Lista', source: buildings });
    const done = cells(ref.sim);
    const syncs = ref.sim.simulator.syncCount - syncsBefore;
    let rolledBack = 0;
    for (let n = 1; n <= syncs; n++) {
      for (const afterOperations of [0, 1, 3, 1_000]) {
        const { sim, ctx, ids, before } = await listWorkbook(options, requirementSets);
        sim.simulator.failSync(n, { afterOperations });
        const failed = await addBuildings(ctx, { listSheet: 'Lista', source: buildings }).then(
          () => false,
          () => true,
        );
        if (failed) rolledBack++;
        expect({ n, afterOperations, cells: cells(sim) }).toEqual({ n, afterOperations, cells: failed ? initial : done });
        expectReferencesKept(sim);
        expect(await ids()).toEqual(before);
      }
    }
    expect(rolledBack).toBeGreaterThan(syncs);
  });

  it('undoes a rewrite cut off part-way, whose roll-back could not run either, when the pane next opens', async () => {
    const cells = (sim: ReturnType<typeof createExcelSimulator>) =>
      sim.simulator.snapshot().sheets.map((s) => ({ name: s.name, values: s.values, formulas: s.formulas, tables: s.tables }));
    const ref = await listWorkbook(options, requirementSets);
    const initial = cells(ref.sim);
    const start = ref.sim.simulator.syncCount;
    await addBuildings(ref.ctx, { listSheet: 'Lista', source: buildings });
    // The swap, then the list's layout, then phase C: its read and its deletes.
    const swap = ref.sim.simulator.syncCount - start - 3;
    for (const afterOperations of [1, 2, 4, 8]) {
      const quick = { ...options, busyRetry: { delaysMs: [2], maxWaitMs: 20, cleanupMaxWaitMs: 20 } };
      const { sim, workbook, ctx } = await listWorkbook(quick, requirementSets);
      sim.simulator.failSync(swap, { afterOperations });
      sim.simulator.cellEditMode({ afterSyncs: swap });
      await expect(addBuildings(ctx, { listSheet: 'Lista', source: buildings })).rejects.toThrow(/Rajaus saanut poistettua/);
      sim.simulator.endBlock();
      expect(sim.simulator.snapshot().sheets.some((s) => s.name.startsWith('~rajaus'))).toBe(true);
      await workbook.cleanUpLeftovers!();
      expect({ afterOperations, cells: cells(sim) }).toEqual({ afterOperations, cells: initial });
      expectReferencesKept(sim);
    }
  });
});

describe('a list too large to rewrite in one request on ExcelApi 1.7', () => {
  it('is replaced as before, and the user is told that references to it break', async () => {
    // Requests of 600 bytes stand for a list of some ten thousand rows.
    const { sim, workbook, ctx } = await listWorkbook({ supportsExcelApi: (v) => v <= '1.7', targetRequestBytes: 600 }, { ExcelApi: '1.7' });
    const notices: string[] = [];
    workbook.onNotice!((n) => notices.push(n.text));
    await addBuildings(ctx, { listSheet: 'Lista', source: buildings });
    expect(notices).toContainEqual(expect.stringMatching(/ExcelApi 1\.7\/1\.8.*"Lista".*#VIITTAUS!/));
    const snap = sim.simulator.snapshot();
    expect(snap.sheets.find((s) => s.name === 'Yhteenveto')!.formulas.B1).toBe('=COUNTA(#REF!)');
    expect(snap.sheets.find((s) => s.name === 'Lista')!.tables.map((t) => t.name)).toEqual(['Lista']);
  });
});
