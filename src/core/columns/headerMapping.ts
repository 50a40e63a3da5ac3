/**
 * Maps the headers of a user's file or sheet to catalogue keys, from Finnish, Swedish and
 * English names and their common spellings ("Y-tunnus", "FO-nummer", "Business ID";
 * "Puhelin", "Puh.", "Telefon", "Phone"). Unknown headers are kept as the user's own columns.
 */
import { UserError } from '../errors';
import { CATALOGUE, columnDef, extraKey } from './catalogue';

/** Case, punctuation and spacing do not matter: "Puh." = "puh" = "PUH". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFC')
    .toLowerCase()
    .replace(/[._\-/()[\]:#*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const LOOKUP: Map<string, string> = (() => {
  const m = new Map<string, string>();
  // Headers the catalogue itself writes win over synonyms, so every sheet we write reads back.
  const add = (name: string, key: string) => {
    const n = normalizeHeader(name);
    if (!m.has(n)) m.set(n, key);
  };
  for (const c of CATALOGUE) for (const name of [c.key, c.headers.fi, c.headers.en, c.headers.sv]) add(name, c.key);
  for (const c of CATALOGUE) for (const name of c.synonyms ?? []) add(name, c.key);
  return m;
})();

export interface HeaderMapping {
  /** One key per input column, in input order. */
  keys: string[];
  /** Input headers as written, in input order. */
  headers: string[];
}

/** Parses CLI `--map "Puh. työ=phone"` overrides. */
export function parseMapOverrides(specs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of specs) {
    const at = spec.lastIndexOf('=');
    if (at <= 0) throw new UserError(`--map expects column=key, got '${spec}'`);
    const column = spec.slice(0, at).trim();
    const key = spec.slice(at + 1).trim();
    if (!columnDef(key)) {
      throw new UserError(`--map ${spec}: unknown key '${key}'. Known keys: ${CATALOGUE.map((c) => c.key).join(', ')}`);
    }
    out[column] = key;
  }
  return out;
}

/**
 * Maps headers to keys. The first column that maps to a key wins it; later columns with the
 * same meaning stay as the user's own columns so that nothing is lost.
 * `overrides` maps a header as written to a catalogue key (or to "" to keep it as the user's own).
 */
export function mapHeaders(headers: readonly string[], overrides: Record<string, string> = {}, file?: string): HeaderMapping {
  const normalizedOverrides = new Map(Object.entries(overrides).map(([h, k]) => [normalizeHeader(h), k]));
  for (const [h] of normalizedOverrides) {
    if (!headers.some((x) => normalizeHeader(x) === h)) {
      throw new UserError(`--map names a column that is not in the file: '${h}'. Columns: ${headers.join(', ')}`, { file });
    }
  }
  const taken = new Set<string>();
  const ownNames = distinctOwnNames(headers);
  const keys = headers.map((header, i) => {
    const n = normalizeHeader(header);
    const wanted = normalizedOverrides.has(n) ? normalizedOverrides.get(n)! : LOOKUP.get(n);
    const own = extraKey(ownNames[i]!);
    if (!wanted || taken.has(wanted)) return own;
    taken.add(wanted);
    return wanted;
  });
  return { keys, headers: [...headers] };
}

/**
 * A distinct name for every column, as the user's own column would be called: the header as
 * written; an empty one "Column N"; a repeated one "Huom (2)". Keys are made of these names, so
 * two columns headed "Huom", or an empty header beside a "Column 8", stay two columns instead
 * of one overwriting the other. Headers as written are reserved first, so a generated name
 * never takes a real column's name.
 */
export function distinctOwnNames(headers: readonly string[]): string[] {
  const used = new Set<string>();
  const written = new Set(headers.map((h) => h.trim().toLowerCase()).filter(Boolean));
  return headers.map((header, i) => {
    const trimmed = header.trim();
    const base = trimmed || `Column ${i + 1}`;
    const clash = (x: string) => used.has(x.toLowerCase()) || (!trimmed && written.has(x.toLowerCase()));
    let name = base;
    for (let n = 2; clash(name); n++) name = `${base} (${n})`;
    used.add(name.toLowerCase());
    return name;
  });
}
