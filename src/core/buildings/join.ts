/**
 * The address join: a list row's street address and postal code against the buildings of those
 * postal codes. Hand-written because the rules are the product: Finnish and Swedish street
 * names, house letters vs staircases, number ranges, and which building is "the" building when
 * a house and its sauna share an address.
 *
 * Blocking is a Map lookup by normalized key (street|number|letter|postal code), built once, so
 * a row costs a few Map lookups whatever the number of buildings.
 *
 * Levels:
 * - exact: street, number, letter and postal code agree (a lone capital after the number,
 *   "5 A", may stand for the letter: "5a").
 * - street-number: the same street and number, but the postal code differs or is missing, or the
 *   letter had to be ignored; taken only when exactly one address fits.
 * - none: nothing fits, or several addresses fit equally well (we never guess).
 */
import { normalizeStreetName, parseHouseNumber, parseStreetAddress, type ParsedAddress } from '../normalize/address';
import type { BuildingRecord } from './building';
import { isAuxiliary, isResidential, groupsOf } from './groups';

export const MATCH_LEVELS = ['exact', 'street-number', 'none'] as const;
export type MatchLevel = (typeof MATCH_LEVELS)[number];

/** Why this building was taken when several share the address. */
export type MainChoice = 'only' | 'residential' | 'notAuxiliary' | 'floorArea' | 'first';

export interface AddressMatch {
  building: BuildingRecord | null;
  level: MatchLevel;
  /** Buildings at the matched address (1 for most; a house and its sauna make 2). */
  candidates: number;
  choice: MainChoice | null;
}

interface Slot {
  main: BuildingRecord;
  count: number;
  choice: MainChoice;
}

export interface BuildingIndex {
  /** street|number|letter|postal → the building there, or the slot when several share it. */
  full: Map<string, BuildingRecord | Slot>;
  /** street|number|letter → the postal codes where that address exists: "00100", "00100,00250", or "*" for three or more. */
  postals: Map<string, string>;
  streets: Set<string>;
  /** Swedish street key → the Finnish keys it names (indexing each address once halves the index). */
  swedish: Map<string, string[]>;
  buildings: number;
}

/** Finnish streets have odd numbers on one side and even on the other: "12-14" is 12 and 14. */
const MAX_RANGE = 40;
function numbersOf(number: string, numberTo: string | null): string[] {
  const from = Number(number);
  const to = numberTo === null ? from : Number(numberTo);
  if (!(to > from) || to - from > MAX_RANGE) return [String(from)];
  const step = (to - from) % 2 === 0 ? 2 : 1;
  const out: string[] = [];
  for (let n = from; n <= to; n += step) out.push(String(n));
  return out;
}

/** Postal codes are five digits as text; a number that lost its zeros (250) gets them back. */
export function normalizePostalCode(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = String(value).trim();
  if (/^\d{5}$/.test(s)) return s;
  if (/^\d{1,4}$/.test(s)) return s.padStart(5, '0');
  const m = /\b(\d{5})\b/.exec(s);
  return m ? m[1]! : '';
}

function rank(b: BuildingRecord): number {
  if (isResidential(b)) return 3;
  if (isAuxiliary(b)) return 0;
  return groupsOf(b).length ? 2 : 1;
}

function pickMain(candidates: BuildingRecord[]): Slot {
  const sorted = [...candidates].sort(
    (a, b) =>
      rank(b) - rank(a) ||
      (b.floorArea ?? -1) - (a.floorArea ?? -1) ||
      Number(b.completionYear !== undefined) - Number(a.completionYear !== undefined) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const [first, second] = [sorted[0]!, sorted[1]!];
  const choice: MainChoice =
    rank(first) > rank(second) ? (rank(first) === 3 ? 'residential' : 'notAuxiliary') : (first.floorArea ?? -1) > (second.floorArea ?? -1) ? 'floorArea' : 'first';
  return { main: first, count: candidates.length, choice };
}

const key4 = (s: string, n: string, l: string, p: string) => `${s}|${n}|${l}|${p}`;
const key3 = (a: string, b: string, c: string) => `${a}|${b}|${c}`;

function addPostal(postals: Map<string, string>, key: string, postal: string): void {
  const seen = postals.get(key);
  if (seen === undefined) postals.set(key, postal);
  else if (seen !== '*' && !seen.split(',').includes(postal)) postals.set(key, seen.includes(',') ? '*' : `${seen},${postal}`);
}

/** Builds the lookup index once for all rows. */
export function buildIndex(buildings: readonly BuildingRecord[]): BuildingIndex {
  const streetKey = new Map<string, string>();
  const norm = (name: string) => {
    let k = streetKey.get(name);
    if (k === undefined) {
      k = normalizeStreetName(name);
      streetKey.set(name, k);
    }
    return k;
  };
  const full = new Map<string, BuildingRecord | Slot>();
  const shared = new Map<string, BuildingRecord[]>();
  const postals = new Map<string, string>();
  const streets = new Set<string>();
  const swedish = new Map<string, string[]>();
  for (const b of buildings) {
    for (const a of b.addresses) {
      const hn = parseHouseNumber(a.number);
      if (!hn) continue;
      const postal = normalizePostalCode(a.postalCode);
      const s = norm(a.streetFi);
      if (!s) continue;
      if (a.streetSv) {
        const sv = norm(a.streetSv);
        if (sv && sv !== s) {
          const fi = swedish.get(sv);
          if (!fi) swedish.set(sv, [s]);
          else if (!fi.includes(s)) fi.push(s);
        }
      }
      streets.add(s);
      const numbers = hn.numberTo === null ? [hn.number] : numbersOf(hn.number, hn.numberTo);
      for (const n of numbers) {
        // A letter belongs to the first number of a range only ("5a-7" is 5a and 7).
        const l = n === hn.number ? (hn.letter ?? '') : '';
        const k = key4(s, n, l, postal);
        const there = full.get(k);
        if (there === undefined) full.set(k, b);
        else if (there !== b) {
          const list = shared.get(k) ?? [there as BuildingRecord];
          if (!list.includes(b)) list.push(b);
          shared.set(k, list);
        }
        addPostal(postals, key3(s, n, l), postal);
      }
    }
  }
  for (const [k, list] of shared) full.set(k, pickMain(list));
  return { full, postals, streets, swedish, buildings: buildings.length };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzåäö';

/** People drop the dot of an abbreviation too: "Kauppak 5", "Meri-Rastilant 3". */
function streetCandidates(index: BuildingIndex, street: string): string[] {
  if (index.streets.has(street)) return [street];
  const fi = index.swedish.get(street);
  if (fi) return fi;
  const out: string[] = [];
  for (const [end, full] of [['kj', 'kuja'], ['k', 'katu'], ['t', 'tie'], ['v', 'vägen'], ['g', 'gatan']] as const) {
    if (street.endsWith(end)) {
      const s = street.slice(0, -end.length) + full;
      if (index.streets.has(s)) out.push(s);
      else for (const fi of index.swedish.get(s) ?? []) out.push(fi);
    }
  }
  return out.length ? out : [street];
}

const NONE: AddressMatch = { building: null, level: 'none', candidates: 0, choice: null };

function found(entry: BuildingRecord | Slot, level: MatchLevel): AddressMatch {
  if ('main' in entry) return { building: entry.main, level, candidates: entry.count, choice: entry.choice };
  return { building: entry, level, candidates: 1, choice: null };
}

/** The match within one postal code, or null. `exactLevel` is downgraded when the code was guessed. */
function atPostal(index: BuildingIndex, s: string, n: string, a: ParsedAddress, postal: string, exactLevel: MatchLevel): AddressMatch | null {
  const letter = a.letter ?? '';
  let slot = index.full.get(key4(s, n, letter, postal));
  if (slot) return found(slot, exactLevel);
  if (!a.letter && a.staircase) {
    // "Kauppakatu 5 A" where the register has 5a and no plain 5.
    slot = index.full.get(key4(s, n, a.staircase.toLowerCase(), postal));
    if (slot) return found(slot, exactLevel);
  }
  if (!a.letter) {
    // "5" against a register that has only "5a": taken when there is exactly one such letter.
    let only: BuildingRecord | Slot | undefined;
    let count = 0;
    for (const l of LETTERS) {
      const e = index.full.get(key4(s, n, l, postal));
      if (e) {
        only = e;
        if (++count > 1) return null;
      }
    }
    return only ? found(only, 'street-number') : null;
  }
  // "5a" against a register that has only "5".
  slot = index.full.get(key4(s, n, '', postal));
  return slot ? found(slot, 'street-number') : null;
}

/** Matches one address. `postalCode` is the row's own column; the address text may hold one too. */
export function matchAddress(index: BuildingIndex, streetAddress: string, postalCode: string): AddressMatch {
  const a = parseStreetAddress(streetAddress);
  if (!a.street || !a.number) return NONE;
  const postal = normalizePostalCode(postalCode) || a.postalCode || '';
  const numbers = a.numberTo ? [a.number, a.numberTo] : [a.number];
  for (const s of streetCandidates(index, a.street)) {
    for (const n of numbers) {
      if (postal) {
        const m = atPostal(index, s, n, a, postal, 'exact');
        if (m) return m;
      }
      // Ignoring the postal code: only when the address exists under exactly one other code.
      const elsewhere = new Set<string>();
      for (const l of new Set([a.letter ?? '', a.staircase?.toLowerCase() ?? '', ''])) {
        const codes = index.postals.get(key3(s, n, l));
        if (codes === '*') elsewhere.add('*').add('**');
        else if (codes) for (const p of codes.split(',')) if (p !== postal) elsewhere.add(p);
      }
      if (elsewhere.size === 1) {
        const m = atPostal(index, s, n, a, [...elsewhere][0]!, 'street-number');
        if (m) return { ...m, level: 'street-number' };
      }
    }
  }
  return NONE;
}
