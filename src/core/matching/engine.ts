/**
 * The matching engine: normalize (record.ts) → block (blocking.ts) → compare (comparison.ts)
 * → weigh and decide (model.ts) → explain (explain.ts). For each list row it finds the
 * customer with the highest match weight among its candidates and decides: removed (certain),
 * review (a person decides) or kept.
 */
import { CancelledError } from '../errors';
import type { Lang } from '../i18n/lang';
import type { ProgressFn } from '../progress';
import { BlockIndex } from './blocking';
import {
  compareContactInto,
  compareNameInto,
  comparesContacts,
  compareWithoutNames,
  mayBeExactContact,
  mayBeExactName,
  type ComparisonVector,
  type NameKind,
} from './comparison';
import { explain, type PairValues } from './explain';
import {
  DEFAULT_MODEL,
  decidePair,
  fieldWeights,
  contactBoundBits,
  nameBoundBits,
  nameHeadroomBits,
  reviewWeightBits,
  scoreOf,
  vectorWeight,
  type FieldWeight,
  type MatchModel,
  type Outcome,
} from './model';
import { NONE, type MatchTable } from './record';

export interface RowDecision {
  outcome: Outcome;
  /**
   * Match probability 0–1 of the best pair (0 when no customer was a candidate). A kept row's
   * best pair is the best of the pairs compared in full: a pair that could not reach review
   * whatever its names say is not (decideRow), so a kept row may name no customer.
   */
  score: number;
  /** Index of the best customer in the customer table, or null. */
  customerIndex: number | null;
  /**
   * Field levels and weights of the best pair, for the reason and the review view. Empty for a
   * kept row: nothing shows them, and 100,000 small lists kept alive cost the garbage collector
   * more than the whole comparison (fieldWeights(comparison) gives them when wanted).
   */
  weights: FieldWeight[];
  nameSimilarity: number;
  comparison: ComparisonVector | null;
}

export interface LinkOptions {
  model?: MatchModel;
  progress?: ProgressFn;
  signal?: AbortSignal;
  /** Rows between progress reports and cancellation checks. */
  chunk?: number;
}

/** A row with no candidate customer. */
export const NO_MATCH: RowDecision = { outcome: 'kept', score: 0, customerIndex: null, weights: [], nameSimilarity: 0, comparison: null };

/** Candidates of one row at a time (no array per row). */
const candidateBuffer: number[] = [];

/**
 * What decideRow's bounds ask of a model, worked out once per model: each was a WeakMap look-up
 * per pair (model.ts keeps them by model), some five per pair of a 100k × 100k run's 400,000.
 */
interface Bounds {
  floor: number;
  headroom: Record<NameKind, number>;
  nameExact: Record<NameKind, number>;
  nameInexact: Record<NameKind, number>;
  contactExact: number;
  contactInexact: number;
}

const boundsByModel = new WeakMap<MatchModel, Bounds>();

function boundsOf(model: MatchModel): Bounds {
  let b = boundsByModel.get(model);
  if (!b) {
    const kinds = (f: (kind: NameKind) => number): Record<NameKind, number> => ({ company: f('company'), person: f('person') });
    b = {
      floor: reviewWeightBits(model),
      headroom: kinds((k) => nameHeadroomBits(k, model)),
      nameExact: kinds((k) => nameBoundBits(k, true, model)),
      nameInexact: kinds((k) => nameBoundBits(k, false, model)),
      contactExact: contactBoundBits(true, model),
      contactInexact: contactBoundBits(false, model),
    };
    boundsByModel.set(model, b);
  }
  return b;
}

/** Decides row `i` of the list against the indexed customers. */
export function decideRow(list: MatchTable, i: number, index: BlockIndex, model: MatchModel = DEFAULT_MODEL): RowDecision {
  let bestWeight = -Infinity;
  let bestIndex = -1;
  let bestComparison: ComparisonVector | null = null;
  const bounds = boundsOf(model);
  const floor = bounds.floor;
  const customers = index.customers;
  // A pair whose weight can reach at most `bound` stays under review, or under the best pair so
  // far (a margin for rounding keeps ties): `bound < floor || (bestIndex >= 0 && bound < bestWeight)`,
  // written out at each bound below.
  for (const ci of index.candidates(list, i, candidateBuffer)) {
    // Every field but the names first. The names can add at most their headroom: a pair that
    // would still stay under review, or under the best pair so far, is not compared by name (a
    // margin for rounding keeps ties). Three pairs in four of a 100k × 100k run share only a
    // word of the name in one postal code, and end here.
    const comparison = compareWithoutNames(list, i, customers, ci);
    const kind = comparison.nameKind;
    const headroom = bounds.headroom[kind];
    const bound = vectorWeight(comparison, model) + headroom + 1e-9;
    if (bound < floor || (bestIndex >= 0 && bound < bestWeight)) continue;
    // Then tighter bounds, from the cheapest test up. Whether the name and the contact can be
    // exact at all (two hashes each, comparison.ts): one that cannot adds at most its best
    // inexact level. Then the contact persons themselves (two companies' contacts are mostly
    // plainly different people). Of 920,000 pairs of a 100k × 100k run, 640,000 passed the
    // first bound and 48,000 pass these. Each bound is never under the weight the names would
    // give, so the decisions are those of comparing every pair in full.
    const fields = bound - headroom;
    const nameBound = mayBeExactName(comparison, list, i, customers, ci) ? bounds.nameExact[kind] : bounds.nameInexact[kind];
    let tighter: number;
    if (comparesContacts(list, i, customers, ci)) {
      const withContact = fields + nameBound + (mayBeExactContact(list, i, customers, ci) ? bounds.contactExact : bounds.contactInexact);
      if (withContact < floor || (bestIndex >= 0 && withContact < bestWeight)) continue;
      compareContactInto(comparison, list, i, customers, ci);
      tighter = vectorWeight(comparison, model) + nameBound + 1e-9;
    } else {
      // Nothing was added since `fields`, which already holds a margin: weighing the fields again
      // gave the same sum within rounding, and this bound is that one's plus a margin more, so
      // it spares no pair the other kept (six million weighings of a 100k person run).
      tighter = fields + nameBound + 1e-9;
    }
    if (tighter < floor || (bestIndex >= 0 && tighter < bestWeight)) continue;
    compareNameInto(comparison, list, i, customers, ci);
    const w = vectorWeight(comparison, model);
    if (w > bestWeight || (w === bestWeight && ci < bestIndex)) {
      bestWeight = w;
      bestIndex = ci;
      bestComparison = comparison;
    }
  }
  if (!bestComparison) return NO_MATCH;
  // vectorWeight adds the same field weights in the same order as matchWeight(fieldWeights):
  // the score is the same number, and the per-field list is only built for rows that show it.
  return decisionOf(scoreOf(bestWeight), bestIndex, bestComparison, model);
}

/**
 * The decision on a row's best pair: its outcome by `model`, and the field weights only for a
 * row that shows them (not kept). Also how a decision packed by another thread is rebuilt.
 */
export function decisionOf(score: number, customerIndex: number, comparison: ComparisonVector, model: MatchModel): RowDecision {
  const outcome = decidePair(score, comparison, model);
  return {
    outcome,
    score,
    customerIndex,
    weights: outcome === 'kept' ? [] : fieldWeights(comparison, model),
    nameSimilarity: comparison.nameSimilarity,
    comparison,
  };
}

/** Links every list row to its best customer. Synchronous; reports progress by chunks. */
export function linkTables(list: MatchTable, customers: MatchTable, opts: LinkOptions = {}): RowDecision[] {
  return linkRange(list, new BlockIndex(customers), 0, list.size, opts);
}

/** linkTables for the list rows from `from` up to `to` (the CLI links two ranges at once, in two threads). */
export function linkRange(list: MatchTable, index: BlockIndex, from: number, to: number, opts: LinkOptions = {}): RowDecision[] {
  const model = opts.model ?? DEFAULT_MODEL;
  const chunk = opts.chunk ?? 5000;
  const count = to - from;
  const out = new Array<RowDecision>(count);
  for (let k = 0; k < count; k++) {
    if (k % chunk === 0) {
      if (opts.signal?.aborted) throw new CancelledError();
      opts.progress?.(k, count);
    }
    out[k] = decideRow(list, from + k, index, model);
  }
  opts.progress?.(count, count);
  return out;
}

/** The two tables of a run and the list row, for the values a reason names. */
export interface ReasonSource {
  list: MatchTable;
  customers: MatchTable;
  listIndex: number;
}

const postcodeText = (p: number) => (p === NONE ? '' : String(p).padStart(5, '0'));
const numbersOf = (words: readonly string[] | null) => (words ?? []).filter((w) => /^\d/.test(w)).join(' ');

/** The values of the fields a reason may name as disagreeing (postal code, the name's number). */
export function pairValues(list: MatchTable, i: number, customers: MatchTable, j: number): PairValues {
  return {
    area: [postcodeText(list.postalCode[i]!), postcodeText(customers.postalCode[j]!)],
    name: [numbersOf(list.companyWords[i]!), numbersOf(customers.companyWords[j]!)],
  };
}

/**
 * The reason of a decision in words; kept rows without a candidate have none. Every compared
 * field is named with what it showed; with `source`, a postal code that disagreed is shown with
 * both values. A kept row's weights are not kept (RowDecision.weights): made from its comparison.
 */
export function reasonOf(d: RowDecision, lang: Lang, source?: ReasonSource, model: MatchModel = DEFAULT_MODEL): string {
  if (d.customerIndex === null) return '';
  const weights = d.weights.length || !d.comparison ? d.weights : fieldWeights(d.comparison, model);
  const values = source ? pairValues(source.list, source.listIndex, source.customers, d.customerIndex) : {};
  return explain(weights, d.nameSimilarity, lang, true, values);
}
