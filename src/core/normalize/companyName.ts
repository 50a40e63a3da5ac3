/**
 * Company names as comparison keys. "OY VIRTASEN RAKENNUS AB", "Virtasen Rakennus Oy" and
 * "Virtasen rakennus osakeyhtiö" are one name; the legal form is read off either end (and
 * kept apart, as a weaker clue of its own), case, punctuation and diacritics do not matter,
 * and "&", "ja", "och" and "and" are the same connector, so they are dropped from the key.
 * A legal form alone ("Oy", "Ab Oy") leaves no name: it never makes a match.
 * Forms of one or two words are recognised ("oy ab", "avoin yhtiö", "t:mi").
 */
import { foldText } from './fold';

/** Legal-form families: the forms within one family are variants of the same form. */
export type LegalForm = 'oy' | 'oyj' | 'ky' | 'ay' | 'tmi' | 'osk' | 'ry' | 'foreign';

/** Folded spellings (one or more words) → family. Longest spellings are tried first. */
const LEGAL_FORMS: [string[], LegalForm][] = (
  [
    ['julkinen osakeyhtio', 'oyj'],
    ['publikt aktiebolag', 'oyj'],
    ['oyj', 'oyj'],
    ['abp', 'oyj'],
    ['plc', 'oyj'],
    // Housing companies: "Asunto Oy", "As Oy", "As. Oy" and "Asunto-osakeyhtiö" are one form.
    ['asunto osakeyhtio', 'oy'],
    ['asuntoosakeyhtio', 'oy'],
    ['asunto oy', 'oy'],
    ['as oy', 'oy'],
    ['oy ab', 'oy'],
    ['ab oy', 'oy'],
    ['oy ltd', 'oy'],
    ['o y', 'oy'],
    ['osakeyhtio', 'oy'],
    ['aktiebolag', 'oy'],
    ['oy', 'oy'],
    ['ab', 'oy'],
    ['ltd', 'oy'],
    ['limited', 'oy'],
    ['inc', 'foreign'],
    ['incorporated', 'foreign'],
    ['llc', 'foreign'],
    ['gmbh', 'foreign'],
    ['corp', 'foreign'],
    ['corporation', 'foreign'],
    ['kommandiittiyhtio', 'ky'],
    ['kommanditbolag', 'ky'],
    ['ky', 'ky'],
    ['kb', 'ky'],
    ['avoin yhtio', 'ay'],
    ['handelsbolag', 'ay'],
    ['ay', 'ay'],
    ['hb', 'ay'],
    ['toiminimi', 'tmi'],
    ['t mi', 'tmi'],
    ['tmi', 'tmi'],
    ['enskild firma', 'tmi'],
    ['enskild naringsidkare', 'tmi'],
    ['osuuskunta', 'osk'],
    ['andelslag', 'osk'],
    ['osk', 'osk'],
    ['rekisteroity yhdistys', 'ry'],
    ['registrerad forening', 'ry'],
    ['r y', 'ry'],
    ['ry', 'ry'],
    ['rf', 'ry'],
    ['r f', 'ry'],
  ] as [string, LegalForm][]
).map(([s, f]): [string[], LegalForm] => [s.split(' '), f]);

const CONNECTORS = new Set(['ja', 'och', 'and']);

export interface NormalizedCompanyName {
  /** Folded words of the name without legal forms and connectors: ["virtasen", "rakennus"]. */
  tokens: string[];
  /** The words run together, so "Auto-Virtanen" = "Autovirtanen" = "Auto Virtanen". '' = no name. */
  compact: string;
  /** Legal-form family found at either end, if any. */
  legalForm: LegalForm | null;
}

/** Legal forms by their spelling, words joined with a space: "oy ab", "t mi", "osakeyhtio". */
const FORM_BY_TEXT = new Map(LEGAL_FORMS.map(([words, form]) => [words.join(' '), form]));

/** Words that begin or end a two-word form: only then is the pair of words looked up. */
const FIRST_OF_TWO = new Set(LEGAL_FORMS.filter(([w]) => w.length === 2).map(([w]) => w[0]!));
const LAST_OF_TWO = new Set(LEGAL_FORMS.filter(([w]) => w.length === 2).map(([w]) => w[1]!));

/** The legal form formWords found last (a variable, not a pair per call: this runs for every name). */
let found: LegalForm = 'oy';

/**
 * How many words the legal form at the start (or end) of tokens[lo, hi) takes, 0 for none;
 * the form is left in `found`.
 */
function formWords(tokens: readonly string[], lo: number, hi: number, atEnd: boolean): number {
  const n = hi - lo;
  if (n <= 0) return 0;
  // Longest first: "julkinen osakeyhtio" before "osakeyhtio", "oy ab" before "ab".
  if (n >= 2) {
    const a = atEnd ? tokens[hi - 2]! : tokens[lo]!;
    const b = atEnd ? tokens[hi - 1]! : tokens[lo + 1]!;
    if (FIRST_OF_TWO.has(a) && LAST_OF_TWO.has(b)) {
      const f = FORM_BY_TEXT.get(`${a} ${b}`);
      if (f) {
        found = f;
        return 2;
      }
    }
  }
  const f = FORM_BY_TEXT.get(atEnd ? tokens[hi - 1]! : tokens[lo]!);
  if (!f) return 0;
  found = f;
  return 1;
}

export function normalizeCompanyName(raw: string | null | undefined): NormalizedCompanyName {
  const text = raw ?? '';
  const folded = foldText(text.includes('&') || text.includes('+') ? text.replace(/[&+]/g, ' ja ') : text);
  // foldText trims and joins words with single spaces: only an empty text has no words.
  const tokens = folded ? folded.split(' ') : [];
  let legalForm: LegalForm | null = null;
  // Strip legal forms from both ends until none is left: "Oy Virtanen Ab" → "Virtanen". The
  // words left are tokens[lo, hi): moved bounds, not arrays spliced, for every name of a file.
  let lo = 0;
  let hi = tokens.length;
  for (;;) {
    let w = formWords(tokens, lo, hi, false);
    if (w > 0) {
      lo += w;
      legalForm ??= found;
      continue;
    }
    w = formWords(tokens, lo, hi, true);
    if (w > 0) {
      hi -= w;
      legalForm ??= found;
      continue;
    }
    break;
  }
  let connectors = false;
  for (let i = lo; i < hi && !connectors; i++) connectors = CONNECTORS.has(tokens[i]!);
  // `tokens` is always an array of exactly its words, not one grown by push with room for 17.
  let kept: string[];
  if (!connectors) kept = lo === 0 && hi === tokens.length ? tokens : tokens.slice(lo, hi);
  else {
    kept = [];
    for (let i = lo; i < hi; i++) if (!CONNECTORS.has(tokens[i]!)) kept.push(tokens[i]!);
    kept = kept.slice();
  }
  return { tokens: kept, compact: kept.join(''), legalForm };
}
