import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { createPrhBulkSource } from '../../../src/sources/directory/prhBulk.node';
import { JsonArraySplitter } from '../../../src/sources/directory/jsonArraySplitter';
import { generateCompanies, type PrhFixtureCompany } from '../../fixtures/prh/generate';
import nokia from '../../fixtures/prh/lookup-nokia.json';

let dir: string;
let pool: PrhFixtureCompany[];
let zipPath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rajaus-prhbulk-'));
  pool = [...generateCompanies({ count: 3000, seed: 11 }), ...(nokia.companies as unknown as PrhFixtureCompany[])];
  const zip = new JSZip();
  zip.file('all_companies.json', JSON.stringify(pool));
  zipPath = join(dir, 'all_companies.zip');
  writeFileSync(zipPath, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  writeFileSync(join(dir, 'all_companies.json'), JSON.stringify(pool, null, 1));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('JsonArraySplitter', () => {
  test('splits elements across any chunk boundary, braces and quotes inside strings included', () => {
    const elements = [{ name: 'Kahvila {Kuppi} "Oy"', city: 'Jyväskylä', n: [1, { x: '\\' }] }, { name: 'Åbo ]}[{', list: [] }, { e: '\u00e4\u00f6\u00e5 €' }];
    const bytes = new TextEncoder().encode(` \n[${elements.map((e) => JSON.stringify(e)).join(' ,\n')}]\n`);
    for (const size of [1, 2, 3, 7, 64, bytes.length]) {
      const splitter = new JsonArraySplitter();
      const got: unknown[] = [];
      for (let i = 0; i < bytes.length; i += size) splitter.push(bytes.subarray(i, i + size), (json) => got.push(JSON.parse(json)));
      splitter.end();
      expect(got).toEqual(elements);
    }
  });

  test('a cut-short file or no array is an error', () => {
    const s = new JsonArraySplitter();
    s.push(new TextEncoder().encode('[{"a":1},{"b":'), () => undefined);
    expect(() => s.end()).toThrow('cut short');
    expect(() => new JsonArraySplitter().push(new TextEncoder().encode('{"a":1}'), () => undefined)).toThrow('JSON array');
  });
});

describe('prh-bulk source', () => {
  const active = (c: PrhFixtureCompany) => c.status === '2';

  test('searches the zipped register by area and company form', async () => {
    const source = createPrhBulkSource({ file: zipPath });
    const r = await source.search({ kind: 'b2b', area: { postalCodes: ['33100', '33200-33500'] }, companyForms: ['KY'] });
    const expected = pool.filter((c) => active(c) && ['33100', '33200', '33500'].includes(c.addresses[0]!.postCode) && c.companyForms[0]!.type === '13');
    expect(expected.length).toBeGreaterThan(0);
    expect(r.total).toBe(expected.length);
    expect(r.records.map((x) => x.businessId).sort()).toEqual(expected.map((c) => c.businessId.value).sort());
    expect(r.records.every((x) => x.companyForm === 'KY')).toBe(true);
    expect(r.contacted).toEqual([]); // a local file: nobody was contacted
    expect(r.appliedLocally[0]).toMatch(/tarkistettiin paikallisesti/);
  });

  test('the same answers from the unzipped JSON; count agrees with search; limit applies', async () => {
    const c = { kind: 'b2b' as const, industries: ['F'], registeredFrom: '2010-01-01' };
    const zipped = await createPrhBulkSource({ file: zipPath }).search({ ...c, limit: 10 });
    const plain = createPrhBulkSource({ file: join(dir, 'all_companies.json') });
    const { count } = await plain.count(c);
    expect(zipped.total).toBe(count);
    expect(zipped.records).toHaveLength(10);
    expect(count).toBe(pool.filter((x) => active(x) && ['41200', '43220'].includes(x.mainBusinessLine.type) && x.registrationDate >= '2010-01-01').length);
  });

  test('finds a real company object as PRH publishes it', async () => {
    const r = await createPrhBulkSource({ file: zipPath, lang: 'en' }).search({ kind: 'b2b', area: { municipalities: ['Espoo'] }, companyForms: ['OYJ'] });
    expect(r.records.map((x) => x.companyName)).toContain('Nokia Oyj');
  });

  test('reports progress and stops on cancel', async () => {
    const ctl = new AbortController();
    const seen: number[] = [];
    const total = pool.length;
    await expect(
      createPrhBulkSource({ file: zipPath }).search({ kind: 'b2b' }, { signal: ctl.signal, progress: (done) => (seen.push(done), ctl.abort()) }),
    ).rejects.toThrow('Cancelled');
    // Progress is in bytes of the unzipped file; the cancel came after the first report.
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeLessThan(JSON.stringify(pool).length);
    expect(total).toBeGreaterThan(0);
    const early = new AbortController();
    early.abort();
    await expect(createPrhBulkSource({ file: zipPath }).count({ kind: 'b2b' }, { signal: early.signal })).rejects.toThrow('Cancelled');
  });

  test('a zip without the JSON, a damaged file and a missing file are clear errors', async () => {
    const empty = new JSZip();
    empty.file('readme.txt', 'no data');
    writeFileSync(join(dir, 'wrong.zip'), await empty.generateAsync({ type: 'uint8array' }));
    await expect(createPrhBulkSource({ file: join(dir, 'wrong.zip') }).count({ kind: 'b2b' })).rejects.toThrow('zip-tiedostossa ei ole JSON-tiedostoa');
    writeFileSync(join(dir, 'cut.json'), JSON.stringify(pool.slice(0, 3)).slice(0, -40));
    await expect(createPrhBulkSource({ file: join(dir, 'cut.json'), lang: 'en' }).count({ kind: 'b2b' })).rejects.toThrow("PRH's register file is damaged");
    await expect(createPrhBulkSource({ file: join(dir, 'missing.zip'), lang: 'en' }).count({ kind: 'b2b' })).rejects.toThrow("Cannot open PRH's register file");
  });

  test('phones are not in the register: requirePhone says so instead of scanning', async () => {
    const r = await createPrhBulkSource({ file: join(dir, 'missing.zip') }).search({ kind: 'b2b', requirePhone: true });
    expect(r).toMatchObject({ records: [], total: 0 });
    expect(r.appliedLocally[0]).toMatch(/ei ole puhelinnumeroita/);
  });
});
