/**
 * Column meaning from contents, after the headers (headerMapping.ts) have had their say.
 * Finnish registers head company names and person names alike "Nimi" (which the headers read
 * as a person's name), and many exports keep phone numbers under a header nobody foresaw
 * ("Numero", "Yhteys"). A sample of the values settles it:
 * - a column read as a person's name (fullName) whose values mostly carry a legal form
 *   ("Koivun Putki Oy Ab", "Tmi …", "… ry") is a company name (when no column is one already);
 * - a column read as a company name ("Asiakas", "Customer") whose values are persons' names
 *   (a common first name among two to four words, no legal form) is a person's name, when no
 *   column is one already: a consumer register heads its customers as a company list does;
 * - a column of the user's own whose values are nearly all phone numbers is the phone (when no
 *   column is one already).
 * Only columns the user did not map by hand are guessed; the guess is reported (the CLI's
 * output and summary.json, the pane's mapping, which lets the user change it).
 */
import { normalizeCompanyName } from '../normalize/companyName';
import { isCommonFirstName } from '../normalize/firstNames';
import { foldText } from '../normalize/fold';
import { phoneKey } from '../normalize/phone';
import { normalizePostalCode } from '../normalize/postalCode';
import type { CellValue } from '../workbook/cells';

export interface ColumnGuess {
  /** Index of the column. */
  column: number;
  /** The key its header gave. */
  from: string;
  /** The key its contents gave. */
  to: string;
  /** Share of the sampled non-empty values that spoke for `to` (0–1). */
  share: number;
}

/** Rows read for the guess: enough for a stable share, few enough to cost nothing. */
export const GUESS_SAMPLE = 500;
/**
 * A name column is a company column when half its values carry a legal form: a company
 * register writes "Oy" on most rows (some companies are written without it), a person
 * register on almost none ("Oy" is no Finnish given or family name).
 */
const COMPANY_SHARE = 0.5;
/**
 * A company column is persons' names when most values read as one (a common first name among
 * two to four words) and almost none carries a legal form. The first-name list does not know
 * every name, so "most" is a half.
 */
const PERSON_SHARE = 0.5;
const LEGAL_FORM_AT_MOST = 0.05;

/** Two to four words, one of them a common first name, and no legal form ("Katariina Järvinen"). */
export function looksLikePersonName(value: string): boolean {
  const words = value.split(/[\s,]+/).filter(Boolean);
  if (words.length < 2 || words.length > 4 || hasLegalForm(value)) return false;
  return words.some((w) => isCommonFirstName(foldText(w.replace(/-/g, ''))));
}

/** A column is the phone when nearly all its values are phone numbers (not ids or sums). */
const PHONE_SHARE = 0.9;

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v).trim());

/** The value carries a legal form and a name besides it ("Koivun Putki Oy Ab", not "Oy"). */
export function hasLegalForm(value: string): boolean {
  const n = normalizeCompanyName(value);
  return n.legalForm !== null && n.compact !== '';
}

/** Written as a phone number: digits with phone punctuation, and a number the phone reader takes. */
function looksLikePhone(value: string): boolean {
  if (!/^[+(]?[\d][\d\s\-()./]{5,}$/.test(value)) return false;
  const digits = value.replace(/\D/g, '');
  // A postal code or a year is no phone; nor is a Y-tunnus ("1234567-8", eight digits).
  if (digits.length < 7 || /^\d{7}-\d$/.test(value) || normalizePostalCode(value)) return false;
  return phoneKey(value) !== null;
}

/**
 * The keys after the contents are read. `fixed` are the columns mapped by hand, never guessed.
 * The first `GUESS_SAMPLE` rows are read.
 */
export function guessColumnsFromContents(
  keys: readonly string[],
  rows: readonly (readonly CellValue[])[],
  fixed: ReadonlySet<number> = new Set(),
): { keys: string[]; guesses: ColumnGuess[] } {
  const out = [...keys];
  const guesses: ColumnGuess[] = [];
  const sample = rows.length > GUESS_SAMPLE ? rows.slice(0, GUESS_SAMPLE) : rows;
  const shareOf = (c: number, test: (v: string) => boolean): number => {
    let filled = 0;
    let yes = 0;
    for (const r of sample) {
      const v = text(r[c]);
      if (!v) continue;
      filled++;
      if (test(v)) yes++;
    }
    // Ten values at least: a guess from three rows is a coin toss.
    return filled >= Math.min(10, sample.length) && filled > 0 ? yes / filled : 0;
  };
  if (!out.includes('companyName')) {
    const c = out.indexOf('fullName');
    if (c >= 0 && !fixed.has(c)) {
      const share = shareOf(c, hasLegalForm);
      if (share >= COMPANY_SHARE) {
        out[c] = 'companyName';
        guesses.push({ column: c, from: 'fullName', to: 'companyName', share });
      }
    }
  }
  if (!out.includes('fullName') && !out.includes('firstName') && !out.includes('lastName')) {
    const c = out.indexOf('companyName');
    if (c >= 0 && !fixed.has(c) && !guesses.some((g) => g.column === c)) {
      const share = shareOf(c, looksLikePersonName);
      if (share >= PERSON_SHARE && shareOf(c, hasLegalForm) <= LEGAL_FORM_AT_MOST) {
        out[c] = 'fullName';
        guesses.push({ column: c, from: 'companyName', to: 'fullName', share });
      }
    }
  }
  if (!out.includes('phone')) {
    for (let c = 0; c < out.length; c++) {
      if (fixed.has(c) || !out[c]!.startsWith('extra:')) continue;
      const share = shareOf(c, looksLikePhone);
      if (share >= PHONE_SHARE) {
        guesses.push({ column: c, from: out[c]!, to: 'phone', share });
        out[c] = 'phone';
        break;
      }
    }
  }
  return { keys: out, guesses };
}
