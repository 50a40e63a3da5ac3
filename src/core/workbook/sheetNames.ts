/**
 * Excel's sheet-name rules, in one place: at most 31 characters, none of / \ ? * : [ ],
 * not starting or ending with an apostrophe, unique ignoring case, and not "History".
 */
export const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[/\\?*:[\]]/;

/** Why a name is not a valid sheet name, or null when it is. Uniqueness is checked separately. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return 'empty';
  if (name.length > MAX_SHEET_NAME) return `longer than ${MAX_SHEET_NAME} characters`;
  if (FORBIDDEN.test(name)) return 'contains one of / \\ ? * : [ ]';
  if (name.startsWith("'") || name.endsWith("'")) return "starts or ends with '";
  if (name.trim().toLowerCase() === 'history') return '"History" is reserved by Excel';
  return null;
}

/**
 * Makes a valid sheet name from any text, unique among `existing` ignoring case:
 * "Tampere: rakennus/LVI 27.11.2026" → "Tampere rakennus-LVI 27.11.2026", then " (2)", " (3)"…
 */
export function makeSheetName(base: string, existing: Iterable<string>, keepSuffix = ''): string {
  let clean = base
    .replace(/[/\\]/g, '-')
    .replace(/[?*:[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  if (!clean || clean.toLowerCase() === 'history') clean = clean ? `${clean} 1` : 'Lista';
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  // A date at the end of the text is kept whole like `keepSuffix`: a name is never cut inside
  // a date ("Tietosuoja – Tampere F 7.12.202" was what a plain cut at 31 gave).
  let suffix = keepSuffix;
  if (!suffix) {
    const date = / (\d{1,2}\.\d{1,2}\.\d{4})$/.exec(clean);
    if (date && clean.length > MAX_SHEET_NAME) [clean, suffix] = [clean.slice(0, date.index), date[1]!];
  }
  // `keepSuffix` (a date, say) survives whole: the base gives way instead, at a word boundary,
  // so that "Rakentajat Tampere-Pirkkala 20.11.2026" becomes "Rakentajat Tampere 20.11.2026".
  const tail = suffix ? ` ${makeSheetNameText(suffix)}` : '';
  const fit = (s: string, counter: string) => shortenAtWord(s, Math.max(1, MAX_SHEET_NAME - tail.length - counter.length)) + tail + counter;
  let candidate = fit(clean, '');
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = fit(clean, ` (${i})`);
  return candidate;
}

/** Little words and separators a shortened name must not end with ("Rakennus- ja"). */
const DANGLING = /(?:[\s\-–—,&]+|\s(?:ja|sekä|tai|och|eller|and|or))+$/i;

/**
 * `text` in at most `room` characters, cut at the last word boundary (space or hyphen) when
 * one leaves at least half the room; a single long word is cut where it must be.
 */
export function shortenAtWord(text: string, room: number): string {
  if (text.length <= room) return text;
  const head = text.slice(0, room + 1);
  let at = -1;
  for (let i = head.length - 1; i > 0; i--) {
    if (/[\s\-–]/.test(head[i]!)) {
      at = i;
      break;
    }
  }
  let out = at >= Math.ceil(room / 2) ? text.slice(0, at) : text.slice(0, room);
  out = out.replace(DANGLING, '').replace(/'+$/, '').trimEnd();
  return out || text.slice(0, room).replace(/'+$/, '').trimEnd();
}

function makeSheetNameText(text: string): string {
  return text
    .replace(/[/\\]/g, '-')
    .replace(/[?*:[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Excel's rows and columns, for telling a cell reference from a name. */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Why a name is not valid as an Excel table (or defined) name, or null. Excel's grammar: a
 * letter, "_" or "\" first, then letters, digits, "_" or "."; at most 255 characters; not
 * "C" or "R"; not TRUE or FALSE; and not something the formula parser reads as a cell
 * reference first: "A1", "XFD1048576", "A1_x" (A1 style) or "R1C1", "RC", "R2_kampanja",
 * "C1_asiakkaat" (R1C1 style, followed by anything but a letter or digit). Uniqueness against
 * tables and defined names is checked separately.
 */
export function tableNameProblem(name: string): string | null {
  if (name.length === 0) return 'empty';
  if (name.length > 255) return 'longer than 255 characters';
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) return 'not a letter or _ first, or other than letters, digits, _ and . after';
  if (/^(true|false)$/i.test(name)) return 'a logical value';
  if (/^[Rr]\d*(?:[Cc]\d*)?(?![\p{L}\p{N}])/u.test(name) || /^[Cc]\d*(?![\p{L}\p{N}])/u.test(name)) return 'reads as an R1C1 reference';
  const a1 = /^([A-Za-z]{1,3})(\d+)(?=$|[_.])/.exec(name);
  if (a1 && columnNumber(a1[1]) <= MAX_COLUMN && Number(a1[2]) >= 1 && Number(a1[2]) <= MAX_ROW) return 'reads as an A1 reference';
  return null;
}

/**
 * A valid Excel table name from any text, unique ignoring case among `existing` (the
 * workbook's tables and defined names, which share one namespace): accents dropped, other
 * characters "_", and "T_" in front of anything the grammar refuses ("2026 lista",
 * "R2 kampanja", "TRUE").
 */
export function makeTableName(base: string, existing: Iterable<string>): string {
  let clean = base
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_.]/g, '_')
    .replace(/_+/g, '_')
    .slice(0, 200);
  if (tableNameProblem(clean)) clean = `T_${clean}`;
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  let candidate = clean;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${clean}_${i}`;
  return candidate;
}
