import { erasePerson, exportPerson, findPerson } from '../../src/app/dataSubject';
import { recordStep, createListState } from '../../src/app/processingLog';
import { applySuppression } from '../../src/app/suppression';
import { UserError } from '../../src/core/errors';
import { listSheet, memoryWorkbook } from '../support/memoryWorkbook';
import { testContext } from '../support/context';

const consumerKeys = ['firstName', 'lastName', 'phone', 'email', 'postalCode'];
const consumers = [
  ['Matti', 'Meikäläinen', '+358401234567', 'matti.meikalainen@example.fi', '33720'],
  ['Liisa', 'Virtanen', '+358507654321', null, '33720'],
];
const companyKeys = ['companyName', 'fullName', 'role', 'phone', 'email'];
const companies = [
  ['Meikäläisen Remontti Oy', 'Meikäläinen Matti', 'toimitusjohtaja', '040 123 4567', 'Matti@Remontti.example'],
  ['Hervannan Sähkö Oy', 'Anna-Liisa Mäkelä', 'toimitusjohtaja', '050 111 2223', 'anna-liisa@sahko.example'],
];

/** A workbook with two registered lists (a consumer and a company list), Matti on both. */
async function twoLists() {
  const wb = memoryWorkbook({ sheets: [listSheet('Kuluttajat', consumerKeys, consumers), listSheet('Yritykset', companyKeys, companies)] });
  const ctx = testContext(wb);
  for (const [sheet, kind] of [['Kuluttajat', 'b2c'], ['Yritykset', 'b2b']] as const) {
    const newList = createListState({ name: sheet, kind, listSheet: sheet, settings: ctx.settings, now: ctx.now() });
    await recordStep(ctx, { newList, step: { step: 'search', at: ctx.now().toISOString(), rowsOut: 2, params: {}, contacted: [] } });
  }
  return { wb, ctx };
}

describe('findPerson', () => {
  it('finds a person by phone in any written form across every list', async () => {
    const { ctx } = await twoLists();
    const found = await findPerson(ctx, { phone: '040-123 4567' });
    expect(found.map((m) => [m.sheet, m.rowNumber, m.matchedBy])).toEqual([
      ['Kuluttajat', 2, ['phone']],
      ['Yritykset', 2, ['phone']],
    ]);
  });

  it('matches email case-insensitively and names in either order without diacritics', async () => {
    const { ctx } = await twoLists();
    expect((await findPerson(ctx, { email: 'MATTI@remontti.example' })).map((m) => m.sheet)).toEqual(['Yritykset']);
    expect((await findPerson(ctx, { name: 'matti meikalainen' })).map((m) => m.sheet)).toEqual(['Kuluttajat', 'Yritykset']);
    expect((await findPerson(ctx, { name: 'Mäkelä Anna-Liisa' })).map((m) => m.row[0])).toEqual(['Hervannan Sähkö Oy']);
    expect(await findPerson(ctx, { name: 'Matti Virtanen' })).toEqual([]);
  });

  it('rejects an empty query or a phone that is not one', async () => {
    const { ctx } = await twoLists();
    await expect(findPerson(ctx, {})).rejects.toThrow(UserError);
    await expect(findPerson(ctx, { phone: '040-12' })).rejects.toThrow('"040-12" ei ole puhelinnumero');
  });

  it('finds people on audit sheets too (they are still held)', async () => {
    const { ctx } = await twoLists();
    await applySuppression(ctx, { listSheet: 'Kuluttajat', suppression: { name: 'ASML', checkedAt: '2026-11-15', phones: ['+358401234567'] } });
    const found = await findPerson(ctx, { phone: '0401234567' });
    expect(found.map((m) => [m.sheetRole, m.listName])).toEqual([
      ['audit', 'Kuluttajat'],
      ['list', 'Yritykset'],
    ]);
  });
});

describe('exportPerson', () => {
  it('exports every row held as CSV with list, sheet, row and sources, and logs the request by counts', async () => {
    const { wb, ctx } = await twoLists();
    const { bytes, rows } = await exportPerson(ctx, { phone: '+358 40 123 4567' });
    expect(rows).toBe(2);
    const csv = new TextDecoder().decode(bytes);
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Lista;Taulukko;Rivi;Lähteet;Etunimi;Sukunimi;Puhelin;Sähköposti;Postinumero;Yritys;Nimi;Rooli');
    expect(lines[1]).toBe('Kuluttajat;Kuluttajat;2;;Matti;Meikäläinen;+358401234567;matti.meikalainen@example.fi;33720;;;');
    expect(lines[2]).toBe('Yritykset;Yritykset;2;;;;040 123 4567;Matti@Remontti.example;;Meikäläisen Remontti Oy;Meikäläinen Matti;toimitusjohtaja');
    const state = (await wb.readState())!;
    for (const list of state.lists) {
      const step = list.log.at(-1)!;
      expect(step).toMatchObject({ step: 'dsrAccess', rowsOut: 1, params: { matchedBy: 'phone' } });
      expect(JSON.stringify(step)).not.toContain('401234567');
    }
    expect(state.doNotContact.phones).toEqual([]);
  });
});

describe('erasePerson', () => {
  it('removes the person from every list, adds phone and email to do-not-contact, logs counts only', async () => {
    const { wb, ctx } = await twoLists();
    const r = await erasePerson(ctx, { name: 'Matti Meikäläinen' });
    expect(r).toEqual({ erased: 2, lists: 2 });
    expect(wb.sheet('Kuluttajat')!.rows.map((row) => row[1])).toEqual(['Virtanen']);
    expect(wb.sheet('Yritykset')!.rows.map((row) => row[0])).toEqual(['Hervannan Sähkö Oy']);
    // Erasure is removal: no audit sheet keeps the erased rows.
    expect(wb.sheets.filter((s) => s.role === 'audit')).toEqual([]);

    const state = (await wb.readState())!;
    expect(state.doNotContact).toEqual({ phones: ['+358401234567'], emails: ['matti.meikalainen@example.fi', 'matti@remontti.example'] });
    for (const list of state.lists) {
      const step = list.log.at(-1)!;
      expect(step).toMatchObject({ step: 'dsrErasure', rowsIn: 2, rowsOut: 1, params: { rowsErased: 1, matchedBy: 'name' } });
      expect(JSON.stringify(list)).not.toMatch(/Meik|matti|401234567/i);
    }
    expect(await findPerson(ctx, { phone: '0401234567' })).toEqual([]);
    // The notes of both lists say so, in one atomic change with the rewritten lists.
    const last = wb.applied.at(-1)!;
    expect(last.write!.map((w) => w.role).sort()).toEqual(['list', 'list', 'notes', 'notes']);
  });

  it('records an objection even when the person is not on any list', async () => {
    const { wb, ctx } = await twoLists();
    const r = await erasePerson(ctx, { phone: '044 987 6543', email: 'kielto@example.fi' });
    expect(r).toEqual({ erased: 0, lists: 0 });
    expect((await wb.readState())!.doNotContact).toEqual({ phones: ['+358449876543'], emails: ['kielto@example.fi'] });
  });
});

describe('erasure and the next search', () => {
  /** A directory that always finds the same three consumers (a fake: the search is not under test). */
  const directory = {
    info: { id: 'fake', name: 'Testihakemisto', controller: 'Testi Oy', licence: 'sopimus' },
    kinds: ['b2c'] as const,
    records: [
      { firstName: 'Matti', lastName: 'Meikäläinen', phone: '+358401234567', postalCode: '33720', postOffice: 'Tampere' },
      { firstName: 'Liisa', lastName: 'Virtanen', phone: '+358507654321', postalCode: '33720', postOffice: 'Tampere' },
      { firstName: 'Pekka', lastName: 'Korhonen', phone: '+35831234567', postalCode: '33720', postOffice: 'Tampere' },
    ],
    async count() {
      return { count: 3, exact: true };
    },
    async search() {
      return { records: this.records.map((r) => ({ ...r })), total: 3, appliedLocally: [], contacted: [] };
    },
  };

  it('a search after an erasure leaves the person out', async () => {
    const { runSearch } = await import('../../src/app/search');
    const wb = memoryWorkbook();
    const ctx = testContext(wb);
    const criteria = { kind: 'b2c', area: { postalCodes: ['33720'] } };
    const first = await runSearch(ctx, { criteria, source: directory });
    expect(first.rows).toBe(3);

    expect(await erasePerson(ctx, { name: 'Meikäläinen Matti' })).toEqual({ erased: 1, lists: 1 });
    ctx.clock.now = new Date('2026-11-21T09:00:00Z');
    const second = await runSearch(ctx, { criteria, source: directory });
    expect(second).toMatchObject({ rows: 2, doNotContactRemoved: 1 });
    expect(await findPerson(ctx, { phone: '040 123 4567' })).toEqual([]);
  });
});
