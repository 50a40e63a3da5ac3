/**
 * The demo directory behind the DirectorySource interface, for B2B (one row per decision-maker
 * when roles are asked for, else one per company with its main contact) and B2C.
 *
 * count() answers from indexes (postal code, company form, TOL 2008 section) and a scan of the
 * smallest candidate list, so the pane's live count stays well under 300 ms. The criteria's
 * meaning is the generic predicate's (src/core/criteria/filter.ts): the area is expanded by
 * area.ts, forms and roles read through labels.ts, industries through matchesIndustry; the tests
 * check that the indexed count equals filtering every row with matchesCriteria.
 */
import type { B2BCriteria, B2CCriteria, Criteria } from '../../core/criteria/criteria';
import { compileCriteria, type CompiledCriteria } from '../../core/criteria/filter';
import { companyFormOf, roleOf } from '../../core/criteria/labels';
import { throwIfAborted } from '../../core/errors';
import { defineMessages, type Lang } from '../../core/i18n/lang';
import { industryName, matchesIndustry, sectionOf, tol2025To2008 } from '../../core/industry/tol';
import { normalizeBusinessId } from '../../core/normalize/businessId';
import { pauser, type RunOptions } from '../../core/progress';
import type { DirectoryRecord, DirectorySource, SearchResult, SourceInfo } from '../directory/directorySource';
import { contactEmail, type DemoCompany, type DemoContact } from './companies';
import { consumerAddress, type DemoConsumer } from './consumers';
import { demoDirectory, loadDemoDirectory } from './directory';
import { e164Of } from './phones';

/**
 * The demo directory's own labels in the list's language: they go into the source column of
 * every row and into the notes (source, its controller, licence, terms), so a Swedish list says
 * them in Swedish. Ids stay the same in every language.
 */
const labels = defineMessages({
  fi: {
    name: 'Rajaus demo-hakemisto (keksitty data)',
    controller: 'Rajaus demo (keksitty rekisteri)',
    licence: 'Keksitty demoaineisto',
    terms: 'Keksittyä esimerkkidataa: ei oikeita henkilöitä eikä yrityksiä.',
  },
  en: {
    name: 'Rajaus demo directory (fictional data)',
    controller: 'Rajaus demo (fictional register)',
    licence: 'Fictional demo data',
    terms: 'Fictional example data: no real people or companies.',
  },
  sv: {
    name: 'Rajaus demokatalog (påhittade data)',
    controller: 'Rajaus demo (påhittat register)',
    licence: 'Påhittade demodata',
    terms: 'Påhittade exempeldata: inga verkliga personer eller företag.',
  },
});

export function demoSourceInfo(lang: Lang = 'fi'): SourceInfo {
  return {
    id: 'demo',
    name: labels(lang, 'name'),
    controller: labels(lang, 'controller'),
    licence: labels(lang, 'licence'),
    terms: labels(lang, 'terms'),
    demo: true,
  };
}

/** The Finnish labels (the default language). */
export const DEMO_SOURCE_INFO: SourceInfo = demoSourceInfo('fi');

/** The TOL 2008 section a company is under, as matchesIndustry reads a section letter. */
function section2008(c: DemoCompany): string {
  if (c.industryCodeSet === 'TOL2008') return sectionOf(c.industryCode, 'TOL2008') ?? '';
  const before = tol2025To2008(c.industryCode);
  return sectionOf(before[0] ?? c.industryCode, 'TOL2008') ?? '';
}

interface Indexes {
  byPostal: Map<string, number[]>;
  byForm: Map<string, number[]>;
  bySection: Map<string, number[]>;
  consumersByPostal: Map<string, number[]>;
}

let indexes: Indexes | null = null;

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

function demoIndexes(): Indexes {
  if (indexes) return indexes;
  const { companies, consumers } = demoDirectory();
  const byPostal = new Map<string, number[]>();
  const byForm = new Map<string, number[]>();
  const bySection = new Map<string, number[]>();
  companies.forEach((c, i) => {
    push(byPostal, c.area.code, i);
    push(byForm, c.form, i);
    push(bySection, section2008(c), i);
  });
  const consumersByPostal = new Map<string, number[]>();
  consumers.forEach((p, i) => push(consumersByPostal, p.area.code, i));
  indexes = { byPostal, byForm, bySection, consumersByPostal };
  return indexes;
}

// ---- records ---------------------------------------------------------------------------------

/** The main contact's row when no roles are asked for: CEO, owner or chair. */
export function companyRecord(c: DemoCompany, contact: DemoContact = c.contacts[0]!, source = DEMO_SOURCE_INFO.name): DirectoryRecord {
  const phone = contact.mobile ?? c.switchboard;
  return {
    companyName: c.name,
    businessId: c.businessId,
    companyForm: c.form,
    industryCode: c.industryCode,
    industryCodeSet: c.industryCodeSet,
    industryName: industryName(c.industryCode, 'fi', c.industryCodeSet) ?? null,
    registrationDate: c.registrationDate,
    sizeClass: c.sizeClass,
    firstName: contact.firstName,
    lastName: contact.lastName,
    role: contact.role,
    streetAddress: c.streetAddress,
    postalCode: c.area.code,
    postOffice: c.postOffice,
    municipality: c.area.municipalityFi,
    phone: phone ? e164Of(phone) : null,
    phoneNational: phone,
    email: contactEmail(contact, c.domain),
    website: c.website,
    source,
    sourceId: c.id,
  };
}

export function consumerRecord(p: DemoConsumer, source = DEMO_SOURCE_INFO.name): DirectoryRecord {
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    streetAddress: consumerAddress(p).street,
    postalCode: p.area.code,
    postOffice: p.postOffice,
    municipality: p.area.municipalityFi,
    phone: p.phone ? e164Of(p.phone) : null,
    phoneNational: p.phone,
    ageGroup: p.ageGroup,
    source,
    sourceId: p.id,
  };
}

// ---- criteria over the generated structures --------------------------------------------------

function union(lists: (number[] | undefined)[]): number[] {
  const out: number[] = [];
  for (const l of lists) if (l) for (const i of l) out.push(i);
  return out;
}

/** The smallest index list that must contain every match, or null for "scan everything". */
function companyCandidates(c: B2BCriteria, compiled: CompiledCriteria, idx: Indexes): number[] | null {
  const lists: number[][] = [];
  if (compiled.area.postalCodes) lists.push(union([...compiled.area.postalCodes].map((pc) => idx.byPostal.get(pc))));
  if (c.companyForms?.length) {
    const forms = new Set(c.companyForms.map((f) => companyFormOf(f) ?? f.toUpperCase()));
    lists.push(union([...forms].map((f) => idx.byForm.get(f))));
  }
  // Section letters narrow by the section index; codes are checked row by row, because a code
  // can match a record of the other edition in another division (45200 ↔ 95310).
  const specs = (c.industries ?? []).map((s) => s.trim().toUpperCase());
  if (specs.length && specs.every((s) => /^[A-U]$/.test(s))) lists.push(union(specs.map((s) => idx.bySection.get(s))));
  if (!lists.length) return null;
  lists.sort((a, b) => a.length - b.length);
  return lists[0]!;
}

function companyTest(
  c: B2BCriteria,
  compiled: CompiledCriteria,
): { company: (co: DemoCompany) => boolean; contact: (co: DemoCompany, k: DemoContact) => boolean } {
  const area = compiled.area;
  const excluded = compiled.excludedArea;
  const forms = c.companyForms?.length ? new Set(c.companyForms.map((f) => companyFormOf(f) ?? f.toUpperCase())) : null;
  const exForms = c.exclude?.companyForms?.length ? new Set(c.exclude.companyForms.map((f) => companyFormOf(f) ?? f.toUpperCase())) : null;
  const exIds = c.exclude?.businessIds?.length ? new Set(c.exclude.businessIds.map((b) => normalizeBusinessId(b) ?? b.trim())) : null;
  const from = c.registeredFrom ?? '0000-00-00';
  const to = c.registeredTo ?? '9999-99-99';
  const sizes = c.sizeClasses?.length ? new Set<string>(c.sizeClasses) : null;
  const industries = c.industries?.length ? c.industries : null;
  const exIndustries = c.exclude?.industries?.length ? c.exclude.industries : null;
  const roles = c.roles?.length ? new Set<string>(c.roles) : null;
  return {
    company(co) {
      if (area.postalCodes && !area.postalCodes.has(co.area.code)) return false;
      if (excluded && excluded.contains(co.area.code, null)) return false;
      if (forms && !forms.has(co.form)) return false;
      if (exForms && exForms.has(co.form)) return false;
      if (co.registrationDate < from || co.registrationDate > to) return false;
      if (sizes && !sizes.has(co.sizeClass)) return false;
      if (industries && !industries.some((s) => matchesIndustry(co.industryCode, co.industryCodeSet, s))) return false;
      if (exIndustries && exIndustries.some((s) => matchesIndustry(co.industryCode, co.industryCodeSet, s))) return false;
      if (exIds && exIds.has(co.businessId)) return false;
      return true;
    },
    contact(co, k) {
      if (roles && !(roleOf(k.role) && roles.has(k.role))) return false;
      if (c.requirePhone && !(k.mobile ?? co.switchboard)) return false;
      if (c.requireEmail && !contactEmail(k, co.domain)) return false;
      return true;
    },
  };
}

/** Rows of one company under the criteria: every matching decision-maker, or the main contact. */
function companyRows(co: DemoCompany, c: B2BCriteria, test: ReturnType<typeof companyTest>): DemoContact[] {
  if (c.roles?.length) return co.contacts.filter((k) => test.contact(co, k));
  const main = co.contacts[0]!;
  return test.contact(co, main) ? [main] : [];
}

function consumerTest(c: B2CCriteria, compiled: CompiledCriteria): (p: DemoConsumer) => boolean {
  const area = compiled.area;
  const excluded = compiled.excludedArea;
  const ages = c.ageGroups?.length ? new Set<string>(c.ageGroups) : null;
  return (p) => {
    if (area.postalCodes && !area.postalCodes.has(p.area.code)) return false;
    if (excluded && excluded.contains(p.area.code, null)) return false;
    if (ages && !ages.has(p.ageGroup)) return false;
    if (c.requirePhone && !p.phone) return false;
    return true;
  };
}

function sortedCopy(list: number[]): number[] {
  return Int32Array.from(list).sort() as unknown as number[];
}

interface Walk {
  total: number;
  records: DirectoryRecord[];
}

/** Walks the matches in directory order, counting all and making records up to `limit`. */
async function walk(criteria: Criteria, makeRecords: boolean, sourceName: string, signal?: AbortSignal): Promise<Walk> {
  await loadDemoDirectory(signal);
  const pause = pauser(signal);
  const compiled = compileCriteria(criteria);
  const { companies, consumers } = demoDirectory();
  const idx = demoIndexes();
  const limit = criteria.limit ?? Number.MAX_SAFE_INTEGER;
  const records: DirectoryRecord[] = [];
  let total = 0;
  if (criteria.kind === 'b2b') {
    const test = companyTest(criteria, compiled);
    const candidates = companyCandidates(criteria, compiled, idx);
    const order = candidates ? (makeRecords ? sortedCopy(candidates) : candidates) : null;
    const n = order ? order.length : companies.length;
    for (let j = 0; j < n; j++) {
      if (j % 1024 === 0) await pause();
      const co = companies[order ? order[j]! : j]!;
      if (!test.company(co)) continue;
      const rows = companyRows(co, criteria, test);
      total += rows.length;
      if (makeRecords) for (const k of rows) if (records.length < limit) records.push(companyRecord(co, k, sourceName));
    }
  } else {
    const test = consumerTest(criteria, compiled);
    const candidates = compiled.area.postalCodes ? union([...compiled.area.postalCodes].map((pc) => idx.consumersByPostal.get(pc))) : null;
    const order = candidates ? (makeRecords ? sortedCopy(candidates) : candidates) : null;
    const n = order ? order.length : consumers.length;
    for (let j = 0; j < n; j++) {
      if (j % 1024 === 0) await pause();
      const p = consumers[order ? order[j]! : j]!;
      if (!test(p)) continue;
      total++;
      if (makeRecords && records.length < limit) records.push(consumerRecord(p, sourceName));
    }
  }
  return { total, records };
}

export class DemoDirectorySource implements DirectorySource {
  readonly info: SourceInfo;
  readonly kinds = ['b2b', 'b2c'] as const;

  /** `lang`: the language of the labels the rows and the notes carry (the list's language). */
  constructor(lang: Lang = 'fi') {
    this.info = demoSourceInfo(lang);
  }

  async count(criteria: Criteria, opts: RunOptions = {}): Promise<{ count: number; exact: boolean }> {
    throwIfAborted(opts.signal);
    return { count: (await walk(criteria, false, this.info.name, opts.signal)).total, exact: true };
  }

  async search(criteria: Criteria, opts: RunOptions = {}): Promise<SearchResult> {
    throwIfAborted(opts.signal);
    const { total, records } = await walk(criteria, true, this.info.name, opts.signal);
    opts.progress?.(records.length, records.length);
    return {
      records,
      total,
      appliedLocally: [],
      // The demo is embedded: nothing leaves the machine.
      contacted: [],
    };
  }
}

/** Every B2B row the directory can give (one per decision-maker), for tests and tools. */
export function allCompanyRows(): DirectoryRecord[] {
  const out: DirectoryRecord[] = [];
  for (const co of demoDirectory().companies) for (const k of co.contacts) out.push(companyRecord(co, k));
  return out;
}
