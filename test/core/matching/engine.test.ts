/**
 * The matcher as a person would check it: pairs that are the same customer are removed with a
 * reason one can read; the hard look-alikes stay in the list.
 */
import { matchCustomers } from '../../../src/app/removeCustomers';
import { listFromGrid } from '../../../src/core/list/listTable';
import { jaroWinkler, jaroWinklerAtLeast, alignWords } from '../../../src/core/matching/similarity';
import { compareRows } from '../../../src/core/matching/comparison';
import { BlockIndex } from '../../../src/core/matching/blocking';
import { decideRow } from '../../../src/core/matching/engine';
import { DEFAULT_MODEL, scoreOf, vectorWeight } from '../../../src/core/matching/model';
import { generateCompanies, generatePersons } from '../../fixtures/matching/generate';
import { estimateModel } from '../../../src/core/matching/estimate';
import { toMatchTable, Vocabulary } from '../../../src/core/matching/record';

const CUSTOMER_HEADERS = ['Asiakasnumero', 'Asiakas', 'Y-tunnus', 'Puhelin', 'Katuosoite', 'Postinumero', 'Postitoimipaikka'];
const CUSTOMERS = [
  ['A1001', 'Virtasen Rakennus Oy', '2345678-0', '040 123 4567', 'Hämeenkatu 12 A 5', '33100', 'Tampere'],
  ['A1002', 'Tmi Matti Nieminen', '', '050 765 4321', 'Satamakatu 3', '20100', 'Turku'],
  ['A1003', 'Kiinteistöhuolto Laine Ky', '', '03 2123 456', 'Teollisuustie 8', '33720', 'Tampere'],
  ['A1004', 'Pohjolan Tilitoimisto Oy', '1572860-0', '010 555 1200', 'Kauppakatu 4', '40100', 'Jyväskylä'],
];
const customers = listFromGrid('asiakkaat.xlsx', CUSTOMER_HEADERS, CUSTOMERS);

const LIST_HEADERS = ['Yritys', 'Y-tunnus', 'Puhelin', 'Katuosoite', 'Postinumero', 'Postitoimipaikka'];
function run(rows: string[][], lang: 'fi' | 'en' | 'sv' = 'fi') {
  return matchCustomers(listFromGrid('lista.csv', LIST_HEADERS, rows), customers, { lang });
}

describe('matchCustomers: the same customer written another way is removed, with the reason', () => {
  it('removes a row with the same business id and says so', () => {
    const r = run([['OY VIRTASEN RAKENNUS', 'FI23456780', '', '', '', '']]).rows[0]!;
    expect(r.outcome).toBe('removed');
    expect(r.reason).toMatch(/^Y-tunnus sama/);
    expect(r.customerRow).toBe(2); // header row = 1
    expect(r.score).toBeGreaterThan(0.99);
  });

  it('removes a mistyped name at the same street address and gives the name similarity', () => {
    const r = run([['Virtasen Rakenus Osakeyhtiö', '', '', 'Hämeenkatu 12 a 5', '33100', 'Tampere']]).rows[0]!;
    expect(r.outcome).toBe('removed');
    expect(r.reason).toMatch(/nimi 9\d % samankaltainen/i);
    expect(r.reason).toMatch(/katuosoite sama/);
  });

  it('removes the same phone in another written form when the names agree', () => {
    const r = run([['Kiinteistöhuolto Laine', '', '+358 3 2123456', 'Teollisuustie 10', '33720', 'Tampere']], 'en').rows[0]!;
    expect(r.outcome).toBe('removed');
    expect(r.reason).toMatch(/phone same/i);
    expect(r.customerRow).toBe(4);
  });

  it('explains in Swedish too', () => {
    const r = run([['Virtasen Rakennus Ab', '2345678-0', '', '', '', '']], 'sv').rows[0]!;
    expect(r.reason).toMatch(/^FO-nummer samma/);
  });
});

describe('matchCustomers: hard look-alikes stay in the list', () => {
  it('keeps another company at the same office address', () => {
    const r = run([['Pirkanmaan Mainostoimisto Oy', '', '044 987 6543', 'Hämeenkatu 12', '33100', 'Tampere']]).rows[0]!;
    expect(r.outcome).toBe('kept');
  });

  it('keeps a company of the same name in another town with another business id', () => {
    const r = run([['Virtasen Rakennus Oy', '0737546-2', '044 333 2211', 'Isokatu 5', '90100', 'Oulu']]).rows[0]!;
    expect(r.outcome).toBe('kept');
  });

  it('keeps a look-alike name in another town even without a business id', () => {
    const r = run([['Virtasen Rakennus Ky', '', '044 333 2211', 'Isokatu 5', '90100', 'Oulu']]).rows[0]!;
    expect(r.outcome).not.toBe('removed');
  });

  it('keeps a sole trader with the same surname and another first name', () => {
    const r = run([['Tmi Pekka Nieminen', '', '050 111 2233', 'Satamakatu 9', '20100', 'Turku']]).rows[0]!;
    expect(r.outcome).toBe('kept');
  });

  it('keeps a company that shares a switchboard number when the names disagree', () => {
    const r = run([['Keski-Suomen Konepaja Oy', '', '010 555 1200', 'Kauppakatu 4', '40100', 'Jyväskylä']]).rows[0]!;
    expect(r.outcome).toBe('kept');
  });

  it('never matches on a legal form alone', () => {
    const r = run([['Oy', '', '', '', '33100', 'Tampere']]).rows[0]!;
    expect(r.outcome).toBe('kept');
  });
});

describe('matchCustomers: persons with name and address only', () => {
  const people = listFromGrid(
    'asiakkaat.csv',
    ['Nimi', 'Lähiosoite', 'Postinro', 'Postitoimipaikka'],
    [
      ['Virtanen Matti Juhani', 'Kalevankatu 5 B 12', '00100', 'Helsinki'],
      ['Korhonen Hanna', 'Pyynikintie 22 A 3', '33230', 'Tampere'],
    ],
  );
  const list = (rows: string[][]) =>
    matchCustomers(listFromGrid('lista.csv', ['Etunimi', 'Sukunimi', 'Katuosoite', 'Postinumero'], rows), people, { lang: 'fi' }).rows;

  it('removes the same person written first-name-first, without the middle name', () => {
    const [r] = list([['Matti', 'Virtanen', 'Kalevankatu 5 b 12', '00100']]);
    expect(r!.outcome).toBe('removed');
    expect(r!.customerRow).toBe(2);
  });

  it('keeps a family member at the same address: Hannu is not Hanna', () => {
    const [r] = list([['Hannu', 'Korhonen', 'Pyynikintie 22 A 3', '33230']]);
    expect(r!.outcome).toBe('kept');
  });

  it('keeps a namesake in another town', () => {
    const [r] = list([['Matti', 'Virtanen', 'Kauppakatu 5', '40100']]);
    expect(r!.outcome).toBe('kept');
  });

  it('keeps a neighbour in another apartment of the same building', () => {
    const [r] = list([['Liisa', 'Virtanen', 'Kalevankatu 5 B 14', '00100']]);
    expect(r!.outcome).toBe('kept');
  });
});

describe('comparison levels', () => {
  it('scores Jaro-Winkler as published (MARTHA/MARHTA 0.961, DWAYNE/DUANE 0.84)', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('', 'abc')).toBe(0);
  });

  it('skips Jaro-Winkler only where it stays under the threshold (the common-letter bound)', () => {
    expect(jaroWinklerAtLeast('martha', 'marhta', 0.95)).toBeCloseTo(0.961, 3);
    expect(jaroWinklerAtLeast('hameenkatu', 'kauppakatu', 0.94)).toBe(0);
    // Against the plain measure on pseudo-random words of a small alphabet (many near misses).
    let seed = 5;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = () => Array.from({ length: 3 + Math.floor(rnd() * 12) }, () => 'aeiknrstuv'[Math.floor(rnd() * 10)]).join('');
    for (let i = 0; i < 20000; i++) {
      const a = word();
      const b =
        rnd() < 0.5 ? word() : a.slice(0, Math.floor(rnd() * a.length)) + word().slice(0, 2) + a.slice(Math.floor(rnd() * a.length));
      for (const min of [0.9, 0.94, 0.95]) {
        const jw = jaroWinkler(a, b);
        expect({ a, b, min, s: jaroWinklerAtLeast(a, b, min) }).toEqual({ a, b, min, s: jw >= min ? jw : 0 });
      }
    }
  });

  it('aligns words regardless of order and counts the odd ones out', () => {
    expect(alignWords(['virtanen', 'matti'], ['matti', 'virtanen'])).toMatchObject({ aligned: 2, unaligned: 0, extra: 0, similarity: 1 });
    expect(alignWords(['pekka', 'virtanen'], ['matti', 'virtanen'])).toMatchObject({ aligned: 1, unaligned: 1 });
  });

  it('gives each field a level, and none when a value is missing', () => {
    const t = toMatchTable(LIST_HEADERS.length ? ['companyName', 'businessId', 'phone', 'streetAddress', 'postalCode'] : [], [
      ['Virtasen Rakennus Oy', '2345678-0', '040-1234567', 'Hämeenkatu 12 A 5', '33100'],
      ['Virtasen Rakennus Ky', '', '+358401234567', 'Hämeenkatu 12 A 6', '33100'],
    ]);
    const v = compareRows(t, 0, t, 1);
    expect(v).toMatchObject({ businessId: null, phone: 'same', name: 'exact', legalForm: 'different', address: 'otherUnit', area: 'same' });
  });
});

describe('the best pair', () => {
  // decideRow skips pairs by three bounds (every field but the names; then whether the name and
  // the contact can be exact at all; then the contact compared): the row's best pair at or above
  // review must be the one a full comparison of every candidate finds, under the prior model and
  // under a model estimated from the files, for companies (contact persons) and persons.
  const cases = [
    ['companies', 'prior'],
    ['companies', 'estimated'],
    ['persons', 'prior'],
    ['persons', 'estimated'],
  ] as const;
  it.each(cases)(
    'is the one a comparison of every candidate finds, though pairs that cannot win are skipped (%s, %s model)',
    (entity, which) => {
      const set = (entity === 'companies' ? generateCompanies : generatePersons)({ seed: 9, customers: 3000, list: 3000 });
      const list = listFromGrid('lista.csv', set.list.headers, set.list.rows);
      const customers = listFromGrid('asiakkaat.csv', set.customers.headers, set.customers.rows);
      const vocabulary = new Vocabulary();
      const lt = toMatchTable(list.keys, list.rows, vocabulary);
      const ct = toMatchTable(customers.keys, customers.rows, vocabulary);
      const index = new BlockIndex(ct);
      const model = which === 'prior' ? DEFAULT_MODEL : estimateModel(lt, index, DEFAULT_MODEL).model;
      const reviewAt = model.reviewAt;
      let decided = 0;
      let keptUncompared = 0;
      for (let r = 0; r < lt.size; r++) {
        let best = -Infinity;
        let bestIndex: number | null = null;
        for (const ci of [...index.candidates(lt, r)]) {
          const w = vectorWeight(compareRows(lt, r, ct, ci), model);
          if (w > best || (w === best && ci < bestIndex!)) [best, bestIndex] = [w, ci];
        }
        const d = decideRow(lt, r, index, model);
        if (bestIndex !== null && scoreOf(best) >= reviewAt) {
          // A pair that reaches review is found and weighed exactly: same customer, same score.
          expect({ row: r, customer: d.customerIndex, score: d.score }).toEqual({ row: r, customer: bestIndex, score: scoreOf(best) });
          decided++;
        } else {
          // No pair reaches review: the row is kept; the pairs whose names could not lift them to
          // review were not compared by name, so it names at most a customer under review.
          expect(d.outcome).toBe('kept');
          expect(d.score).toBeLessThan(reviewAt);
          if (bestIndex !== null && d.customerIndex === null) keptUncompared++;
        }
      }
      expect(decided).toBeGreaterThan(800);
      // The bounds are taken (else this test would not be testing them). Not under the prior
      // model on persons: its exact person name weighs so much that every pair may reach review.
      if (entity === 'companies' || which === 'estimated') expect(keptUncompared).toBeGreaterThan(100);
    },
  );
});
