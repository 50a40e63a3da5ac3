/**
 * Columns Rajaus wrote, known by their place when the user renames them. A list's header says
 * what a column holds ("Puhelin" is a phone); a user who renames it to "Numero" for their own
 * use has not changed what it holds, and a step that read it as a column of their own would
 * stop using it (no phone to check against the do-not-call list) and add a column "Puhelin" of
 * its own beside it. The state records each table's columns as Rajaus last wrote them
 * (ListState.columns); when the table still has as many columns, one whose header differs from
 * the recorded one is read as the recorded key, and keeps the user's header.
 */
import { isExtraKey } from '../core/columns/catalogue';
import type { WorkbookState } from '../core/state/workbookState';

const norm = (h: string) => h.trim().toLowerCase();

/** Header → key overrides (mapHeaders' `overrides`) for the columns of `sheet` the user renamed. */
export function renamedColumns(state: WorkbookState | null | undefined, sheet: string, headers: readonly string[]): Record<string, string> {
  const recorded = state?.lists.find((l) => !l.deletedAt && l.columns?.[sheet.toLowerCase()])?.columns?.[sheet.toLowerCase()];
  // Columns inserted or deleted since: places no longer say which column is which.
  if (!recorded || recorded.length !== headers.length) return {};
  const out: Record<string, string> = {};
  const seen = new Set(headers.map(norm));
  if (seen.size !== headers.length) return {};
  headers.forEach((header, i) => {
    const was = recorded[i]!;
    if (norm(header) === norm(was.header) || !norm(header) || isExtraKey(was.key)) return;
    out[header] = was.key;
  });
  return out;
}
