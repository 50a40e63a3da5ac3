/**
 * Area criteria → the set of postal codes they cover. Postal codes, ranges ("33200-33500") and
 * prefixes ("33*") are expanded over Posti's postal code file; municipalities and regions are
 * found by their Finnish or Swedish name. Unknown names are field-level errors naming the key.
 */
import { UserError } from '../errors';
import type { Lang } from '../i18n/lang';
import {
  areaIndex,
  findMunicipality,
  findRegion,
  municipalityLabel,
  nameKey,
  regionLabel,
  type Municipality,
  type Region,
} from '../area/postalAreas';
import type { Criteria } from './criteria';
import { issue, localized, t, type CriteriaIssue } from './messages';

export type Area = NonNullable<Criteria['area']>;

export interface ExpandedArea {
  /** Every postal code the area covers; null when the criteria set no area (all of Finland). */
  postalCodes: Set<string> | null;
  municipalities: Municipality[];
  regions: Region[];
  /** Municipality names (fi and sv, lower case) of the area, for records without a postal code. */
  municipalityNames: Set<string>;
  /** True when a record at this postal code (or, lacking one, this municipality) is in the area. */
  contains(postalCode: string | null | undefined, municipality?: string | null): boolean;
  /** The area in words: "postinumerot 33100, 33200–33500; kunta Tampere". */
  describe(lang: Lang): string;
}

/** Thrown when criteria have field-level problems; the pane shows each by its field. */
export class CriteriaError extends UserError {
  readonly issues: CriteriaIssue[];
  constructor(issues: CriteriaIssue[], lang: Lang) {
    super(issues.map((i) => `${i.key}: ${i.message[lang]}`).join('; '));
    this.name = 'CriteriaError';
    this.issues = issues;
  }
}

/** Codes covered by one postal code spec over the sorted list of known codes. */
export function expandPostalSpec(spec: string, sortedCodes: readonly string[]): string[] | { problem: 'order' | 'none' | 'unknown' } {
  const s = spec.trim();
  const range = /^(\d{5})-(\d{5})$/.exec(s);
  if (range) {
    const [, from, to] = range as unknown as [string, string, string];
    if (from > to) return { problem: 'order' };
    const out = sortedCodes.filter((c) => c >= from && c <= to);
    return out.length ? out : { problem: 'none' };
  }
  if (/^\d{5}\*?$/.test(s)) {
    const code = s.slice(0, 5);
    return sortedCodes.includes(code) ? [code] : { problem: 'unknown' };
  }
  const prefix = s.replace(/\*$/, '');
  const out = sortedCodes.filter((c) => c.startsWith(prefix));
  return out.length ? out : { problem: 'none' };
}

/** Levenshtein distance, small strings only (names of municipalities). */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

function suggest(value: string, names: Iterable<string>): string | undefined {
  const v = nameKey(value);
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(v.length / 4)) + 1;
  for (const n of names) {
    const d = distance(v, nameKey(n));
    if (d < bestD) {
      bestD = d;
      best = n;
    }
  }
  return best;
}

function unknownName(
  path: (string | number)[],
  key: 'municipalityUnknown' | 'regionUnknown',
  value: string,
  names: Iterable<string>,
): CriteriaIssue {
  const s = suggest(value, names);
  const base = localized(key, { value });
  if (!s) return issue(path, base);
  return issue(path, {
    fi: t('fi', 'didYouMean', { message: base.fi, suggestion: s }),
    en: t('en', 'didYouMean', { message: base.en, suggestion: s }),
    sv: t('sv', 'didYouMean', { message: base.sv, suggestion: s }),
  });
}

/** The field-level problems of an area, without throwing. `base` is the area's key path. */
export function areaIssues(area: Area | undefined, base: (string | number)[] = ['area']): CriteriaIssue[] {
  return expand(area, base).issues;
}

function expand(
  area: Area | undefined,
  base: (string | number)[],
): { codes: Set<string> | null; municipalities: Municipality[]; regions: Region[]; issues: CriteriaIssue[] } {
  const issues: CriteriaIssue[] = [];
  const municipalities: Municipality[] = [];
  const regions: Region[] = [];
  if (!area || (!area.postalCodes?.length && !area.municipalities?.length && !area.regions?.length)) {
    return { codes: null, municipalities, regions, issues };
  }
  const idx = areaIndex();
  const codes = new Set<string>();
  (area.postalCodes ?? []).forEach((spec, i) => {
    const r = expandPostalSpec(spec, idx.sortedCodes);
    if (Array.isArray(r)) for (const c of r) codes.add(c);
    else {
      const key = r.problem === 'order' ? 'postalRangeOrder' : r.problem === 'unknown' ? 'postalUnknown' : 'postalNoMatch';
      issues.push(issue([...base, 'postalCodes', i], localized(key, { value: spec.trim() })));
    }
  });
  const allMunicipalityNames = () => [...idx.municipalities.values()].map((m) => m.nameFi);
  (area.municipalities ?? []).forEach((name, i) => {
    const m = findMunicipality(name);
    if (!m) {
      issues.push(unknownName([...base, 'municipalities', i], 'municipalityUnknown', name, allMunicipalityNames()));
      return;
    }
    municipalities.push(m);
    for (const c of m.postalCodes) codes.add(c);
  });
  (area.regions ?? []).forEach((name, i) => {
    const r = findRegion(name);
    if (!r) {
      issues.push(
        unknownName(
          [...base, 'regions', i],
          'regionUnknown',
          name,
          [...idx.regions.values()].map((x) => x.nameFi),
        ),
      );
      return;
    }
    regions.push(r);
    for (const mc of r.municipalityCodes) for (const c of idx.municipalities.get(mc)!.postalCodes) codes.add(c);
  });
  return { codes, municipalities, regions, issues };
}

/** "33200-33500" → "33200–33500" (an en dash reads as a range). */
export function formatPostalSpec(spec: string): string {
  return spec.trim().replace('-', '–');
}

/**
 * Expands an area. Throws a CriteriaError naming the key (area.municipalities[0]…) when a name
 * or code is unknown; `lang` picks the language of the thrown message.
 */
export function expandArea(area: Area | undefined, lang: Lang = 'fi'): ExpandedArea {
  const { codes, municipalities, regions, issues } = expand(area, ['area']);
  if (issues.length) throw new CriteriaError(issues, lang);
  const municipalityNames = new Set<string>();
  for (const m of municipalities) municipalityNames.add(nameKey(m.nameFi)).add(nameKey(m.nameSv));
  const idx = areaIndex();
  for (const r of regions) {
    for (const mc of r.municipalityCodes) {
      const m = idx.municipalities.get(mc)!;
      municipalityNames.add(nameKey(m.nameFi)).add(nameKey(m.nameSv));
    }
  }
  return {
    postalCodes: codes,
    municipalities,
    regions,
    municipalityNames,
    contains(postalCode, municipality) {
      if (!codes) return true;
      const pc = postalCode == null ? '' : String(postalCode).trim();
      if (pc) return codes.has(pc.padStart(5, '0'));
      // A vendor file may carry only a municipality: judge by it when the area names any.
      return !!municipality && municipalityNames.has(nameKey(String(municipality)));
    },
    describe(l: Lang) {
      return describeArea(area, municipalities, regions, l);
    },
  };
}

function describeArea(area: Area | undefined, municipalities: Municipality[], regions: Region[], lang: Lang): string {
  const parts: string[] = [];
  const pcs = area?.postalCodes ?? [];
  if (pcs.length)
    parts.push(
      t(lang, pcs.length === 1 && /^\d{5}$/.test(pcs[0]!.trim()) ? 'sumPostal' : 'sumPostals', {
        value: pcs.map(formatPostalSpec).join(', '),
      }),
    );
  if (municipalities.length) {
    parts.push(
      t(lang, municipalities.length === 1 ? 'sumMunicipality' : 'sumMunicipalities', {
        value: municipalities.map((m) => municipalityLabel(m, lang)).join(', '),
      }),
    );
  }
  if (regions.length)
    parts.push(t(lang, regions.length === 1 ? 'sumRegion' : 'sumRegions', { value: regions.map((r) => regionLabel(r, lang)).join(', ') }));
  return parts.join('; ');
}
