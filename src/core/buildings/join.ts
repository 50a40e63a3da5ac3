/**
 * The address join: a list row's street address and postal code against the buildings of those
 * postal codes. Hand-written because the rules are the product: Finnish and Swedish street
 * names, house letters vs staircases, number ranges, and which building is "the" building when
 * a house and its sauna share an address.
 *
 * Blocking is a Map lookup by normalized street, postal code and house (number and letter), built
 * once, so a row costs a few Map lookups whatever the number of buildings. The maps are nested
 * rather than keyed by one joined string: the street keys and postal codes are strings that
 * already exist (and keep their hash), so a lookup builds no new key.
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

/** A house within a street: the number and its letter, "5" + "a" (a number is digits, a letter is not). */
type HouseKey = string;

export interface BuildingIndex {
  /** street → postal code → house → the building there, or the slot when several share it. */
  full: Map<string, Map<string, Map<HouseKey, BuildingRecord | Slot>>>;
  /** street → house → the postal codes where that address exists: "00100", "00100,00250", or "*" for three or more. */
  postals: Map<string, Map<HouseKey, string>>;
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
  if (typeof value === 'string' && value.length === 5 && isDigits5(value)) return value;
  const s = String(value).trim();
  if (/^\d{5}$/.test(s)) return s;
  if (/^\d{1,4}$/.test(s)) return s.padStart(5, '0');
  const m = /\b(\d{5})\b/.exec(s);
  return m ? m[1]! : '';
}

function isDigits5(s: string): boolean {
  for (let i = 0; i < 5; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
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
    rank(first) > rank(second)
      ? rank(first) === 3
        ? 'residential'
        : 'notAuxiliary'
      : (first.floorArea ?? -1) > (second.floorArea ?? -1)
        ? 'floorArea'
        : 'first';
  return { main: first, count: candidates.length, choice };
}

/** The map under `key`, made when missing. */
function inner<K, V>(outer: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let m = outer.get(key);
  if (m === undefined) {
    m = new Map<string, V>();
    outer.set(key, m);
  }
  return m;
}

function entryAt(index: BuildingIndex, street: string, house: HouseKey, postal: string): BuildingRecord | Slot | undefined {
  return index.full.get(street)?.get(postal)?.get(house);
}

function addPostal(postals: Map<HouseKey, string>, key: HouseKey, postal: string): void {
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
  // House numbers repeat as much as streets ("1" … "12", "5a").
  const houseNumbers = new Map<string, ReturnType<typeof parseHouseNumber>>();
  const house = (raw: string) => {
    let hn = houseNumbers.get(raw);
    if (hn === undefined) {
      hn = parseHouseNumber(raw);
      houseNumbers.set(raw, hn);
    }
    return hn;
  };
  const full: BuildingIndex['full'] = new Map();
  // Addresses several buildings share: where they are, and the buildings, for pickMain at the end.
  const shared: { at: Map<HouseKey, BuildingRecord | Slot>; house: HouseKey; list: BuildingRecord[] }[] = [];
  const sharedAt = new Map<Map<HouseKey, BuildingRecord | Slot>, Map<HouseKey, BuildingRecord[]>>();
  const postals: BuildingIndex['postals'] = new Map();
  const streets = new Set<string>();
  const swedish = new Map<string, string[]>();
  for (const b of buildings) {
    for (const a of b.addresses) {
      const hn = house(a.number);
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
      const byStreet = inner(full, s);
      const houses = inner(byStreet, postal);
      const streetPostals = inner(postals, s);
      const numbers = hn.numberTo === null ? [hn.number] : numbersOf(hn.number, hn.numberTo);
      for (const n of numbers) {
        // A letter belongs to the first number of a range only ("5a-7" is 5a and 7).
        const l = n === hn.number ? (hn.letter ?? '') : '';
        const k: HouseKey = n + l;
        const there = houses.get(k);
        if (there === undefined) houses.set(k, b);
        else if (there !== b) {
          const lists = sharedAt.get(houses) ?? new Map<HouseKey, BuildingRecord[]>();
          sharedAt.set(houses, lists);
          let list = lists.get(k);
          if (!list) {
            list = [there as BuildingRecord];
            lists.set(k, list);
            shared.push({ at: houses, house: k, list });
          }
          if (!list.includes(b)) list.push(b);
        }
        addPostal(streetPostals, k, postal);
      }
    }
  }
  for (const { at, house, list } of shared) at.set(house, pickMain(list));
  return { full, postals, streets, swedish, buildings: buildings.length };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzåäö';

/** People drop the dot of an abbreviation too: "Kauppak 5", "Meri-Rastilant 3". */
function streetCandidates(index: BuildingIndex, street: string): string[] {
  if (index.streets.has(street)) return [street];
  const fi = index.swedish.get(street);
  if (fi) return fi;
  const out: string[] = [];
  for (const [end, full] of [
    ['kj', 'kuja'],
    ['k', 'katu'],
    ['t', 'tie'],
    ['v', 'vägen'],
    ['g', 'gatan'],
  ] as const) {
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
function atPostal(
  index: BuildingIndex,
  s: string,
  n: string,
  a: ParsedAddress,
  postal: string,
  exactLevel: MatchLevel,
): AddressMatch | null {
  const letter = a.letter ?? '';
  let slot = entryAt(index, s, n + letter, postal);
  if (slot) return found(slot, exactLevel);
  if (!a.letter && a.staircase) {
    // "Kauppakatu 5 A" where the register has 5a and no plain 5.
    slot = entryAt(index, s, n + a.staircase.toLowerCase(), postal);
    if (slot) return found(slot, exactLevel);
  }
  if (!a.letter) {
    // "5" against a register that has only "5a": taken when there is exactly one such letter.
    let only: BuildingRecord | Slot | undefined;
    let count = 0;
    const houses = index.full.get(s)?.get(postal);
    if (!houses) return null;
    for (const l of LETTERS) {
      const e = houses.get(n + l);
      if (e) {
        only = e;
        if (++count > 1) return null;
      }
    }
    return only ? found(only, 'street-number') : null;
  }
  // "5a" against a register that has only "5".
  slot = entryAt(index, s, n, postal);
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
        const codes = index.postals.get(s)?.get(n + l);
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
