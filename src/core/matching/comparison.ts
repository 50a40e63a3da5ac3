/**
 * Stage 3 of matching: comparisons. Each field of a candidate pair is given a level, in the
 * manner of Splink ("exact", "mistyped", "else"); the model (model.ts) turns levels into
 * weights. A missing value on either side gives no level at all: it is neither for nor against.
 */
import { alignWords, jaroWinklerAtLeast, jaroWinklerBound, samePersonWord, sameWord } from './similarity';
import { isCommonFirstName } from '../normalize/firstNames';
import { NONE, type MatchTable } from './record';

export type IdLevel = 'same' | 'different';
/**
 * otherKind: one number a mobile, the other not — a register keeps the contact's mobile where a
 * directory has the switchboard; weaker evidence against than two different numbers of a kind.
 */
export type PhoneLevel = IdLevel | 'otherKind';
export type EmailLevel = 'same' | 'sameDomain' | 'different';
/**
 * exact: the same words (any order, any legal form of the same family).
 * close: the same words, some mistyped ("Virtasen Rakenus").
 * subset: every word of the shorter name in the longer one ("Virtanen" ⊂ "Virtanen Rakennus").
 * partial: some words the same, some different ("Tmi Matti Virtanen" vs "Tmi Pekka Virtanen").
 * otherFirstName: persons whose names share a word but where each has a common first name the
 *   other lacks ("Matti Virtanen" / "Liisa Virtanen"): a family member as often as the person.
 * otherNumber: company names whose numbers differ ("Asunto Oy Kotikatu 1" / "… 3"): numbered
 *   housing and property companies are different companies (issue 17, item 10).
 * different: no word in common.
 */
export type NameLevel = 'exact' | 'close' | 'subset' | 'partial' | 'otherFirstName' | 'otherNumber' | 'different';
/**
 * exact: same street, house and staircase/apartment. house: same street and house, the unit
 * given on one side only. otherUnit: same house, another apartment. street: same street,
 * another house. otherPostcode: same street, house number and town (or no town given), but
 * the postal codes differ in one digit — a mistyped postal code, weak evidence against the
 * address rather than "another address" (issue 12, misses 1 and 6). different: another street,
 * or the same street name in another postal code.
 */
export type AddressLevel = 'exact' | 'house' | 'otherPostcode' | 'otherUnit' | 'street' | 'different';
/** sameTown: postal code missing on one side, the same post office or municipality. */
export type AreaLevel = 'same' | 'sameTown' | 'different';

/** Which kind of name the pair is compared on. */
export type NameKind = 'company' | 'person';

export interface ComparisonVector {
  businessId: IdLevel | null;
  phone: PhoneLevel | null;
  email: EmailLevel | null;
  name: NameLevel | null;
  nameKind: NameKind;
  /** Word similarity of the names in 0–1, for the reason ("Nimi 96 %"). */
  nameSimilarity: number;
  /** Legal-form family of two company names (Oy vs Ky). */
  legalForm: IdLevel | null;
  /** Contact persons of two company rows. */
  contact: NameLevel | null;
  address: AddressLevel | null;
  area: AreaLevel | null;
}

export type FieldName = 'businessId' | 'phone' | 'email' | 'name' | 'legalForm' | 'contact' | 'address' | 'area';

export function compareNames(
  a: readonly string[],
  b: readonly string[],
  compactA?: string,
  compactB?: string,
  same: (x: string, y: string) => number = sameWord,
): { level: NameLevel; similarity: number } {
  if (compactA !== undefined && compactA === compactB) return { level: 'exact', similarity: 1 };
  const al = alignWords(a, b, same);
  const longer = Math.max(a.length, b.length);
  if (al.unaligned === 0 && al.extra === 0) {
    if (al.similarity === 1) return { level: 'exact', similarity: 1 };
    return { level: 'close', similarity: al.similarity };
  }
  // Words glued or split differently ("Autovirtanen" / "Auto Virtanen Ky" mistyped).
  if (compactA !== undefined && compactB !== undefined) {
    // Lengths first: most pairs of a run are plainly different names.
    if (Math.abs(compactA.length - compactB.length) <= 2 && jaroWinklerBound(compactA.length, compactB.length) >= 0.95) {
      const jw = jaroWinklerAtLeast(compactA, compactB, 0.95);
      if (jw > 0) return { level: 'close', similarity: jw };
    }
  }
  if (al.aligned === 0) return { level: 'different', similarity: 0 };
  const similarity = (al.similarity * al.aligned) / longer;
  if (al.unaligned === 0) return { level: 'subset', similarity };
  return { level: same === samePersonWord && otherFirstNames(a, b) ? 'otherFirstName' : 'partial', similarity };
}

/** Each name has a common first name the other lacks ("Matti Virtanen" / "Liisa Virtanen"). */
function otherFirstNames(a: readonly string[], b: readonly string[]): boolean {
  const lacks = (x: readonly string[], y: readonly string[]) => x.some((w) => isCommonFirstName(w) && !y.includes(w));
  return lacks(a, b) && lacks(b, a);
}

/** The numbers of a company name's words, in order ("Kotikatu 1 B" → "1"); '' when none. */
function numbersOf(words: readonly string[]): string {
  let out = '';
  for (const w of words) if (w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57) out += (out ? ' ' : '') + w;
  return out;
}

/**
 * Street names mistyped ("Hämeenkatu" / "Hämenkatu"): Jaro-Winkler ≥ 0.94. A town has few
 * streets and every pair in one postal code asks about the same few, so answers are kept, by
 * the pair of vocabulary ids.
 */
const streetPairs = new Map<number, boolean>();
function similarStreets(t: MatchTable, a: number, b: number): boolean {
  const pair = a * 0x400000 + b;
  let same = streetPairs.get(pair);
  if (same === undefined) {
    const x = t.text(a);
    const y = t.text(b);
    same = x.length >= 6 && jaroWinklerBound(x.length, y.length) >= 0.94 && jaroWinklerAtLeast(x, y, 0.94) > 0;
    if (streetPairs.size > 200_000) streetPairs.clear();
    streetPairs.set(pair, same);
  }
  return same;
}

/** One row of the list against one customer: the two tables and a row of each. */
function compareAddress(l: MatchTable, i: number, c: MatchTable, j: number): AddressLevel | null {
  const xs = l.street[i]!;
  const ys = c.street[j]!;
  if (xs === NONE || ys === NONE) return null;
  // "Koulukatu 1" is in every town: a street only counts within the same postal code or town.
  const xp = l.postalCode[i]!;
  const yp = c.postalCode[j]!;
  const xt = l.town[i]!;
  const yt = c.town[j]!;
  const towns = xt !== NONE && yt !== NONE ? (xt === yt ? 'same' : 'different') : null;
  let postcodeSlip = false;
  if (xp !== NONE && yp !== NONE) {
    if (xp !== yp) {
      // Another postal code in the same town (or no town to say) that is one digit off: a
      // mistyped code when street and house agree too (checked below), else another address.
      if (towns === 'different' || !oneDigitApart(xp, yp)) return 'different';
      postcodeSlip = true;
    }
  } else if (towns === 'different') return 'different';
  if (xs !== ys && !similarStreets(l, xs, ys)) return 'different';
  const xh = l.house[i]!;
  const yh = c.house[j]!;
  if (postcodeSlip) return xh !== NONE && xh === yh ? 'otherPostcode' : 'different';
  if (xh === NONE || yh === NONE) return 'street';
  if (xh !== yh) {
    // "12" and "12a": the letter written on one side only.
    if (xh >> 16 !== yh >> 16 || (xh & 0xffff && yh & 0xffff)) return 'street';
    return 'house';
  }
  const xu = l.unit[i]!;
  const yu = c.unit[j]!;
  if (xu !== NONE && yu !== NONE) return xu === yu ? 'exact' : 'otherUnit';
  return xu !== NONE || yu !== NONE ? 'house' : 'exact';
}

/** Two five-digit postal codes (as numbers) that differ in exactly one digit, or two swapped. */
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
  // Two neighbouring digits swapped ("33500" / "35300").
  for (let k = 0; k < 4; k++) if (da[k] !== db[k] && da[k] === db[k + 1] && da[k + 1] === db[k]) return diff === 2;
  return false;
}

function compareArea(l: MatchTable, i: number, c: MatchTable, j: number): AreaLevel | null {
  const xp = l.postalCode[i]!;
  const yp = c.postalCode[j]!;
  if (xp !== NONE && yp !== NONE) return xp === yp ? 'same' : 'different';
  const xt = l.town[i]!;
  const yt = c.town[j]!;
  if (xt !== NONE && yt !== NONE) return xt === yt ? 'sameTown' : 'different';
  return null;
}

/** True when every word of the row's contact person is a word of its company name. */
function namesContact(t: MatchTable, i: number): boolean {
  const words = t.companyWords[i]!;
  for (const w of t.personWords[i]!) if (!words.includes(w)) return false;
  return true;
}

function numberId(a: number, b: number): IdLevel | null {
  if (a === NONE || b === NONE) return null;
  return a === b ? 'same' : 'different';
}

/** A Finnish mobile number (E.164 digits as a number): 358 4x… or 358 50…. */
function isMobile(p: number): boolean {
  // The first five digits, by arithmetic (a string per comparison cost more than the rest).
  while (p >= 100000) p = Math.floor(p / 10);
  return (p >= 35840 && p <= 35849) || p === 35850;
}

function comparePhones(a: number, b: number): PhoneLevel | null {
  if (a === NONE || b === NONE) return null;
  if (a === b) return 'same';
  return isMobile(a) !== isMobile(b) ? 'otherKind' : 'different';
}

/** The email level of a pair (null when either has none). */
function compareEmail(l: MatchTable, i: number, c: MatchTable, j: number): EmailLevel | null {
  const x = l.email[i];
  const y = c.email[j];
  if (!x || !y) return null;
  if (x === y) return 'same';
  const d = l.emailDomain[i];
  return d && d === c.emailDomain[j] ? 'sameDomain' : 'different';
}

/** Compares row `i` of the list with row `j` of the customer register, field by field. */
export function compareRows(l: MatchTable, i: number, c: MatchTable, j: number): ComparisonVector {
  return compareNamesInto(compareWithoutNames(l, i, c, j), l, i, c, j);
}

/**
 * Every field but the names (name, its similarity, the contact person): equalities of numbers
 * and short strings. The engine weighs this part first and compares the names, the costly
 * part, only when they could still make the pair count (engine.ts).
 */
export function compareWithoutNames(l: MatchTable, i: number, c: MatchTable, j: number): ComparisonVector {
  let nameKind: NameKind = 'company';
  let legalForm: IdLevel | null = null;
  if (l.companyWords[i] && c.companyWords[j]) {
    const xf = l.legalForm[i]!;
    const yf = c.legalForm[j]!;
    legalForm = xf && yf ? (xf === yf ? 'same' : 'different') : null;
  } else if (l.personWords[i] || c.personWords[j]) {
    // Persons, or a sole trader ("Tmi Matti Virtanen") against a person's name.
    nameKind = 'person';
  }
  const address = compareAddress(l, i, c, j);
  return {
    businessId: numberId(l.businessId[i]!, c.businessId[j]!),
    phone: comparePhones(l.phone[i]!, c.phone[j]!),
    email: compareEmail(l, i, c, j),
    name: null,
    nameKind,
    nameSimilarity: 0,
    legalForm,
    contact: null,
    address,
    // The postal code is a field of the address: when the street was compared within the same
    // area (any level but "different") the area is part of that level, not counted again (two
    // weights for one agreement made a family member at the customer's address a match).
    area: address === null || address === 'different' ? compareArea(l, i, c, j) : null,
  };
}

/** Completes a comparison of compareWithoutNames with the names: name, similarity, contact. */
export function compareNamesInto(v: ComparisonVector, l: MatchTable, i: number, c: MatchTable, j: number): ComparisonVector {
  const xc = l.companyWords[i];
  const yc = c.companyWords[j];
  const xp = l.personWords[i];
  const yp = c.personWords[j];
  if (xc && yc) {
    const n = compareNames(xc, yc, l.compact[i], c.compact[j], samePersonWord);
    // Two sole traders' names ("Tmi Matti Virtanen" / "Tmi Pekka Virtanen") are partial.
    v.name = n.level === 'otherFirstName' ? 'partial' : n.level;
    v.nameSimilarity = n.similarity;
    // A number in a company's name is part of its identity: "Asunto Oy Helsingin Kotikatu 1"
    // and "… 3" (or "… 41") are two housing companies however alike the rest of the name.
    if (n.level !== 'different') {
      const xn = numbersOf(xc);
      const yn = numbersOf(yc);
      if (xn && yn && xn !== yn) v.name = 'otherNumber';
    }
    // A sole trader's name is its owner's name ("Tmi Matti Virtanen", contact Matti Virtanen):
    // the contact then says nothing the name did not, and is not counted twice.
    if (xp && yp && !(namesContact(l, i) && namesContact(c, j))) {
      const contact = compareNames(xp, yp, undefined, undefined, samePersonWord).level;
      v.contact = contact === 'otherFirstName' ? 'partial' : contact;
    }
  } else if (xp || yp) {
    const x = xp ?? xc;
    const y = yp ?? yc;
    if (x && y) {
      // A company's name against a person's name: a hyphen splits a company's words
      // ("IT-Palvelu" → "it palvelu") but joins a person's ("Anna-Liisa"), so the names are
      // also compared run together ("Mäki IT-Palvelu" on both sides is one name).
      const mixed = !xp !== !yp;
      const n = compareNames(x, y, mixed ? x.join('') : undefined, mixed ? y.join('') : undefined, samePersonWord);
      v.name = n.level;
      v.nameSimilarity = n.similarity;
    }
  }
  return v;
}
