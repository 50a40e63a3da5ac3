/**
 * The Office.js adapter against the Excel simulator: lists arrive in Excel as the data they
 * are (phones, postal codes, business ids, formula-looking names stay text), as tables with a
 * frozen header; a change either lands completely or leaves the workbook exactly as it was;
 * 100,000 rows go in a few tens of requests, each under Excel's 5 MB limit.
 */
import { CancelledError, UserError } from '../../../src/core/errors';
import { emptyState, stateToXml, type WorkbookState } from '../../../src/core/state/workbookState';
import { fromCellByKey, type CellValue } from '../../../src/core/workbook/cells';
import type { WorkbookChange } from '../../../src/core/workbook/port';
import { plannedColumn, tablePlan, type SheetPlan } from '../../../src/core/workbook/sheetPlan';
import { REQUEST_LIMIT_BYTES } from '../../../src/workbook/officejs/excelFacts';
import { createOfficeWorkbook, type OfficeWorkbookOptions } from '../../../src/workbook/officejs/officeWorkbook';
import { createExcelSimulator, type WorkbookInit, type WorkbookSnapshot } from '../../excel-simulator';
import { LIST_KEYS, listRows } from './fixtures';
import { suppressionSheetPlan } from '../../../src/core/suppression/doNotCall';
import { wrappedRowHeights } from '../../../src/core/workbook/rowHeights';
import { wrappedNotesPlan } from '../../fixtures/notesPlan';

function setup(init?: WorkbookInit, options?: OfficeWorkbookOptions) {
  const sim = createExcelSimulator();
  if (init) sim.simulator.load(init);
  const workbook = createOfficeWorkbook({ run: sim.Excel.run as unknown as typeof Excel.run }, options);
  return { ...sim, workbook };
}

const listPlan = (name: string, rows: CellValue[][], keys: readonly string[] = LIST_KEYS, tableName = name): SheetPlan =>
  tablePlan({ name, role: 'list', keys, rows, lang: 'fi', tableName, tabColor: '#2E7D32' });

/** Part ids are the workbook's own; compare everything else. */
function comparable(s: WorkbookSnapshot) {
  return { ...s, customXmlParts: s.customXmlParts.map(({ namespaceUri, xml }) => ({ namespaceUri, xml })) };
}

describe('writing a list', () => {
  const keys = ['companyName', 'businessId', 'postalCode', 'phone', 'role', 'registrationDate', 'matchedCustomerRow'];
  const rows: CellValue[][] = [
    ['=HYPERLINK("http://x","y")', '0112038-9', '00100', '+358401234567', '-5', '2015-03-01', 412],
    ['Virtasen Putki Oy', '2331972-7', '33100', '+358501112223', '+1', '1998-12-31', '=1+1'],
    ['Hämäläisen Sähkö Ky', '1572860-0', '90100', '0401234567', 'TRUE', null, null],
  ];

  it('keeps phones, postal codes, business ids and formula-looking text as text', async () => {
    const { workbook, simulator } = setup();
    await workbook.apply({ write: [listPlan('Tulokset', rows, keys)], activate: 'Tulokset' });
    const sheet = simulator.snapshot().sheets.find((s) => s.name === 'Tulokset')!;
    expect(sheet.formulas).toEqual({});
    expect(sheet.values[0]).toEqual([
      'Yritys',
      'Y-tunnus',
      'Postinumero',
      'Puhelin',
      expect.any(String),
      expect.any(String),
      expect.any(String),
    ]);
    expect(sheet.values[1]).toEqual(['=HYPERLINK("http://x","y")', '0112038-9', '00100', '+358401234567', '-5', 42064, 412]);
    expect(sheet.values[2]).toEqual(['Virtasen Putki Oy', '2331972-7', '33100', '+358501112223', '+1', 36160, '=1+1']);
    expect(sheet.values[3].slice(0, 5)).toEqual(['Hämäläisen Sähkö Ky', '1572860-0', '90100', '0401234567', 'TRUE']);
    expect(sheet.numberFormats[1]).toEqual(['@', '@', '@', '@', '@', 'yyyy-mm-dd', '0']);
  });

  it('reads the list back as it was written, dates as serials', async () => {
    const { workbook } = setup();
    await workbook.apply({ write: [listPlan('Tulokset', rows, keys)] });
    const data = await workbook.readSheet('Tulokset');
    expect(data.headers.slice(0, 4)).toEqual(['Yritys', 'Y-tunnus', 'Postinumero', 'Puhelin']);
    expect(data.firstDataRow).toBe(2);
    const back = data.rows.map((row) => row.map((v, c) => fromCellByKey(keys[c], v)));
    expect(back).toEqual(rows.map((row) => row.map((v, c) => (c === 6 && typeof v === 'number' ? v : fromCellByKey(keys[c], v)))));
  });

  it('makes an Excel table with a frozen header, widths, tab colour and print setup', async () => {
    const { workbook, simulator } = setup();
    await workbook.apply({ write: [listPlan('Tulokset', rows, keys)] });
    const sheet = simulator.snapshot().sheets.find((s) => s.name === 'Tulokset')!;
    expect(sheet.tables).toEqual([{ name: 'Tulokset', range: 'A1:G4', header: sheet.values[0], rowCount: 3, style: 'TableStyleMedium2' }]);
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.visibility).toBe('Visible');
    expect(sheet.tabColor).toBe('#2E7D32');
    expect(sheet.columnWidths.A).toBeGreaterThan(sheet.columnWidths.C);
    expect(sheet.pageLayout).toEqual({
      orientation: 'Landscape',
      paperSize: 'A4',
      printTitleRows: '$1:$1',
      zoom: { horizontalFitToPages: 1 },
    });
    expect(simulator.snapshot().sheets.map((s) => s.name)).toEqual(['Sheet1', 'Tulokset']);
  });

  it('writes an empty list as a header with an empty table body, and reads it back as no rows', async () => {
    const { workbook, simulator } = setup();
    await workbook.apply({ write: [listPlan('Tyhjä', [], keys)] });
    expect(simulator.snapshot().sheets[1].tables[0]).toMatchObject({ range: 'A1:G2' });
    const data = await workbook.readSheet('Tyhjä');
    expect(data.rows).toEqual([]);
    expect(data.headers[0]).toBe('Yritys');
  });

  it('lays the notes out as a document: styled rows, wrapped text, no table', async () => {
    const { workbook, simulator } = setup();
    const notes: SheetPlan = {
      name: 'Tietosuoja',
      role: 'notes',
      columns: [plannedColumn('extra:Kohta', 'fi'), plannedColumn('extra:Tieto', 'fi')],
      rows: [
        ['Rekisteriseloste', null],
        ['1. Rekisterinpitäjä', null],
        ['Nimi', 'Esimerkki Oy'],
        ['Y-tunnus', '0112038-9'],
      ],
      rowStyles: ['title', 'section', 'label', 'normal'],
      layout: 'document',
      freezeHeader: false,
      print: { orientation: 'portrait', repeatHeaderRow: false, fitToWidth: true },
    };
    await workbook.apply({ write: [notes] });
    const sheet = simulator.snapshot().sheets.find((s) => s.name === 'Tietosuoja')!;
    expect(sheet.tables).toEqual([]);
    expect(sheet.values).toEqual([
      ['Rekisteriseloste', ''],
      ['1. Rekisterinpitäjä', ''],
      ['Nimi', 'Esimerkki Oy'],
      ['Y-tunnus', '0112038-9'],
    ]);
    expect(sheet.styles.A1).toMatchObject({ bold: true, fontSize: 14, wrapText: true });
    expect(sheet.styles.A2).toMatchObject({ bold: true, fill: '#DDEBF7' });
    expect(sheet.styles.A4).toEqual({ wrapText: true });
    expect(sheet.pageLayout.orientation).toBe('Portrait');
  });

  it('refuses an invalid sheet name before touching the workbook', async () => {
    const { workbook, simulator } = setup();
    const before = simulator.snapshot();
    await expect(workbook.apply({ write: [listPlan('Tulokset: Tampere', rows, keys, 'Tulokset')] })).rejects.toThrow(UserError);
    await expect(workbook.apply({ write: [listPlan('Tulokset: Tampere', rows, keys, 'Tulokset')] })).rejects.toThrow(
      /Taulukon nimi "Tulokset: Tampere"/,
    );
    expect(simulator.snapshot()).toEqual(before);
    expect(simulator.syncCount).toBe(0);
  });

  it('refuses more rows than an Excel sheet holds, suggesting to narrow the search', async () => {
    const { workbook, simulator } = setup(undefined, { lang: 'en' });
    const huge = new Array<CellValue[]>(1_048_576).fill([]);
    await expect(workbook.apply({ write: [listPlan('Tulokset', huge, keys)] })).rejects.toThrow(/holds 1,048,575\. Narrow the search/);
    expect(simulator.syncCount).toBe(0);
  });
});

describe('replacing and removing sheets', () => {
  const init: WorkbookInit = {
    sheets: [
      {
        name: 'Asiakkaat',
        values: [
          ['Yritys', 'Puhelin'],
          ['Virtasen Putki Oy', '0401234567'],
        ],
        numberFormats: [
          ['@', '@'],
          ['@', '@'],
        ],
        tables: [{ name: 'Asiakkaat', range: 'A1:B2' }],
      },
      {
        name: 'Tulokset',
        values: [['Yritys'], ['Vanha Oy'], ['Toinen Vanha Oy']],
        tables: [{ name: 'Tulokset', range: 'A1:A3' }],
        active: true,
      },
      { name: 'Tietosuoja', values: [['Rekisteriseloste']] },
      { name: 'Vanha lista', values: [['Yritys'], ['Poistettava Oy']] },
    ],
  };

  it('puts a replaced sheet in the old one’s tab position, with the old table name', async () => {
    const { workbook, simulator } = setup(init);
    await workbook.apply({ write: [listPlan('Tulokset', listRows(5))] });
    const snap = simulator.snapshot();
    expect(snap.sheets.map((s) => s.name)).toEqual(['Asiakkaat', 'Tulokset', 'Tietosuoja', 'Vanha lista']);
    expect(snap.sheets[1].tables.map((t) => [t.name, t.rowCount])).toEqual([['Tulokset', 5]]);
    expect(snap.sheets[1].values[1][0]).toBe(listRows(5)[0][0]);
    expect(snap.activeSheet).toBe('Tulokset');
    expect(snap.sheets.every((s) => s.visibility === 'Visible')).toBe(true);
  });

  it('gives tables names Excel’s grammar accepts, free of tables and defined names', async () => {
    const { workbook, simulator } = setup({ ...init, names: { Kampanja: '=Tulokset!$A$2:$A$3' } });
    await workbook.apply({
      write: [
        listPlan('R2 kampanja', listRows(2), LIST_KEYS, 'R2_kampanja'),
        listPlan('Kampanja', listRows(2)),
        listPlan('Totuus', listRows(2), LIST_KEYS, 'TRUE'),
      ],
    });
    const tables = simulator.snapshot().sheets.flatMap((sh) => sh.tables.map((tb) => tb.name));
    expect(tables).toEqual(['Asiakkaat', 'Tulokset', 'T_R2_kampanja', 'Kampanja_2', 'T_TRUE']);
    expect(simulator.snapshot().names).toEqual({ Kampanja: '=Tulokset!$A$2:$A$3' });
  });

  it('removes sheets and keeps the user’s customer sheet untouched', async () => {
    const { workbook, simulator } = setup(init);
    const customers = simulator.snapshot().sheets[0];
    await workbook.apply({ remove: ['Vanha lista', 'Ei ole olemassa'], activate: 'Asiakkaat' });
    const snap = simulator.snapshot();
    expect(snap.sheets.map((s) => s.name)).toEqual(['Asiakkaat', 'Tulokset', 'Tietosuoja']);
    expect(snap.sheets[0]).toEqual({ ...customers, active: true });
  });

  it('lists sheets with visibility, tables and their row counts, and used-range sizes', async () => {
    const { workbook } = setup(init);
    expect(await workbook.listSheets()).toEqual([
      { name: 'Asiakkaat', visible: true, tables: [{ name: 'Asiakkaat', rowCount: 1 }], rowCount: 2, columnCount: 2 },
      { name: 'Tulokset', visible: true, tables: [{ name: 'Tulokset', rowCount: 2 }], rowCount: 3, columnCount: 1 },
      { name: 'Tietosuoja', visible: true, tables: [], rowCount: 1, columnCount: 1 },
      { name: 'Vanha lista', visible: true, tables: [], rowCount: 2, columnCount: 1 },
    ]);
  });

  it('reads a sheet without a table from its used range, and a preview of a few rows', async () => {
    const { workbook } = setup(init);
    const data = await workbook.readSheet('Vanha lista');
    expect(data).toEqual({ name: 'Vanha lista', headers: ['Yritys'], rows: [['Poistettava Oy']], firstDataRow: 2 });
    expect((await workbook.readSheet('Tulokset', { maxRows: 1 })).rows).toEqual([['Vanha Oy']]);
    await expect(workbook.readSheet('Asiakasrekisteri')).rejects.toThrow('Työkirjassa ei ole taulukkoa "Asiakasrekisteri".');
  });
});

describe('state', () => {
  const state: WorkbookState = {
    ...emptyState(),
    lists: [
      {
        id: 'l1',
        name: 'Tampereen LVI-yritykset',
        kind: 'b2b',
        createdAt: '2026-11-27T09:15:00+02:00',
        deleteBy: '2027-11-27',
        sheets: { list: 'Tulokset', audit: [] },
        sources: [],
        log: [{ step: 'search', at: '2026-11-27T09:15:00+02:00', rowsOut: 412, params: { criteria: 'F, 33100' }, contacted: [] }],
      },
    ],
    doNotContact: { phones: ['+358401234567'], emails: [] },
  };

  it('is null in a workbook without Rajaus data, and round-trips through one custom XML part', async () => {
    const { workbook, simulator } = setup();
    expect(await workbook.readState()).toBeNull();
    await workbook.apply({ state });
    expect(await workbook.readState()).toEqual(state);
    const next = { ...state, presets: [{ name: 'LVI Tampere', criteria: { kind: 'b2b' } }] };
    await workbook.apply({ state: next });
    expect(await workbook.readState()).toEqual(next);
    expect(simulator.snapshot().customXmlParts).toHaveLength(1);
  });

  it('reads the state of a workbook saved last month', async () => {
    const { workbook } = setup({ sheets: [{ name: 'Taul1' }], customXmlParts: [stateToXml(state), '<other xmlns="urn:someone-else"/>'] });
    expect(await workbook.readState()).toEqual(state);
  });

  it('says so when the saved state is damaged', async () => {
    const { workbook } = setup({
      sheets: [{ name: 'Taul1' }],
      customXmlParts: ['<rajaus xmlns="urn:rajaus:state:v1"><![CDATA[{"version":7}]]></rajaus>'],
    });
    await expect(workbook.readState()).rejects.toThrow(UserError);
  });
});

describe('all or nothing', () => {
  const oldState: WorkbookState = { ...emptyState(), doNotContact: { phones: ['+358401111111'], emails: [] } };
  const newState: WorkbookState = { ...emptyState(), doNotContact: { phones: ['+358402222222'], emails: ['kielto@esimerkki.fi'] } };
  const before: WorkbookInit = {
    sheets: [
      {
        name: 'Asiakkaat',
        values: [
          ['Yritys', 'Puhelin'],
          ['Virtasen Putki Oy', '0401234567'],
        ],
        numberFormats: [
          ['@', '@'],
          ['@', '@'],
        ],
        tables: [{ name: 'Asiakkaat', range: 'A1:B2' }],
      },
      {
        name: 'Tulokset',
        values: [['Yritys'], ['Vanha Oy']],
        tables: [{ name: 'Tulokset', range: 'A1:A2' }],
        tabColor: '#C00000',
        active: true,
      },
      { name: 'Vanha lista', values: [['Yritys'], ['Poistettava Oy']] },
    ],
    customXmlParts: [stateToXml(oldState)],
  };
  const notes: SheetPlan = {
    name: 'Tietosuoja',
    role: 'notes',
    columns: [plannedColumn('extra:Kohta', 'fi'), plannedColumn('extra:Tieto', 'fi')],
    rows: [
      ['Rekisteriseloste', null],
      ['Rekisterinpitäjä', 'Esimerkki Oy'],
    ],
    rowStyles: ['title', 'normal'],
    layout: 'document',
    freezeHeader: false,
  };
  const change: WorkbookChange = {
    write: [listPlan('Tulokset', listRows(60, 7)), notes],
    remove: ['Vanha lista'],
    state: newState,
    activate: 'Tietosuoja',
  };
  // Small requests, so that the list takes several blocks and there are many syncs to fail.
  const small = { targetRequestBytes: 6_000 };

  function reference() {
    const { workbook, simulator } = setup(before, small);
    return { workbook, simulator };
  }

  it('leaves the workbook exactly as before when any sync fails, or completes it', async () => {
    const ref = reference();
    const initial = comparable(ref.simulator.snapshot());
    await ref.workbook.apply(change);
    const done = comparable(ref.simulator.snapshot());
    const syncs = ref.simulator.syncCount;
    expect(done.sheets.map((s) => s.name)).toEqual(['Asiakkaat', 'Tulokset', 'Tietosuoja']);
    expect(syncs).toBeGreaterThan(8);

    let rolledBack = 0;
    let completed = 0;
    for (let n = 1; n <= syncs; n++) {
      for (const afterOperations of [0, 1, 3, 1_000]) {
        const { workbook, simulator } = setup(before, small);
        simulator.failSync(n, { afterOperations });
        const outcome = await workbook.apply(change).then(
          () => 'completed',
          () => 'failed',
        );
        const snap = comparable(simulator.snapshot());
        if (outcome === 'failed') {
          rolledBack++;
          expect({ n, afterOperations, snap }).toEqual({ n, afterOperations, snap: initial });
        } else {
          completed++;
          expect({ n, afterOperations, snap }).toEqual({ n, afterOperations, snap: done });
        }
      }
    }
    // Failures before the swap roll back; only the clean-up after it may be retried to completion.
    expect(rolledBack).toBeGreaterThan(syncs * 2);
    expect(completed).toBeGreaterThan(0);
  });

  it('leaves the workbook as before when the user cancels in the middle of writing', async () => {
    const { workbook, simulator } = setup(before, small);
    const initial = simulator.snapshot();
    const controller = new AbortController();
    const seen: number[] = [];
    const apply = workbook.apply(change, {
      signal: controller.signal,
      progress: (done) => {
        seen.push(done);
        if (done >= 20) controller.abort();
      },
    });
    await expect(apply).rejects.toThrow(CancelledError);
    expect(seen.filter((d) => d > 0).length).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBeLessThan(60);
    expect(simulator.snapshot()).toEqual(initial);
  });

  it('leaves the workbook as before when a new sheet is cancelled while it is written (no list in place to undo)', async () => {
    const { workbook, simulator } = setup();
    const initial = simulator.snapshot();
    const controller = new AbortController();
    const apply = workbook.apply(
      { write: [listPlan('Tulokset', listRows(20_000, 7))] },
      {
        signal: controller.signal,
        progress: (done) => {
          if (done > 0) controller.abort();
        },
      },
    );
    // Before: the roll-back called the in-place module's function without having loaded it
    // ("S is not a function" in the pane) and left hidden sheets behind.
    await expect(apply).rejects.toThrow(CancelledError);
    expect(simulator.snapshot()).toEqual(initial);
  });
});

describe('100,000 rows × 20 columns', () => {
  it('writes every request under 5 MB in a few tens of round trips, and reads it back under the response limit', async () => {
    const rows = listRows(100_000, 42);
    const { workbook, simulator } = setup();
    const started = Date.now();
    let progressCalls = 0;
    await workbook.apply({ write: [listPlan('Tulokset', rows)] }, { progress: () => progressCalls++ });
    const writeMs = Date.now() - started;
    const writes = [...simulator.requests];
    const largest = Math.max(...writes.map((r) => r.payloadBytes));
    const total = writes.reduce((n, r) => n + r.payloadBytes, 0);

    expect(writes.every((r) => !r.failed)).toBe(true);
    expect(largest).toBeLessThan(REQUEST_LIMIT_BYTES);
    expect(largest).toBeLessThanOrEqual(3_000_000);
    expect(writes.length).toBeGreaterThanOrEqual(10);
    expect(writes.length).toBeLessThan(100);
    expect(progressCalls).toBeGreaterThan(10);

    const sheet = simulator.snapshot({ cells: false }).sheets.find((s) => s.name === 'Tulokset')!;
    expect(sheet.tables[0]).toMatchObject({ name: 'Tulokset', range: 'A1:T100001', rowCount: 100_000 });

    simulator.clearRequests();
    const readStarted = Date.now();
    const data = await workbook.readSheet('Tulokset');
    const readMs = Date.now() - readStarted;
    const reads = simulator.requests;
    const largestResponse = Math.max(...reads.map((r) => r.responseBytes));
    expect(largestResponse).toBeLessThan(REQUEST_LIMIT_BYTES);
    expect(data.rows).toHaveLength(100_000);
    const dated = new Set(['registrationDate', 'extractedAt']);
    expect(data.rows[99_999]).toEqual(rows[99_999].map((v, c) => (dated.has(LIST_KEYS[c]) ? expect.any(Number) : v)));
    expect(fromCellByKey('registrationDate', data.rows[0][5])).toBe(rows[0][5]);
    // "Poimittu" is an Excel date-time of local time; it reads back as the same moment.
    expect(fromCellByKey('extractedAt', data.rows[0][19])).toBe(new Date(String(rows[0][19])).toISOString());

    // The figures the design asks for (README / report).
    console.log(
      [
        `100,000 × 20 write: ${writes.length} syncs, largest request ${(largest / 1e6).toFixed(2)} MB, ${(total / 1e6).toFixed(1)} MB in all, ${writeMs} ms`,
        `read back: ${reads.length} syncs, largest response ${(largestResponse / 1e6).toFixed(2)} MB, ${readMs} ms`,
      ].join('\n'),
    );
  });
});

describe('Excel busy: cell-edit mode and an inactive workbook', () => {
  const oldState: WorkbookState = { ...emptyState(), doNotContact: { phones: ['+358401111111'], emails: [] } };
  const newState: WorkbookState = { ...emptyState(), doNotContact: { phones: ['+358402222222'], emails: [] } };
  const before: WorkbookInit = {
    sheets: [
      { name: 'Asiakkaat', values: [['Yritys'], ['Virtasen Putki Oy']] },
      { name: 'Tulokset', values: [['Yritys'], ['Vanha Oy']], tables: [{ name: 'Tulokset', range: 'A1:A2' }], active: true },
      { name: 'Vanha lista', values: [['Yritys'], ['Poistettava Oy']] },
    ],
    customXmlParts: [stateToXml(oldState)],
  };
  const change: WorkbookChange = { write: [listPlan('Tulokset', listRows(40, 3))], remove: ['Vanha lista'], state: newState };
  const quick = { targetRequestBytes: 6_000, busyRetry: { delaysMs: [1], maxWaitMs: 5_000, cleanupMaxWaitMs: 5_000 } };
  const hidden = (snap: WorkbookSnapshot) =>
    snap.sheets.filter((s) => s.visibility !== 'Visible' || s.name.startsWith('~rajaus')).map((s) => s.name);

  function reference() {
    const { workbook, simulator } = setup(before, quick);
    return { workbook, simulator };
  }

  it.each(['cellEditMode', 'inactiveWorkbook'] as const)(
    'finishes a step that a %s window interrupts at any request, telling the user to finish editing, and leaves no hidden sheet',
    async (kind) => {
      const ref = reference();
      await ref.workbook.apply(change);
      const done = comparable(ref.simulator.snapshot());
      const syncs = ref.simulator.syncCount;
      expect(syncs).toBeGreaterThan(6);
      for (let n = 1; n <= syncs; n++) {
        const { workbook, simulator } = setup(before, quick);
        const notices: string[] = [];
        workbook.onNotice!((notice) => notices.push(notice.text));
        const labels: string[] = [];
        simulator[kind]({ afterSyncs: n - 1, syncs: 3 });
        await workbook.apply(change, { progress: (_d, _t, label) => labels.push(label ?? '') });
        const snap = comparable(simulator.snapshot());
        expect({ n, snap }).toEqual({ n, snap: done });
        expect(hidden(simulator.snapshot())).toEqual([]);
        expect(notices).toEqual([expect.stringContaining('lopeta solun muokkaus')]);
        expect(simulator.requests.filter((r) => r.failed).length).toBe(3);
        if (n > 1) expect(labels).toContain(notices[0]);
      }
    },
  );

  it('reads a sheet through a cell-edit window', async () => {
    const { workbook, simulator } = setup(before, quick);
    simulator.cellEditMode({ afterSyncs: 2, syncs: 4 });
    const data = await workbook.readSheet('Tulokset');
    expect(data.rows).toEqual([['Vanha Oy']]);
  });

  it('rolls the step back when Excel stays busy too long: the workbook as before, no hidden sheet, a clear error', async () => {
    const ref = reference();
    const initial = comparable(ref.simulator.snapshot());
    const { workbook, simulator } = setup(before, { ...quick, busyRetry: { delaysMs: [5], maxWaitMs: 40, cleanupMaxWaitMs: 5_000 } });
    // The user starts editing after the first rows are written and stays there 80 ms.
    simulator.cellEditMode({ afterSyncs: 3 });
    setTimeout(() => simulator.endBlock(), 80);
    await expect(workbook.apply(change)).rejects.toThrow(/solun muokkaustilassa/);
    expect(comparable(simulator.snapshot())).toEqual(initial);
    expect(hidden(simulator.snapshot())).toEqual([]);
  });

  it('does not swallow a roll-back that cannot run; the leftovers go when the pane next opens', async () => {
    const ref = reference();
    const initial = comparable(ref.simulator.snapshot());
    const { workbook, simulator } = setup(before, { ...quick, busyRetry: { delaysMs: [5], maxWaitMs: 20, cleanupMaxWaitMs: 40 } });
    // From the request that adds the staging sheet (after the reads of phase A's start).
    simulator.cellEditMode({ afterSyncs: 4 });
    await expect(workbook.apply(change)).rejects.toThrow(/Rajaus saanut poistettua keskeneräisiä piilotaulukoita/);
    simulator.endBlock();
    expect(hidden(simulator.snapshot()).length).toBeGreaterThan(0);
    const report = await workbook.cleanUpLeftovers!();
    expect(report.removed).toEqual([expect.stringMatching(/^~rajaus-/)]);
    expect(report.restored).toEqual([]);
    expect(comparable(simulator.snapshot())).toEqual(initial);
  });

  it('keeps a finished step when only the clean-up is blocked, says so, and the sweep on open completes it', async () => {
    const ref = reference();
    await ref.workbook.apply(change);
    const done = comparable(ref.simulator.snapshot());
    const syncs = ref.simulator.syncCount;
    const { workbook, simulator } = setup(before, { ...quick, busyRetry: { delaysMs: [2], maxWaitMs: 20, cleanupMaxWaitMs: 20 } });
    const notices: string[] = [];
    workbook.onNotice!((n) => notices.push(n.text));
    // Phase C is the last request but one (its reads) and the last: block from there on.
    simulator.cellEditMode({ afterSyncs: syncs - 2 });
    await workbook.apply(change);
    simulator.endBlock();
    expect(notices.at(-1)).toMatch(/Rajaus saanut poistettua/);
    const left = simulator.snapshot();
    // The removed sheet set aside, and the list's staging sheet and backup (the list itself was
    // rewritten in place).
    expect(hidden(left)).toEqual([
      '~rajaus-old-0',
      expect.stringMatching(/^~rajaus-[a-z0-9]+$/),
      expect.stringMatching(/^~rajaus-[a-z0-9]+$/),
    ]);
    expect(left.customXmlParts.map((p) => p.namespaceUri)).toEqual(['urn:rajaus:state:v1', 'urn:rajaus:journal:v1', 'urn:rajaus:state:v1']);
    const report = await workbook.cleanUpLeftovers!();
    expect(report).toEqual({ removed: hidden(left), restored: [] });
    expect(notices.at(-1)).toMatch(/poistettiin 3 piilotaulukkoa, palautettiin 0/);
    expect(comparable(simulator.snapshot())).toEqual(done);
  });

  it('undoes a swap cut off part-way whose roll-back could not run either, when the pane next opens', async () => {
    const ref = reference();
    const initial = comparable(ref.simulator.snapshot());
    await ref.workbook.apply(change);
    const done = comparable(ref.simulator.snapshot());
    const swapSync = ref.simulator.syncCount - 3; // then the list's layout, then phase C: its read and its deletes
    for (const afterOperations of [0, 1, 2, 3, 4, 5, 6, 8, 10]) {
      const { workbook, simulator } = setup(before, { ...quick, busyRetry: { delaysMs: [2], maxWaitMs: 20, cleanupMaxWaitMs: 20 } });
      simulator.failSync(swapSync, { afterOperations });
      simulator.cellEditMode({ afterSyncs: swapSync });
      await expect(workbook.apply(change)).rejects.toThrow(/Rajaus saanut poistettua/);
      simulator.endBlock();
      expect(hidden(simulator.snapshot()).length).toBeGreaterThan(0);
      // A swap whose every operation ran (the journal says complete) is finished, not undone.
      const finished = simulator.snapshot().customXmlParts.some((p) => p.xml.includes('"complete":true'));
      const report = await workbook.cleanUpLeftovers!();
      // Which sheet is active may differ (Excel moves it off a sheet that is hidden); the content may not.
      const content = (snap: ReturnType<typeof comparable>) => ({
        ...snap,
        activeSheet: null,
        sheets: snap.sheets.map((sh) => ({ ...sh, active: false })),
      });
      // Finishing restores the list's cells and state; the layout of a list rewritten in place
      // (widths, tab colour, frozen header, print) is set by a request after the swap, which the sweep
      // cannot redo: it knows no plan. Known limit, compared without it.
      const noListLayout = (snap: ReturnType<typeof comparable>) =>
        finished
          ? {
              ...snap,
              sheets: snap.sheets.map((sh) =>
                sh.name === 'Tulokset' ? { ...sh, columnWidths: {}, frozenRows: 0, pageLayout: {}, tabColor: undefined } : sh,
              ),
            }
          : snap;
      expect({ afterOperations, snap: noListLayout(content(comparable(simulator.snapshot()))) }).toEqual({
        afterOperations,
        snap: noListLayout(content(finished ? done : initial)),
      });
      expect(report.removed.length).toBeGreaterThan(0);
    }
  });

  it('restores a sheet set aside when its replacement never took its place, with its table name', async () => {
    const { workbook, simulator } = setup({
      sheets: [
        { name: 'Asiakkaat', values: [['Yritys'], ['A Oy']] },
        {
          name: '~rajaus-old-0',
          values: [['Yritys'], ['Vanha Oy']],
          tables: [{ name: 'Tulokset_old', range: 'A1:A2' }],
          visibility: 'Hidden',
        },
        { name: '~rajaus-k3x9', values: [['Yritys'], ['Uusi Oy']], visibility: 'Hidden' },
        { name: '~rajaus-old-1', values: [['x']], visibility: 'Hidden' },
      ],
      customXmlParts: [
        '<?xml version="1.0" encoding="UTF-8"?><journal xmlns="urn:rajaus:journal:v1">{"sheets":[{"aside":"~rajaus-old-0","name":"Tulokset"}],"tables":[{"aside":"Tulokset_old","name":"Tulokset"}]}</journal>',
      ],
    });
    const report = await workbook.cleanUpLeftovers!();
    expect(report).toEqual({ removed: ['~rajaus-k3x9'], restored: ['Tulokset', 'Palautettu'] });
    const snap = simulator.snapshot();
    expect(snap.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Asiakkaat', 'Visible'],
      ['Tulokset', 'Visible'],
      ['Palautettu', 'Visible'],
    ]);
    expect(snap.sheets[1].tables.map((tb) => tb.name)).toEqual(['Tulokset']);
    expect(snap.customXmlParts).toEqual([]);
    expect(await workbook.cleanUpLeftovers!()).toEqual({ removed: [], restored: [] });
  });
});

describe('print and wrapped text', () => {
  const notes: SheetPlan = wrappedNotesPlan({ print: { orientation: 'portrait', repeatHeaderRow: false, fitToWidth: true } });

  it('prints every sheet on A4, the do-not-call sheet too, and makes wrapped rows tall enough', async () => {
    const { workbook, simulator } = setup();
    const dnc = suppressionSheetPlan({ name: 'Kieltolista', phones: ['+358401234567'], lang: 'fi', tableName: 'Kieltolista' });
    expect(dnc.print).toBeUndefined();
    await workbook.apply({ write: [listPlan('Tulokset', listRows(3)), dnc, notes] });
    const sheets = simulator.snapshot().sheets.slice(1);
    expect(sheets.map((s) => [s.name, s.pageLayout.paperSize])).toEqual([
      ['Tulokset', 'A4'],
      ['Kieltolista', 'A4'],
      ['Tietosuoja', 'A4'],
    ]);
    expect(sheets[2].rowHeights).toEqual({ '2': wrappedRowHeights(notes)[1] });
    expect(wrappedRowHeights(notes)[1]).toBeGreaterThanOrEqual(45);
  });

  it('on ExcelApi 1.7 leaves print setup out and still writes every sheet', async () => {
    const sim = createExcelSimulator({ requirementSets: { ExcelApi: '1.7' } });
    const workbook = createOfficeWorkbook({ run: sim.Excel.run as unknown as typeof Excel.run }, { supportsExcelApi: (v) => v <= '1.7' });
    const notices: string[] = [];
    workbook.onNotice!((n) => notices.push(n.text));
    await workbook.apply({ write: [listPlan('Tulokset', listRows(3)), notes] });
    const sheets = sim.simulator.snapshot().sheets.slice(1);
    expect(sheets.map((s) => [s.name, s.pageLayout, s.frozenRows])).toEqual([
      ['Tulokset', {}, 1],
      ['Tietosuoja', {}, 0],
    ]);
    expect(notices).toEqual([expect.stringContaining('ExcelApi 1.9')]);
  });
});

describe('the user’s references to the list (issue 14, item 4)', () => {
  // A step rewrites the list's table in place (same sheet, same table: rows and columns inserted
  // or deleted inside it, cells copied from a staging sheet), so that formulas, structured
  // references and pivot sources on the list keep pointing at it. Replacing the sheet would turn
  // them into #REF!.
  it('keeps a formula, a structured reference and a pivot source on the list through a refresh', async () => {
    const { workbook, simulator } = setup({
      sheets: [
        // Three rows: the simulator moves references with cells, and growing the table inserts
        // rows before its last one (Excel's Range.insert), so a reference to that row follows it.
        {
          name: 'Tulokset',
          values: [['Yritys'], ['Vanha Oy'], ['Toinen Oy'], ['Kolmas Oy']],
          tables: [{ name: 'Tulokset', range: 'A1:A4' }],
        },
        { name: 'Yhteenveto', values: [['Määrä', 1, 'Vanha Oy']], formulas: { B1: '=COUNTA(Tulokset[Yritys])', C1: '=Tulokset!A2' } },
      ],
      pivots: [{ name: 'Pivot1', sheet: 'Yhteenveto', source: 'Tulokset[#All]' }],
    });
    await workbook.apply({ write: [listPlan('Tulokset', listRows(5))] });
    const snap = simulator.snapshot();
    expect(snap.sheets.find((s) => s.name === 'Yhteenveto')!.formulas).toEqual({ B1: '=COUNTA(Tulokset[Yritys])', C1: '=Tulokset!A2' });
    expect(snap.pivots[0].source).toBe('Tulokset[#All]');
  });
});
