import { criteriaSchema, type Criteria, AGE_GROUPS, ROLES, SIZE_CLASSES } from '../../../src/core/criteria/criteria';
import { compileCriteria } from '../../../src/core/criteria/filter';
import { DemoDirectorySource, companyRecord, consumerRecord } from '../../../src/sources/demo/demoDirectorySource';
import { demoDirectory } from '../../../src/sources/demo/directory';
import { Rng } from '../../../src/sources/demo/random';

const source = new DemoDirectorySource();
const dir = demoDirectory();
const mainRows = dir.companies.map((c) => companyRecord(c));
const contactRows = dir.companies.flatMap((c) => c.contacts.map((k) => companyRecord(c, k)));
const consumerRows = dir.consumers.map((p) => consumerRecord(p));

/** The reference: every row the criteria can select, filtered by the generic predicate. */
function referenceCount(criteria: Criteria): number {
  const compiled = compileCriteria(criteria);
  const rows = criteria.kind === 'b2c' ? consumerRows : criteria.roles?.length ? contactRows : mainRows;
  return rows.filter((r) => compiled.test(r)).length;
}

function randomCriteria(rng: Rng): Criteria {
  const kind = rng.chance(0.65) ? 'b2b' : 'b2c';
  const c: Record<string, unknown> = { kind };
  const area: Record<string, string[]> = {};
  const r = rng.next();
  if (r < 0.3) area.municipalities = [rng.pick(['Tampere', 'Helsingfors', 'Oulu', 'Espoo', 'Åbo', 'Kauniainen'])];
  else if (r < 0.5) area.postalCodes = [rng.pick(['33100', '00100', '02100', '33200-33500', '00*', '90', '20100-20900'])];
  else if (r < 0.6) area.regions = [rng.pick(['Pirkanmaa', 'Lappi', 'Pohjanmaa'])];
  if (Object.keys(area).length) c.area = area;
  if (rng.chance(0.3)) c.requirePhone = true;
  if (kind === 'b2b') {
    if (rng.chance(0.6)) c.industries = [rng.pick(['F', 'G', 'J', 'K', 'M', 'S', '43220', '62010', '62100', '56', '4711', '45', '95310', '68'])];
    if (rng.chance(0.3)) c.companyForms = [rng.pick(['OY', 'TMI', 'KY', 'Oy', 'osuuskunta'])];
    if (rng.chance(0.3)) c.registeredFrom = `${rng.int(1990, 2025)}-01-01`;
    if (rng.chance(0.2)) c.registeredTo = `${rng.int(2000, 2026)}-06-30`;
    if (rng.chance(0.2)) c.sizeClasses = [rng.pick(SIZE_CLASSES)];
    if (rng.chance(0.35)) c.roles = [rng.pick(ROLES), rng.pick(ROLES)];
    if (rng.chance(0.2)) c.requireEmail = true;
    if (rng.chance(0.15)) c.exclude = { industries: ['F'], postalCodes: ['00*'] };
  } else {
    if (rng.chance(0.5)) c.ageGroups = [rng.pick(AGE_GROUPS), rng.pick(AGE_GROUPS)];
    if (rng.chance(0.15)) c.exclude = { postalCodes: ['33*'] };
  }
  if (rng.chance(0.2)) c.limit = rng.int(1, 500);
  return criteriaSchema.parse(c);
}

describe('DemoDirectorySource', () => {
  it('is labelled as fictional demo data, in Finnish by default', () => {
    expect(source.info).toMatchObject({ id: 'demo', name: 'Rajaus demo-hakemisto (keksitty data)', controller: 'Rajaus demo (keksitty rekisteri)', licence: 'Keksitty demoaineisto', demo: true });
    expect(source.kinds).toEqual(['b2b', 'b2c']);
  });

  it('says its labels in the list’s language, and its rows name it so', async () => {
    const sv = new DemoDirectorySource('sv');
    expect(sv.info).toMatchObject({ id: 'demo', name: 'Rajaus demokatalog (påhittade data)', controller: 'Rajaus demo (påhittat register)', licence: 'Påhittade demodata', demo: true });
    expect(new DemoDirectorySource('en').info).toMatchObject({ name: 'Rajaus demo directory (fictional data)', licence: 'Fictional demo data' });
    const { records } = await sv.search(criteriaSchema.parse({ kind: 'b2c', area: { postalCodes: ['00250'] }, limit: 5 }));
    expect(records.map((r) => r.source)).toEqual(Array(5).fill('Rajaus demokatalog (påhittade data)'));
  });

  it('counts exactly what the generic predicate selects, for random criteria', async () => {
    const rng = new Rng('test:criteria');
    for (let i = 0; i < 24; i++) {
      const criteria = randomCriteria(rng);
      const { count, exact } = await source.count(criteria);
      expect(exact).toBe(true);
      expect({ criteria, count }).toEqual({ criteria, count: referenceCount(criteria) });
    }
  }, 60_000);

  it('returns the rows it counts, up to the limit, all meeting the criteria', async () => {
    const criteria = criteriaSchema.parse({ kind: 'b2b', area: { postalCodes: ['33100', '33200', '33500'] }, industries: ['F', '43220'] });
    const result = await source.search(criteria);
    expect(result.total).toBe((await source.count(criteria)).count);
    expect(result.records.length).toBe(result.total);
    expect(result.total).toBeGreaterThan(5);
    expect(result.records.every((r) => ['33100', '33200', '33500'].includes(String(r.postalCode)))).toBe(true);
    expect(result.contacted).toEqual([]);
    const limited = await source.search({ ...criteria, limit: 3 });
    expect(limited.records).toEqual(result.records.slice(0, 3));
    expect(limited.total).toBe(result.total);
  });

  it('gives one row per decision-maker when roles are asked for', async () => {
    const all = await source.search(criteriaSchema.parse({ kind: 'b2b', area: { municipalities: ['Tampere'] }, roles: ['CEO', 'CFO', 'SALES'] }));
    expect(all.records.every((r) => ['CEO', 'CFO', 'SALES'].includes(String(r.role)))).toBe(true);
    const companies = new Set(all.records.map((r) => r.sourceId));
    expect(all.records.length).toBeGreaterThan(companies.size);
  });

  it('writes rows with catalogue keys, phones in E.164 beside the readable form, and the source', async () => {
    const { records } = await source.search(criteriaSchema.parse({ kind: 'b2b', industries: ['62'], requirePhone: true, requireEmail: true, limit: 50 }));
    for (const r of records) {
      expect(r.phone).toMatch(/^\+358\d{6,10}$/);
      expect(String(r.phoneNational).replace(' ', '')).toBe(`0${String(r.phone).slice(4)}`);
      expect(r.email).toMatch(/^[a-z.-]+@[a-z0-9.-]+$/);
      expect(r.industryName).toBeTruthy();
      expect(r.source).toBe('Rajaus demo-hakemisto (keksitty data)');
      expect(typeof r.postalCode).toBe('string');
    }
    const b2c = await source.search(criteriaSchema.parse({ kind: 'b2c', area: { municipalities: ['Helsinki'] }, ageGroups: ['35-44'], limit: 20 }));
    expect(b2c.records).toHaveLength(20);
    expect(b2c.records.every((r) => r.ageGroup === '35-44' && r.municipality === 'Helsinki' && /^P\d{6}$/.test(String(r.sourceId)))).toBe(true);
  });

  it('matches TOL 2008 criteria against companies that carry TOL 2025 codes', async () => {
    const software = await source.search(criteriaSchema.parse({ kind: 'b2b', industries: ['62010'] }));
    const sets = new Set(software.records.map((r) => `${r.industryCodeSet}:${r.industryCode}`));
    expect(sets).toContain('TOL2008:62010');
    expect(sets).toContain('TOL2025:62100');
  });

  it('stops when cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(source.count({ kind: 'b2c' }, { signal: ac.signal })).rejects.toThrow('Cancelled');
  });
});
