/**
 * Person names as comparison keys. Lists give names as first and last name columns, or as one
 * "Nimi" column in either order ("Virtanen Matti" in registers, "Matti Virtanen" in CRMs).
 * A hyphenated name stays one part ("Anna-Liisa", "Virtanen-Mäkelä"), and the folded form is
 * compared (ä = a, w = v), while the display keeps ä/ö/å.
 */
import { foldedTokens } from './fold';

export interface NormalizedPersonName {
  /** Folded first-name parts, when the source says which part is the first name. */
  first: string[];
  /** Folded last-name parts, when the source says which part is the last name. */
  last: string[];
  /** Every folded part, in written order; the only thing known for a one-column "Nimi". */
  all: string[];
  /** True when first and last came from their own columns. */
  structured: boolean;
}

/** Parts are shared between rows with the same text: never modified in place. */
const NONE: string[] = [];
const partsCache = new Map<string, string[]>();

const TITLES = new Set(['dr', 'tri', 'prof', 'ins', 'dipl', 'mr', 'mrs', 'ms', 'rouva', 'herra', 'fru', 'herr']);

/**
 * Folded name parts. A hyphenated name is one part ("Anna-Liisa" → "annaliisa"): "Anna-Liisa"
 * and "Liisa" are usually mother and daughter, not one person written twice.
 */
function parts(raw: string | null | undefined): string[] {
  if (!raw) return NONE;
  let p = partsCache.get(raw);
  if (p === undefined) {
    p = foldedTokens(raw.replace(/\s*[-‐‑–]\s*/g, '')).filter((t) => !TITLES.has(t));
    // First names and surnames repeat from row to row: a list of 100,000 has a few thousand.
    if (partsCache.size > 100_000) partsCache.clear();
    partsCache.set(raw, p);
  }
  return p;
}

export function normalizePersonName(args: { first?: string | null; last?: string | null; full?: string | null }): NormalizedPersonName {
  const first = parts(args.first);
  const last = parts(args.last);
  if (first.length > 0 || last.length > 0) {
    return { first, last, all: [...first, ...last], structured: first.length > 0 && last.length > 0 };
  }
  const all = parts(args.full);
  return { first: [], last: [], all, structured: false };
}

/** `all` of first + last by the two texts (see personNameWords). */
const pairCache = new Map<string, Map<string, readonly string[]>>();
let pairs = 0;

/**
 * normalizePersonName(...).all, made once per distinct name: a list of 100,000 rows has a few
 * thousand first-and-last-name pairs, and matching needs only the words, not a new object and
 * array per row. The array is shared between rows: never modified in place.
 */
export function personNameWords(first: string, last: string, full: string): readonly string[] {
  // Only the first and last name decide when either is written: then the pair is looked up first.
  if (!first && !last) return parts(full);
  const byLast = pairCache.get(first);
  const known = byLast?.get(last);
  if (known !== undefined) return known;
  const f = parts(first);
  const l = parts(last);
  // Neither holds a word ("-", a title alone): the one-column name decides, and is not kept here.
  if (f.length === 0 && l.length === 0) return parts(full);
  const all = l.length === 0 ? f : f.length === 0 ? l : [...f, ...l];
  if (pairs > 100_000) {
    pairCache.clear();
    pairs = 0;
  }
  let row = pairCache.get(first);
  if (row === undefined) pairCache.set(first, (row = new Map()));
  row.set(last, all);
  pairs++;
  return all;
}

/** True when the name has at least two parts (a surname alone is weak evidence). */
export function isFullPersonName(n: NormalizedPersonName): boolean {
  return n.all.length >= 2;
}
