import { fromCellByKey } from '../../src/core/workbook/cells';
import { countSearch, MAX_DATA_ROWS, resultRow, runSearch } from '../../src/app/search';
import { industryName } from '../../src/core/industry/tol';
import { matchesCriteria } from '../../src/core/criteria/filter';
import type { Criteria } from '../../src/core/criteria/criteria';
import { CriteriaError } from '../../src/core/criteria/area';
import { UserError } from '../../src/core/errors';
import { emptyState } from '../../src/core/state/workbookState';
import type { DirectoryRecord, DirectorySource } from '../../src/sources/directory/directorySource';
import { memoryWorkbook } from '../support/memoryWorkbook';
import { testContext } from '../support/context';

/** A small directory of Tampere companies, filtered with the generic predicate. */
const TAMPERE: DirectoryRecord[] = [
  { companyName: 'Rakennus Virtanen Oy', businessId: '2345678-0', companyForm: 'OY', industryCode: '41200', registrationDate: '2016-04-12', firstName: 'Matti', lastName: 'Virtanen', role: 'Toimitusjohtaja', streetAddress: 'Hämeenkatu 12 A 3', postalCode: '33100', postOffice: 'Tampere', municipality: 'Tampere', phone: '040-1234567', sourceId: 'C-1' },
  { companyName: 'Putki ja Lämpö Nieminen Ky', businessId: '1234567-1', companyForm: 'KY', industryCode: '43220', registrationDate: '2009-02-03', firstName: 'Jari', lastName: 'Nieminen', role: 'Omistaja', streetAddress: 'Messukylänkatu 40', postalCode: '33700', postOffice: 'Tampere', municipality: 'Tampere', phone: '+358 3 123 4567', email: 'jari@putkinieminen.fi', sourceId: 'C-2' },
  { companyName: '=HYPERLINK("http://evil.example","Klikkaa")', businessId: '3456782-2', companyForm: 'OY', industryCode: '43210', registrationDate: '2020-05-05', streetAddress: 'Kalevantie 2', postalCode: '33500', postOffice: 'Tampere', municipality: 'Tampere', phone: '0401112233', sourceId: 'C-3' },
  { companyName: 'Koodipaja Oy', businessId: '2345670-5', companyForm: 'OY', industryCode: '62100', industryCodeSet: 'TOL2025', registrationDate: '2021-09-01', streetAddress: 'Itälahdenkatu 22', postalCode: '00210', postOffice: 'Helsinki', municipality: 'Helsinki', phone: null, sourceId: 'C-4' },
];

function listSource(records: DirectoryRecord[], over: Partial<DirectorySource> = {}): DirectorySource {
  return {
    info: { id: 'test-dir', name: 'Testihakemisto', controller: 'Testihakemisto Oy', licence: 'sopimus' },
    kinds: ['b2b'],
    async count(criteria) {
      return { count: records.filter((r) => matchesCriteria(r, criteria)).length, exact: true };
    },
    async search(criteria) {
      const hits = records.filter((r) => matchesCriteria(r, criteria));
      return { records: criteria.limit ? hits.slice(0, criteria.limit) : hits, total: hits.length, appliedLocally: [], contacted: [{ party: 'Testihakemisto Oy', sent: 'hakuehdot' }] };
    },
    ...over,
  };
}

const construction: Criteria = { kind: 'b2b', industries: ['F'], area: { municipalities: ['Tampere'] } };

describe('runSearch', () => {
  test('writes the matches as a new table sheet named from the criteria and the date', async () => {
    const wb = memoryWorkbook();
    const ctx = testContext(wb);
    const out = await runSearch(ctx, { criteria: construction, source: listSource(TAMPERE) });
    const expected = TAMPERE.filter((r) => matchesCriteria(r, construction));
    expect(out).toMatchObject({ rows: expected.length, total: expected.length, sheetName: 'Tampere F 20.11.2026' });
    expect(wb.applied).toHaveLength(1); // one atomic change: list, notes and state
    const sheet = wb.sheet(out.sheetName)!;
    expect(sheet.layout).toBe('table');
    expect(sheet.tableName).toMatch(/^Rajaus_Tampere_F/);
    const col = (key: string) => sheet.columns.findIndex((c) => c.key === key);
    expect(sheet.columns.map((c) => c.header)).toEqual(expect.arrayContaining(['Yritys', 'Y-tunnus', 'Postinumero', 'Puhelin', 'Puhelin (luettava)', 'Lähde', 'Lähteen tunniste', 'Poimittu']));
    const virtanen = sheet.rows.find((r) => r[col('businessId')] === '2345678-0')!;
    expect(virtanen[col('phone')]).toBe('+358401234567');
    expect(virtanen[col('phoneNational')]).toBe('040 1234567');
    expect(virtanen[col('source')]).toBe('Testihakemisto');
    expect(virtanen[col('sourceId')]).toBe('C-1');
    // A date-time cell (local time in Excel) that reads back as the same moment.
    expect(fromCellByKey('extractedAt', virtanen[col('extractedAt')])).toBe('2026-11-20T10:15:00.000Z');
    // Postal codes and phones are text columns (leading zeros, +); dates are dates.
    expect(sheet.columns[col('postalCode')]!.numberFormat).toBe('@');
    expect(sheet.columns[col('phone')]!.numberFormat).toBe('@');
    expect(sheet.columns[col('registrationDate')]!.type).toBe('date');
  });

  test('a list the user named keeps its name on the sheet, with the date', async () => {
    const wb = memoryWorkbook();
    const named = await runSearch(testContext(wb), { criteria: { ...construction, name: 'Rakentajat: Tampere/Pirkkala' }, source: listSource(TAMPERE) });
    expect(named.sheetName).toBe('Rakentajat Tampere 20.11.2026'); // cut at a word (issue 13)
    const state = (await wb.readState())!;
    expect(state.lists.find((l) => l.id === named.listId)!.name).toBe('Rakentajat: Tampere/Pirkkala');
    const byArg = await runSearch(testContext(wb), { criteria: construction, source: listSource(TAMPERE), listName: 'Kevätkampanja' });
    expect(byArg.sheetName).toBe('Kevätkampanja 20.11.2026');
  });

  test('a directory value that looks like a formula arrives as text', async () => {
    const wb = memoryWorkbook();
    const out = await runSearch(testContext(wb), { criteria: construction, source: listSource(TAMPERE) });
    const sheet = wb.sheet(out.sheetName)!;
    const name = sheet.columns.findIndex((c) => c.key === 'companyName');
    expect(sheet.columns[name]!.numberFormat).toBe('@');
    expect(sheet.rows.map((r) => r[name])).toContain('=HYPERLINK("http://evil.example","Klikkaa")');
  });

  test('registers the list with its criteria, source and a search step, and writes its notes', async () => {
    const wb = memoryWorkbook();
    const out = await runSearch(testContext(wb), { criteria: { ...construction, limit: 1 }, source: listSource(TAMPERE), listName: 'Tampereen rakentajat' });
    const state = (await wb.readState())!;
    const list = state.lists.find((l) => l.id === out.listId)!;
    expect(list).toMatchObject({ name: 'Tampereen rakentajat', kind: 'b2b', sheets: { list: out.sheetName } });
    expect(list.criteria).toEqual({ ...construction, limit: 1 });
    expect(list.sources[0]).toMatchObject({ id: 'test-dir', controller: 'Testihakemisto Oy', extractedAt: '2026-11-20T10:15:00.000Z' });
    expect(list.log[0]).toMatchObject({ step: 'search', rowsOut: 1, params: { source: 'test-dir', found: 3, limit: 1 }, contacted: [{ party: 'Testihakemisto Oy', sent: 'hakuehdot' }] });
    expect(String(list.log[0]!.params.criteria)).toBe('Toimiala F Rakentaminen; kunta Tampere; enintään 1');
    expect(list.sheets.notes && wb.sheet(list.sheets.notes)).toBeTruthy();
    expect(out).toMatchObject({ rows: 1, total: 3 });
  });

  test('leaves out people on the workbook’s own do-not-contact list and says how many', async () => {
    const state = emptyState();
    state.doNotContact.phones.push('+358401234567');
    state.doNotContact.emails.push('Jari@PutkiNieminen.fi');
    const wb = memoryWorkbook({ state });
    const out = await runSearch(testContext(wb), { criteria: construction, source: listSource(TAMPERE) });
    expect(out.doNotContactRemoved).toBe(2);
    expect(out.rows).toBe(TAMPERE.filter((r) => matchesCriteria(r, construction)).length - 2);
    expect(out.appliedLocally.join(' ')).toContain('2 riviä jätettiin pois');
    const list = (await wb.readState())!.lists[0]!;
    expect(list.log[0]!.params.doNotContactRemoved).toBe(2);
    // The do-not-contact list itself is kept.
    expect((await wb.readState())!.doNotContact.phones).toEqual(['+358401234567']);
  });

  test('a second search of the same criteria gets a unique sheet name', async () => {
    const wb = memoryWorkbook();
    const ctx = testContext(wb);
    const a = await runSearch(ctx, { criteria: construction, source: listSource(TAMPERE) });
    const b = await runSearch(ctx, { criteria: construction, source: listSource(TAMPERE) });
    expect(b.sheetName).toBe(`${a.sheetName} (2)`);
    expect((await wb.readState())!.lists).toHaveLength(2);
  });

  test('refuses a result over Excel’s row limit and suggests narrowing', async () => {
    const wb = memoryWorkbook();
    const many = new Array<DirectoryRecord>(MAX_DATA_ROWS + 1).fill(TAMPERE[0]!);
    const source = listSource(TAMPERE, { search: async () => ({ records: many, total: many.length, appliedLocally: [], contacted: [] }) });
    const error = await runSearch(testContext(wb, { lang: 'en' }), { criteria: { kind: 'b2b' }, source }).catch((e) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe('The result has 1,048,576 rows but an Excel sheet holds 1,048,575. Narrow the criteria (postal codes or industry, for example) or set a limit.');
    expect(wb.applied).toHaveLength(0);
  });

  test('a network error writes nothing', async () => {
    const wb = memoryWorkbook();
    const source = listSource(TAMPERE, { search: async () => Promise.reject(new UserError('PRH:n rajapinta ei vastannut (ECONNREFUSED).')) });
    await expect(runSearch(testContext(wb), { criteria: construction, source })).rejects.toThrow('ECONNREFUSED');
    expect(wb.applied).toHaveLength(0);
    expect(wb.sheets).toHaveLength(0);
  });

  test('invalid criteria are refused before the source is asked', async () => {
    const wb = memoryWorkbook();
    let asked = false;
    const source = listSource(TAMPERE, { search: async () => ((asked = true), { records: [], total: 0, appliedLocally: [], contacted: [] }) });
    await expect(runSearch(testContext(wb), { criteria: { kind: 'b2b', area: { municipalities: ['Tampree'] } }, source })).rejects.toBeInstanceOf(CriteriaError);
    expect(asked).toBe(false);
  });

  test('a consumer search against a company-only source says so', async () => {
    await expect(countSearch({ criteria: { kind: 'b2c' }, source: listSource(TAMPERE), lang: 'fi' })).rejects.toThrow('Lähde Testihakemisto ei sisällä kuluttaja-tietoja');
    expect(await countSearch({ criteria: construction, source: listSource(TAMPERE), lang: 'fi' })).toEqual({ count: 3, exact: true });
  });
});

describe('resultRow: industry names in the list\'s language (issue 13)', () => {
  it('names a known industry code in English and Swedish, not in the directory\'s Finnish', () => {
    const record: DirectoryRecord = { companyName: 'Rakennus Virtanen Oy', industryCode: '41200', industryCodeSet: 'TOL2008', industryName: 'Asuinrakennusten rakentaminen' };
    const provenance = { source: 'demo', extractedAt: '2026-12-07T00:44:00Z' };
    const [en] = resultRow(['industryName'], record, provenance, 'en');
    const [sv] = resultRow(['industryName'], record, provenance, 'sv');
    expect(en).toBe(industryName('41200', 'en'));
    expect(sv).toBe(industryName('41200', 'sv'));
    expect(en).toMatch(/[Cc]onstruction/);
    expect(sv).not.toBe(en);
    // A code the classification does not hold keeps the source's own name.
    expect(resultRow(['industryName'], { ...record, industryCode: '99999' }, provenance, 'en')).toEqual(['Asuinrakennusten rakentaminen']);
  });
});
