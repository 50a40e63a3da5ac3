/**
 * Row heights for wrapped text. Excel fits a row to wrapped text only when a person edits it;
 * a row written by a program keeps the default 15 points and shows one line of a paragraph
 * (notes) or of an address label. Both adapters set these heights. Hand-written because it is
 * an estimate from what the sheet plan knows (column widths in characters, font sizes), not
 * a text layout engine: Calibri 11 holds about one "0" width per character on average and a
 * line is 15 points; other sizes scale.
 */
import type { RowStyle, SheetPlan } from './sheetPlan';

/** Excel's default line height at Calibri 11, and its highest row. */
const LINE_POINTS_11 = 15;
const MAX_ROW_POINTS = 409;

/** Font size of each row style of a document sheet (the larger of the two adapters' sizes). */
export const ROW_STYLE_FONT_SIZE: Record<RowStyle, number> = { title: 16, section: 12, label: 11, normal: 11, note: 11 };

/** Lines `text` takes in a column `width` characters wide at `fontSize` points. */
export function wrappedLines(text: string, width: number, fontSize = 11): number {
  const perLine = Math.max(1, Math.floor((width * 11) / fontSize) - 1);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    // Whole words move to the next line: count them in, not characters alone.
    let used = 0;
    let paragraphLines = 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const need = used === 0 ? word.length : used + 1 + word.length;
      if (need <= perLine) used = need;
      else {
        paragraphLines += used === 0 ? 0 : 1;
        paragraphLines += Math.floor(Math.max(0, word.length - 1) / perLine);
        used = word.length % perLine || perLine;
      }
    }
    lines += paragraphLines;
  }
  return lines;
}

/**
 * The height in points of each row of a document sheet, or undefined where one line is
 * enough (Excel's default height stays). Table sheets are not wrapped: all undefined.
 */
export function wrappedRowHeights(plan: SheetPlan): (number | undefined)[] {
  if (plan.layout !== 'document') return plan.rows.map(() => undefined);
  return plan.rows.map((row, r) => {
    const fontSize = ROW_STYLE_FONT_SIZE[plan.rowStyles?.[r] ?? 'normal'];
    let lines = 1;
    row.forEach((value, c) => {
      if (value === null || value === undefined || value === '') return;
      lines = Math.max(lines, wrappedLines(String(value), plan.columns[c]?.width ?? 10, fontSize));
    });
    if (lines <= 1) return undefined;
    return Math.min(MAX_ROW_POINTS, Math.ceil(lines * LINE_POINTS_11 * (fontSize / 11) * 4) / 4);
  });
}
