/**
 * The per-run estimate (estimate.ts): it runs EM and reports its fit, keeps its guard rails,
 * falls back to the prior on a tiny register, and gives the same model for the same files.
 * Also issue 17 item 10: numbered housing companies are different companies.
 */
import { matchCustomers } from '../../../src/app/removeCustomers';
import { listFromGrid } from '../../../src/core/list/listTable';
import { BlockIndex } from '../../../src/core/matching/blocking';
import {
  countWithinFile,
  addCounts,
  countDraws,
  estimateModel,
  planRange,
  modelWeights,
  planDraws,
  RANDOM_PAIRS,
  randomPairU,
  fitSteps,
  sampleRows,
  SAMPLE_ROWS,
} from '../../../src/core/matching/estimate';
import { packRows, packTable, unpackTable } from '../../../src/core/matching/packedTable';
import { DEFAULT_MODEL } from '../../../src/core/matching/model';
import { runSteps } from '../../../src/core/progress';
import { toMatchTable, Vocabulary } from '../../../src/core/matching/record';
import { generatePersons } from '../../fixtures/matching/generate';

function estimateOf(size: number, seed = 5) {
  const set = generatePersons({ seed, customers: size, list: size });
  const v = new Vocabulary();
  const keys = (h: string[]) => listFromGrid('x', h, []).keys;
  const c = toMatchTable(keys(set.customers.headers), set.customers.rows, v);
  const l = toMatchTable(keys(set.list.headers), set.list.rows, v);
  return estimateModel(l, new BlockIndex(c), DEFAULT_MODEL);
}

describe('estimateModel', () => {
  it('estimates by EM and reports iterations, convergence and λ; same files, same model', () => {
    const a = estimateOf(3000);
    expect(a.fit.fellBack).toBe(false);
    expect(a.fit.converged).toBe(true);
    expect(a.fit.iterations).toBeGreaterThan(1);
    expect(a.fit.lambda).toBeGreaterThan(0);
    expect(a.fit.lambda).toBeLessThan(1);
    expect(a.model).not.toBe(DEFAULT_MODEL);
    expect(modelWeights(estimateOf(3000).model)).toEqual(modelWeights(a.model));
  });

  it('keeps the guard rails', () => {
    const w = modelWeights(estimateOf(3000).model);
    const prior = modelWeights(DEFAULT_MODEL);
    expect(w.businessId!.same).toBeGreaterThanOrEqual(prior.businessId!.same!);
    // On the scale of random pairs, capped at ±30 bits, but a wholly different company name
    // outweighs a shared switchboard and address whatever the cap (checked below).
    for (const [t, levels] of Object.entries(w))
      for (const [l, bits] of Object.entries(levels))
        if (`${t}.${l}` !== 'name:company.different') expect(Math.abs(bits)).toBeLessThanOrEqual(30.01);
    // Another first name at the same address cancels the exact address with its postal code, no more, no less.
    expect(w['name:person']!.otherFirstName).toBeCloseTo(-(w['address:person']!.exact! + w.area!.same!), 1);
    expect(w['name:company']!.different).toBeLessThanOrEqual(-(w.phone!.same! + w['address:company']!.exact! + w.area!.same!) + 0.01);
  });

  it('takes u from random pairs: a shared phone or exact name is rare by chance, whatever blocking gathered', () => {
    const e = estimateOf(3000);
    const w = modelWeights(e.model);
    // Two random persons of 3,000 share an exact name or address about once in thousands of
    // pairs: many bits each, where u from the candidates (gathered by those very keys) gave ~0–2.
    expect(w['name:person']!.exact).toBeGreaterThan(8);
    expect(w['address:person']!.exact).toBeGreaterThan(8);
    // The prior odds are those of a random pair: about one customer in 3,000.
    expect(e.model.priorBits).toBeLessThan(-8);
    expect(e.model.priorBits).toBeGreaterThan(-14);
  });

  it('falls back to the prior on a tiny register', () => {
    const e = estimateOf(100);
    expect(e.fit.fellBack).toBe(true);
    expect(e.model).toBe(DEFAULT_MODEL);
  });
});

describe('the random pairs in two threads (rajaus match)', () => {
  it('gives the same u when part of the pairs are compared on a table of only the rows they name, in another vocabulary', () => {
    const set = generatePersons({ seed: 11, customers: 2000, list: 3000 });
    const v = new Vocabulary();
    const keys = (h: string[]) => listFromGrid('x', h, []).keys;
    const c = toMatchTable(keys(set.customers.headers), set.customers.rows, v);
    const l = toMatchTable(keys(set.list.headers), set.list.rows, v);
    const whole = randomPairU(l, c, DEFAULT_MODEL.tables);
    const plan = planDraws(l, c);
    expect(plan.anywhere.length).toBe(2 * RANDOM_PAIRS);
    expect(plan.sameArea.length).toBe(2 * RANDOM_PAIRS);
    // The worker's part as the worker gets it: the list rows it names, packed with the
    // vocabulary they use and unpacked into the customers' copy in another vocabulary.
    // Pieces of 1,000 pairs: the worker's from the plan's end (14 pieces, pairs drawn within one
    // postal code), this thread's the other 26 (the 20 of pairs drawn anywhere and 6 more),
    // counted in any order.
    const theirs = planRange(plan, 26_000, 40_000);
    expect(theirs.anywhere.length).toBe(0);
    expect(theirs.sameArea.length).toBe(2 * 14_000);
    const ours = Array.from({ length: 26 }, (_, p) => planRange(plan, 1000 * p, 1000 * (p + 1)));
    expect(ours.reduce((n, piece) => n + piece.anywhere.length + piece.sameArea.length, 0)).toBe(2 * 26_000);
    const rows = [...new Set([...theirs.anywhere.filter((_, k) => k % 2 === 0), ...theirs.sameArea.filter((_, k) => k % 2 === 0)])];
    const local = (pairs: Int32Array) => pairs.map((x, k) => (k % 2 ? x : rows.indexOf(x)));
    const { packed } = packRows(l, rows);
    // Only the vocabulary those rows use travels.
    const used = new Set(rows.flatMap((r) => [l.street[r]!, l.unit[r]!, l.town[r]!].filter((id) => id >= 0)));
    expect(packed.vocabulary.length).toBe(used.size);
    const other = new Vocabulary();
    const customers = unpackTable(packTable(c).packed, other);
    const sub = unpackTable(packed, other);
    const counts = addCounts(
      ours.reverse().reduce((counts, piece) => addCounts(counts, countDraws(l, c, piece)), {}),
      countDraws(sub, customers, { anywhere: local(theirs.anywhere), sameArea: local(theirs.sameArea) }),
    );
    const split = randomPairU(l, c, DEFAULT_MODEL.tables, undefined, undefined, counts);
    expect([...split.u]).toEqual([...whole.u]);
    expect(split.termFrequency).toEqual(whole.termFrequency);
    // The parts are parts: neither alone gives the whole's counts.
    expect(countDraws(l, c, theirs)).not.toEqual(countDraws(l, c, plan));
  });
});

describe('EM in the worker (rajaus match)', () => {
  it('fits the same model to a table of only the sampled rows, in another vocabulary, as to the whole list', () => {
    const set = generatePersons({ seed: 13, customers: 2500, list: 5000 });
    const v = new Vocabulary();
    const keys = (h: string[]) => listFromGrid('x', h, []).keys;
    const c = toMatchTable(keys(set.customers.headers), set.customers.rows, v);
    const l = toMatchTable(keys(set.list.headers), set.list.rows, v);
    const sample = sampleRows(l.size);
    // Evenly spaced, every row once: a table of just these samples every row of itself.
    expect(sample.length).toBe(SAMPLE_ROWS);
    expect(sample.every((r, k) => k === 0 || r > sample[k - 1]!)).toBe(true);
    expect([...sampleRows(sample.length)]).toEqual([...Array(sample.length).keys()]);
    expect([...sampleRows(7)]).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const whole = runSteps(fitSteps(l, new BlockIndex(c), DEFAULT_MODEL));
    // The worker's side: the sampled rows packed and unpacked into its own vocabulary, matched
    // against its own copy of the customers.
    const other = new Vocabulary();
    const customers = unpackTable(packTable(c).packed, other);
    const sub = unpackTable(packRows(l, sample).packed, other);
    const inWorker = runSteps(fitSteps(sub, new BlockIndex(customers), DEFAULT_MODEL));
    expect('model' in whole).toBe(false);
    expect(inWorker).toEqual(whole);
    // A fit on other rows is another fit: the comparison above can fail.
    const shifted = unpackTable(
      packRows(
        l,
        sample.map((r) => (r + 1) % l.size),
      ).packed,
      other,
    );
    expect(runSteps(fitSteps(shifted, new BlockIndex(customers), DEFAULT_MODEL))).not.toEqual(whole);
  });
});

describe('numbered housing companies (issue 17, item 10)', () => {
  const H = ['Yritys', 'Puhelin', 'Katuosoite', 'Postinumero', 'Postitoimipaikka'];
  const customers = listFromGrid('asiakkaat.csv', H, [
    ['Asunto Oy Helsingin Kotikatu 1', '09 123 4567', 'Kotikatu 1', '00100', 'Helsinki'],
  ]);
  it('keeps "… Kotikatu 3" and "… 41" in the same postal code, and says the numbers differ', () => {
    const list = listFromGrid('lista.csv', H, [
      ['Asunto Oy Helsingin Kotikatu 3', '09 765 4321', 'Kotikatu 3', '00100', 'Helsinki'],
      ['Asunto Oy Helsingin Kotikatu 41', '', '', '00100', 'Helsinki'],
      ['As Oy Helsingin Kotikatu 1', '09 123 4567', 'Kotikatu 1', '00100', 'Helsinki'],
    ]);
    const r = matchCustomers(list, customers, { lang: 'fi', model: DEFAULT_MODEL });
    expect(r.rows[0]!.outcome).toBe('kept');
    expect(r.rows[1]!.outcome).toBe('kept');
    expect(r.rows[0]!.comparison?.name).toBe('otherNumber');
    expect(r.rows[2]!.outcome).toBe('removed');
    const reasonOfKept = matchCustomers(list.rows.length ? { ...list, rows: [list.rows[0]!] } : list, customers, {
      lang: 'fi',
      model: { ...DEFAULT_MODEL, reviewAt: 0 },
    }).rows[0]!.reason;
    expect(reasonOfKept.toLowerCase()).toContain('nimen numero eri (3 ↔ 1)');
    expect(reasonOfKept.toLowerCase()).toContain('puhelin eri');
  });
});

describe('counts within one file (countWithinFile)', () => {
  it('counts repeated strings and numbers exactly: n, Σ c(c − 1) and Σ c²', () => {
    const keys = ['companyName', 'email', 'phone'];
    const rows = [
      ['Koivun Putki Oy', 'myynti@koivu.fi', '040 123 4567'],
      ['Koivun Putki Oy', 'myynti@koivu.fi', '+358401234567'],
      ['Koivun Putki Oy', 'MYYNTI@koivu.fi', null],
      ['Haapalahden Sähkö Ky', 'info@haapa.fi', '040 765 4321'],
      ['Äänekosken Ääni Oy', null, null],
    ];
    const counts = countWithinFile(toMatchTable(keys, rows));
    // In EXACT_LEVELS' order: business id, phone, email, company name, person name, house.
    expect(counts[0]).toEqual({ n: 0, same: 0, squares: 0 });
    expect(counts[1]).toEqual({ n: 3, same: 2, squares: 5 });
    expect(counts[2]).toEqual({ n: 4, same: 6, squares: 10 });
    expect(counts[3]).toEqual({ n: 5, same: 6, squares: 11 });
  });
});
