/**
 * Folding for comparison. Names keep their ä, ö and å for display, but exports lose them
 * ("Hameenlinna", "Jarvinen") and people type "Mäkelä" as "Makela"; comparison keys fold
 * them so both spellings meet. Other accents (é, ü) are dropped, w = v (old spelling of
 * Finnish surnames: "Wirtanen"), and punctuation is a word break.
 */

const FOLD_MAP: Record<string, string> = { ä: 'a', ö: 'o', å: 'o', æ: 'a', ø: 'o', ü: 'y', w: 'v', ß: 'ss' };

const cache = new Map<string, string>();

/** The original definition, by regular expressions: the reference for the table below. */
function foldByRegex(raw: string): string {
  let s = raw.toLowerCase().replace(/[äöåæøüwß]/g, (ch) => FOLD_MAP[ch]!);
  // "O'Brien" → "obrien": an apostrophe is not a word break.
  s = s.replace(/['’´`]/g, '');
  // Only text outside ASCII needs the (slower) Unicode decomposition.
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(s)) s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return s.replace(/[^a-z0-9]+/g, ' ').trim();
}

/**
 * What each character up to U+024F (Latin, Latin-1, Latin Extended A and B) folds to, derived
 * from foldByRegex one character at a time: a code (a letter or digit), SPACE (a word break),
 * DROP (an apostrophe), or SLOW (anything else: the whole text goes to foldByRegex).
 */
const TABLE_END = 0x250;
const SPACE = -1;
const DROP = -2;
const SLOW = -3;
const FOLD_TABLE = new Int32Array(TABLE_END);
for (let c = 0; c < TABLE_END; c++) {
  const ch = String.fromCharCode(c);
  const lower = ch.toLowerCase();
  if (lower.length !== 1) {
    FOLD_TABLE[c] = SLOW;
    continue;
  }
  const f = foldByRegex(`a${ch}a`);
  if (f === 'aa' && /['’´`]/.test(ch)) FOLD_TABLE[c] = DROP;
  else if (f === 'a a') FOLD_TABLE[c] = SPACE;
  else if (f.length === 3 && f[0] === 'a' && f[2] === 'a') FOLD_TABLE[c] = f.charCodeAt(1);
  else FOLD_TABLE[c] = SLOW;
}

let out = new Uint16Array(128);
/**
 * out.subarray(0, n) by n, made once per length while `out` stays: a view made per call was
 * an object per name folded (11 MB of garbage a 100,000-row file).
 */
let views: Uint16Array[] = [];

/**
 * foldByRegex by table, one pass over the characters: this runs for every name of a
 * 100k × 100k match. Returns null when a character is outside the table.
 */
function foldFast(raw: string): string | null {
  const n = raw.length;
  if (out.length < n) {
    out = new Uint16Array(n * 2);
    views = [];
  }
  let len = 0;
  let pendingSpace = false;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    let f: number;
    if (c < TABLE_END) f = FOLD_TABLE[c]!;
    else if (c === 0x2019) f = DROP;
    else return null;
    if (f >= 0) {
      if (pendingSpace && len > 0) out[len++] = 32;
      pendingSpace = false;
      out[len++] = f;
    } else if (f === SPACE) pendingSpace = true;
    else if (f === SLOW) return null;
  }
  if (len === 0) return '';
  const view = (views[len] ??= out.subarray(0, len));
  return String.fromCharCode.apply(null, view as unknown as number[]);
}

/** "Mäkelä-Wirtanen, Ääkkönen" → "makela virtanen aakkonen". */
export function foldText(raw: string): string {
  // Short texts repeat (towns, first names, surnames) and are cached; long ones (company names)
  // rarely do, and the table pass costs less than keeping them.
  if (raw.length > CACHE_MAX_LENGTH) return foldFast(raw) ?? foldByRegex(raw);
  const hit = cache.get(raw);
  if (hit !== undefined) return hit;
  const s = foldFast(raw) ?? foldByRegex(raw);
  if (cache.size > 50_000) cache.clear();
  cache.set(raw, s);
  return s;
}

const CACHE_MAX_LENGTH = 16;

/** Words of a folded text. */
export function foldedTokens(raw: string): string[] {
  const f = foldText(raw);
  return f ? f.split(' ') : [];
}
