/**
 * How the matching's result rows travel from its worker to the pane's thread (issue 13: the
 * pane's longest task at 100,000 rows must stay under 200 ms).
 *
 * Every message's structured clone is made again on the pane's thread, in the task that
 * receives it. Cloned row by row, a MatchedRow carries its own `weights` array of FieldWeight
 * objects and its own `comparison` object, although a list has few distinct ones (100,000
 * consumers against 4,000 customers: 21 distinct weight lists and 158 comparisons; 96 % of
 * the rows are kept with no weights at all). A chunk of 10,000 such rows was 1.6 MB and one
 * task of 60–140 ms on the pane's thread, and its garbage the next scavenge's work.
 *
 * So the worker sends rows in smaller chunks whose rows share one object per distinct weight
 * list and comparison: the clone keeps that sharing (it copies an object once per message,
 * however often it is referenced), and so does the pane. Nothing changes a row's weights or
 * comparison after matching (learnFromReview makes new rows), so sharing them is safe.
 */
import type { MatchedRow } from '../../app/removeCustomers';

/** Result rows a message back from the worker. */
export const RESULT_CHUNK = 5000;

/**
 * Returns `rows` (same values, same order) with equal `weights` lists and equal `comparison`
 * objects replaced by one shared object each. For the worker: it costs a string key a row there.
 */
export function sharedDetails(rows: readonly MatchedRow[]): MatchedRow[] {
  // Keys by type and String(): JSON would write NaN and Infinity both as null.
  const flat = (o: object) =>
    Object.entries(o)
      .map(([k, v]) => `${k}=${typeof v}:${String(v)}`)
      .join('|');
  const weights = new Map<string, MatchedRow['weights']>();
  const comparisons = new Map<string, NonNullable<MatchedRow['comparison']>>();
  return rows.map((r) => {
    const wKey = r.weights.map(flat).join('\n');
    let w = weights.get(wKey);
    if (!w) weights.set(wKey, (w = r.weights));
    let c = r.comparison;
    if (c) {
      const cKey = flat(c);
      const known = comparisons.get(cKey);
      if (known) c = known;
      else comparisons.set(cKey, c);
    }
    return w === r.weights && c === r.comparison ? r : { ...r, weights: w, comparison: c };
  });
}

/** The result's rows in messages of RESULT_CHUNK rows, each sharing its details (sharedDetails). */
export function* resultChunks(rows: readonly MatchedRow[]): Generator<MatchedRow[]> {
  for (let i = 0; i < rows.length; i += RESULT_CHUNK) yield sharedDetails(rows.slice(i, i + RESULT_CHUNK));
}
