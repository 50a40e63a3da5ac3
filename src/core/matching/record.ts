/**
 * Stage 1 of matching: the rows of the list and of the customer register are normalized once
 * into a MatchTable, the comparable parts of each row whatever its columns were called.
 *
 * A MatchTable is columnar: one typed array per field, row i at index i, instead of an object
 * per row. A row as objects (the record, its company name, person, address) was some fifteen
 * heap objects; 200,000 of them made the garbage collector copy ~170 MB between generations and
 * every comparison chase pointers across the heap. Short values that repeat (streets, staircases
 * and apartments, towns) are interned in a Vocabulary shared by both tables, so equal values are
 * equal integers; identifiers and house numbers are numbers. Only emails and the name words stay
 * strings (the comparison measures the names' spelling), one array of words per row.
 */
import { normalizeBusinessId } from '../normalize/businessId';
import { phoneMatchNumber } from '../normalize/phone';
import { companyDomain, normalizeEmail } from '../normalize/email';
import { normalizeCompanyName, type LegalForm } from '../normalize/companyName';
import { personNameWords } from '../normalize/personName';
import { parseAddressLine2, parseHouseNumber, parseStreetAddress, type ParsedAddress } from '../normalize/address';
import { normalizePostalCode } from '../normalize/postalCode';
import { canonicalTown } from '../normalize/townNames';
import { foldText } from '../normalize/fold';
import type { CellValue } from '../workbook/cells';
import { guessColumnsFromContents, GUESS_SAMPLE, type ColumnGuess } from '../columns/contentGuess';
import { MATCH_KEYS, type MatchKey } from './keys';

export { MATCH_KEYS, type MatchKey };

/** No value in a numeric column. */
export const NONE = -1;

/**
 * Strings of both tables as small integers: equal strings, equal ids. Ids depend on the order
 * strings came in, so two threads give one string different ids; `hashes` (FNV-1a of the
 * string) do not, and are what blocking keys are made of.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly strings: string[] = [];
  readonly hashes: number[] = [];
  /**
   * FNV-1a of the string's first STREET_PREFIX characters: blocking's address key takes a
   * street by its start, so a typo later in the name ("Barrierwstreet", "Studley steet") still
   * meets the same house in the same area.
   */
  readonly prefixHashes: number[] = [];

  /** Town ids by the text as written (see townId). */
  private readonly towns = new Map<string, number>();

  /**
   * The id of a town as written ("Helsingfors", "HKI", "Helsinki" → the id of "helsinki"), or
   * NONE for a text that folds to nothing ("-"). A file names a few dozen towns in 100,000 rows:
   * each text is folded and looked up once, not once a row.
   */
  townId(written: string): number {
    let id = this.towns.get(written);
    if (id === undefined) {
      const folded = foldText(written);
      // A town that folds to nothing is no town: it never equals another.
      id = folded ? this.id(canonicalTown(folded)) : NONE;
      this.towns.set(written, id);
    }
    return id;
  }

  id(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.hashes.push(fnv1a(s) >>> 0);
      this.prefixHashes.push(fnv1a(s.slice(0, STREET_PREFIX)) >>> 0);
      this.ids.set(s, i);
    }
    return i;
  }

  private readonly wordStrings = new Map<string, string>();

  /**
   * A row's name words as one copy of each word, in an array of exactly their number. Names
   * repeat their words (first names, surnames, "rakennus", "palvelu"): a million-row list held
   * each word as its own string, in an array with room for 17 (what `push` leaves), 450 MB of
   * its 650 MB heap; one copy of a word and exact arrays make it about 70 MB (issue 16).
   */
  words(words: readonly string[]): readonly string[] {
    const out = new Array<string>(words.length);
    for (let k = 0; k < words.length; k++) out[k] = this.word(words[k]!);
    return out;
  }

  /** sharedWords' arrays by the array they were made from (identity, not contents). */
  private sharedArrays = new Map<readonly string[], readonly string[]>();

  /**
   * words() of an array that many rows share (personNameWords gives one array per distinct
   * name): made once per array instead of once per row. A list of 100,000 rows has some 16,000
   * distinct persons; each row had made its own array and looked each word up again. Rows with
   * the same name then share one array, as unpacked tables' rows always did (packedTable.ts).
   */
  sharedWords(words: readonly string[]): readonly string[] {
    let out = this.sharedArrays.get(words);
    if (out === undefined) {
      out = this.words(words);
      // Bounded like personName.ts's own caches, whose arrays are the keys: past them, the keys
      // would be arrays no row will give again.
      if (this.sharedArrays.size >= SHARED_ARRAYS_MAX) this.sharedArrays = new Map();
      this.sharedArrays.set(words, out);
    }
    return out;
  }

  /** One copy of a short repeated string (a name word). */
  word(w: string): string {
    let one = this.wordStrings.get(w);
    if (one === undefined) this.wordStrings.set(w, (one = w));
    return one;
  }

  /** addressLine2()'s answers by the text as written. */
  private line2s = new Map<string, Line2Ids>();

  /** A second address line as written, parsed (parseAddressLine2) and looked up once per distinct text. */
  addressLine2(written: string): Line2Ids {
    let a = this.line2s.get(written);
    if (a === undefined) {
      const p = parseAddressLine2(written);
      if (p.kind === 'apartment') a = { kind: LINE2_APARTMENT, street: NONE, house: NONE, unit: this.id(p.apartment) };
      else if (p.kind === 'street') {
        const parts = partsOf(p.address);
        a = { kind: LINE2_STREET, street: this.id(parts.street), house: parts.house, unit: parts.unit ? this.id(parts.unit) : NONE };
      } else a = { kind: LINE2_NONE, street: NONE, house: NONE, unit: NONE };
      if (this.line2s.size >= ADDRESS_CACHE_MAX) this.line2s = new Map();
      this.line2s.set(written, a);
    }
    return a;
  }

  /** address()'s answers by the text as written. */
  private addresses = new Map<string, AddressIds>();

  /**
   * A street address as written ("Vapaudenkatu 78 B 12") as the ids and numbers a MatchTable
   * stores: the text is parsed (addressParts) and its street and apartment looked up here once
   * per distinct text, not once a row (a register repeats its addresses: 9,300 in the bench's
   * 100,000 customers; each look-up of a string is some 0.3 µs on the 2-core machine).
   */
  address(written: string): AddressIds {
    let a = this.addresses.get(written);
    if (a === undefined) {
      const p = addressParts(written);
      a = p.street
        ? { street: this.id(p.street), house: p.house, unit: p.unit ? this.id(p.unit) : NONE, postalCode: p.postalCode }
        : { street: NONE, house: NONE, unit: NONE, postalCode: p.postalCode };
      if (this.addresses.size >= ADDRESS_CACHE_MAX) this.addresses = new Map();
      this.addresses.set(written, a);
    }
    return a;
  }
}

/** An address's second line as a MatchTable reads it (Vocabulary.addressLine2). */
export interface Line2Ids {
  /** LINE2_NONE (c/o, PO box, nothing to compare), LINE2_APARTMENT or LINE2_STREET. */
  kind: number;
  /** The street's vocabulary id (LINE2_STREET), else NONE. */
  street: number;
  /** The line's own house number (see MatchTable.house), or NONE. */
  house: number;
  /** The line's apartment's vocabulary id (its own, or the whole line's for LINE2_APARTMENT), or NONE. */
  unit: number;
}
export const LINE2_NONE = 0;
export const LINE2_APARTMENT = 1;
export const LINE2_STREET = 2;

/** A street address as a MatchTable stores it (Vocabulary.address). */
export interface AddressIds {
  /** Vocabulary id of the street key, NONE = no street (then house and unit are NONE too). */
  street: number;
  house: number;
  /** Vocabulary id of the apartment, or NONE. */
  unit: number;
  /** A postal code written in the address. */
  postalCode: string | null;
}

const NO_ADDRESS_IDS: AddressIds = { street: NONE, house: NONE, unit: NONE, postalCode: null };

/** Addresses a Vocabulary remembers before it starts afresh (what a large file has). */
const ADDRESS_CACHE_MAX = 200_000;

/** Arrays Vocabulary.sharedWords remembers before it starts afresh. */
const SHARED_ARRAYS_MAX = 100_000;

/** How many characters of a street key blocking's address key uses (see Vocabulary.prefixHashes). */
export const STREET_PREFIX = 4;

export const FNV_OFFSET = 2166136261;
export const FNV_PRIME = 16777619;

/** FNV-1a of a string's UTF-16 code units, from the hash state `h` (the blocking keys go on from one). */
export function fnv1a(s: string, h = FNV_OFFSET): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Legal-form families as small integers (index + 1; 0 = none). */
const LEGAL_FORMS: readonly LegalForm[] = ['oy', 'oyj', 'ky', 'ay', 'tmi', 'osk', 'ry', 'foreign'];
export const TMI = LEGAL_FORMS.indexOf('tmi') + 1;

/** The normalized rows of one table (see the module comment). Row i of every column is row i. */
export class MatchTable {
  readonly size: number;
  /** Y-tunnus as its eight digits read as a number ("0112038-9" → 1120389), or NONE. */
  readonly businessId: Int32Array;
  /** E.164 phone without its "+" read as a number (exact: at most 15 digits), or NONE. */
  readonly phone: Float64Array;
  /** Normalized email address, or null. */
  readonly email: (string | null)[];
  /** The email's domain when it is a company's own (not gmail.com &c.), or null. */
  readonly emailDomain: (string | null)[];
  /** Company name words without legal form (NormalizedCompanyName.tokens), null = no name. */
  readonly companyWords: (readonly string[] | null)[];
  /** The company name words run together ('' = no name). */
  readonly compact: string[];
  /** Legal-form family (index into LEGAL_FORMS + 1), 0 = none. */
  readonly legalForm: Uint8Array;
  /** Every folded part of a person's name, in written order; null = no person. */
  readonly personWords: (readonly string[] | null)[];
  /** Vocabulary id of the street key, NONE = no street address. */
  readonly street: Int32Array;
  /** House number and letter as number × 65536 + the letter's char code ("5a" → 5 × 65536 + 97), or NONE. */
  readonly house: Int32Array;
  /** Vocabulary id of the apartment ("12"; the staircase is left out, see addressParts), or NONE. */
  readonly unit: Int32Array;
  /** Postal code as a number ("00100" → 100), or NONE. */
  readonly postalCode: Int32Array;
  /** Vocabulary id of the folded post office or municipality, or NONE. */
  readonly town: Int32Array;
  /**
   * The street of the address's other line (the second line, or the first when the second is
   * the street address), NONE where a row has none; null while no row has one, so a table
   * without a second address line costs nothing (see secondLine).
   */
  alt: AltAddress | null = null;

  constructor(
    size: number,
    readonly vocabulary: Vocabulary,
  ) {
    this.size = size;
    this.businessId = new Int32Array(size).fill(NONE);
    this.phone = new Float64Array(size).fill(NONE);
    this.email = new Array<string | null>(size).fill(null);
    this.emailDomain = new Array<string | null>(size).fill(null);
    this.companyWords = new Array<string[] | null>(size).fill(null);
    this.compact = new Array<string>(size).fill('');
    this.legalForm = new Uint8Array(size);
    this.personWords = new Array<string[] | null>(size).fill(null);
    this.street = new Int32Array(size).fill(NONE);
    this.house = new Int32Array(size).fill(NONE);
    this.unit = new Int32Array(size).fill(NONE);
    this.postalCode = new Int32Array(size).fill(NONE);
    this.town = new Int32Array(size).fill(NONE);
  }

  /** The string of a vocabulary id. */
  text(id: number): string {
    return this.vocabulary.strings[id]!;
  }

  private joined: (string | undefined)[] | null = null;

  /**
   * Row `i`'s name words run together (the person's words, else the company's): the names are
   * also compared so ("Olli Pekka" / "Olli-Pekka"). Made once per row, not once per pair.
   */
  joinedName(i: number): string {
    this.joined ??= new Array<string | undefined>(this.size);
    let s = this.joined[i];
    if (s === undefined) s = this.joined[i] = (this.personWords[i] ?? this.companyWords[i] ?? []).join('');
    return s;
  }

  /** nameWordsKey's answers by row, one array per kind (NaN: not made yet). */
  private companyWordKeys: Float64Array | null = null;
  private personWordKeys: Float64Array | null = null;

  /**
   * wordsKey of the name words a pair of `kind` compares (comparison.ts): the company's words,
   * or the person's (else the company's) for a person pair. Made once per row: the engine asks
   * it of every pair whose names may matter, to know whether they can be the same words at all.
   */
  nameWordsKey(i: number, kind: 'company' | 'person'): number {
    const company = kind === 'company';
    let keys = company ? this.companyWordKeys : this.personWordKeys;
    if (!keys) {
      keys = new Float64Array(this.size).fill(NaN);
      if (company) this.companyWordKeys = keys;
      else this.personWordKeys = keys;
    }
    let k = keys[i]!;
    if (k !== k) {
      const words = company ? this.companyWords[i] : (this.personWords[i] ?? this.companyWords[i]);
      k = keys[i] = words ? wordsKey(words) : -1;
    }
    return k;
  }

  /**
   * The fields comparison.ts reads of this table's rows as customers, side by side (its
   * pairFieldsOf makes them on first use); dropped by forgetRows.
   */
  pairFields: Int32Array | null = null;

  /** contactInName's answers by row: 0 not asked yet, 1 no, 2 yes. */
  private contactsInName: Uint8Array | null = null;

  /**
   * True when every word of row `i`'s contact person is a word of its company name (a sole
   * trader's owner: "Tmi Matti Virtanen", contact Matti Virtanen). Made once per row: the
   * comparison asks it of nearly every pair of two companies (comparesContacts).
   */
  contactInName(i: number): boolean {
    const answers = (this.contactsInName ??= new Uint8Array(this.size));
    let a = answers[i]!;
    if (a === 0) {
      const words = this.companyWords[i]!;
      a = 2;
      for (const w of this.personWords[i]!) {
        if (!words.includes(w)) {
          a = 1;
          break;
        }
      }
      answers[i] = a;
    }
    return a === 2;
  }

  /**
   * Lets the strings of rows `from` up to `to` go: another thread links those rows, and this
   * one reads them no more (the CLI's list, once the model is estimated: issue 16's memory).
   * Their typed columns stay; their names and emails read as absent from here on.
   */
  forgetRows(from: number, to: number): void {
    this.pairFields = null;
    for (let i = from; i < to; i++) {
      this.email[i] = null;
      this.emailDomain[i] = null;
      this.companyWords[i] = null;
      this.compact[i] = '';
      this.personWords[i] = null;
    }
  }

  private frequencies: Float64Array | null = null;

  /**
   * The share of this table's named rows of the same kind (companies, persons) whose name is
   * row `i`'s ("Matti Virtanen" is many customers' name, "Aino Haapalahti" one's): for the
   * term-frequency adjustment of an exact name (model.ts). Made on first use from the rows
   * themselves, so a worker's copy of the table gives the same figures (or given with the
   * copy: packTable sends them along, see nameFrequencies).
   */
  nameFrequency(i: number): number {
    return this.nameFrequencies()[i]!;
  }

  /**
   * nameFrequency of every row, made if not yet. A thread that sends its whole table sends
   * these too (packTable): counting 100,000 names is a map look-up each, some 0.1 s of the
   * receiving thread's time, which is the one that waits.
   */
  nameFrequencies(): Float64Array {
    if (!this.frequencies) {
      // Each row's name numbered by a first look-up (companies by their words run together,
      // persons by wordsKey), and the counts kept by that number: one map look-up a row, not
      // one to count and one more to read the count back.
      const f = new Float64Array(this.size);
      const groupOf = new Int32Array(this.size).fill(-1);
      const companyGroups = new Map<string, number>();
      const personGroups = new Map<number, number>();
      const counts: number[] = [];
      const isCompany: boolean[] = [];
      /** The number of `key`'s name in `groups`, given one if new. */
      const group = <K>(groups: Map<K, number>, key: K, company: boolean): number => {
        let g = groups.get(key);
        if (g === undefined) {
          groups.set(key, (g = counts.length));
          counts.push(0);
          isCompany.push(company);
        }
        return g;
      };
      let companies = 0;
      let persons = 0;
      for (let r = 0; r < this.size; r++) {
        let g: number;
        if (this.companyWords[r]) {
          companies++;
          g = group(companyGroups, this.compact[r]!, true);
        } else if (this.personWords[r]) {
          persons++;
          g = group(personGroups, wordsKey(this.personWords[r]!), false);
        } else continue;
        counts[g]++;
        groupOf[r] = g;
      }
      for (let r = 0; r < this.size; r++) {
        const g = groupOf[r]!;
        if (g >= 0) f[r] = counts[g]! / (isCompany[g] ? companies : persons);
      }
      this.frequencies = f;
    }
    return this.frequencies;
  }

  /**
   * Takes the rows' name frequencies as counted where the same rows were (unpackTable): they
   * are what nameFrequencies would count here.
   */
  adoptNameFrequencies(f: Float64Array): void {
    if (f.length !== this.size) throw new Error(`name frequencies: ${f.length} for ${this.size} rows`);
    this.frequencies = f;
  }
}

/**
 * A person's name words in any order as one number: the sum and the sum of squares of the
 * words' hashes, mixed (a sorted, joined string per row cost more than the count itself). Two
 * names that collide only make a name look a little more common, never less.
 */
export function wordsKey(words: readonly string[]): number {
  let sum = 0;
  let squares = 0;
  for (const w of words) {
    const h = (fnv1a(w) >>> 0) % 1048573;
    sum += h;
    squares = (squares + h * h) % 2147483647;
  }
  return sum * 2147483648 + squares;
}

/** The cell of column `c` as trimmed text ('' when the table has no such column). */
function cellText(row: readonly CellValue[], c: number | undefined): string {
  if (c === undefined || c < 0) return '';
  const v = row[c];
  return v === null || v === undefined ? '' : String(v).trim();
}

/** "0112038-9" → 1120389 (the check digit last). */
function businessIdNumber(id: string): number {
  return parseInt(id.slice(0, 7), 10) * 10 + (id.charCodeAt(8) - 48);
}

/** The parts of a street address matching compares: street key, house (see MatchTable.house), unit. */
interface AddressParts {
  street: string;
  house: number;
  unit: string | null;
  /** A postal code written in the address ("…, 00100 Helsinki"). */
  postalCode: string | null;
}

const NO_ADDRESS: AddressParts = { street: '', house: NONE, unit: null, postalCode: null };

function houseLetter(letter: string | null, staircase: string | null): number {
  const l = letter ?? staircase;
  return l && l.length === 1 ? l.toLowerCase().charCodeAt(0) : 0;
}

/**
 * The parts of a street address as written. Parsing is the costliest normalizer, and a register
 * repeats its addresses (100,000 customers of the bench have 9,300; an office building houses
 * many companies): Vocabulary.address parses each distinct text once and keeps the ids.
 */
function addressParts(raw: string): AddressParts {
  return partsOf(parseStreetAddress(raw));
}

/** addressParts of a parsed address. */
function partsOf(p: ParsedAddress): AddressParts {
  // A house number alone ("37", the street left out) names no street: nothing to compare,
  // not another street.
  if (!/[^\d\s]/.test(p.street)) return NO_ADDRESS;
  return {
    street: p.street,
    // The letter is one character [a-zåäö]: number and letter fit one integer. A staircase
    // without an apartment ("Koivutie 33 A", a row house) is the letter written apart ("33a").
    house: p.street && p.number ? parseInt(p.number, 10) * 65536 + houseLetter(p.letter, p.apartment ? null : p.staircase) : NONE,
    // The apartment alone: Finnish buildings number their apartments across staircases (A 1–12,
    // B 13–24), so "as 11", "A11" and "A as 11" are one home, the staircase written or not.
    unit: p.apartment ? String(p.apartment).toLowerCase() : null,
    postalCode: p.postalCode ?? null,
  };
}

/** Normalizes row `i` of a table into `t`. `columns` gives the column index of each key present. */
function normalizeRow(t: MatchTable, i: number, row: readonly CellValue[], columns: Partial<Record<MatchKey, number>>): void {
  const v = t.vocabulary;
  const bid = normalizeBusinessId(cellText(row, columns.businessId));
  if (bid) t.businessId[i] = businessIdNumber(bid);
  t.phone[i] = phoneMatchNumber(cellText(row, columns.phone));
  const email = normalizeEmail(cellText(row, columns.email));
  if (email) {
    t.email[i] = email;
    // Not interned: a register's domains are mostly each its own company's (100,000 in the
    // bench's 100,000 customers), and a look-up in a map of them cost 1 µs a row; the domain
    // is a slice of the email the row keeps anyway.
    t.emailDomain[i] = companyDomain(email);
  }
  const companyText = cellText(row, columns.companyName);
  const first = cellText(row, columns.firstName);
  const last = cellText(row, columns.lastName);
  let full = cellText(row, columns.fullName);
  // A one-column "Nimi" holding a company's name with its legal form ("Koivun Putki Oy Ab"):
  // the row is a company's, whatever the header said. A register may mix companies and persons
  // under one "Nimi"; each row is read by its own value (contentGuess.ts reads whole columns).
  let company = companyText ? normalizeCompanyName(companyText) : null;
  if (!companyText && full && !first && !last) {
    // Normalized once: the row's company name if it is one.
    const asCompany = normalizeCompanyName(full);
    if (asCompany.legalForm && asCompany.compact) {
      company = asCompany;
      full = '';
    }
  }
  if (company) {
    if (company.compact) {
      // Copied, not interned into the tokens' own array: that array is split's (another V8
      // elements kind), and every name array a table holds is made by words() alike, so the
      // comparisons that read them see one kind of array.
      t.companyWords[i] = v.words(company.tokens);
      t.compact[i] = company.compact;
      t.legalForm[i] = company.legalForm ? LEGAL_FORMS.indexOf(company.legalForm) + 1 : 0;
    }
  }
  if (first || last || full) {
    const words = personNameWords(first, last, full);
    // The array is personName.ts's, shared by every row of the same name.
    if (words.length) t.personWords[i] = v.sharedWords(words);
  }
  const street = cellText(row, columns.streetAddress);
  const address = street ? v.address(street) : NO_ADDRESS_IDS;
  if (address.street !== NONE) {
    t.street[i] = address.street;
    t.house[i] = address.house;
    if (address.unit !== NONE) t.unit[i] = address.unit;
  }
  // Without the column, one test a row.
  if (columns.addressLine2 !== undefined) {
    const line2 = cellText(row, columns.addressLine2);
    if (line2) secondLine(t, i, street, line2);
  }
  const postal = normalizePostalCode(cellText(row, columns.postalCode)) ?? address.postalCode;
  if (postal) t.postalCode[i] = parseInt(postal, 10);
  const town = cellText(row, columns.postOffice) || cellText(row, columns.municipality);
  if (town) {
    // "Helsingfors", "HKI" and "Helsinki" are one town (canonicalTown); "-" is none.
    const id = v.townId(town);
    if (id !== NONE) t.town[i] = id;
  }
}

/** Column indexes of the matching keys in a table's key list. */
export function matchColumns(keys: readonly string[]): Partial<Record<MatchKey, number>> {
  const out: Partial<Record<MatchKey, number>> = {};
  for (const k of MATCH_KEYS) {
    const i = keys.indexOf(k);
    if (i >= 0) out[k] = i;
  }
  return out;
}

/**
 * Normalizes every row of a table. Give the list and the customer register the same
 * vocabulary: their ids are compared.
 */
export function toMatchTable(
  keys: readonly string[],
  rows: readonly (readonly CellValue[])[],
  vocabulary = new Vocabulary(),
  guess: GuessOptions | null = null,
): MatchTable {
  const builder = new MatchTableBuilder(keys, vocabulary, undefined, rows.length, guess);
  for (const row of rows) builder.add(row);
  return builder.finish();
}

/** Column meaning from contents (contentGuess.ts): `fixed` are the columns mapped by hand. */
export interface GuessOptions {
  fixed?: ReadonlySet<number>;
}

/**
 * A MatchTable made one row at a time, for rows read one at a time (streamTabular): each row is
 * normalized while its cells are fresh in the cache, and need not be kept.
 */
export class MatchTableBuilder {
  private table: MatchTable;
  private count = 0;
  private columns: Partial<Record<MatchKey, number>>;
  /** Rows held back until the contents have settled the columns' meaning (null: settled). */
  private pending: (readonly CellValue[])[] | null;
  /** The keys the rows are read by, after the contents were read. */
  keys: string[];
  /** Columns whose meaning came from their contents. */
  guesses: ColumnGuess[] = [];

  /**
   * `onRow` is called with each row once it is normalized (the customers' blocking keys);
   * `capacity` is the rows to make room for at first (the table grows beyond it as needed).
   */
  constructor(
    keys: readonly string[],
    vocabulary: Vocabulary,
    private readonly onRow?: (t: MatchTable, i: number) => void,
    capacity = 1024,
    private readonly guess: GuessOptions | null = null,
  ) {
    this.keys = [...keys];
    this.columns = matchColumns(keys);
    this.table = new MatchTable(Math.max(capacity, 1), vocabulary);
    this.pending = guess ? [] : null;
  }

  add(row: readonly CellValue[]): void {
    if (this.pending) {
      this.pending.push(row);
      if (this.pending.length >= GUESS_SAMPLE) this.settle();
      return;
    }
    this.normalize(row);
  }

  /** Reads the held rows' contents for the columns' meaning, then normalizes them. */
  private settle(): void {
    const rows = this.pending!;
    this.pending = null;
    const g = guessColumnsFromContents(this.keys, rows, this.guess?.fixed);
    this.keys = g.keys;
    this.guesses = g.guesses;
    this.columns = matchColumns(g.keys);
    for (const row of rows) this.normalize(row);
  }

  private normalize(row: readonly CellValue[]): void {
    if (this.count === this.table.size) this.table = resized(this.table, this.table.size * 2);
    const i = this.count++;
    normalizeRow(this.table, i, row, this.columns);
    this.onRow?.(this.table, i);
  }

  /** The table of the rows added. */
  finish(): MatchTable {
    if (this.pending) this.settle();
    return this.count === this.table.size ? this.table : resized(this.table, this.count);
  }
}

/**
 * The other line's street, house and apartment of each row (MatchTable.alt): compared with the
 * other side's street where the lines may be swapped (comparison.ts, compareAddress).
 */
export interface AltAddress {
  street: Int32Array;
  house: Int32Array;
  unit: Int32Array;
}

export function newAltAddress(size: number): AltAddress {
  return { street: new Int32Array(size).fill(NONE), house: new Int32Array(size).fill(NONE), unit: new Int32Array(size).fill(NONE) };
}

/** Rows `from` up to `to` of `a` (copies), or null. */
export function sliceAltAddress(a: AltAddress | null, from: number, to: number): AltAddress | null {
  return a && { street: a.street.slice(from, to), house: a.house.slice(from, to), unit: a.unit.slice(from, to) };
}

/**
 * Reads an address's second line into row `i` (issue 12: Febrl's street swapped with the extra
 * line, a Finnish register's "Osoitteen lisätieto"). The street compared is taken from
 * whichever line parses as one:
 * - a c/o, a PO box or a number alone on line 2 adds nothing;
 * - an apartment alone ("as. 12", "B 12") is the apartment of line 1's house when line 1 has none;
 * - a street on line 2 with no street on line 1 (line 1 empty or a number alone, "51") is the
 *   street, with line 1's number when it has none of its own;
 * - a street on both lines: the line with the house number is the street (line 1 when both or
 *   neither have one), and the other is kept as `alt`, with that number when it has none of its
 *   own: "Lakes retirement estate 51" + "Hurley street" is compared as "Hurley street 51" too.
 *   A building's name cannot be told from a street by its form, so both are compared against
 *   the other side's street (a street found on either line agrees).
 */
function secondLine(t: MatchTable, i: number, line1: string, line2: string): void {
  const two = t.vocabulary.addressLine2(line2);
  if (two.kind === LINE2_APARTMENT) {
    if (t.street[i] !== NONE && t.unit[i] === NONE) t.unit[i] = two.unit;
    return;
  }
  if (two.kind !== LINE2_STREET) return;
  if (t.street[i] === NONE) {
    const own = two.house !== NONE;
    t.street[i] = two.street;
    t.house[i] = own ? two.house : bareHouse(line1);
    t.unit[i] = own ? two.unit : NONE;
    return;
  }
  const alt = (t.alt ??= newAltAddress(t.size));
  if (two.house !== NONE && t.house[i] === NONE) {
    // Line 2 has the number, line 1 none ("Lakes retirement estate" / "Hurley street 51"):
    // line 2 is the street address, line 1 its other line.
    alt.street[i] = t.street[i]!;
    alt.house[i] = two.house;
    alt.unit[i] = two.unit;
    t.street[i] = two.street;
    t.house[i] = two.house;
    t.unit[i] = two.unit;
    return;
  }
  alt.street[i] = two.street;
  const own = two.house !== NONE;
  alt.house[i] = own ? two.house : t.house[i]!;
  alt.unit[i] = own ? two.unit : t.unit[i]!;
}

/** A first line that is a house number alone ("51", "5 a"), as MatchTable.house; else NONE. */
function bareHouse(line1: string): number {
  const n = line1 ? parseHouseNumber(line1) : null;
  return n ? parseInt(n.number, 10) * 65536 + houseLetter(n.letter, null) : NONE;
}

/** A copy of `t` with `size` rows: its rows first, then empty ones. */
function resized(t: MatchTable, size: number): MatchTable {
  const out = new MatchTable(size, t.vocabulary);
  const n = Math.min(size, t.size);
  out.businessId.set(t.businessId.subarray(0, n));
  out.phone.set(t.phone.subarray(0, n));
  for (let i = 0; i < n; i++) {
    out.email[i] = t.email[i]!;
    out.emailDomain[i] = t.emailDomain[i]!;
    out.companyWords[i] = t.companyWords[i]!;
    out.compact[i] = t.compact[i]!;
    out.personWords[i] = t.personWords[i]!;
  }
  out.legalForm.set(t.legalForm.subarray(0, n));
  out.street.set(t.street.subarray(0, n));
  out.house.set(t.house.subarray(0, n));
  out.unit.set(t.unit.subarray(0, n));
  out.postalCode.set(t.postalCode.subarray(0, n));
  out.town.set(t.town.subarray(0, n));
  if (t.alt) {
    out.alt = newAltAddress(size);
    out.alt.street.set(t.alt.street.subarray(0, n));
    out.alt.house.set(t.alt.house.subarray(0, n));
    out.alt.unit.set(t.alt.unit.subarray(0, n));
  }
  return out;
}

/** What a table offers to match on; a customer file without any of these cannot be matched. */
export function matchableKeys(keys: readonly string[]): MatchKey[] {
  return MATCH_KEYS.filter((k) => keys.includes(k));
}
