/**
 * How a table's columns become another list of columns while each column that stays keeps its
 * identity. Excel knows a table column by its place and header: structured references
 * (`=COUNTA(Lista[Puhelin])`) name it, cell references point into it. Overwriting the table
 * column by column would rename "Puhelin" to whatever header lands on its place, and Excel
 * would rename the user's references with it. So the columns are matched by header (ignoring
 * case, the way Excel compares table column names) and only the columns that come or go are
 * inserted or deleted; references to a column that stays keep pointing at it.
 *
 * Hand-written: a longest common subsequence over a few dozen headers, too small and specific
 * for a diff library.
 */

export type ColumnEdit = { insert: number } | { delete: number };

/**
 * The edits that turn columns `now` into `wanted`, in order, each index relative to the table
 * as it is when that edit runs. Inserts come first, so that the table never loses its last
 * column; deletes run right to left.
 */
export function columnEdits(now: readonly string[], wanted: readonly string[]): ColumnEdit[] {
  const a = now.map((h) => h.toLowerCase());
  const b = wanted.map((h) => h.toLowerCase());
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  // The merged order of old and new columns: kept, deleted (old only), inserted (new only).
  const merged: ('keep' | 'delete' | 'insert')[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      merged.push('keep');
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
      merged.push('delete');
      i++;
    } else {
      merged.push('insert');
      j++;
    }
  }
  const edits: ColumnEdit[] = [];
  merged.forEach((kind, at) => {
    if (kind === 'insert') edits.push({ insert: at });
  });
  for (let at = merged.length - 1; at >= 0; at--) if (merged[at] === 'delete') edits.push({ delete: at });
  return edits;
}

/** Applies `edits` to a list of headers (what the table's header row looks like afterwards, new columns as null). */
export function applyColumnEdits<T>(now: readonly T[], edits: readonly ColumnEdit[]): (T | null)[] {
  const out: (T | null)[] = [...now];
  for (const e of edits) {
    if ('insert' in e) out.splice(e.insert, 0, null);
    else out.splice(e.delete, 1);
  }
  return out;
}
