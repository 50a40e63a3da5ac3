/**
 * Stage 3 of matching: comparisons. Each field of a candidate pair is given a level, in the
 * manner of Splink ("exact", "mistyped", "else"); the model (model.ts) turns levels into
 * weights. A missing value on either side gives no level at all: it is neither for nor against.
 */
import { alignWords, jaroWinklerAtLeast, jaroWinklerBound, samePersonWord, sameWord } from './similarity';
import type { MatchRecord } from './record';

export type IdLevel = 'same' | 'different';
export type EmailLevel = 'same' | 'sameDomain' | 'different';
/**
 * exact: the same words (any order, any legal form of the same family).
 * close: the same words, some mistyped ("Virtasen Rakenus").
 * subset: every word of the shorter name in the longer one ("Virtanen" ⊂ "Virtanen Rakennus").
 * partial: some words the same, some different ("Tmi Matti Virtanen" vs "Tmi Pekka Virtanen").
 * different: no word in common.
 */
export type NameLevel = 'exact' | 'close' | 'subset' | 'partial' | 'different';
/**
 * exact: same street, house and staircase/apartment. house: same street and house, the unit
 * given on one side only. otherUnit: same house, another apartment. street: same street,
 * another house. different: another street, or the same street name in another postal code.
 */
export type AddressLevel = 'exact' | 'house' | 'otherUnit' | 'street' | 'different';
/** sameTown: postal code missing on one side, the same post office or municipality. */
export type AreaLevel = 'same' | 'sameTown' | 'different';

/** Which kind of name the pair is compared on. */
export type NameKind = 'company' | 'person';

export interface ComparisonVector {
  businessId: IdLevel | null;
  phone: IdLevel | null;
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

function id(a: string | null, b: string | null): IdLevel | null {
  if (!a || !b) return null;
  return a === b ? 'same' : 'different';
}

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
  return { level: 'partial', similarity };
}

/**
 * Street names mistyped ("Hämeenkatu" / "Hämenkatu"): Jaro-Winkler ≥ 0.94. A town has few
 * streets and every pair in one postal code asks about the same few, so answers are kept.
 */
const streetPairs = new Map<string, Map<string, boolean>>();
let streetPairCount = 0;
function similarStreets(a: string, b: string): boolean {
  let row = streetPairs.get(a);
  if (!row) {
    if (streetPairCount > 200_000) {
      streetPairs.clear();
      streetPairCount = 0;
    }
    streetPairs.set(a, (row = new Map()));
  }
  let same = row.get(b);
  if (same === undefined) {
    same = jaroWinklerAtLeast(a, b, 0.94) > 0;
    row.set(b, same);
    streetPairCount++;
  }
  return same;
}

function compareAddress(a: MatchRecord, b: MatchRecord): AddressLevel | null {
  const x = a.address;
  const y = b.address;
  if (!x || !y) return null;
  // "Koulukatu 1" is in every town: a street only counts within the same postal code or town.
  if (a.postalCode && b.postalCode && a.postalCode !== b.postalCode) return 'different';
  if (!(a.postalCode && b.postalCode) && a.town && b.town && a.town !== b.town) return 'different';
  const sameStreet =
    x.street === y.street ||
    (x.street.length >= 6 && jaroWinklerBound(x.street.length, y.street.length) >= 0.94 && similarStreets(x.street, y.street));
  if (!sameStreet) return 'different';
  if (!x.house || !y.house) return 'street';
  if (x.house !== y.house) {
    // "12" and "12a": the letter written on one side only.
    const nx = parseInt(x.house, 10);
    const ny = parseInt(y.house, 10);
    if (nx !== ny || (x.house !== String(nx) && y.house !== String(ny))) return 'street';
    return 'house';
  }
  if (x.unit && y.unit) return x.unit === y.unit ? 'exact' : 'otherUnit';
  return x.unit || y.unit ? 'house' : 'exact';
}

function compareArea(a: MatchRecord, b: MatchRecord): AreaLevel | null {
  if (a.postalCode && b.postalCode) return a.postalCode === b.postalCode ? 'same' : 'different';
  if (a.town && b.town) return a.town === b.town ? 'sameTown' : 'different';
  return null;
}

/** True when every word of the row's contact person is a word of its company name. */
function namesContact(r: MatchRecord): boolean {
  const words = r.company!.tokens;
  for (const w of r.person!.all) if (!words.includes(w)) return false;
  return true;
}

/** The email level of a pair (null when either has none). */
function compareEmail(a: MatchRecord, b: MatchRecord): EmailLevel | null {
  if (!a.email || !b.email) return null;
  return a.email === b.email ? 'same' : a.emailDomain && a.emailDomain === b.emailDomain ? 'sameDomain' : 'different';
}

/**
 * The identifier levels alone (business id, phone, email): cheap string equalities, asked
 * before the whole comparison to tell a pair that cannot beat the best one so far (engine.ts).
 */
export function compareIdentifiers(a: MatchRecord, b: MatchRecord): IdentifierLevels {
  return compareIdentifiersInto(a, b, { businessId: null, phone: null, email: null });
}

export type IdentifierLevels = Pick<ComparisonVector, 'businessId' | 'phone' | 'email'>;

/** compareIdentifiers written into `out`: the engine reuses one object for every pair it asks. */
export function compareIdentifiersInto(a: MatchRecord, b: MatchRecord, out: IdentifierLevels): IdentifierLevels {
  out.businessId = id(a.businessId, b.businessId);
  out.phone = id(a.phone, b.phone);
  out.email = compareEmail(a, b);
  return out;
}

export function compareRecords(a: MatchRecord, b: MatchRecord): ComparisonVector {
  let name: NameLevel | null = null;
  let nameKind: NameKind = 'company';
  let nameSimilarity = 0;
  let contact: NameLevel | null = null;
  let legalForm: IdLevel | null = null;
  if (a.company && b.company) {
    const c = compareNames(a.company.tokens, b.company.tokens, a.company.compact, b.company.compact, samePersonWord);
    name = c.level;
    nameSimilarity = c.similarity;
    legalForm = id(a.company.legalForm, b.company.legalForm);
    // A sole trader's name is its owner's name ("Tmi Matti Virtanen", contact Matti Virtanen):
    // the contact then says nothing the name did not, and is not counted twice.
    if (a.person && b.person && !(namesContact(a) && namesContact(b))) {
      contact = compareNames(a.person.all, b.person.all, undefined, undefined, samePersonWord).level;
    }
  } else if (a.person || b.person) {
    // Persons, or a sole trader ("Tmi Matti Virtanen") against a person's name.
    const x = a.person?.all ?? a.company?.tokens;
    const y = b.person?.all ?? b.company?.tokens;
    nameKind = 'person';
    if (x && y) {
      const c = compareNames(x, y, undefined, undefined, samePersonWord);
      name = c.level;
      nameSimilarity = c.similarity;
    }
  }
  return {
    businessId: id(a.businessId, b.businessId),
    phone: id(a.phone, b.phone),
    email: compareEmail(a, b),
    name,
    nameKind,
    nameSimilarity,
    legalForm,
    contact,
    address: compareAddress(a, b),
    area: compareArea(a, b),
  };
}
