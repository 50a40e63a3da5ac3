/**
 * Stage 2 of matching: blocking rules decide which pairs are compared at all. A pair is
 * compared when it shares any key:
 * - the same business id, phone (E.164) or email (exact identifiers);
 * - postal code + a word of the company name (typos in one word leave the others);
 * - the run-together company name, anywhere (a company that moved), and a person's name run
 *   together under the same key;
 * - postal code + the phonetic key of a person's name word (finnishPhonetic), and for a sole
 *   trader ("Tmi Matti Virtanen") the same from the company name;
 * - the phonetic keys of a person's whole name, asked only for rows without a postal code
 *   (every "Matti Virtanen" in Finland would otherwise be compared with every other);
 * - postal code + the street's first four letters + house number (companies sharing an office
 *   building are compared, and told apart; a street mistyped later in its name still meets),
 *   and the same in the town (asked by every row with a town: a mistyped postal code does not
 *   hide the same address);
 * - street + the phonetic key of a person's name word: a pair whose postal code and town both
 *   differ or are missing, but not its street and name. (Companies have their run-together
 *   name anywhere instead: street + company word made 15 times the pairs, "Teollisuustie" and
 *   "Rakennus" being in every town.)
 * - two weak keys for what all the others miss, their blocks limited to MAX_WEAK_BLOCK: a name
 *   word's sound + another word's initial in the town, and the street's beginning + a name
 *   word's initial in the postal code or town;
 * - persons' weak keys, for a postal code mistyped where the town does not help (missing,
 *   mistyped itself) and names the keys above cannot use: the street + house number in the
 *   postal code's "near areas" (its digits sorted: two digits swapped; the code without its
 *   last digit: the last digit slipped); a name word's first three letters in the postal code
 *   and its near areas (a typo inside the word changes its sound: "Charlntte" / "Charlotte";
 *   the name's sounds there found nothing more, and were dropped); the whole name's sound
 *   anywhere (a rare name in another town, its words in any order); the street's beginning
 *   alone in the postal code and its sorted digits (the house number missing or mistyped and
 *   the name replaced: a duplicate only the address tells).
 * No single field can defeat this union: a wrong identifier leaves the names and address, a
 * wrong postal code leaves the town and the street, a wrong street the postal code, a name
 * mistyped in every word the address and the identifiers.
 * A key shared by too many customers (a chain's switchboard, "Rakennus" in 00100) says little
 * and would make the match quadratic: such blocks are skipped, the other keys still apply.
 *
 * Keys are 32-bit hashes of their parts, not strings: 100,000 customers have ~800,000 keys, and
 * building that many strings costs more than the whole comparison stage. A hash collision only
 * adds a candidate, which the comparison then rejects.
 *
 * The index is the customers' keys sorted (a radix sort, see sortKeys): building it reads and
 * writes arrays in order, where a hash table scattered 1.2 million inserts over 32 MB.
 */
import { finnishPhonetic } from '../normalize/phonetic';
import { fnv1a, FNV_OFFSET, FNV_PRIME, NONE, TMI, type MatchTable, type Vocabulary } from './record';

/** Largest block compared for exact identifiers and for fuzzy keys. */
export const MAX_ID_BLOCK = 1000;
export const MAX_FUZZY_BLOCK = 60;
/**
 * Largest block compared for the weak keys (a name word's sound with another word's initial in
 * a town, a street's beginning with a name's initial): they are there for the pairs that every
 * other key misses, and their blocks in a city are dozens of namesakes. At 60 they tripled the
 * candidate pairs of a 100k × 100k person run; at 12 they keep what they find on Febrl 3 and
 * the second generator (measured at 10, 15, 20, 30 and 60: the same true pairs found).
 */
export const MAX_WEAK_BLOCK = 12;

const phoneticCache = new Map<string, string>();
function phonetic(word: string): string {
  let p = phoneticCache.get(word);
  if (p === undefined) {
    p = finnishPhonetic(word);
    if (phoneticCache.size > 100_000) phoneticCache.clear();
    phoneticCache.set(word, p);
  }
  return p;
}

/** Kinds of key. Identifier kinds (below FUZZY) get the larger block limit. */
const enum Kind {
  BusinessId = 1,
  Phone = 2,
  Email = 3,
  FUZZY = 10,
  CompanyWord = 11,
  CompanyName = 12,
  NameSound = 13,
  WholeNameSound = 14,
  Address = 15,
  NameStreet = 16,
  WEAK = 17,
  TownNameSound = 17,
  StreetInitial = 18,
  RareWholeNameSound = 19,
  NearArea = 20,
  StreetInArea = 21,
  NamePrefix = 22,
}

/** An area is a postal code (under 2^17) or a town (its hash, 30 bits, with this bit): never one key. */
const TOWN_TAG = 0x40000000;
/** The near areas of a postal code (nearAreas) are tagged apart from each other and from codes. */
const SORTED_TAG = 0x20000000;
const SHORTENED_TAG = 0x10000000;

const nearArea = [NONE, NONE];
const NO_AREAS: readonly number[] = [];

/**
 * The areas a mistyped postal code still shares with the right one, into `nearArea`: the code's
 * digits sorted ("33500" / "35300", two digits swapped) and the code without its last digit
 * ("2262" / "2263"). A typo elsewhere in the code leaves the town, which has its own keys.
 * Postal codes are numbers here, so a code's leading zeros are gone on both sides alike (a
 * register whose zeros Excel ate meets the list that kept them).
 */
function nearAreas(postal: number): void {
  if (postal === NONE) {
    nearArea[0] = nearArea[1] = NONE;
    return;
  }
  nearArea[0] = sortedDigits(postal) | SORTED_TAG;
  nearArea[1] = Math.floor(postal / 10) | SHORTENED_TAG;
}

/** A postal code's digits in ascending order, as a number ("35300" → 335): by counting, no strings (this runs for every row). */
function sortedDigits(postal: number): number {
  const counts = digitCounts;
  counts.fill(0);
  for (let p = postal; p > 0; p = Math.floor(p / 10)) counts[p % 10]++;
  let out = 0;
  for (let d = 1; d <= 9; d++) for (let k = counts[d]!; k > 0; k--) out = out * 10 + d;
  return out;
}
const digitCounts = new Int32Array(10);

/**
 * A town's hash with spaces and hyphens left out: "Malvern East" / "Malverneast", "Dal by" /
 * "Dalby" (a space typed or dropped), "Ylä-Ii" / "Ylä Ii" are one town for blocking, as the
 * comparison takes them (Jaro-Winkler). Kept by the town's vocabulary id, per vocabulary.
 */
const townHashes = new WeakMap<Vocabulary, number[]>();
function townHash(t: MatchTable, town: number): number {
  let hashes = townHashes.get(t.vocabulary);
  if (!hashes) townHashes.set(t.vocabulary, (hashes = []));
  let h = hashes[town];
  if (h === undefined) h = hashes[town] = fnv1a(t.text(town).replace(/[\s-]/g, '')) >>> 0;
  return h;
}

function mixText(h: number, s: string): number {
  return Math.imul(fnv1a(s, h) ^ 0x1f, FNV_PRIME);
}

function mixInt(h: number, v: number): number {
  h = Math.imul(h ^ (v & 0xffff), FNV_PRIME);
  return Math.imul(h ^ (v >>> 16), FNV_PRIME);
}

function start(kind: Kind): number {
  return Math.imul(FNV_OFFSET ^ kind, FNV_PRIME);
}

/**
 * The key of a hash state: avalanched (the index buckets keys by their top bits, which FNV
 * leaves poorly mixed) and the kind kept in the lowest bit for the block limit.
 */
function finish(kind: Kind, h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  // The two lowest bits: 0 an identifier, 1 a fuzzy key, 3 a weak key (see MAX_WEAK_BLOCK).
  return ((h & ~3) | (kind >= Kind.WEAK ? 3 : kind > Kind.FUZZY ? 1 : 0)) >>> 0;
}

/** A growable buffer of keys, reused from row to row (no array per row). */
class KeyBuffer {
  keys = new Uint32Array(64);
  length = 0;
  push(k: number): void {
    if (this.length === this.keys.length) {
      const grown = new Uint32Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    this.keys[this.length++] = k;
  }
}

const codes: string[] = [];
const initials: number[] = [];

/**
 * Appends the blocking keys of row `i` to `out`. A customer is indexed under both its postal
 * code and its town (`indexSide`), a list row asks with its postal code, or its town when it
 * has none (exports drop columns).
 */
function collectKeys(t: MatchTable, i: number, indexSide: boolean, out: KeyBuffer): void {
  const postal = t.postalCode[i]!;
  const town = t.town[i]!;
  // Vocabulary ids differ from thread to thread: keys are made of the strings' hashes.
  const hashes = t.vocabulary.hashes;
  const prefixHashes = t.vocabulary.prefixHashes;
  if (t.businessId[i] !== NONE) out.push(finish(Kind.BusinessId, mixInt(start(Kind.BusinessId), t.businessId[i]!)));
  const phone = t.phone[i]!;
  if (phone !== NONE) out.push(finish(Kind.Phone, mixInt(mixInt(start(Kind.Phone), phone % 0x100000000), Math.floor(phone / 0x100000000))));
  const email = t.email[i];
  if (email) out.push(finish(Kind.Email, mixText(start(Kind.Email), email)));
  // The areas a row is keyed in: its postal code, and its town (see above).
  const area1 = postal !== NONE ? postal : NONE;
  const townArea = town !== NONE ? (townHash(t, town) & 0x3fffffff) | TOWN_TAG : NONE;
  const area2 = indexSide || postal === NONE ? townArea : NONE;
  // Street + house asked in the town as well (a mistyped postal code), by every row with a town.
  const addressArea2 = townArea;
  nearAreas(postal);
  const street = t.street[i]!;
  const words = t.companyWords[i];
  if (words) {
    out.push(finish(Kind.CompanyName, mixText(start(Kind.CompanyName), t.compact[i]!)));
    for (let a = 0; a < 2; a++) {
      const area = a === 0 ? area1 : area2;
      if (area === NONE) continue;
      const h = mixInt(start(Kind.CompanyWord), area);
      for (let w = 0; w < words.length && w < 5; w++) if (words[w]!.length >= 3) out.push(finish(Kind.CompanyWord, mixText(h, words[w]!)));
    }
  }
  const person = t.personWords[i];
  const personWords = person && !words ? person : t.legalForm[i] === TMI ? words : null;
  // A person's name run together meets a company name run together ("Mäki IT-Palvelu" read as
  // a company on one side and as a "Nimi" on the other; "Tmi Matti Virtanen" / "Matti Virtanen").
  if (person && !words && person.length) out.push(finish(Kind.CompanyName, mixText(start(Kind.CompanyName), person.join(''))));
  if (personWords && personWords.length) {
    codes.length = 0;
    initials.length = 0;
    for (const w of personWords) {
      const c = phonetic(w);
      if (!c) continue;
      codes.push(c);
      // The first three words' initials (a name of more words is a long company name).
      if (initials.length < 3) initials.push(w.charCodeAt(0));
    }
    for (let a = 0; a < 2; a++) {
      const area = a === 0 ? area1 : area2;
      if (area === NONE) continue;
      const h = mixInt(start(Kind.NameSound), area);
      for (const c of codes) out.push(finish(Kind.NameSound, mixText(h, c)));
    }
    if (personWords === person) {
      // Persons' weak keys for a mistyped postal code, a mistyped name, a replaced name (see
      // the module comment).
      for (let a = 0; a < 3; a++) {
        const area = a === 0 ? area1 : nearArea[a - 1]!;
        if (area === NONE) continue;
        const h = mixInt(start(Kind.NamePrefix), area);
        for (const w of person) if (w.length >= 3) out.push(finish(Kind.NamePrefix, mixText(h, w.slice(0, 3))));
      }
      if (street !== NONE && area1 !== NONE) {
        out.push(finish(Kind.StreetInArea, mixInt(mixInt(start(Kind.StreetInArea), area1), prefixHashes[street]!)));
        out.push(finish(Kind.StreetInArea, mixInt(mixInt(start(Kind.StreetInArea), nearArea[0]!), prefixHashes[street]!)));
      }
    }
    // Persons only: a company, a sole trader too, has its name run together anywhere (above),
    // and a sole trader's words are trade words as often as names ("Tmi Rakennus Virtanen"):
    // with them every sole trader on a "Teollisuustie" anywhere in Finland was a candidate,
    // 160,000 of a 100k × 100k company run's 920,000 pairs.
    if (street !== NONE && personWords === person) {
      const h = mixInt(start(Kind.NameStreet), hashes[street]!);
      for (const c of codes) out.push(finish(Kind.NameStreet, mixText(h, c)));
    }
    if (codes.length >= 2) {
      const whole = codes.slice().sort().join(' ');
      if (indexSide || postal === NONE) out.push(finish(Kind.WholeNameSound, mixText(start(Kind.WholeNameSound), whole)));
      // Asked by every row, in a weak block: a name that few customers have, found anywhere
      // (the postal code and the town both mistyped or moved).
      if (personWords === person) out.push(finish(Kind.RareWholeNameSound, mixText(start(Kind.RareWholeNameSound), whole)));
    }
    // In the town, asked by every row with a town: one word's sound and another word's initial
    // ("Matti Juhani Virtanen" / "Matti Virtanen", "Tuomo" / "Tuomas Virtanen"). A mistyped
    // postal code and a street written otherwise (in Swedish, abbreviated) leave the name in
    // the same town (issue 12: no single field defeats blocking). A word's sound alone in a
    // city is every Virtanen, and made a 100k × 100k run five times slower; with another
    // word's initial a block is a few dozen rows at most.
    if (addressArea2 !== NONE && initials.length >= 2 && personWords === person) {
      const h = mixInt(start(Kind.TownNameSound), addressArea2);
      for (let a = 0; a < initials.length; a++) {
        const ha = mixText(h, codes[a]!);
        for (let b = 0; b < initials.length; b++) if (b !== a) out.push(finish(Kind.TownNameSound, mixInt(ha, initials[b]!)));
      }
    }
    // The street's beginning in the area and a name word's initial: the house number mistyped
    // or missing and the name mistyped, at the same street (Febrl's "Kenyon circuit 119" /
    // "Kenyon circuit 14", "Stephatnie Spogn" / "Stephanie Spong").
    if (street !== NONE && initials.length && personWords === person) {
      for (let a = 0; a < 2; a++) {
        const area = a === 0 ? area1 : addressArea2;
        if (area === NONE) continue;
        const h = mixInt(mixInt(start(Kind.StreetInitial), area), t.vocabulary.prefixHashes[street]!);
        for (const c of initials) out.push(finish(Kind.StreetInitial, mixInt(h, c)));
      }
    }
  }
  if (street !== NONE && t.house[i] !== NONE) {
    for (let a = 0; a < 2; a++) {
      const area = a === 0 ? area1 : addressArea2;
      if (area === NONE) continue;
      out.push(finish(Kind.Address, mixInt(mixInt(mixInt(start(Kind.Address), area), t.vocabulary.prefixHashes[street]!), t.house[i]!)));
    }
    // Persons only: a company has its run-together name anywhere, and its identifiers.
    for (const area of personWords && personWords === person ? nearArea : NO_AREAS) {
      if (area !== NONE)
        out.push(finish(Kind.NearArea, mixInt(mixInt(mixInt(start(Kind.NearArea), area), prefixHashes[street]!), t.house[i]!)));
    }
  }
}

/** Blocking keys of row `i` (see collectKeys); for tests and tools. */
export function blockingKeys(t: MatchTable, i: number, opts: { indexSide: boolean } = { indexSide: true }): number[] {
  const buf = new KeyBuffer();
  collectKeys(t, i, opts.indexSide, buf);
  return Array.from(buf.keys.subarray(0, buf.length));
}

/** The arrays of a BlockIndex: plain data, to hand to another thread (see BlockIndex). */
export interface IndexArrays {
  /** 32 − the bits a key's bucket is read from. */
  shift: number;
  bucketStart: Int32Array;
  keys: Uint32Array;
  members: Int32Array;
  runEnd: Int32Array;
}

function buildIndexArrays(customers: MatchTable): IndexArrays {
  const keys = new IndexKeys();
  for (let c = 0; c < customers.size; c++) keys.add(customers, c);
  return keys.arrays();
}

/**
 * The keys of the customers, gathered a row at a time: as each row is normalized (while it is
 * fresh in the cache, see MatchTableBuilder) or all at once (buildIndexArrays). `arrays()` then
 * sorts them into the index.
 */
export class IndexKeys {
  private readonly all = new KeyBuffer();
  /** Where each row's keys start in `all`. */
  private readonly from: number[] = [];

  /** The keys of row `c`, which must be the next row. */
  add(customers: MatchTable, c: number): void {
    this.from[c] = this.all.length;
    collectKeys(customers, c, true, this.all);
  }

  arrays(): IndexArrays {
    return sortKeys(this.all, this.from);
  }
}

function sortKeys(all: KeyBuffer, rowStart: readonly number[]): IndexArrays {
  const n = all.length;
  let keys = all.keys.slice(0, n);
  let owners = new Int32Array(n);
  for (let c = 0; c < rowStart.length; c++) {
    const end = c + 1 < rowStart.length ? rowStart[c + 1]! : n;
    owners.fill(c, rowStart[c]!, end);
  }
  // By the whole key, 16 bits a pass, least significant first (a radix sort): each pass reads
  // in order and writes to 65,536 places that move forward, where placing each entry straight
  // into a table of a million buckets was a cache miss per entry. Two passes of 16 bits took
  // 70-95 ms for the 1.2 million keys of 100,000 customers, three of 11 bits 75-300 ms (sixth
  // session, loaded host). The sort is stable, so the customers of one key stay in customer order.
  let spareKeys = new Uint32Array(n);
  let spareOwners = new Int32Array(n);
  const counts = new Int32Array(RADIX + 1);
  for (let shift = 0; shift < 32; shift += RADIX_BITS) {
    counts.fill(0);
    for (let e = 0; e < n; e++) counts[((keys[e]! >>> shift) & (RADIX - 1)) + 1]++;
    for (let d = 0; d < RADIX; d++) counts[d + 1] += counts[d]!;
    for (let e = 0; e < n; e++) {
      const k = keys[e]!;
      const p = counts[(k >>> shift) & (RADIX - 1)]!++;
      spareKeys[p] = k;
      spareOwners[p] = owners[e]!;
    }
    [keys, spareKeys] = [spareKeys, keys];
    [owners, spareOwners] = [spareOwners, owners];
  }
  // Drop a customer's repeated entry of a key, and mark where each key's run ends.
  const runEnd = new Int32Array(n);
  let write = 0;
  let runStart = 0;
  for (let e = 0; e < n; e++) {
    const k = keys[e]!;
    if (write > runStart && keys[write - 1] === k && owners[write - 1] === owners[e]) continue;
    if (write > runStart && keys[write - 1] !== k) {
      for (let r = runStart; r < write; r++) runEnd[r] = write;
      runStart = write;
    }
    keys[write] = k;
    owners[write] = owners[e]!;
    write++;
  }
  for (let r = runStart; r < write; r++) runEnd[r] = write;
  // Where each bucket (the key's top bits) starts, for the lookup.
  let bits = 4;
  while (1 << bits < write) bits++;
  const shift = 32 - bits;
  const buckets = 1 << bits;
  const bucketStart = new Int32Array(buckets + 1);
  for (let b = 0, e = 0; b <= buckets; b++) {
    while (e < write && keys[e]! >>> shift < b) e++;
    bucketStart[b] = e;
  }
  return { shift, bucketStart, keys: keys.slice(0, write), members: owners.slice(0, write), runEnd: runEnd.slice(0, write) };
}

const RADIX_BITS = 16;
const RADIX = 1 << RADIX_BITS;

/**
 * An index of the customer register by blocking key. Every (key, customer) entry is sorted by
 * key, so the customers of one key are one run of `members`; a customer with the same key twice
 * is listed once. A lookup reads where the key's top bits start in `bucketStart` and scans from
 * there; `runEnd` lets the scan step over another key's whole run.
 */
export class BlockIndex {
  readonly arrays: IndexArrays;
  private readonly stamp: Int32Array;
  private readonly query = new KeyBuffer();
  private generation = 0;
  /** Candidate pairs given out so far (summary.json reports them). */
  pairs = 0;

  /** Indexes `customers`, or takes the arrays of an index of the same table made elsewhere (IndexKeys). */
  constructor(
    readonly customers: MatchTable,
    arrays?: IndexArrays,
  ) {
    this.arrays = arrays ?? buildIndexArrays(customers);
    this.stamp = new Int32Array(customers.size).fill(-1);
  }

  /** Customers that share a usable key with row `i` of `list`, each once, into `out`. */
  candidates(list: MatchTable, i: number, out: number[] = []): number[] {
    const gen = ++this.generation;
    out.length = 0;
    const q = this.query;
    q.length = 0;
    collectKeys(list, i, false, q);
    const { keys, members, runEnd, shift, bucketStart } = this.arrays;
    const stamp = this.stamp;
    for (let j = 0; j < q.length; j++) {
      const k = q.keys[j]!;
      const b = k >>> shift;
      let p = bucketStart[b]!;
      const hi = bucketStart[b + 1]!;
      while (p < hi && keys[p] !== k) p = runEnd[p]!;
      if (p >= hi) continue;
      const end = runEnd[p]!;
      if (end - p > ((k & 3) === 3 ? MAX_WEAK_BLOCK : k & 1 ? MAX_FUZZY_BLOCK : MAX_ID_BLOCK)) continue;
      for (; p < end; p++) {
        const c = members[p]!;
        if (stamp[c] !== gen) {
          stamp[c] = gen;
          out.push(c);
        }
      }
    }
    this.pairs += out.length;
    return out;
  }
}
