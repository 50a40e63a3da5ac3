/**
 * A MatchTable as plain data for postMessage, so that one thread can normalize the customer
 * register while another normalizes the list, and each links part of the list (the CLI,
 * src/cli/io/matchWorker.ts).
 *
 * The typed-array columns are copied once and transferred (not cloned). Name words travel as
 * indexes into a list of the distinct words the rows use (a register of
 * 100,000 companies has some 300,000 name words but far fewer distinct ones), and the rows that
 * share a person's name (one array in the sender, see Vocabulary.sharedWords) as one index:
 * the receiver interns each distinct word once and makes each person's array once, instead of
 * splitting every row's words out of a text and looking each up (the unpacking was a tenth of
 * the main thread's reading). That costs the sender a look-up a word: rows the main thread
 * sends (packRows) carry their words as text instead, which the sender only joins and the
 * worker splits and interns (see PackedTable.names). The strings that are each row's own (email and its domain, the
 * name run together) travel as one text, fields joined by U+0001: a structured clone of one string is a
 * copy of its bytes, where 200,000 small strings cost as much to clone as to normalize again.
 * Vocabulary ids are the sender's; unpackTable maps them into the receiver's vocabulary.
 */
import { MatchTable, newAltAddress, sliceAltAddress, type AltAddress, type Vocabulary } from './record';

export interface PackedTable {
  size: number;
  businessId: Int32Array;
  phone: Float64Array;
  legalForm: Uint8Array;
  street: Int32Array;
  house: Int32Array;
  unit: Int32Array;
  postalCode: Int32Array;
  town: Int32Array;
  /** MatchTable.alt (the address's other line), null when no row has one. */
  alt: AltAddress | null;
  /** The sender's vocabulary, by id. */
  vocabulary: string[];
  /**
   * How the name words travel: 'indexed', as indexes into `words` (the columns below), or
   * 'text', each row's words joined in `text` (the columns below empty). Indexes cost the
   * sender a look-up a word and spare the receiver one; the CLI's main thread, the one that
   * waits, is sent the customers indexed and sends the list's rows as text (packRows).
   */
  names: NameEncoding;
  /** The distinct name words of the rows; the columns below index it. */
  words: string[];
  /** Row i's company words are companyWords[companyStart[i] .. companyStart[i + 1]) (none: no company name). */
  companyStart: Int32Array;
  companyWords: Int32Array;
  /** The row's person (index into personStart), or -1. */
  person: Int32Array;
  /** Person p's words are personWords[personStart[p] .. personStart[p + 1]). */
  personStart: Int32Array;
  personWords: Int32Array;
  /**
   * Every row's MatchTable.nameFrequency, counted by the sender over the same rows; null when
   * the rows are part of a table (their frequencies are the whole table's, not theirs).
   */
  nameFrequency: Float64Array | null;
  /**
   * Per row: email, its company domain, the company words run together; with names as 'text',
   * then the company words and the person's words, each joined by a space.
   */
  text: string;
}

export type NameEncoding = 'indexed' | 'text';

export interface PackOptions {
  /** Send the rows' name frequencies (the whole table only: a part's would be its own). */
  frequencies?: boolean;
  /** How the name words travel (PackedTable.names); default 'indexed'. */
  names?: NameEncoding;
}

// Neither character can be in a value: emails pass a strict pattern, and name words are folded
// to [a-z0-9].
const FIELD = '\u0001';
const ABSENT = '\u0002';
const FIELDS_PER_ROW = 3;
const TEXT_NAME_FIELDS = 2;
const EMPTY = new Int32Array(0);

/** Int32 growable list (the word indexes, whose number is known only once they are made). */
class Int32List {
  array = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.array.length) {
      const grown = new Int32Array(this.array.length * 2);
      grown.set(this.array);
      this.array = grown;
    }
    this.array[this.length++] = v;
  }
  /** The values as an array of their exact length (its own buffer, to transfer). */
  done(): Int32Array {
    return this.array.slice(0, this.length);
  }
}

/**
 * Rows `from` up to `to` of the table as data (row `from` becomes row 0), and the buffers to
 * transfer: copies, so the table itself stays usable. The whole table goes with its name
 * frequencies (`frequencies`: counted here if not yet), so the receiver need not count them.
 */
export function packTable(t: MatchTable, from = 0, to = t.size, opts: PackOptions = {}): { packed: PackedTable; transfer: ArrayBuffer[] } {
  const frequencies = opts.frequencies ?? (from === 0 && to === t.size);
  if (opts.names === 'text') return withFrequencies(packNamesAsText(t, from, to), t, frequencies);
  const size = to - from;
  const parts = new Array<string>(size * FIELDS_PER_ROW);
  const words: string[] = [];
  // The words are the vocabulary's one copy each (Vocabulary.word): their hashes are already
  // made, and a lookup here is cheaper than the receiver's of a string split from a text.
  const wordIndex = new Map<string, number>();
  const indexOf = (w: string) => {
    let k = wordIndex.get(w);
    if (k === undefined) {
      wordIndex.set(w, (k = words.length));
      words.push(w);
    }
    return k;
  };
  const companyStart = new Int32Array(size + 1);
  const companyWords = new Int32List();
  const person = new Int32Array(size).fill(-1);
  const personIndex = new Map<readonly string[], number>();
  const personStart = new Int32List();
  const personWords = new Int32List();
  for (let i = from, k = 0, p = 0; i < to; i++, k++) {
    const company = t.companyWords[i];
    if (company) for (let w = 0; w < company.length; w++) companyWords.push(indexOf(company[w]!));
    companyStart[k + 1] = companyWords.length;
    const name = t.personWords[i];
    if (name) {
      // Rows of one name share its array (Vocabulary.sharedWords): by identity, sent once.
      let n = personIndex.get(name);
      if (n === undefined) {
        personIndex.set(name, (n = personStart.length));
        personStart.push(personWords.length);
        for (let w = 0; w < name.length; w++) personWords.push(indexOf(name[w]!));
      }
      person[k] = n;
    }
    parts[p++] = t.email[i] ?? ABSENT;
    parts[p++] = t.emailDomain[i] ?? ABSENT;
    parts[p++] = t.compact[i]!;
  }
  personStart.push(personWords.length);
  const packed: PackedTable = {
    ...typedColumns(t, from, to),
    names: 'indexed',
    words,
    companyStart,
    companyWords: companyWords.done(),
    person,
    personStart: personStart.done(),
    personWords: personWords.done(),
    nameFrequency: null,
    text: parts.join(FIELD),
  };
  return withFrequencies(packed, t, frequencies);
}

/** The columns of rows `from` up to `to` that are numbers (copies). */
function typedColumns(t: MatchTable, from: number, to: number) {
  return {
    size: to - from,
    businessId: t.businessId.slice(from, to),
    phone: t.phone.slice(from, to),
    legalForm: t.legalForm.slice(from, to),
    street: t.street.slice(from, to),
    house: t.house.slice(from, to),
    unit: t.unit.slice(from, to),
    postalCode: t.postalCode.slice(from, to),
    town: t.town.slice(from, to),
    alt: sliceAltAddress(t.alt, from, to),
    vocabulary: t.vocabulary.strings,
  };
}

/**
 * The rows with their name words as text (PackedTable.names): the sender only joins each
 * row's words, the receiver splits and interns them.
 */
function packNamesAsText(t: MatchTable, from: number, to: number): PackedTable {
  const parts = new Array<string>((to - from) * (FIELDS_PER_ROW + TEXT_NAME_FIELDS));
  for (let i = from, p = 0; i < to; i++) {
    const company = t.companyWords[i];
    const person = t.personWords[i];
    parts[p++] = t.email[i] ?? ABSENT;
    parts[p++] = t.emailDomain[i] ?? ABSENT;
    parts[p++] = t.compact[i]!;
    parts[p++] = company ? company.join(' ') : ABSENT;
    parts[p++] = person ? person.join(' ') : ABSENT;
  }
  return {
    ...typedColumns(t, from, to),
    names: 'text',
    words: [],
    companyStart: EMPTY,
    companyWords: EMPTY,
    person: EMPTY,
    personStart: EMPTY,
    personWords: EMPTY,
    nameFrequency: null,
    text: parts.join(FIELD),
  };
}

/** The packed rows with the table's name frequencies if asked, and the buffers to transfer. */
function withFrequencies(packed: PackedTable, t: MatchTable, frequencies: boolean): { packed: PackedTable; transfer: ArrayBuffer[] } {
  if (frequencies) packed.nameFrequency = t.nameFrequencies().slice();
  const transfer = [
    packed.businessId,
    packed.phone,
    packed.legalForm,
    packed.street,
    packed.house,
    packed.unit,
    packed.postalCode,
    packed.town,
    ...(packed.names === 'indexed'
      ? [packed.companyStart, packed.companyWords, packed.person, packed.personStart, packed.personWords]
      : []),
  ].map((a) => a.buffer as ArrayBuffer);
  if (packed.nameFrequency) transfer.push(packed.nameFrequency.buffer as ArrayBuffer);
  if (packed.alt)
    transfer.push(packed.alt.street.buffer as ArrayBuffer, packed.alt.house.buffer as ArrayBuffer, packed.alt.unit.buffer as ArrayBuffer);
  return { packed, transfer };
}

/**
 * The rows `rows` of the table as data (rows[k] becomes row k), with only the vocabulary they
 * use: for a few thousand rows, the whole vocabulary of a 100k run would cost more to send and
 * map than the rows themselves.
 */
export function packRows(t: MatchTable, rows: ArrayLike<number>): { packed: PackedTable; transfer: ArrayBuffer[] } {
  const sub = new MatchTable(rows.length, t.vocabulary);
  const words: string[] = [];
  const idOf = new Map<number, number>();
  const local = (id: number) => {
    if (id < 0) return id;
    let n = idOf.get(id);
    if (n === undefined) {
      idOf.set(id, (n = words.length));
      words.push(t.vocabulary.strings[id]!);
    }
    return n;
  };
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    sub.businessId[k] = t.businessId[i]!;
    sub.phone[k] = t.phone[i]!;
    sub.legalForm[k] = t.legalForm[i]!;
    sub.street[k] = local(t.street[i]!);
    sub.house[k] = t.house[i]!;
    sub.unit[k] = local(t.unit[i]!);
    sub.postalCode[k] = t.postalCode[i]!;
    sub.town[k] = local(t.town[i]!);
    sub.email[k] = t.email[i]!;
    sub.emailDomain[k] = t.emailDomain[i]!;
    sub.companyWords[k] = t.companyWords[i]!;
    sub.compact[k] = t.compact[i]!;
    sub.personWords[k] = t.personWords[i]!;
    if (t.alt) {
      sub.alt ??= newAltAddress(rows.length);
      sub.alt.street[k] = local(t.alt.street[i]!);
      sub.alt.house[k] = t.alt.house[i]!;
      sub.alt.unit[k] = local(t.alt.unit[i]!);
    }
  }
  // A few rows of a table: their frequencies would be theirs, not the table's. The main thread
  // sends these (the model's random pairs, the worker's part of the list): their words as text,
  // so that the sending thread, the one that waits, spends least.
  const { packed, transfer } = packTable(sub, 0, sub.size, { frequencies: false, names: 'text' });
  return { packed: { ...packed, vocabulary: words }, transfer };
}

/** The table again, its vocabulary ids mapped into `vocabulary`. */
export function unpackTable(p: PackedTable, vocabulary: Vocabulary): MatchTable {
  const t = new MatchTable(p.size, vocabulary);
  const ids = p.vocabulary.map((s) => vocabulary.id(s));
  const mapped = (column: Int32Array) => column.map((id) => (id < 0 ? id : ids[id]!));
  t.businessId.set(p.businessId);
  t.phone.set(p.phone);
  t.legalForm.set(p.legalForm);
  t.street.set(mapped(p.street));
  t.house.set(p.house);
  t.unit.set(mapped(p.unit));
  t.postalCode.set(p.postalCode);
  t.town.set(mapped(p.town));
  if (p.alt) t.alt = { street: mapped(p.alt.street), house: p.alt.house, unit: mapped(p.alt.unit) };
  if (p.names === 'text') unpackNamesAsText(p, t, vocabulary);
  else unpackIndexedNames(p, t, vocabulary);
  if (p.nameFrequency) t.adoptNameFrequencies(p.nameFrequency);
  return t;
}

/** The rows' strings, name words as indexes (PackedTable.names). */
function unpackIndexedNames(p: PackedTable, t: MatchTable, vocabulary: Vocabulary): void {
  // Each distinct word interned once (the receiver's one copy), each person's array made once
  // and shared by the rows of that name, as where the table was made.
  const words = p.words.map((w) => vocabulary.word(w));
  const persons = new Array<readonly string[]>(p.personStart.length - 1);
  for (let n = 0; n < persons.length; n++) {
    const a = p.personStart[n]!;
    const name = new Array<string>(p.personStart[n + 1]! - a);
    for (let w = 0; w < name.length; w++) name[w] = words[p.personWords[a + w]!]!;
    persons[n] = name;
  }
  const fields = p.text.split(FIELD);
  if (fields.length !== p.size * FIELDS_PER_ROW && p.size > 0) throw new Error(`packed table: ${fields.length} fields for ${p.size} rows`);
  for (let i = 0, f = 0; i < p.size; i++) {
    const email = fields[f++]!;
    const domain = fields[f++]!;
    const compact = fields[f++]!;
    if (email !== ABSENT) t.email[i] = email;
    if (domain !== ABSENT) t.emailDomain[i] = domain;
    const a = p.companyStart[i]!;
    const n = p.companyStart[i + 1]! - a;
    if (n > 0) {
      const company = new Array<string>(n);
      for (let w = 0; w < n; w++) company[w] = words[p.companyWords[a + w]!]!;
      t.companyWords[i] = company;
      t.compact[i] = compact;
    }
    const person = p.person[i]!;
    if (person >= 0) t.personWords[i] = persons[person]!;
  }
}

/** The rows' strings, name words as text (PackedTable.names). */
function unpackNamesAsText(p: PackedTable, t: MatchTable, vocabulary: Vocabulary): void {
  const fields = p.text.split(FIELD);
  const perRow = FIELDS_PER_ROW + TEXT_NAME_FIELDS;
  if (fields.length !== p.size * perRow && p.size > 0) throw new Error(`packed table: ${fields.length} fields for ${p.size} rows`);
  // Person names repeat (first names, surnames): rows with the same name share one array, as
  // they did where the table was made (Vocabulary.sharedWords).
  const personWords = new Map<string, readonly string[]>();
  for (let i = 0, f = 0; i < p.size; i++) {
    const email = fields[f++]!;
    const domain = fields[f++]!;
    const compact = fields[f++]!;
    const company = fields[f++]!;
    const person = fields[f++]!;
    if (email !== ABSENT) t.email[i] = email;
    if (domain !== ABSENT) t.emailDomain[i] = domain;
    if (company !== ABSENT) {
      t.companyWords[i] = vocabulary.words(company.split(' '));
      t.compact[i] = compact;
    }
    if (person !== ABSENT) {
      let words = personWords.get(person);
      if (!words) personWords.set(person, (words = vocabulary.words(person.split(' '))));
      t.personWords[i] = words;
    }
  }
}
