/**
 * How a table's body rows become another list of rows while each row that stays keeps its
 * identity. Excel knows a row by its place: a user's `=Lista!B5`, a formula on another sheet, a
 * chart or a pivot over a row range points at the cells. When a row is deleted Excel turns the
 * references to it into #REF! and moves the references below it up; when rows are inserted the
 * references below move down. So a step that takes rows out of a list (matching, the do-not-call
 * check, erasing a person, building filters) deletes exactly those rows, and one that puts rows
 * back (undoing a matching) inserts them at their places: references follow their rows, as they
 * do when the user deletes or inserts rows by hand. Rewriting the body from the top instead would
 * leave `=Lista!B5` on row 5, which then holds another company.
 *
 * Rows are identified by numbers (a row's index in the table as the step read it); `null` is a
 * row that is new (wanted) or unknown (now). Hand-written: a merge of two ordered lists.
 */

/**
 * One structural edit of the table's body, at a body index (0 = the first row under the
 * header) as the body is when the edit runs:
 *  - insert: `count` empty rows at `at`, inside the body (Range.insert down; the rows at `at`
 *    and below move down);
 *  - append: one empty row after the last (TableRowCollection.add: a row inserted below a
 *    table is not the table's);
 *  - delete: `count` rows from `at` (Range.delete up).
 */
export type RowEdit =
  { kind: 'insert'; at: number; count: number } | { kind: 'append'; at: number } | { kind: 'delete'; at: number; count: number };

/** The edits in the order they run: every insert (top down), then every delete (bottom up). */
export interface RowEdits {
  inserts: RowEdit[];
  deletes: RowEdit[];
}

/**
 * The edits that turn body rows `now` into `wanted`: a row of `now` whose identity is not
 * wanted is deleted, a wanted row that `now` does not have (or null) is inserted at its place.
 * Null when the rows that stay are not in the same order in both (moving rows is not an edit
 * Excel references follow) or an identity repeats: the caller rewrites by position then.
 *
 * Inserts run first and deletes last, so that the table always keeps a body row (Excel's tables
 * have at least one) even when every row changes. New rows go before rows that go, where both
 * fall between the same two rows that stay, so that rows are appended only after the last row.
 */
export function rowEdits(now: readonly (number | null)[], wanted: readonly (number | null)[]): RowEdits | null {
  const inNow = new Set<number>();
  for (const x of now) {
    if (x === null) continue;
    if (inNow.has(x)) return null;
    inNow.add(x);
  }
  const inWanted = new Set<number>();
  for (const x of wanted) {
    if (x === null) continue;
    if (inWanted.has(x)) return null;
    inWanted.add(x);
  }
  const stays = (x: number | null) => x !== null && inNow.has(x) && inWanted.has(x);
  // The merged order of both: rows that stay, rows that go (now only), rows that come (wanted only).
  const merged: ('keep' | 'gone' | 'new')[] = [];
  let i = 0;
  let j = 0;
  while (i < now.length || j < wanted.length) {
    if (j < wanted.length && !stays(wanted[j]!)) {
      merged.push('new');
      j++;
    } else if (i < now.length && !stays(now[i]!)) {
      merged.push('gone');
      i++;
    } else if (i < now.length && j < wanted.length && now[i] === wanted[j]) {
      merged.push('keep');
      i++;
      j++;
    } else return null;
  }
  const runs = (kind: 'gone' | 'new') => {
    const out: { at: number; count: number }[] = [];
    for (let k = 0; k < merged.length; k++) {
      if (merged[k] !== kind) continue;
      const at = k;
      while (k + 1 < merged.length && merged[k + 1] === kind) k++;
      out.push({ at, count: k - at + 1 });
    }
    return out;
  };
  // Inserts top down: everything before a run is in place when it runs, so its merged index is
  // its body index. A run with no old row after it is past the body's end: appended.
  const lastOld = merged.reduce((last, kind, k) => (kind === 'new' ? last : k), -1);
  const inserts: RowEdit[] = [];
  for (const run of runs('new')) {
    if (run.at <= lastOld) inserts.push({ kind: 'insert', at: run.at, count: run.count });
    else {
      inserts.push({ kind: 'append', at: run.at });
      if (run.count > 1) inserts.push({ kind: 'insert', at: run.at, count: run.count - 1 });
    }
  }
  // Deletes bottom up: the rows above a run are all still there, so again merged = body index.
  const deletes: RowEdit[] = runs('gone')
    .reverse()
    .map((run) => ({ kind: 'delete', at: run.at, count: run.count }));
  return { inserts, deletes };
}

/** The body rows after `edits` ran on `rows` (inserted rows are null). */
export function applyRowEdits(rows: readonly (number | null)[], edits: readonly RowEdit[]): (number | null)[] {
  const out = [...rows];
  for (const e of edits) {
    if (e.kind === 'append') out.push(null);
    else if (e.kind === 'insert') out.splice(e.at, 0, ...new Array<null>(e.count).fill(null));
    else out.splice(e.at, e.count);
  }
  return out;
}

/** How many operations the edits put into a request (a run is one; an append with its insert two). */
export const rowEditCount = (edits: RowEdits): number => edits.inserts.length + edits.deletes.length;

/**
 * The body rows of a table whose rewrite was cut off, from the rows it had (`before`), the edits
 * the rewrite was to make, whether its mark (set between the inserts and the deletes) is there,
 * and how many body rows it has now. Each edit changes the count, in one direction per phase,
 * so the count says how many ran; null when it fits no point (the table was changed otherwise).
 */
export function rowsAfterCut(before: number, edits: RowEdits, marked: boolean, bodyNow: number): (number | null)[] | null {
  let rows: (number | null)[] = Array.from({ length: before }, (_, k) => k);
  // Without both kinds of edit there is no mark: the count alone says which phase ran.
  const both = edits.inserts.length > 0 && edits.deletes.length > 0;
  const insertsDone = both ? marked : edits.inserts.length === 0;
  const phase = insertsDone ? edits.deletes : edits.inserts;
  if (insertsDone) rows = applyRowEdits(rows, edits.inserts);
  if (rows.length === bodyNow) return rows;
  for (const e of phase) {
    rows = applyRowEdits(rows, [e]);
    if (rows.length === bodyNow) return rows;
  }
  return null;
}
