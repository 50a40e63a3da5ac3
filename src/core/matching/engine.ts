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
import { compareIdentifiers, compareRecords, type ComparisonVector } from './comparison';
import { explain } from './explain';
import {
  DEFAULT_MODEL,
  decide,
  fieldWeights,
  headroomBits,
  identifierWeight,
  matchWeight,
  scoreOf,
  vectorWeight,
  type FieldWeight,
  type MatchModel,
  type Outcome,
} from './model';
import type { MatchRecord } from './record';

export interface RowDecision {
  outcome: Outcome;
  /** Match probability 0–1 of the best pair (0 when no customer was a candidate). */
  score: number;
  /** Index of the best customer in the customer table, or null. */
  customerIndex: number | null;
  /** Field levels and weights of the best pair, for the reason and the review view. */
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

const NO_MATCH: RowDecision = { outcome: 'kept', score: 0, customerIndex: null, weights: [], nameSimilarity: 0, comparison: null };

/** Decides one list record against the indexed customers. */
export function decideRecord(r: MatchRecord, index: BlockIndex, model: MatchModel = DEFAULT_MODEL): RowDecision {
  let bestWeight = -Infinity;
  let bestIndex = -1;
  let bestComparison: ComparisonVector | null = null;
  const headroom = headroomBits(model);
  for (const ci of index.candidates(r)) {
    const customer = index.customers[ci]!;
    // A pair whose identifiers already leave it under the best pair, whatever its name and
    // address say, cannot be the best: skip the costly part (a margin for rounding keeps ties).
    if (bestIndex >= 0 && identifierWeight(compareIdentifiers(r, customer), model) + headroom + 1e-9 < bestWeight) continue;
    const comparison = compareRecords(r, customer);
    const w = vectorWeight(comparison, model);
    if (w > bestWeight || (w === bestWeight && ci < bestIndex)) {
      bestWeight = w;
      bestIndex = ci;
      bestComparison = comparison;
    }
  }
  if (!bestComparison) return NO_MATCH;
  const weights = fieldWeights(bestComparison, model);
  const score = scoreOf(matchWeight(weights, model));
  return {
    outcome: decide(score, model),
    score,
    customerIndex: bestIndex,
    weights,
    nameSimilarity: bestComparison.nameSimilarity,
    comparison: bestComparison,
  };
}

/** Links every list record to its best customer. Synchronous; reports progress by chunks. */
export function linkRecords(list: readonly MatchRecord[], customers: readonly MatchRecord[], opts: LinkOptions = {}): RowDecision[] {
  const model = opts.model ?? DEFAULT_MODEL;
  const index = new BlockIndex(customers);
  const chunk = opts.chunk ?? 5000;
  const out = new Array<RowDecision>(list.length);
  for (let i = 0; i < list.length; i++) {
    if (i % chunk === 0) {
      if (opts.signal?.aborted) throw new CancelledError();
      opts.progress?.(i, list.length);
    }
    out[i] = decideRecord(list[i]!, index, model);
  }
  opts.progress?.(list.length, list.length);
  return out;
}

/** The reason of a decision in words; kept rows without a candidate have none. */
export function reasonOf(d: RowDecision, lang: Lang): string {
  if (d.customerIndex === null) return '';
  return explain(d.weights, d.nameSimilarity, lang, d.outcome !== 'removed');
}
