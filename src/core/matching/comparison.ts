/**
 * Stage 3 of matching: comparisons. Each field of a candidate pair is given a level, in the
 * manner of Splink ("exact", "mistyped", "else"); the model (model.ts) turns levels into
 * weights. A missing value on either side gives no level at all: it is neither for nor against.
 */
import { alignWords, jaroWinklerAtLeast, jaroWinklerBound, samePersonWord, sameWord } from './similarity';
import { COMMON_FIRST_NAMES, isCommonFirstName } from '../normalize/firstNames';
import { isListedName, isNameForm } from './nameForms';
import { fnv1a, FNV_OFFSET, NONE, type MatchTable, type Vocabulary } from './record';

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
 * otherSurname: persons with the same first name and another surname ("Sari Nieminen" / "Sari
 *   Hämäläinen"): a surname changed at marriage, the way a customer's name most often changes
 *   in Finland; family members share the surname, not the first name.
 * otherNumber: company names whose numbers differ ("Asunto Oy Kotikatu 1" / "… 3"): numbered
 *   housing and property companies are different companies (issue 17, item 10).
 * different: no word in common.
 */
export type NameLevel = 'exact' | 'close' | 'subset' | 'partial' | 'otherFirstName' | 'otherSurname' | 'otherNumber' | 'different';
/**
 * The street address alone, whatever the postal code and town say (those are the area, a field
 * of their own): each part weighs for itself, so a mistyped postal code or a street written in
 * the other language costs that part, not the whole address (issue 12, misses 1, 6 and 7).
 * exact: same street (or mistyped, or abbreviated), house and apartment (or no apartment on
 *   either side). house: same street and house, the apartment or the letter on one side only.
 * otherUnit: same house, another apartment. street: same street, another house.
 * otherStreet: another street name with the same house number and apartment: a street written
 *   in Swedish on one side ("Kvarngränden 75 B 9" / "Myllynkuja 75 B 9"), renamed, or swapped
 *   with the address's extra line. different: another street and number.
 */
export type AddressLevel = 'exact' | 'house' | 'otherUnit' | 'street' | 'otherStreet' | 'different';
/**
 * same: the same postal code. near: postal codes one digit apart (or two neighbours swapped),
 * towns not different: a mistyped code. sameTown: another or a missing postal code, the same
 * post office or municipality. different: another postal code and town.
 */
export type AreaLevel = 'same' | 'near' | 'sameTown' | 'different';

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
  /**
   * For an exact name, the share of the customer register with that name (MatchTable.
   * nameFrequency), for the term-frequency adjustment (model.ts); 0 otherwise.
   */
  nameFrequency: number;
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
  /** Persons' names: a common first name on each side the other lacks is "otherFirstName". */
  persons = false,
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
  if (persons && otherFirstNames(a, b)) return { level: 'otherFirstName', similarity };
  return { level: persons && otherSurnames(a, b) ? 'otherSurname' : 'partial', similarity };
}

/**
 * Each name has a common first name the other lacks, and the two are not one name in a short
 * form ("Matti Virtanen" / "Liisa Virtanen", not "Jussi" / "Juhani" or "Sanna" / "Susanna").
 */
function otherFirstNames(a: readonly string[], b: readonly string[]): boolean {
  // Each first name as written and as the common name it was read as ("katri" is read as
  // "kari" mistyped, and is also "katariina" contracted). Plain loops: this runs for every
  // pair whose names agree in part, and arrays made per pair cost a tenth of a dense run.
  let ownA = false;
  let ownB = false;
  for (const x of a) {
    if (b.includes(x)) continue;
    const nx = asFirstName(x);
    if (nx === null) continue;
    ownA = true;
    for (const y of b) {
      if (a.includes(y)) continue;
      const ny = asFirstName(y);
      if (ny === null) continue;
      ownB = true;
      // One written as a name and the other one slip from it ("kayja" / "katja") is that name
      // mistyped; two names both as written ("hanna" / "hannu") are two people.
      if (!(nx === x && ny === y) && oneSlipApart(x, y)) return false;
      if (shortFormOf(x, y) || (nx !== x && shortFormOf(nx, y)) || (ny !== y && (shortFormOf(x, ny) || shortFormOf(nx, ny)))) return false;
    }
  }
  return ownA && ownB;
}

/**
 * The names share a common first name, and each has a word the other lacks that is no first
 * name: the same person under another surname (see NameLevel).
 */
function otherSurnames(a: readonly string[], b: readonly string[]): boolean {
  const shared = a.some((w) => b.includes(w) && asFirstName(w) !== null);
  const surname = (x: readonly string[], y: readonly string[]) => x.some((w) => !y.includes(w) && asFirstName(w) === null);
  return shared && surname(a, b) && surname(b, a);
}

/**
 * Two first names that may be one name, a short or pet form beside the full one: one the start
 * of the other ("juha" / "juhani", "eve" / "eveliina"), one of five letters or more the end of
 * the other ("sanna" / "susanna", "greta" / "margareta"), or a pet form of everyday Finnish
 * (PET_FORMS). Two names of a family that merely look alike ("janne" / "anne", "riitta" /
 * "risto") are not one name.
 */
function shortFormOf(x: string, y: string): boolean {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 3 && long.startsWith(short)) return true;
  if (short.length >= 5 && long.endsWith(short)) return true;
  // A contraction keeping the first syllable ("katri" / "katariina", "kati" / "katariina").
  if (short.length >= 4 && short.slice(0, 3) === long.slice(0, 3) && lettersInOrder(short, long, 3)) return true;
  if (PET_FORMS.get(short)?.includes(long) ?? PET_FORMS.get(long)?.includes(short) ?? false) return true;
  // A full name and the form its bearer goes by ("Johannes" / "Jukka", "Helena" / "Leena"),
  // and a double name by its first name ("Karl-Erik" / "Kalle").
  if (isNameForm(x, y)) return true;
  const dx = firstOfDouble(x);
  const dy = firstOfDouble(y);
  return (dx !== null && (dx === y || isNameForm(dx, y))) || (dy !== null && (dy === x || isNameForm(x, dy)));
}

/** The first name of a double name run together ("karlerik" → "karl"), or null. */
function firstOfDouble(w: string): string | null {
  for (let k = 3; k <= w.length - 3; k++) if (isCommonFirstName(w.slice(0, k)) && isCommonFirstName(w.slice(k))) return w.slice(0, k);
  return null;
}

/** Everyday pet forms whose full name neither starts nor ends with them (folded). */
const PET_FORMS = new Map<string, readonly string[]>([
  ['jussi', ['juhani', 'johannes']],
  ['kaisa', ['katariina', 'kaarina']],
  ['liisa', ['elisabet', 'elisabeth']],
  ['henkka', ['henrik', 'henrikki']],
  ['antsa', ['antti']],
  ['anu', ['anna', 'anne']],
]);

/**
 * The common first name a name part is, mistyped or not ("pftteri" → "petteri", Jaro-Winkler
 * ≥ 0.9 for parts of five letters or more, and at most a letter longer or shorter: a slip
 * adds or drops one letter), or null. Jaro-Winkler alone read surnames that begin with a first
 * name as that name ("heikkilä" as "Heikki", "karlsson" as "Karl": 0.9 from the shared start),
 * and "Helena Heikkilä" / "Juhani Heikkilä" at one address was then one person with a nickname.
 * Cached: a run asks about few names.
 */
const firstNameOf = new Map<string, string | null>();
function asFirstName(w: string): string | null {
  if (isCommonFirstName(w)) return w;
  let name = firstNameOf.get(w);
  if (name === undefined) {
    // A pet form or a form of a name ("antsa", "henkka", "gitta") is a first name too: "Antsa
    // Virtanen" / "Johanna Virtanen" at one address are two people of a family.
    name = isListedName(w) || PET_FORMS.has(w) ? w : null;
    // A common first name with a letter dropped ("mati", "tula", "anti"): four letters are too
    // few for Jaro-Winkler to tell a slip from another name, but a dropped letter is the
    // commonest slip, and no common surname is a first name less a letter.
    if (name === null && w.length === 4) {
      for (let k = 0; k <= 4 && name === null; k++)
        for (let ch = 97; ch <= 122 && name === null; ch++) {
          const n = w.slice(0, k) + String.fromCharCode(ch) + w.slice(k);
          if (isCommonFirstName(n)) name = n;
        }
    }
    // A double name run together ("ullamaija", "karlerik"): two common first names.
    for (let k = 3; k <= w.length - 3 && name === null; k++)
      if (isCommonFirstName(w.slice(0, k)) && isCommonFirstName(w.slice(k))) name = w;
    if (name === null && w.length >= 5) {
      for (const n of COMMON_FIRST_NAMES) {
        if (Math.abs(w.length - n.length) <= 1 && jaroWinklerAtLeast(w, n, 0.9) > 0) {
          name = n;
          break;
        }
      }
      // One slip early in the name ("tlina", "pepka", "mapti"): Jaro-Winkler weighs the first
      // letters most and puts these under 0.9, though one letter is wrong, dropped, added or two
      // swapped. The first letter kept: a slip there is rarer than another name.
      for (const n of COMMON_FIRST_NAMES) {
        if (name !== null) break;
        if (n.charCodeAt(0) === w.charCodeAt(0) && oneSlipApart(w, n)) name = n;
      }
    }
    if (firstNameOf.size > 50_000) firstNameOf.clear();
    firstNameOf.set(w, name);
  }
  return name;
}

/**
 * Whether two words differ by one slip: a letter replaced, dropped or added, or two neighbours
 * swapped (Damerau-Levenshtein distance 1).
 */
export function oneSlipApart(a: string, b: string): boolean {
  if (a === b) return false;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    // Replaced at i, or i and i + 1 swapped: the rest equal.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // Dropped or added at i.
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The numbers of a company name's words, in order ("Kotikatu 1 B" → "1"); '' when none. */
function numbersOf(words: readonly string[]): string {
  let out = '';
  for (const w of words) if (w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57) out += (out ? ' ' : '') + w;
  return out;
}

/**
 * Answers about a pair of vocabulary ids (similar streets, one town), kept: a run asks about
 * few values many times. Ids are the vocabulary's, so each vocabulary has its own answers (a
 * worker's table has another); past 200,000 answers they start again. Kept by the first id,
 * then the second (each under 2^30, so the maps' keys stay small integers: one key of both ids
 * was a heap number, made and hashed per look-up), and the first id's answers are at hand for
 * the next pair, which is mostly of the same list row.
 */
class PairAnswers {
  private readonly byVocabulary = new WeakMap<Vocabulary, Map<number, Map<number, boolean>>>();
  /** The vocabulary asked last (a run has one), its answers, and the last first id's. */
  private lastVocabulary: Vocabulary | null = null;
  private lastAnswers: Map<number, Map<number, boolean>> | null = null;
  private lastFirst = -1;
  private lastOfFirst: Map<number, boolean> | null = null;
  private size = 0;

  /** The kept answer about (`first`, `second`), or undefined: the caller then works it out and keeps it (set). */
  get(v: Vocabulary, first: number, second: number): boolean | undefined {
    return this.answersOf(v, first).get(second);
  }

  set(v: Vocabulary, first: number, second: number, same: boolean): boolean {
    if (++this.size > 200_000) {
      this.byVocabulary.delete(v);
      this.lastVocabulary = null;
      this.size = 0;
    }
    this.answersOf(v, first).set(second, same);
    return same;
  }

  private answersOf(v: Vocabulary, first: number): Map<number, boolean> {
    if (v !== this.lastVocabulary) {
      let answers = this.byVocabulary.get(v);
      if (!answers) this.byVocabulary.set(v, (answers = new Map()));
      this.lastVocabulary = v;
      this.lastAnswers = answers;
      this.lastFirst = -1;
    }
    if (first !== this.lastFirst) {
      let of = this.lastAnswers!.get(first);
      if (!of) this.lastAnswers!.set(first, (of = new Map()));
      this.lastFirst = first;
      this.lastOfFirst = of;
    }
    return this.lastOfFirst!;
  }
}

/**
 * Street names mistyped ("Hämeenkatu" / "Hämenkatu": Jaro-Winkler ≥ 0.94) or abbreviated
 * ("Mäntyp." / "Mäntypolku", "Haapapko" / "Haapapuistikko"); for persons also one slip apart
 * (oneSlipStreet). A town has few streets and every pair in one postal code asks about the same
 * few, so answers are kept, by the pair of vocabulary ids and whether persons are compared (one
 * look-up per pair, as before the persons' rule).
 */
const streetPairs = new PairAnswers();
function similarStreets(t: MatchTable, a: number, b: number, persons: boolean): boolean {
  const second = b * 2 + (persons ? 1 : 0);
  const kept = streetPairs.get(t.vocabulary, a, second);
  if (kept !== undefined) return kept;
  const x = t.text(a);
  const y = t.text(b);
  return streetPairs.set(
    t.vocabulary,
    a,
    second,
    (x.length >= 6 && jaroWinklerBound(x.length, y.length) >= 0.94 && jaroWinklerAtLeast(x, y, 0.94) > 0) ||
      abbreviates(x, y) ||
      abbreviates(y, x) ||
      (persons && oneSlipStreet(x, y)),
  );
}

/**
 * Persons' street names one slip apart (a letter replaced, dropped, added or two swapped), eight
 * letters or more: in the middle of a name Jaro-Winkler counts one slip as more ("kauppskatu" /
 * "kauppakatu" 0.938, "gudgenbeclose" / "gudgenbyclose" 0.928), though at the end of a name it
 * already accepts the same slip ("myllytie" / "myllyntie" 0.97); under eight letters a slip
 * cannot be told from another street ("Kalitie" / "Kolitie"). Persons only in the sixth round,
 * so companies' outputs stay byte for byte those of the fifth (measured with it on companies: the
 * same decisions, some scores in the third decimal moved by the re-estimated model).
 */
function oneSlipStreet(x: string, y: string): boolean {
  return x.length >= 8 && oneSlipApart(x, y);
}

/**
 * `short` is `long` abbreviated: they share a beginning of at least four letters that leaves
 * at most three letters of `short`, and those letters come in order in the rest of `long`
 * ("haapapko" / "haapapuistikko", "mantyp" / "mantypolku"). Street keys have the dots removed.
 */
export function abbreviates(short: string, long: string): boolean {
  if (short.length < 4 || long.length < short.length + 2) return false;
  let k = 0;
  while (k < short.length && short.charCodeAt(k) === long.charCodeAt(k)) k++;
  if (k < 4 || short.length - k > 3) return false;
  return lettersInOrder(short, long, k);
}

/** True when the letters of `short` from `from` on come in order in `long` from `from` on. */
function lettersInOrder(short: string, long: string, from: number): boolean {
  let j = from;
  for (let i = from; i < short.length; i++) {
    while (j < long.length && long.charCodeAt(j) !== short.charCodeAt(i)) j++;
    if (j === long.length) return false;
    j++;
  }
  return true;
}

/**
 * The street address of row `i` of the list against row `j` of the customers (see AddressLevel);
 * the customer's street, house and apartment from its row fields (`cf`, from `o`: rowAt).
 */
function compareAddress(
  l: MatchTable,
  i: number,
  c: MatchTable,
  j: number,
  cf: Int32Array,
  o: number,
  persons: boolean,
): AddressLevel | null {
  const level = compareStreets(
    l,
    l.street[i]!,
    l.house[i]!,
    l.unit[i]!,
    cf[o + RowField.Street]!,
    cf[o + RowField.House]!,
    cf[o + RowField.Unit]!,
    persons,
  );
  return l.alt === null && c.alt === null ? level : eitherLine(level, l, i, c, j, persons);
}

/** Rank of each AddressLevel, best first (eitherLine keeps the better of two). */
const ADDRESS_RANK: Record<AddressLevel, number> = { exact: 0, house: 1, otherUnit: 2, street: 3, otherStreet: 4, different: 5 };

/**
 * Where either side has an address's other line (MatchTable.alt, a second address line read by
 * record.ts): each side's other line is compared with the other side's street as well, and the
 * best level stands. A street found on either line agrees: the lines are written swapped
 * ("Hurley street 51" / "Lakes retirement estate" against the estate first, the street second).
 * The two other lines are not compared with each other (two extra lines alike, a c/o or an
 * estate, are not the street address).
 */
function eitherLine(level: AddressLevel | null, l: MatchTable, i: number, c: MatchTable, j: number, persons: boolean): AddressLevel | null {
  if (level === null || level === 'exact') return level;
  let best: AddressLevel = level;
  const la = l.alt;
  if (la !== null && la.street[i] !== NONE) {
    const x = compareStreets(l, la.street[i]!, la.house[i]!, la.unit[i]!, c.street[j]!, c.house[j]!, c.unit[j]!, persons)!;
    if (ADDRESS_RANK[x] < ADDRESS_RANK[best]) best = x;
  }
  const ca = c.alt;
  if (ca !== null && ca.street[j] !== NONE && best !== 'exact') {
    const y = compareStreets(l, l.street[i]!, l.house[i]!, l.unit[i]!, ca.street[j]!, ca.house[j]!, ca.unit[j]!, persons)!;
    if (ADDRESS_RANK[y] < ADDRESS_RANK[best]) best = y;
  }
  return best;
}

/** Two street addresses as street id, house and apartment (see AddressLevel); null when either has no street. */
function compareStreets(
  l: MatchTable,
  xs: number,
  xh: number,
  xu: number,
  ys: number,
  yh: number,
  yu: number,
  persons: boolean,
): AddressLevel | null {
  if (xs === NONE || ys === NONE) return null;
  const sameStreet = xs === ys || similarStreets(l, xs, ys, persons);
  if (xh === NONE || yh === NONE) return sameStreet ? 'street' : 'different';
  if (!sameStreet) {
    // Only the number and the apartment left to agree: both must be written, and the same.
    return xh >> 16 === yh >> 16 && (xh & 0xffff) === (yh & 0xffff) && (xu === NONE) === (yu === NONE) && xu === yu
      ? 'otherStreet'
      : 'different';
  }
  if (xh !== yh) {
    // "12" and "12a": the letter written on one side only.
    if (xh >> 16 !== yh >> 16 || (xh & 0xffff && yh & 0xffff)) return 'street';
    return xu !== NONE && yu !== NONE && xu !== yu ? 'otherUnit' : 'house';
  }
  if (xu !== NONE && yu !== NONE) return xu === yu ? 'exact' : 'otherUnit';
  return xu !== NONE || yu !== NONE ? 'house' : 'exact';
}

/** Two five-digit postal codes (as numbers) that differ in exactly one digit, or two swapped. */
function oneDigitApart(a: number, b: number): boolean {
  // Digit by digit from the last, without arrays (this runs for every pair a postal code apart).
  let diff = 0;
  let swapped = false;
  let px = -1;
  let py = -1;
  for (let k = 0; k < 5; k++) {
    const x = a % 10;
    const y = b % 10;
    a = (a - x) / 10;
    b = (b - y) / 10;
    if (x !== y) diff++;
    // Two neighbouring digits swapped ("33500" / "35300"): this one and the one before.
    if (k > 0 && px !== py && px === y && x === py) swapped = true;
    px = x;
    py = y;
  }
  return diff === 1 || (swapped && diff === 2);
}

const townPairs = new PairAnswers();

/**
 * One town, written alike: the same name, or one mistyped or spaced otherwise ("Ringwoid" /
 * "Ringwood", "Malverneast" / "Malvern East"): Jaro-Winkler ≥ 0.92 on the names without spaces.
 * Swedish names and abbreviations are already the Finnish name (canonicalTown).
 */
function sameTown(v: Vocabulary, x: number, y: number): boolean {
  if (x === y) return true;
  // Kept by the pair in either order, the smaller id first (as asked first, so answered).
  const first = x < y ? x : y;
  const second = x < y ? y : x;
  const kept = townPairs.get(v, first, second);
  if (kept !== undefined) return kept;
  const a = v.strings[x]!.replace(/ /g, '');
  const b = v.strings[y]!.replace(/ /g, '');
  return townPairs.set(
    v,
    first,
    second,
    a === b ||
      (Math.min(a.length, b.length) >= 4 &&
        jaroWinklerBound(a.length, b.length) >= TOWN_SIMILARITY &&
        jaroWinklerAtLeast(a, b, TOWN_SIMILARITY) > 0),
  );
}

const TOWN_SIMILARITY = 0.92;

function compareArea(l: MatchTable, i: number, cf: Int32Array, o: number): AreaLevel | null {
  const xp = l.postalCode[i]!;
  const yp = cf[o + RowField.PostalCode]!;
  const xt = l.town[i]!;
  const yt = cf[o + RowField.Town]!;
  const towns = xt !== NONE && yt !== NONE ? (sameTown(l.vocabulary, xt, yt) ? 'same' : 'different') : null;
  if (xp !== NONE && yp !== NONE) {
    if (xp === yp) return 'same';
    if (towns !== 'different' && oneDigitApart(xp, yp)) return 'near';
  }
  if (towns === null) return xp !== NONE && yp !== NONE ? 'different' : null;
  return towns === 'same' ? 'sameTown' : 'different';
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

/** The phone level of the list's phone `a` and the customer's in its row fields (null when either has none). */
function comparePhones(a: number, cf: Int32Array, o: number): PhoneLevel | null {
  if (a === NONE || cf[o + RowField.PhoneHigh] === NONE) return null;
  if (((a % 0x100000000) | 0) === cf[o + RowField.PhoneLow] && Math.floor(a / 0x100000000) === cf[o + RowField.PhoneHigh]) return 'same';
  return isMobile(a) !== ((cf[o + RowField.Flags]! & ROW_MOBILE) !== 0) ? 'otherKind' : 'different';
}

/**
 * The email level of a pair (null when either has none). The strings are compared only when
 * their hashes agree (the customer's is in its row fields, the list row's made once per row).
 */
function compareEmail(l: MatchTable, i: number, c: MatchTable, j: number, cf: Int32Array, o: number): EmailLevel | null {
  const x = l.email[i];
  const flags = cf[o + RowField.Flags]!;
  if (!x || !(flags & ROW_EMAIL)) return null;
  if (emailHash.of(x) === cf[o + RowField.Email] && x === c.email[j]) return 'same';
  const d = l.emailDomain[i];
  if (!d || !(flags & ROW_DOMAIN)) return 'different';
  return domainHash.of(d) === cf[o + RowField.Domain] && d === c.emailDomain[j] ? 'sameDomain' : 'different';
}

/**
 * A table's fields that a pair reads of its customer, side by side, ROW_FIELDS ints (a cache
 * line) a row (RowField): compareWithoutNames and the engine's bounds (mayBeExactName,
 * comparesContacts, mayBeExactContact) read a dozen columns at a random customer, a cache miss
 * each, and strings (emails, names run together) two more; a 100k × 100k run compares 400,000
 * pairs, of persons six million. Strings are there as hashes, compared as strings only when the
 * hashes agree. Each row is filled when first asked (ROW_READY), kept by the table
 * (MatchTable.pairFields, let go by forgetRows).
 */
const ROW_FIELDS = 16;
const enum RowField {
  BusinessId = 0,
  /** The phone as two 32-bit halves (NONE in both without a phone). */
  PhoneLow = 1,
  PhoneHigh = 2,
  /** ROW_* bits, and the legal form from bit 8. */
  Flags = 3,
  Street = 4,
  House = 5,
  Unit = 6,
  PostalCode = 7,
  Town = 8,
  /** fnv1a of the email and of its domain (when the row has them: ROW_EMAIL, ROW_DOMAIN). */
  Email = 9,
  Domain = 10,
  /** fnv1a of the company name run together (MatchTable.compact) and of joinedName. */
  Compact = 11,
  Joined = 12,
  /** keyHash of nameWordsKey(j, 'company') and (j, 'person'). */
  CompanyWordsKey = 13,
  PersonWordsKey = 14,
}
const ROW_READY = 1;
const ROW_COMPANY = 2;
const ROW_PERSON = 4;
const ROW_MOBILE = 8;
const ROW_EMAIL = 16;
const ROW_DOMAIN = 32;
/** Both a company name and a contact, the contact's words all in the name (MatchTable.contactInName). */
const ROW_CONTACT_IN_NAME = 64;

/** A 32-bit hash of a nameWordsKey (a 62-bit number). */
function keyHash(k: number): number {
  const high = Math.floor(k / 0x80000000);
  return (Math.imul(high, 0x9e3779b1) ^ (k - high * 0x80000000)) | 0;
}

/** The row fields of table `t` (rows not yet asked are zero: see rowAt). */
function pairFieldsOf(t: MatchTable): Int32Array {
  let f = t.pairFields;
  if (!f || f.length !== t.size * ROW_FIELDS) f = t.pairFields = new Int32Array(t.size * ROW_FIELDS);
  return f;
}

/** Where row `j`'s fields start in `f` (pairFieldsOf(t)), filled if not yet. */
function rowAt(t: MatchTable, f: Int32Array, j: number): number {
  const o = j * ROW_FIELDS;
  if (f[o + RowField.Flags]! & ROW_READY) return o;
  const phone = t.phone[j]!;
  const email = t.email[j];
  const domain = t.emailDomain[j];
  const company = t.companyWords[j];
  const person = t.personWords[j];
  f[o + RowField.BusinessId] = t.businessId[j]!;
  f[o + RowField.PhoneLow] = phone === NONE ? NONE : (phone % 0x100000000) | 0;
  f[o + RowField.PhoneHigh] = phone === NONE ? NONE : Math.floor(phone / 0x100000000);
  f[o + RowField.Street] = t.street[j]!;
  f[o + RowField.House] = t.house[j]!;
  f[o + RowField.Unit] = t.unit[j]!;
  f[o + RowField.PostalCode] = t.postalCode[j]!;
  f[o + RowField.Town] = t.town[j]!;
  f[o + RowField.Email] = email ? fnv1a(email) | 0 : 0;
  f[o + RowField.Domain] = domain ? fnv1a(domain) | 0 : 0;
  f[o + RowField.Compact] = fnv1a(t.compact[j]!) | 0;
  // joinedName's hash without making the string: FNV-1a goes on from word to word.
  let joined = FNV_OFFSET;
  for (const w of person ?? company ?? []) joined = fnv1a(w, joined);
  f[o + RowField.Joined] = joined | 0;
  f[o + RowField.CompanyWordsKey] = keyHash(t.nameWordsKey(j, 'company'));
  f[o + RowField.PersonWordsKey] = keyHash(t.nameWordsKey(j, 'person'));
  f[o + RowField.Flags] =
    ROW_READY |
    (company ? ROW_COMPANY : 0) |
    (person ? ROW_PERSON : 0) |
    (phone !== NONE && isMobile(phone) ? ROW_MOBILE : 0) |
    (email ? ROW_EMAIL : 0) |
    (domain ? ROW_DOMAIN : 0) |
    (company && person && t.contactInName(j) ? ROW_CONTACT_IN_NAME : 0) |
    (t.legalForm[j]! << 8);
  return o;
}

/** fnv1a of the list row's string asked last, made once per string (hashOf). */
class LastHash {
  private text: string | null = null;
  private hash = 0;
  of(s: string): number {
    if (s !== this.text) {
      this.text = s;
      this.hash = fnv1a(s) | 0;
    }
    return this.hash;
  }
}
const compactHash = new LastHash();
const joinedHash = new LastHash();
const emailHash = new LastHash();
const domainHash = new LastHash();

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
  // The customer's fields from its row fields (pairFieldsOf), the list row's from the columns
  // (one row against all its candidates: they stay in the cache).
  const cf = pairFieldsOf(c);
  const o = rowAt(c, cf, j);
  const flags = cf[o + RowField.Flags]!;
  let nameKind: NameKind = 'company';
  let legalForm: IdLevel | null = null;
  if (l.companyWords[i] && flags & ROW_COMPANY) {
    const xf = l.legalForm[i]!;
    const yf = flags >> 8;
    legalForm = xf && yf ? (xf === yf ? 'same' : 'different') : null;
  } else if (l.personWords[i] || flags & ROW_PERSON) {
    // Persons, or a sole trader ("Tmi Matti Virtanen") against a person's name.
    nameKind = 'person';
  }
  const address = compareAddress(l, i, c, j, cf, o, nameKind === 'person');
  return {
    businessId: numberId(l.businessId[i]!, cf[o + RowField.BusinessId]!),
    phone: comparePhones(l.phone[i]!, cf, o),
    email: compareEmail(l, i, c, j, cf, o),
    name: null,
    nameKind,
    nameSimilarity: 0,
    nameFrequency: 0,
    legalForm,
    contact: null,
    address,
    area: compareArea(l, i, cf, o),
  };
}

/** Completes a comparison of compareWithoutNames with the names: name, similarity, contact. */
export function compareNamesInto(v: ComparisonVector, l: MatchTable, i: number, c: MatchTable, j: number): ComparisonVector {
  compareNameInto(v, l, i, c, j);
  if (comparesContacts(l, i, c, j)) compareContactInto(v, l, i, c, j);
  return v;
}

/**
 * Whether the pair's names can come out "exact" (compareNames): the same words run together, or
 * the same words in another order. Two hashes and a string equality, where comparing the names
 * aligns every word of one with every word of the other; "no" lets the engine bound the names
 * by their best inexact level (engine.ts). A collision of the hashes only says "maybe".
 */
export function mayBeExactName(v: ComparisonVector, l: MatchTable, i: number, c: MatchTable, j: number): boolean {
  // The customer's hashes from its row fields (rowAt): its strings only when they agree.
  const cf = pairFieldsOf(c);
  const o = rowAt(c, cf, j);
  const kind = v.nameKind;
  const k = l.nameWordsKey(i, kind);
  if (kind === 'company') {
    const x = l.compact[i]!;
    if (compactHash.of(x) === cf[o + RowField.Compact] && x === c.compact[j]) return true;
    return keyHash(k) === cf[o + RowField.CompanyWordsKey] && k === c.nameWordsKey(j, kind);
  }
  const x = l.joinedName(i);
  if (joinedHash.of(x) === cf[o + RowField.Joined] && x === c.joinedName(j)) return true;
  return keyHash(k) === cf[o + RowField.PersonWordsKey] && k === c.nameWordsKey(j, kind);
}

/** The name of the pair: its level, similarity and, for an exact name, its frequency. */
export function compareNameInto(v: ComparisonVector, l: MatchTable, i: number, c: MatchTable, j: number): void {
  const xc = l.companyWords[i];
  const yc = c.companyWords[j];
  const xp = l.personWords[i];
  const yp = c.personWords[j];
  if (xc && yc) {
    const n = compareNames(xc, yc, l.compact[i], c.compact[j], samePersonWord, false);
    // Two sole traders' names ("Tmi Matti Virtanen" / "Tmi Pekka Virtanen") are partial; names
    // that share less than half their words ("Hovimäen Korjaamo Palvelut" / "Kangasmäen
    // Rakennus Palvelut": a trade word) are other names, as companies in one building are.
    v.name = n.level === 'partial' && n.similarity < 0.5 ? 'different' : n.level;
    v.nameSimilarity = n.similarity;
    if (v.name === 'exact') v.nameFrequency = c.nameFrequency(j);
    // A number in a company's name is part of its identity: "Asunto Oy Helsingin Kotikatu 1"
    // and "… 3" (or "… 41") are two housing companies however alike the rest of the name.
    if (n.level !== 'different') {
      const xn = numbersOf(xc);
      const yn = numbersOf(yc);
      if (xn && yn && xn !== yn) v.name = 'otherNumber';
    }
  } else if (xp || yp) {
    const x = xp ?? xc;
    const y = yp ?? yc;
    if (x && y) {
      // A company's name against a person's name: a hyphen splits a company's words
      // ("IT-Palvelu" → "it palvelu") but joins a person's ("Anna-Liisa"), so the names are
      // also compared run together ("Mäki IT-Palvelu" on both sides is one name).
      // Two persons' names are compared run together as well: "Olli Pekka" is "Olli-Pekka".
      const n = compareNames(x, y, l.joinedName(i), c.joinedName(j), samePersonWord, true);
      v.name = n.level === 'otherSurname' && (sameHome(v, l, i, c, j) || sameGivenNamesAtHouse(v, x, y)) ? 'partial' : n.level;
      v.nameSimilarity = n.similarity;
      if (n.level === 'exact') v.nameFrequency = c.nameFrequency(j);
    }
  }
}

/**
 * The same home: the same street, house and apartment, the apartment written on both sides, in
 * the same postal code. There "the same first name under another surname" (otherSurname) is
 * the customer with a surname changed at marriage, not a family member (family members share
 * a surname, not a first name) nor a neighbour (the apartment tells): the name is then what it
 * is, partly the same (partial), and weighs as such. Without an apartment on both sides the
 * house may be a block of flats, and the pair stays otherSurname.
 */
function sameHome(v: ComparisonVector, l: MatchTable, i: number, c: MatchTable, j: number): boolean {
  return v.address === 'exact' && v.area === 'same' && l.unit[i] !== NONE && l.unit[i] === c.unit[j];
}

/**
 * Every given name the same, another surname, at the same street and house (apartment written
 * on neither side or one side only) in the same or a mistyped postal code: the customer after
 * a surname change. A surname changed at marriage keeps all the given names ("Kristian Räty" /
 * "Kristian Lehtonen"); a neighbour in the house who merely shares a first name has his own
 * set of given names as often as not ("Timo Saarinen" / "Timo Pekka Virtanen" stays
 * otherSurname), and a family shares the surname, not the given names. Then the name is partly
 * the same (partial) and the estimate weighs it; without the house, or with the given names
 * differing, it stays otherSurname.
 */
function sameGivenNamesAtHouse(v: ComparisonVector, a: readonly string[], b: readonly string[]): boolean {
  if (v.address !== 'exact' && v.address !== 'house') return false;
  if (v.area !== 'same' && v.area !== 'near') return false;
  return givenNamesWithin(a, b) && givenNamesWithin(b, a);
}

/** Every first name of `a` is a word of `b`. */
function givenNamesWithin(a: readonly string[], b: readonly string[]): boolean {
  for (const w of a) if (!b.includes(w) && asFirstName(w) !== null) return false;
  return true;
}

/**
 * Whether the contact persons of two company rows are compared: both rows have one, and not
 * both are their company's name. A sole trader's name is its owner's name ("Tmi Matti
 * Virtanen", contact Matti Virtanen): the contact then says nothing the name did not, and is
 * not counted twice.
 */
export function comparesContacts(l: MatchTable, i: number, c: MatchTable, j: number): boolean {
  if (!(l.companyWords[i] && l.personWords[i])) return false;
  const cf = pairFieldsOf(c);
  const flags = cf[rowAt(c, cf, j) + RowField.Flags]!;
  const both = ROW_COMPANY | ROW_PERSON;
  return (flags & both) === both && !(l.contactInName(i) && flags & ROW_CONTACT_IN_NAME);
}

/** Whether two contact persons can be "exact": the same words in any order (see mayBeExactName). */
export function mayBeExactContact(l: MatchTable, i: number, c: MatchTable, j: number): boolean {
  const cf = pairFieldsOf(c);
  const k = l.nameWordsKey(i, 'person');
  return keyHash(k) === cf[rowAt(c, cf, j) + RowField.PersonWordsKey] && k === c.nameWordsKey(j, 'person');
}

/** The contact persons of two company rows whose contacts are compared (comparesContacts). */
export function compareContactInto(v: ComparisonVector, l: MatchTable, i: number, c: MatchTable, j: number): void {
  const contact = compareNames(l.personWords[i]!, c.personWords[j]!, undefined, undefined, samePersonWord, true).level;
  v.contact = contact === 'otherFirstName' || contact === 'otherSurname' ? 'partial' : contact;
}
