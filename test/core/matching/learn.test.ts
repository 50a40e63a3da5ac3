/**
 * The user's review decisions teach the model (learn.ts, issue 12): decided pairs update m and
 * u, the undecided pairs of the queue are scored again, leave it only with a reason, and the
 * queue shows the pairs the model is least sure of first.
 */
import { matchCustomers, type MatchResult } from '../../../src/app/removeCustomers';
import { listFromGrid } from '../../../src/core/list/listTable';
import { modelWeights } from '../../../src/core/matching/estimate';
import { learnFromDecisions, requeue, uncertainty, type QueuePair } from '../../../src/core/matching/learn';
import { DEFAULT_MODEL, vectorWeight } from '../../../src/core/matching/model';

const P = ['Etunimi', 'Sukunimi', 'Katuosoite', 'Postinumero', 'Postitoimipaikka', 'Puhelin'];
const H = ['Yritys', 'Puhelin', 'Katuosoite', 'Postinumero', 'Postitoimipaikka'];

function run(headers: string[], list: string[][], customers: string[][]): MatchResult {
  return matchCustomers(listFromGrid('lista.csv', headers, list), listFromGrid('asiakkaat.csv', headers, customers), { lang: 'fi' });
}

const queueOf = (r: MatchResult): QueuePair[] =>
  r.rows.filter((x) => x.outcome === 'review').map((x) => ({ listIndex: x.listIndex, comparison: x.comparison!, score: x.score }));

/** A list of persons whose register row is another family member at the same address and landline. */
const families = () =>
  run(
    P,
    [
      ['Matti', 'Virtanen', 'Hämeenkatu 12 A 3', '33100', 'Tampere', '03 212 3456'],
      ['Pekka', 'Korhonen', 'Rantatie 7', '40520', 'Jyväskylä', '014 612 345'],
      ['Juha', 'Mäkinen', 'Kauppakatu 3 B 12', '70100', 'Kuopio', '017 261 1122'],
      ['Antti', 'Nieminen', 'Koulukatu 21', '90100', 'Oulu', '08 311 2233'],
      ['Aino', 'Haapalahti', 'Puistotie 4', '00200', 'Helsinki', '09 682 1144'],
      ['Kari', 'Lahtinen', 'Kirkkokatu 5', '15100', 'Lahti', '03 781 2233'],
    ],
    [
      ['Liisa', 'Virtanen', 'Hämeenkatu 12 A 3', '33100', 'Tampere', '03 212 3456'],
      ['Maria', 'Korhonen', 'Rantatie 7', '40520', 'Jyväskylä', '014 612 345'],
      ['Anna', 'Mäkinen', 'Kauppakatu 3 B 12', '70100', 'Kuopio', '017 261 1122'],
      ['Helena', 'Nieminen', 'Koulukatu 21', '90100', 'Oulu', '08 311 2233'],
      ['Aino', 'Haapalahti', 'Puistotie 4', '00200', 'Helsinki', ''],
      ['Ritva', 'Lahtinen', 'Kirkkokatu 5', '15100', 'Lahti', '03 781 2233'],
    ],
  );

describe('learning from review decisions', () => {
  it('after four rejected "same surname, same address, another first name" pairs, the fifth drops out of review, saying why', () => {
    const r = families();
    const queue = queueOf(r);
    expect(queue.map((q) => q.listIndex)).toEqual([0, 1, 2, 3, 5]);
    expect(queue.every((q) => q.comparison.name === 'otherFirstName')).toBe(true);
    const before = queue[4]!.score;

    const one = requeue(DEFAULT_MODEL, queue, new Map([[0, false]]));
    expect(one.decisions).toBe(1);
    expect(one.queue.map((q) => q.listIndex)).toEqual([1, 2, 3, 5]);
    expect(one.queue[3]!.score).toBeLessThan(before);
    expect(one.moved).toEqual([]);

    const four = requeue(
      DEFAULT_MODEL,
      queue,
      new Map([
        [0, false],
        [1, false],
        [2, false],
        [3, false],
      ]),
    );
    expect(four.queue).toEqual([]);
    expect(four.moved).toEqual([{ listIndex: 5, outcome: 'kept', before, after: expect.any(Number) }]);
    expect(four.moved[0]!.after).toBeLessThan(DEFAULT_MODEL.reviewAt);
    // The certain removal (same name, same address) is not a review pair and is not touched.
    expect(r.rows[4]!.outcome).toBe('removed');
    // Without the decisions the model is the run's own.
    expect(requeue(DEFAULT_MODEL, queue, new Map()).model).toBe(DEFAULT_MODEL);
  });

  it('confirmed "name in the longer name, same address, another phone" pairs move the next one to certain removal', () => {
    const towns = [
      ['Asemantie 2', '15100', 'Lahti'],
      ['Teollisuustie 8', '33100', 'Tampere'],
      ['Satamakatu 11', '20100', 'Turku'],
      ['Tehtaankatu 4', '53100', 'Lappeenranta'],
      ['Kirkkokatu 19', '65100', 'Vaasa'],
    ];
    const names = ['Lahden Kone', 'Hämeen Putki', 'Turun Lasi', 'Saimaan Sähkö', 'Pohjanmaan Puu'];
    const r = run(
      H,
      names.map((n, i) => [`${n} Oy`, `0${i + 2} 777 123${i}`, ...towns[i]!]),
      names.map((n, i) => [`${n} ja Huolto Oy`, `0${i + 2} 555 987${i}`, ...towns[i]!]),
    );
    const queue = queueOf(r);
    expect(queue).toHaveLength(5);
    expect(queue[0]!.comparison).toMatchObject({ name: 'subset', phone: 'different', address: 'exact' });
    const decided = new Map([
      [0, true],
      [1, true],
      [2, true],
    ]);
    const after = requeue(DEFAULT_MODEL, queue, decided);
    expect(after.queue).toEqual([]);
    expect(after.moved.map((m) => [m.listIndex, m.outcome])).toEqual([
      [3, 'removed'],
      [4, 'removed'],
    ]);
    // Removed only with a certain score under the updated model.
    for (const m of after.moved) expect(m.after).toBeGreaterThanOrEqual(DEFAULT_MODEL.removeAt);
    for (const m of after.moved) expect(m.after).toBeGreaterThan(m.before);
    // The same decisions in another order give the same queue; a decision taken back is forgotten.
    const reversed = requeue(
      DEFAULT_MODEL,
      queue,
      new Map([
        [2, true],
        [1, true],
        [0, true],
      ]),
    );
    expect(modelWeights(reversed.model)).toEqual(modelWeights(after.model));
    expect(requeue(DEFAULT_MODEL, queue, new Map()).queue.map((q) => q.listIndex)).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps the guard rails: rejected pairs never make a shared business id weak evidence, nor agreement weigh against', () => {
    const v = {
      businessId: 'same',
      phone: 'same',
      email: null,
      name: 'exact',
      nameKind: 'company',
      nameSimilarity: 1,
      nameFrequency: 0,
      legalForm: 'same',
      contact: null,
      address: 'exact',
      area: 'same',
    } as const;
    const learned = learnFromDecisions(
      DEFAULT_MODEL,
      Array.from({ length: 500 }, () => ({ comparison: { ...v }, match: false })),
    );
    const w = modelWeights(learned);
    const base = modelWeights(DEFAULT_MODEL);
    expect(w.businessId!.same).toBeGreaterThanOrEqual(base.businessId!.same!);
    for (const [t, l] of [
      ['phone', 'same'],
      ['name:company', 'exact'],
      ['address:company', 'exact'],
      ['area', 'same'],
    ] as const) {
      expect(w[t]![l]).toBeLessThan(base[t]![l]!);
      expect(w[t]![l]).toBeGreaterThanOrEqual(0);
    }
    for (const levels of Object.values(w)) for (const bits of Object.values(levels)) expect(Math.abs(bits)).toBeLessThanOrEqual(12.3);
    expect(vectorWeight(v, learned)).toBeGreaterThan(0);
  });

  it('orders the queue by uncertainty: the pair closest to an even chance first', () => {
    expect(uncertainty(0.5)).toBe(1);
    expect(uncertainty(0.6)).toBeGreaterThan(uncertainty(0.9));
    const families0 = queueOf(families());
    const companies = queueOf(
      run(
        H,
        [['Lahden Kone Oy', '03 777 1234', 'Asemantie 2', '15100', 'Lahti']],
        [['Lahden Kone ja Huolto Oy', '03 555 9876', 'Asemantie 2', '15100', 'Lahti']],
      ),
    ).map((q) => ({ ...q, listIndex: 9 }));
    // The company pair came first in the list; the family pairs, nearer an even chance, are less sure.
    const r = requeue(DEFAULT_MODEL, [...companies, ...families0], new Map());
    expect(r.queue.map((q) => q.listIndex)).toEqual([0, 1, 2, 3, 5, 9]);
  });
});
