/**
 * String similarity for comparisons: Jaro-Winkler (the measure Splink's name levels use) and
 * an alignment of name words that tells "one word mistyped" from "one word different".
 * Hand-written: a few dozen lines, called millions of times in a 100k × 100k match, and the
 * word alignment is specific to how Finnish names vary.
 */
import { isCommonFirstName } from '../normalize/firstNames';

/** Per character of b: the call that matched it (a stamp, so nothing is cleared per call). */
let matchedB = new Int32Array(64);
/** The matched characters of a, in a's order. */
let charsA = new Uint16Array(64);
let call = 0;

/** Jaro-Winkler similarity in 0–1 (prefix scale 0.1, up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  if (matchedB.length < lb) matchedB = new Int32Array(lb * 2);
  if (charsA.length < la) charsA = new Uint16Array(la * 2);
  if (++call === 0x7fffffff) {
    call = 1;
    matchedB.fill(0);
  }
  const stamp = call;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = i > window ? i - window : 0;
    const hi = Math.min(lb - 1, i + window);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (matchedB[j] !== stamp && b.charCodeAt(j) === c) {
        matchedB[j] = stamp;
        charsA[matches++] = c;
        break;
      }
    }
  }
  if (!matches) return 0;
  let t = 0;
  let k = 0;
  for (let j = 0; j < lb; j++) {
    if (matchedB[j] !== stamp) continue;
    if (b.charCodeAt(j) !== charsA[k]) t++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  const maxPrefix = Math.min(4, la, lb);
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * The most Jaro-Winkler can give two strings of these lengths (every character of the shorter
 * matched, no transpositions, a full prefix): a test that skips the computation when even
 * that stays under a threshold.
 */
export function jaroWinklerBound(la: number, lb: number): number {
  if (!la || !lb) return 0;
  const lo = Math.min(la, lb);
  const jaro = (lo / la + lo / lb + 1) / 3;
  return jaro + Math.min(4, lo) * 0.1 * (1 - jaro);
}

/** Letter counts of one string, for the common-letter bound (reset after each use). */
const letterCount = new Int32Array(65536);

/**
 * Jaro-Winkler of a and b when it reaches `min`, else 0 — without computing it when an upper
 * bound already falls short. The bound: Jaro's matched characters are at most the letters the
 * two strings have in common (as multisets), its transpositions at least none, and the prefix
 * is the real one; Jaro-Winkler grows with Jaro. Counting common letters is linear, Jaro-Winkler
 * is not, and most pairs of a match run are plainly different ("hameenkatu" / "kauppakatu").
 */
export function jaroWinklerAtLeast(a: string, b: string, min: number): number {
  if (a === b) return a.length && 1 >= min ? 1 : 0;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  for (let i = 0; i < la; i++) letterCount[a.charCodeAt(i)]++;
  let common = 0;
  for (let j = 0; j < lb; j++) {
    const c = b.charCodeAt(j);
    if (letterCount[c]! > 0) {
      letterCount[c]--;
      common++;
    }
  }
  for (let i = 0; i < la; i++) letterCount[a.charCodeAt(i)] = 0;
  if (!common) return 0;
  let prefix = 0;
  const maxPrefix = Math.min(4, la, lb);
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  const jaroBound = (common / la + common / lb + 1) / 3;
  // A margin for rounding: the bound only ever skips pairs clearly under `min`.
  if (jaroBound + prefix * 0.1 * (1 - jaroBound) < min - 1e-9) return 0;
  const s = jaroWinkler(a, b);
  return s >= min ? s : 0;
}

/**
 * Two words are the same word mistyped: equal, or Jaro-Winkler ≥ 0.9 for words of five letters
 * or more ("Virtanen"/"Virtnen" 0.97, "Heikkinen"/"Heikinen" 0.98), ≥ 0.94 for shorter ones
 * ("Matti"/"Mati" 0.95), while "Matti"/"Mikko" (0.64), "Pekka"/"Petri" (0.75) and
 * "Jari"/"Kari" (0.83) stay different people.
 */
export function sameWord(a: string, b: string): number {
  if (a === b) return 1;
  // Cheap rejections first (most word pairs of a match run are plainly different words):
  // a slip rarely hits the first two letters at once, and Jaro-Winkler can reach 0.9 only
  // when the lengths are close (its upper bound from the lengths alone).
  if (a.charCodeAt(0) !== b.charCodeAt(0) && a.charCodeAt(1) !== b.charCodeAt(1) && !(a[0] === b[1] && a[1] === b[0])) return 0;
  const lo = Math.min(a.length, b.length);
  const jaroBound = (lo / a.length + lo / b.length + 1) / 3;
  if (jaroBound + 0.4 * (1 - jaroBound) < 0.9) return 0;
  return jaroWinklerAtLeast(a, b, Math.min(a.length, b.length) >= 5 ? 0.9 : 0.94);
}

export interface WordAlignment {
  /** Words of the shorter name that found their word in the longer one (exact or mistyped). */
  aligned: number;
  /** Words of the shorter name that found none: a different first name, another company word. */
  unaligned: number;
  /** Words of the longer name left over (middle names, a double surname, "Helsinki"). */
  extra: number;
  /** Mean similarity of the aligned words (1 = all exact). */
  similarity: number;
}

/**
 * Aligns the words of two names regardless of order ("Virtanen Matti" = "Matti Virtanen"):
 * each word of the shorter name takes the most similar unused word of the longer one.
 * Also aligns a compound with its parts ("Autovirtanen" = "Auto Virtanen").
 */
export function alignWords(a: readonly string[], b: readonly string[], same: (x: string, y: string) => number = sameWord): WordAlignment {
  const short = a.length <= b.length ? a : b;
  const long = a.length <= b.length ? b : a;
  // Used words of the longer name: bits of a number for up to 31 words (no array per call).
  const used: boolean[] | null = long.length > 31 ? new Array<boolean>(long.length).fill(false) : null;
  let usedBits = 0;
  let aligned = 0;
  let total = 0;
  for (let i = 0; i < short.length; i++) {
    const w = short[i]!;
    let best = -1;
    let bestSim = 0;
    for (let j = 0; j < long.length; j++) {
      if (used ? used[j] : usedBits & (1 << j)) continue;
      const s = same(w, long[j]!);
      if (s > bestSim) {
        bestSim = s;
        best = j;
        if (s === 1) break;
      }
    }
    if (best >= 0) {
      if (used) used[best] = true;
      else usedBits |= 1 << best;
      aligned++;
      total += bestSim;
    }
  }
  return {
    aligned,
    unaligned: short.length - aligned,
    extra: long.length - aligned - (short.length - aligned),
    similarity: aligned ? total / aligned : 0,
  };
}

/**
 * sameWord for person names: two different common first names are two people ("Hanna" and
 * "Hannu", "Jari" and "Kari"), never one name mistyped.
 */
export function samePersonWord(a: string, b: string): number {
  if (a === b) return 1;
  // sameWord first: it rejects most pairs on their first letters, before any name lookup.
  const s = sameWord(a, b);
  if (s === 0) return doubleSurname(a, b) || doubleSurname(b, a) ? 0.9 : 0;
  if (isCommonFirstName(a) && isCommonFirstName(b)) return 0;
  return s;
}

/**
 * `long` is a double surname, run together as hyphenated names are, that holds `short` at its
 * start or end ("ketolavirtanen" / "ketola", "virtanenkorhonen" / "korhonen"): the surname
 * taken at marriage beside the old one. Both parts at least four letters; never first names.
 */
function doubleSurname(short: string, long: string): boolean {
  if (short.length < 4 || long.length < short.length + 4 || isCommonFirstName(short)) return false;
  return long.startsWith(short) || long.endsWith(short);
}
