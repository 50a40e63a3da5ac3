/**
 * A phonetic key for Finnish names, for blocking only (never for deciding).
 *
 * Soundex and Double Metaphone encode English spelling; Finnish is written almost as it is
 * spoken, and the typos that matter are different: doubled letters dropped or added
 * ("Mattila"/"Matila", "Heikkinen"/"Heikinen"), loan letters (w/v, z/ts/s, c/k, q/k, x/ks),
 * "dt" vs "t", and vowel slips ("Virtanen"/"Virtenen"). The key is the first letter and the
 * consonant skeleton after folding, with doubled letters collapsed:
 * "Heikkinen" = "Heikinen" → "hkn"; "Virtanen" = "Wirtanen" → "vrtn".
 */
import { foldText } from './fold';

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

export function finnishPhonetic(name: string): string {
  let s = foldText(name).replace(/[^a-z]/g, '');
  if (!s) return '';
  s = s
    .replace(/sch/g, 's')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/c/g, 'k')
    .replace(/q/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/z/g, 's')
    .replace(/dt/g, 't')
    .replace(/d/g, 't')
    .replace(/b/g, 'p')
    .replace(/g/g, 'k');
  let out = s[0]!;
  let prev = s[0]!;
  for (let i = 1; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === prev) continue;
    prev = ch;
    if (VOWELS.has(ch) || ch === 'h' || ch === 'j') continue;
    if (out[out.length - 1] !== ch) out += ch;
  }
  return out;
}
