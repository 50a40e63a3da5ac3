/**
 * Excel's sheet-name rules, in one place: at most 31 characters, none of / \ ? * : [ ],
 * not starting or ending with an apostrophe, unique ignoring case, and not "History".
 */
import { hasXmlForbidden, xmlSafe } from './xmlText';

export const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[/\\?*:[\]]/;

/** Why a name is not a valid sheet name, or null when it is. Uniqueness is checked separately. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return 'empty';
  if (name.length > MAX_SHEET_NAME) return `longer than ${MAX_SHEET_NAME} characters`;
  if (FORBIDDEN.test(name)) return 'contains one of / \\ ? * : [ ]';
  if (hasXmlForbidden(name)) return 'contains a control or non-character that a workbook cannot hold';
  if (name.startsWith("'") || name.endsWith("'")) return "starts or ends with '";
  if (name.trim().toLowerCase() === 'history') return '"History" is reserved by Excel';
  return null;
}

/**
 * Makes a valid sheet name from any text, unique among `existing` ignoring case:
 * "Tampere: rakennus/LVI 27.11.2026" → "Tampere rakennus-LVI 27.11.2026", then " (2)", " (3)"…
 */
export function makeSheetName(base: string, existing: Iterable<string>, keepSuffix = ''): string {
  let clean = xmlSafe(base)
    .replace(/[/\\]/g, '-')
    .replace(/[?*:[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  if (!clean || clean.toLowerCase() === 'history') clean = clean ? `${clean} 1` : 'Lista';
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  // `keepSuffix` (a date, say) survives whole: the base gives way instead, so that
  // "Rakentajat Tampere-Pirkkala 20.11.2026" becomes "Rakentajat Tampere-P 20.11.2026".
  const tail = keepSuffix ? ` ${makeSheetNameText(keepSuffix)}` : '';
  const fit = (s: string, counter: string) =>
    s
      .slice(0, Math.max(1, MAX_SHEET_NAME - tail.length - counter.length))
      .replace(/'+$/, '')
      .trimEnd() +
    tail +
    counter;
  let candidate = fit(clean, '');
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = fit(clean, ` (${i})`);
  return candidate;
}

function makeSheetNameText(text: string): string {
  return xmlSafe(text)
    .replace(/[/\\]/g, '-')
    .replace(/[?*:[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Excel table names: start with a letter or _, then letters, digits, _ or .; max 255; unique. */
export function makeTableName(base: string, existing: Iterable<string>): string {
  let clean = base
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_.]/g, '_')
    .replace(/_+/g, '_');
  if (!/^[A-Za-z_]/.test(clean)) clean = `T_${clean}`;
  // A name like "A1" or "R1C1" would read as a cell reference.
  if (/^[A-Za-z]{1,3}\d+$/.test(clean) || /^[RrCc]\d*$/.test(clean)) clean = `T_${clean}`;
  clean = clean.slice(0, 200);
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  let candidate = clean;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${clean}_${i}`;
  return candidate;
}
