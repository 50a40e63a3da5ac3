/**
 * The model estimated from the two files of each run, as Splink and fastLink do, instead of
 * fixed weights from our own generator: a register written by other hands (other address
 * habits, another share of missing phones, names mistyped more or less often) gets weights
 * that fit it.
 *
 * Expectation–maximisation over the best candidate pair (by the prior model) of each of a sample
 * of list rows, among the pairs blocking brings together (the pairs the model's m and u are
 * defined over, model.ts; the other candidates of a row give u, see samplePatterns): each pair's
 * comparison levels are a pattern, the patterns are counted, and EM alternates between the probability
 * that each pattern is a match and the m, u and λ (the share of matches) that explain the
 * counts. The prior (DEFAULT_MODEL) starts EM and is also a Dirichlet prior worth PRIOR_PAIRS
 * pairs per table (maximum a posteriori EM): a level the data barely shows keeps its prior.
 *
 * Guard rails where data cannot speak:
 * - a register of fewer than MIN_CUSTOMERS rows, or fewer than MIN_PAIRS sampled pairs, keeps
 *   the prior model (fellBack);
 * - a shared business id is never weaker evidence than in the prior, a different one never
 *   weaker evidence against;
 * - every weight is capped at ±MAX_BITS;
 * - agreement never weighs against, disagreement never for;
 * - another common first name on each side ("otherFirstName": "Matti" / "Liisa Virtanen")
 *   weighs exactly as much against as an exact street address with the same postal code weighs
 *   for: never more (issue 12, miss 8), never less (a family member at the customer's address
 *   is as likely as the customer); any other name part replaced ("partial") is estimated;
 * - a wholly different company name outweighs a shared phone and street address, and a wholly
 *   different name is never weaker evidence against than in the prior.
 * Hand-written: a few dozen lines of arithmetic over a few hundred patterns, and the library
 * record-linkage toolkits are Python.
 */
import { compareNames, compareRows, type ComparisonVector } from './comparison';
import { samePersonWord } from './similarity';
import type { BlockIndex } from './blocking';
import {
  addressTable,
  vectorWeight,
  type TermFrequencyReference,
  type LevelProbabilities,
  type MatchModel,
  type ModelTables,
  type TableName,
} from './model';
import { fnv1a, NONE, wordsKey, type MatchTable } from './record';
import { runSteps } from '../progress';

/** How the estimate went, for summary.json, the processing log and the audit sheet's notes. */
export interface EstimationFit {
  /** Pairs EM was run on: the best candidate of each sampled list row that has one. */
  pairs: number;
  /** All candidate pairs of the sampled rows (the others gave u among candidates). */
  candidatePairs?: number;
  /** List rows sampled. */
  sampledRows: number;
  iterations: number;
  converged: boolean;
  /** Estimated share of matches among the best pairs (the share of sampled rows whose best candidate is their customer). */
  lambda: number;
  /** True when the data was too small to estimate from: the prior model was used as it is. */
  fellBack: boolean;
  /**
   * How often two rows of one file at one home are a family (householdRate): the pairs of rows
   * at one home in the list and the register, those whose names are another first name under
   * the same surname, and the rate, shrunk towards HOUSEHOLD_PRIOR. It sets how much another
   * first name at the customer's address weighs against (guard). Absent when the prior was used.
   */
  households?: Households;
  /** The namesakes' correction of the model (namesakeBits): pairs of one name, those at another address in one postal code, bits. */
  namesakes?: { pairs: number; apart: number; bits: number };
}

export interface Estimate {
  model: MatchModel;
  fit: EstimationFit;
}

/** List rows whose candidate pairs are sampled: enough for stable counts, cheap beside linking. */
export const SAMPLE_ROWS = 2000;
export const MIN_CUSTOMERS = 200;
export const MIN_PAIRS = 200;
/** Weight of the prior, in pairs per table. */
export const PRIOR_PAIRS = 200;
const MAX_BITS = 12;
/** The cap of a model on the scale of random pairs, whose prior odds a register of a million makes −20 bits. */
const MAX_BITS_RANDOM = 30;
const MAX_ITERATIONS = 100;
/** Converged when no m, u or λ moves more than this between iterations. */
const TOLERANCE = 1e-5;

/** The table of each field of a comparison (name and address by the kind of name). */
export function tablesOf(v: ComparisonVector): [TableName, string][] {
  const out: [TableName, string][] = [];
  const company = v.nameKind === 'company';
  if (v.businessId) out.push(['businessId', v.businessId]);
  if (v.phone) out.push(['phone', v.phone]);
  if (v.email) out.push(['email', v.email]);
  if (v.name) out.push([company ? 'name:company' : 'name:person', v.name]);
  if (v.legalForm) out.push(['legalForm', v.legalForm]);
  if (v.contact) out.push(['contact', v.contact]);
  if (v.address) out.push([addressTable(v.nameKind, v.area), v.address]);
  if (v.area) out.push(['area', v.area]);
  return out;
}

interface Pattern {
  levels: [TableName, string][];
  count: number;
}

/**
 * The list rows whose candidates EM is fitted to: SAMPLE_ROWS spread evenly over the list, or
 * all of a smaller list. A table of just these rows, in this order, samples as itself (each
 * row k is sampled), so the CLI's worker fits EM to them packed (matchWorker.ts fit) with the
 * same result as on the whole list.
 */
export function sampleRows(size: number): Int32Array {
  const rows = Math.min(size, SAMPLE_ROWS);
  const sample = new Int32Array(rows);
  for (let k = 0; k < rows; k++) sample[k] = Math.floor((k * size) / rows);
  return sample;
}

/**
 * The comparison patterns of evenly spaced list rows, counted: each row's best candidate (by
 * the prior model) for EM, every other candidate as a known non-match for u. Evenly spaced, not
 * random: the same files give the same sample, so the same outputs.
 *
 * EM runs on the best pairs only. A customer is in the register once, so a row's other
 * candidates are not matches whatever they look like; counted in with the best ones, they made
 * the mixture depend on how generous blocking was. In a dense register (100,000 persons in a
 * few towns, every "Matti Virtanen" of a town a candidate) EM found a class of namesakes in the
 * same town, did not converge, and sent 20 % of the list to review; on the best pairs the same
 * run sends 1.5 %.
 */
function samplePatterns(
  list: MatchTable,
  index: BlockIndex,
  prior: MatchModel,
): { patterns: Pattern[]; others: Pattern[]; pairs: number; candidatePairs: number; rows: number } {
  const byKey = new Map<string, Pattern>();
  const othersByKey = new Map<string, Pattern>();
  const count = (map: Map<string, Pattern>, levels: [TableName, string][]) => {
    const key = levels.map(([t, l]) => `${t}=${l}`).join('|');
    const p = map.get(key);
    if (p) p.count++;
    else map.set(key, { levels, count: 1 });
  };
  const sample = sampleRows(list.size);
  const rows = sample.length;
  const buffer: number[] = [];
  let pairs = 0;
  let candidatePairs = 0;
  for (let k = 0; k < rows; k++) {
    const i = sample[k]!;
    const vectors = index.candidates(list, i, buffer).map((c) => compareRows(list, i, index.customers, c));
    let best = -1;
    let bestWeight = -Infinity;
    vectors.forEach((v, n) => {
      const w = vectorWeight(v, prior);
      if (w > bestWeight) [best, bestWeight] = [n, w];
    });
    // The best pair may be the customer; every other candidate of the row is another customer,
    // and shows how often levels agree by chance.
    vectors.forEach((v, n) => count(n === best ? byKey : othersByKey, tablesOf(v)));
    if (vectors.length) pairs++;
    candidatePairs += vectors.length;
  }
  // The counted sample does not advance the index's count of pairs linked.
  index.pairs -= candidatePairs;
  return { patterns: [...byKey.values()], others: [...othersByKey.values()], pairs, candidatePairs, rows };
}

/**
 * u of every level from the candidate pairs known to be different customers: all candidates
 * of a list row but its best (a customer is in the register once), with the prior's u worth
 * PRIOR_PAIRS pairs (a list whose rows have one candidate each keeps the prior's u). EM does
 * not move u: when it could move both, the latent class it found was not always "same
 * customer" (family members at one address agree on surname and address far more often than
 * independence allows, and became a class of their own).
 */
function observedU(patterns: readonly Pattern[], prior: ModelTables): Map<string, number> {
  const count = new Map<string, number>();
  const total = new Map<string, number>();
  for (const { levels, count: n } of patterns) {
    for (const [t, l] of levels) {
      count.set(`${t}\u0000${l}`, (count.get(`${t}\u0000${l}`) ?? 0) + n);
      total.set(t, (total.get(t) ?? 0) + n);
    }
  }
  const out = new Map<string, number>();
  for (const [t, levels] of Object.entries(prior) as [TableName, Record<string, LevelProbabilities>][]) {
    for (const [l, p0] of Object.entries(levels)) {
      out.set(`${t}\u0000${l}`, ((count.get(`${t}\u0000${l}`) ?? 0) + PRIOR_PAIRS * p0.u) / ((total.get(t) ?? 0) + PRIOR_PAIRS));
    }
  }
  return out;
}

/** Random pairs of list row and customer whose levels give u (see randomPairU). */
export const RANDOM_PAIRS = 20_000;

/** mulberry32: a small seeded PRNG, so the same files give the same sample and the same outputs. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How often two different rows share a value of one column: Σ c(c − 1) over the values' counts
 * c within the register and within the list, by the number of such pairs (rows without a value
 * left out, as the comparison leaves them out): u of an exact level, counted, where sampling
 * would see a rare agreement a handful of times or never. Within each file, not across them:
 * the list and the register share values because they share customers, and counted across
 * them the customers' own agreement made a shared phone look common; the list (a directory's
 * thousands) shows the namesakes a small register has too few rows to show. Also Σ (c / n)²
 * of the register, the share an average value has (the term-frequency reference).
 */
function chanceWithinFiles(list: WithinCounts, customers: WithinCounts): { different: number; squares: number } {
  const l = list;
  const r = customers;
  const pairs = l.n * (l.n - 1) + r.n * (r.n - 1);
  return { different: pairs > 0 ? (l.same + r.same) / pairs : 0, squares: r.n ? r.squares / (r.n * r.n) : 0 };
}

/** How many rows of one file have a value of one column (n), Σ c(c − 1) and Σ c² over the values' counts c. */
interface WithinCounts {
  n: number;
  same: number;
  squares: number;
}

function withinFile<T>(t: MatchTable, key: (t: MatchTable, i: number) => T | null): WithinCounts {
  let same = 0;
  let squares = 0;
  const run = (c: number) => {
    same += c * (c - 1);
    squares += c * c;
  };
  // Every key as a number (a string as its 53-bit hash), counted as runs of a sorted typed
  // array: a map of 100,000 numbers cost five times as much, on the critical path of every run,
  // and a map of a million-row list's names and emails was 100 MB of garbage (issue 16). Two
  // strings of one hash would count as one value: at 53 bits, about one pair in 10^5 runs of a
  // million distinct values, and it would make a value look a little commoner, never rarer.
  const values = new Float64Array(t.size);
  let n = 0;
  for (let j = 0; j < t.size; j++) {
    const k = key(t, j);
    if (k !== null) values[n++] = typeof k === 'string' ? hash53(k) : (k as number);
  }
  const sorted = values.subarray(0, n).sort();
  for (let a = 0; a < sorted.length;) {
    let b = a + 1;
    while (b < sorted.length && sorted[b] === sorted[a]) b++;
    run(b - a);
    a = b;
  }
  return { n, same, squares };
}

/**
 * A string as a 53-bit number: its FNV-1a (32 bits) and the top 21 bits of a second,
 * multiplicative hash (the low bits of two FNV-1a runs from different offsets follow each other).
 */
function hash53(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x9e3779b1) + i;
  return (fnv1a(s) >>> 0) * 2097152 + (h >>> 11);
}

/**
 * The counts of the exact levels' values within one file (see chanceWithinFiles), one per
 * distinct key of EXACT_LEVELS, in order: plain data, so the CLI counts the list's while the
 * customer file is still being read, and its worker the customers' while this thread estimates.
 */
export type FileCounts = (WithinCounts | HomeCounts | NamesakeCounts)[];

export function countWithinFile(t: MatchTable): FileCounts {
  return [...countWithinFileSteps(t)];
}

/**
 * countWithinFile a key at a time (one pass over the file each), for a caller that pauses
 * between them; then the file's homes (countHomes) and namesakes (countNamesakes), each one
 * sort of the file.
 */
export function* countWithinFileSteps(t: MatchTable): Generator<FileCounts[number]> {
  for (const key of exactKeys()) yield withinFile(t, key);
  yield countHomes(t);
  yield countNamesakes(t);
}

/** The counts of one exact key of FileCounts (in exactKeys' order). */
function exactCounts(c: FileCounts, k: number): WithinCounts {
  const x = c[k];
  if (!x || !('same' in x)) throw new Error(`estimate: no counts of exact key ${k}`);
  return x;
}

/** The homes of FileCounts (countHomes). */
function homesOf(c: FileCounts): HomeCounts {
  const x = c.find((e) => 'families' in e);
  if (!x || !('families' in x)) throw new Error('estimate: no counts of homes');
  return x;
}

/** The counts of persons' exact names of FileCounts (EXACT_LEVELS' name:person). */
function personNames(c: FileCounts): WithinCounts {
  const key = EXACT_LEVELS.find(([t]) => t === 'name:person')![2];
  return exactCounts(c, exactKeys().indexOf(key));
}

/** The namesakes of FileCounts (countNamesakes). */
function namesakesOf(c: FileCounts): NamesakeCounts {
  const x = c.find((e) => 'apart' in e);
  if (!x || !('apart' in x)) throw new Error('estimate: no counts of namesakes');
  return x;
}

/**
 * Pairs of rows of one file with the same person's name (the words in any order) in one postal
 * code at another street address (another street and house number: compareRows' "different").
 */
export interface NamesakeCounts {
  apart: number;
  /** Pairs of one name in one postal code at one street address: one person written twice, as a rule. */
  together: number;
}

/** More rows of one name in one postal code than this: a common name, which its term frequency weighs; left out. */
const MAX_NAMESAKES = 16;

/**
 * countNamesakes: one sort of the rows by a hash of name and postal code (pairsOfOneHash, as
 * countHomes), the rows of one hash compared in full.
 */
export function countNamesakes(t: MatchTable): NamesakeCounts {
  const names = new Float64Array(t.size);
  const counted = (i: number) => t.street[i] !== NONE && t.postalCode[i] !== NONE && !!t.personWords[i] && !t.companyWords[i];
  for (let i = 0; i < t.size; i++) if (counted(i)) names[i] = wordsKey(t.personWords[i]!);
  let apart = 0;
  let together = 0;
  pairsOfOneHash(
    t.size,
    (i) => {
      if (!counted(i)) return null;
      const h = Math.imul((names[i]! % 4294967291) ^ 0x5bd1e995, 0x9e3779b1);
      return Math.imul(Math.imul(h ^ Math.floor(names[i]! / 4294967296), 0x85ebca6b) ^ t.postalCode[i]!, 0x27d4eb2f);
    },
    MAX_NAMESAKES,
    (i, j) => {
      if (names[i] !== names[j] || t.postalCode[i] !== t.postalCode[j]) return;
      const address = compareRows(t, i, t, j).address;
      if (address === 'different') apart++;
      else if (address === 'exact') together++;
    },
  );
  return { apart, together };
}

/**
 * Visits each pair of rows (i < j in sorted order) whose `hashOf` agree, in groups of at most
 * `max` rows (a larger group is left out; null leaves a row out): one pass and one sort. Each row
 * is keyed by its hash, mixed and cut to the bits the row's index leaves of a double's 53, and
 * its index (hash × 2^bits + index), so a sort of plain numbers brings a hash's rows together.
 * Two keys may share a hash: `visit` compares the rows in full.
 */
function pairsOfOneHash(size: number, hashOf: (i: number) => number | null, max: number, visit: (i: number, j: number) => void): void {
  const indexBits = Math.max(1, Math.ceil(Math.log2(size + 1)));
  const span = Math.pow(2, indexBits);
  const hashBits = Math.min(32, 52 - indexBits);
  const keys = new Float64Array(size);
  let n = 0;
  for (let i = 0; i < size; i++) {
    const h = hashOf(i);
    if (h === null) continue;
    keys[n++] = ((h ^ (h >>> 15)) >>> (32 - hashBits)) * span + i;
  }
  const sorted = keys.subarray(0, n).sort();
  for (let a = 0; a < n;) {
    const hash = Math.floor(sorted[a]! / span);
    let b = a + 1;
    while (b < n && Math.floor(sorted[b]! / span) === hash) b++;
    if (b - a <= max) {
      for (let x = a; x < b; x++) for (let y = x + 1; y < b; y++) visit(sorted[x]! % span, sorted[y]! % span);
    }
    a = b;
  }
}

/**
 * The namesakes' correction from the counts of both files, each file's pairs taken as far as the
 * file holds one row per person: a file whose pairs of one name in one postal code are mostly at
 * one street address (a list of duplicates, a register holding customers twice) repeats people,
 * and its pairs of one name at another address are as likely one person who moved or was
 * written otherwise, not namesakes. Weight of a file: P(share at one address ≤ ½) under a
 * uniform prior (betaCdf); ½, because a file of one row per person has next to none of its
 * same-name pairs at one address, and a file of duplicates most.
 */
export function namesakesOfFiles(files: FileCounts[], independent: number): { pairs: number; apart: number; bits: number } {
  let apart = 0;
  let pairs = 0;
  for (const c of files) {
    const n = namesakesOf(c);
    const onePerPerson = betaCdf(0.5, n.together + 1, n.apart + 1);
    apart += onePerPerson * n.apart;
    pairs += onePerPerson * (personNames(c).same / 2);
  }
  return namesakeBits(apart, pairs, independent);
}

/** The prior of P(another street address in the postal code | the same name, two people), in pairs (as HOUSEHOLD_PRIOR). */
const NAMESAKE_PRIOR_PAIRS = 10;

/**
 * How much an exact person's name in the same postal code at another street address weighs
 * less than its fields add up to: namesakes live near each other (a father and son of one
 * name, relatives named after each other), so "the same name" and "the same postal code" are
 * not independent between two people. P(same postal code, another street address | the same
 * name, two people) is counted within the files (pairs of one name at another address in one
 * postal code, by pairs of one name anywhere, as chanceWithinFiles counts an exact name),
 * shrunk towards what independence says (u of the same postal code × u of another address) by
 * NAMESAKE_PRIOR_PAIRS; the correction is log2(independence / that), never for.
 */
export function namesakeBits(apart: number, namePairs: number, independent: number): { pairs: number; apart: number; bits: number } {
  const p = (apart + NAMESAKE_PRIOR_PAIRS * independent) / (namePairs + NAMESAKE_PRIOR_PAIRS);
  return { pairs: namePairs, apart, bits: p > 0 && independent > 0 ? Math.min(0, Math.log2(independent / p)) : 0 };
}

/**
 * Pairs of rows of one file at one home (the same street, house number and letter, apartment,
 * and postal code; persons' names on both rows), and those of them whose names are another
 * first name under the same surname (compareNames' otherFirstName: "Matti" / "Liisa
 * Virtanen"), a family.
 */
export interface HomeCounts {
  pairs: number;
  families: number;
}

/**
 * More rows than this at one home in one file are not a household (a care home, an office, a
 * street written without house numbers): that home is left out, and the pairs compared stay
 * bounded by the rows (at most MAX_HOME − 1 name comparisons per row).
 */
const MAX_HOME = 8;

/**
 * countHomes: one pass and one sort (pairsOfOneHash) by a hash of the home; rows of one hash
 * are then compared field by field, so two homes of one hash are never taken for one.
 */
export function countHomes(t: MatchTable): HomeCounts {
  let pairs = 0;
  let families = 0;
  pairsOfOneHash(
    t.size,
    (i) => {
      if (t.street[i] === NONE || t.house[i] === NONE || t.postalCode[i] === NONE) return null;
      if (!t.personWords[i] || t.companyWords[i]) return null;
      let h = Math.imul(t.street[i]! ^ 0x5bd1e995, 0x9e3779b1);
      h = Math.imul(h ^ t.house[i]!, 0x85ebca6b);
      h = Math.imul(h ^ t.unit[i]!, 0xc2b2ae35);
      return Math.imul(h ^ t.postalCode[i]!, 0x27d4eb2f);
    },
    MAX_HOME,
    (i, j) => {
      if (t.street[i] !== t.street[j] || t.house[i] !== t.house[j] || t.unit[i] !== t.unit[j] || t.postalCode[i] !== t.postalCode[j])
        return;
      pairs++;
      const level = compareNames(t.personWords[i]!, t.personWords[j]!, t.joinedName(i), t.joinedName(j), samePersonWord, true).level;
      if (level === 'otherFirstName') families++;
    },
  );
  return { pairs, families };
}

/**
 * The prior of the household rate, as a Beta(a, b): a share of one half, worth ten pairs at one
 * home. Half, because a file's rows at one home are either the people of a household (a
 * register of residents: most pairs a family sharing a surname) or one person written twice (a
 * list of duplicates, a register holding a customer twice: almost none), and nothing says which
 * before the file is read. Ten pairs, because a rate from ten pairs is known to about ±0.15 (the
 * prior's own spread, sd = √(¼ / 11)), so a file with a few dozen pairs at one home decides for
 * itself and one with a handful moves the rate only part of the way.
 */
export const HOUSEHOLD_PRIOR = { families: 5, others: 5 };

/**
 * A file holds households when more than one pair in ten of its rows at one home is a family. In
 * a register of Finnish residents most people who share a home are a couple or parent and child
 * under one surname, far above this; in a file of one person written several times (a list of
 * duplicates, a register that holds customers twice) another first name at a home is a slip, one
 * pair in a hundred or fewer. The bound sits between the two kinds, not on a measured set.
 */
export const HOUSEHOLD_FILES = 0.1;

/** The files' household rate and how sure the files are to hold households (householdRate). */
export interface Households {
  /** Pairs of rows at one home, in the list and in the register (HomeCounts). */
  pairs: number;
  /** Of those, the pairs whose names are another first name under the same surname. */
  families: number;
  /** The rate: the Beta posterior's mean, families shrunk towards HOUSEHOLD_PRIOR. */
  rate: number;
  /** P(rate > HOUSEHOLD_FILES) under that posterior: how strongly the family rule applies (guard). */
  familyRule: number;
}

/**
 * The household rate: the share of pairs of rows at one home, within the list and within the
 * register, that are a family (HomeCounts), shrunk towards HOUSEHOLD_PRIOR, and the probability
 * that it is above HOUSEHOLD_FILES. Within each file, as the exact levels' chance agreement is
 * counted (a list row and its own customer at one home are no household).
 */
export function householdRate(list: HomeCounts, customers: HomeCounts): Households {
  const pairs = list.pairs + customers.pairs;
  const families = list.families + customers.families;
  const a = families + HOUSEHOLD_PRIOR.families;
  const b = pairs - families + HOUSEHOLD_PRIOR.others;
  // No pair at one home in either file: nothing to learn from, the rule as it was (the prior's
  // own P, 0.9998, would move every run's weights of such files in the fourth decimal).
  const familyRule = pairs === 0 ? 1 : 1 - betaCdf(HOUSEHOLD_FILES, a, b);
  return { pairs, families, rate: a / (a + b), familyRule };
}

/**
 * P(X ≤ x) for X ~ Beta(a, b) with whole a and b: the probability that a binomial of a + b − 1
 * trials with success x has at least a successes. Hand-written (a sum of binomial terms in log
 * space): no library of the project has the incomplete beta function, and with whole parameters
 * it is this one loop.
 */
export function betaCdf(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const n = a + b - 1;
  const lx = Math.log(x);
  const l1x = Math.log1p(-x);
  // log C(n, j), built up term by term from C(n, 0) = 1.
  let logC = 0;
  let max = -Infinity;
  const terms: number[] = [];
  for (let j = 0; j <= n; j++) {
    if (j > 0) logC += Math.log((n - j + 1) / j);
    if (j >= a) {
      const t = logC + j * lx + (n - j) * l1x;
      terms.push(t);
      if (t > max) max = t;
    }
  }
  if (max === -Infinity) return 0;
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - max);
  return Math.min(1, Math.exp(max) * sum);
}

/** The distinct key functions of EXACT_LEVELS, in order (two levels share the house key). */
function exactKeys(): ((t: MatchTable, i: number) => number | string | null)[] {
  return [...new Set(EXACT_LEVELS.map(([, , key]) => key))];
}

const orNull = (x: number) => (x === NONE ? null : x);
/** Exact-value levels whose chance agreement is counted, not sampled (chanceWithinFiles). */
const EXACT_LEVELS: [TableName, string, (t: MatchTable, i: number) => number | string | null][] = [
  ['businessId', 'same', (t, i) => orNull(t.businessId[i]!)],
  ['phone', 'same', (t, i) => orNull(t.phone[i]!)],
  ['email', 'same', (t, i) => t.email[i] ?? null],
  ['name:company', 'exact', (t, i) => (t.companyWords[i] ? t.compact[i]! : null)],
  ['name:person', 'exact', (t, i) => (t.personWords[i] && !t.companyWords[i] ? wordsKey(t.personWords[i]!) : null)],
  ['address:person:anyArea', 'exact', houseKey],
  ['address:company:anyArea', 'exact', houseKey],
];

/**
 * Street, house number and letter as one number (22 + 12 + 8 bits; the apartment left out,
 * which makes an exact address look a little less rare by chance, never more). A string per
 * row cost a third of a second at 100,000 rows.
 */
function houseKey(t: MatchTable, i: number): number | null {
  const street = t.street[i]!;
  const house = t.house[i]!;
  if (street === NONE || house === NONE) return null;
  return (street * 4096 + ((house >>> 16) & 4095)) * 256 + (house & 255);
}

/**
 * The random pairs of list row and customer whose levels give u (see randomPairU), as
 * interleaved indexes (list row, customer): `anywhere` drawn from the whole files, `sameArea`
 * within one postal code. Drawn by a seeded PRNG, so the same files give the same pairs; planned
 * apart from their comparison so that the CLI can compare half of them in its worker.
 *
 * Within one postal code: u of the street address given that the area agrees. The area is a
 * field of its own (comparison.ts), and a street address that agrees agrees within its area:
 * counted against pairs from anywhere, "the same address" took the area's weight a second time,
 * and a wholly different name at a customer's address went to review. With u given the area,
 * area and address add up to what the two agreeing together says (P(same postal code) × P(same
 * address | same postal code)).
 */
export interface DrawPlan {
  anywhere: Int32Array;
  sameArea: Int32Array;
}

export function planDraws(list: MatchTable, customers: MatchTable): DrawPlan {
  const draws = Math.min(RANDOM_PAIRS, list.size * customers.size);
  const random = prng(list.size * 7919 + customers.size);
  const anywhere = new Int32Array(2 * draws);
  for (let k = 0; k < draws; k++) {
    anywhere[2 * k] = Math.floor(random() * list.size);
    anywhere[2 * k + 1] = Math.floor(random() * customers.size);
  }
  const byArea = new Map<number, number[]>();
  for (let j = 0; j < customers.size; j++) {
    if (customers.street[j] === NONE || customers.postalCode[j] === NONE) continue;
    const members = byArea.get(customers.postalCode[j]!);
    if (members) members.push(j);
    else byArea.set(customers.postalCode[j]!, [j]);
  }
  const rows: number[] = [];
  for (let i = 0; i < list.size; i++) if (list.street[i] !== NONE && byArea.has(list.postalCode[i]!)) rows.push(i);
  const sameArea = new Int32Array(rows.length ? 2 * RANDOM_PAIRS : 0);
  for (let k = 0; k < sameArea.length / 2; k++) {
    const i = rows[Math.floor(random() * rows.length)]!;
    const members = byArea.get(list.postalCode[i]!)!;
    sameArea[2 * k] = i;
    sameArea[2 * k + 1] = members[Math.floor(random() * members.length)]!;
  }
  return { anywhere, sameArea };
}

/** Pairs drawn, by table and level. */
export type LevelCounts = Record<string, Record<string, number>>;

/**
 * The levels of the planned pairs, counted by table: every level of the pairs drawn anywhere,
 * except the street address given the postal code, which only the pairs drawn within one
 * postal code give. Counts of two halves of a plan add up to those of the whole.
 */
export function countDraws(list: MatchTable, customers: MatchTable, plan: DrawPlan): LevelCounts {
  // Counted by table and level in plain objects: a string key per level per pair cost more
  // than the comparisons.
  const counts: LevelCounts = {};
  const add = (t: string, l: string) => {
    const c = (counts[t] ??= {});
    c[l] = (c[l] ?? 0) + 1;
  };
  for (let k = 0; k < plan.anywhere.length; k += 2) {
    for (const [t, l] of tablesOf(compareRows(list, plan.anywhere[k]!, customers, plan.anywhere[k + 1]!))) {
      if (t !== 'address:person' && t !== 'address:company') add(t, l);
    }
  }
  for (let k = 0; k < plan.sameArea.length; k += 2) {
    const v = compareRows(list, plan.sameArea[k]!, customers, plan.sameArea[k + 1]!);
    // Within one postal code a pair drawn at random is the customer itself often enough to
    // count: only pairs whose names differ wholly are taken, as names and addresses of two
    // different customers are independent.
    if (v.address && v.name === 'different') add(v.nameKind === 'company' ? 'address:company' : 'address:person', v.address);
  }
  return counts;
}

/**
 * The counts of the pieces of `piece` pairs of a plan (planRange) that `claim` gives, one piece
 * a step, added up: the CLI's two threads claim pieces from the plan's two ends (-1: no more).
 */
export function* claimedDrawCounts(
  list: MatchTable,
  customers: MatchTable,
  plan: DrawPlan,
  piece: number,
  claim: () => number,
): Generator<void, LevelCounts, void> {
  let counts: LevelCounts = {};
  for (let p = claim(); p >= 0; p = claim()) {
    counts = addCounts(counts, countDraws(list, customers, planRange(plan, p * piece, (p + 1) * piece)));
    yield;
  }
  return counts;
}

/** The counts of two parts of a plan as those of the whole. */
export function addCounts(a: LevelCounts, b: LevelCounts): LevelCounts {
  const out: LevelCounts = {};
  for (const part of [a, b]) {
    for (const [t, levels] of Object.entries(part)) {
      const c = (out[t] ??= {});
      for (const [l, n] of Object.entries(levels)) c[l] = (c[l] ?? 0) + n;
    }
  }
  return out;
}

/** The number of pairs in a plan (of both kinds). */
export function planPairs(plan: DrawPlan): number {
  return (plan.anywhere.length + plan.sameArea.length) / 2;
}

/**
 * Pairs `from` up to `to` of a plan, its pairs drawn anywhere numbered first, then those drawn
 * within one postal code. Counted piece by piece (countDraws) and added up (addCounts), the
 * pieces give the counts of the whole plan, whichever thread counted which.
 */
export function planRange(plan: DrawPlan, from: number, to: number): DrawPlan {
  const a = plan.anywhere.length / 2;
  const piece = (pairs: Int32Array, lo: number, hi: number) =>
    pairs.subarray(2 * Math.max(0, lo), 2 * Math.max(0, Math.min(pairs.length / 2, hi)));
  return { anywhere: piece(plan.anywhere, from, Math.min(to, a)), sameArea: piece(plan.sameArea, from - a, to - a) };
}

/**
 * u of every level from pairs of list row and customer drawn at random, as Splink and fastLink
 * estimate it: what agrees by chance between two different customers, with nothing of how
 * blocking chose the candidates in it (u from the candidates themselves made a shared phone
 * weigh nothing, the phone being how those pairs were found). Levels of exact values are
 * counted over the register (chanceWithinFiles); a fuzzy agreement ("close", "subset") is
 * never taken as rarer by chance than the exact one of its table, and no level is rarer than
 * one in the pairs drawn.
 */
export interface RandomPairU {
  u: Map<string, number>;
  termFrequency: TermFrequencyReference;
  /** The household rate of the two files (householdRate). */
  households: Households;
  /** The namesakes' correction (namesakesOfFiles). */
  namesakes: { pairs: number; apart: number; bits: number };
}

export function randomPairU(
  list: MatchTable,
  customers: MatchTable,
  prior: ModelTables,
  /** countWithinFile(list) and (customers), when they were made beforehand. */
  listCounts: FileCounts = countWithinFile(list),
  customerCounts: FileCounts = countWithinFile(customers),
  /** countDraws of the whole planDraws, when it was made beforehand (in two threads). */
  counts: LevelCounts = countDraws(list, customers, planDraws(list, customers)),
): RandomPairU {
  const draws = Math.min(RANDOM_PAIRS, list.size * customers.size);
  const count = new Map<string, number>();
  const total = new Map<TableName, number>();
  for (const [t, levels] of Object.entries(counts) as [TableName, Record<string, number>][]) {
    for (const [l, n] of Object.entries(levels)) {
      count.set(`${t}\u0000${l}`, n);
      total.set(t, (total.get(t) ?? 0) + n);
    }
  }
  const out = new Map<string, number>();
  const exact = new Map<TableName, number>();
  const squares = new Map<TableName, number>();
  // One pair in all the pairs within the files: an exact value no two rows share.
  const once = 1 / Math.max(1, list.size * list.size + customers.size * customers.size);
  const keys = exactKeys();
  for (const [t, l, key] of EXACT_LEVELS) {
    const k = keys.indexOf(key);
    const chance = chanceWithinFiles(exactCounts(listCounts, k), exactCounts(customerCounts, k));
    const u = Math.max(chance.different, once);
    exact.set(t, u);
    squares.set(t, chance.squares);
    out.set(`${t}\u0000${l}`, u);
  }
  for (const [t, levels] of Object.entries(prior) as [TableName, Record<string, LevelProbabilities>][]) {
    const n = total.get(t) ?? 0;
    const seen = 1 / Math.max(n, draws);
    for (const l of Object.keys(levels)) {
      const key = `${t}\u0000${l}`;
      if (out.has(key)) continue;
      const u = n ? Math.max((count.get(key) ?? 0) / n, seen) : levels[l]!.u;
      const agrees = (LEVEL_SIGN[`${t}.${l}`] ?? LEVEL_SIGN[l] ?? 0) > 0;
      out.set(key, agrees ? Math.max(u, exact.get(t) ?? 0) : u);
    }
  }
  // Named rows of each kind in the register, as MatchTable.nameFrequency counts them.
  const rows = { company: 0, person: 0 };
  for (let j = 0; j < customers.size; j++) {
    if (customers.companyWords[j]) rows.company++;
    else if (customers.personWords[j]) rows.person++;
  }
  return {
    u: out,
    termFrequency: { company: squares.get('name:company') ?? 0, person: squares.get('name:person') ?? 0, rows },
    households: householdRate(homesOf(listCounts), homesOf(customerCounts)),
    namesakes: namesakesOfFiles(
      [listCounts, customerCounts],
      (out.get(`area\u0000same`) ?? 0) * (out.get(`address:person\u0000different`) ?? 0),
    ),
  };
}

const bits = (p: LevelProbabilities) => Math.log2(p.m / p.u);

export function cloneTables(t: ModelTables): ModelTables {
  const out = {} as ModelTables;
  for (const [name, levels] of Object.entries(t)) {
    out[name as TableName] = Object.fromEntries(Object.entries(levels).map(([l, p]) => [l, { ...p }]));
  }
  return out;
}

/** Estimates the model of this run (see the module comment). */
export function estimateModel(list: MatchTable, index: BlockIndex, prior: MatchModel): Estimate {
  return runSteps(estimateSteps(list, index, prior));
}

/** randomPairU with a pause between its passes (each file's counts, the draws). */
function* randomPairUSteps(list: MatchTable, customers: MatchTable, prior: ModelTables): Generator<void, RandomPairU, void> {
  const listCounts = countWithinFile(list);
  yield;
  const customerCounts = countWithinFile(customers);
  yield;
  const counts = countDraws(list, customers, planDraws(list, customers));
  yield;
  return randomPairU(list, customers, prior, listCounts, customerCounts, counts);
}

/**
 * estimateModel in pieces, each `next()` a fraction of a second: the caller can pause between
 * them, so a Ctrl-C or the pane's Cancel is heard (a single pass was 1.3 s at 400,000 × 100,000).
 */
export function* estimateSteps(list: MatchTable, index: BlockIndex, prior: MatchModel): Generator<void, Estimate, void> {
  const fit = yield* fitSteps(list, index, prior);
  if ('model' in fit) return fit;
  // What was estimated over the candidates (m, and λ among them) is now put on the scale of
  // all pairs: u from random pairs, and the prior odds of a random pair being a match.
  yield;
  const randomU = yield* randomPairUSteps(list, index.customers, prior.tables);
  return finishEstimate(fit, list, index.customers, prior, randomU);
}

/**
 * What EM found among the candidates (fitSteps): m of every level and λ among the best pairs;
 * u is not yet the model's (finishEstimate).
 */
export interface CandidateFit {
  tables: ModelTables;
  lambda: number;
  pairs: number;
  candidatePairs: number;
  rows: number;
  iterations: number;
  converged: boolean;
}

/**
 * The first part of estimateSteps: EM over the sampled candidates, or the prior (an Estimate)
 * when there is too little to estimate from. It needs no random pairs: the CLI runs it while
 * its worker compares most of them.
 */
export function* fitSteps(list: MatchTable, index: BlockIndex, prior: MatchModel): Generator<void, CandidateFit | Estimate, void> {
  const fellBack = (pairs: number, rows: number): Estimate => ({
    model: prior,
    fit: { pairs, sampledRows: rows, iterations: 0, converged: false, lambda: 1 / (1 + Math.pow(2, -prior.priorBits)), fellBack: true },
  });
  if (index.customers.size < MIN_CUSTOMERS) return fellBack(0, 0);
  const { patterns, others, pairs, candidatePairs, rows } = samplePatterns(list, index, prior);
  if (pairs < MIN_PAIRS) return fellBack(pairs, rows);
  yield;

  const tables = cloneTables(prior.tables);
  const fixedU = observedU(others, prior.tables);
  for (const [t, levels] of Object.entries(tables) as [TableName, Record<string, LevelProbabilities>][]) {
    for (const l of Object.keys(levels)) levels[l]!.u = fixedU.get(`${t}\u0000${l}`)!;
  }
  let lambda = 1 / (1 + Math.pow(2, -prior.priorBits));
  const priorLambda = lambda;
  let iterations = 0;
  let converged = false;
  // Every level numbered once, and each pattern's levels as those numbers: the loop below then
  // adds into arrays instead of looking up "table\0level" strings in maps a few hundred
  // thousand times. Same additions in the same order, so the same numbers to the last bit.
  const levelList: { table: TableName; level: string }[] = [];
  const slotOf = new Map<string, number>();
  const tableRanges: { table: TableName; from: number; to: number }[] = [];
  for (const [t, levels] of Object.entries(prior.tables) as [TableName, Record<string, LevelProbabilities>][]) {
    const from = levelList.length;
    for (const l of Object.keys(levels)) {
      slotOf.set(`${t}\u0000${l}`, levelList.length);
      levelList.push({ table: t, level: l });
    }
    tableRanges.push({ table: t, from, to: levelList.length });
  }
  const slot = (t: TableName, l: string): number => {
    const n = slotOf.get(`${t}\u0000${l}`);
    if (n === undefined) throw new Error(`estimate: level ${t}.${l} is not in the model`);
    return n;
  };
  const patternSlots = patterns.map((p) => p.levels.map(([t, l]) => slot(t, l)));
  const patternTables = patterns.map((p) => p.levels.map(([t, l]) => tables[t][l]!));
  const mCount = new Float64Array(levelList.length);
  const g = new Float64Array(patterns.length);
  while (iterations < MAX_ITERATIONS && !converged) {
    iterations++;
    // E step: the probability that each pattern is a match.
    const priorOdds = Math.log2(lambda / (1 - lambda));
    for (let p = 0; p < patterns.length; p++) {
      let w = priorOdds;
      for (const level of patternTables[p]!) w += bits(level);
      g[p] = 1 / (1 + Math.pow(2, -w));
    }
    // M step: m and λ from the expected counts, with the prior's pseudo-counts (u is fixed).
    mCount.fill(0);
    let matches = 0;
    for (let p = 0; p < patterns.length; p++) {
      const weight = g[p]! * patterns[p]!.count;
      matches += weight;
      for (const n of patternSlots[p]!) mCount[n] += weight;
    }
    let change = 0;
    for (const { table: t, from, to } of tableRanges) {
      let mTotal = 0;
      for (let n = from; n < to; n++) mTotal += mCount[n]!;
      for (let n = from; n < to; n++) {
        const { level: l } = levelList[n]!;
        const p0 = prior.tables[t][l]!;
        const m = (mCount[n]! + PRIOR_PAIRS * p0.m) / (mTotal + PRIOR_PAIRS);
        const u = fixedU.get(`${t}\u0000${l}`)!;
        const cur = tables[t][l]!;
        change = Math.max(change, Math.abs(cur.m - m), Math.abs(cur.u - u));
        // In place: patternTables holds these objects.
        cur.m = m;
        cur.u = u;
      }
    }
    const next = (matches + PRIOR_PAIRS * priorLambda) / (pairs + PRIOR_PAIRS);
    change = Math.max(change, Math.abs(next - lambda));
    lambda = Math.min(0.999, Math.max(1e-6, next));
    converged = change < TOLERANCE;
  }
  return { tables, lambda, pairs, candidatePairs, rows, iterations, converged };
}

/** The model of the run: the candidates' fit on the scale of all pairs, with u from random pairs. */
export function finishEstimate(
  fit: CandidateFit,
  list: MatchTable,
  customers: MatchTable,
  prior: MatchModel,
  randomU: RandomPairU,
): Estimate {
  const { tables, lambda, pairs, candidatePairs, rows, iterations, converged } = fit;
  for (const [t, levels] of Object.entries(tables) as [TableName, Record<string, LevelProbabilities>][]) {
    for (const l of Object.keys(levels)) levels[l]!.u = randomU.u.get(`${t}\u0000${l}`)!;
  }
  const matchesPerRow = (lambda * pairs) / rows;
  const lambdaAll = Math.min(0.5, Math.max(matchesPerRow, 1 / list.size) / customers.size);
  const namesakes = randomU.namesakes;
  guard(tables, prior.tables, { maxBits: MAX_BITS_RANDOM, familyRule: randomU.households.familyRule });
  return {
    // The share of matches is never taken below one customer in the list: a list with few
    // customers among many prospects (a directory search) must not talk the model out of
    // removing the ones it has. A customer called as a new lead is the worst failure.
    model: {
      ...prior,
      priorBits: Math.log2(lambdaAll / (1 - lambdaAll)),
      tables,
      termFrequency: randomU.termFrequency,
      namesakeBits: namesakes.bits,
    },
    fit: {
      pairs,
      candidatePairs,
      sampledRows: rows,
      iterations,
      converged,
      lambda,
      fellBack: false,
      households: randomU.households,
      namesakes,
    },
  };
}

/** Sets a level's weight to `w` bits by moving its u (m is what the matches showed). */
function setBits(p: LevelProbabilities, w: number): void {
  p.u = p.m / Math.pow(2, w);
}

/** The guard rails of the module comment, applied to estimated tables in place. */
export function guard(
  tables: ModelTables,
  prior: ModelTables,
  /** familyRule: how strongly the family rule applies, 0–1 (false: not at all; households.familyRule). */
  opts: { familyRule?: boolean | number; maxBits?: number } = {},
): void {
  const maxBits = opts.maxBits ?? MAX_BITS;
  for (const levels of Object.values(tables)) {
    for (const p of Object.values(levels)) {
      const w = bits(p);
      if (w > maxBits) setBits(p, maxBits);
      else if (w < -maxBits) setBits(p, -maxBits);
    }
  }
  const same = tables.businessId.same!;
  if (bits(same) < bits(prior.businessId.same!)) setBits(same, bits(prior.businessId.same!));
  const different = tables.businessId.different!;
  if (bits(different) > bits(prior.businessId.different!)) setBits(different, bits(prior.businessId.different!));
  // Agreement is never evidence against, disagreement never evidence for: where EM says
  // otherwise it has found another class than "same customer" (companies sharing a building
  // and a switchboard made "name different" count for a match).
  for (const [t, levels] of Object.entries(tables) as [TableName, Record<string, LevelProbabilities>][]) {
    for (const [l, p] of Object.entries(levels)) {
      const sign = LEVEL_SIGN[`${t}.${l}`] ?? LEVEL_SIGN[l] ?? 0;
      if (sign > 0 && bits(p) < 0) setBits(p, 0);
      if (sign < 0 && bits(p) > 0) setBits(p, 0);
    }
  }
  // A wholly different name is never weaker evidence against than in the prior: a register
  // of many persons per address (blocks of flats) made EM's class "same address", and a
  // different name weigh nothing.
  for (const [t, l] of [
    ['name:person', 'different'],
    ['name:company', 'different'],
  ] as const) {
    const p = tables[t][l]!;
    const floor = bits(prior[t][l]!);
    if (bits(p) > floor) setBits(p, floor);
  }
  // One given name replaced and the same address: a family member as likely as the customer,
  // where the files hold households. The name part replaced weighs what the exact address with
  // its postal code weighs for, never more (issue 12, miss 8), times how sure the files are to
  // hold households (householdRate: 1 in a register of residents, 0 in a list of one person
  // written many times, where another first name at the home is the customer's name mistyped or
  // replaced; its own weight is then the estimate's). Not when learning from the user's
  // decisions (learn.ts): they tell family from customer.
  const exactAddress = bits(tables['address:person'].exact!) + Math.max(0, bits(tables.area.same!));
  const familyRule = opts.familyRule === true || opts.familyRule === undefined ? 1 : opts.familyRule;
  const otherFirstName = tables['name:person'].otherFirstName!;
  if (exactAddress > 0 && familyRule !== false) {
    const w = Math.max(-exactAddress, Math.min(bits(otherFirstName), -exactAddress * familyRule));
    setBits(otherFirstName, w);
  }
  // Another numbered company ("Asunto Oy Kotikatu 1" / "… 3") is never weaker evidence against
  // than a wholly different name.
  const otherNumber = tables['name:company'].otherNumber!;
  if (bits(otherNumber) > bits(tables['name:company'].different!)) setBits(otherNumber, bits(tables['name:company'].different!));
  // A wholly different company name outweighs a shared switchboard and street address (an
  // office hotel, a building of many companies): the prior's rule, kept whatever EM says.
  const building =
    Math.max(0, bits(tables.phone.same!)) + Math.max(0, bits(tables['address:company'].exact!)) + Math.max(0, bits(tables.area.same!));
  const otherName = tables['name:company'].different!;
  if (bits(otherName) > -building) setBits(otherName, -building);
}

/** Levels that agree (+1) or disagree (−1), by "table.level" or by level. */
const LEVEL_SIGN: Record<string, number> = {
  same: 1,
  exact: 1,
  close: 1,
  subset: 1,
  sameDomain: 1,
  house: 1,
  near: 0,
  otherStreet: 0,
  different: -1,
  partial: -1,
  otherNumber: -1,
  otherFirstName: -1,
  'area.sameTown': 0,
  otherKind: -1,
  'address:company.street': 0,
  'address:person.street': 0,
  'address:person:anyArea.street': 0,
  'name:person.partial': 0,
  otherSurname: 0,
  otherUnit: 0,
};

/** The estimated weights in bits, rounded, by table and level: for summary.json and the notes. */
export function modelWeights(model: MatchModel): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [t, levels] of Object.entries(model.tables)) {
    out[t] = Object.fromEntries(Object.entries(levels).map(([l, p]) => [l, Math.round(bits(p) * 100) / 100]));
  }
  return out;
}

/** The fit in one line, for the processing log and the CLI ("model estimated: 12 EM rounds, converged, λ 0.084 …"). */
export function describeFit(fit: EstimationFit): string {
  if (fit.fellBack) return `model: the prior (too little data to estimate: ${fit.pairs} pairs)`;
  return (
    `model estimated from the best candidate pairs of ${fit.pairs} of ${fit.sampledRows} sampled rows` +
    (fit.candidatePairs !== undefined ? ` (${fit.candidatePairs} candidate pairs in all): ` : ': ') +
    `${fit.iterations} EM rounds, ${fit.converged ? 'converged' : 'not converged'}, λ ${fit.lambda.toFixed(3)}` +
    (fit.households
      ? `; households ${fit.households.rate.toFixed(3)} (${fit.households.families} of ${fit.households.pairs} pairs of rows at one home), family rule ${fit.households.familyRule.toFixed(3)}`
      : '') +
    (fit.namesakes
      ? `; namesakes at another address in one postal code ${fit.namesakes.apart} of ${Math.round(fit.namesakes.pairs)} pairs of one name, ${fit.namesakes.bits.toFixed(2)} bits`
      : '')
  );
}
