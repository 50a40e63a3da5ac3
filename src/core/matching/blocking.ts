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

/** FNV-1a of the kind and parts; the kind is kept in the low 4 bits' neighbour for the limit. */
function key(kind: Kind, a: string, b = '', c = ''): number {
  let h = Math.imul(2166136261 ^ kind, 16777619);
  h = mix(h, a);
  if (b) h = mix(h, b);
  if (c) h = mix(h, c);
  // Keep the kind readable: identifiers even, fuzzy keys odd.
  return ((h & ~1) | (kind > Kind.FUZZY ? 1 : 0)) >>> 0;
}

export interface KeyOptions {
  /** Include keys that only the customer side indexes (the whole-name sound key). */
  indexSide: boolean;
}

/**
 * Blocking keys of a record. A customer is indexed under both its postal code and its town, a
 * list row asks with its postal code, or its town when it has none (exports drop columns).
 */
export function blockingKeys(r: MatchRecord, opts: KeyOptions = { indexSide: true }): number[] {
  const keys: number[] = [];
  if (r.businessId) keys.push(key(Kind.BusinessId, r.businessId));
  if (r.phone) keys.push(key(Kind.Phone, r.phone));
  if (r.email) keys.push(key(Kind.Email, r.email));
  const areas: string[] = [];
  if (r.postalCode) areas.push(r.postalCode);
  if (r.town && (opts.indexSide || !r.postalCode)) areas.push(r.town);
  if (r.company) {
    keys.push(key(Kind.CompanyName, r.company.compact));
    const words = r.company.tokens;
    for (const area of areas) for (let i = 0; i < words.length && i < 5; i++) if (words[i]!.length >= 3) keys.push(key(Kind.CompanyWord, area, words[i]!));
  }
  const personWords = r.person && !r.company ? r.person.all : r.company?.legalForm === 'tmi' ? r.company.tokens : null;
  if (personWords && personWords.length) {
    const codes = personWords.map(phonetic).filter(Boolean);
    for (const area of areas) for (const c of codes) keys.push(key(Kind.NameSound, area, c));
    if (codes.length >= 2 && (opts.indexSide || !r.postalCode)) keys.push(key(Kind.WholeNameSound, [...codes].sort().join(' ')));
  }
  if (r.address && r.address.house) for (const area of areas) keys.push(key(Kind.Address, area, r.address.street, r.address.house));
  return keys;
}

/** An index of the customer register by blocking key. */
export class BlockIndex {
  private readonly blocks = new Map<number, number[]>();
  private readonly stamp: Int32Array;
  private generation = 0;

  constructor(readonly customers: readonly MatchRecord[]) {
    for (const c of customers) {
      for (const k of blockingKeys(c)) {
        const b = this.blocks.get(k);
        if (b) {
          if (b[b.length - 1] !== c.index) b.push(c.index);
        } else this.blocks.set(k, [c.index]);
      }
    }
    this.stamp = new Int32Array(customers.length).fill(-1);
  }

  /** Customers that share a usable key with `r`, each once. */
  candidates(r: MatchRecord): number[] {
    const gen = ++this.generation;
    const out: number[] = [];
    for (const k of blockingKeys(r, { indexSide: false })) {
      const b = this.blocks.get(k);
      if (!b) continue;
      if (b.length > (k & 1 ? MAX_FUZZY_BLOCK : MAX_ID_BLOCK)) continue;
      for (const i of b) {
        if (this.stamp[i] !== gen) {
          this.stamp[i] = gen;
          out.push(i);
        }
      }
    }
    return out;
  }
}
