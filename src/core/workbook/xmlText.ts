/**
 * Text that a workbook can hold. An .xlsx is XML 1.0, which forbids U+FFFE, U+FFFF, lone
 * surrogates and the C0 controls other than tab, CR and LF: one such character in a cell, a
 * header or a sheet name makes sharedStrings.xml (or workbook.xml) ill-formed, and Excel,
 * LibreOffice and Rajaus itself can no longer read the file. Vendor files carry them. Excel also
 * holds at most 32,767 characters in a cell.
 *
 * Both workbook adapters pass every string they write through `cellText` (and sheet names
 * through `xmlSafe` in makeSheetName), so the port never writes a file Excel cannot open. The
 * repairs are visible (U+FFFD, the replacement character; a cut cell ends with a marker) and
 * counted in `TextRepairs`, which the step's summary reports.
 */
import { defineMessages, formatCount, type Lang } from '../i18n/lang';

/** Excel's limit of characters in one cell. */
export const MAX_CELL_CHARS = 32_767;

/** What a forbidden character becomes: the Unicode replacement character, visible in Excel. */
export const REPLACEMENT = '\uFFFD';

/** Ends a cell cut to Excel's limit, so that nobody takes the cut text for the whole. */
export const CUT_MARKER = ' […]';

// Lone surrogates (the `u` flag makes \p{Surrogate} match only unpaired halves), U+FFFE/U+FFFF
// and C0 controls but tab, LF and CR. Control characters are the point of these patterns.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Surrogate}/gu;
// eslint-disable-next-line no-control-regex
const HAS_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Surrogate}/u;

/** Counts of repairs made while writing; one per run or step, shown in its summary. */
export class TextRepairs {
  /** Characters replaced by U+FFFD. */
  replacedChars = 0;
  /** Cells (or names) that held a forbidden character. */
  repairedCells = 0;
  /** Cells cut to 32,767 characters. */
  cutCells = 0;

  get any(): boolean {
    return this.repairedCells > 0 || this.cutCells > 0;
  }

  add(other: TextRepairs): void {
    this.replacedChars += other.replacedChars;
    this.repairedCells += other.repairedCells;
    this.cutCells += other.cutCells;
  }
}

/** True when `text` holds a character that XML 1.0 (and so an .xlsx) cannot hold. */
export function hasXmlForbidden(text: string): boolean {
  return HAS_FORBIDDEN.test(text);
}

/** `text` with every XML-forbidden character replaced by U+FFFD; counts into `repairs`. */
export function xmlSafe(text: string, repairs?: TextRepairs): string {
  if (!HAS_FORBIDDEN.test(text)) return text;
  let n = 0;
  const safe = text.replace(FORBIDDEN, () => {
    n++;
    return REPLACEMENT;
  });
  if (repairs) {
    repairs.replacedChars += n;
    repairs.repairedCells++;
  }
  return safe;
}

/**
 * A string as a cell can hold it: XML-safe, and at most 32,767 characters (cut with a marker,
 * never in the middle of a surrogate pair).
 */
export function cellText(text: string, repairs?: TextRepairs): string {
  const safe = xmlSafe(text, repairs);
  if (safe.length <= MAX_CELL_CHARS) return safe;
  let end = MAX_CELL_CHARS - CUT_MARKER.length;
  const last = safe.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  if (repairs) repairs.cutCells++;
  return safe.slice(0, end) + CUT_MARKER;
}

/** A cell value as a cell can hold it: strings through `cellText`, other values unchanged. */
export function safeCellValue<T>(value: T, repairs?: TextRepairs): T {
  return (typeof value === 'string' ? cellText(value, repairs) : value) as T;
}

const t = defineMessages({
  fi: {
    replaced: '{cells} solussa oli merkki, jota työkirja ei voi sisältää ({chars} merkkiä korvattu merkillä �)',
    cut: '{cells} solua oli yli 32 767 merkkiä; ne lyhennettiin ja merkittiin […]',
  },
  en: {
    replaced: '{cells} cell(s) held characters a workbook cannot hold ({chars} replaced with �)',
    cut: '{cells} cell(s) were over 32,767 characters; they were cut and marked […]',
  },
  sv: {
    replaced: '{cells} cell(er) innehöll tecken som en arbetsbok inte kan innehålla ({chars} ersatta med �)',
    cut: '{cells} cell(er) hade över 32 767 tecken; de kortades och märktes […]',
  },
});

/** The repairs as lines for a step's summary (none when nothing was repaired). */
export function textRepairLines(lang: Lang, repairs: TextRepairs): string[] {
  const lines: string[] = [];
  if (repairs.repairedCells > 0) {
    lines.push(t(lang, 'replaced', { cells: formatCount(lang, repairs.repairedCells), chars: formatCount(lang, repairs.replacedChars) }));
  }
  if (repairs.cutCells > 0) lines.push(t(lang, 'cut', { cells: formatCount(lang, repairs.cutCells) }));
  return lines;
}
