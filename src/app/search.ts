/**
 * Step 1, search: criteria → a directory source → a new list sheet (an Excel table in catalogue
 * columns) registered in the workbook's state with its criteria, sources and a 'search' log step,
 * all in one atomic workbook change. A failed search (network, cancel, a result too large)
 * writes nothing.
 */
import { columnDef, isExtraKey } from '../core/columns/catalogue';
import type { Criteria } from '../core/criteria/criteria';
import { criteriaShortName, formatDate, summarizeCriteria } from '../core/criteria/summary';
import { parseCriteria } from '../core/criteria/validate';
import { roleLabel, roleOf } from '../core/criteria/labels';
import { throwIfAborted, UserError } from '../core/errors';
import { industryName } from '../core/industry/tol';
import { defineMessages, formatCount, type Lang } from '../core/i18n/lang';
import { normalizePhone, phoneKey } from '../core/normalize/phone';
import { pauser, type RunOptions } from '../core/progress';
import { emptyState, type SourceUse, type WorkbookState } from '../core/state/workbookState';
import type { CellValue } from '../core/workbook/cells';
import { makeSheetName, makeTableName } from '../core/workbook/sheetNames';
import { tablePlan } from '../core/workbook/sheetPlan';
import type { DirectoryRecord, DirectorySource } from '../sources/directory/directorySource';
import { createListState, recordStep } from './processingLog';
import type { StepContext } from './stepContext';

/** Excel has 1,048,576 rows a sheet; one is the header. */
export const MAX_DATA_ROWS = 1_048_575;

const t = defineMessages({
  fi: {
    kind: 'Lähde {source} ei sisällä {kind}-tietoja; valitse toinen lähde.',
    b2b: 'yritys',
    b2c: 'kuluttaja',
    tooMany:
      'Tulos on {rows} riviä, mutta Excelin taulukkoon mahtuu {max}. Rajaa hakuehtoja (esim. postinumeroilla tai toimialalla) tai aseta enimmäismäärä.',
    dnc: '{count} riviä jätettiin pois, koska puhelinnumero tai sähköposti on työkirjan omalla kieltolistalla.',
  },
  en: {
    kind: 'The source {source} has no {kind} data; choose another source.',
    b2b: 'company',
    b2c: 'consumer',
    tooMany:
      'The result has {rows} rows but an Excel sheet holds {max}. Narrow the criteria (postal codes or industry, for example) or set a limit.',
    dnc: "{count} rows were left out because their phone or email is on the workbook's own do-not-contact list.",
  },
  sv: {
    kind: 'Källan {source} har inga {kind}uppgifter; välj en annan källa.',
    b2b: 'företags',
    b2c: 'konsument',
    tooMany:
      'Resultatet har {rows} rader men ett Excel-blad rymmer {max}. Avgränsa kriterierna (t.ex. med postnummer eller bransch) eller ange ett maxantal.',
    dnc: '{count} rader lämnades bort eftersom telefonnumret eller e-posten finns på arbetsbokens egen spärrlista.',
  },
});

/**
 * Makes the result rows (phone parsing is most of a search's own work: ~30 µs a row). The pane
 * passes one that runs in a Web Worker (taskpane/search/resultRowsClient.ts); the default runs
 * here, pausing so that a Cancel or Ctrl-C is heard.
 */
export type ResultRowBuilder = (
  job: { keys: readonly string[]; records: readonly DirectoryRecord[]; provenance: { source: string; extractedAt: string }; lang: Lang },
  opts: RunOptions,
) => Promise<CellValue[][]>;

export const buildResultRows: ResultRowBuilder = async ({ keys, records, provenance, lang }, opts) => {
  const pause = pauser(opts.signal);
  const rows: CellValue[][] = [];
  for (const r of records) {
    rows.push(resultRow(keys, r, provenance, lang));
    if (rows.length % 256 === 0) {
      await pause();
      opts.progress?.(rows.length, records.length);
    }
  }
  return rows;
};

export interface SearchArgs {
  /** Criteria as the user gave them (validated here). */
  criteria: Criteria | unknown;
  source: DirectorySource;
  listName?: string;
  /** Where the rows are made (default: here, with pauses). */
  buildRows?: ResultRowBuilder;
}

export interface SearchOutcome {
  listId: string;
  sheetName: string;
  /** Rows written. */
  rows: number;
  /** Rows that matched in the source before the limit. */
  total: number;
  /** What was checked locally, and why rows were left out, in words. */
  appliedLocally: string[];
  /** Rows left out because of the workbook's do-not-contact list. */
  doNotContactRemoved: number;
}

/** Columns a directory row can fill, in the catalogue's order. */
const DIRECTORY_KEYS = [
  'companyName',
  'businessId',
  'companyForm',
  'industryCode',
  'industryName',
  'registrationDate',
  'sizeClass',
  'firstName',
  'lastName',
  'fullName',
  'role',
  'ageGroup',
  'streetAddress',
  'postalCode',
  'postOffice',
  'municipality',
  'phone',
  'phoneNational',
  'email',
  'website',
  'source',
  'sourceId',
  'extractedAt',
] as const;

/** Always shown, even when empty: who the row is and where it came from. */
const ALWAYS: Record<'b2b' | 'b2c', readonly string[]> = {
  b2b: [
    'companyName',
    'businessId',
    'streetAddress',
    'postalCode',
    'postOffice',
    'phone',
    'phoneNational',
    'source',
    'sourceId',
    'extractedAt',
  ],
  b2c: [
    'firstName',
    'lastName',
    'streetAddress',
    'postalCode',
    'postOffice',
    'phone',
    'phoneNational',
    'source',
    'sourceId',
    'extractedAt',
  ],
};

function hasValue(v: CellValue | undefined): boolean {
  return v !== null && v !== undefined && v !== '';
}

/** The columns of the results: catalogue columns that any row fills, then the vendor's own. */
export function resultKeys(kind: 'b2b' | 'b2c', records: readonly DirectoryRecord[]): string[] {
  const present = new Set<string>(ALWAYS[kind]);
  const extras: string[] = [];
  for (const r of records) {
    for (const k in r) {
      if (present.has(k) || !hasValue(r[k])) continue;
      if (isExtraKey(k)) {
        if (!extras.includes(k)) extras.push(k);
      } else if (columnDef(k)) present.add(k);
    }
  }
  if (present.has('phone')) present.add('phoneNational');
  return [...DIRECTORY_KEYS.filter((k) => present.has(k)), ...extras];
}

/** One row in catalogue columns: phone in E.164 plus a readable national form; provenance. */
export function resultRow(
  keys: readonly string[],
  r: DirectoryRecord,
  provenance: { source: string; extractedAt: string },
  lang: Lang = 'fi',
): CellValue[] {
  const phone = normalizePhone(hasValue(r.phone) ? String(r.phone) : null);
  return keys.map((k) => {
    switch (k) {
      case 'phone':
        // An unparseable number stays as written: data, never dropped silently.
        return phone.valid ? phone.e164 : hasValue(r.phone) ? String(r.phone) : null;
      case 'phoneNational':
        return phone.national ?? (hasValue(r.phoneNational) ? String(r.phoneNational) : null);
      case 'source':
        return provenance.source;
      case 'extractedAt':
        return provenance.extractedAt;
      case 'role': {
        // A role code ("CEO") or a title in another language reads as the list's language.
        const role = roleOf(r.role);
        return role ? roleLabel(role, lang) : hasValue(r.role) ? r.role! : null;
      }
      case 'industryName': {
        // The classification's name in the list's language where the code is one it knows
        // (the demo directory names its industries in Finnish); else the source's own name.
        const codeSet = r.industryCodeSet === 'TOL2025' ? 'TOL2025' : 'TOL2008';
        const named = hasValue(r.industryCode) ? industryName(String(r.industryCode), lang, codeSet) : undefined;
        return named ?? (hasValue(r.industryName) ? r.industryName! : null);
      }
      case 'postalCode':
        return hasValue(r.postalCode) ? String(r.postalCode).trim().padStart(5, '0') : null;
      default: {
        const v = r[k];
        return v === undefined ? null : v;
      }
    }
  });
}

/** Splits out rows whose phone or email is on the workbook's own do-not-contact list. */
export function applyDoNotContact(records: DirectoryRecord[], state: WorkbookState): { kept: DirectoryRecord[]; removed: number } {
  const phones = new Set(state.doNotContact.phones);
  const emails = new Set(state.doNotContact.emails.map((e) => e.trim().toLowerCase()));
  if (phones.size === 0 && emails.size === 0) return { kept: records, removed: 0 };
  const kept = records.filter((r) => {
    const p = hasValue(r.phone) ? phoneKey(String(r.phone)) : null;
    if (p && phones.has(p)) return false;
    const e = hasValue(r.email) ? String(r.email).trim().toLowerCase() : '';
    return !(e && emails.has(e));
  });
  return { kept, removed: records.length - kept.length };
}

function checkKind(criteria: Criteria, source: DirectorySource, lang: Lang): void {
  if (!source.kinds.includes(criteria.kind))
    throw new UserError(t(lang, 'kind', { source: source.info.name, kind: t(lang, criteria.kind) }));
}

/** The live count of the pane: validated criteria, the source's count, cancellable. */
export async function countSearch(
  args: { criteria: Criteria | unknown; source: DirectorySource; lang: Lang } & RunOptions,
): Promise<{ count: number; exact: boolean }> {
  const criteria = parseCriteria(args.criteria, args.lang);
  checkKind(criteria, args.source, args.lang);
  return args.source.count(criteria, { signal: args.signal, progress: args.progress, notice: args.notice });
}

export async function runSearch(ctx: StepContext, args: SearchArgs): Promise<SearchOutcome> {
  const criteria = parseCriteria(args.criteria, ctx.lang);
  const { source } = args;
  checkKind(criteria, source, ctx.lang);
  const result = await source.search(criteria, { progress: ctx.progress, signal: ctx.signal, notice: ctx.notice });
  throwIfAborted(ctx.signal);

  const state = (await ctx.workbook.readState()) ?? emptyState();
  const { kept, removed } = applyDoNotContact(result.records, state);
  if (kept.length > MAX_DATA_ROWS) {
    throw new UserError(t(ctx.lang, 'tooMany', { rows: formatCount(ctx.lang, kept.length), max: formatCount(ctx.lang, MAX_DATA_ROWS) }));
  }

  const now = ctx.now();
  const extractedAt = now.toISOString();
  const keys = resultKeys(criteria.kind, kept);
  const sourceLabel = source.info.name;
  const rows = await (args.buildRows ?? buildResultRows)(
    { keys, records: kept, provenance: { source: sourceLabel, extractedAt }, lang: ctx.lang },
    { signal: ctx.signal, progress: ctx.progress },
  );
  throwIfAborted(ctx.signal);

  const sheets = await ctx.workbook.listSheets();
  // A list the user named ("Pientalot Espoo") keeps that name on its sheet; otherwise the
  // sheet is named from the criteria. Either way the date tells lists of different months apart.
  const givenName = args.listName?.trim() || criteria.name?.trim();
  const date = formatDate(now.toISOString().slice(0, 10), ctx.lang);
  const sheetName = makeSheetName(
    givenName || criteriaShortName(criteria, ctx.lang),
    sheets.map((s) => s.name),
    date,
  );
  const tableName = makeTableName(
    `Rajaus_${sheetName}`,
    sheets.flatMap((s) => s.tables.map((x) => x.name)),
  );
  const plan = tablePlan({ name: sheetName, role: 'list', keys, rows, lang: ctx.lang, tableName });

  const sourceUse: SourceUse = {
    id: source.info.id,
    name: source.info.name,
    controller: source.info.controller,
    licence: source.info.licence,
    terms: ctx.settings.sourceTerms[source.info.id] ?? source.info.terms,
    extractedAt,
    kind: 'directory',
    ...(source.info.attribution ? { attribution: source.info.attribution } : {}),
    ...(source.info.demo ? { demo: true } : {}),
  };
  const appliedLocally = [...result.appliedLocally];
  if (removed > 0) appliedLocally.push(t(ctx.lang, 'dnc', { count: formatCount(ctx.lang, removed) }));
  const summary = summarizeCriteria(criteria, ctx.lang);
  const newList = createListState({
    name: givenName || sheetName,
    kind: criteria.kind,
    listSheet: sheetName,
    settings: ctx.settings,
    now,
    criteria,
  });
  const list = await recordStep(ctx, {
    newList,
    step: {
      step: 'search',
      at: extractedAt,
      rowsOut: rows.length,
      params: {
        source: source.info.id,
        criteria: summary,
        found: result.total,
        ...(criteria.limit ? { limit: criteria.limit } : {}),
        ...(removed ? { doNotContactRemoved: removed } : {}),
        ...(result.appliedLocally.length ? { appliedLocally: result.appliedLocally.join('; ') } : {}),
      },
      contacted: result.contacted,
    },
    change: { write: [plan], activate: sheetName, state },
    sources: [sourceUse],
  });
  return { listId: list.id, sheetName, rows: rows.length, total: result.total, appliedLocally, doNotContactRemoved: removed };
}
