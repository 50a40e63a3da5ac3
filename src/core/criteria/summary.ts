/**
 * Criteria in words, for the pane, the sheet name and the privacy notes:
 * "Toimiala F Rakentaminen; postinumerot 33100, 33200–33500; yhtiömuoto OY; rekisteröity
 * 2015–2024; rooli toimitusjohtaja; vain puhelinnumerolliset; enintään 5 000".
 */
import { formatCount, type Lang } from '../i18n/lang';
import { industryName } from '../industry/tol';
import { areaLabel } from '../area/areaNames';
import type { Criteria } from './criteria';
import { roleLabel } from './labels';
import { t } from './messages';

/** "33200-33500" → "33200–33500" (an en dash reads as a range). */
function formatPostalSpec(spec: string): string {
  return spec.trim().replace('-', '–');
}

function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** "2015-01-01" → "1.1.2015" (fi, sv) or "2015-01-01" (en). */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || lang === 'en') return iso;
  return `${Number(m[3])}.${Number(m[2])}.${m[1]}`;
}

function registered(from: string | undefined, to: string | undefined, lang: Lang): string | undefined {
  // Whole years read as years: 2015-01-01 … 2024-12-31 → "2015–2024".
  const fromYear = from?.endsWith('-01-01') ? from.slice(0, 4) : undefined;
  const toYear = to?.endsWith('-12-31') ? to.slice(0, 4) : undefined;
  const f = from ? (fromYear ?? formatDate(from, lang)) : undefined;
  const tt = to ? (toYear ?? formatDate(to, lang)) : undefined;
  if (f && tt) return t(lang, 'sumRegistered', { value: f === tt ? f : `${f}–${tt}` });
  if (f) return t(lang, 'sumRegisteredFrom', { value: f });
  if (tt) return t(lang, 'sumRegisteredTo', { value: tt });
  return undefined;
}

function industryText(spec: string, lang: Lang): string {
  const name = industryName(spec, lang);
  return name ? `${spec} ${name}` : spec;
}

function areaParts(area: Criteria['area'], lang: Lang): string[] {
  const parts: string[] = [];
  const pcs = area?.postalCodes ?? [];
  if (pcs.length) {
    const single = pcs.length === 1 && /^\d{5}$/.test(pcs[0]!.trim());
    parts.push(t(lang, single ? 'sumPostal' : 'sumPostals', { value: pcs.map(formatPostalSpec).join(', ') }));
  }
  const ms = (area?.municipalities ?? []).map((n) => areaLabel(n, 'municipality', lang));
  if (ms.length) parts.push(t(lang, ms.length === 1 ? 'sumMunicipality' : 'sumMunicipalities', { value: ms.join(', ') }));
  const rs = (area?.regions ?? []).map((n) => areaLabel(n, 'region', lang));
  if (rs.length) parts.push(t(lang, rs.length === 1 ? 'sumRegion' : 'sumRegions', { value: rs.join(', ') }));
  return parts;
}

/** The criteria in one readable line, in the language asked. */
export function summarizeCriteria(criteria: Criteria, lang: Lang): string {
  const parts: string[] = [];
  if (criteria.kind === 'b2c') parts.push(t(lang, 'sumB2c'));
  if (criteria.kind === 'b2b' && criteria.industries?.length) {
    const list = criteria.industries.map((s) => industryText(s, lang)).join(', ');
    parts.push(t(lang, criteria.industries.length === 1 ? 'sumIndustry' : 'sumIndustries', { value: list }));
  }
  parts.push(...areaParts(criteria.area, lang));
  if (criteria.kind === 'b2b') {
    if (criteria.companyForms?.length) parts.push(t(lang, 'sumForm', { value: criteria.companyForms.join(', ') }));
    const reg = registered(criteria.registeredFrom, criteria.registeredTo, lang);
    if (reg) parts.push(reg);
    if (criteria.sizeClasses?.length)
      parts.push(t(lang, 'sumSize', { value: criteria.sizeClasses.map((s) => s.replace('-', '–')).join(', ') }));
    if (criteria.roles?.length) parts.push(t(lang, 'sumRole', { value: criteria.roles.map((r) => roleLabel(r, lang)).join(', ') }));
  } else if (criteria.ageGroups?.length) {
    parts.push(t(lang, 'sumAge', { value: criteria.ageGroups.map((a) => a.replace('-', '–')).join(', ') }));
  }
  if (criteria.requirePhone) parts.push(t(lang, 'sumPhone'));
  if (criteria.kind === 'b2b' && criteria.requireEmail) parts.push(t(lang, 'sumEmail'));
  const ex = criteria.exclude;
  if (ex) {
    const exParts: string[] = [];
    if (ex.postalCodes?.length)
      exParts.push(
        t(lang, ex.postalCodes.length === 1 ? 'sumPostal' : 'sumPostals', { value: ex.postalCodes.map(formatPostalSpec).join(', ') }),
      );
    if ('industries' in ex && ex.industries?.length)
      exParts.push(t(lang, 'sumIndustries', { value: ex.industries.map((s) => industryText(s, lang)).join(', ') }));
    if ('companyForms' in ex && ex.companyForms?.length) exParts.push(t(lang, 'sumForm', { value: ex.companyForms.join(', ') }));
    if ('businessIds' in ex && ex.businessIds?.length) exParts.push(t(lang, 'sumBusinessIds', { value: ex.businessIds.length }));
    if (exParts.length) parts.push(t(lang, 'sumExclude', { value: exParts.join(', ') }));
  }
  if (criteria.limit) parts.push(t(lang, 'sumLimit', { value: formatCount(lang, criteria.limit) }));
  if (parts.length === 0 || (parts.length === 1 && criteria.kind === 'b2c')) parts.push(t(lang, 'sumEverything'));
  return capitalize(parts.join('; '));
}

/**
 * A short name for the results sheet, before the date: the first place and industry named
 * ("Tampere F", "33100–33500 43220", "Kuluttajat 00100"). makeSheetName then fits it to 31.
 */
export function criteriaShortName(criteria: Criteria, lang: Lang): string {
  const a = criteria.area;
  const more = (n: number) => (n > 1 ? '+' : '');
  let place = '';
  if (a?.municipalities?.length) {
    place = areaLabel(a.municipalities[0]!, 'municipality', lang) + more(a.municipalities.length);
  } else if (a?.regions?.length) {
    place = areaLabel(a.regions[0]!, 'region', lang) + more(a.regions.length);
  } else if (a?.postalCodes?.length) {
    place = formatPostalSpec(a.postalCodes[0]!) + more(a.postalCodes.length);
  }
  const what =
    criteria.kind === 'b2c'
      ? t(lang, 'sumB2c')
      : criteria.industries?.length
        ? criteria.industries[0]! + more(criteria.industries.length)
        : t(lang, 'sumB2b');
  return [place, what].filter(Boolean).join(' ');
}
