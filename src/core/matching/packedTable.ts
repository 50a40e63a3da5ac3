/**
 * A MatchTable as plain data for postMessage, so that one thread can normalize the customer
 * register while another normalizes the list, and each links part of the list (the CLI,
 * src/cli/io/matchWorker.ts).
 *
 * The typed-array columns are copied once and transferred (not cloned). The string columns travel as one
 * text, fields joined by U+0001: a structured clone of one string is a copy of its bytes, where
 * 400,000 small strings cost as much to clone as to normalize again. Vocabulary ids are the
 * sender's; unpackTable maps them into the receiver's vocabulary.
 */
import { MatchTable, type Vocabulary } from './record';

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
  /** The sender's vocabulary, by id. */
  vocabulary: string[];
  /** Per row: email, email domain, company words, the words run together, person words. */
  text: string;
}

// Neither character can be in a value: emails pass a strict pattern, and name words are folded
// to [a-z0-9] and joined by a space.
const FIELD = '\u0001';
const ABSENT = '\u0002';
const FIELDS_PER_ROW = 5;

/**
 * Rows `from` up to `to` of the table as data (row `from` becomes row 0), and the buffers to
 * transfer: copies, so the table itself stays usable.
 */
export function packTable(t: MatchTable, from = 0, to = t.size): { packed: PackedTable; transfer: ArrayBuffer[] } {
  const size = to - from;
  const parts = new Array<string>(size * FIELDS_PER_ROW);
  for (let i = from, p = 0; i < to; i++) {
    const company = t.companyWords[i];
    const person = t.personWords[i];
    parts[p++] = t.email[i] ?? ABSENT;
    parts[p++] = t.emailDomain[i] ?? ABSENT;
    parts[p++] = company ? company.join(' ') : ABSENT;
    parts[p++] = t.compact[i]!;
    parts[p++] = person ? person.join(' ') : ABSENT;
  }
  const packed: PackedTable = {
    size,
    businessId: t.businessId.slice(from, to),
    phone: t.phone.slice(from, to),
    legalForm: t.legalForm.slice(from, to),
    street: t.street.slice(from, to),
    house: t.house.slice(from, to),
    unit: t.unit.slice(from, to),
    postalCode: t.postalCode.slice(from, to),
    town: t.town.slice(from, to),
    vocabulary: t.vocabulary.strings,
    text: parts.join(FIELD),
  };
  const transfer = [
    packed.businessId,
    packed.phone,
    packed.legalForm,
    packed.street,
    packed.house,
    packed.unit,
    packed.postalCode,
    packed.town,
  ].map((a) => a.buffer as ArrayBuffer);
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
  }
  const { packed, transfer } = packTable(sub);
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
  const fields = p.text.split(FIELD);
  // Person names repeat (first names, surnames): rows with the same name share one array, as
  // they did where the table was made (personName.ts), and fewer objects outlive the unpacking.
  const personWords = new Map<string, readonly string[]>();
  if (fields.length !== p.size * FIELDS_PER_ROW && p.size > 0) throw new Error(`packed table: ${fields.length} fields for ${p.size} rows`);
  for (let i = 0, f = 0; i < p.size; i++) {
    const email = fields[f++]!;
    const domain = fields[f++]!;
    const company = fields[f++]!;
    const compact = fields[f++]!;
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
  return t;
}
