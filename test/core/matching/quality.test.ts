/**
 * Quality on labelled data the model was not tuned on (it was tuned on seed 1): a generated
 * Finnish company register and a register of persons, with noise and hard negatives
 * (test/fixtures/matching/generate.ts). Targets from issue 4.
 */
import { matchCustomers } from '../../../src/app/removeCustomers';
import { listFromGrid } from '../../../src/core/list/listTable';
import { evaluate } from '../../fixtures/matching/evaluate';
import { generateCompanies, generatePersons, type LabelledSet } from '../../fixtures/matching/generate';

function quality(set: LabelledSet) {
  const list = listFromGrid('lista.csv', set.list.headers, set.list.rows);
  const customers = listFromGrid('asiakkaat.csv', set.customers.headers, set.customers.rows);
  return evaluate(set, matchCustomers(list, customers, { lang: 'fi' }));
}

describe.each([2, 3])('unseen seed %i', (seed) => {
  it('companies: precision ≥ 0.995, recall ≥ 0.97, review ≤ 2 % of the list', () => {
    const q = quality(generateCompanies({ seed, customers: 6000, list: 6000 }));
    expect(q.positives).toBeGreaterThan(1500);
    expect(q.precision).toBeGreaterThanOrEqual(0.995);
    expect(q.recall).toBeGreaterThanOrEqual(0.97);
    expect(q.reviewShare).toBeLessThanOrEqual(0.02);
  });

  it('persons with name and address only: precision ≥ 0.99, recall ≥ 0.95, review ≤ 2 %', () => {
    const q = quality(generatePersons({ seed, customers: 6000, list: 6000 }));
    expect(q.positives).toBeGreaterThan(1500);
    expect(q.precision).toBeGreaterThanOrEqual(0.99);
    expect(q.recall).toBeGreaterThanOrEqual(0.95);
    expect(q.reviewShare).toBeLessThanOrEqual(0.02);
  });

  it('keeps every hard negative out of the removed rows', () => {
    for (const set of [
      generateCompanies({ seed, customers: 4000, list: 4000, hardShare: 0.8 }),
      generatePersons({ seed, customers: 4000, list: 4000, hardShare: 0.8 }),
    ]) {
      const q = quality(set);
      const hardRemoved = Object.entries(q.falsePositives)
        .filter(([c]) => c !== 'other' && c !== 'copy')
        .reduce((s, [, n]) => s + (n ?? 0), 0);
      const hard = set.category.filter((c) => c !== 'copy' && c !== 'other').length;
      expect(hard).toBeGreaterThan(1000);
      expect(hardRemoved / hard).toBeLessThanOrEqual(0.005);
    }
  });
});

describe('the labelled generator', () => {
  it('gives every company its own email domain, as a registry does (namesakes get another)', () => {
    // Sole traders' names repeat across the country ("Tmi Matti Virtanen"); their domains must
    // not, or a namesake's list row shares the customer's domain, which no real register has.
    const set = generateCompanies({ seed: 42, customers: 20000, list: 20000 });
    const email = set.customers.headers.indexOf('Sähköposti');
    const owner = new Map<string, number>();
    set.customers.rows.forEach((r, i) => {
      const d = r[email]!.slice(r[email]!.indexOf('@') + 1).toLowerCase();
      expect(owner.has(d)).toBe(false);
      owner.set(d, i);
    });
    const listEmail = set.list.headers.indexOf('Sähköposti');
    let namesakes = 0;
    set.list.rows.forEach((r, i) => {
      if (!r[listEmail]) return;
      const d = r[listEmail]!.slice(r[listEmail]!.indexOf('@') + 1).toLowerCase();
      if (owner.has(d)) expect({ row: i, customer: owner.get(d) }).toEqual({ row: i, customer: set.truth[i] });
      else if (set.category[i] === 'other') namesakes++;
    });
    expect(namesakes).toBeGreaterThan(0);
  });
});
