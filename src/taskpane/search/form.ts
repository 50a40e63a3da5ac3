/**
 * The search panel's form ↔ criteria JSON. The form keeps what the user typed (years as text);
 * the criteria module validates it, and its field-level messages are mapped back to the inputs.
 */
import type { AgeGroup, Criteria, Role } from '../../core/criteria/criteria';
import type { CriteriaIssue } from '../../core/criteria/messages';
import type { Lang } from '../../core/i18n/lang';

export interface SearchForm {
  kind: 'b2b' | 'b2c';
  postalCodes: string[];
  municipalities: string[];
  regions: string[];
  industries: string[];
  companyForms: string[];
  /** Registration years as typed ("2015"). */
  yearFrom: string;
  yearTo: string;
  roles: Role[];
  ageGroups: AgeGroup[];
  requirePhone: boolean;
  requireEmail: boolean;
  /** Row limit as typed. */
  limit: string;
}

export function emptyForm(kind: 'b2b' | 'b2c' = 'b2b'): SearchForm {
  return {
    kind,
    postalCodes: [],
    municipalities: [],
    regions: [],
    industries: [],
    companyForms: [],
    yearFrom: '',
    yearTo: '',
    roles: [],
    ageGroups: [],
    requirePhone: false,
    requireEmail: false,
    limit: '',
  };
}

const nonEmpty = <T>(xs: T[]): T[] | undefined => (xs.length ? xs : undefined);

/** The criteria JSON of the form (not yet validated: "20x5" stays wrong for the validator to name). */
export function formToCriteria(f: SearchForm): unknown {
  const area =
    f.postalCodes.length || f.municipalities.length || f.regions.length
      ? { postalCodes: nonEmpty(f.postalCodes), municipalities: nonEmpty(f.municipalities), regions: nonEmpty(f.regions) }
      : undefined;
  const limitText = f.limit.replace(/\s/g, '');
  const limit = limitText ? (/^\d+$/.test(limitText) ? Number(limitText) : limitText) : undefined;
  const common = { area, requirePhone: f.requirePhone || undefined, limit };
  const out: Record<string, unknown> =
    f.kind === 'b2c'
      ? { kind: 'b2c', ...common, ageGroups: nonEmpty(f.ageGroups) }
      : {
          kind: 'b2b',
          ...common,
          industries: nonEmpty(f.industries),
          companyForms: nonEmpty(f.companyForms),
          registeredFrom: f.yearFrom.trim() ? `${f.yearFrom.trim()}-01-01` : undefined,
          registeredTo: f.yearTo.trim() ? `${f.yearTo.trim()}-12-31` : undefined,
          roles: nonEmpty(f.roles),
          requireEmail: f.requireEmail || undefined,
        };
  return JSON.parse(JSON.stringify(out));
}

/** A saved preset's criteria back into the form (years from whole-year dates). */
export function criteriaToForm(c: Criteria): SearchForm {
  const f = emptyForm(c.kind);
  f.postalCodes = c.area?.postalCodes ?? [];
  f.municipalities = c.area?.municipalities ?? [];
  f.regions = c.area?.regions ?? [];
  f.requirePhone = !!c.requirePhone;
  f.limit = c.limit ? String(c.limit) : '';
  if (c.kind === 'b2b') {
    f.industries = c.industries ?? [];
    f.companyForms = c.companyForms ?? [];
    f.yearFrom = c.registeredFrom?.slice(0, 4) ?? '';
    f.yearTo = c.registeredTo?.slice(0, 4) ?? '';
    f.roles = c.roles ?? [];
    f.requireEmail = !!c.requireEmail;
  } else {
    f.ageGroups = c.ageGroups ?? [];
  }
  return f;
}

export type FormField = 'area' | 'industries' | 'companyForms' | 'years' | 'roles' | 'ageGroups' | 'limit' | 'other';

/** Which input shows a criteria issue. */
export function fieldOfIssue(issue: CriteriaIssue): FormField {
  const head = issue.path[0];
  if (head === 'area') return 'area';
  if (head === 'registeredFrom' || head === 'registeredTo') return 'years';
  if (head === 'industries' || head === 'companyForms' || head === 'roles' || head === 'ageGroups' || head === 'limit') return head;
  return 'other';
}

/** Messages per input, in the pane's language. */
export function messagesByField(issues: readonly CriteriaIssue[], lang: Lang): Partial<Record<FormField, string>> {
  const out: Partial<Record<FormField, string>> = {};
  for (const i of issues) {
    const f = fieldOfIssue(i);
    // Years are typed, not keys: say the message without the date the form made of them.
    const text = f === 'years' ? i.message[lang].replace(/(-01-01|-12-31)/g, '') : i.message[lang];
    out[f] = out[f] ? `${out[f]}; ${text}` : text;
  }
  return out;
}
