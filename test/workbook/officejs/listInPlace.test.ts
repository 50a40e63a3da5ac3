/**
 * Every step that rewrites a list keeps it in place (issue 14): matching, its undo, building
 * data, the do-not-call check and the erasure of a person run as the real use cases, through the
 * Office.js adapter, against the Excel simulator. The user's work on the list — formulas with
 * cell references into its rows, structured references to its columns, a defined name over its
 * rows, a pivot source — must point at the same sheet, table, columns and rows afterwards: a
 * reference to a row follows that row's company, and becomes #REF! when the company was taken
 * out of the list, as it does in Excel when a row is deleted by hand. The simulator moves A1
 * references with the cells that Range.insert/delete move, renames structured references when a
 * header cell is overwritten and turns references to deleted cells, columns and sheets into
 * #REF!, so a step that replaced the sheet, overwrote columns by position or rewrote rows from
 * the top fails these tests.
 */
import { erasePerson } from '../../../src/app/dataSubject';
import { addBuildings } from '../../../src/app/addBuildings';
import { createListState, recordStep } from '../../../src/app/processingLog';
import { removeCustomers, undoLastMatching } from '../../../src/app/removeCustomers';
import { applySuppression } from '../../../src/app/suppression';
import { exportList } from '../../../src/app/exportList';
import type { BuildingSource } from '../../../src/sources/buildings/source';
import { createOfficeWorkbook, type OfficeWorkbookOptions } from '../../../src/workbook/officejs/officeWorkbook';
import { listSheet } from '../../support/memoryWorkbook';
import { testContext } from '../../support/context';
import type { StepContext } from '../../../src/app/stepContext';
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

/** What the user built on the list: structured references on another sheet, and a pivot source. */
const USER_FORMULAS = {
  B1: '=COUNTA(Lista[Puhelin])',
  C1: '=COUNTIF(Lista[[#All],[Postinumero]],"33100")',
  // The list's last column: building data adds columns after it.
  E1: '=COUNTA(Lista[Muistiinpanot])',
};
/**
 * References into the list's rows, on the user's sheet: each row's company (relative), business
 * id (absolute) and note (the last column), by the list row they point at first.
 */
const ROW_REFERENCES = Object.fromEntries(
  LIST_ROWS.flatMap((_, i) => [
    [`A${i + 3}`, `=Lista!A${i + 2}`],
    [`B${i + 3}`, `=Lista!$B$${i + 2}`],
    [`C${i + 3}`, `=Lista!G${i + 2}`],
  ]),
);
/** A defined name over the list's body: it shrinks and grows with the rows deleted and inserted inside it. */
const USER_NAMES = { Kohderyhmä: '=Lista!$A$2:$A$6' };
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
    sheets: [...snap.sheets, { name: 'Yhteenveto', values: [['', '', '', '', '', '']], formulas: { ...USER_FORMULAS, ...ROW_REFERENCES } }],
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

type Sim = ReturnType<typeof createExcelSimulator>;

/**
 * The defined name over the list's body after a roll-back: as it was, or #REF! when the step
 * takes every row of it and had deleted them before it failed (as Excel does).
 */
function expectNameKept(sim: Sim, names: Record<string, string>, taken: readonly string[]) {
  const now = sim.simulator.snapshot().names;
  if (LIST_ROWS.every((r) => taken.includes(r[0])) && now.Kohderyhmä === '=Lista!#REF!') return;
  expect(now).toEqual(names);
}

/** What an A1 reference into the list shows now: its cell's value, or #REF!. */
function shown(sim: Sim, formula: string): unknown {
  if (formula.includes('#REF!')) return '#REF!';
  const m = /^=Lista!\$?([A-Z])\$?(\d+)$/.exec(formula);
  if (!m) throw new Error(`not a cell reference into the list: ${formula}`);
  const list = sim.simulator.snapshot().sheets.find((s) => s.name === 'Lista')!;
  return list.values[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65];
}

/**
 * The user's references after a step: the structured ones and the pivot source unchanged, each
 * row reference showing what it showed at first, or #REF! when that row's company was taken out
 * of the list at some point (Excel cannot bring a deleted reference back), and the defined name
 * over the list's body as it is now.
 */
function expectReferencesKept(sim: Sim, taken: readonly string[] = [], bodyRows = LIST_ROWS.length) {
  const snap = sim.simulator.snapshot();
  const formulas = snap.sheets.find((s) => s.name === 'Yhteenveto')!.formulas;
  for (const [cell, formula] of Object.entries(USER_FORMULAS)) expect({ cell, formula: formulas[cell] }).toEqual({ cell, formula });
  LIST_ROWS.forEach((row, i) => {
    const gone = taken.includes(row[0]);
    const was = { company: row[0], businessId: row[1], note: row[6] };
    const now = { company: shown(sim, formulas[`A${i + 3}`]), businessId: shown(sim, formulas[`B${i + 3}`]), note: shown(sim, formulas[`C${i + 3}`]) };
    expect({ row: i + 2, now }).toEqual({ row: i + 2, now: gone ? { company: '#REF!', businessId: '#REF!', note: '#REF!' } : was });
  });
  expect(snap.names).toEqual({ Kohderyhmä: `=Lista!$A$2:$A$${bodyRows + 1}` });
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
    // Virtasen's row was deleted: references to it are #REF!, those below it moved up with their rows.
    let list = expectReferencesKept(sim, ['Virtasen Rakennus Oy'], 4);
    expect(await ids()).toEqual(before);
    expect(list.tables).toEqual([expect.objectContaining({ name: 'Lista', range: 'A1:G5' })]);
    expect(column(list, 'Yritys')).not.toContain('Virtasen Rakennus Oy');

    await undoLastMatching(ctx, { listSheet: 'Lista' });
    // Virtasen's row is inserted where it was: the references below it moved down with their
    // rows; the one to it stays #REF!, as in Excel after a deleted row is put back.
    list = expectReferencesKept(sim, ['Virtasen Rakennus Oy']);
    expect(await ids()).toEqual(before);
    expect(column(list, 'Yritys')).toEqual(LIST_ROWS.map((r) => r[0]));

    await addBuildings(ctx, { listSheet: 'Lista', source: buildings });
    list = expectReferencesKept(sim, ['Virtasen Rakennus Oy']);
    expect(await ids()).toEqual(before);
    // The building columns came after the list's own; the user's columns kept their places.
    expect(list.values[0].slice(0, 7)).toEqual(['Yritys', 'Y-tunnus', 'Puhelin', 'Katuosoite', 'Postinumero', 'Postitoimipaikka', 'Muistiinpanot']);
    expect(list.values[0].length).toBeGreaterThan(7);
    expect(list.tables[0].range).toBe(`A1:${String.fromCharCode(64 + list.values[0].length)}6`);
    expect(column(list, 'Muistiinpanot')[0]).toBe('soita aamulla');

    const suppressed = await applySuppression(ctx, { listSheet: 'Lista', suppression: { name: 'ASML', checkedAt: '2026-11-15', phones: ['+358442223334'] } });
    expect(suppressed.suppressed).toBe(1);
    list = expectReferencesKept(sim, ['Virtasen Rakennus Oy', 'Kalevan Kattotyö Ky'], 4);
    expect(await ids()).toEqual(before);
    expect(column(list, 'Puhelin')).not.toContain('+358442223334');

    expect(await erasePerson(ctx, { phone: '040 555 6667' })).toMatchObject({ erased: 1 });
    list = expectReferencesKept(sim, ['Virtasen Rakennus Oy', 'Kalevan Kattotyö Ky', 'Pispalan Putki Oy'], 3);
    expect(await ids()).toEqual(before);
    expect(column(list, 'Yritys')).toEqual(['Hervannan Sähkö Oy', 'Virtasen Rakennus Oy', 'Meikäläisen Remontti Oy']);
    // Phones and postal codes are still text in the rewritten table.
    expect(column(list, 'Postinumero')).toEqual(['33720', '33100', '33500']);
  });

  it('a reference into a row that a step keeps follows it; undoing the matching puts the rows back under references made since', async () => {
    const { sim, ctx } = await listWorkbook(options, requirementSets);
    await removeCustomers(ctx, { listSheet: 'Lista', customers: { sheet: 'Asiakkaat' } });
    // Made after the matching: row 3 is Kalevan now, and the last row is Meikäläisen.
    const snap = sim.simulator.snapshot();
    const user = snap.sheets.find((s) => s.name === 'Yhteenveto')!;
    sim.simulator.load({ ...snap, sheets: snap.sheets.map((s) => (s === user ? { ...s, formulas: { ...s.formulas, H1: '=Lista!A3', H2: '=Lista!A5' } } : s)) });
    await undoLastMatching(ctx, { listSheet: 'Lista' });
    const formulas = sim.simulator.snapshot().sheets.find((s) => s.name === 'Yhteenveto')!.formulas;
    expect([formulas.H1, shown(sim, formulas.H1)]).toEqual(['=Lista!A4', 'Kalevan Kattotyö Ky']);
    expect([formulas.H2, shown(sim, formulas.H2)]).toEqual(['=Lista!A6', 'Meikäläisen Remontti Oy']);
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

  // Steps that delete or insert rows, each from the workbook it starts from.
  const ROW_STEPS = [
    {
      step: 'matching',
      taken: ['Virtasen Rakennus Oy'],
      run: (ctx: StepContext) => removeCustomers(ctx, { listSheet: 'Lista', customers: { sheet: 'Asiakkaat' } }),
    },
    {
      step: 'undo of the matching',
      taken: [] as string[],
      before: (ctx: StepContext) => removeCustomers(ctx, { listSheet: 'Lista', customers: { sheet: 'Asiakkaat' } }),
      run: (ctx: StepContext) => undoLastMatching(ctx, { listSheet: 'Lista' }),
    },
    {
      step: 'do-not-call check',
      taken: ['Kalevan Kattotyö Ky'],
      run: (ctx: StepContext) => applySuppression(ctx, { listSheet: 'Lista', suppression: { name: 'ASML', checkedAt: '2026-11-15', phones: ['+358442223334'] } }),
    },
    {
      step: 'erasure of a person',
      taken: ['Pispalan Putki Oy'],
      run: (ctx: StepContext) => erasePerson(ctx, { phone: '040 555 6667' }),
    },
    {
      // Every row goes: an empty row is inserted first (a table keeps a body row), a mark set,
      // then the five rows deleted, so a cut-off swap has both phases to undo.
      step: 'do-not-call check of every number',
      taken: LIST_ROWS.map((r) => r[0]),
      run: (ctx: StepContext) =>
        applySuppression(ctx, { listSheet: 'Lista', suppression: { name: 'ASML', checkedAt: '2026-11-15', phones: LIST_ROWS.map((r) => r[2]) } }),
    },
  ];

  it.each(ROW_STEPS)('the $step is atomic at every request and every operation of its swap: the rows and references are as before or as after', async ({ taken, before: prepare, run }) => {
    const state = (sim: Sim) =>
      sim.simulator.snapshot().sheets.map((s) => ({ name: s.name, visibility: s.visibility, values: s.values, tables: s.tables }));
    const userFormulas = (sim: Sim) => sim.simulator.snapshot().sheets.find((s) => s.name === 'Yhteenveto')!.formulas;
    const ref = await listWorkbook(options, requirementSets);
    await prepare?.(ref.ctx);
    const initial = { state: state(ref.sim), formulas: userFormulas(ref.sim), names: ref.sim.simulator.snapshot().names };
    // The company on the row each reference into the list points at before the step.
    const showing = Object.fromEntries(Object.entries(initial.formulas).flatMap(([cell, f]) => (f.startsWith('=Lista!') ? [[cell, shown(ref.sim, f.replace(/\$?[A-Z]\$?(\d+)$/, 'A$1'))]] : [])));
    const start = ref.sim.simulator.syncCount;
    await run(ref.ctx);
    const done = { state: state(ref.sim), formulas: userFormulas(ref.sim) };
    const requests = ref.sim.simulator.requests.slice(start);
    let rolledBack = 0;
    for (let n = 1; n <= requests.length; n++) {
      // Every operation of the swap (each row edit is one; it is followed by the list's layout
      // and phase C's read and deletes); a few points of the other requests.
      const ops = requests[n - 1].operationCount;
      const points = n === requests.length - 3 ? Array.from({ length: ops + 1 }, (_, k) => k) : [0, 1, 3, 1_000];
      for (const afterOperations of points) {
        const { sim, ctx, ids, before } = await listWorkbook(options, requirementSets);
        await prepare?.(ctx);
        sim.simulator.failSync(n, { afterOperations });
        const failed = await run(ctx).then(
          () => false,
          () => true,
        );
        const at = { n, afterOperations };
        expect(await ids()).toEqual(before);
        if (!failed) {
          expect({ at, state: state(sim), formulas: userFormulas(sim) }).toEqual({ at, ...done });
          continue;
        }
        rolledBack++;
        expect({ at, state: state(sim) }).toEqual({ at, state: initial.state });
        // Each user formula as it was; one that pointed into a row the step deleted before it
        // failed is #REF! (Excel cannot bring such a reference back), never another company.
        const now = userFormulas(sim);
        for (const [cell, formula] of Object.entries(initial.formulas)) {
          if (now[cell] === formula) continue;
          expect({ at, cell, now: now[cell], was: taken.includes(String(showing[cell])) }).toEqual({
            at,
            cell,
            now: expect.stringContaining('#REF!'),
            was: true,
          });
        }
        expectNameKept(sim, initial.names, taken);
        expect(sim.simulator.snapshot().sheets.filter((s) => s.name.startsWith('~rajaus'))).toEqual([]);
      }
    }
    expect(rolledBack).toBeGreaterThan(requests.length);
  });

  const CUT_STEPS = [
    { step: 'adding of building data', taken: [] as string[], before: undefined, run: (ctx: StepContext) => addBuildings(ctx, { listSheet: 'Lista', source: buildings }) },
    ...ROW_STEPS.slice(0, 2),
    ROW_STEPS[4]!,
  ];

  it.each(CUT_STEPS)('when the $step is cut off part-way and its roll-back cannot run either, the pane undoes it when it next opens', async ({ taken, before: prepare, run }) => {
    const cells = (sim: Sim) => sim.simulator.snapshot().sheets.map((s) => ({ name: s.name, values: s.values, tables: s.tables }));
    const userFormulas = (sim: Sim) => sim.simulator.snapshot().sheets.find((s) => s.name === 'Yhteenveto')!.formulas;
    const ref = await listWorkbook(options, requirementSets);
    await prepare?.(ref.ctx);
    const initial = { cells: cells(ref.sim), formulas: userFormulas(ref.sim), names: ref.sim.simulator.snapshot().names };
    const showing = Object.fromEntries(Object.entries(initial.formulas).flatMap(([cell, f]) => (f.startsWith('=Lista!') ? [[cell, shown(ref.sim, f.replace(/\$?[A-Z]\$?(\d+)$/, 'A$1'))]] : [])));
    const start = ref.sim.simulator.syncCount;
    await run(ref.ctx);
    // The swap, then the list's layout, then phase C: its read and its deletes.
    const swap = ref.sim.simulator.syncCount - start - 3;
    const ops = ref.sim.simulator.requests[ref.sim.simulator.requests.length - 4].operationCount;
    for (let afterOperations = 1; afterOperations < ops; afterOperations++) {
      const quick = { ...options, busyRetry: { delaysMs: [2], maxWaitMs: 20, cleanupMaxWaitMs: 20 } };
      const { sim, workbook, ctx } = await listWorkbook(quick, requirementSets);
      await prepare?.(ctx);
      sim.simulator.failSync(swap, { afterOperations });
      sim.simulator.cellEditMode({ afterSyncs: swap });
      await expect(run(ctx)).rejects.toThrow(/Rajaus saanut poistettua/);
      sim.simulator.endBlock();
      expect(sim.simulator.snapshot().sheets.some((s) => s.name.startsWith('~rajaus'))).toBe(true);
      await workbook.cleanUpLeftovers!();
      expect({ afterOperations, cells: cells(sim) }).toEqual({ afterOperations, cells: initial.cells });
      // As in a roll-back: a reference into a row deleted before the cut is #REF!, the others as they were.
      const now = userFormulas(sim);
      for (const [cell, formula] of Object.entries(initial.formulas)) {
        if (now[cell] === formula) continue;
        expect({ afterOperations, cell, now: now[cell], was: taken.includes(String(showing[cell])) }).toEqual({
          afterOperations,
          cell,
          now: expect.stringContaining('#REF!'),
          was: true,
        });
      }
      expectNameKept(sim, initial.names, taken);
      expect(sim.simulator.snapshot().sheets.filter((s) => s.name.startsWith('~rajaus'))).toEqual([]);
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

describe('a step that takes out more scattered rows than one request holds edits for', () => {
  it('rewrites the rows by position instead, and tells the user that cell references into the list may point at other rows', async () => {
    // Requests of 1,000 bytes hold two row edits: three rows apart from each other make three.
    const { sim, workbook, ctx } = await listWorkbook({ targetRequestBytes: 1_000 });
    const notices: string[] = [];
    workbook.onNotice!((n) => notices.push(n.text));
    const phones = ['+358501112223', '+358442223334', '+358407778889'];
    await applySuppression(ctx, { listSheet: 'Lista', suppression: { name: 'ASML', checkedAt: '2026-11-15', phones } });
    expect(notices).toContainEqual(expect.stringMatching(/"Lista".*ylhäältä alkaen.*=Lista!B5/));
    const snap = sim.simulator.snapshot();
    const list = snap.sheets.find((s) => s.name === 'Lista')!;
    expect(list.values.slice(1).map((r) => r[0])).toEqual(['Virtasen Rakennus Oy', 'Pispalan Putki Oy']);
    // By position: the reference to row 2 shows Virtasen now, the ones past the new end are #REF!.
    const formulas = snap.sheets.find((s) => s.name === 'Yhteenveto')!.formulas;
    expect(shown(sim, formulas.A3)).toBe('Virtasen Rakennus Oy');
    expect(formulas.A7).toBe('=Lista!#REF!');
    expect(snap.sheets.filter((s) => s.name.startsWith('~rajaus'))).toEqual([]);
    expect(Math.max(...sim.simulator.requests.map((r) => r.payloadBytes))).toBeLessThan(5 * 1024 * 1024);
  });
});

describe.each(HOSTS)('a column the user renames while a step runs, on $host', ({ options, requirementSets }) => {
  it('keeps its place, the new name and the references to it (it is known by its place in the list the step read, not by its header)', async () => {
    const { sim, workbook, ctx } = await listWorkbook(options, requirementSets);
    const user = () => sim.simulator.snapshot().sheets.find((s) => s.name === 'Yhteenveto')!.formulas;
    // The pane's matching waits for review while the user renames "Puhelin" to "Puh." and
    // "Muistiinpanot" to "Huom": after the step read the list, before it writes.
    const apply = workbook.apply.bind(workbook);
    let renamed = false;
    workbook.apply = async (change, opts) => {
      if (!renamed) {
        renamed = true;
        await sim.Excel.run(async (c: Excel.RequestContext) => {
          const list = c.workbook.worksheets.getItem('Lista');
          list.getRange('C1').values = [['Puh.']];
          list.getRange('G1').values = [['Huom']];
          await c.sync();
        });
      }
      return apply(change, opts);
    };
    await removeCustomers(ctx, { listSheet: 'Lista', customers: { sheet: 'Asiakkaat' } });
    // Excel renamed the structured references with the header cells; the step kept the columns.
    expect(user()).toMatchObject({ B1: '=COUNTA(Lista[Puh.])', E1: '=COUNTA(Lista[Huom])' });
    const list = sim.simulator.snapshot().sheets.find((s) => s.name === 'Lista')!;
    expect(list.values[0]).toEqual(['Yritys', 'Y-tunnus', 'Puh.', 'Katuosoite', 'Postinumero', 'Postitoimipaikka', 'Huom']);
    expect(list.values.slice(1).map((r) => r[2])).toEqual(['+358501112223', '+358442223334', '+358405556667', '+358407778889']);
    // The next steps read the renamed columns by their new names and keep them too.
    await addBuildings(ctx, { listSheet: 'Lista', source: buildings });
    await applySuppression(ctx, { listSheet: 'Lista', suppression: { name: 'ASML', checkedAt: '2026-11-15', phones: ['+358442223334'] } });
    expect(user()).toMatchObject({ B1: '=COUNTA(Lista[Puh.])', E1: '=COUNTA(Lista[Huom])' });
    const after = sim.simulator.snapshot().sheets.find((s) => s.name === 'Lista')!;
    expect(after.values[0].slice(0, 7)).toEqual(['Yritys', 'Y-tunnus', 'Puh.', 'Katuosoite', 'Postinumero', 'Postitoimipaikka', 'Huom']);
    expect(after.values.slice(1).map((r) => r[6])).toEqual(['soita aamulla', 'asiakas?', '']);
  });
});

describe.each(HOSTS)('a column of Rajaus’s that the user renamed, on $host', ({ options, requirementSets }) => {
  it('is known by its place from the state: it keeps its meaning, place, name and references, and no column is added in its stead', async () => {
    const { sim, ctx } = await listWorkbook(options, requirementSets);
    // A step records the columns it writes (the list's and the audit sheet's).
    await removeCustomers(ctx, { listSheet: 'Lista', customers: { sheet: 'Asiakkaat' } });
    const snap = sim.simulator.snapshot();
    sim.simulator.load({
      ...snap,
      sheets: snap.sheets.map((s) =>
        s.name === 'Yhteenveto' ? { ...s, formulas: { ...s.formulas, G1: '=COUNTA(Lista[Puhelin])', H1: '=COUNTA(Poistetut_asiakkaat[Tunnistamisen syy])' } } : s,
      ),
    });
    await sim.Excel.run(async (c: Excel.RequestContext) => {
      c.workbook.worksheets.getItem('Lista').getRange('C1').values = [['Numero']];
      c.workbook.worksheets.getItem('Poistetut asiakkaat').getRange('I1').values = [['Syy']];
      await c.sync();
    });
    const sheet = (name: string) => sim.simulator.snapshot().sheets.find((s) => s.name === name)!;
    const auditHeader = sheet('Poistetut asiakkaat').values[0];
    expect(sheet('Yhteenveto').formulas).toMatchObject({ G1: '=COUNTA(Lista[Numero])', H1: '=COUNTA(Poistetut_asiakkaat[Syy])' });

    // "Numero" is still the phone column: the do-not-call check finds the number in it.
    const suppressed = await applySuppression(ctx, { listSheet: 'Lista', suppression: { name: 'ASML', checkedAt: '2026-11-15', phones: ['+358442223334'] } });
    expect(suppressed.suppressed).toBe(1);
    expect(sheet('Lista').values[0]).toEqual(['Yritys', 'Y-tunnus', 'Numero', 'Katuosoite', 'Postinumero', 'Postitoimipaikka', 'Muistiinpanot']);
    // Matching again rewrites the audit sheet: "Syy" is its reason column still, in its place.
    await removeCustomers(ctx, { listSheet: 'Lista', customers: { sheet: 'Asiakkaat' } });
    expect(sheet('Poistetut asiakkaat').values[0]).toEqual(auditHeader);
    expect(sheet('Yhteenveto').formulas).toMatchObject({ G1: '=COUNTA(Lista[Numero])', H1: '=COUNTA(Poistetut_asiakkaat[Syy])' });
    // Building data reads "Numero" as the phone too, and adds only building columns.
    await addBuildings(ctx, { listSheet: 'Lista', source: buildings });
    expect(sheet('Lista').values[0].slice(0, 7)).toEqual(['Yritys', 'Y-tunnus', 'Numero', 'Katuosoite', 'Postinumero', 'Postitoimipaikka', 'Muistiinpanot']);
    expect(sheet('Lista').values[0]).not.toContain('Puhelin');
    // And the dialer export takes its numbers from it (the export also knows phones by their contents).
    const exported = await exportList(ctx, { listSheet: 'Lista', format: 'leaddesk' });
    const csv = new TextDecoder().decode(exported.files[0]!.bytes);
    expect(csv.split(/\r?\n/).slice(0, 2)).toEqual(['Puhelin;Nimi;Yritys;Katuosoite;Postinumero;Postitoimipaikka', '+358501112223;;Hervannan Sähkö Oy;Insinöörinkatu 20;33720;Tampere']);
    expect(exported.exported).toBe(3);
  });
});
