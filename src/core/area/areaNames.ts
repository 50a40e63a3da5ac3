/**
 * Names of municipalities and regions in the other language, without loading Posti's 2 MB
 * postal code file: postalAreas.ts registers the lookup when it is loaded (the search step, the
 * CLI). Until then names are shown as the criteria wrote them. This keeps the privacy notes,
 * which every step renders, from pulling the file into the pane's first load.
 */
import type { Lang } from '../i18n/lang';

export type AreaKind = 'municipality' | 'region';
type Lookup = (name: string, kind: AreaKind, lang: Lang) => string | undefined;

let lookup: Lookup | null = null;

export function setAreaNameLookup(fn: Lookup): void {
  lookup = fn;
}

/** "Tampere" → "Tammerfors" in Swedish once the postal code file is loaded; else as written. */
export function areaLabel(name: string, kind: AreaKind, lang: Lang): string {
  return lookup?.(name, kind, lang) ?? name;
}
