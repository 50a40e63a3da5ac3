/**
 * The swap journal: a custom XML part that the swap request adds first and the commit deletes
 * last. It says which sheet was set aside under which name (and which table was renamed), so
 * that when a step was interrupted between the swap and the clean-up, and even the clean-up
 * could not run (Excel closed, cell-edit mode), the pane can finish or undo the work the next
 * time it opens (officeWorkbook.ts cleanUpLeftovers). JSON inside the XML, as the state part.
 */
import { z } from 'zod';
import type { RowEdits } from './rowEdits';

export const JOURNAL_NAMESPACE = 'urn:rajaus:journal:v1';

const journalSchema = z.object({
  /** Set by the swap request's last operation: the new sheets are all in place. */
  complete: z.boolean().default(false),
  /** Sheets set aside: the aside name, the name the sheet had, and the id of the sheet replacing it. */
  sheets: z.array(z.object({ aside: z.string(), name: z.string(), replacement: z.string().optional() })),
  /**
   * Sheets the swap adds that replace none (a first audit sheet): by id, since the swap renames
   * them from their temporary name. Undoing the swap deletes them.
   */
  added: z.array(z.string()).default([]),
  /** Tables renamed on sheets set aside: the name now and the name the table had. */
  tables: z.array(z.object({ aside: z.string(), name: z.string() })),
  /**
   * Lists rewritten in place (their sheet and table kept): the sheet's and table's names, the hidden backup of
   * its table's cells (from A1) and the table's size then, from which an unfinished rewrite is undone.
   */
  /** The state parts before the swap: undoing it removes the one it added. */
  stateParts: z.array(z.string()).optional(),
  inPlace: z
    .array(
      z.object({
        name: z.string(),
        table: z.string(),
        backup: z.string(),
        rows: z.number().int().min(2),
        columns: z.number().int().min(1),
        /** The table's headers before the rewrite (matched by header when it is undone). */
        headers: z.array(z.string()).optional(),
        /**
         * The rows deleted and inserted so that references follow their rows (rowEdits.ts);
         * absent when the rows were rewritten by position. An undo works out from the table's
         * row count (and the mark) how many of them ran, and reverses those.
         */
        // Checked where it is used (tableRewrite.ts undoRowEdits), which loads on demand.
        rowEdits: z.custom<RowEdits>((v) => typeof v === 'object' && v !== null).optional(),
      }),
    )
    .default([]),
});

export type Journal = z.output<typeof journalSchema>;

export function journalToXml(journal: Journal): string {
  const json = JSON.stringify(journal).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="UTF-8"?><journal xmlns="${JOURNAL_NAMESPACE}">${json}</journal>`;
}

/** The journal in a part, or null when the part is not one (a damaged part is ignored, not fatal). */
export function journalFromXml(xml: string): Journal | null {
  const m = /<journal\b[^>]*>([\s\S]*)<\/journal>/.exec(xml);
  if (!m) return null;
  const json = m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  try {
    const parsed = journalSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
