/**
 * Step 2, remove own customers: the list's rows that are already customers are matched out
 * (src/core/matching), each with the reason, score and customer row, and moved to an audit
 * sheet ("Poistetut asiakkaat"), never silently deleted. The customer register is only read.
 * Rows the matcher is unsure of go to a person (review); the pane passes their decisions.
 */
import { z } from 'zod';
import { UserError } from '../core/errors';
import { defineMessages, type Lang } from '../core/i18n/lang';
import { displayHeader } from '../core/columns/catalogue';
import { listFromGrid, type ListTable } from '../core/list/listTable';
import { linkRange, reasonOf, type RowDecision } from '../core/matching/engine';
import { BlockIndex, IndexKeys } from '../core/matching/blocking';
import { estimateSteps, type Estimate } from '../core/matching/estimate';
import { requeue, type MovedPair } from '../core/matching/learn';
import { DEFAULT_MODEL, shownScore, type FieldWeight, type MatchModel, type Outcome } from '../core/matching/model';
import { matchableKeys, MatchTableBuilder, Vocabulary, type MatchTable } from '../core/matching/record';
import type { ColumnGuess } from '../core/columns/contentGuess';
import type { ComparisonVector } from '../core/matching/comparison';
import { pauser, type RunOptions } from '../core/progress';
import type { ListState, ProcessingStep, WorkbookState } from '../core/state/workbookState';
import type { CellValue } from '../core/workbook/cells';
import { makeSheetName, makeTableName } from '../core/workbook/sheetNames';
import { tablePlan, type SheetPlan } from '../core/workbook/sheetPlan';
import { findList, recordStep } from './processingLog';
import { isCustomerRow } from '../core/list/customerRows';
import type { StepContext } from './stepContext';
import { renamedColumns } from './knownColumns';

const t = defineMessages({
  fi: {
    auditSheet: 'Poistetut asiakkaat',
    removedBy: 'Asiakastunnistus',
    removedByReview: 'Asiakastunnistus (tarkistettu)',
    removedByLearning: 'Asiakastunnistus (varma tarkistuspäätösten jälkeen)',
    learnedReason: '{reason}; varma {decisions} tarkistuspäätöksestä opitulla mallilla ({before} → {after})',
    nothingToMatch:
      'Tiedostossa ei ole yhtään saraketta, jolla asiakkaita voi tunnistaa (Y-tunnus, puhelin, sähköposti, nimi tai osoite). Sarakkeet: {columns}',
    sameSheet: 'Lista ja asiakasrekisteri ovat sama taulukko.',
    noMatching: 'Listalle ei ole tehty asiakastunnistusta, jota voisi perua.',
    auditMissing: 'Taulukkoa "{sheet}" ei löydy; poistettuja rivejä ei voi palauttaa.',
    staleReview: 'Lista on muuttunut tunnistuksen jälkeen ({before} → {after} riviä). Aja tunnistus uudelleen.',
  },
  en: {
    auditSheet: 'Removed customers',
    removedBy: 'Customer matching',
    removedByReview: 'Customer matching (reviewed)',
    removedByLearning: 'Customer matching (certain after review decisions)',
    learnedReason: '{reason}; certain with the model learned from {decisions} review decisions ({before} → {after})',
    nothingToMatch: 'The file has no column to recognise customers by (business ID, phone, email, name or address). Columns: {columns}',
    sameSheet: 'The list and the customer register are the same sheet.',
    noMatching: 'The list has no customer matching to undo.',
    auditMissing: 'The sheet "{sheet}" is missing; the removed rows cannot be restored.',
    staleReview: 'The list has changed since matching ({before} → {after} rows). Run the matching again.',
  },
  sv: {
    auditSheet: 'Borttagna kunder',
    removedBy: 'Kundmatchning',
    removedByReview: 'Kundmatchning (granskad)',
    removedByLearning: 'Kundmatchning (säker efter granskningsbeslut)',
    learnedReason: '{reason}; säker med modellen lärd av {decisions} granskningsbeslut ({before} → {after})',
    nothingToMatch: 'Filen har ingen kolumn att känna igen kunder med (FO-nummer, telefon, e-post, namn eller adress). Kolumner: {columns}',
    sameSheet: 'Listan och kundregistret är samma blad.',
    noMatching: 'Listan har ingen kundmatchning att ångra.',
    auditMissing: 'Bladet "{sheet}" saknas; de borttagna raderna kan inte återställas.',
    staleReview: 'Listan har ändrats efter matchningen ({before} → {after} rader). Kör matchningen igen.',
  },
});

/** Names of the audit sheet in every language, to find an earlier one whatever the language was. */
const AUDIT_BASES = (['fi', 'en', 'sv'] as const).map((l) => t(l, 'auditSheet').toLowerCase());

export const MATCH_COLUMNS = ['matchedCustomerRow', 'matchReason', 'matchScore'] as const;
const AUDIT_COLUMNS = [...MATCH_COLUMNS, 'listRow', 'removedAt', 'removedBy'] as const;

export interface MatchedRow {
  /** 0-based index of the row in the list. */
  listIndex: number;
  outcome: Outcome;
  /** Match probability 0–1, three decimals. */
  score: number;
  /** The reason in the requested language ('' for kept rows with no candidate). */
  reason: string;
  /** 0-based index of the matched customer in the customer table, or null. */
  customerIndex: number | null;
  /** Row number in the customer file or sheet (header row = 1), or null. */
  customerRow: number | null;
  weights: FieldWeight[];
  comparison: ComparisonVector | null;
}

export interface MatchCounts {
  rows: number;
  removed: number;
  review: number;
  kept: number;
}

export interface MatchResult {
  rows: MatchedRow[];
  counts: MatchCounts;
  /** Name of the customer file or sheet, as the user knows it. */
  customerSource: string;
  /** The model estimated for this run and how the estimate went (estimate.ts). */
  estimate?: Estimate;
  /** The model the rows were scored with (the estimate's, or the one given): review decisions re-score with it. */
  model?: MatchModel;
  /** Pairs of list row and customer that blocking made candidates. */
  candidatePairs?: number;
  /** Columns whose meaning came from their contents (contentGuess.ts), by table. */
  columnGuesses?: { list: ColumnGuess[]; customers: ColumnGuess[] };
}

export interface MatchOptions extends RunOptions {
  lang: Lang;
  model?: MatchModel;
  /**
   * Read the columns' meaning from their contents as well as their headers (default true).
   * The pane shows its guess in the mapping and passes the keys the user accepted, with false.
   */
  guessColumns?: boolean;
}

/** What matching needs to know of a table besides its rows: its columns and where it came from. */
export type TableInfo = Pick<ListTable, 'keys' | 'headers' | 'origin'>;

/** A table without any column to match on cannot be matched: say which columns it has. */
export function requireMatchable(table: TableInfo, lang: Lang): void {
  if (matchableKeys(table.keys).length === 0) {
    throw new UserError(t(lang, 'nothingToMatch', { columns: table.headers.join(', ') }), { file: table.origin.name });
  }
}


/** Pure: decides every list row against the customer register. */
export function matchCustomers(list: ListTable, customers: ListTable, opts: MatchOptions): MatchResult {
  const { steps, out } = matchSteps(list, customers, opts);
  for (let step = steps.next(); !step.done; step = steps.next());
  return out.result!;
}

/**
 * matchCustomers with a pause (progress.ts `pauser`) between pieces of a few thousand rows:
 * the CLI's `build` ran it as one synchronous pass, seconds long on a big list, during which
 * Ctrl-C could not be heard. The same steps in the same order: the same result.
 */
export async function matchCustomersInPieces(list: ListTable, customers: ListTable, opts: MatchOptions): Promise<MatchResult> {
  const pause = pauser(opts.signal);
  const { steps, out } = matchSteps(list, customers, opts);
  for (let step = steps.next(); !step.done; step = steps.next()) await pause();
  return out.result!;
}

/** Rows a piece of matchSteps handles before it lets the caller pause. */
const PIECE = 2000;

/**
 * The block index of `customers` (blocking.ts), its keys gathered PIECE rows at a time: the
 * same index as `new BlockIndex(customers)`, which gathers them in one pass.
 */
export function* blockIndexSteps(customers: MatchTable): Generator<void, BlockIndex, void> {
  const keys = new IndexKeys();
  for (let c = 0; c < customers.size; c++) {
    keys.add(customers, c);
    if (c % PIECE === PIECE - 1) yield;
  }
  yield;
  return new BlockIndex(customers, keys.arrays());
}

/** matchCustomers as steps: each `next()` of `steps` does a piece; `out.result` is there when it is done. */
function matchSteps(
  list: ListTable,
  customers: ListTable,
  opts: MatchOptions,
): { steps: Generator<void, void, void>; out: { result?: MatchResult } } {
  const holder: { result?: MatchResult } = {};
  function* steps(): Generator<void, void, void> {
    requireMatchable(customers, opts.lang);
    requireMatchable(list, opts.lang);
    // One vocabulary for both tables: their interned values are compared as numbers.
    const vocabulary = new Vocabulary();
    const guess = opts.guessColumns === false ? null : {};
    const customerBuilder = new MatchTableBuilder(customers.keys, vocabulary, undefined, customers.rows.length, guess);
    for (let i = 0; i < customers.rows.length; i++) {
      customerBuilder.add(customers.rows[i]!);
      if (i % PIECE === PIECE - 1) yield;
    }
    const listBuilder = new MatchTableBuilder(list.keys, vocabulary, undefined, list.rows.length, guess);
    for (let i = 0; i < list.rows.length; i++) {
      listBuilder.add(list.rows[i]!);
      if (i % PIECE === PIECE - 1) yield;
    }
    const customerTable = customerBuilder.finish();
    const listTable = listBuilder.finish();
    yield;
    // The block index and the model in pieces too: each was one pass of a second or more at
    // 100,000 customers, during which a Cancel (or Ctrl-C) was not heard.
    const index = yield* blockIndexSteps(customerTable);
    // The model of this run, estimated from these two tables (estimate.ts), unless one is given.
    const estimate = opts.model ? null : yield* estimateSteps(listTable, index, DEFAULT_MODEL);
    const model = opts.model ?? estimate!.model;
    yield;
    // linkRange decides each row on its own: pieces of it are the decisions of one call.
    const decisions: RowDecision[] = [];
    for (let from = 0; from < listTable.size; from += PIECE) {
      opts.progress?.(from, listTable.size);
      const to = Math.min(listTable.size, from + PIECE);
      for (const d of linkRange(listTable, index, from, to, { model, signal: opts.signal })) decisions.push(d);
      yield;
    }
    opts.progress?.(listTable.size, listTable.size);
    // The reasons in words, in pieces as well (87,500 rows in one pass: 0.5 s of CPU).
    const rows: MatchedRow[] = [];
    for (let from = 0; from < decisions.length; from += PIECE) {
      const part = decisions.slice(from, from + PIECE);
      for (const r of matchedRows(part, from, customers, opts.lang, { list: listTable, customers: customerTable }, model)) rows.push(r);
      yield;
    }
    const result = resultOfParts([rows], customers);
    result.candidatePairs = index.pairs;
    result.model = model;
    if (estimate) result.estimate = estimate;
    if (customerBuilder.guesses.length || listBuilder.guesses.length) {
      result.columnGuesses = { list: listBuilder.guesses, customers: customerBuilder.guesses };
    }
    holder.result = result;
  }
  return { steps: steps(), out: holder };
}

/**
 * The rows of the result for the decisions on list rows `first`, `first` + 1, …: a part of the
 * list linked on its own (the CLI makes one part's rows while the other thread still links).
 */
export function matchedRows(
  decisions: readonly RowDecision[],
  first: number,
  customers: TableInfo,
  lang: Lang,
  tables?: { list: MatchTable; customers: MatchTable },
  model: MatchModel = DEFAULT_MODEL,
  /** The reasons in words, when another thread made them (the CLI's worker): one per decision. */
  reasons?: readonly string[],
): MatchedRow[] {
  return decisions.map((d, i): MatchedRow => ({
    listIndex: first + i,
    outcome: d.outcome,
    score: shownScore(d.score),
    reason: reasons ? reasons[i]! : d.outcome === 'kept' ? '' : reasonOf(d, lang, tables && { ...tables, listIndex: first + i }, model),
    customerIndex: d.customerIndex,
    customerRow: d.customerIndex === null ? null : customers.origin.firstDataRow + d.customerIndex,
    weights: d.weights,
    comparison: d.comparison,
  }));
}

/** The result of the rows of consecutive parts of the list, in order. */
export function resultOfParts(parts: readonly MatchedRow[][], customers: TableInfo): MatchResult {
  const rows = parts.length === 1 ? parts[0]! : parts.flat();
  const counts: MatchCounts = { rows: rows.length, removed: 0, review: 0, kept: 0 };
  for (const r of rows) counts[r.outcome]++;
  return { rows, counts, customerSource: customers.origin.name };
}

/** A person's verdict on a pair in review: `confirmed` = it is our customer, remove the row. */
export const reviewDecisionSchema = z.object({ listIndex: z.number().int().nonnegative(), confirmed: z.boolean() });
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

/** What the review decisions taught the model (learn.ts): for the processing log. */
export interface ReviewLearning {
  decisions: number;
  /** Undecided review pairs the updated model made certain (removed) or dropped (kept). */
  moved: MovedPair[];
}

/**
 * The result with the review decisions learned from (issue 12): the model of the run is
 * updated with the confirmed and rejected pairs, and the undecided review pairs are scored
 * again. A pair the updated model is certain of is removed with a reason that says so; one it
 * no longer doubts stays in the list; the rest stay in review. The pane shows the same
 * (learn.ts `requeue` there too), so what the user saw is what happens.
 */
export function learnFromReview(
  result: MatchResult,
  decisions: readonly ReviewDecision[],
  model: MatchModel,
  lang: Lang,
): { result: MatchResult; learning: ReviewLearning | null; queue: number[] } {
  const verdict = new Map(decisions.map((d) => [d.listIndex, d.confirmed]));
  const pairs = result.rows
    .filter((r) => r.outcome === 'review' && r.comparison)
    .map((r) => ({ listIndex: r.listIndex, comparison: r.comparison!, score: r.score }));
  const learned = requeue(model, pairs, verdict);
  // The undecided pairs still in review, the ones the model is least sure of first.
  const queue = learned.queue.map((q) => q.listIndex);
  if (learned.decisions === 0) return { result, learning: null, queue };
  const moved = new Map(learned.moved.map((m) => [m.listIndex, m]));
  const rows = result.rows.map((r): MatchedRow => {
    const m = moved.get(r.listIndex);
    if (!m) return r;
    const reason =
      m.outcome === 'removed'
        ? t(lang, 'learnedReason', { reason: r.reason, decisions: learned.decisions, before: m.before, after: m.after })
        : r.reason;
    return { ...r, outcome: m.outcome, score: m.after, reason };
  });
  const counts: MatchCounts = { rows: rows.length, removed: 0, review: 0, kept: 0 };
  for (const r of rows) counts[r.outcome]++;
  return { result: { ...result, rows, counts }, learning: { decisions: learned.decisions, moved: learned.moved }, queue };
}

export interface MatchSplit {
  /** Rows that stay: kept, and review pairs not confirmed. Every input column, in order. */
  kept: ListTable;
  /** Rows matched out, with matchedCustomerRow, matchReason, matchScore appended. */
  removed: ListTable;
  /** Pairs for review (undecided or rejected), with the same columns as removed. */
  review: ListTable;
  /** List indexes of the removed rows, in list order. */
  removedIndexes: number[];
  reviewConfirmed: number;
  reviewRejected: number;
}

/** Splits the list by outcome and decisions. Confirmed review pairs are removed too. */
export function splitByOutcome(list: ListTable, result: MatchResult, lang: Lang, decisions: readonly ReviewDecision[] = []): MatchSplit {
  const routed = routeRows(
    result,
    (i) => list.rows[i]!,
    (r) => [...list.rows[r.listIndex]!, r.customerRow, r.reason, r.score],
    decisions,
  );
  const addedKeys = [...list.keys, ...MATCH_COLUMNS];
  const addedHeaders = [...list.headers, ...MATCH_COLUMNS.map((k) => displayHeader(k, lang))];
  const extended = (rows: CellValue[][]): ListTable => ({ ...list, keys: addedKeys, headers: addedHeaders, rows });
  return { ...routed, kept: { ...list, rows: routed.kept }, removed: extended(routed.removed), review: extended(routed.review) };
}

/**
 * Where each list row goes, in list order: removed (certain, or a review pair a person
 * confirmed), else kept, and a review pair not confirmed also to review. `row(i)` gives list row
 * i as it goes to kept; `withMatch(r)` the row with its matched customer row, reason and score
 * (splitByOutcome: cells; the CLI: CSV records).
 */
export function routeRows<T>(
  result: MatchResult,
  row: (listIndex: number) => T,
  withMatch: (r: MatchedRow) => T,
  decisions: readonly ReviewDecision[] = [],
): { kept: T[]; removed: T[]; review: T[]; removedIndexes: number[]; reviewConfirmed: number; reviewRejected: number } {
  const verdict = new Map(decisions.map((d) => [d.listIndex, d.confirmed]));
  const out = {
    kept: [] as T[],
    removed: [] as T[],
    review: [] as T[],
    removedIndexes: [] as number[],
    reviewConfirmed: 0,
    reviewRejected: 0,
  };
  for (const r of result.rows) {
    const v = verdict.get(r.listIndex);
    if (r.outcome === 'removed' || (r.outcome === 'review' && v === true)) {
      out.removed.push(withMatch(r));
      out.removedIndexes.push(r.listIndex);
      if (r.outcome === 'review') out.reviewConfirmed++;
    } else {
      out.kept.push(row(r.listIndex));
      if (r.outcome === 'review') {
        out.review.push(withMatch(r));
        if (v === false) out.reviewRejected++;
      }
    }
  }
  return out;
}

export type CustomerSource = { sheet: string } | { table: ListTable; name: string };

export interface RemoveCustomersArgs {
  listSheet: string;
  customers: CustomerSource;
  decisions?: ReviewDecision[];
  /** A result computed earlier (in the pane's Web Worker) for this very list; else computed here. */
  result?: MatchResult;
  /** Thresholds and weights; default DEFAULT_MODEL. */
  model?: MatchModel;
}

export interface RemoveCustomersSummary {
  listSheet: string;
  auditSheet: string;
  customerSource: string;
  rowsIn: number;
  removed: number;
  /** Review pairs left in the list (not confirmed). */
  review: number;
  reviewConfirmed: number;
  reviewRejected: number;
  kept: number;
  removedAt: string;
  list: ListState;
}

/** Reads a sheet as a table; with the state, columns of Rajaus's the user renamed keep their keys (knownColumns.ts). */
async function readTable(ctx: StepContext, sheet: string, state?: WorkbookState | null): Promise<ListTable> {
  const data = await ctx.workbook.readSheet(sheet, { signal: ctx.signal, progress: ctx.progress });
  return listFromGrid(data.name, data.headers, data.rows, renamedColumns(state, data.name, data.headers), data.firstDataRow);
}

async function tableNames(ctx: StepContext): Promise<{ sheets: string[]; tables: string[]; tableOf: Map<string, string> }> {
  const infos = await ctx.workbook.listSheets();
  const tableOf = new Map<string, string>();
  for (const s of infos) if (s.tables[0]) tableOf.set(s.name.toLowerCase(), s.tables[0].name);
  return { sheets: infos.map((s) => s.name), tables: infos.flatMap((s) => s.tables.map((x) => x.name)), tableOf };
}

/** The audit sheet of this list from an earlier matching, if any. */
function existingAuditSheet(list: ListState | undefined, sheets: readonly string[]): string | undefined {
  const names = new Set(sheets.map((s) => s.toLowerCase()));
  return list?.sheets.audit.find((a) => names.has(a.toLowerCase()) && AUDIT_BASES.some((b) => a.toLowerCase().startsWith(b)));
}

/** Rows of `from` re-laid in the column order `keys` (missing columns empty). */
function relay(from: { keys: readonly string[]; rows: readonly CellValue[][] }, keys: readonly string[]): CellValue[][] {
  const idx = keys.map((k) => from.keys.indexOf(k));
  return from.rows.map((r) => idx.map((i) => (i < 0 ? null : (r[i] ?? null))));
}

/**
 * Matches the list sheet against the customer register and, in one atomic change, rewrites the
 * list with the rows that stay, appends the removed rows to the audit sheet, and logs the step.
 */
export async function removeCustomers(ctx: StepContext, args: RemoveCustomersArgs): Promise<RemoveCustomersSummary> {
  if ('sheet' in args.customers && args.customers.sheet.toLowerCase() === args.listSheet.toLowerCase()) {
    throw new UserError(t(ctx.lang, 'sameSheet'), { file: args.listSheet });
  }
  const decisions = z.array(reviewDecisionSchema).parse(args.decisions ?? []);
  const state = await ctx.workbook.readState();
  const list = await readTable(ctx, args.listSheet, state);
  const customers =
    'sheet' in args.customers
      ? await readTable(ctx, args.customers.sheet)
      : { ...args.customers.table, origin: { ...args.customers.table.origin, name: args.customers.name } };
  let result = args.result;
  if (result && result.rows.length !== list.rows.length) {
    throw new UserError(t(ctx.lang, 'staleReview', { before: result.rows.length, after: list.rows.length }), { file: args.listSheet });
  }
  result ??= await matchCustomersInPieces(list, customers, { lang: ctx.lang, model: args.model, signal: ctx.signal });
  const model = result.model ?? result.estimate?.model ?? args.model ?? DEFAULT_MODEL;
  // Only re-scored with the model that scored the rows: a result from elsewhere without it is taken as it is.
  const scoredWith = result.model ?? result.estimate?.model ?? args.model;
  const learned = scoredWith ? learnFromReview(result, decisions, scoredWith, ctx.lang) : { result, learning: null, queue: [] };
  const learnedRemoved = new Set(learned.learning?.moved.filter((m) => m.outcome === 'removed').map((m) => m.listIndex));
  result = learned.result;
  const split = splitByOutcome(list, result, ctx.lang, decisions);

  const now = ctx.now();
  const removedAt = now.toISOString();
  const listState = state ? findList(state, { listSheet: args.listSheet }) : undefined;
  const names = await tableNames(ctx);
  const previousAudit = existingAuditSheet(listState, names.sheets);
  const auditSheet = previousAudit ?? makeSheetName(t(ctx.lang, 'auditSheet'), names.sheets);

  // The audit sheet: earlier runs' rows first, then this run's, under the union of columns.
  const auditKeys = [...list.keys, ...AUDIT_COLUMNS];
  const auditHeaders = [...list.headers, ...AUDIT_COLUMNS.map((k) => displayHeader(k, ctx.lang))];
  let earlier: CellValue[][] = [];
  let auditColumnOrigins: (number | null)[] | undefined;
  if (previousAudit) {
    const old = await readTable(ctx, previousAudit, state);
    for (let i = 0; i < old.keys.length; i++) {
      if (!auditKeys.includes(old.keys[i]!)) {
        auditKeys.splice(list.keys.length, 0, old.keys[i]!);
        auditHeaders.splice(list.keys.length, 0, old.headers[i]!);
      }
    }
    // The audit sheet's columns keep their places and headers (one the user renamed too).
    auditColumnOrigins = auditKeys.map((k) => (old.keys.includes(k) ? old.keys.indexOf(k) : null));
    auditKeys.forEach((k, c) => {
      const at = old.keys.indexOf(k);
      if (at >= 0) auditHeaders[c] = old.headers[at]!;
    });
    earlier = relay(old, auditKeys);
  }
  const verdict = new Map(decisions.map((d) => [d.listIndex, d.confirmed]));
  const movedBy = (i: number) =>
    t(
      ctx.lang,
      learnedRemoved.has(i)
        ? 'removedByLearning'
        : result!.rows[i]!.outcome === 'review' && verdict.get(i)
          ? 'removedByReview'
          : 'removedBy',
    );
  const nowRows = relay(
    {
      keys: [...split.removed.keys, 'listRow', 'removedAt', 'removedBy'],
      rows: split.removed.rows.map((r, k) => {
        const i = split.removedIndexes[k]!;
        return [...r, list.origin.firstDataRow + i, removedAt, movedBy(i)];
      }),
    },
    auditKeys,
  );
  const auditPlan: SheetPlan = tablePlan({
    name: auditSheet,
    role: 'audit',
    keys: auditKeys,
    headers: auditHeaders,
    rows: [...earlier, ...nowRows],
    // Earlier runs' rows stay where they are; this run's are added after them.
    rowOrigins: previousAudit ? [...earlier.map((_, i) => i), ...nowRows.map(() => null)] : undefined,
    columnOrigins: auditColumnOrigins,
    lang: ctx.lang,
    tableName: names.tableOf.get(auditSheet.toLowerCase()) ?? makeTableName(t(ctx.lang, 'auditSheet'), names.tables),
    tabColor: '#A4262C',
  });
  const listPlan: SheetPlan = tablePlan({
    name: list.origin.name,
    role: 'list',
    keys: list.keys,
    headers: list.headers,
    rows: split.kept.rows,
    // The rows that stay, by their place in the list: Excel deletes the others, so that the
    // user's references into the list follow their rows.
    rowOrigins: keptIndexes(list.rows.length, split.removedIndexes),
    columnOrigins: list.keys.map((_, c) => c),
    lang: ctx.lang,
    tableName:
      names.tableOf.get(list.origin.name.toLowerCase()) ?? makeTableName(list.origin.name, [...names.tables, auditPlan.tableName!]),
  });
  const step: ProcessingStep = {
    step: 'match',
    at: removedAt,
    rowsIn: list.rows.length,
    rowsOut: split.kept.rows.length,
    rowsMoved: split.removed.rows.length,
    params: {
      customerSource: customers.origin.name,
      // Blank rows and total rows ("Yhteensä") of the register are not customers.
      customerRows: customers.rows.filter(isCustomerRow).length,
      auditSheet,
      removedAt,
      removedCertain: split.removed.rows.length - split.reviewConfirmed,
      reviewConfirmed: split.reviewConfirmed,
      reviewRejected: split.reviewRejected,
      reviewUndecided: split.review.rows.length - split.reviewRejected,
      // The review decisions taught the model (learn.ts): how many, and what it moved.
      ...(learned.learning && {
        reviewDecisions: learned.learning.decisions,
        modelUpdated: true,
        learnedRemoved: learnedRemoved.size,
        learnedKept: learned.learning.moved.length - learnedRemoved.size,
      }),
      rules: `Y-tunnus, puhelin, sähköposti, nimi, osoite; poisto ≥ ${model.removeAt}, tarkistus ≥ ${model.reviewAt}`,
      ...modelParams(result),
    },
    contacted: [],
  };
  const saved = await recordStep(ctx, {
    listSheet: list.origin.name,
    step,
    change: { write: [listPlan, auditPlan], activate: list.origin.name },
  });
  return {
    listSheet: list.origin.name,
    auditSheet,
    customerSource: customers.origin.name,
    rowsIn: list.rows.length,
    removed: split.removed.rows.length,
    review: split.review.rows.length,
    reviewConfirmed: split.reviewConfirmed,
    reviewRejected: split.reviewRejected,
    kept: split.kept.rows.length,
    removedAt,
    list: saved,
  };
}

/**
 * The model of the run and how its estimate went, for the processing log (and through it the
 * notes sheet, notesSheet.ts modelFitText): pairs, rows sampled, EM rounds, converged or not,
 * λ, whether the default model was used, the household rate and the family rule's strength.
 * Nothing when the model was given, not estimated.
 */
export function modelParams(result: MatchResult): Record<string, number | boolean> {
  const out: Record<string, number | boolean> = {};
  if (result.candidatePairs !== undefined) out.candidatePairs = result.candidatePairs;
  const fit = result.estimate?.fit;
  if (!fit) return out;
  out.modelPairs = fit.pairs;
  out.modelRows = fit.sampledRows;
  out.modelIterations = fit.iterations;
  out.modelConverged = fit.converged;
  out.modelLambda = Math.round(fit.lambda * 10000) / 10000;
  out.modelFellBack = fit.fellBack;
  if (fit.households) {
    out.modelHouseholdPairs = fit.households.pairs;
    out.modelHouseholdFamilies = fit.households.families;
    out.modelHouseholdRate = Math.round(fit.households.rate * 10000) / 10000;
    out.modelFamilyRule = Math.round(fit.households.familyRule * 10000) / 10000;
  }
  if (fit.namesakes) {
    out.modelNamesakePairs = Math.round(fit.namesakes.pairs);
    out.modelNamesakesApart = fit.namesakes.apart;
    out.modelNamesakeBits = Math.round(fit.namesakes.bits * 1000) / 1000;
  }
  return out;
}

export interface UndoSummary {
  listSheet: string;
  auditSheet: string;
  restored: number;
  list: ListState;
}

/**
 * The list with the rows of `back` put back where they were: each goes to the row number it had
 * (listRow) among the rows that stayed, so an unchanged list gets its order back exactly. Rows
 * without a number (an audit sheet from before the column was added) go to the end.
 */
function putBack(
  stayed: readonly CellValue[][],
  back: { row: CellValue[]; listRow: number | null }[],
  firstDataRow: number,
): { rows: CellValue[][]; origins: (number | null)[] } {
  const placed = back.filter((b) => b.listRow !== null).sort((a, b) => a.listRow! - b.listRow!);
  const out: CellValue[][] = [];
  // Where each row is in the list now (null: a row put back), so that Excel inserts the rows put
  // back between the others and references to those follow them.
  const origins: (number | null)[] = [];
  let k = 0;
  const stay = () => {
    origins.push(k);
    out.push(stayed[k++]!);
  };
  for (const b of placed) {
    const at = b.listRow! - firstDataRow;
    while (out.length < at && k < stayed.length) stay();
    out.push(b.row);
    origins.push(null);
  }
  while (k < stayed.length) stay();
  for (const b of back) {
    if (b.listRow !== null) continue;
    out.push(b.row);
    origins.push(null);
  }
  return { rows: out, origins };
}

/** The indexes of a list's rows that stay when the rows at `removed` go, in order. */
export function keptIndexes(rows: number, removed: readonly number[]): number[] {
  const gone = new Set(removed);
  const out: number[] = [];
  for (let i = 0; i < rows; i++) if (!gone.has(i)) out.push(i);
  return out;
}

/**
 * Undoes the last matching of a list: its rows come back from the audit sheet to where they
 * were in the list, the audit sheet keeps earlier runs' rows (or goes when empty).
 */
export async function undoLastMatching(ctx: StepContext, args: { listSheet: string }): Promise<UndoSummary> {
  const state = await ctx.workbook.readState();
  const listState = state ? findList(state, { listSheet: args.listSheet }) : undefined;
  const log = listState?.log ?? [];
  let last: ProcessingStep | undefined;
  for (let i = log.length - 1; i >= 0; i--) {
    const s = log[i]!;
    if (s.step === 'matchUndo') break;
    if (s.step === 'match') {
      last = s;
      break;
    }
  }
  if (!last) throw new UserError(t(ctx.lang, 'noMatching'), { file: args.listSheet });
  const auditSheet = String(last.params.auditSheet ?? '');
  const removedAt = String(last.params.removedAt ?? last.at);
  const names = await tableNames(ctx);
  if (!names.sheets.some((s) => s.toLowerCase() === auditSheet.toLowerCase())) {
    throw new UserError(t(ctx.lang, 'auditMissing', { sheet: auditSheet }), { file: auditSheet });
  }
  const list = await readTable(ctx, args.listSheet, state);
  const audit = await readTable(ctx, auditSheet, state);
  const at = audit.keys.indexOf('removedAt');
  const rowAt = audit.keys.indexOf('listRow');
  const back = { keys: audit.keys, rows: audit.rows.filter((r) => String(r[at] ?? '') === removedAt) };
  const stay = audit.rows.filter((r) => String(r[at] ?? '') !== removedAt);
  const stayOrigins = audit.rows.flatMap((r, i) => (String(r[at] ?? '') !== removedAt ? [i] : []));
  const relaid = relay(back, list.keys);
  const numbered = back.rows.map((r, i) => {
    const n = rowAt < 0 ? NaN : Number(r[rowAt] ?? NaN);
    return { row: relaid[i]!, listRow: Number.isInteger(n) && n >= list.origin.firstDataRow ? n : null };
  });
  const restored = putBack(list.rows, numbered, list.origin.firstDataRow);
  const listPlan = tablePlan({
    name: list.origin.name,
    role: 'list',
    keys: list.keys,
    headers: list.headers,
    rows: restored.rows,
    rowOrigins: restored.origins,
    columnOrigins: list.keys.map((_, c) => c),
    lang: ctx.lang,
    tableName: names.tableOf.get(list.origin.name.toLowerCase()) ?? makeTableName(list.origin.name, names.tables),
  });
  const write: SheetPlan[] = [listPlan];
  const remove: string[] = [];
  if (stay.length) {
    write.push(
      tablePlan({
        name: audit.origin.name,
        role: 'audit',
        keys: audit.keys,
        headers: audit.headers,
        rows: stay,
        rowOrigins: stayOrigins,
        columnOrigins: audit.keys.map((_, c) => c),
        lang: ctx.lang,
        tableName: names.tableOf.get(audit.origin.name.toLowerCase()) ?? makeTableName(audit.origin.name, names.tables),
        tabColor: '#A4262C',
      }),
    );
  } else remove.push(audit.origin.name);
  const step: ProcessingStep = {
    step: 'matchUndo',
    at: ctx.now().toISOString(),
    rowsIn: list.rows.length,
    rowsOut: list.rows.length + back.rows.length,
    params: { auditSheet, undoneMatching: removedAt, restored: back.rows.length },
    contacted: [],
  };
  const saved = await recordStep(ctx, {
    listSheet: list.origin.name,
    step,
    change: { write, remove: remove.length ? remove : undefined, activate: list.origin.name },
  });
  return { listSheet: list.origin.name, auditSheet, restored: back.rows.length, list: saved };
}
