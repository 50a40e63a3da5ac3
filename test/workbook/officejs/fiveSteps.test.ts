/**
 * Issue 14's "Done when": a formula, a structured reference and a pivot source on the list
 * survive all five steps of the pane, run as the real use cases through the Office.js adapter
 * against the Excel simulator: 1 search (the list is made), 2 remove own customers, 3 building
 * data, 4 privacy notes (the processing history refreshed), 5 export (into a sheet too, as on
 * hosts that block downloads). listInPlace.test.ts goes deeper into each rewriting step (undo,
 * do-not-call, erasure, roll-backs); this is the whole path once, on ExcelApi 1.9 and on a 1.7
 * host. The simulator turns a reference into #REF! when its sheet, table, column or row is
 * deleted, so a step that replaced the list or its table fails here.
 */
import { addBuildings } from '../../../src/app/addBuildings';
import { exportList } from '../../../src/app/exportList';
import { refreshNotes } from '../../../src/app/processingLog';
import { removeCustomers } from '../../../src/app/removeCustomers';
import { runSearch } from '../../../src/app/search';
import type { Criteria } from '../../../src/core/criteria/criteria';
import type { BuildingSource } from '../../../src/sources/buildings/source';
import type { DirectoryRecord, DirectorySource } from '../../../src/sources/directory/directorySource';
import { createOfficeWorkbook, type OfficeWorkbookOptions } from '../../../src/workbook/officejs/officeWorkbook';
import { createExcelSimulator } from '../../excel-simulator';
import { testContext } from '../../support/context';
import { listSheet } from '../../support/memoryWorkbook';

const RECORDS: DirectoryRecord[] = [
  {
    companyName: 'Hervannan Sähkö Oy',
    businessId: '2331972-7',
    companyForm: 'OY',
    industryCode: '43210',
    streetAddress: 'Insinöörinkatu 20',
    postalCode: '33720',
    postOffice: 'Tampere',
    municipality: 'Tampere',
    phone: '050 111 2223',
    sourceId: 'C-1',
  },
  {
    companyName: 'Virtasen Rakennus Oy',
    businessId: '2345678-0',
    companyForm: 'OY',
    industryCode: '41200',
    streetAddress: 'Hämeenkatu 12',
    postalCode: '33100',
    postOffice: 'Tampere',
    municipality: 'Tampere',
    phone: '040 123 4567',
    sourceId: 'C-2',
  },
  {
    companyName: 'Kalevan Kattotyö Ky',
    businessId: '1572860-0',
    companyForm: 'KY',
    industryCode: '43910',
    streetAddress: 'Kalevantie 5',
    postalCode: '33100',
    postOffice: 'Tampere',
    municipality: 'Tampere',
    phone: '044 222 3334',
    sourceId: 'C-3',
  },
];

const directory: DirectorySource = {
  info: { id: 'test-dir', name: 'Testihakemisto', controller: 'Testihakemisto Oy', licence: 'sopimus' },
  kinds: ['b2b'],
  count: async () => ({ count: RECORDS.length, exact: true }),
  search: async () => ({
    records: RECORDS,
    total: RECORDS.length,
    appliedLocally: [],
    contacted: [{ party: 'Testihakemisto Oy', sent: 'hakuehdot' }],
  }),
};
const criteria: Criteria = { kind: 'b2b', industries: ['F'], area: { municipalities: ['Tampere'] } };

const buildings: BuildingSource = {
  id: 'file:rakennukset.csv',
  name: 'Rakennustiedot (testi)',
  controller: 'Testi',
  licence: 'CC BY 4.0',
  attribution: 'Testi',
  async fetchBuildings() {
    return {
      buildings: [
        {
          id: '1',
          source: 'file',
          addresses: [{ streetFi: 'Kalevantie', number: '5', postalCode: '33100' }],
          completionYear: 1961,
          floors: 2,
        },
      ],
      sent: [],
    };
  },
};

const HOSTS = [
  { host: 'ExcelApi 1.9', options: {}, requirementSets: undefined },
  { host: 'ExcelApi 1.7 (Office 2019)', options: { supportsExcelApi: (v: string) => v <= '1.7' }, requirementSets: { ExcelApi: '1.7' } },
];

describe.each(HOSTS)('the user’s formulas on the list through all five steps on $host', ({ options, requirementSets }) => {
  it('a cell reference, a structured reference and a pivot source keep pointing at the list, its column and its rows', async () => {
    const sim = createExcelSimulator(requirementSets ? { requirementSets } : undefined);
    const workbook = createOfficeWorkbook(
      { run: sim.Excel.run as unknown as typeof Excel.run },
      { busyRetry: { delaysMs: [1] }, ...(options as OfficeWorkbookOptions) },
    );
    const ctx = testContext(workbook);

    // 1. Search: the list is made.
    const found = await runSearch(ctx, { criteria, source: directory });
    const list = found.sheetName;
    const snap0 = sim.simulator.snapshot();
    const table = snap0.sheets.find((s) => s.name === list)!.tables[0]!.name;
    const header = snap0.sheets.find((s) => s.name === list)!.values[0]!.map(String);
    const col = (h: string) => String.fromCharCode(65 + header.indexOf(h));
    const ids = () =>
      sim.Excel.run(async (c: Excel.RequestContext) => {
        const sheet = c.workbook.worksheets.getItem(list).load('id');
        const t = c.workbook.tables.getItem(table).load('id');
        await c.sync();
        return { sheet: sheet.id, table: t.id };
      }) as Promise<{ sheet: string; table: string }>;
    const before = await ids();

    // The user's work on it: a sheet of formulas and a pivot table; own customers to match out.
    const quoted = `'${list}'`;
    const rowOf = (company: string) =>
      snap0.sheets.find((s) => s.name === list)!.values.findIndex((r) => r[header.indexOf('Yritys')] === company) + 1;
    const FORMULAS = {
      A1: `=COUNTA(${table}[Puhelin])`,
      B1: `=${quoted}!${col('Yritys')}${rowOf('Hervannan Sähkö Oy')}`,
      C1: `=${quoted}!$${col('Y-tunnus')}$${rowOf('Kalevan Kattotyö Ky')}`,
    };
    const PIVOTS = [{ name: 'Pivot1', sheet: 'Yhteenveto', source: `${table}[#All]` }];
    await workbook.apply({
      write: [listSheet('Asiakkaat', ['companyName', 'businessId', 'phone'], [['Virtasen Rakennus Oy', '2345678-0', '040 123 4567']])],
    });
    const snap1 = sim.simulator.snapshot();
    sim.simulator.load({
      ...snap1,
      sheets: [...snap1.sheets, { name: 'Yhteenveto', values: [['', '', '']], formulas: FORMULAS }],
      pivots: PIVOTS,
    });

    /** After each step: the same sheet and table objects, the formulas as written, each cell reference still showing its company. */
    const expectKept = async (step: string) => {
      const snap = sim.simulator.snapshot();
      const cells = snap.sheets.find((s) => s.name === list)!.values;
      const formulas = snap.sheets.find((s) => s.name === 'Yhteenveto')!.formulas;
      const at = (f: string) => {
        const m = /!\$?([A-Z])\$?(\d+)$/.exec(f);
        return m ? cells[Number(m[2]) - 1]?.[m[1]!.charCodeAt(0) - 65] : f;
      };
      expect({ step, ids: await ids() }).toEqual({ step, ids: before });
      expect({ step, structured: formulas.A1, pivots: snap.pivots }).toEqual({ step, structured: FORMULAS.A1, pivots: PIVOTS });
      expect({ step, company: at(formulas.B1!), businessId: at(formulas.C1!) }).toEqual({
        step,
        company: 'Hervannan Sähkö Oy',
        businessId: '1572860-0',
      });
      expect({ step, hidden: snap.sheets.filter((s) => s.name.startsWith('~rajaus')).map((s) => s.name) }).toEqual({ step, hidden: [] });
    };

    // 2. Remove own customers: Virtasen's row goes to the audit sheet.
    expect((await removeCustomers(ctx, { listSheet: list, customers: { sheet: 'Asiakkaat' } })).removed).toBe(1);
    await expectKept('remove customers');
    // 3. Building data: columns added after the list's own.
    await addBuildings(ctx, { listSheet: list, source: buildings });
    await expectKept('building data');
    expect(sim.simulator.snapshot().sheets.find((s) => s.name === list)!.values[0]).toContain('Rakennusvuosi');
    // 4. Privacy notes: the processing history written again.
    await refreshNotes(ctx, found.listId);
    await expectKept('privacy notes');
    // 5. Export: the dialer file, and the same into a sheet.
    const exported = await exportList(ctx, { listSheet: list, format: 'leaddesk', toSheet: true });
    expect(exported.exported).toBe(2);
    await expectKept('export');
  });
});
