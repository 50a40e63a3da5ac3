/**
 * The Excel simulator behaves like Excel where add-ins trip: load/sync, value coercion, the
 * 5 MB limits, name rules, tables, custom XML parts. These tests pin those semantics, because
 * the adapter's tests are only as good as the simulator they run against.
 */
import { createExcelSimulator, installGlobals, PAYLOAD_LIMIT_BYTES, type ExcelSimulator, type WorkbookInit } from '.';
import type { SimRequestContext } from './context';
import type { SimWorkbook } from './proxies';

type Ctx = SimRequestContext & { workbook: SimWorkbook };

function setup(options?: Parameters<typeof createExcelSimulator>[0]): ExcelSimulator & { run: <T>(b: (ctx: Ctx) => Promise<T>) => Promise<T> } {
  const sim = createExcelSimulator(options);
  return { ...sim, run: (b) => sim.Excel.run(b) };
}

describe('load and sync', () => {
  it('throws PropertyNotLoaded when a property is read before load + sync, with Office’s message', async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      expect(() => range.values).toThrow(
        `The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(range.values).toEqual([['']]);
    });
  });

  it('accepts load("a,b"), load(["a"]) and load({ a: true }) and loads nested format properties', async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      const a = sheet.getRange('A1:B2').load('rowCount, columnCount');
      const b = sheet.getRange('C3').load(['address']);
      const c = sheet.getRange('D4:D5').load({ numberFormat: true, format: { columnWidth: true } });
      await ctx.sync();
      expect([a.rowCount, a.columnCount]).toEqual([2, 2]);
      expect(b.address).toBe('Sheet1!C3');
      expect(c.numberFormat).toEqual([['General'], ['General']]);
      expect(c.format.columnWidth).toBe(48);
      expect(() => a.values).toThrow(/not available/);
    });
  });

  it('queues writes until sync and counts each sync as one request', async () => {
    const { run, simulator } = setup();
    await run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      range.values = [['Yritys', 'Y-tunnus']];
      expect(simulator.snapshot().sheets[0].values).toEqual([]);
      await ctx.sync();
      expect(simulator.snapshot().sheets[0].values).toEqual([['Yritys', 'Y-tunnus']]);
    });
    expect(simulator.syncCount).toBe(1);
    expect(simulator.requests[0].operationCount).toBe(1);
  });

  it('sends what is still queued when the batch returns, and nothing when it throws', async () => {
    const { run, simulator } = setup();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['Oulu']];
    });
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A2').values = [['Kemi']];
        throw new Error('user code failed');
      }),
    ).rejects.toThrow('user code failed');
    expect(simulator.snapshot().sheets[0].values).toEqual([['Oulu']]);
  });

  it('resolves getItemOrNullObject at sync and reports isNullObject', async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Asiakkaat');
      const present = ctx.workbook.worksheets.getItemOrNullObject('sheet1');
      expect(() => missing.isNullObject).toThrow(/isNullObject/);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  it('fails getItem of a missing sheet at sync with ItemNotFound', async () => {
    const { run } = setup();
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Asiakkaat').getRange('A1').load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('applies the operations before a failing one: a request is not a transaction', async () => {
    const { run, simulator } = setup();
    await expect(
      run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem('Sheet1');
        sheet.getRange('A1').values = [['kirjoitettu']];
        ctx.workbook.worksheets.add('Bad/name');
        sheet.getRange('A2').values = [['ei kirjoitettu']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(simulator.snapshot().sheets[0].values).toEqual([['kirjoitettu']]);
  });

  it('refuses proxies of an ended Excel.run', async () => {
    const { run } = setup();
    const range = await run(async (ctx) => ctx.workbook.worksheets.getItem('Sheet1').getRange('A1'));
    expect(() => {
      range.values = [['x']];
    }).toThrow(/Excel.run that has ended/);
  });
});

describe('value coercion', () => {
  const tricky = ['0401234567', '00100', '+358401234567', '-5', '+1', '1e5', 'TRUE', '=HYPERLINK("http://x","y")', '0112038-9', '2024-03-01'];

  async function writeRow(format: string | null) {
    const { run, simulator } = setup();
    await run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(0, 0, 1, tricky.length);
      if (format) range.numberFormat = [[format]];
      range.values = [tricky];
      await ctx.sync();
    });
    return simulator.snapshot().sheets[0];
  }

  it('turns numeric-looking text, booleans, ISO dates and formulas into Excel values in a General cell', async () => {
    const sheet = await writeRow(null);
    expect(sheet.values[0]).toEqual([401234567, 100, 358401234567, -5, 1, 100000, true, '#NAME?', '0112038-9', 45352]);
    expect(sheet.formulas).toEqual({ C1: '=+358401234567', E1: '=+1', H1: '=HYPERLINK("http://x","y")' });
    expect(sheet.numberFormats[0][9]).toBe('yyyy-mm-dd');
  });

  it('keeps every string exactly as written when the cell format is text ("@")', async () => {
    const sheet = await writeRow('@');
    expect(sheet.values[0]).toEqual(tricky);
    expect(sheet.formulas).toEqual({});
  });

  it('treats a leading apostrophe as Excel’s quote prefix in a General cell', async () => {
    const { run, simulator } = setup();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').values = [["'00100", "'=1+1"]];
    });
    expect(simulator.snapshot().sheets[0].values).toEqual([['00100', '=1+1']]);
  });

  it('leaves a cell unchanged for null and clears it for ""', async () => {
    const { run, simulator } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      r.values = [['Tampere', 'Turku']];
      await ctx.sync();
      r.values = [[null, '']];
    });
    expect(simulator.snapshot().sheets[0].values).toEqual([['Tampere']]);
  });

  it('broadcasts a single value or 1×1 array and refuses a mismatched shape', async () => {
    const { run, simulator } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A3');
      r.numberFormat = [['@']];
      await ctx.sync();
    });
    expect(simulator.snapshot().sheets[0].numberFormats).toEqual([['@'], ['@'], ['@']]);
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').values = [['a', 'b']];
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('shows a 12-digit number in a General cell in scientific notation, as a phone number would', async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      r.values = [['+358401234567', '00100']];
      r.load('text');
      await ctx.sync();
      expect(r.text).toEqual([['3.58401E+11', '100']]);
    });
  });
});

describe('request and response limits', () => {
  it('records each request’s size and refuses one over 5 MB with RequestPayloadSizeLimitExceeded, executing nothing', async () => {
    const { run, simulator } = setup();
    const row = Array.from({ length: 10 }, (_, i) => `Katuosoite ${i} A 12, 00100 Helsinki`);
    const rows = Array.from({ length: 20_000 }, () => row); // ≈ 7.6 MB as JSON
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(0, 0, rows.length, 10).values = rows;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    const last = simulator.requests[simulator.requests.length - 1];
    expect(last.payloadBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(last.failed).toBe('RequestPayloadSizeLimitExceeded');
    expect(simulator.snapshot().sheets[0].usedRange).toBeNull();
  });

  it('refuses a response over the limit and does not deliver the values', async () => {
    const { run, simulator } = setup({ responseLimitBytes: 1_000 });
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A100').values = Array.from({ length: 100 }, (_, i) => [`Rivi ${i}`]);
    });
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A100').load('values');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
      expect(() => r.values).toThrow(/not available/);
    });
    expect(simulator.requests[simulator.requests.length - 1].responseBytes).toBeGreaterThan(1_000);
  });
});

describe('worksheets', () => {
  it.each([
    ['Liian pitkä nimi taulukolle joka ylittää', 'InvalidArgument'],
    ['Tulokset/2026', 'InvalidArgument'],
    ['Mitä?', 'InvalidArgument'],
    ['[Lista]', 'InvalidArgument'],
    ["'Lista", 'InvalidArgument'],
    ["Lista'", 'InvalidArgument'],
    ['history', 'InvalidArgument'],
    ['SHEET1', 'ItemAlreadyExists'],
  ])('refuses the sheet name %p', async (name, code) => {
    const { run } = setup();
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.add(name);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code });
  });

  it('accepts a 31-character name with an apostrophe inside, and renames with the same rules', async () => {
    const name31 = "Helsinki 00100 O'Brien 27.11.26";
    expect(name31).toHaveLength(31);
    const { run, simulator } = setup();
    await run(async (ctx) => {
      const s = ctx.workbook.worksheets.add(name31);
      await ctx.sync();
      s.name = 'Tampere: rakennus';
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    expect(simulator.snapshot().sheets.map((s) => s.name)).toEqual(['Sheet1', name31]);
  });

  it('moves, hides, activates and deletes sheets, keeping one visible sheet', async () => {
    const { run, simulator } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets;
      ws.add('Asiakkaat');
      const notes = ws.add('Tietosuoja');
      notes.position = 0;
      ws.getItem('Asiakkaat').activate();
      ws.getItem('Sheet1').visibility = 'Hidden';
      await ctx.sync();
      const items = ws.load('items/name,items/position,items/visibility');
      const active = ws.getActiveWorksheet().load('name');
      await ctx.sync();
      expect(items.items.map((s) => [s.name, s.position, s.visibility])).toEqual([
        ['Tietosuoja', 0, 'Visible'],
        ['Sheet1', 1, 'Hidden'],
        ['Asiakkaat', 2, 'Visible'],
      ]);
      expect(active.name).toBe('Asiakkaat');
      ws.getItem('Tietosuoja').delete();
      ws.getItem('Asiakkaat').delete();
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
    expect(simulator.snapshot().sheets.map((s) => s.name)).toEqual(['Sheet1', 'Asiakkaat']);
  });

  it('keeps a proxy on the same sheet after a rename', async () => {
    const { run, simulator } = setup();
    await run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.name = 'Tulokset';
      s.getRange('A1').values = [['Yritys']];
      s.load('name');
      await ctx.sync();
      expect(s.name).toBe('Tulokset');
    });
    expect(simulator.snapshot().sheets[0]).toMatchObject({ name: 'Tulokset', values: [['Yritys']] });
  });

  it('reports the used range, or a null object for an empty sheet', async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      const none = s.getUsedRangeOrNullObject();
      await ctx.sync();
      expect(none.isNullObject).toBe(true);
      s.getRange('B2:C4').values = [['a', 'b'], ['c', 'd'], ['e', '']];
      const used = s.getUsedRange().load('address,rowCount,columnCount');
      await ctx.sync();
      expect([used.address, used.rowCount, used.columnCount]).toEqual(['Sheet1!B2:C4', 3, 2]);
    });
  });

  it('stores freeze panes, tab colour, column widths and print setup', async () => {
    const { run, simulator } = setup();
    await run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.freezePanes.freezeRows(1);
      s.tabColor = '#2e7d32';
      s.getRange('A:A').format.columnWidth = 120;
      s.pageLayout.orientation = 'Landscape';
      s.pageLayout.setPrintTitleRows('$1:$1');
      s.pageLayout.zoom = { horizontalFitToPages: 1 };
    });
    expect(simulator.snapshot().sheets[0]).toMatchObject({
      frozenRows: 1,
      tabColor: '#2E7D32',
      columnWidths: { A: 120 },
      pageLayout: { orientation: 'Landscape', printTitleRows: '$1:$1', zoom: { horizontalFitToPages: 1 } },
    });
  });
});

describe('tables', () => {
  it('creates a table from a written range, with unique headers and Excel’s name rules', async () => {
    const { run, simulator } = setup();
    await run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:C3').values = [
        ['Yritys', 'Yritys', ''],
        ['Rakennus Oy', 'x', 'y'],
        ['Putki Ky', 'z', 'w'],
      ];
      const table = s.tables.add('A1:C3', true);
      table.name = 'Tulokset_2026';
      const rows = table.rows.getCount();
      const body = table.getDataBodyRange().load('address');
      await ctx.sync();
      expect(rows.value).toBe(2);
      expect(body.address).toBe('Sheet1!A2:C3');
      table.name = 'A1';
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    expect(simulator.snapshot().sheets[0].tables).toEqual([
      { name: 'Tulokset_2026', range: 'A1:C3', header: ['Yritys', 'Yritys2', 'Column3'], rowCount: 2, style: 'TableStyleMedium2' },
    ]);
  });

  it('keeps table names unique across the workbook and refuses overlapping tables', async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      const other = ctx.workbook.worksheets.add('Muut');
      s.tables.add('A1:B2', true).name = 'Lista';
      other.tables.add('A1:B2', true).name = 'lista';
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
      s.tables.add('B2:C3', true);
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
      const found = ctx.workbook.tables.getItemOrNullObject('LISTA');
      await ctx.sync();
      expect(found.isNullObject).toBe(false);
    });
  });

  it('gives a header-only table one empty body row', async () => {
    const { run, simulator } = setup();
    await run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:B1').values = [['Puhelin', 'Postinumero']];
      s.tables.add('A1:B1', true);
    });
    expect(simulator.snapshot().sheets[0].tables[0]).toMatchObject({ range: 'A1:B2', rowCount: 1 });
  });
});

describe('custom XML parts', () => {
  const xml = '<?xml version="1.0"?><rajaus xmlns="urn:rajaus:state:v1"><![CDATA[{"version":1}]]></rajaus>';

  it('adds, finds by namespace, reads and deletes a part', async () => {
    const { run, simulator } = setup();
    const id = await run(async (ctx) => {
      const part = ctx.workbook.customXmlParts.add(xml).load('id,namespaceUri');
      await ctx.sync();
      expect(part.namespaceUri).toBe('urn:rajaus:state:v1');
      const only = ctx.workbook.customXmlParts.getByNamespace('urn:rajaus:state:v1').getOnlyItemOrNullObject();
      const none = ctx.workbook.customXmlParts.getByNamespace('urn:other').getOnlyItemOrNullObject();
      await ctx.sync();
      expect(none.isNullObject).toBe(true);
      const text = only.getXml();
      await ctx.sync();
      expect(text.value).toBe(xml);
      return part.id;
    });
    expect(simulator.snapshot().customXmlParts).toEqual([{ id, namespaceUri: 'urn:rajaus:state:v1', xml }]);
    await run(async (ctx) => {
      ctx.workbook.customXmlParts.getItem(id).delete();
    });
    expect(simulator.snapshot().customXmlParts).toEqual([]);
  });

  it('refuses XML that is not well-formed', async () => {
    const { run } = setup();
    await expect(
      run(async (ctx) => {
        ctx.workbook.customXmlParts.add('<rajaus><unclosed></rajaus>');
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('inspection, preload and failure injection', () => {
  it('loads a saved workbook with values, formats, tables and parts as they are stored', async () => {
    const { run, simulator } = setup();
    simulator.load({
      sheets: [
        { name: 'Asiakkaat', values: [['Y-tunnus', 'Puhelin'], ['0112038-9', '0401234567']], numberFormats: [['@', '@'], ['@', '@']], tables: [{ name: 'Asiakkaat', range: 'A1:B2' }] },
        { name: 'Tietosuoja', values: [['Rekisteriseloste']], active: true },
      ],
      customXmlParts: ['<r xmlns="urn:x"/>'],
    });
    const snap = simulator.snapshot();
    expect(snap.activeSheet).toBe('Tietosuoja');
    expect(snap.sheets[0].values[1]).toEqual(['0112038-9', '0401234567']);
    expect(snap.sheets[0].tables[0].name).toBe('Asiakkaat');
    expect(snap.customXmlParts[0].namespaceUri).toBe('urn:x');
    await run(async (ctx) => {
      const t = ctx.workbook.tables.getItem('Asiakkaat').rows.getCount();
      await ctx.sync();
      expect(t.value).toBe(1);
    });
  });

  it('fails the chosen sync, optionally after some of its operations, and tells listeners', async () => {
    const { run, simulator } = setup();
    const changes: number[] = [];
    simulator.onChange(() => changes.push(simulator.syncCount));
    simulator.failSync(2, { afterOperations: 1 });
    await run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1').values = [['1']];
      await ctx.sync();
      s.getRange('A2').values = [['2']];
      s.getRange('A3').values = [['3']];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'GeneralException' });
      s.getRange('A4').values = [['4']];
      await ctx.sync();
    });
    expect(simulator.snapshot().sheets[0].values).toEqual([[1], [2], [''], [4]]);
    expect(changes).toEqual([1, 2, 3]);
    simulator.reset();
    expect(simulator.snapshot().sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(simulator.requests).toEqual([]);
  });
});

describe('Office global', () => {
  it('answers onReady, display language and requirement sets, and installs as globals', async () => {
    const sim = createExcelSimulator({ displayLanguage: 'sv-SE', requirementSets: { ExcelApi: '1.12' } });
    const target: Record<string, unknown> = {};
    const uninstall = installGlobals(sim, target);
    const office = target.Office as typeof sim.Office;
    await expect(office.onReady()).resolves.toEqual({ host: 'Excel', platform: 'OfficeOnline' });
    expect(office.context.displayLanguage).toBe('sv-SE');
    expect(office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(false);
    expect(office.context.requirements.isSetSupported('WordApi', '1.1')).toBe(false);
    office.context.displayLanguage = 'en-US';
    expect(sim.Office.context.displayLanguage).toBe('en-US');
    expect(target.Excel).toBe(sim.Excel);
    uninstall();
    expect(target.Excel).toBeUndefined();
  });
});

describe('cell-edit mode and an inactive workbook', () => {
  it('refuses every request during a cell-edit window with Office’s code and message, running nothing', async () => {
    const { run, simulator } = setup();
    simulator.cellEditMode({ afterSyncs: 1, syncs: 2 });
    await run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1').values = [['1']];
      await ctx.sync();
      s.getRange('A2').values = [['2']];
      await expect(ctx.sync()).rejects.toMatchObject({
        code: 'InvalidOperationInCellEditMode',
        message: expect.stringContaining('cell-editing mode'),
      });
      const names = ctx.workbook.worksheets.load('items/name');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
      expect(() => names.items).toThrow(/not available/);
      s.getRange('A3').values = [['3']];
      await ctx.sync();
    });
    expect(simulator.snapshot().sheets[0].values).toEqual([[1], [''], [3]]);
    expect(simulator.requests.map((r) => r.failed)).toEqual([undefined, 'InvalidOperationInCellEditMode', 'InvalidOperationInCellEditMode', undefined]);
  });

  it('refuses requests while another workbook has the focus, until the window ends', async () => {
    const { run, simulator } = setup();
    simulator.inactiveWorkbook();
    expect(simulator.blocked).toBe(true);
    const attempt = () => run(async (ctx) => void ctx.workbook.worksheets.add('Uusi'));
    await expect(attempt()).rejects.toMatchObject({ code: 'InactiveWorkbook' });
    await expect(attempt()).rejects.toMatchObject({ code: 'InactiveWorkbook' });
    simulator.endBlock();
    expect(simulator.blocked).toBe(false);
    await attempt();
    expect(simulator.snapshot().sheets.map((s) => s.name)).toEqual(['Sheet1', 'Uusi']);
  });

  it('ends a timed window by itself', async () => {
    const { run, simulator } = setup();
    simulator.cellEditMode({ ms: 30 });
    await expect(run(async (ctx) => void ctx.workbook.worksheets.load('items'))).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    await new Promise((r) => setTimeout(r, 40));
    await run(async (ctx) => void ctx.workbook.worksheets.load('items'));
  });
});

describe('table and defined names share Excel’s name grammar', () => {
  it.each(['R1C1', 'RC', 'R', 'c', 'C1', 'R2_kampanja', 'C1_asiakkaat', 'RC.x', 'TRUE', 'false', 'A1', 'XFD1048576', 'A1_x', '1Lista', 'Lista 2026'])(
    'refuses the table name %s',
    async (name) => {
      const { run } = setup();
      await run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('Sheet1');
        s.tables.add('A1:B2', true).name = name;
        await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      });
    },
  );

  it.each(['Rajaus', 'Customers', 'Rc2x', 'R12a', 'XFE1', 'A1B', 'Tulokset_2026', '_lista', 'Lista.2026', 'Yhteystiedot_ÄÖ'])('accepts the table name %s', async (name) => {
    const { run, simulator } = setup();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').tables.add('A1:B2', true).name = name;
    });
    expect(simulator.snapshot().sheets[0].tables[0].name).toBe(name);
  });

  it('refuses a table name that a defined name holds, ignoring case, and the other way round', async () => {
    const { run, simulator } = setup();
    simulator.load({ sheets: [{ name: 'Lista', values: [['a'], [1]] }], names: { Kohderyhma: '=Lista!$A$2' } });
    await run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Lista');
      const table = s.tables.add('A1:A2', true);
      table.name = 'KOHDERYHMA';
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
      table.name = 'Taulu';
      await ctx.sync();
      ctx.workbook.names.add('taulu', '=Lista!$A$1');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
      const names = ctx.workbook.names.load('items/name');
      await ctx.sync();
      expect(names.items.map((n) => n.name)).toEqual(['Kohderyhma']);
    });
  });
});

describe('hidden sheets and page layout', () => {
  it('refuses freeze panes and page layout on a hidden sheet (office-js 1463, 1860, 3148)', async () => {
    const { run, simulator } = setup({ initialSheets: ['Sheet1', 'Piilo'] });
    await run(async (ctx) => {
      const hidden = ctx.workbook.worksheets.getItem('Piilo');
      hidden.visibility = 'Hidden';
      await ctx.sync();
      hidden.freezePanes.freezeRows(1);
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'GeneralException' });
      hidden.pageLayout.orientation = 'Landscape';
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'GeneralException' });
      hidden.pageLayout.setPrintTitleRows('$1:$1');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'GeneralException' });
      hidden.visibility = 'Visible';
      hidden.freezePanes.freezeRows(1);
      hidden.pageLayout.orientation = 'Landscape';
      await ctx.sync();
    });
    expect(simulator.snapshot().sheets[1]).toMatchObject({ frozenRows: 1, pageLayout: { orientation: 'Landscape' } });
  });

  it.each([{ scale: 9 }, { scale: 401 }, { scale: 50.5 }, { horizontalFitToPages: 1, verticalFitToPages: 0 }, { horizontalFitToPages: 0 }, { verticalFitToPages: 32_768 }])(
    'refuses the zoom %j outside the documented ranges',
    async (zoom) => {
      const { run } = setup();
      await run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').pageLayout.zoom = zoom;
        await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      });
    },
  );

  it.each([{ scale: 10 }, { scale: 400 }, { horizontalFitToPages: 1 }, { horizontalFitToPages: 1, verticalFitToPages: 32_767 }])('accepts the zoom %j', async (zoom) => {
    const { run, simulator } = setup();
    await run(async (ctx) => void (ctx.workbook.worksheets.getItem('Sheet1').pageLayout.zoom = zoom));
    expect(simulator.snapshot().sheets[0].pageLayout.zoom).toEqual(zoom);
  });
});

describe('requirement sets', () => {
  it('refuses members above the host’s ExcelApi version with ApiNotFound at sync; isSetSupported agrees', async () => {
    const { run, Office } = setup({ requirementSets: { ExcelApi: '1.7' } });
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.7')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
    await run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.freezePanes.freezeRows(1);
      s.getRangeByIndexes(0, 0, 1, 1).values = [['ok']];
      ctx.workbook.customXmlParts.add('<a xmlns="urn:x"/>');
      await ctx.sync();
      s.pageLayout.orientation = 'Landscape';
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound', message: expect.stringContaining('ExcelApi 1.9') });
    });
    const old = setup({ requirementSets: { ExcelApi: '1.4' } });
    await old.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(0, 0, 1, 1).values = [['x']];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
      ctx.workbook.customXmlParts.add('<a xmlns="urn:x"/>');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    });
  });
});

describe('reads over 5,000,000 cells', () => {
  it('return null values instead of an error, as Excel documents', async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      const huge = s.getRange('A1:E1000001').load('values,rowCount');
      const fine = s.getRange('A1:E1000000').load('rowCount');
      await ctx.sync();
      expect(huge.values).toBeNull();
      expect(huge.rowCount).toBe(1_000_001);
      expect(fine.rowCount).toBe(1_000_000);
    });
  });
});

describe('references in formulas, pivot and chart sources', () => {
  const init = {
    sheets: [
      { name: 'Tulokset', values: [['Yritys', 'Puhelin'], ['A Oy', '040'], ['B Oy', '050']], tables: [{ name: 'Tulokset', range: 'A1:B3' }] },
      { name: 'Yhteenveto', values: [['Määrä', 2, 2]], formulas: { B1: '=COUNTA(Tulokset[Puhelin])', C1: "=COUNTA('Tulokset'!$A$2:$A$3)" } },
    ],
    pivots: [{ name: 'Pivot1', sheet: 'Yhteenveto', source: 'Tulokset[#All]' }],
    names: { Puhelimet: '=Tulokset!$B$2:$B$3' },
  };

  it('follow a renamed sheet and a renamed table', async () => {
    const { run, simulator } = setup();
    simulator.load(init);
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Tulokset').name = 'Lista 2026';
      ctx.workbook.tables.getItem('Tulokset').name = 'Lista';
    });
    const snap = simulator.snapshot();
    expect(snap.sheets[1].formulas).toEqual({ B1: '=COUNTA(Lista[Puhelin])', C1: "=COUNTA('Lista 2026'!$A$2:$A$3)" });
    expect(snap.pivots).toEqual([{ name: 'Pivot1', sheet: 'Yhteenveto', source: 'Lista[#All]' }]);
    expect(snap.names).toEqual({ Puhelimet: "='Lista 2026'!$B$2:$B$3" });
  });

  it('turn into #REF! when the sheet (and its table) is deleted', async () => {
    const { run, simulator } = setup();
    simulator.load(init);
    await run(async (ctx) => ctx.workbook.worksheets.getItem('Tulokset').delete());
    const snap = simulator.snapshot();
    expect(snap.sheets[0].formulas).toEqual({ B1: '=COUNTA(#REF!)', C1: '=COUNTA(#REF!)' });
    expect(snap.pivots[0].source).toBe('#REF!');
    expect(snap.names).toEqual({ Puhelimet: '=#REF!' });
  });
});

describe('cells inserted and deleted inside a table, and copied (Range.insert, delete, copyFrom)', () => {
  const init = {
    sheets: [
      { name: 'Tulokset', values: [['Yritys', 'Puhelin'], ['A Oy', '040'], ['B Oy', '050'], [null, null], ['alla', null]], tables: [{ name: 'Tulokset', range: 'A1:B3' }] },
      { name: 'Uusi', values: [['Nimi', 'Puhelin', 'Postinumero'], ['C Oy', '060', '00100']] },
    ],
  };

  it('grow and shrink the table, keep its name and move the cells below with it', async () => {
    const { run, simulator } = setup();
    simulator.load(init);
    await run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Tulokset');
      sheet.getRange('A3:B4').insert('Down');
      sheet.getRange('B1:B5').insert('Right');
    });
    let snap = simulator.snapshot();
    expect(snap.sheets[0].tables.map((t) => [t.name, t.range])).toEqual([['Tulokset', 'A1:C5']]);
    expect(snap.sheets[0].values[6]).toEqual(['alla', '', '']);
    await run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Tulokset');
      sheet.getRange('A3:C5').delete('Up');
      sheet.getRange('C1:C2').delete('Left');
    });
    snap = simulator.snapshot();
    expect(snap.sheets[0].tables.map((t) => [t.name, t.range])).toEqual([['Tulokset', 'A1:B2']]);
    expect(snap.sheets[0].values).toEqual([['Yritys', 'Column1'], ['A Oy', ''], ['', ''], ['alla', '']]);
  });

  it('refuse to shift part of a table, or to delete all its body rows', async () => {
    const { run, simulator } = setup();
    simulator.load(init);
    await expect(run(async (ctx) => void ctx.workbook.worksheets.getItem('Tulokset').getRange('A2:A2').insert('Down'))).rejects.toThrow(/shift cells in the table/);
    await expect(run(async (ctx) => ctx.workbook.worksheets.getItem('Tulokset').getRange('A2:B3').delete('Up'))).rejects.toThrow(/shift cells in the table/);
  });

  it('copies values and formats between ranges with copyFrom, an ExcelApi 1.9 member', async () => {
    const { run, simulator } = setup();
    simulator.load(init);
    await run(async (ctx) => {
      const target = ctx.workbook.worksheets.getItem('Tulokset').getRange('A1:C2');
      ctx.workbook.worksheets.getItem('Tulokset').getRange('B1:B3').insert('Right');
      target.copyFrom(ctx.workbook.worksheets.getItem('Uusi').getRange('A1:C2'), 'All');
    });
    expect(simulator.snapshot().sheets[0].values.slice(0, 2)).toEqual([['Nimi', 'Puhelin', 'Postinumero'], ['C Oy', '060', '00100']]);
    const old = setup({ requirementSets: { ExcelApi: '1.7' } });
    old.simulator.load(init);
    await expect(
      old.run(async (ctx) => ctx.workbook.worksheets.getItem('Tulokset').getRange('A1').copyFrom(ctx.workbook.worksheets.getItem('Uusi').getRange('A1'))),
    ).rejects.toThrow(/1\.9|copyFrom/);
  });
});

describe('A1 references follow cells that Range.insert and Range.delete move, as in Excel', () => {
  // Excel adjusts every reference to cells that an insert or delete moves: "=Lista!B5" becomes
  // "=Lista!B7" when two rows go in above row 5, a range grows when cells are inserted inside
  // it and shrinks when some of its cells are deleted, and a reference whose cells are all
  // deleted becomes #REF! (Microsoft: "Formulas with cell references automatically adjust after
  // insertion"; deleted referenced cells give #REF!). $ marks do not stop this: they matter only
  // when a formula is copied.
  const rows = [['Yritys', 'Puhelin', 'Postinumero'], ...Array.from({ length: 8 }, (_, i) => [`Yritys ${i + 2}`, `040${i}`, '00100'])];
  const init = (): WorkbookInit => ({
    sheets: [
      { name: 'Lista', values: [...rows, [null, null, null], ['Yhteensä', null, null]], formulas: { B11: '=COUNTA(B2:B9)', C11: '=Lista!C9' } },
      {
        name: 'Yhteenveto',
        values: [[1, 2, 3, 4, 5, 6, 7, 8]],
        formulas: {
          A1: '=Lista!B5',
          B1: '=SUM(Lista!$B$2:$B$9)',
          C1: "='Lista'!A3&\" Lista!B5 \"",
          D1: '=LOG10(Lista!E5)',
          E1: '=Lista!B2',
          F1: '=COUNTA(Lista!A:A)',
          G1: '=Lista!D5',
          H1: '=B5',
        },
      },
    ],
    pivots: [{ name: 'Pivot1', sheet: 'Yhteenveto', source: 'Lista!$A$1:$C$9' }],
    names: { Puhelimet: '=Lista!$B$2:$B$9' },
  });
  const formulas = (s: ExcelSimulator, sheet: string) => s.simulator.snapshot().sheets.find((x) => x.name === sheet)!.formulas;

  it('move references down when rows are inserted above them, and grow ranges that the insert falls inside', async () => {
    const sim = setup();
    sim.simulator.load(init());
    await sim.run(async (ctx) => void ctx.workbook.worksheets.getItem('Lista').getRange('A4:C5').getEntireRow().insert('Down'));
    expect(formulas(sim, 'Yhteenveto')).toEqual({
      A1: '=Lista!B7',
      B1: '=SUM(Lista!$B$2:$B$11)',
      // Text in quotes is not a reference; the reference before it moved.
      C1: "='Lista'!A3&\" Lista!B5 \"",
      D1: '=LOG10(Lista!E7)',
      E1: '=Lista!B2',
      F1: '=COUNTA(Lista!A:A)',
      G1: '=Lista!D7',
      // A reference without a sheet is to its own sheet, which did not change.
      H1: '=B5',
    });
    // The formulas on the list itself moved down with their cells and follow the rows too.
    expect(formulas(sim, 'Lista')).toEqual({ B13: '=COUNTA(B2:B11)', C13: '=Lista!C11' });
    const snap = sim.simulator.snapshot();
    expect(snap.pivots[0].source).toBe('Lista!$A$1:$C$11');
    expect(snap.names).toEqual({ Puhelimet: '=Lista!$B$2:$B$11' });
  });

  it('turn a reference to deleted cells into #REF!, move the ones below up and shrink ranges', async () => {
    const sim = setup();
    sim.simulator.load(init());
    await sim.run(async (ctx) => ctx.workbook.worksheets.getItem('Lista').getRange('4:5').delete('Up'));
    expect(formulas(sim, 'Yhteenveto')).toMatchObject({ A1: '=Lista!#REF!', B1: '=SUM(Lista!$B$2:$B$7)', C1: "='Lista'!A3&\" Lista!B5 \"", E1: '=Lista!B2' });
    expect(formulas(sim, 'Lista')).toEqual({ B9: '=COUNTA(B2:B7)', C9: '=Lista!C7' });
    expect(sim.simulator.snapshot().pivots[0].source).toBe('Lista!$A$1:$C$7');
  });

  it('move only references inside the band of cells that shifted', async () => {
    const sim = setup();
    sim.simulator.load(init());
    // Cells of columns A:C shift; column D and E do not, nor a range that reaches past C.
    await sim.run(async (ctx) => void ctx.workbook.worksheets.getItem('Lista').getRange('A3:C3').insert('Down'));
    expect(formulas(sim, 'Yhteenveto')).toMatchObject({ A1: '=Lista!B6', D1: '=LOG10(Lista!E5)', G1: '=Lista!D5', C1: "='Lista'!A4&\" Lista!B5 \"" });
    await sim.run(async (ctx) => void ctx.workbook.worksheets.getItem('Lista').getRange('A2:D2').delete('Up'));
    expect(formulas(sim, 'Yhteenveto')).toMatchObject({ A1: '=Lista!B5', G1: '=Lista!D4', E1: '=Lista!#REF!' });
  });

  it('move references right when columns are inserted, and break those to deleted columns', async () => {
    const sim = setup();
    sim.simulator.load(init());
    await sim.run(async (ctx) => void ctx.workbook.worksheets.getItem('Lista').getRange('B:B').insert('Right'));
    expect(formulas(sim, 'Yhteenveto')).toMatchObject({ A1: '=Lista!C5', B1: '=SUM(Lista!$C$2:$C$9)', F1: '=COUNTA(Lista!A:A)' });
    await sim.run(async (ctx) => ctx.workbook.worksheets.getItem('Lista').getRange('C:C').delete('Left'));
    expect(formulas(sim, 'Yhteenveto')).toMatchObject({ A1: '=Lista!#REF!', B1: '=SUM(Lista!#REF!)', C1: "='Lista'!A3&\" Lista!B5 \"" });
    expect(sim.simulator.snapshot().names).toEqual({ Puhelimet: '=Lista!#REF!' });
  });
});

describe('structured references to table columns', () => {
  const init = (): WorkbookInit => ({
    sheets: [
      { name: 'Lista', values: [['Yritys', 'Puhelin'], ['A Oy', '040'], ['B Oy', '050']], tables: [{ name: 'Lista', range: 'A1:B3' }] },
      { name: 'Uusi', values: [['Yritys', 'Matkapuhelin']] },
      { name: 'Yhteenveto', values: [[1, 2, 3]], formulas: { A1: '=COUNTA(Lista[Puhelin])', B1: '=COUNTA(Lista[[#All],[Puhelin]])', C1: '=ROWS(Lista[Yritys])' } },
    ],
  });

  it('follow a column whose header cell is overwritten (Excel renames the column)', async () => {
    const sim = setup();
    sim.simulator.load(init());
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Lista').getRange('B1').values = [['Puhelin 2']];
    });
    expect(sim.simulator.snapshot().sheets[2].formulas).toEqual({
      A1: '=COUNTA(Lista[Puhelin 2])',
      B1: '=COUNTA(Lista[[#All],[Puhelin 2]])',
      C1: '=ROWS(Lista[Yritys])',
    });
    await sim.run(async (ctx) => ctx.workbook.worksheets.getItem('Lista').getRange('A1:B1').copyFrom(ctx.workbook.worksheets.getItem('Uusi').getRange('A1:B1')));
    expect(sim.simulator.snapshot().sheets[2].formulas.A1).toBe('=COUNTA(Lista[Matkapuhelin])');
  });

  it('become #REF! when their column is deleted from the table', async () => {
    const sim = setup();
    sim.simulator.load(init());
    await sim.run(async (ctx) => ctx.workbook.worksheets.getItem('Lista').getRange('B1:B3').delete('Left'));
    expect(sim.simulator.snapshot().sheets[2].formulas).toEqual({ A1: '=COUNTA(#REF!)', B1: '=COUNTA(#REF!)', C1: '=ROWS(Lista[Yritys])' });
  });
});

describe('table columns added and deleted (TableColumnCollection.add, TableColumn.delete, ExcelApi 1.1)', () => {
  it('adds an empty column inside the table or after its last one and deletes one; references follow the cells that move', async () => {
    const sim = setup({ requirementSets: { ExcelApi: '1.1' } });
    sim.simulator.load({
      sheets: [
        { name: 'Lista', values: [['Yritys', 'Puhelin', null, 'oikealla'], ['A Oy', '040', null, 'x']], tables: [{ name: 'Lista', range: 'A1:B2' }] },
        { name: 'Yhteenveto', values: [[1, 2]], formulas: { A1: '=Lista!D2', B1: '=COUNTA(Lista[Puhelin])' } },
      ],
    });
    await sim.run(async (ctx) => {
      const table = ctx.workbook.tables.getItem('Lista');
      table.columns.add();
      table.columns.add(0);
    });
    const snap = sim.simulator.snapshot();
    expect(snap.sheets[0].tables.map((t) => [t.name, t.range])).toEqual([['Lista', 'A1:D2']]);
    expect(snap.sheets[0].values).toEqual([
      ['Column2', 'Yritys', 'Puhelin', 'Column1', '', 'oikealla'],
      ['', 'A Oy', '040', '', '', 'x'],
    ]);
    expect(snap.sheets[1].formulas).toEqual({ A1: '=Lista!F2', B1: '=COUNTA(Lista[Puhelin])' });
    // TableColumn.delete: the column goes, references to it break, the cells right of it come back.
    await sim.run(async (ctx) => {
      ctx.workbook.tables.getItem('Lista').columns.getItemAt(2).delete();
    });
    const after = sim.simulator.snapshot();
    expect(after.sheets[0].tables.map((t) => t.range)).toEqual(['A1:C2']);
    expect(after.sheets[0].values[0]).toEqual(['Column2', 'Yritys', 'Column1', '', 'oikealla']);
    expect(after.sheets[1].formulas).toEqual({ A1: '=Lista!E2', B1: '=COUNTA(#REF!)' });
  });
});

describe('table rows added (TableRowCollection.add, ExcelApi 1.1)', () => {
  it('adds an empty row after the last one, moving the cells below the table and the references to them; or inside at an index', async () => {
    const sim = setup({ requirementSets: { ExcelApi: '1.1' } });
    sim.simulator.load({
      sheets: [
        { name: 'Lista', values: [['Yritys', 'Puhelin'], ['A Oy', '040'], ['B Oy', '050'], ['alla', null]], tables: [{ name: 'Lista', range: 'A1:B3' }] },
        { name: 'Yhteenveto', values: [[1, 2, 3]], formulas: { A1: '=Lista!A4', B1: '=Lista!A3', C1: '=Lista!$A$2:$A$3' } },
      ],
    });
    await sim.run(async (ctx) => {
      ctx.workbook.tables.getItem('Lista').rows.add();
    });
    let snap = sim.simulator.snapshot();
    expect(snap.sheets[0].tables.map((t) => t.range)).toEqual(['A1:B4']);
    expect(snap.sheets[0].values.map((r) => r[0])).toEqual(['Yritys', 'A Oy', 'B Oy', '', 'alla']);
    // Added after the range's end: a range over the body does not grow (as in Excel).
    expect(snap.sheets[1].formulas).toEqual({ A1: '=Lista!A5', B1: '=Lista!A3', C1: '=Lista!$A$2:$A$3' });
    await sim.run(async (ctx) => {
      ctx.workbook.tables.getItem('Lista').rows.add(1);
    });
    snap = sim.simulator.snapshot();
    expect(snap.sheets[0].tables.map((t) => t.range)).toEqual(['A1:B5']);
    expect(snap.sheets[0].values.map((r) => r[0])).toEqual(['Yritys', 'A Oy', '', 'B Oy', '', 'alla']);
    expect(snap.sheets[1].formulas).toEqual({ A1: '=Lista!A6', B1: '=Lista!A4', C1: '=Lista!$A$2:$A$4' });
    // alwaysInsert is ExcelApi 1.15.
    await expect(sim.run(async (ctx) => ctx.workbook.tables.getItem('Lista').rows.add(null as unknown as number, undefined, true))).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});
