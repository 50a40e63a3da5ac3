import { createFileSource } from '../../../src/sources/directory/fileSource';
import { parseTabular } from '../../../src/sources/tabular/parseTabular';

/** A consumer export with tabs, a BOM, a municipality but no postal code, and the vendor's own id. */
const CONSUMERS =
  '\uFEFFEtunimi\tSukunimi\tOsoite\tKunta\tIkäryhmä\tMatkapuhelin\tTunniste\n' +
  'Aino\tKorhonen\tKirkkokatu 5 B 12\tOulu\t35-44\t050 111 2233\tK-77\n' +
  'Eero\tMäkinen\tIsokatu 1\tOulu\t65-74\t040-2223344\tK-78\n' +
  'Sanna\tLaine\tHämeenkatu 3\tTampere\t35-44\t\tK-79\n' +
  'Pekka\tHeikkinen\tRantakatu 9\tUleåborg\t45-54\t+358 44 555 6677\tK-80\n';

const source = () =>
  createFileSource({ fileName: 'kuluttajat.txt', load: () => parseTabular(new TextEncoder().encode(CONSUMERS), 'kuluttajat.csv'), lang: 'en' });

describe('file source', () => {
  test('checks every criterion locally, a municipality by name when the file has no postal codes', async () => {
    const r = await source().search({ kind: 'b2c', area: { municipalities: ['Oulu'] }, ageGroups: ['35-44', '45-54'] });
    expect(r.records.map((x) => x.firstName)).toEqual(['Aino', 'Pekka']);
    expect(r.records[0]).toMatchObject({ 'extra:Tunniste': 'K-77', sourceId: 'kuluttajat.txt:2', phone: '050 111 2233' });
    expect(r.appliedLocally[0]).toMatch(/^every criterion was checked locally in the file kuluttajat.txt: Consumers; municipality Oulu/);
    expect(r.contacted).toEqual([]);
  });

  test('count agrees with search; the limit keeps the first rows', async () => {
    const c = { kind: 'b2c' as const, requirePhone: true, limit: 2 };
    const { count } = await source().count(c);
    const r = await source().search(c);
    expect(count).toBe(3);
    expect(r.total).toBe(count);
    expect(r.records.map((x) => x.firstName)).toEqual(['Aino', 'Eero']);
  });
});
