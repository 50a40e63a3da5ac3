/**
 * compareWithoutNames and the engine's bounds (mayBeExactName, comparesContacts,
 * mayBeExactContact) read a customer from its row fields (comparison.ts rowAt: the dozen columns
 * side by side, strings by their hashes) for speed. Their answers must be those of reading the
 * columns themselves, which is what the references below do: the definitions as they were
 * before the row fields, kept here word for word.
 */
import fc from 'fast-check';
import {
  abbreviates,
  comparesContacts,
  compareWithoutNames,
  mayBeExactContact,
  mayBeExactName,
  oneSlipApart,
  type ComparisonVector,
} from '../../../src/core/matching/comparison';
import { jaroWinklerAtLeast, jaroWinklerBound } from '../../../src/core/matching/similarity';
import { NONE, toMatchTable, Vocabulary, type MatchTable } from '../../../src/core/matching/record';

function similarStreets(t: MatchTable, a: number, b: number, persons: boolean): boolean {
  const x = t.text(a);
  const y = t.text(b);
  return (
    (x.length >= 6 && jaroWinklerBound(x.length, y.length) >= 0.94 && jaroWinklerAtLeast(x, y, 0.94) > 0) ||
    abbreviates(x, y) ||
    abbreviates(y, x) ||
    (persons && x.length >= 8 && oneSlipApart(x, y))
  );
}

function compareAddress(l: MatchTable, i: number, c: MatchTable, j: number, persons: boolean): ComparisonVector['address'] {
  const xs = l.street[i]!;
  const ys = c.street[j]!;
  if (xs === NONE || ys === NONE) return null;
  const sameStreet = xs === ys || similarStreets(l, xs, ys, persons);
  const xh = l.house[i]!;
  const yh = c.house[j]!;
  if (xh === NONE || yh === NONE) return sameStreet ? 'street' : 'different';
  const xu = l.unit[i]!;
  const yu = c.unit[j]!;
  if (!sameStreet) {
    return xh >> 16 === yh >> 16 && (xh & 0xffff) === (yh & 0xffff) && (xu === NONE) === (yu === NONE) && xu === yu ? 'otherStreet' : 'different';
  }
  if (xh !== yh) {
    if (xh >> 16 !== yh >> 16 || (xh & 0xffff && yh & 0xffff)) return 'street';
    return xu !== NONE && yu !== NONE && xu !== yu ? 'otherUnit' : 'house';
  }
  if (xu !== NONE && yu !== NONE) return xu === yu ? 'exact' : 'otherUnit';
  return xu !== NONE || yu !== NONE ? 'house' : 'exact';
}

function oneDigitApart(a: number, b: number): boolean {
  let diff = 0;
  const da: number[] = [];
  const db: number[] = [];
  for (let k = 0; k < 5; k++) {
    const x = a % 10;
    const y = b % 10;
    a = (a - x) / 10;
    b = (b - y) / 10;
    da.push(x);
    db.push(y);
    if (x !== y) diff++;
  }
  if (diff === 1) return true;
  for (let k = 0; k < 4; k++) if (da[k] !== db[k] && da[k] === db[k + 1] && da[k + 1] === db[k]) return diff === 2;
  return false;
}

function sameTown(v: Vocabulary, x: number, y: number): boolean {
  if (x === y) return true;
  const a = v.strings[x]!.replace(/ /g, '');
  const b = v.strings[y]!.replace(/ /g, '');
  return a === b || (Math.min(a.length, b.length) >= 4 && jaroWinklerBound(a.length, b.length) >= 0.92 && jaroWinklerAtLeast(a, b, 0.92) > 0);
}

function compareArea(l: MatchTable, i: number, c: MatchTable, j: number): ComparisonVector['area'] {
  const xp = l.postalCode[i]!;
  const yp = c.postalCode[j]!;
  const xt = l.town[i]!;
  const yt = c.town[j]!;
  const towns = xt !== NONE && yt !== NONE ? (sameTown(l.vocabulary, xt, yt) ? 'same' : 'different') : null;
  if (xp !== NONE && yp !== NONE) {
    if (xp === yp) return 'same';
    if (towns !== 'different' && oneDigitApart(xp, yp)) return 'near';
  }
  if (towns === null) return xp !== NONE && yp !== NONE ? 'different' : null;
  return towns === 'same' ? 'sameTown' : 'different';
}

function isMobile(p: number): boolean {
  while (p >= 100000) p = Math.floor(p / 10);
  return (p >= 35840 && p <= 35849) || p === 35850;
}

/** compareWithoutNames as defined on the columns. */
function reference(l: MatchTable, i: number, c: MatchTable, j: number): ComparisonVector {
  let nameKind: ComparisonVector['nameKind'] = 'company';
  let legalForm: ComparisonVector['legalForm'] = null;
  if (l.companyWords[i] && c.companyWords[j]) {
    const xf = l.legalForm[i]!;
    const yf = c.legalForm[j]!;
    legalForm = xf && yf ? (xf === yf ? 'same' : 'different') : null;
  } else if (l.personWords[i] || c.personWords[j]) nameKind = 'person';
  const id = (a: number, b: number) => (a === NONE || b === NONE ? null : a === b ? 'same' : 'different');
  const a = l.phone[i]!;
  const b = c.phone[j]!;
  const x = l.email[i];
  const y = c.email[j];
  const d = l.emailDomain[i];
  return {
    businessId: id(l.businessId[i]!, c.businessId[j]!),
    phone: a === NONE || b === NONE ? null : a === b ? 'same' : isMobile(a) !== isMobile(b) ? 'otherKind' : 'different',
    email: !x || !y ? null : x === y ? 'same' : d && d === c.emailDomain[j] ? 'sameDomain' : 'different',
    name: null,
    nameKind,
    nameSimilarity: 0,
    nameFrequency: 0,
    legalForm,
    contact: null,
    address: compareAddress(l, i, c, j, nameKind === 'person'),
    area: compareArea(l, i, c, j),
  };
}

function mayBeExactNameReference(v: ComparisonVector, l: MatchTable, i: number, c: MatchTable, j: number): boolean {
  const kind = v.nameKind;
  if (kind === 'company') return l.compact[i] === c.compact[j] || l.nameWordsKey(i, kind) === c.nameWordsKey(j, kind);
  return l.joinedName(i) === c.joinedName(j) || l.nameWordsKey(i, kind) === c.nameWordsKey(j, kind);
}

const namesContact = (t: MatchTable, i: number) => t.personWords[i]!.every((w) => t.companyWords[i]!.includes(w));
function comparesContactsReference(l: MatchTable, i: number, c: MatchTable, j: number): boolean {
  return !!(l.companyWords[i] && c.companyWords[j] && l.personWords[i] && c.personWords[j]) && !(namesContact(l, i) && namesContact(c, j));
}

const KEYS = ['businessId', 'phone', 'email', 'companyName', 'firstName', 'lastName', 'streetAddress', 'postalCode', 'postOffice'];
const row = fc.tuple(
  fc.constantFrom('', '0112038-9', '2345678-0', '1572860-0'),
  // Mobiles and not; numbers whose lower 32 bits are 2^31 or more (+358 45 …, +1 …).
  fc.constantFrom('', '040 123 4567', '0401234567', '050 765 4321', '09 123 4567', '03 2123 456', '+358 45 999 9999', '+1 212 555 0199', '+44 20 7946 0958', '+358 18 12345'),
  fc.constantFrom('', 'info@virtanen.fi', 'myynti@virtanen.fi', 'matti@gmail.com', 'info@laine.fi', 'matti.virtanen@gmail.com'),
  fc.constantFrom('', 'Virtasen Rakennus Oy', 'Virtasen Rakennus Ky', 'Rakennus Virtasen Oy', 'Tmi Matti Virtanen', 'Tmi Virtanen Matti', 'Laine Ay', 'Asunto Oy Kotikatu 1'),
  fc.constantFrom('', 'Matti', 'Liisa', 'Virtanen'),
  fc.constantFrom('', 'Virtanen', 'Laine', 'Matti'),
  fc.constantFrom('', 'Hämeenkatu 12 A 5', 'Hämenkatu 12 A 5', 'Hämeenkatu 12 A 6', 'Hämeenkatu 12', 'Hämeenkatu 12b', 'Kauppakatu 12 A 5', 'Mäntyp. 3', 'Mäntypolku 3', 'Kauppskatu 4', 'Kauppakatu 4'),
  fc.constantFrom('', '33100', '31300', '33110', '33101', '00100', '13300', '35300', '33500'),
  fc.constantFrom('', 'Tampere', 'Tampre', 'Helsinki', 'Tammerfors', 'Malvern East', 'Malverneast'),
);

describe('compareWithoutNames and the bounds from the row fields', () => {
  it('give every pair the answers of the columns, whichever table is the customers, asked in any order', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), fc.array(row, { minLength: 1, maxLength: 12 }), (a, b) => {
        const v = new Vocabulary();
        const l = toMatchTable(KEYS, a, v);
        const c = toMatchTable(KEYS, b, v);
        for (const [x, y] of [[l, c], [c, l], [l, l]] as const)
          for (let j = y.size - 1; j >= 0; j--)
            for (let i = 0; i < x.size; i++) {
              const v = compareWithoutNames(x, i, y, j);
              expect(v).toEqual(reference(x, i, y, j));
              expect(mayBeExactName(v, x, i, y, j)).toBe(mayBeExactNameReference(v, x, i, y, j));
              expect(comparesContacts(x, i, y, j)).toBe(comparesContactsReference(x, i, y, j));
              expect(mayBeExactContact(x, i, y, j)).toBe(x.nameWordsKey(i, 'person') === y.nameWordsKey(j, 'person'));
            }
      }),
      { numRuns: 60 },
    );
  });

  it('reads a table again after its rows were let go (forgetRows): their emails are absent', () => {
    const v = new Vocabulary();
    const t = toMatchTable(KEYS, [['', '', 'info@virtanen.fi', 'Virtasen Rakennus Oy', '', '', '', '', '']], v);
    expect(compareWithoutNames(t, 0, t, 0).email).toBe('same');
    t.forgetRows(0, 1);
    const other = toMatchTable(KEYS, [['', '', 'info@virtanen.fi', 'Virtasen Rakennus Oy', '', '', '', '', '']], v);
    expect(compareWithoutNames(other, 0, t, 0)).toEqual(reference(other, 0, t, 0));
    expect(compareWithoutNames(other, 0, t, 0).email).toBeNull();
  });
});
