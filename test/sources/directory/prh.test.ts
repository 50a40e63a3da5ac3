import supercell from '../../fixtures/prh/search-supercell.json';
import nokia from '../../fixtures/prh/lookup-nokia.json';
import notFound from '../../fixtures/prh/lookup-not-found.json';
import { generateCompanies, type PrhFixtureCompany } from '../../fixtures/prh/generate';
import { prhError, startFakePrh, type FakePrh } from '../../fixtures/prh/fakePrhServer';
import { createPrhSource, planPrhQueries, resetPrhThrottle, type PrhSourceOptions } from '../../../src/sources/directory/prh';
import { companyToRecord, isActiveCompany } from '../../../src/sources/directory/prhCompany';
import { prhCompanySchema, prhSearchResponseSchema } from '../../../src/sources/directory/prhSchema';
import { CancelledError, UserError } from '../../../src/core/errors';
import type { Criteria } from '../../../src/core/criteria/criteria';

const instant = async () => undefined;

describe('PRH company objects → directory records', () => {
  test('the real responses pass the schema', () => {
    expect(prhSearchResponseSchema.parse(supercell).companies).toHaveLength(3);
    expect(prhSearchResponseSchema.parse(nokia).totalResults).toBe(1);
    expect(prhSearchResponseSchema.parse(notFound)).toEqual({ totalResults: 0, companies: [] });
  });

  test('Supercell: current name, OY, TOL 2025 industry, visiting address in Helsinki', () => {
    const r = companyToRecord(prhCompanySchema.parse(supercell.companies[0]), 'fi');
    expect(r).toMatchObject({
      companyName: 'Supercell Oy',
      businessId: '2336509-6',
      companyForm: 'OY',
      industryCode: '62200',
      industryCodeSet: 'TOIMI4',
      industryName: 'Laitteistokonsultointi ja käyttö- ja hallintapalvelut',
      registrationDate: '2010-07-16',
      streetAddress: 'Jätkäsaarenlaituri 1',
      postalCode: '00180',
      postOffice: 'Helsinki',
      municipality: 'Helsinki',
      website: 'www.supercell.com',
      sourceId: '2336509-6',
    });
    const sv = companyToRecord(prhCompanySchema.parse(supercell.companies[0]), 'sv');
    expect(sv).toMatchObject({ postOffice: 'Helsingfors', municipality: 'Helsingfors', industryName: 'Datakonsultverksamhet och datordrift' });
  });

  test('Nokia: the name without an end date wins; a public company is OYJ', () => {
    const r = companyToRecord(prhCompanySchema.parse(nokia.companies[0]), 'fi');
    expect(r.companyName).toBe('Nokia Oyj');
    expect(r.companyForm).toBe('OYJ');
    expect(r.streetAddress).toBe('Karakaari 7');
    expect(r.postalCode).toBe('02610');
    expect(r.municipality).toBe('Espoo');
  });

  test('ended companies are not active', () => {
    const [c] = generateCompanies({ count: 1, endedShare: 1 });
    expect(isActiveCompany(prhCompanySchema.parse(c))).toBe(false);
    expect(isActiveCompany(prhCompanySchema.parse(supercell.companies[0]))).toBe(true);
  });
});

describe('planning PRH queries', () => {
  test('postal codes and company forms are sent, industries checked locally', () => {
    const plan = planPrhQueries({ kind: 'b2b', area: { postalCodes: ['33100', '33200'] }, companyForms: ['OY', 'KY'], industries: ['F'], registeredFrom: '2015-01-01' }, 'fi');
    expect(plan.series).toEqual([
      { postCode: '33100', companyForm: 'OY', registrationDateStart: '2015-01-01' },
      { postCode: '33100', companyForm: 'KY', registrationDateStart: '2015-01-01' },
      { postCode: '33200', companyForm: 'OY', registrationDateStart: '2015-01-01' },
      { postCode: '33200', companyForm: 'KY', registrationDateStart: '2015-01-01' },
    ]);
    expect(plan.appliedLocally.join(' | ')).toContain('Toimiala F Rakentaminen (tarkistetaan paikallisesti');
  });

  test('a municipality is searched by its post office names', () => {
    const plan = planPrhQueries({ kind: 'b2b', area: { municipalities: ['Tampere'] } }, 'fi');
    expect(plan.series.map((s) => s.location)).toContain('TAMPERE');
    expect(plan.series.every((s) => !('postCode' in s))).toBe(true);
  });

  test('phones, persons and consumers are not in PRH’s open data', () => {
    expect(planPrhQueries({ kind: 'b2b', requirePhone: true }, 'fi').empty).toMatch(/ei ole puhelinnumeroita/);
    expect(planPrhQueries({ kind: 'b2b', roles: ['CEO'] }, 'en').empty).toMatch(/no persons/);
    expect(planPrhQueries({ kind: 'b2c' }, 'en').empty).toMatch(/not consumers/);
  });
});

describe('PRH source against a local server', () => {
  let fake: FakePrh;
  let pool: PrhFixtureCompany[];
  const source = (o: Partial<PrhSourceOptions> = {}) => createPrhSource({ baseUrl: fake.base, minIntervalMs: 0, sleep: instant, ...o });
  const tampereOy: Criteria = { kind: 'b2b', area: { postalCodes: ['33100', '33200', '33500'] }, companyForms: ['OY'] };
  const expectedTampereOy = () =>
    pool.filter((c) => c.status === '2' && ['33100', '33200', '33500'].includes(c.addresses[0]!.postCode) && c.companyForms[0]!.type === '16');

  beforeAll(async () => {
    pool = generateCompanies({ count: 1500 });
    fake = await startFakePrh(pool);
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
    fake.queue = [];
    fake.inflateTotal = 0;
    resetPrhThrottle();
  });

  test('pages through every series and keeps only active companies in the area', async () => {
    const r = await source().search(tampereOy);
    const expected = expectedTampereOy();
    expect(expected.length).toBeGreaterThan(100); // more than one page per series in total
    expect(r.total).toBe(expected.length);
    expect(new Set(r.records.map((x) => x.businessId))).toEqual(new Set(expected.map((c) => c.businessId.value)));
    expect(r.records.every((x) => ['33100', '33200', '33500'].includes(x.postalCode as string) && x.companyForm === 'OY')).toBe(true);
    // Each series asked its pages in order, 100 a page, never past the end.
    const perSeries = new Map<string, number[]>();
    for (const u of fake.requests) perSeries.set(u.searchParams.get('postCode')!, [...(perSeries.get(u.searchParams.get('postCode')!) ?? []), Number(u.searchParams.get('page'))]);
    for (const [code, pages] of perSeries) {
      const hits = pool.filter((c) => c.addresses[0]!.postCode === code && c.companyForms[0]!.type === '16').length;
      expect(pages).toEqual(Array.from({ length: Math.max(1, Math.ceil(hits / 100)) }, (_, i) => i + 1));
    }
    expect(r.contacted[0]!.sent).toContain('postCode=33100');
  });

  test('a page past the end (page 1 again) is not counted twice', async () => {
    fake.inflateTotal = 100; // PRH says there is one more page than there is
    const r = await source().search(tampereOy);
    expect(r.total).toBe(expectedTampereOy().length);
    expect(new Set(r.records.map((x) => x.businessId)).size).toBe(r.records.length);
  });

  test('limit keeps the first rows and reports the total before the limit', async () => {
    const r = await source().search({ ...tampereOy, limit: 25 });
    expect(r.records).toHaveLength(25);
    expect(r.total).toBe(expectedTampereOy().length);
  });

  test('industry is checked locally, across TOL 2008 and 2025', async () => {
    const r = await source().search({ kind: 'b2b', area: { postalCodes: ['33100'] }, industries: ['62010'] });
    expect(r.records.length).toBeGreaterThan(0);
    expect(r.records.every((x) => x.industryCode === '62100')).toBe(true);
    expect(fake.requests.every((u) => !u.searchParams.has('mainBusinessLine'))).toBe(true);
  });

  test('count sums PRH’s totals (an upper bound before local checks)', async () => {
    const { count, exact } = await source().count(tampereOy);
    expect(exact).toBe(false);
    expect(count).toBe(pool.filter((c) => ['33100', '33200', '33500'].includes(c.addresses[0]!.postCode) && c.companyForms[0]!.type === '16').length);
    expect(fake.requests).toHaveLength(3);
  });

  test('waits for Retry-After on 429 and on 503, then carries on', async () => {
    const waits: number[] = [];
    fake.queue = [{ ...prhError(429, 'Too many requests'), headers: { 'retry-after': '2' } }, { ...prhError(503, 'Service unavailable') }];
    const r = await source({ sleep: async (ms) => void waits.push(ms) }).search({ kind: 'b2b', area: { postalCodes: ['90100'] } });
    expect(r.total).toBe(pool.filter((c) => c.status === '2' && c.addresses[0]!.postCode === '90100').length);
    expect(waits.some((ms) => ms >= 1900)).toBe(true);
    expect(fake.requests.length).toBeGreaterThanOrEqual(3);
  });

  test('gives up on a busy API with a message, writing nothing', async () => {
    fake.queue = Array.from({ length: 3 }, () => prhError(503, 'Service unavailable'));
    await expect(source({ maxTries: 3 }).search(tampereOy)).rejects.toThrow(/ruuhkautunut \(HTTP 503\).*3 yrityksellä/);
  });

  test('400 and 500 carry PRH’s own message', async () => {
    fake.queue = [prhError(400, 'Invalid value for registrationDateStart')];
    await expect(source({ lang: 'en' }).search(tampereOy)).rejects.toThrow('PRH rejected the search: Invalid value for registrationDateStart');
    fake.queue = [prhError(500, 'Internal error'), prhError(500, 'Internal error')];
    await expect(source({ lang: 'en' }).search(tampereOy)).rejects.toThrow("PRH's API failed (HTTP 500): Internal error");
  });

  test('a response of the wrong shape is refused', async () => {
    fake.queue = [{ status: 200, body: { totalResults: 'many', companies: [] } }];
    await expect(source({ lang: 'en' }).search(tampereOy)).rejects.toThrow(/not of the expected shape \(totalResults/);
  });

  test('nothing found is an empty result, not an error', async () => {
    fake.queue = [{ status: 200, body: notFound }];
    const r = await source().search({ kind: 'b2b', area: { postalCodes: ['00180'] } });
    expect(r).toMatchObject({ records: [], total: 0 });
  });

  test('requirePhone asks nothing from PRH and says why the result is empty', async () => {
    const r = await source().search({ ...tampereOy, requirePhone: true });
    expect(r.records).toEqual([]);
    expect(r.appliedLocally[0]).toMatch(/puhelinnumeroita/);
    expect(fake.requests).toHaveLength(0);
  });

  test('requests are spaced to PRH’s published rate', async () => {
    const started = Date.now();
    await source({ minIntervalMs: 40, sleep: undefined }).count({ kind: 'b2b', area: { postalCodes: ['33100', '33200', '33500', '33540', '90100'] } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 40 - 5);
  });

  test('cancel stops the search', async () => {
    const ctl = new AbortController();
    const run = source({ minIntervalMs: 0 }).search(tampereOy, { signal: ctl.signal, progress: () => ctl.abort() });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
  });

  test('an unreachable API says so; in a browser in plain words (the CORS hint in the details) and points at the proxy setting', async () => {
    const closed = await startFakePrh([]);
    await closed.close();
    const down = createPrhSource({ baseUrl: closed.base, minIntervalMs: 0, lang: 'en' });
    await expect(down.search(tampereOy)).rejects.toThrow(/PRH's API did not answer \(ECONNREFUSED\)/);
    const g = globalThis as Record<string, unknown>;
    g.window = {};
    g.document = {};
    try {
      const blocked = createPrhSource({ fetch: async () => Promise.reject(new TypeError('Failed to fetch')), minIntervalMs: 0 });
      const error = await blocked.search(tampereOy).catch((e) => e);
      expect(error).toBeInstanceOf(UserError);
      expect(error.message).toMatch(/^PRH:n palvelu ei vastannut\. Tarkista verkkoyhteys/);
      expect(error.message).toMatch(/välityspalvelimen osoite/);
      expect(error.message).not.toMatch(/CORS/);
      expect(error.details).toMatch(/prh\.fi.*: Failed to fetch$/);
    } finally {
      delete g.window;
      delete g.document;
    }
  });
});
