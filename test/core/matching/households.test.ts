/**
 * The family rule decided by the data (estimate.ts householdRate, issue 12): the household rate
 * is counted from the pairs of rows of one file at one home, shrunk towards a Beta prior, and
 * says how strongly "another first name under the same surname at the customer's address"
 * weighs against: fully where the files hold families, not at all where the files' rows at one
 * home are one person written several times.
 */
import { matchCustomers, modelParams } from '../../../src/app/removeCustomers';
import { listFromGrid } from '../../../src/core/list/listTable';
import {
  betaCdf,
  countHomes,
  countNamesakes,
  countWithinFile,
  describeFit,
  guard,
  householdRate,
  HOUSEHOLD_PRIOR,
  cloneTables,
  namesakeBits,
  namesakesOfFiles,
} from '../../../src/core/matching/estimate';
import { DEFAULT_MODEL, fieldWeights, vectorWeight } from '../../../src/core/matching/model';
import type { ComparisonVector } from '../../../src/core/matching/comparison';
import { toMatchTable } from '../../../src/core/matching/record';
import { stepText } from '../../../src/core/notes/notesSheet';

const H = ['Etunimi', 'Sukunimi', 'Katuosoite', 'Postinumero', 'Postitoimipaikka'];
const keys = listFromGrid('x', H, []).keys;
const homes = (rows: string[][]) => countHomes(toMatchTable(keys, rows));

describe('pairs of rows at one home (countHomes)', () => {
  it('counts a family ("Matti" / "Liisa Virtanen" in one apartment) as a family, a person written twice as none', () => {
    expect(
      homes([
        ['Matti', 'Virtanen', 'Hämeenkatu 12 A 3', '33100', 'Tampere'],
        ['Liisa', 'Virtanen', 'Hämeenkatu 12 A 3', '33100', 'Tampere'],
        ['Pekka', 'Korhonen', 'Rantatie 7', '40520', 'Jyväskylä'],
        ['Pekka', 'Korhonen', 'Rantatie 7', '40520', 'Jyväskylä'],
        ['Anna', 'Mäkinen', 'Rantatie 7', '40520', 'Jyväskylä'],
      ]),
    ).toEqual({ pairs: 4, families: 1 });
  });

  it('takes another apartment, house or postal code as another home, and leaves out rows without a street or a person', () => {
    expect(
      homes([
        ['Matti', 'Virtanen', 'Hämeenkatu 12 A 3', '33100', 'Tampere'],
        ['Liisa', 'Virtanen', 'Hämeenkatu 12 A 4', '33100', 'Tampere'],
        ['Juha', 'Virtanen', 'Hämeenkatu 14 A 3', '33100', 'Tampere'],
        ['Aino', 'Virtanen', 'Hämeenkatu 12 A 3', '33200', 'Tampere'],
        ['Kari', 'Virtanen', '', '33100', 'Tampere'],
      ]),
    ).toEqual({ pairs: 0, families: 0 });
  });

  it('leaves out a home of more rows than a household has (a care home, a street without numbers)', () => {
    const names = ['Matti', 'Liisa', 'Juha', 'Aino', 'Kari', 'Anna', 'Pekka', 'Maria', 'Timo'];
    expect(homes(names.map((n) => [n, 'Virtanen', 'Hämeenkatu 12', '33100', 'Tampere']))).toEqual({ pairs: 0, families: 0 });
    expect(homes(names.slice(0, 3).map((n) => [n, 'Virtanen', 'Hämeenkatu 12', '33100', 'Tampere']))).toEqual({ pairs: 3, families: 3 });
  });

  it('is the last entry of the counts within one file, which the CLI and its worker pass on', () => {
    const t = toMatchTable(keys, [
      ['Matti', 'Virtanen', 'Hämeenkatu 12 A 3', '33100', 'Tampere'],
      ['Liisa', 'Virtanen', 'Hämeenkatu 12 A 3', '33100', 'Tampere'],
    ]);
    expect(countWithinFile(t).at(-2)).toEqual({ pairs: 1, families: 1 });
  });
});

describe('the household rate (householdRate)', () => {
  it('is the Beta posterior mean of both files, families shrunk towards the prior', () => {
    const h = householdRate({ pairs: 300, families: 200 }, { pairs: 100, families: 60 });
    expect(h.pairs).toBe(400);
    expect(h.families).toBe(260);
    expect(h.rate).toBeCloseTo((260 + HOUSEHOLD_PRIOR.families) / (400 + HOUSEHOLD_PRIOR.families + HOUSEHOLD_PRIOR.others), 10);
  });

  it('applies the family rule fully to files of families, not to files of one person written many times, and part way on a handful of pairs', () => {
    expect(householdRate({ pairs: 475, families: 346 }, { pairs: 0, families: 0 }).familyRule).toBeGreaterThan(0.9999);
    expect(householdRate({ pairs: 883, families: 4 }, { pairs: 0, families: 0 }).familyRule).toBeLessThan(1e-6);
    // No pair at one home: nothing to learn from, the rule as it always was.
    expect(householdRate({ pairs: 0, families: 0 }, { pairs: 0, families: 0 }).familyRule).toBe(1);
    // Three pairs, none a family: the prior still holds most of it.
    const few = householdRate({ pairs: 3, families: 0 }, { pairs: 0, families: 0 });
    expect(few.familyRule).toBeGreaterThan(0.9);
    expect(few.familyRule).toBeLessThan(1);
    // Forty pairs, none a family: the data have spoken.
    expect(householdRate({ pairs: 40, families: 0 }, { pairs: 0, families: 0 }).familyRule).toBeLessThan(0.5);
  });

  it('betaCdf agrees with the closed forms: Beta(1, 1) is uniform, Beta(2, 1) is x², Beta(5, 5) symmetric', () => {
    expect(betaCdf(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(betaCdf(0.3, 2, 1)).toBeCloseTo(0.09, 12);
    expect(betaCdf(0.5, 5, 5)).toBeCloseTo(0.5, 12);
    // Beta(1, 3): 1 − (1 − x)³.
    expect(betaCdf(0.2, 1, 3)).toBeCloseTo(1 - 0.8 ** 3, 12);
    expect(betaCdf(0, 3, 4)).toBe(0);
    expect(betaCdf(1, 3, 4)).toBe(1);
  });
});

describe('the family rule in the guard rails', () => {
  const bits = (p: { m: number; u: number }) => Math.log2(p.m / p.u);
  const tables = () => {
    const t = cloneTables(DEFAULT_MODEL.tables);
    t['address:person'].exact = { m: 0.95, u: 0.95 / 2 ** 7 };
    t.area.same = { m: 0.95, u: 0.95 / 2 ** 9 };
    t['name:person'].otherFirstName = { m: 0.01, u: 0.01 / 2 ** -1 };
    return t;
  };
  it('cancels the exact address with its postal code at full strength, leaves the estimate at none, scales in between', () => {
    const full = tables();
    guard(full, DEFAULT_MODEL.tables, { maxBits: 30, familyRule: 1 });
    expect(bits(full['name:person'].otherFirstName!)).toBeCloseTo(-16, 6);
    const none = tables();
    guard(none, DEFAULT_MODEL.tables, { maxBits: 30, familyRule: 0 });
    expect(bits(none['name:person'].otherFirstName!)).toBeCloseTo(-1, 6);
    const half = tables();
    guard(half, DEFAULT_MODEL.tables, { maxBits: 30, familyRule: 0.5 });
    expect(bits(half['name:person'].otherFirstName!)).toBeCloseTo(-8, 6);
    // Never more against than the address weighs for (issue 12, miss 8).
    const strong = tables();
    strong['name:person'].otherFirstName = { m: 0.01, u: 0.01 / 2 ** -20 };
    guard(strong, DEFAULT_MODEL.tables, { maxBits: 30, familyRule: 0 });
    expect(bits(strong['name:person'].otherFirstName!)).toBeCloseTo(-16, 6);
  });
});

/**
 * A register of 600 persons, one per home, and a list of every customer once, 300 prospects
 * elsewhere, 300 more rows at customers' homes (`second`), and 15 customers with their first
 * name replaced ("Liisa Virtanen" for "Matti Virtanen", at his address).
 */
const FIRST = [
  'Matti',
  'Liisa',
  'Juha',
  'Aino',
  'Kari',
  'Anna',
  'Pekka',
  'Maria',
  'Timo',
  'Helena',
  'Mikko',
  'Sari',
  'Jari',
  'Tuula',
  'Antti',
  'Päivi',
  'Heikki',
  'Kaisa',
  'Markku',
  'Riitta',
  'Jukka',
  'Anne',
  'Seppo',
  'Leena',
  'Ville',
  'Satu',
  'Hannu',
  'Minna',
  'Risto',
  'Marja',
];
const LAST = [
  'Virtanen',
  'Korhonen',
  'Mäkinen',
  'Nieminen',
  'Mäkelä',
  'Hämäläinen',
  'Laine',
  'Heikkinen',
  'Koskinen',
  'Järvinen',
  'Lehtonen',
  'Lehtinen',
  'Saarinen',
  'Salminen',
  'Heinonen',
  'Niemi',
  'Heikkilä',
  'Kinnunen',
  'Salonen',
  'Turunen',
  'Salo',
  'Laitinen',
  'Tuominen',
  'Rantanen',
  'Karjalainen',
  'Jokinen',
  'Mattila',
  'Savolainen',
  'Lahtinen',
  'Ahonen',
  'Haapalahti',
  'Koivisto',
  'Pesonen',
  'Ketola',
  'Räty',
  'Aalto',
  'Hiltunen',
  'Leppänen',
  'Ojala',
  'Vainio',
];
const STREETS = [
  'Hämeenkatu',
  'Rantatie',
  'Kauppakatu',
  'Koulukatu',
  'Puistotie',
  'Kirkkokatu',
  'Myllytie',
  'Koivukuja',
  'Mäntypolku',
  'Asematie',
];
const AREAS: [string, string][] = [
  ['33100', 'Tampere'],
  ['40520', 'Jyväskylä'],
  ['70100', 'Kuopio'],
  ['90100', 'Oulu'],
  ['15100', 'Lahti'],
  ['20100', 'Turku'],
];

function person(i: number, first = FIRST[(i * 7) % FIRST.length]!): string[] {
  const [code, town] = AREAS[i % AREAS.length]!;
  return [
    first,
    LAST[(i * 13) % LAST.length]!,
    `${STREETS[Math.floor(i / AREAS.length) % STREETS.length]} ${1 + Math.floor(i / 60)} A ${1 + (i % 7)}`,
    code,
    town,
  ];
}

function run(second: 'duplicates' | 'families') {
  const customers = Array.from({ length: 600 }, (_, i) => person(i));
  const list: string[][] = customers.map((r) => [...r]);
  for (let k = 0; k < 300; k++) {
    const [code, town] = AREAS[k % AREAS.length]!;
    list.push([FIRST[(k * 11) % FIRST.length]!, LAST[(k * 17 + 3) % LAST.length]!, `Teollisuustie ${1 + k}`, code, town]);
  }
  for (let i = 0; i < 300; i++) list.push(second === 'duplicates' ? person(i) : person(i, FIRST[(i * 7 + 11) % FIRST.length]));
  const replaced: number[] = [];
  for (let i = 300; i < 315; i++) {
    replaced.push(list.length);
    list.push(person(i, FIRST[(i * 7 + 13) % FIRST.length]));
  }
  const result = matchCustomers(listFromGrid('lista.csv', H, list), listFromGrid('asiakkaat.csv', H, customers), { lang: 'fi' });
  return { result, replaced: replaced.map((n, k) => ({ row: result.rows[n]!, customer: 300 + k })) };
}

describe("another first name at the customer's address, by what the files hold (matchCustomers)", () => {
  it("removes the customer whose first name was replaced when the list's rows at one home are one person written twice", () => {
    const { result, replaced } = run('duplicates');
    const fit = result.estimate!.fit;
    expect(fit.fellBack).toBe(false);
    // The 15 replaced names against their customer's own list row are the only "families".
    expect(fit.households!.families).toBe(15);
    expect(fit.households!.pairs).toBe(315);
    expect(fit.households!.familyRule).toBeLessThan(0.01);
    for (const { row, customer } of replaced) {
      expect(row.comparison?.name).toBe('otherFirstName');
      expect(row.outcome).toBe('removed');
      expect(row.customerIndex).toBe(customer);
    }
  });

  it("keeps them, as family members, when the list's rows at one home are families", () => {
    const { result, replaced } = run('families');
    const fit = result.estimate!.fit;
    expect(fit.households!.families).toBeGreaterThanOrEqual(300);
    expect(fit.households!.familyRule).toBeGreaterThan(0.999);
    for (const { row } of replaced) expect(row.outcome).not.toBe('removed');
  });

  it('reports the rate and its sample in the fit: the CLI line, the processing log and its words', () => {
    const { result } = run('families');
    const fit = result.estimate!.fit;
    expect(describeFit(fit)).toMatch(/households 0\.\d{3} \(\d+ of \d+ pairs of rows at one home\), family rule 1\.000/);
    const params = modelParams(result);
    expect(params.modelHouseholdPairs).toBe(fit.households!.pairs);
    expect(params.modelHouseholdFamilies).toBe(fit.households!.families);
    expect(params.modelFamilyRule).toBe(1);
    expect(params.modelNamesakePairs).toBe(Math.round(fit.namesakes!.pairs));
    expect(params.modelNamesakesApart).toBe(fit.namesakes!.apart);
    expect(describeFit(fit)).toMatch(/namesakes at another address in one postal code \d+ of \d+ pairs of one name, -?\d+\.\d\d bits/);
    const text = stepText('fi', { step: 'match', at: '2026-12-08T10:00:00Z', params, contacted: [] });
    expect(text).toMatch(/perheitä saman kodin rivipareista 0,\d{3} \(\d+ \/ \d+: sama sukunimi, eri etunimi\), perhesäännön voima 1,000/);
    expect(text).toMatch(
      /kaimoja samassa postinumerossa eri osoitteessa [\d\s]+ \/ [\d\s]+ saman nimen rivipariä, painoon .*\d,\d{3} bittiä/,
    );
    expect(stepText('en', { step: 'match', at: '2026-12-08T10:00:00Z', params, contacted: [] })).toMatch(/family rule at 1\.000/);
    expect(stepText('sv', { step: 'match', at: '2026-12-08T10:00:00Z', params, contacted: [] })).toMatch(/familjeregelns styrka 1,000/);
  });
});

describe("namesakes in one postal code (countNamesakes, namesakeBits; seed 401's review)", () => {
  it('counts pairs of one name in one postal code at another street address, not at the same street or in another postal code', () => {
    const t = toMatchTable(keys, [
      ['Matti', 'Virtanen', 'Hämeenkatu 12 A 3', '33100', 'Tampere'],
      ['Matti', 'Virtanen', 'Rantatie 7', '33100', 'Tampere'],
      ['Virtanen', 'Matti', 'Kauppakatu 3', '33100', 'Tampere'],
      ['Matti', 'Virtanen', 'Hämeenkatu 12 A 3', '33100', 'Tampere'],
      ['Matti', 'Virtanen', 'Koulukatu 21', '40520', 'Jyväskylä'],
      ['Liisa', 'Virtanen', 'Koulukatu 9', '33100', 'Tampere'],
    ]);
    // Rows 0/1, 0/2, 1/2, 1/3, 2/3: another street in 33100; 0/3 the same home; row 4 elsewhere.
    expect(countNamesakes(t)).toEqual({ apart: 5, together: 1 });
    expect(countWithinFile(t).at(-1)).toEqual({ apart: 5, together: 1 });
  });

  it('weighs nothing where the files show namesakes no nearer than chance, and against where they live near each other', () => {
    expect(namesakeBits(0, 1000, 0.001).bits).toBe(0);
    expect(namesakeBits(1, 1000, 0.001).bits).toBe(0);
    const near = namesakeBits(51, 7558, 0.0008);
    expect(near.bits).toBeCloseTo(Math.log2(0.0008 / ((51 + 10 * 0.0008) / (7558 + 10))), 10);
    expect(near.bits).toBeLessThan(-2);
    // A handful of pairs moves it only part of the way.
    expect(namesakeBits(1, 2, 0.001).bits).toBeGreaterThan(Math.log2(0.001 / 0.5));
  });

  it('takes no namesakes from a file that repeats people (most of its same-name pairs at one address), all from a file of one row per person', () => {
    const duplicates: string[][] = [];
    const onePerPerson: string[][] = [];
    for (let i = 0; i < 10; i++) {
      const row = [FIRST[i]!, LAST[i]!, `Hämeenkatu ${1 + i}`, '33100', 'Tampere'];
      duplicates.push(row, [...row]);
      onePerPerson.push(row, [FIRST[i]!, LAST[i]!, `Rantatie ${20 + i}`, '33100', 'Tampere']);
    }
    duplicates.push([FIRST[0]!, LAST[0]!, 'Rantatie 40', '33100', 'Tampere']);
    const repeats = countWithinFile(toMatchTable(keys, duplicates));
    const once = countWithinFile(toMatchTable(keys, onePerPerson));
    expect(repeats.at(-1)).toEqual({ apart: 2, together: 10 });
    expect(once.at(-1)).toEqual({ apart: 10, together: 0 });
    expect(namesakesOfFiles([repeats], 0.001).apart).toBeLessThan(0.05);
    expect(namesakesOfFiles([once], 0.001).apart).toBeCloseTo(10, 1);
    expect(namesakesOfFiles([once], 0.001).bits).toBeLessThan(-5);
    // What is left of the repeating file is a sample of a tenth of a pair: near the prior.
    expect(namesakesOfFiles([repeats], 0.001).bits).toBeGreaterThan(namesakesOfFiles([once], 0.001).bits + 3);
  });

  /** 600 persons of one town, each name once, 30 postal codes, one home each. */
  const townsman = (i: number, street?: string): string[] => [
    FIRST[i % FIRST.length]!,
    LAST[Math.floor(i / FIRST.length) % LAST.length]!,
    street ?? `${STREETS[Math.floor(i / 30) % STREETS.length]} ${1 + Math.floor(i / 300)}`,
    String(33100 + (i % 30) * 10),
    'Tampere',
  ];

  /**
   * The list: every customer, 300 prospects of other names in the town, and for 60 customers a
   * namesake in the customer's postal code at another street.
   */
  function withNamesakes() {
    const customers = Array.from({ length: 600 }, (_, i) => townsman(i));
    const list: string[][] = customers.map((r) => [...r]);
    for (let k = 0; k < 300; k++) list.push(townsman(600 + k, `Teollisuustie ${1 + k}`));
    const namesakes: number[] = [];
    for (let i = 0; i < 60; i++) {
      namesakes.push(list.length);
      list.push(townsman(i * 10, `Metsäpolku ${101 + i}`));
    }
    return {
      result: matchCustomers(listFromGrid('lista.csv', H, list), listFromGrid('asiakkaat.csv', H, customers), { lang: 'fi' }),
      namesakes,
    };
  }

  it("does not remove a namesake at another street of the customer's postal code where the files hold such namesakes, and still removes the customers", () => {
    const { result, namesakes } = withNamesakes();
    const fit = result.estimate!.fit;
    expect(fit.namesakes!.apart).toBeCloseTo(60, 6);
    expect(fit.namesakes!.bits).toBeLessThan(-1);
    expect(result.estimate!.model.namesakeBits).toBe(fit.namesakes!.bits);
    for (const n of namesakes) {
      expect(result.rows[n]!.comparison?.name).toBe('exact');
      expect(result.rows[n]!.comparison?.address).toBe('different');
      // Without the correction, 0.98 and removed; with it, the same postal code says no more than
      // the same name already did, and a person is asked.
      expect(result.rows[n]!.outcome).not.toBe('removed');
    }
    for (let i = 0; i < 600; i++) expect(result.rows[i]!.outcome).toBe('removed');
  });

  it('applies to a name read as the same (exact, mistyped, a given name more), in the same postal code, at another street address only', () => {
    const model = { ...DEFAULT_MODEL, namesakeBits: -3 };
    const v = (name: ComparisonVector['name'], address: ComparisonVector['address'], area: ComparisonVector['area']): ComparisonVector => ({
      businessId: null,
      phone: null,
      email: null,
      name,
      nameKind: 'person',
      nameSimilarity: 1,
      nameFrequency: 0,
      legalForm: null,
      contact: null,
      address,
      area,
    });
    const moved = (x: ComparisonVector) => vectorWeight(x, model) - vectorWeight(x, DEFAULT_MODEL);
    for (const name of ['exact', 'close', 'subset'] as const) expect(moved(v(name, 'different', 'same'))).toBeCloseTo(-3, 10);
    expect(moved(v('partial', 'different', 'same'))).toBe(0);
    expect(moved(v('exact', 'street', 'same'))).toBe(0);
    expect(moved(v('exact', 'different', 'near'))).toBe(0);
    // The reason's field weights add up to the same score: the correction is the address's.
    const w = fieldWeights(v('subset', 'different', 'same'), model);
    expect(model.priorBits + w.reduce((a, f) => a + f.weight, 0)).toBeCloseTo(vectorWeight(v('subset', 'different', 'same'), model), 10);
  });
});
