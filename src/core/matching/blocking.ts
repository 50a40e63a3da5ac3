/**
 * Stage 2 of matching: blocking rules decide which pairs are compared at all. A pair is
 * compared when it shares any key:
 * - the same business id, phone (E.164) or email (exact identifiers);
 * - postal code + a word of the company name (typos in one word leave the others);
 * - the run-together company name, anywhere (a company that moved);
 * - postal code + the phonetic key of a person's name word (finnishPhonetic), and for a sole
 *   trader ("Tmi Matti Virtanen") the same from the company name;
 * - the phonetic keys of a person's whole name, asked only for rows without a postal code
 *   (every "Matti Virtanen" in Finland would otherwise be compared with every other);
 * - postal code + street + house number (companies sharing an office building are compared,
 *   and told apart).
 * A key shared by too many customers (a chain's switchboard, "Rakennus" in 00100) says little
 * and would make the match quadratic: such blocks are skipped, the other keys still apply.
 *
 * Keys are 32-bit hashes of their parts, not strings: 100,000 customers have ~800,000 keys, and
 * building that many strings costs more than the whole comparison stage. A hash collision only
 * adds a candidate, which the comparison then rejects.
 */
import { finnishPhonetic } from '../normalize/phonetic';
import type { MatchRecord } from './record';

/** Largest block compared for exact identifiers and for fuzzy keys. */
export const MAX_ID_BLOCK = 1000;
export const MAX_FUZZY_BLOCK = 60;

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
}

function mix(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return Math.imul(h ^ 0x1f, 16777619);
}

/** The hash state after the kind and the first part: shared by a record's keys of one area. */
function prefix(kind: Kind, a: string): number {
  return mix(Math.imul(2166136261 ^ kind, 16777619), a);
}

/** The key of a hash state; the kind is kept in the lowest bit for the block limit. */
function finish(kind: Kind, h: number): number {
  // Keep the kind readable: identifiers even, fuzzy keys odd.
  return ((h & ~1) | (kind > Kind.FUZZY ? 1 : 0)) >>> 0;
}

/** FNV-1a of the kind and parts. */
function key(kind: Kind, a: string, b = '', c = ''): number {
  let h = prefix(kind, a);
  if (b) h = mix(h, b);
  if (c) h = mix(h, c);
  return finish(kind, h);
}

export interface KeyOptions {
  /** Include keys that only the customer side indexes (the whole-name sound key). */
  indexSide: boolean;
}

/** A growable buffer of keys, reused from record to record (no array per record). */
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

/** Appends the blocking keys of `r` to `out` (see blockingKeys). */
function collectKeys(r: MatchRecord, indexSide: boolean, out: KeyBuffer): void {
  if (r.businessId) out.push(key(Kind.BusinessId, r.businessId));
  if (r.phone) out.push(key(Kind.Phone, r.phone));
  if (r.email) out.push(key(Kind.Email, r.email));
  const area1 = r.postalCode;
  const area2 = r.town && (indexSide || !r.postalCode) ? r.town : null;
  if (r.company) {
    out.push(key(Kind.CompanyName, r.company.compact));
    const words = r.company.tokens;
    // Each area's hash state is computed once and carried on with each word (same keys).
    for (let a = 0; a < 2; a++) {
      const area = a === 0 ? area1 : area2;
      if (!area) continue;
      const h = prefix(Kind.CompanyWord, area);
      for (let i = 0; i < words.length && i < 5; i++) if (words[i]!.length >= 3) out.push(finish(Kind.CompanyWord, mix(h, words[i]!)));
    }
  }
  const personWords = r.person && !r.company ? r.person.all : r.company?.legalForm === 'tmi' ? r.company.tokens : null;
  if (personWords && personWords.length) {
    const codes: string[] = [];
    for (const w of personWords) {
      const c = phonetic(w);
      if (c) codes.push(c);
    }
    for (let a = 0; a < 2; a++) {
      const area = a === 0 ? area1 : area2;
      if (!area) continue;
      const h = prefix(Kind.NameSound, area);
      for (const c of codes) out.push(finish(Kind.NameSound, mix(h, c)));
    }
    if (codes.length >= 2 && (indexSide || !r.postalCode)) out.push(key(Kind.WholeNameSound, codes.sort().join(' ')));
  }
  if (r.address && r.address.house) {
    if (area1) out.push(key(Kind.Address, area1, r.address.street, r.address.house));
    if (area2) out.push(key(Kind.Address, area2, r.address.street, r.address.house));
  }
}

/**
 * Blocking keys of a record. A customer is indexed under both its postal code and its town, a
 * list row asks with its postal code, or its town when it has none (exports drop columns).
 */
export function blockingKeys(r: MatchRecord, opts: KeyOptions = { indexSide: true }): number[] {
  const buf = new KeyBuffer();
  collectKeys(r, opts.indexSide, buf);
  return Array.from(buf.keys.subarray(0, buf.length));
}

/** Slot of a key in an open-addressing table of 2^bits slots. */
const slotOf = (k: number, bits: number) => Math.imul(k, 0x9e3779b1) >>> (32 - bits);

/**
 * Each slot is four numbers side by side in one array: its key, the start and the end of its
 * run in `members` (end = start for an empty slot), and a spare for counting while building.
 * A probe then reads one cache line, not one in each of three arrays: a table of ~2 million
 * slots does not fit in the cache, and the probes of 100,000 list rows are mostly misses.
 */
const STRIDE = 4;
const KEY = 0;
const START = 1;
const END = 2;
const COUNT = 3;

/**
 * An index of the customer register by blocking key: an open-addressing hash table of keys in
 * a typed array, each slot pointing at its run of customer indexes in one array (no Map, no
 * array per key: 100,000 customers have ~800,000 keys).
 */
export class BlockIndex {
  private readonly bits: number;
  private readonly slots: Uint32Array;
  private readonly members: Int32Array;
  private readonly stamp: Int32Array;
  private readonly query = new KeyBuffer();
  private generation = 0;

  constructor(readonly customers: readonly MatchRecord[]) {
    // All keys of all customers, with where each customer's keys start.
    const all = new KeyBuffer();
    const from = new Int32Array(customers.length + 1);
    for (let c = 0; c < customers.length; c++) {
      from[c] = all.length;
      collectKeys(customers[c]!, true, all);
    }
    from[customers.length] = all.length;
    let bits = 4;
    // Customers share many keys (a postal code and a common word): 1.5 slots per entry keep the
    // table under half full of distinct keys, and half the size of 2 per entry in cache misses.
    while (1 << bits < all.length * 1.5) bits++;
    this.bits = bits;
    const size = 1 << bits;
    const mask = size - 1;
    const slots = new Uint32Array(size * STRIDE);
    const entrySlot = new Int32Array(all.length);
    const keys = all.keys;
    for (let e = 0; e < all.length; e++) {
      const k = keys[e]!;
      let s = slotOf(k, bits);
      while (slots[s * STRIDE + COUNT] !== 0 && slots[s * STRIDE + KEY] !== k) s = (s + 1) & mask;
      slots[s * STRIDE + KEY] = k;
      slots[s * STRIDE + COUNT]++;
      entrySlot[e] = s;
    }
    let total = 0;
    for (let s = 0; s < size; s++) {
      const o = s * STRIDE;
      slots[o + START] = total;
      slots[o + END] = total;
      total += slots[o + COUNT]!;
    }
    // Fill: a customer with the same key twice is listed once (its entries are adjacent).
    const members = new Int32Array(total);
    for (let c = 0; c < customers.length; c++) {
      const index = customers[c]!.index;
      for (let e = from[c]!; e < from[c + 1]!; e++) {
        const o = entrySlot[e]! * STRIDE;
        const p = slots[o + END]!;
        if (p > slots[o + START]! && members[p - 1] === index) continue;
        members[p] = index;
        slots[o + END] = p + 1;
      }
    }
    this.slots = slots;
    this.members = members;
    this.stamp = new Int32Array(customers.length).fill(-1);
  }

  /** Offset of the key's slot in `slots`, or −1 when no customer has the key. */
  private slot(k: number): number {
    const mask = (1 << this.bits) - 1;
    const slots = this.slots;
    let s = slotOf(k, this.bits);
    for (;;) {
      const o = s * STRIDE;
      if (slots[o + END]! <= slots[o + START]!) return -1;
      if (slots[o + KEY] === k) return o;
      s = (s + 1) & mask;
    }
  }

  /** Customers that share a usable key with `r`, each once. */
  candidates(r: MatchRecord): number[] {
    const gen = ++this.generation;
    const out: number[] = [];
    const q = this.query;
    q.length = 0;
    collectKeys(r, false, q);
    for (let j = 0; j < q.length; j++) {
      const k = q.keys[j]!;
      const o = this.slot(k);
      if (o < 0) continue;
      const lo = this.slots[o + START]!;
      const hi = this.slots[o + END]!;
      if (hi - lo > (k & 1 ? MAX_FUZZY_BLOCK : MAX_ID_BLOCK)) continue;
      for (let p = lo; p < hi; p++) {
        const i = this.members[p]!;
        if (this.stamp[i] !== gen) {
          this.stamp[i] = gen;
          out.push(i);
        }
      }
    }
    return out;
  }
}
