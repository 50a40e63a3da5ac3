/**
 * Street addresses as people write them, parsed into comparable parts.
 *
 * Hand-written rather than taken from a library: the Finnish and Swedish conventions
 * (house letter "5a" vs staircase "5 A", "as. 12", "lh 3", "bost. 4", "Kauppak.",
 * "Meri-Rastilan tie" = "Meri-Rastilantie") are the whole value of the building join and of
 * customer matching, and no npm address parser knows them.
 *
 * Finnish addressing: `Katu 12a B 34` = street, house number 12, house letter a (part of the
 * building's address), staircase B, apartment 34 (neither part of the building's address).
 * People also write the letter apart and in capitals ("12 A"), which is then indistinguishable
 * from a staircase: we record it as `staircase` and let the join decide (see `letterCandidates`).
 */

export interface ParsedAddress {
  /** Normalized comparison key of the street name (see normalizeStreetName); '' when none. */
  street: string;
  /** House number as digits ("12"); null when the address has none. */
  number: string | null;
  /** End of a number range ("12-14" → "14"). */
  numberTo: string | null;
  /** House letter, lower case ("5a", "5 a" → "a"). */
  letter: string | null;
  /** Staircase (rappu), upper case ("12 B 5" → "B"). A lone capital after the number lands here. */
  staircase: string | null;
  /** Apartment (huoneisto, "as. 5", "lh 3", "bost. 4"), as written without its prefix. */
  apartment: string | null;
  /** A five-digit postal code written in the same text ("…, 00100 Helsinki"). */
  postalCode?: string | null;
}

/** Abbreviations at the end of a street name, written with a dot: "Kauppak." → "Kauppakatu". */
const SUFFIX_ABBREVIATIONS: [RegExp, string][] = [
  [/kj\.$/, 'kuja'],
  [/k\.$/, 'katu'],
  [/t\.$/, 'tie'],
  [/pl\.$/, 'polku'],
  [/bulev\.$/, 'bulevardi'],
  [/espl\.$/, 'esplanadi'],
  [/v\.$/, 'vägen'],
  [/g\.$/, 'gatan'],
];

/** Abbreviations of whole words at the start: "Pohj. Rautatiekatu", "Et. Hesperiankatu". */
const WORD_ABBREVIATIONS: Record<string, string> = {
  'pohj.': 'pohjoinen',
  'et.': 'eteläinen',
  'it.': 'itäinen',
  'länt.': 'läntinen',
  'n.': 'norra',
  's.': 'södra',
  'v.': 'västra',
  'ö.': 'östra',
};

/** Helsinki's "Ensi linja" … are written "1. linja" too. */
const ORDINALS: Record<string, string> = {
  '1.': 'ensi',
  '2.': 'toinen',
  '3.': 'kolmas',
  '4.': 'neljäs',
  '5.': 'viides',
  '6.': 'kuudes',
  '7.': 'seitsemäs',
  '8.': 'kahdeksas',
  '9.': 'yhdeksäs',
};

/** Keeps å, ä, ö (they tell streets apart) and drops other accents ("Linné" = "Linne"). */
function foldAccents(s: string): string {
  let out = '';
  for (const ch of s) {
    if (ch === 'å' || ch === 'ä' || ch === 'ö') out += ch;
    else if (ch.charCodeAt(0) < 128) out += ch;
    else out += ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  return out;
}

/**
 * The comparison key of a street name: case, spaces, hyphens, dots and apostrophes do not
 * matter, and the common abbreviations are written out.
 * "Meri-Rastilan tie", "MERI-RASTILANTIE", "Meri-Rastilant." → "merirastilantie";
 * "Råholmsv." → "råholmsvägen"; "3. linja" → "kolmaslinja".
 */
const memo = new Map<string, string>();

export function normalizeStreetName(name: string): string {
  // Lists and registers repeat the same street thousands of times.
  let key = memo.get(name);
  if (key === undefined) {
    key = computeStreetKey(name);
    if (memo.size > 100_000) memo.clear();
    memo.set(name, key);
  }
  return key;
}

function computeStreetKey(name: string): string {
  let s = foldAccents(name.normalize('NFC').toLowerCase().trim());
  s = s.replace(/\s+/g, ' ');
  const words = s.split(' ');
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (i < words.length - 1 && WORD_ABBREVIATIONS[w]) words[i] = WORD_ABBREVIATIONS[w];
    else if (i === 0 && words.length > 1 && ORDINALS[w]) words[i] = ORDINALS[w];
  }
  let last = words[words.length - 1]!;
  for (const [re, full] of SUFFIX_ABBREVIATIONS) {
    if (re.test(last)) {
      last = last.replace(re, full);
      break;
    }
  }
  // Swedish names in their short form: "Råholmsväg" → "Råholmsvägen", "Alexandersgata".
  last = last.replace(/väg$/, 'vägen').replace(/gata$/, 'gatan');
  words[words.length - 1] = last;
  return words.join('').replace(/[\s\-‐‑–—.'’´`]/g, '');
}

const EMPTY: ParsedAddress = { street: '', number: null, numberTo: null, letter: null, staircase: null, apartment: null, postalCode: null };

/** "as.", "as", "asunto", "lh", "huone", "bost.", "bostad", "lgh" before an apartment number. */
const APARTMENT_PREFIX = /^(?:as|asunto|huon|huoneisto|lh|liikehuoneisto|bst|bost|bostad|lgh|lägenhet|apt|apartment)\.?$/i;

/** The house-number token: "12", "5a", "12-14", "12–14", "5a-c" (range by digits only). */
const NUMBER_TOKEN = /^(\d{1,4})([a-zåäö])?(?:[-–](\d{1,4})?([a-zåäö])?)?$/i;

const COMMA = /[,;]/;
const DASH = /[-–]/;
/** Whitespace that `\s+` → " " would change: two in a row, or any but a plain space. */
const ODD_SPACE = /\s\s|[^\S ]/;

/**
 * Parses "Mannerheimintie 12 A 5", "Meri-Rastilan tie 5 as. 5", "Råholmsvägen 3b",
 * "Kauppak. 12-14, 00100 Helsinki". The apartment part is read but never used for buildings.
 */
export function parseStreetAddress(raw: string): ParsedAddress {
  // Each step runs only when the text needs it: the join parses 100,000 addresses a run.
  let text = (raw ?? '').normalize('NFC');
  if (COMMA.test(text)) text = text.replace(/[,;]/g, ' ');
  if (DASH.test(text))
    text = text.replace(/\s*[-–]\s*(?=\d)/g, (m, offset: number, whole: string) => (/\d\s*$/.test(whole.slice(0, offset)) ? '-' : m));
  if (ODD_SPACE.test(text)) text = text.replace(/\s+/g, ' ');
  text = text.trim();
  if (!text) return { ...EMPTY };
  const tokens = text.split(' ');

  // A P.O. box is no street address.
  if (
    tokens.length >= 2 &&
    isDigit(tokens[1]!.charCodeAt(0)) &&
    /^(pl|pb|p\.o\.?)$/i.test(tokens[0]!.replace(/\.$/, '')) &&
    /^\d+$/.test(tokens[1]!)
  ) {
    return { ...EMPTY, postalCode: findPostalCode(tokens.slice(2)) };
  }

  // The street ends at the first token that starts with a digit (after at least one word,
  // so that "3. linja 5" keeps its ordinal).
  let i = 0;
  const streetWords: string[] = [];
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (streetWords.length > 0 && isDigit(t.charCodeAt(0)) && !/^\d+\.$/.test(t)) break;
    streetWords.push(t);
    i++;
  }
  // A street name glued to its number: "Mannerheimintie12".
  if (i >= tokens.length && streetWords.length >= 1) {
    const m = /^(.*[^\d\s])(\d{1,4}[a-zåäö]?)$/i.exec(streetWords[streetWords.length - 1]!);
    if (m && streetWords.join(' ').length > m[2]!.length) {
      streetWords[streetWords.length - 1] = m[1]!;
      tokens.splice(i, 0, m[2]!);
    }
  }
  const result: ParsedAddress = {
    street: normalizeStreetName(streetWords.length === 1 ? streetWords[0]! : streetWords.join(' ')),
    number: null,
    numberTo: null,
    letter: null,
    staircase: null,
    apartment: null,
    postalCode: null,
  };
  if (i >= tokens.length) return result;

  const num = NUMBER_TOKEN.exec(tokens[i]!);
  if (!num) {
    // "00100 Helsinki" right after the street: no house number.
    result.postalCode = findPostalCode(tokens.slice(i));
    return result;
  }
  if (/^\d{5}$/.test(tokens[i]!)) {
    result.postalCode = tokens[i]!;
    return result;
  }
  result.number = String(Number(num[1]));
  if (num[2]) result.letter = num[2].toLowerCase();
  if (num[3]) result.numberTo = String(Number(num[3]));
  i++;

  // After the number: a house letter, staircase, apartment, then maybe postal code and town.
  const rest = tokens.slice(i);
  let j = 0;
  const at = (k: number) => rest[k];
  // "5 a" (lower case, alone or before a staircase) is the house letter.
  if (!result.letter && at(j) && /^[a-zåäö]$/.test(at(j)!) && !(at(j + 1) && /^\d/.test(at(j + 1)!))) {
    result.letter = at(j)!;
    j++;
  }
  if (at(j) && /^\d{5}$/.test(at(j)!)) {
    result.postalCode = at(j)!;
    return result;
  }
  // Staircase with or without apartment: "A 12", "A12", "B", "C 24", "a 5".
  const stair = at(j) ? /^([a-zåäö])(\d{1,4}[a-zåäö]?)?$/i.exec(at(j)!) : null;
  if (stair && !APARTMENT_PREFIX.test(at(j)!)) {
    result.staircase = stair[1]!.toUpperCase();
    j++;
    if (stair[2]) result.apartment = stair[2].toLowerCase();
    else if (at(j) && /^\d{1,4}[a-zåäö]?$/i.test(at(j)!) && !/^\d{5}$/.test(at(j)!)) {
      result.apartment = at(j)!.toLowerCase();
      j++;
    }
  }
  // Apartment with a prefix: "as. 5", "as 5", "lh 3", "bost. 4", "as.5".
  if (!result.apartment && at(j)) {
    const glued = /^(as|lh|bst|bost|lgh)\.?(\d{1,4}[a-zåäö]?)$/i.exec(at(j)!);
    if (glued) {
      result.apartment = glued[2]!.toLowerCase();
      j++;
    } else if (APARTMENT_PREFIX.test(at(j)!) && at(j + 1) && /^\d{1,4}[a-zåäö]?$/i.test(at(j + 1)!)) {
      result.apartment = at(j + 1)!.toLowerCase();
      j += 2;
    }
  }
  result.postalCode = findPostalCode(rest.slice(j));
  return result;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function findPostalCode(tokens: readonly string[]): string | null {
  for (const t of tokens) if (/^\d{5}$/.test(t)) return t;
  return null;
}

/**
 * A house number as a building register writes it ("6", "5a", "12-14", "12 - 14", "2 A")
 * into number, range end and letter. Returns null when there is no number at all.
 */
export function parseHouseNumber(raw: string): { number: string; numberTo: string | null; letter: string | null } | null {
  const s = (raw ?? '')
    .trim()
    .replace(/\s*[-–]\s*/g, '-')
    .replace(/(\d)\s+([a-zåäö])$/i, '$1$2');
  const m = NUMBER_TOKEN.exec(s);
  if (!m) return null;
  return { number: String(Number(m[1])), numberTo: m[3] ? String(Number(m[3])) : null, letter: m[2] ? m[2].toLowerCase() : null };
}

/**
 * What an address's second line ("Osoitteen lisätieto", "Address line 2") holds, read for
 * matching:
 * - careOf: "c/o Virtanen", "Att. Myynti": a recipient, not a place;
 * - poBox: "PL 12", "PB 12", "PO Box 12", "Postilokero 12": no street;
 * - apartment: "as. 12", "B 12", "A as 5", "lh 3", "bost. 4": the apartment of the first line's
 *   house (`apartment`);
 * - street: anything else with a name in it, parsed as a street address (`address`): a street
 *   ("Hurley street 51"), or a building or estate name ("Lakes retirement estate") that cannot
 *   be told from a street by its form, so the caller compares it as one where the other side
 *   may have it as its street line (the lines swapped);
 * - none: empty, or a number alone (a house or an apartment, which cannot be told apart).
 */
export type AddressLine2 =
  { kind: 'none' | 'careOf' | 'poBox' } | { kind: 'apartment'; apartment: string } | { kind: 'street'; address: ParsedAddress };

const CARE_OF = /^(?:c\s*[/\\.]\s*o\b\.?|att\b\.?|attn\b\.?)/i;
const PO_BOX = /^(?:pl|pb|p\.?\s*o\.?\s*box|box|postilokero|postbox|postfack)\.?\s*\d/i;
/** An apartment alone: a staircase letter, an apartment prefix or both, then its number. */
const APARTMENT_ONLY =
  /^(?:([a-zåäö])\s*(?:(?:as|asunto|huon|huoneisto|lh|liikehuoneisto|bst|bost|bostad|lgh|lägenhet|apt|apartment)\.?\s*)?|(?:as|asunto|huon|huoneisto|lh|liikehuoneisto|bst|bost|bostad|lgh|lägenhet|apt|apartment)\.?\s*)(\d{1,4}[a-zåäö]?)$/i;

export function parseAddressLine2(raw: string): AddressLine2 {
  const text = (raw ?? '').normalize('NFC').trim();
  if (!text) return { kind: 'none' };
  if (CARE_OF.test(text)) return { kind: 'careOf' };
  if (PO_BOX.test(text)) return { kind: 'poBox' };
  const apartment = APARTMENT_ONLY.exec(text);
  if (apartment) return { kind: 'apartment', apartment: apartment[2]!.toLowerCase() };
  const address = parseStreetAddress(text);
  // A number alone names no street (addressParts in matching says the same of a first line).
  if (!/[^\d\s]/.test(address.street)) return { kind: 'none' };
  return { kind: 'street', address };
}
