import { fromCellByKey } from '../../src/core/workbook/cells';
import { applySuppression, readDoNotCallFile, suppressList } from '../../src/app/suppression';
import { listFromGrid } from '../../src/core/list/listTable';
import { UserError } from '../../src/core/errors';
import { listSheet, memoryWorkbook } from '../support/memoryWorkbook';
import { testContext } from '../support/context';
import ExcelJS from 'exceljs';

const keys = ['firstName', 'lastName', 'phone', 'streetAddress', 'postalCode', 'postOffice', 'extra:Asiakasnumero'];
const people = [
  ['Matti', 'Meikäläinen', '+358401234567', 'Hervannan valtaväylä 10', '33720', 'Tampere', 'A-001'],
  ['Liisa', 'Virtanen', '+358507654321', 'Insinöörinkatu 5 B 12', '33720', 'Tampere', 'A-002'],
  ['Pekka', 'Korhonen', '+35831234567', 'Teekkarinkatu 3', '33720', 'Tampere', 'A-003'],
];

const enc = (s: string) => new TextEncoder().encode(s);

describe('readDoNotCallFile', () => {
  it('reads plain text, one number per line in any form, reporting bad lines by number', async () => {
    const r = await readDoNotCallFile(enc('040-1234567\n\n+358 50 765 4321\n040-12\n'), 'kiellot.txt');
    expect(r.phones).toEqual(['+358401234567', '+358507654321']);
    expect(r.invalid).toEqual([{ line: 4, value: '040-12' }]);
  });

  it('reads a CSV with a header, using its phone column', async () => {
    const csv = 'Nimi;Puhelinnumero\r\nMatti Meikäläinen;040 123 4567\r\nPekka Korhonen;(03) 123 4567\r\n';
    const r = await readDoNotCallFile(enc(csv), 'asml.csv');
    expect(r.phones).toEqual(['+358401234567', '+35831234567']);
    expect(r.invalid).toEqual([]);
  });

  it('reads an .xlsx whose numbers lost their leading zero', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Kiellot');
    ws.addRow(['Puhelin']);
    ws.addRow([401234567]);
    ws.addRow(['+358 50 765 4321']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await readDoNotCallFile(bytes, 'kiellot.xlsx');
    expect(r.phones).toEqual(['+358401234567', '+358507654321']);
  });

  it('refuses a file with no numbers at all', async () => {
    await expect(readDoNotCallFile(enc('Nimi\nMatti\n'), 'väärä.txt')).rejects.toThrow(UserError);
  });
});

describe('suppressList', () => {
  it('needs a phone column', () => {
    const list = listFromGrid('Osoitteet', ['Nimi', 'Katuosoite'], [['Matti', 'Koulukatu 1']]);
    expect(() => suppressList(list, { name: 'ASML', checkedAt: '2026-11-15', phones: ['+358401234567'] }, new Date(), 'fi')).toThrow(
      'puhelinnumerosaraketta',
    );
  });
});

describe('applySuppression', () => {
  it('moves matching rows to an audit sheet with the reason, keeps the list and records the check', async () => {
    const wb = memoryWorkbook({ sheets: [listSheet('Tampere kuluttajat', keys, people)] });
    const ctx = testContext(wb);
    const r = await applySuppression(ctx, {
      listSheet: 'Tampere kuluttajat',
      suppression: { name: 'ASML 2026-11', checkedAt: '2026-11-15', phones: ['+358401234567', '+358449999999'] },
    });
    expect(r).toMatchObject({ kept: 2, suppressed: 1, auditSheet: 'Kielletyt numerot – Tampere' }); // cut at a word (issue 13)
    expect(wb.applied).toHaveLength(1);

    const list = wb.sheet('Tampere kuluttajat')!;
    expect(list.rows.map((row) => row[1])).toEqual(['Virtanen', 'Korhonen']);
    expect(list.columns.map((c) => c.header)).toEqual([
      'Etunimi',
      'Sukunimi',
      'Puhelin',
      'Katuosoite',
      'Postinumero',
      'Postitoimipaikka',
      'Asiakasnumero',
    ]);

    const audit = wb.sheet(r.auditSheet!)!;
    expect(audit.role).toBe('audit');
    expect(audit.columns.map((c) => c.header).slice(-4)).toEqual(['Asiakasnumero', 'Siirretty', 'Siirron vaihe', 'Siirron syy']);
    expect(audit.rows.map((r) => r.map((v, i) => (i === people[0]!.length ? fromCellByKey('removedAt', v) : v)))).toEqual([
      [
        ...people[0]!,
        '2026-11-20T10:15:00.000Z',
        'Kieltolistatarkistus',
        'Numero +358401234567 on kieltolistalla "ASML 2026-11" (päivätty 2026-11-15)',
      ],
    ]);

    const dnc = wb.sheets.find((s) => s.role === 'suppression')!;
    expect(dnc.name).toBe('Kieltolista ASML 2026-11');
    expect(dnc.rows).toEqual([['+358401234567'], ['+358449999999']]);

    const state = (await wb.readState())!;
    expect(state.suppressionLists).toEqual([
      { name: 'ASML 2026-11', checkedAt: '2026-11-15', sheet: 'Kieltolista ASML 2026-11', count: 2 },
    ]);
    const step = state.lists[0]!.log.at(-1)!;
    expect(step).toMatchObject({
      step: 'dnc',
      rowsIn: 3,
      rowsOut: 2,
      rowsMoved: 1,
      params: { name: 'ASML 2026-11', checkedAt: '2026-11-15' },
    });
    expect(state.lists[0]!.sheets.audit).toEqual([r.auditSheet]);
    const notes = wb
      .sheet(state.lists[0]!.sheets.notes!)!
      .rows.map((x) => x.join(' '))
      .join('\n');
    expect(notes).toContain('ASML 2026-11, lista päivätty 15.11.2026');
  });

  it('appends a later check to the same audit sheet and replaces the do-not-call sheet of that name', async () => {
    const wb = memoryWorkbook({ sheets: [listSheet('Tampere kuluttajat', keys, people)] });
    const ctx = testContext(wb);
    await applySuppression(ctx, {
      listSheet: 'Tampere kuluttajat',
      suppression: { name: 'Omat kiellot', checkedAt: '2026-11-15', phones: ['+358401234567'] },
    });
    const second = await applySuppression(ctx, {
      listSheet: 'Tampere kuluttajat',
      suppression: { name: 'Omat kiellot', checkedAt: '2026-11-20', phones: ['+358401234567', '+35831234567'] },
    });
    expect(second.suppressed).toBe(1);
    expect(wb.sheet(second.auditSheet!)!.rows.map((row) => row[1])).toEqual(['Meikäläinen', 'Korhonen']);
    expect(wb.sheets.filter((s) => s.role === 'suppression')).toHaveLength(1);
    const state = (await wb.readState())!;
    expect(state.suppressionLists).toEqual([
      { name: 'Omat kiellot', checkedAt: '2026-11-20', sheet: 'Kieltolista Omat kiellot', count: 2 },
    ]);
    expect(state.lists[0]!.log.map((s) => s.step)).toEqual(['dnc', 'dnc']);
  });
});

describe('every phone on a do-not-call line (issue 17 item 8)', () => {
  it('reads every phone-like column and every number in a cell, CSV and .xlsx', async () => {
    const csv =
      'Nimi;Puhelin;Matkapuhelin\r\na;;040 100 0001\r\nb;040 200 0002 / 050 200 0002;\r\nc;040 300 0003, 045 300 0003;050 300 0003\r\n';
    const fromCsv = await readDoNotCallFile(enc(csv), 'kiellot.csv');
    const want = ['+358401000001', '+358402000002', '+358502000002', '+358403000003', '+358453000003', '+358503000003'];
    expect(fromCsv.phones).toEqual(want);
    expect(fromCsv.invalid).toEqual([]);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Kiellot');
    for (const r of csv.trimEnd().split('\r\n')) ws.addRow(r.split(';'));
    expect((await readDoNotCallFile(new Uint8Array(await wb.xlsx.writeBuffer()), 'kiellot.xlsx')).phones).toEqual(want);
  });

  it('suppresses a list row by its second phone column or second number in a cell', async () => {
    const wbk = memoryWorkbook({
      sheets: [
        listSheet(
          'Lista',
          ['fullName', 'phone', 'extra:Matkapuhelin'],
          [
            ['A', '+358912345670', '040 100 0001'],
            ['B', '09 123 4568 / 040 200 0002', null],
            ['C', '+358912345690', null],
          ],
        ),
      ],
    });
    const r = await applySuppression(testContext(wbk), {
      listSheet: 'Lista',
      suppression: { name: 'Omat', checkedAt: '2026-11-15', phones: ['+358401000001', '+358402000002'] },
    });
    expect(r).toMatchObject({ kept: 1, suppressed: 2 });
  });
});
