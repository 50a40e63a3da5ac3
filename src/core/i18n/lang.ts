/**
 * Languages of the UI, sheet headers and notes. Finnish first; English and Swedish available.
 * Each module keeps its own message table (see `defineMessages`) so that modules stay small and
 * a newcomer finds a message next to the code that shows it.
 */
export const LANGS = ['fi', 'en', 'sv'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'fi';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Picks the UI language from an Office display language such as "sv-SE" or "en-US". */
export function langFromLocale(locale: string | undefined | null): Lang {
  const prefix = (locale ?? '').slice(0, 2).toLowerCase();
  return isLang(prefix) ? prefix : DEFAULT_LANG;
}

export type Localized = Record<Lang, string>;

type Params = Record<string, string | number>;
type MessageValue = string | ((p: Params) => string);

/**
 * A message table: Finnish is the reference (every key), English and Swedish must have the
 * same keys (checked by the type). Values are strings with `{name}` placeholders or functions.
 */
export function defineMessages<K extends string>(table: {
  fi: Record<K, MessageValue>;
  en: Record<K, MessageValue>;
  sv: Record<K, MessageValue>;
}) {
  // Each template cut at its placeholders once, on first use: the reason of every removed row
  // is a few messages, and a regular expression run per message was a tenth of a second of a
  // 100,000-row match.
  const compiled = new Map<string, readonly string[]>();
  return function t(lang: Lang, key: K, params: Params = {}): string {
    const value = table[lang][key] ?? table.fi[key];
    if (typeof value === 'function') return value(params);
    let parts = compiled.get(value);
    if (!parts) compiled.set(value, (parts = value.split(PLACEHOLDER)));
    return fill(parts, params);
  };
}

/** `{name}`; split by it, a template is its text and names by turns (a name at odd places). */
const PLACEHOLDER = /\{(\w+)\}/;

/** A template's parts with its names filled in; a name without a value stays as written. */
function fill(parts: readonly string[], params: Params): string {
  if (parts.length === 1) return parts[0]!;
  let out = parts[0]!;
  for (let k = 1; k < parts.length; k += 2) {
    const name = parts[k]!;
    out += (name in params ? String(params[name]) : `{${name}}`) + parts[k + 1]!;
  }
  return out;
}

/** Formats an integer the Finnish (or Swedish/English) way: 12 345 / 12,345. */
/** A probability (0…1) as people say it: "87 %" in Finnish and Swedish, "87%" in English. */
export function formatPercent(lang: Lang, p: number): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang === 'sv' ? 'sv-FI' : 'fi-FI', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(p);
}

export function formatCount(lang: Lang, n: number): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang === 'sv' ? 'sv-FI' : 'fi-FI').format(n);
}
