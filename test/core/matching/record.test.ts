/**
 * MatchTable's shortcuts against their definitions: towns folded once per vocabulary
 * (Vocabulary.townId), street addresses parsed and looked up once per vocabulary
 * (Vocabulary.address), a person's words made once per name (Vocabulary.sharedWords), and the
 * names' frequencies counted once per table (MatchTable.nameFrequency).
 */
import fc from 'fast-check';
import { NONE, toMatchTable, Vocabulary, wordsKey, type MatchTable } from '../../../src/core/matching/record';
import { foldText } from '../../../src/core/normalize/fold';
import { canonicalTown } from '../../../src/core/normalize/townNames';
import { parseStreetAddress } from '../../../src/core/normalize/address';
import { normalizePostalCode } from '../../../src/core/normalize/postalCode';
import { personNameWords } from '../../../src/core/normalize/personName';

/** The town column as it was made before townId: fold and look up every row. */
function townsByDefinition(towns: readonly string[]): number[] {
  const v = new Vocabulary();
  return towns.map((town) => {
    const t = town.trim();
    const folded = t ? foldText(t) : '';
    return folded ? v.id(canonicalTown(folded)) : NONE;
  });
}

describe('MatchTable towns', () => {
  it('gives every row the id folding that row alone gives, in the same order', () => {
    const town = fc.constantFrom(
      'Helsinki',
      'HELSINKI',
      'Helsingfors',
      'HKI',
      'hki',
      'Tampere',
      'Tammerfors',
      '-',
      '',
      ' ',
      'Jyväskylä',
      'Jyvaskyla',
      'Åbo',
      'Turku',
      ' Oulu ',
    );
    fc.assert(
      fc.property(fc.array(town, { maxLength: 40 }), (towns) => {
        const t = toMatchTable(
          ['postOffice'],
          towns.map((x) => [x]),
        );
        expect([...t.town.subarray(0, towns.length)]).toEqual(townsByDefinition(towns));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps one vocabulary per table pair: a second table reuses the first one's ids", () => {
    const v = new Vocabulary();
    const list = toMatchTable(['postOffice'], [['Helsingfors'], ['-']], v);
    const customers = toMatchTable(['postOffice'], [['HKI'], ['Helsinki']], v);
    expect(list.town[0]).toBe(customers.town[0]);
    expect(customers.town[1]).toBe(customers.town[0]);
    expect(list.town[1]).toBe(NONE);
    expect(v.strings).toEqual(['helsinki']);
  });
});

/** A row's address as it was made before Vocabulary.address: every row parsed and looked up. */
function addressByDefinition(raw: string, postal: string) {
  const text = raw.trim();
  const p = text ? parseStreetAddress(text) : null;
  const hasStreet = p !== null && /[^\d\s]/.test(p.street);
  const l = p ? (p.letter ?? (p.apartment ? null : p.staircase)) : null;
  const letter = l && l.length === 1 ? l.toLowerCase().charCodeAt(0) : 0;
  return {
    street: hasStreet ? p!.street : null,
    house: hasStreet && p!.number ? parseInt(p!.number, 10) * 65536 + letter : NONE,
    unit: hasStreet && p!.apartment ? String(p!.apartment).toLowerCase() : null,
    postalCode: normalizePostalCode(postal.trim()) ?? (hasStreet ? (p!.postalCode ?? null) : null),
  };
}

const addressOf = (t: MatchTable, i: number) => ({
  street: t.street[i]! === NONE ? null : t.text(t.street[i]!),
  house: t.house[i]!,
  unit: t.unit[i]! === NONE ? null : t.text(t.unit[i]!),
  postalCode: t.postalCode[i]! === NONE ? null : String(t.postalCode[i]!).padStart(5, '0'),
});

describe('MatchTable addresses', () => {
  const address = fc.constantFrom(
    'Vapaudenkatu 78',
    'Vapaudenkatu 78 B 12',
    'Vapaudenkatu 78b',
    'Koivutie 33 A',
    'Mannerheimintie 5 A as 11',
    'Hämeenkatu 1, 33100 Tampere',
    'Hämeenkatu 1-3',
    'PL 12',
    '37',
    ' ',
    '-',
    '',
    'Torikatu 49b',
    'Asemakatu 6 C',
  );
  const postal = fc.constantFrom('', '00100', '33100', 'x', ' 70170 ');

  it('gives every row what parsing that row alone gives, in either of two tables of one vocabulary', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(address, postal), { maxLength: 30 }),
        fc.array(fc.tuple(address, postal), { maxLength: 30 }),
        (a, b) => {
          const v = new Vocabulary();
          // A vocabulary that has seen other strings first: ids differ from another thread's.
          v.id('kauppakatu');
          const keys = ['streetAddress', 'postalCode'];
          const ta = toMatchTable(keys, a, v);
          const tb = toMatchTable(keys, b, v);
          a.forEach(([raw, pc], i) => expect(addressOf(ta, i)).toEqual(addressByDefinition(raw, pc)));
          b.forEach(([raw, pc], i) => expect(addressOf(tb, i)).toEqual(addressByDefinition(raw, pc)));
          // Equal streets are equal ids across the two tables (the comparison compares ids).
          for (let i = 0; i < a.length; i++)
            for (let j = 0; j < b.length; j++) {
              const same = addressOf(ta, i).street !== null && addressOf(ta, i).street === addressOf(tb, j).street;
              expect(ta.street[i] === tb.street[j] && ta.street[i] !== NONE).toBe(same);
            }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps each vocabulary its own ids: an address seen by another vocabulary first', () => {
    const other = new Vocabulary();
    other.id('x');
    other.id('y');
    toMatchTable(['streetAddress'], [['Vapaudenkatu 78 B 12']], other);
    const v = new Vocabulary();
    const t = toMatchTable(['streetAddress'], [['Vapaudenkatu 78 B 12']], v);
    expect(addressOf(t, 0)).toEqual(addressByDefinition('Vapaudenkatu 78 B 12', ''));
    expect(v.strings).toEqual([t.text(t.street[0]!), '12']);
  });
});

/** MatchTable.nameFrequency as it was first written: one count per row, two maps. */
function frequenciesByDefinition(t: MatchTable): number[] {
  const keyOf = (r: number) => (t.companyWords[r] ? `c:${t.compact[r]}` : t.personWords[r] ? `p:${wordsKey(t.personWords[r]!)}` : null);
  const counts = new Map<string, number>();
  let companies = 0;
  let persons = 0;
  for (let r = 0; r < t.size; r++) {
    const k = keyOf(r);
    if (k === null) continue;
    if (k.startsWith('c:')) companies++;
    else persons++;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return Array.from({ length: t.size }, (_, r) => {
    const k = keyOf(r);
    return k === null ? 0 : counts.get(k)! / (k.startsWith('c:') ? companies : persons);
  });
}

describe('MatchTable.nameFrequency', () => {
  it("is the share of the table's named rows of the same kind whose name is the row's", () => {
    const company = fc.constantFrom(
      '',
      'Virtanen Oy',
      'Virtanen Ab',
      'Oy Virtanen',
      'Kivi & Puu Ky',
      'Kivi ja Puu',
      'Haapalahti Tmi',
      'Oy',
      '-',
    );
    const person = fc.constantFrom(
      '',
      'Matti Virtanen',
      'Virtanen Matti',
      'Anna-Liisa Koski',
      'Anna Liisa Koski',
      'Aino Haapalahti',
      'Dr',
      '-',
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(company, person), { maxLength: 40 }), (rows) => {
        const t = toMatchTable(['companyName', 'fullName'], rows);
        const got = Array.from({ length: t.size }, (_, r) => t.nameFrequency(r));
        expect(got).toEqual(frequenciesByDefinition(t));
      }),
      { numRuns: 300 },
    );
  });
});

describe('MatchTable person words', () => {
  it("are personNameWords' words, one array for the rows of one name", () => {
    const first = fc.constantFrom('', 'Matti', 'Anna-Liisa', 'Dr', 'Åke');
    const last = fc.constantFrom('', 'Virtanen', 'Mäkelä', '-');
    const full = fc.constantFrom('', 'Virtanen Matti', 'Aino Haapalahti');
    fc.assert(
      fc.property(fc.array(fc.tuple(first, last, full), { maxLength: 40 }), (rows) => {
        const t = toMatchTable(['firstName', 'lastName', 'fullName'], rows);
        rows.forEach(([f, l, n], i) => {
          const words = personNameWords(f, l, n);
          expect(t.personWords[i]).toEqual(words.length ? words : null);
        });
        for (let i = 0; i < rows.length; i++)
          for (let j = 0; j < i; j++) {
            if (rows[i]!.join('|') === rows[j]!.join('|') && t.personWords[i]) expect(t.personWords[i]).toBe(t.personWords[j]);
          }
      }),
      { numRuns: 200 },
    );
  });
});

describe('MatchTable answers kept by row', () => {
  const company = fc.constantFrom('', 'Tmi Matti Virtanen', 'Virtanen Matti Ky', 'Rakennus Virtanen Oy', 'Oy Matti Ab');
  const contact = fc.constantFrom('', 'Matti Virtanen', 'Virtanen', 'Liisa Virtanen', 'Matti');
  it('contactInName is whether every word of the contact is a word of the company name, asked in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(company, contact), { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 60 }), (rows, asks) => {
        const t = toMatchTable(['companyName', 'fullName'], rows);
        for (const a of asks.map((n) => n % Math.max(1, rows.length))) {
          if (!t.companyWords[a] || !t.personWords[a]) continue;
          expect(t.contactInName(a)).toBe(t.personWords[a]!.every((w) => t.companyWords[a]!.includes(w)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("nameWordsKey is wordsKey of the words a pair of its kind compares, asked in any order", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(company, contact), { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 60 }), (rows, asks) => {
        const t = toMatchTable(['companyName', 'fullName'], rows);
        for (const n of asks) {
          const i = n % Math.max(1, rows.length);
          if (i >= t.size) continue;
          const kind = n % 2 ? 'company' : 'person';
          const words = kind === 'company' ? t.companyWords[i] : (t.personWords[i] ?? t.companyWords[i]);
          expect(t.nameWordsKey(i, kind)).toBe(words ? wordsKey(words) : -1);
        }
      }),
      { numRuns: 200 },
    );
  });
});
