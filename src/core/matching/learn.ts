/**
 * The user's review decisions teach the model (issue 12), as dedupe's active learning does:
 * after a pair is confirmed (the same customer) or rejected (another person or company), the
 * model is updated and the pairs still waiting in the review queue are scored again.
 *
 * The labelled pairs are fixed-class observations in the m and u counts of the model: a
 * confirmed pair's levels count for m (what matches look like), a rejected pair's for u (what
 * non-matches that blocking brings together look like). The run's model is the prior, worth
 * LABEL_PRIOR_PAIRS pairs per table (a Dirichlet prior, as in the estimate). The estimate's
 * guard rails (estimate.ts `guard`) are applied to the result, so no decision can make a
 * shared business id weak evidence, push a weight past the cap, or make agreement weigh
 * against.
 *
 * The share of matches (priorBits) and the thresholds are not changed: the decided pairs are
 * the review queue's, chosen because they were unsure, not a sample of the run's pairs.
 *
 * Re-scoring moves a pair out of the queue only with a reason (Moved): up to certain removal
 * when the updated model's score reaches removeAt (a certain score, as for any row removed
 * without asking), down to kept when it falls under reviewAt. Nothing else is removed.
 *
 * Hand-written: a few lines of counting on top of estimate.ts's model; the toolkits that do
 * this (dedupe, Splink) are Python.
 */
import type { ComparisonVector } from './comparison';
import { cloneTables, guard, PRIOR_PAIRS, tablesOf } from './estimate';
import { decidePair, scoreOf, shownScore, vectorWeight, type LevelProbabilities, type MatchModel, type Outcome, type TableName } from './model';

/**
 * Strength of the run's model against the user's decisions, in pairs per table: the same as
 * the prior's against EM's pairs (estimate.ts), not chosen for any data. One decision moves a
 * level's probability by at most 1/201 of the way: a single click does not empty the queue,
 * while the user saying the same thing several times ("a family member at the address, not my
 * customer") moves the levels those pairs share.
 */
export const LABEL_PRIOR_PAIRS = PRIOR_PAIRS;

export interface LabelledPair {
  comparison: ComparisonVector;
  /** true: confirmed, the same customer; false: rejected. */
  match: boolean;
}

/** The model updated with the labelled pairs (see the module comment). The model itself is not changed. */
export function learnFromDecisions(model: MatchModel, labelled: readonly LabelledPair[]): MatchModel {
  if (labelled.length === 0) return model;
  const counts = { m: new Map<string, number>(), u: new Map<string, number>() };
  const totals = { m: new Map<TableName, number>(), u: new Map<TableName, number>() };
  for (const { comparison, match } of labelled) {
    const side = match ? 'm' : 'u';
    for (const [t, l] of tablesOf(comparison)) {
      const key = `${t}\u0000${l}`;
      counts[side].set(key, (counts[side].get(key) ?? 0) + 1);
      totals[side].set(t, (totals[side].get(t) ?? 0) + 1);
    }
  }
  const tables = cloneTables(model.tables);
  for (const [t, levels] of Object.entries(tables) as [TableName, Record<string, LevelProbabilities>][]) {
    const mTotal = totals.m.get(t) ?? 0;
    const uTotal = totals.u.get(t) ?? 0;
    for (const [l, p] of Object.entries(levels)) {
      const key = `${t}\u0000${l}`;
      levels[l] = {
        m: (LABEL_PRIOR_PAIRS * p.m + (counts.m.get(key) ?? 0)) / (LABEL_PRIOR_PAIRS + mTotal),
        u: (LABEL_PRIOR_PAIRS * p.u + (counts.u.get(key) ?? 0)) / (LABEL_PRIOR_PAIRS + uTotal),
      };
    }
  }
  // The estimate's guard rails, but for the rule that makes another first name weigh exactly
  // what the shared address weighs (a family member as likely as the customer): that rule is
  // for data that cannot tell them apart, and the user's decisions can.
  guard(tables, model.tables, { familyRule: false });
  return { ...model, tables };
}

/** A pair waiting in the review queue: the list row, its best customer's comparison and score. */
export interface QueuePair {
  listIndex: number;
  comparison: ComparisonVector;
  score: number;
}

/** A pair that left the queue after re-scoring, and why. */
export interface MovedPair {
  listIndex: number;
  /** Where it went: removed (the updated model is certain) or kept (under review). */
  outcome: Exclude<Outcome, 'review'>;
  before: number;
  after: number;
}

export interface Requeue {
  /** The model updated with every decision so far. */
  model: MatchModel;
  /** Undecided pairs still in review, newly scored, most informative first. */
  queue: QueuePair[];
  /** Undecided pairs that left the queue. */
  moved: MovedPair[];
  /** Decisions the model learned from. */
  decisions: number;
}

/**
 * How unsure the model is of a pair: the binary entropy of its score, 1 at 0.5, 0 at 0 or 1.
 * The queue shows the pairs the model is least sure of first, as dedupe's uncertainty sampling
 * does: a decision on those teaches the most.
 */
export function uncertainty(score: number): number {
  if (score <= 0 || score >= 1) return 0;
  return -(score * Math.log2(score) + (1 - score) * Math.log2(1 - score));
}


/**
 * Learns from the decided pairs of the queue (`decisions`: list row → confirmed) and scores the
 * undecided ones again with the updated model. Always from the run's model (`base`) and every
 * decision so far, so the same decisions give the same queue whatever their order, and a
 * decision taken back is forgotten.
 */
export function requeue(base: MatchModel, pairs: readonly QueuePair[], decisions: ReadonlyMap<number, boolean>): Requeue {
  const labelled: LabelledPair[] = [];
  for (const p of pairs) {
    const v = decisions.get(p.listIndex);
    if (v !== undefined) labelled.push({ comparison: p.comparison, match: v });
  }
  const model = learnFromDecisions(base, labelled);
  const queue: QueuePair[] = [];
  const moved: MovedPair[] = [];
  for (const p of pairs) {
    if (decisions.has(p.listIndex)) continue;
    const score = scoreOf(vectorWeight(p.comparison, model));
    const outcome = decidePair(score, p.comparison, model);
    const after = shownScore(score);
    if (outcome === 'review') queue.push({ ...p, score: after });
    else moved.push({ listIndex: p.listIndex, outcome, before: p.score, after });
  }
  queue.sort((a, b) => uncertainty(b.score) - uncertainty(a.score) || a.listIndex - b.listIndex);
  return { model, queue, moved, decisions: labelled.length };
}
