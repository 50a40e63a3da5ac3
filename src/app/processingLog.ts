/**
 * The processing log (käsittelyloki): every step reports here. `recordStep` finds or registers
 * the list in the workbook's state, appends the step, re-renders the list's privacy notes sheet
 * and writes the step's own sheets, the notes and the new state in ONE workbook change, so a
 * list and its notes never disagree (the change is atomic in both adapters).
 */
import { mapHeaders } from '../core/columns/headerMapping';
import { criteriaSchema } from '../core/criteria/criteria';
import { summarizeCriteria } from '../core/criteria/summary';
import { UserError } from '../core/errors';
import { defineMessages } from '../core/i18n/lang';
import { renderNotesSheet, notesSheetBaseName } from '../core/notes/notesSheet';
import type { Settings } from '../core/settings/settings';
import {
  emptyState,
  listStateSchema,
  workbookStateSchema,
  type ListState,
  type ProcessingStep,
  type SourceUse,
  type WorkbookState,
} from '../core/state/workbookState';
import { makeSheetName } from '../core/workbook/sheetNames';
import type { WorkbookChange } from '../core/workbook/port';
import type { SheetPlan } from '../core/workbook/sheetPlan';
import type { StepContext } from './stepContext';

const t = defineMessages({
  fi: {
    noList: 'Listaa ei löydy: anna listan tunniste tai listataulukon nimi.',
    unknownList: 'Työkirjassa ei ole listaa tunnisteella {id}.',
    noSheet: 'Taulukkoa "{sheet}" ei löydy työkirjasta.',
  },
  en: {
    noList: 'No list given: pass the list id or the name of its sheet.',
    unknownList: 'The workbook has no list with id {id}.',
    noSheet: 'The workbook has no sheet named "{sheet}".',
  },
  sv: {
    noList: 'Ingen lista angiven: ange listans id eller bladets namn.',
    unknownList: 'Arbetsboken har ingen lista med id {id}.',
    noSheet: 'Arbetsboken har inget blad med namnet "{sheet}".',
  },
});

const AUDIT_ROLES = new Set(['audit', 'filtered', 'review']);

export interface RecordArgs {
  listId?: string;
  listSheet?: string;
  /** A list the caller creates (the search step): registered as it is. */
  newList?: ListState;
  step: ProcessingStep;
  /**
   * The step's own sheets. When `change.state` is given it is the base state the step is
   * recorded into (a caller that also changes doNotContact or suppressionLists passes it).
   */
  change?: WorkbookChange;
  sources?: SourceUse[];
}

/** Adds `months` calendar months to a date; the result is an ISO date (yyyy-mm-dd). */
export function addMonthsIso(from: Date, months: number): string {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, 1));
  // 31 January + 1 month is the last day of February, not 3 March.
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(from.getUTCDate(), lastDay));
  return d.toISOString().slice(0, 10);
}

/** A fresh list id: time-ordered and unique enough inside one workbook. */
export function newListId(now: Date): string {
  const rand = Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `list-${now.getTime().toString(36)}-${rand}`;
}

/** The state of a new list, for the search step (and implicit registration). */
export function createListState(args: {
  name: string;
  kind: 'b2b' | 'b2c';
  listSheet: string;
  settings: Settings;
  now: Date;
  id?: string;
  criteria?: unknown;
  sources?: SourceUse[];
  purpose?: string;
  channel?: string;
  auditSheets?: string[];
  notesSheet?: string;
}): ListState {
  return listStateSchema.parse({
    id: args.id ?? newListId(args.now),
    name: args.name,
    kind: args.kind,
    createdAt: args.now.toISOString(),
    deleteBy: addMonthsIso(args.now, args.settings.retentionMonths),
    purpose: args.purpose ?? args.settings.purpose,
    channel: args.channel ?? args.settings.channel,
    sheets: { list: args.listSheet, notes: args.notesSheet, audit: args.auditSheets ?? [] },
    criteria: args.criteria,
    sources: args.sources ?? [],
    log: [],
  });
}

/** Company columns make a list a B2B list; otherwise it is about consumers. */
export function inferKind(keys: readonly string[]): 'b2b' | 'b2c' {
  return keys.some((k) => k === 'companyName' || k === 'businessId' || k === 'companyForm' || k === 'industryCode') ? 'b2b' : 'b2c';
}

export function findList(state: WorkbookState, ref: { listId?: string; listSheet?: string }): ListState | undefined {
  if (ref.listId) return state.lists.find((l) => l.id === ref.listId);
  if (ref.listSheet) {
    const name = ref.listSheet.toLowerCase();
    // A deleted list's sheet name may be reused by a new list: prefer the live one.
    return (
      state.lists.find((l) => !l.deletedAt && l.sheets.list.toLowerCase() === name) ??
      state.lists.find((l) => l.sheets.list.toLowerCase() === name)
    );
  }
  return undefined;
}

/** Merges sources by id: a later extraction from the same source replaces the earlier entry. */
export function mergeSources(existing: SourceUse[], added: SourceUse[] = []): SourceUse[] {
  const out = [...existing];
  for (const s of added) {
    const i = out.findIndex((o) => o.id === s.id);
    if (i >= 0) out[i] = s;
    else out.push(s);
  }
  return out;
}

/** One list's part of a recorded change (several lists are recorded at once by DSR erasure). */
export interface ListEntry {
  list: ListState;
  /** None when only the notes are re-rendered (the settings changed). */
  step?: ProcessingStep;
  sources?: SourceUse[];
}

/**
 * Pure part of recording: appends the steps, tracks audit sheets, names and renders each list's
 * notes sheet, and returns the single workbook change that writes it all with the new state.
 */
export function planRecord(args: {
  state: WorkbookState;
  entries: ListEntry[];
  change: WorkbookChange;
  existingSheets: string[];
  settings: Settings;
  lang: StepContext['lang'];
  now: Date;
  /** Column headers of each list's sheet by list id, for the notes' data content. */
  columns?: Map<string, string[]>;
}): { change: WorkbookChange; state: WorkbookState; lists: ListState[] } {
  const state = workbookStateSchema.parse(structuredClone(args.state));
  const writes = args.change.write ?? [];
  const removes = args.change.remove ?? [];
  const removed = new Set(removes.map((n) => n.toLowerCase()));
  const taken = new Set([...args.existingSheets, ...writes.map((w) => w.name)].map((n) => n.toLowerCase()));
  const notesPlans: SheetPlan[] = [];
  const updated: ListState[] = [];

  for (const entry of args.entries) {
    const list: ListState = listStateSchema.parse(structuredClone(entry.list));
    if (entry.step) list.log.push(entry.step);
    list.sources = mergeSources(list.sources, entry.sources);
    const audit = list.sheets.audit.filter((n) => !removed.has(n.toLowerCase()));
    for (const w of writes) {
      const isListSheet = w.name.toLowerCase() === list.sheets.list.toLowerCase();
      if (!isListSheet && AUDIT_ROLES.has(w.role) && !audit.some((a) => a.toLowerCase() === w.name.toLowerCase())) audit.push(w.name);
    }
    list.sheets.audit = audit;
    // The columns of the tables written, as written: a header the user changes later is still
    // known by its place (knownColumns.ts).
    for (const w of writes) {
      const own = w.name.toLowerCase() === list.sheets.list.toLowerCase() || audit.some((a) => a.toLowerCase() === w.name.toLowerCase());
      if (!own || w.layout !== 'table') continue;
      list.columns = { ...list.columns, [w.name.toLowerCase()]: w.columns.map((c) => ({ key: c.key, header: c.header })) };
    }
    if (list.columns) for (const name of Object.keys(list.columns)) if (removed.has(name)) delete list.columns[name];
    // The notes sheet keeps its name for the list's lifetime, whatever the language later.
    if (!list.sheets.notes) {
      const name = makeSheetName(notesSheetBaseName(list.sheets.list, args.lang), taken);
      taken.add(name.toLowerCase());
      list.sheets.notes = name;
    }
    const i = state.lists.findIndex((l) => l.id === list.id);
    if (i >= 0) state.lists[i] = list;
    else state.lists.push(list);
    updated.push(list);
  }
  for (const list of updated) {
    notesPlans.push(
      renderNotesSheet({
        list,
        state,
        settings: args.settings,
        lang: args.lang,
        now: args.now,
        sheetName: list.sheets.notes!,
        columns: args.columns?.get(list.id),
        criteriaInWords: criteriaInWords(list.criteria, args.lang),
      }),
    );
  }
  const change: WorkbookChange = {
    write: [...writes, ...notesPlans],
    remove: removes.length ? removes : undefined,
    state,
    activate: args.change.activate,
  };
  return { change, state, lists: updated };
}

/** The search step's summary of the criteria; undefined (generic rendering) for foreign data. */
function criteriaInWords(criteria: unknown, lang: StepContext['lang']): string | undefined {
  const parsed = criteriaSchema.safeParse(criteria);
  if (!parsed.success) return undefined;
  try {
    return summarizeCriteria(parsed.data, lang);
  } catch {
    return undefined;
  }
}

/** Reads the sheet names, for choosing a free notes sheet name. */
async function sheetNames(ctx: StepContext): Promise<string[]> {
  return (await ctx.workbook.listSheets()).map((s) => s.name);
}

/** Headers of a list's sheet for the notes: from the step's write, else the sheet; none once deleted. */
async function listHeaders(ctx: StepContext, list: ListState, change: WorkbookChange | undefined): Promise<string[] | undefined> {
  if (list.deletedAt) return undefined;
  const name = list.sheets.list.toLowerCase();
  if (change?.remove?.some((r) => r.toLowerCase() === name)) return undefined;
  const planned = change?.write?.find((w) => w.name.toLowerCase() === name);
  if (planned) return planned.columns.map((c) => c.header);
  try {
    return (await ctx.workbook.readSheet(list.sheets.list, { maxRows: 0, signal: ctx.signal })).headers;
  } catch {
    return undefined;
  }
}

/** Columns of a list sheet, from the step's own write of it or from the workbook. */
async function listKeys(ctx: StepContext, sheet: string, change: WorkbookChange | undefined): Promise<string[]> {
  const planned = change?.write?.find((w) => w.name.toLowerCase() === sheet.toLowerCase());
  if (planned) return planned.columns.map((c) => c.key);
  try {
    const data = await ctx.workbook.readSheet(sheet, { maxRows: 1, signal: ctx.signal });
    return mapHeaders(data.headers, {}, sheet).keys;
  } catch {
    throw new UserError(t(ctx.lang, 'noSheet', { sheet }), { file: sheet });
  }
}

export async function recordStep(ctx: StepContext, args: RecordArgs): Promise<ListState> {
  const base = args.change?.state ?? (await ctx.workbook.readState()) ?? emptyState();
  const now = ctx.now();
  let list = findList(base, args);
  if (!list && args.newList) list = args.newList;
  if (!list) {
    if (args.listId && !args.listSheet) throw new UserError(t(ctx.lang, 'unknownList', { id: args.listId }));
    if (!args.listSheet) throw new UserError(t(ctx.lang, 'noList'));
    // A list the user brought: register it so that its processing is on record from now on.
    const keys = await listKeys(ctx, args.listSheet, args.change);
    list = createListState({ name: args.listSheet, kind: inferKind(keys), listSheet: args.listSheet, settings: ctx.settings, now });
  }
  const { change, lists } = planRecord({
    state: base,
    entries: [{ list, step: args.step, sources: args.sources }],
    change: args.change ?? {},
    existingSheets: await sheetNames(ctx),
    settings: ctx.settings,
    lang: ctx.lang,
    now,
    columns: new Map([[list.id, (await listHeaders(ctx, list, args.change)) ?? []]]),
  });
  await ctx.workbook.apply(change, { progress: ctx.progress, signal: ctx.signal, textRepairs: ctx.textRepairs });
  return lists[0]!;
}

/** Records several lists' steps in one change (DSR erasure touches every list at once). */
export async function recordSteps(
  ctx: StepContext,
  args: { state: WorkbookState; entries: ListEntry[]; change?: WorkbookChange },
): Promise<WorkbookState> {
  const columns = new Map<string, string[]>();
  for (const e of args.entries) columns.set(e.list.id, (await listHeaders(ctx, e.list, args.change)) ?? []);
  const { change, state } = planRecord({
    state: args.state,
    entries: args.entries,
    change: args.change ?? {},
    existingSheets: await sheetNames(ctx),
    settings: ctx.settings,
    lang: ctx.lang,
    now: ctx.now(),
    columns,
  });
  await ctx.workbook.apply({ ...change, state }, { progress: ctx.progress, signal: ctx.signal, textRepairs: ctx.textRepairs });
  return state;
}

/**
 * Re-renders a list's notes without a new step: after the user completes the settings, the
 * notes say who the controller is instead of "missing".
 */
export async function refreshNotes(ctx: StepContext, listId: string): Promise<ListState> {
  const state = (await ctx.workbook.readState()) ?? emptyState();
  const list = state.lists.find((l) => l.id === listId);
  if (!list) throw new UserError(t(ctx.lang, 'unknownList', { id: listId }));
  const after = await recordSteps(ctx, { state, entries: [{ list }] });
  return after.lists.find((l) => l.id === listId)!;
}
