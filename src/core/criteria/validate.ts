/**
 * Criteria validation for people: every problem as a field-level message in fi/en/sv naming the
 * key ("area.municipalities[0]: tuntematon kunta "Tampree" — tarkoititko "Tampere"?"), for the
 * pane to show beside the field and for the CLI to print as one line.
 */
import type { ZodIssue } from 'zod';
import type { Lang } from '../i18n/lang';
import { areaIssues, CriteriaError } from './area';
import { areaSchema, criteriaSchema, type Criteria } from './criteria';
import { COMPANY_FORMS, companyFormOf } from './labels';
import { issue, localized, type CriteriaIssue, type MessageKey } from './messages';

export { CriteriaError };
export type { CriteriaIssue };

export type CriteriaCheck = { ok: true; criteria: Criteria; issues: [] } | { ok: false; criteria?: undefined; issues: CriteriaIssue[] };

function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  let v: unknown = input;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

const ARRAY_EXAMPLES: Record<string, string> = {
  postalCodes: '33100',
  municipalities: 'Tampere',
  regions: 'Pirkanmaa',
  industries: 'F',
  companyForms: 'OY',
  roles: 'CEO',
  ageGroups: '35-44',
  sizeClasses: '10-19',
  businessIds: '0112038-9',
};

/** The field name a path ends in, skipping array indexes: ['area','postalCodes',1] → postalCodes. */
function fieldOf(path: readonly (string | number)[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return '';
}

function formatMessage(field: string, value: string): MessageKey {
  switch (field) {
    case 'postalCodes':
      return 'postalSpec';
    case 'industries':
      return 'industry';
    case 'registeredFrom':
    case 'registeredTo':
      return 'date';
    default:
      return value === '' ? 'empty' : 'invalid';
  }
}

function fromZod(z: ZodIssue, input: unknown): CriteriaIssue[] {
  const path = [...z.path];
  const field = fieldOf(path);
  const value = valueAt(input, path);
  switch (z.code) {
    case 'unrecognized_keys':
      return z.keys.map((k) => issue([...path, k], localized('unknownKey', { name: k })));
    case 'invalid_union_discriminator':
      return [issue(path, localized('kind'))];
    case 'invalid_literal':
      return [issue(path, field === 'kind' ? localized('kind') : localized('invalid'))];
    case 'invalid_enum_value':
      return [issue(path, localized('oneOf', { values: z.options.join(', ') }))];
    case 'invalid_type': {
      if (z.received === 'undefined') return [issue(path, field === 'kind' ? localized('kind') : localized('required'))];
      const key: MessageKey =
        z.expected === 'string'
          ? 'notString'
          : z.expected === 'number' || z.expected === 'integer'
            ? field === 'limit'
              ? 'limit'
              : 'notNumber'
            : z.expected === 'boolean'
              ? 'notBoolean'
              : z.expected === 'array'
                ? 'notArray'
                : z.expected === 'object'
                  ? 'notObject'
                  : 'invalid';
      return [issue(path, localized(key, { example: ARRAY_EXAMPLES[field] ?? '…' }))];
    }
    case 'too_small':
    case 'too_big':
    case 'not_multiple_of':
      if (field === 'limit') return [issue(path, localized('limit'))];
      return [issue(path, localized(typeof value === 'string' ? 'empty' : 'invalid'))];
    case 'invalid_string': {
      const v = typeof value === 'string' ? value : '';
      return [issue(path, localized(formatMessage(field, v), { value: v }))];
    }
    default:
      if (field === 'limit') return [issue(path, localized('limit'))];
      return [issue(path, localized('invalid'))];
  }
}

function isRealDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/** Checks that need the data (area names, company forms) or two fields at once. */
function semanticIssues(c: Criteria): CriteriaIssue[] {
  const out: CriteriaIssue[] = [...areaIssues(c.area)];
  if (c.exclude?.postalCodes?.length) out.push(...areaIssues({ postalCodes: c.exclude.postalCodes }, ['exclude']));
  if (c.kind === 'b2b') {
    const known = COMPANY_FORMS.map((f) => f.code).join(', ');
    const forms = (list: string[] | undefined, base: (string | number)[]) =>
      (list ?? []).forEach((f, i) => {
        if (!companyFormOf(f)) out.push(issue([...base, i], localized('companyForm', { value: f, values: known })));
      });
    forms(c.companyForms, ['companyForms']);
    forms(c.exclude?.companyForms, ['exclude', 'companyForms']);
    for (const key of ['registeredFrom', 'registeredTo'] as const) {
      const v = c[key];
      if (v && !isRealDate(v)) out.push(issue([key], localized('date', { value: v })));
    }
    if (
      c.registeredFrom &&
      c.registeredTo &&
      c.registeredFrom > c.registeredTo &&
      isRealDate(c.registeredFrom) &&
      isRealDate(c.registeredTo)
    ) {
      out.push(issue(['registeredTo'], localized('dateOrder', { from: c.registeredFrom, to: c.registeredTo })));
    }
  }
  return out;
}

/** Canonical spellings: company forms as short codes ("oy" → "OY"), section letters upper case. */
function normalize(c: Criteria): Criteria {
  if (c.kind !== 'b2b') return c;
  const forms = (l?: string[]) => l?.map((f) => companyFormOf(f) ?? f);
  const inds = (l?: string[]) => l?.map((s) => (/^[a-z]$/.test(s) ? s.toUpperCase() : s));
  return {
    ...c,
    companyForms: forms(c.companyForms),
    industries: inds(c.industries),
    exclude: c.exclude ? { ...c.exclude, companyForms: forms(c.exclude.companyForms), industries: inds(c.exclude.industries) } : undefined,
  };
}

function stripUndefined<T extends object>(o: T): T {
  return JSON.parse(JSON.stringify(o)) as T;
}

/** Every field-level problem of a criteria object as read from JSON; the criteria when none. */
export function criteriaErrors(json: unknown): CriteriaCheck {
  const parsed = criteriaSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap((z) => fromZod(z, json));
    // Report unknown places too, when the area itself is well-formed: one run shows every problem.
    const area = areaSchema.safeParse((json as { area?: unknown } | null)?.area);
    if (area.success && !issues.some((i) => i.path[0] === 'area')) issues.push(...areaIssues(area.data));
    return { ok: false, issues };
  }
  const issues = semanticIssues(parsed.data);
  if (issues.length) return { ok: false, issues };
  return { ok: true, criteria: stripUndefined(normalize(parsed.data)), issues: [] };
}

/** One line for the CLI: "area.municipalities[0]: unknown municipality "Tampree" (and 1 more)". */
export function criteriaErrorLine(issues: readonly CriteriaIssue[], lang: Lang): string {
  return issues.map((i) => `${i.key}: ${i.message[lang]}`).join('; ');
}

/** Validated, canonical criteria or a CriteriaError (a UserError) naming every bad key. */
export function parseCriteria(json: unknown, lang: Lang): Criteria {
  const r = criteriaErrors(json);
  if (!r.ok) throw new CriteriaError(r.issues, lang);
  return r.criteria;
}

/** Issues keyed by field ("area.postalCodes"), for the pane to show under each input. */
export function issuesByField(issues: readonly CriteriaIssue[], lang: Lang): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const i of issues) {
    const field = i.path.filter((p) => typeof p === 'string').join('.') || 'criteria';
    (out[field] ??= []).push(i.message[lang]);
  }
  return out;
}
