import { normalizeBusinessId } from '../../../src/core/normalize/businessId';
import { phoneKey } from '../../../src/core/normalize/phone';
import { demoConsumerCustomerCases, demoConsumerCustomers, demoConsumerCustomerTruth, demoCustomerCases, demoCustomers, demoCustomerTruth, CUSTOMER_PLAN } from '../../../src/sources/demo/customers';
import { demoDirectory } from '../../../src/sources/demo/directory';
import { e164Of } from '../../../src/sources/demo/phones';
import { consumerAddress } from '../../../src/sources/demo/consumers';

const grid = demoCustomers();
const truth = demoCustomerTruth();
const cases = demoCustomerCases();
const dir = demoDirectory();
const byId = new Map(dir.companies.map((c) => [c.id, c]));
const col = (h: string) => grid.headers.indexOf(h);

describe('demo company customer register', () => {
  it('looks like a sheet a Finnish user keeps', () => {
    expect(grid.headers).toEqual(['Asiakasnumero', 'Yritys', 'Y-tunnus', 'Puh.', 'Lähiosoite', 'Postinro', 'Postitoimipaikka', 'Yhteyshenkilö', 'Sähköposti', 'Muistiinpanot']);
    expect(grid.rows.length).toBe(2000);
    expect(grid.rows.every((r) => r.length === grid.headers.length && r.every((v) => typeof v === 'string'))).toBe(true);
    expect(truth).toHaveLength(grid.rows.length);
  });

  it('copies about 1,200 directory companies, each once', () => {
    const copies = truth.filter((t): t is string => t !== null);
    expect(copies.length).toBe(CUSTOMER_PLAN.copies);
    expect(new Set(copies).size).toBe(copies.length);
    expect(copies.every((id) => byId.has(id))).toBe(true);
  });

  it('has the noise of real registers at the stated rates', () => {
    const copyRows = grid.rows.filter((_, i) => truth[i] !== null);
    const rate = (f: (r: string[], co: ReturnType<typeof byId.get>) => boolean) => copyRows.filter((r) => f(r, byId.get(truth[grid.rows.indexOf(r)]!))).length / copyRows.length;
    const missingId = copyRows.filter((r) => r[col('Y-tunnus')] === '').length / copyRows.length;
    expect(missingId).toBeGreaterThan(0.35);
    expect(missingId).toBeLessThan(0.45);
    const ids = copyRows.map((r) => r[col('Y-tunnus')]!).filter((v) => v !== '');
    expect(ids.some((v) => /^FI\d{8}$/.test(v))).toBe(true);
    expect(ids.some((v) => /^\d{8}$/.test(v))).toBe(true);
    // Every written id still normalizes to the copied company's id.
    copyRows.forEach((r) => {
      const written = r[col('Y-tunnus')]!;
      if (written) expect(normalizeBusinessId(written)).toBe(byId.get(truth[grid.rows.indexOf(r)]!)!.businessId);
    });
    const names = copyRows.map((r, i) => [r[col('Yritys')]!, byId.get(truth[grid.rows.indexOf(r)]!)!.name] as const);
    const changed = names.filter(([w, n]) => w !== n).length / names.length;
    expect(changed).toBeGreaterThan(0.3);
    expect(changed).toBeLessThan(0.6);
    expect(names.some(([w]) => / Osakeyhtiö$/.test(w))).toBe(true);
    expect(names.some(([w]) => /^Oy /.test(w))).toBe(true);
    expect(names.some(([w]) => / Ltd$/.test(w))).toBe(true);
    const upper = names.filter(([w]) => w === w.toUpperCase()).length / names.length;
    expect(upper).toBeGreaterThan(0.05);
    const phones = copyRows.map((r) => r[col('Puh.')]!).filter((p) => p !== '');
    expect(phones.some((p) => p.startsWith('+358 '))).toBe(true);
    expect(phones.some((p) => p.startsWith('00358'))).toBe(true);
    expect(phones.some((p) => /^\(0\d+\) /.test(p))).toBe(true);
    expect(phones.every((p) => phoneKey(p) !== null)).toBe(true);
    const moved = rate((r, co) => !r[col('Lähiosoite')]!.startsWith(co!.streetAddress.split(' ')[0]!)) ;
    expect(moved).toBeGreaterThan(0.03);
    expect(moved).toBeLessThan(0.2);
  });

  it('holds the hard negatives, each resembling a directory company without being it', () => {
    const count = (k: string) => cases.filter((c) => c.kind === k).length;
    expect(count('sameAddress')).toBe(CUSTOMER_PLAN.sameAddress);
    expect(count('lookAlike')).toBe(CUSTOMER_PLAN.lookAlike);
    expect(count('soleTraderSameSurname')).toBe(CUSTOMER_PLAN.soleTraderSameSurname);
    expect(count('sharedSwitchboard')).toBe(CUSTOMER_PLAN.sharedSwitchboard);
    expect(count('notInDirectory')).toBe(CUSTOMER_PLAN.notInDirectory);
    const directoryIds = new Set(dir.companies.map((c) => c.businessId));
    cases.forEach((c, i) => {
      if (c.kind === 'copy') return;
      const row = grid.rows[i]!;
      expect(truth[i]).toBeNull();
      const id = normalizeBusinessId(row[col('Y-tunnus')]!);
      if (id) expect(directoryIds.has(id)).toBe(false);
      const co = c.resembles ? byId.get(c.resembles)! : null;
      switch (c.kind) {
        case 'sameAddress':
          expect(row[col('Lähiosoite')]).toBe(co!.streetAddress);
          expect(row[col('Postinro')]).toBe(co!.area.code);
          expect(row[col('Yritys')]).not.toBe(co!.name);
          break;
        case 'lookAlike':
          expect(row[col('Yritys')]!.replace(/ (Oy|Ky)$/, '')).toBe(co!.name.replace(/ (Oy|Ky)$/, ''));
          expect(row[col('Yritys')]).not.toBe(co!.name);
          expect(row[col('Postinro')]).not.toBe(co!.area.code);
          break;
        case 'soleTraderSameSurname': {
          const owner = co!.contacts[0]!;
          expect(row[col('Yritys')]).toContain(owner.lastName);
          expect(row[col('Yritys')]).not.toContain(`${owner.firstName} ${owner.lastName}`);
          break;
        }
        case 'sharedSwitchboard':
          if (row[col('Puh.')]) expect(phoneKey(row[col('Puh.')]!)).toBe(e164Of(co!.switchboard!));
          expect(row[col('Yritys')]).not.toBe(co!.name);
          break;
      }
    });
  });

  it('is the same on every call and cannot be changed through the returned grid', () => {
    const again = demoCustomers();
    again.rows[0]![1] = 'changed';
    expect(demoCustomers().rows[0]![1]).toBe(grid.rows[0]![1]);
  });
});

describe('demo consumer customer register', () => {
  const people = demoConsumerCustomers();
  const pTruth = demoConsumerCustomerTruth();
  const pCases = demoConsumerCustomerCases();
  const consumers = new Map(dir.consumers.map((p) => [p.id, p]));

  it('has about 1,000 persons with name in one column', () => {
    expect(people.rows.length).toBe(1000);
    expect(people.headers).toContain('Nimi');
    expect(pTruth.filter((t) => t !== null).length).toBe(CUSTOMER_PLAN.consumerCopies);
  });

  it('carries typos, swapped name order, missing phones and apartments written differently', () => {
    const copies = people.rows.map((r, i) => [r, pTruth[i] ? consumers.get(pTruth[i]!)! : null] as const).filter(([, p]) => p);
    const swapped = copies.filter(([r, p]) => r[1] === `${p!.lastName} ${p!.firstName}`).length / copies.length;
    expect(swapped).toBeGreaterThan(0.15);
    const missingPhone = copies.filter(([r]) => r[5] === '').length / copies.length;
    expect(missingPhone).toBeGreaterThan(0.25);
    const withApartment = copies.filter(([, p]) => consumerAddress(p!).apartment);
    const rewritten = withApartment.filter(([r, p]) => r[2] !== consumerAddress(p!).street).length / withApartment.length;
    expect(rewritten).toBeGreaterThan(0.2);
    const typos = copies.filter(([r, p]) => r[1] !== `${p!.firstName} ${p!.lastName}` && r[1] !== `${p!.lastName} ${p!.firstName}`).length;
    expect(typos).toBeGreaterThan(20);
  });

  it('has family members at the same address and namesakes elsewhere, none of them in the directory', () => {
    pCases.forEach((c, i) => {
      if (c.kind !== 'familyMember' && c.kind !== 'namesake') return;
      const p = consumers.get(c.resembles!)!;
      const row = people.rows[i]!;
      if (c.kind === 'familyMember') {
        expect(row[3]).toBe(p.area.code);
        expect(row[1]).toContain(p.lastName);
        expect(row[1]).not.toContain(p.firstName + ' ');
      } else {
        expect(row[1]).toBe(`${p.firstName} ${p.lastName}`);
        expect(row[3]).not.toBe(p.area.code);
      }
    });
    expect(pCases.filter((c) => c.kind === 'familyMember').length).toBe(CUSTOMER_PLAN.familyMember);
    expect(pCases.filter((c) => c.kind === 'namesake').length).toBe(CUSTOMER_PLAN.namesake);
  });
});
