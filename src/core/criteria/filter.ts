/**
 * The generic local predicate: does one directory record meet the criteria? Used by every source
 * that cannot filter by itself (PRH's API for what it does not support, PRH's bulk file, vendor
 * files), and by the demo directory's tests as the reference its indexed count must agree with.
 *
 * A criterion the record has no value for is not met: a company whose registration date is
 * unknown is not "registered 2015–2024".
 */
import { matchesIndustry } from '../industry/tol';
import { normalizeBusinessId } from '../normalize/businessId';
import { serialToIsoDate, type CellValue } from '../workbook/cells';
import { expandArea, type ExpandedArea } from './area';
import type { Criteria } from './criteria';
import { companyFormOf, roleOf } from './labels';

type DirectoryRecord = Record<string, CellValue>;

export interface CompiledCriteria {
  criteria: Criteria;
  area: ExpandedArea;
  /** Postal codes excluded (exclude.postalCodes), or null. */
  excludedArea: ExpandedArea | null;
  test(record: DirectoryRecord): boolean;
}

function text(v: CellValue | undefined): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

function isoDate(v: CellValue | undefined): string {
  if (typeof v === 'number') return serialToIsoDate(v);
  return text(v).slice(0, 10);
}

/** The code set a record's industry code is in ("TOIMI3" = TOL 2008, "TOIMI4" = TOL 2025). */
function codeSetOf(record: DirectoryRecord): string | undefined {
  const s = text(record.industryCodeSet);
  return s || undefined;
}

function industryMatches(record: DirectoryRecord, specs: readonly string[]): boolean {
  const code = text(record.industryCode);
  if (!code) return false;
  const set = codeSetOf(record);
  return specs.some((spec) => matchesIndustry(code, set, spec));
}

/** Prepares criteria once for many records (area expanded to a set, lists to sets). */
export function compileCriteria(criteria: Criteria): CompiledCriteria {
  const area = expandArea(criteria.area);
  const excludedArea = criteria.exclude?.postalCodes?.length ? expandArea({ postalCodes: criteria.exclude.postalCodes }) : null;
  const checks: ((r: DirectoryRecord) => boolean)[] = [];
  if (area.postalCodes) checks.push((r) => area.contains(text(r.postalCode), text(r.municipality)));
  if (excludedArea) checks.push((r) => !excludedArea.contains(text(r.postalCode), null));
  if (criteria.requirePhone) checks.push((r) => text(r.phone) !== '');

  if (criteria.kind === 'b2b') {
    const c = criteria;
    if (c.industries?.length) checks.push((r) => industryMatches(r, c.industries!));
    if (c.companyForms?.length) {
      const forms = new Set(c.companyForms.map((f) => companyFormOf(f) ?? f.toUpperCase()));
      checks.push((r) => forms.has(companyFormOf(text(r.companyForm)) ?? text(r.companyForm).toUpperCase()));
    }
    if (c.registeredFrom || c.registeredTo) {
      const from = c.registeredFrom ?? '0000-00-00';
      const to = c.registeredTo ?? '9999-99-99';
      checks.push((r) => {
        const d = isoDate(r.registrationDate);
        return d !== '' && d >= from && d <= to;
      });
    }
    if (c.sizeClasses?.length) {
      const sizes = new Set<string>(c.sizeClasses);
      checks.push((r) => sizes.has(text(r.sizeClass)));
    }
    if (c.roles?.length) {
      const roles = new Set<string>(c.roles);
      checks.push((r) => {
        const role = roleOf(text(r.role));
        return !!role && roles.has(role);
      });
    }
    if (c.requireEmail) checks.push((r) => text(r.email) !== '');
    const ex = c.exclude;
    if (ex?.businessIds?.length) {
      const ids = new Set(ex.businessIds.map((b) => normalizeBusinessId(b) ?? b.trim()));
      checks.push((r) => !ids.has(normalizeBusinessId(text(r.businessId)) ?? text(r.businessId)));
    }
    if (ex?.industries?.length) checks.push((r) => !industryMatches(r, ex.industries!));
    if (ex?.companyForms?.length) {
      const forms = new Set(ex.companyForms.map((f) => companyFormOf(f) ?? f.toUpperCase()));
      checks.push((r) => !forms.has(companyFormOf(text(r.companyForm)) ?? text(r.companyForm).toUpperCase()));
    }
  } else {
    const c = criteria;
    if (c.ageGroups?.length) {
      const ages = new Set<string>(c.ageGroups);
      checks.push((r) => ages.has(text(r.ageGroup)));
    }
  }
  return {
    criteria,
    area,
    excludedArea,
    test(record) {
      for (const check of checks) if (!check(record)) return false;
      return true;
    },
  };
}

const compiledCache = new WeakMap<Criteria, CompiledCriteria>();

/**
 * True when the record meets the criteria. Pass `ctx` (from compileCriteria) when testing many
 * records; without it the compiled form is cached per criteria object.
 */
export function matchesCriteria(record: DirectoryRecord, criteria: Criteria, ctx?: CompiledCriteria): boolean {
  let compiled = ctx;
  if (!compiled) {
    compiled = compiledCache.get(criteria);
    if (!compiled) {
      compiled = compileCriteria(criteria);
      compiledCache.set(criteria, compiled);
    }
  }
  return compiled.test(record);
}
