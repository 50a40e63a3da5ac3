/**
 * Do-not-call suppression (kieltolista): ASML's Puhelin-Robinson list or the user's own
 * opt-outs, numbers in any written form, normalized to E.164 because dialers and our matching
 * compare exact strings. Every phone-like column and every number in a cell counts, in the
 * do-not-call file and in the list. A list row is suppressed when any of its numbers is on the list; the row moves to an audit sheet with the reason, never silently disappears.
 */
import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import { displayHeader, isExtraKey, typeOf } from '../columns/catalogue';
import { mapHeaders } from '../columns/headerMapping';
import { defineMessages, type Lang } from '../i18n/lang';
import { withColumns, type ListTable } from '../list/listTable';
import { phoneKey } from '../normalize/phone';
import type { CellValue } from '../workbook/cells';
import { tablePlan, type SheetPlan } from '../workbook/sheetPlan';

export const dncText = defineMessages({
  fi: {
    auditPrefix: 'Kielletyt numerot',
    sheetPrefix: 'Kieltolista',
    stepName: 'Kieltolistatarkistus',
    reason: 'Numero {phone} on kieltolistalla "{name}" (päivätty {checkedAt})',
    invalidLine: 'rivi {line}: "{value}" ei ole puhelinnumero',
    noNumbers: 'tiedostossa ei ole yhtään kelvollista puhelinnumeroa',
    noSheet: 'taulukkoa ei löydy työkirjasta',
    noPhoneColumn: 'listassa ei ole puhelinnumerosaraketta (esim. "Puhelin"), joten kieltolistaa ei voi tarkistaa',
  },
  en: {
    auditPrefix: 'Do-not-call numbers',
    sheetPrefix: 'Do-not-call',
    stepName: 'Do-not-call check',
    reason: 'Number {phone} is on the do-not-call list "{name}" (dated {checkedAt})',
    invalidLine: 'line {line}: "{value}" is not a phone number',
    noNumbers: 'the file holds no valid phone numbers',
    noSheet: 'no such sheet in the workbook',
    noPhoneColumn: 'the list has no phone column (e.g. "Phone"), so it cannot be checked against a do-not-call list',
  },
  sv: {
    auditPrefix: 'Spärrade nummer',
    sheetPrefix: 'Spärrlista',
    stepName: 'Kontroll mot spärrlista',
    reason: 'Numret {phone} finns på spärrlistan "{name}" (daterad {checkedAt})',
    invalidLine: 'rad {line}: "{value}" är inte ett telefonnummer',
    noNumbers: 'filen innehåller inga giltiga telefonnummer',
    noSheet: 'bladet finns inte i arbetsboken',
    noPhoneColumn: 'listan har ingen telefonkolumn (t.ex. "Telefon"), så den kan inte kontrolleras mot en spärrlista',
  },
});

/** A number as found in a file, with the line (or row) a person can look it up by. */
export interface DoNotCallEntry {
  value: CellValue | undefined;
  line: number;
}

export interface DoNotCallNumbers {
  /** Unique E.164 numbers, in file order. */
  phones: string[];
  /** Lines that held something that is not a valid phone number. */
  invalid: { line: number; value: string }[];
  /** Non-empty entries read. */
  read: number;
}

/**
 * Separators people put between two numbers in one cell: "040 123 4567 / 050 765 4321",
 * "040…, 045…", "040… ja 050…". Hand-written because every part must still pass phoneKey (the
 * suppression key): libphonenumber's findPhoneNumbersInText misses forms phoneKey accepts (a
 * number that lost its leading zero in Excel), so it is only the fallback for a part.
 */
const BETWEEN_NUMBERS = /\s*(?:[/,;|\r\n]|\s(?:ja|tai|and|or|och|eller)\s)\s*/i;

/** Every phone number in a cell, as suppression keys, and the parts that are no number. */
export function phonesIn(value: CellValue | undefined): { phones: string[]; invalid: string[] } {
  if (value === null || value === undefined || value === '') return { phones: [], invalid: [] };
  const whole = phoneKey(value as string | number);
  if (whole) return { phones: [whole], invalid: [] };
  const text = String(value).trim();
  if (!text) return { phones: [], invalid: [] };
  const phones: string[] = [];
  const invalid: string[] = [];
  for (const part of text.split(BETWEEN_NUMBERS)) {
    if (!part.trim()) continue;
    const key = phoneKey(part.trim());
    if (key) {
      phones.push(key);
      continue;
    }
    // Two numbers with only spaces between them ("040 123 4567 050 765 4321").
    const found = findPhoneNumbersInText(part, 'FI').flatMap((m) => phoneKey(m.number.number) ?? []);
    if (found.length) phones.push(...found);
    else invalid.push(part.trim());
  }
  return { phones, invalid };
}

/**
 * Whether a header names a phone column ("Puhelin", "Matkapuhelin", "GSM", "Puhelin (2)"), also
 * when an earlier column already holds the phone key and this one is kept as the user's own.
 */
export function isPhoneHeader(header: string): boolean {
  return mapHeaders([header.trim().replace(/ \(\d+\)$/, '')]).keys[0] === 'phone';
}

/** Normalizes every written form ("040-1234567", "+358 40 123 4567", "00358…", "401234567"). */
export function normalizeDoNotCall(entries: Iterable<DoNotCallEntry>): DoNotCallNumbers {
  const seen = new Set<string>();
  const phones: string[] = [];
  const invalid: { line: number; value: string }[] = [];
  let read = 0;
  for (const e of entries) {
    if (e.value === null || e.value === undefined) continue;
    const text = String(e.value).trim();
    if (!text || text.startsWith('#')) continue;
    read++;
    const found = phonesIn(typeof e.value === 'number' ? e.value : text);
    for (const bad of found.invalid) invalid.push({ line: e.line, value: bad });
    for (const key of found.phones) {
      if (seen.has(key)) continue;
      seen.add(key);
      phones.push(key);
    }
  }
  return { phones, invalid, read };
}

/** "rivi 4: "040-12" ei ole puhelinnumero; …" for the first few invalid lines. */
export function describeInvalid(invalid: DoNotCallNumbers['invalid'], lang: Lang, max = 5): string {
  const shown = invalid.slice(0, max).map((i) => dncText(lang, 'invalidLine', { line: i.line, value: i.value }));
  return invalid.length > max ? `${shown.join('; ')}; … (+${invalid.length - max})` : shown.join('; ');
}

/**
 * Indexes of the list's phone columns: Puhelin, any other phone-typed column, and a user's
 * own column headed like a phone ("Matkapuhelin" beside "Puhelin").
 */
export function phoneColumns(list: Pick<ListTable, 'keys'>): number[] {
  return list.keys.flatMap((k, i) => (typeOf(k) === 'phone' || (isExtraKey(k) && isPhoneHeader(displayHeader(k, 'fi'))) ? [i] : []));
}

export interface SuppressionSplit {
  kept: CellValue[][];
  /** Where each kept row is in the list (its index). */
  keptIndexes: number[];
  suppressed: { row: CellValue[]; phone: string }[];
}

/** Splits rows into kept and suppressed, keeping their order; the matched number is the reason. */
export function splitBySuppression(list: Pick<ListTable, 'keys' | 'rows'>, phones: ReadonlySet<string>): SuppressionSplit {
  const cols = phoneColumns(list);
  const kept: CellValue[][] = [];
  const keptIndexes: number[] = [];
  const suppressed: { row: CellValue[]; phone: string }[] = [];
  list.rows.forEach((row, i) => {
    let hit: string | null = null;
    for (const c of cols) {
      hit = phonesIn(row[c]).phones.find((key) => phones.has(key)) ?? null;
      if (hit) break;
    }
    if (hit) suppressed.push({ row, phone: hit });
    else {
      kept.push(row);
      keptIndexes.push(i);
    }
  });
  return { kept, keptIndexes, suppressed };
}

/** Audit columns appended to every moved row: when, by which step, and why. */
export const AUDIT_KEYS = ['removedAt', 'removedBy', 'removedReason'] as const;

/**
 * Appends audit columns to a list's keys and headers. They are always appended: a list column
 * named "Siirretty" is the user's (Rajaus writes these only on audit sheets), so it keeps its
 * values and name as the user's own column and the audit column gets a distinct name
 * ("Siirretty (2)"), the rule of withColumns.
 */
export function auditColumns(list: Pick<ListTable, 'keys' | 'headers'>, lang: Lang): { keys: string[]; headers: string[]; at: number[] } {
  const grown = withColumns(
    { keys: list.keys, headers: list.headers, rows: [], origin: { name: '', firstDataRow: 2 } },
    AUDIT_KEYS.map((key) => ({ key, values: [] })),
    lang,
  );
  return { keys: grown.keys, headers: grown.headers, at: AUDIT_KEYS.map((_, i) => list.keys.length + i) };
}

/** A suppression sheet: the normalized numbers, one per row, as text. */
export function suppressionSheetPlan(args: { name: string; phones: string[]; lang: Lang; tableName: string }): SheetPlan {
  return {
    ...tablePlan({
      name: args.name,
      role: 'suppression',
      keys: ['phone'],
      rows: args.phones.map((p) => [p]),
      lang: args.lang,
      tableName: args.tableName,
      tabColor: '#7F7F7F',
    }),
    print: undefined,
  };
}
