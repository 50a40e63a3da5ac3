/**
 * Step 3: add building data to a list. Reads the list sheet, fetches the buildings of the
 * list's postal codes (only postal codes leave the workbook), joins them by address, filters,
 * and writes the list and the filtered-out rows in one atomic change with the processing log.
 */
import { postalArea } from '../core/area/postalAreas';
import type { BuildingRecord } from '../core/buildings/building';
import { BUILDING_COLUMN_KEYS, buildingValues } from '../core/buildings/columns';
import { filterReason, hasFilters, type BuildingFilters } from '../core/buildings/filters';
import { buildIndex, matchAddress, normalizePostalCode, type AddressMatch, type MainChoice, type MatchLevel } from '../core/buildings/join';
import { displayHeader } from '../core/columns/catalogue';
import { mapHeaders } from '../core/columns/headerMapping';
import { UserError, throwIfAborted } from '../core/errors';
import { pauser } from '../core/progress';
import { defineMessages, type Lang } from '../core/i18n/lang';
import { alignRows, columnIndex, listFromGrid, listFromGridAs, textAt, withColumns, type ListTable } from '../core/list/listTable';
import { parseStreetAddress } from '../core/normalize/address';
import type { ProcessingStep, SourceUse } from '../core/state/workbookState';
import type { CellValue } from '../core/workbook/cells';
import { makeSheetName, makeTableName } from '../core/workbook/sheetNames';
import { tablePlan, type SheetPlan } from '../core/workbook/sheetPlan';
import type { BuildingSource } from '../sources/buildings/source';
import { findList, recordStep } from './processingLog';
import type { StepContext } from './stepContext';
import { renamedColumns } from './knownColumns';

const t = defineMessages({
  fi: {
    noAddress: 'Listassa ei ole katuosoitetta: rakennustiedot liitetään osoitteen ja postinumeron perusteella. Lisää sarake "Katuosoite".',
    noPostal: 'Listan riveillä ei ole postinumeroita: rakennukset haetaan postinumeroittain. Lisää sarake "Postinumero".',
    filteredSheet: 'Rajatut rakennukset',
    sent: 'postinumerot {codes} (ei henkilöiden osoitteita)',
    sentNothing: 'ei mitään listasta (postinumerot haettu jo aiemmin tässä istunnossa)',
    fileOnly: 'tiedoston lataus; listasta ei lähetetty mitään',
    fetching: 'Haetaan rakennuksia',
    joining: 'Yhdistetään rakennuksia osoitteisiin',
    reading: 'Luetaan listaa',
    writing: 'Kirjoitetaan listaa',
  },
  en: {
    noAddress: 'The list has no street address: building data is joined by address and postal code. Add a "Street address" column.',
    noPostal: 'The list’s rows have no postal codes: buildings are fetched by postal code. Add a "Postal code" column.',
    filteredSheet: 'Filtered by building',
    sent: 'postal codes {codes} (no personal addresses)',
    sentNothing: 'nothing from the list (postal codes already fetched in this session)',
    fileOnly: 'a file download; nothing from the list was sent',
    fetching: 'Fetching buildings',
    joining: 'Joining buildings to addresses',
    reading: 'Reading the list',
    writing: 'Writing the list',
  },
  sv: {
    noAddress: 'Listan har ingen gatuadress: byggnadsdata kopplas med adress och postnummer. Lägg till kolumnen "Gatuadress".',
    noPostal: 'Listans rader saknar postnummer: byggnader hämtas per postnummer. Lägg till kolumnen "Postnummer".',
    filteredSheet: 'Byggnadsfiltrerade',
    sent: 'postnummer {codes} (inga personadresser)',
    sentNothing: 'inget från listan (postnumren redan hämtade under sessionen)',
    fileOnly: 'nedladdning av en fil; inget från listan skickades',
    fetching: 'Hämtar byggnader',
    joining: 'Kopplar byggnader till adresser',
    reading: 'Läser listan',
    writing: 'Skriver listan',
  },
});

/** Names of the filtered sheet in every language: a re-run finds it whatever the language was. */
const FILTERED_BASES = (['fi', 'en', 'sv'] as const).map((l) => t(l, 'filteredSheet').toLowerCase());

export interface JoinSummary {
  rows: number;
  buildings: number;
  byLevel: Record<MatchLevel, number>;
  /** Rows whose address had several buildings, by how the main building was chosen. */
  mainChoices: Record<Exclude<MainChoice, 'only'>, number>;
}

/**
 * The building columns an earlier run of this step added (key → index), so a re-run replaces
 * them instead of adding a second set. They are recognised only as a whole: every building
 * column under Rajaus's header in some language, "Rakennusvuosi" or "Rakennusvuosi (2)"; the
 * last such column of a key is Rajaus's (it appends after the user's). A list with only some
 * of these names ("Rakennusvuosi" and "Lämmitysaine" of its own) has none of ours: its columns
 * are the user's and are never overwritten.
 */
export function earlierBuildingColumns(list: Pick<ListTable, 'headers'>): Map<string, number> {
  const ours = new Map<string, number>();
  for (const key of BUILDING_COLUMN_KEYS) {
    const names = (['fi', 'en', 'sv'] as const).map((l) => displayHeader(key, l).toLowerCase());
    list.headers.forEach((h, i) => {
      const n = h
        .trim()
        .toLowerCase()
        .replace(/ \(\d+\)$/, '');
      if (names.includes(n)) ours.set(key, i);
    });
    if (!ours.has(key)) return new Map();
  }
  return ours;
}

/**
 * Joins buildings onto a list (pure): the building columns are appended, or replaced when an
 * earlier run added them; a user's own column of the same name is carried through unchanged.
 */
export function joinBuildings(list: ListTable, buildings: readonly BuildingRecord[], lang: Lang): JoinResult {
  const steps = joinSteps(list, buildings, lang);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * joinBuildings for the pane: the same join, pausing every 50 ms so that the pane's thread
 * stays free (0.4 s at 100,000 rows in one piece, issue 13) and a Cancel is heard; at each
 * pause `progress` gets the rows joined so far.
 */
export async function joinBuildingsPaused(
  list: ListTable,
  buildings: readonly BuildingRecord[],
  lang: Lang,
  signal?: AbortSignal,
  progress?: (done: number, total: number) => void,
): Promise<JoinResult> {
  const pause = pauser(signal);
  if (progress) {
    // The join has begun: said (and drawn by the pane) before its first piece, so that the
    // label shows even when the whole join takes less than one pause's 50 ms.
    progress(0, list.rows.length);
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    throwIfAborted(signal);
  }
  const steps = joinSteps(list, buildings, lang);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    const paused = pause();
    if (paused) {
      progress?.(step.value, list.rows.length);
      await paused;
    }
  }
}

export interface JoinResult {
  list: ListTable;
  summary: JoinSummary;
  matches: AddressMatch[];
}

/** The join, yielding the rows done every 500 rows (one loop for both drivers above). */
function* joinSteps(list: ListTable, buildings: readonly BuildingRecord[], lang: Lang): Generator<number, JoinResult> {
  if (columnIndex(list, 'streetAddress') < 0) throw new UserError(t(lang, 'noAddress'), { file: list.origin.name });
  const index = buildIndex(buildings);
  const byLevel: Record<MatchLevel, number> = { exact: 0, 'street-number': 0, none: 0 };
  const mainChoices = { residential: 0, notAuxiliary: 0, floorArea: 0, first: 0 };
  const columns = BUILDING_COLUMN_KEYS.map(() => new Array<CellValue>(list.rows.length));
  const matches = new Array<AddressMatch>(list.rows.length);
  const ai = columnIndex(list, 'streetAddress');
  const pi = columnIndex(list, 'postalCode');
  // A building's values are the same on every row that matches it at the same level.
  const valuesOf = memoByMatch((m) => buildingValues(m, lang));
  for (let r = 0; r < list.rows.length; r++) {
    const row = list.rows[r]!;
    const address = row[ai] === null || row[ai] === undefined ? '' : String(row[ai]);
    const postal = pi >= 0 && row[pi] !== null && row[pi] !== undefined ? String(row[pi]) : '';
    const m = matchAddress(index, address, postal);
    matches[r] = m;
    byLevel[m.level]++;
    if (m.choice && m.choice !== 'only') mainChoices[m.choice]++;
    const values = valuesOf(m);
    for (let c = 0; c < values.length; c++) columns[c]![r] = values[c]!;
    if (r % 500 === 499) yield r + 1;
  }
  const joined = withColumns(
    list,
    BUILDING_COLUMN_KEYS.map((key, c) => ({ key, values: columns[c]! })),
    lang,
    earlierBuildingColumns(list),
  );
  return { list: joined, summary: { rows: list.rows.length, buildings: buildings.length, byLevel, mainChoices }, matches };
}

/** A function of a match that depends only on its building and level, remembered for each pair. */
function memoByMatch<T>(f: (m: AddressMatch) => T): (m: AddressMatch) => T {
  const byLevel = new Map<MatchLevel, Map<BuildingRecord | null, T>>();
  return (m) => {
    let memo = byLevel.get(m.level);
    if (!memo) byLevel.set(m.level, (memo = new Map()));
    if (memo.has(m.building)) return memo.get(m.building)!;
    const v = f(m);
    memo.set(m.building, v);
    return v;
  };
}

/** The postal codes a list needs buildings for: its postal code column, or codes in the address. */
export function postalCodesOf(list: ListTable): string[] {
  const codes = new Set<string>();
  for (const row of list.rows) {
    const code =
      normalizePostalCode(textAt(list, row, 'postalCode')) || parseStreetAddress(textAt(list, row, 'streetAddress')).postalCode || '';
    if (code) codes.add(code);
  }
  return [...codes].sort();
}

export interface FilterSplit {
  kept: ListTable;
  /** Where each kept row is in the list (its index). */
  keptIndexes: number[];
  /** Rows filtered out, with `removedAt` and `removedBy` (the reason) appended. */
  filtered: ListTable;
}

/** Splits the joined list by the filters; the reason of each filtered row is kept with it. */
export function applyBuildingFilters(
  list: ListTable,
  matches: readonly AddressMatch[],
  filters: BuildingFilters | undefined,
  lang: Lang,
  now: Date,
): FilterSplit {
  const keptRows: CellValue[][] = [];
  const keptIndexes: number[] = [];
  const outRows: CellValue[][] = [];
  const at = now.toISOString();
  const reasonOf = hasFilters(filters) ? memoByMatch((m) => filterReason(m, filters!, lang)) : () => null;
  const rows = list.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const reason = reasonOf(matches[i]!);
    if (reason === null) {
      keptRows.push(row);
      keptIndexes.push(i);
    } else {
      const out = row.slice();
      out.push(at, reason);
      outRows.push(out);
    }
  }
  const filtered = withColumns(
    { ...list, rows: [] },
    [
      { key: 'removedAt', values: [] },
      { key: 'removedBy', values: [] },
    ],
    lang,
  );
  return { kept: { ...list, rows: keptRows }, keptIndexes, filtered: { ...filtered, rows: outRows } };
}

export type BuildingSourceChoice = 'helsinki' | 'hsy' | 'ryhti';

const HELSINKI = '091';
const CAPITAL_REGION = new Set(['091', '049', '092', '235']); // Helsinki, Espoo, Vantaa, Kauniainen

/** Helsinki's own register when every code is Helsinki's, HSY for the capital region, else Ryhti. */
export function suggestBuildingSource(
  postalCodes: readonly string[],
  municipalityOf: (code: string) => string | undefined = (c) => postalArea(c)?.municipalityCode,
): BuildingSourceChoice {
  const municipalities = postalCodes.map((c) => municipalityOf(normalizePostalCode(c)));
  if (!municipalities.length || municipalities.some((m) => !m)) return 'ryhti';
  if (municipalities.every((m) => m === HELSINKI)) return 'helsinki';
  if (municipalities.every((m) => CAPITAL_REGION.has(m!))) return 'hsy';
  return 'ryhti';
}

/** What the notes say was sent to whom. */
export function contactedOf(source: BuildingSource, sent: readonly string[], lang: Lang): { party: string; sent: string }[] {
  if (!source.party) return [];
  if (source.id.startsWith('file:')) return [{ party: source.party, sent: t(lang, 'fileOnly') }];
  const what = sent.length ? t(lang, 'sent', { codes: sent.join(', ') }) : t(lang, 'sentNothing');
  // Through the gateway, it received the same postal codes: named first, as a processor.
  return [...(source.relayedBy ? [{ party: source.relayedBy, sent: what }] : []), { party: source.party, sent: what }];
}

export function sourceUseOf(source: BuildingSource, at: string, terms?: string): SourceUse {
  return {
    id: source.id,
    name: source.name,
    controller: source.controller || source.name,
    licence: source.licence || '—',
    extractedAt: at,
    // CC BY 4.0 requires naming the source: the notes' attribution section prints this.
    ...(source.attribution ? { attribution: source.attribution } : {}),
    ...(source.id === 'demo-buildings' ? { demo: true } : {}),
    kind: 'enrichment',
    ...(terms ? { terms } : {}),
  };
}

export interface AddBuildingsArgs {
  listSheet: string;
  listId?: string;
  source: BuildingSource;
  filters?: BuildingFilters;
}

export interface AddBuildingsResult {
  summary: JoinSummary;
  rowsKept: number;
  rowsFiltered: number;
  filteredSheet?: string;
  contacted: { party: string; sent: string }[];
  attribution: string;
}

/** Reads rows of an existing filtered sheet so a re-run appends instead of dropping them. */
async function previousFiltered(
  ctx: StepContext,
  sheet: string | undefined,
  to: Pick<ListTable, 'keys' | 'headers'>,
): Promise<CellValue[][]> {
  if (!sheet) return [];
  const data = await ctx.workbook.readSheet(sheet, { signal: ctx.signal });
  return alignRows(listFromGridAs(sheet, data.headers, data.rows, to, data.firstDataRow), to);
}

export async function addBuildings(ctx: StepContext, args: AddBuildingsArgs): Promise<AddBuildingsResult> {
  const { lang } = ctx;
  // The phases are said by their labels alone (a count of phases would read as rows); the
  // fetch, the join and the writes give their own counts.
  ctx.progress?.(0, 0, t(lang, 'reading'));
  const data = await ctx.workbook.readSheet(args.listSheet, { signal: ctx.signal });
  // Columns of Rajaus's the user renamed keep their keys (knownColumns.ts).
  const known = renamedColumns(await ctx.workbook.readState(), args.listSheet, data.headers);
  const list = listFromGrid(args.listSheet, data.headers, data.rows, known, data.firstDataRow);
  if (columnIndex(list, 'streetAddress') < 0) throw new UserError(t(lang, 'noAddress'), { file: args.listSheet });
  const codes = postalCodesOf(list);
  if (!codes.length && list.rows.length) throw new UserError(t(lang, 'noPostal'), { file: args.listSheet });

  const fetched = await args.source.fetchBuildings(codes, {
    signal: ctx.signal,
    progress: (done, total) => ctx.progress?.(done, total, t(lang, 'fetching')),
    // A service's "wait N s" counted down (limitedFetch.ts).
    notice: ctx.notice,
  });
  throwIfAborted(ctx.signal);
  const now = ctx.now();
  const joined = await joinBuildingsPaused(list, fetched.buildings, lang, ctx.signal, (done, total) =>
    ctx.progress?.(done, total, t(lang, 'joining')),
  );
  const split = applyBuildingFilters(joined.list, joined.matches, args.filters, lang, now);

  const sheets = await ctx.workbook.listSheets();
  const names = sheets.map((s) => s.name);
  const tableName =
    sheets.find((s) => s.name.toLowerCase() === args.listSheet.toLowerCase())?.tables[0]?.name ??
    makeTableName(
      args.listSheet,
      sheets.flatMap((s) => s.tables.map((x) => x.name)),
    );
  const writes: SheetPlan[] = [
    tablePlan({
      name: args.listSheet,
      role: 'list',
      keys: split.kept.keys,
      rows: split.kept.rows,
      // Rows the filters moved out are deleted from the table; references follow the others.
      rowOrigins: split.keptIndexes,
      // The list's columns stay where they are (earlier building columns are refilled in their
      // places); building columns new to it come after them.
      columnOrigins: split.kept.keys.map((_, c) => (c < list.keys.length ? c : null)),
      lang,
      tableName,
      headers: split.kept.headers,
    }),
  ];

  let filteredSheet: string | undefined;
  if (split.filtered.rows.length) {
    const state = await ctx.workbook.readState();
    const listState = state ? findList(state, { listId: args.listId, listSheet: args.listSheet }) : undefined;
    const existing = listState?.sheets.audit.find(
      (a) => FILTERED_BASES.some((b) => a.toLowerCase().startsWith(b)) && names.some((n) => n.toLowerCase() === a.toLowerCase()),
    );
    filteredSheet = existing ?? makeSheetName(t(lang, 'filteredSheet'), names);
    const headers = split.filtered.keys.map((k, i) => split.filtered.headers[i] ?? k);
    const earlier = await previousFiltered(ctx, existing, { keys: split.filtered.keys, headers });
    writes.push(
      tablePlan({
        name: filteredSheet,
        role: 'filtered',
        keys: split.filtered.keys,
        rows: [...earlier, ...split.filtered.rows],
        lang,
        tableName:
          sheets.find((s) => s.name === existing)?.tables[0]?.name ??
          makeTableName(
            `${args.listSheet}_rajatut`,
            sheets.flatMap((s) => s.tables.map((x) => x.name)),
          ),
        headers,
      }),
    );
  }

  const contacted = contactedOf(args.source, fetched.sent, lang);
  const f = args.filters ?? {};
  const step: ProcessingStep = {
    step: 'buildings',
    at: now.toISOString(),
    rowsIn: list.rows.length,
    rowsOut: split.kept.rows.length,
    rowsMoved: split.filtered.rows.length,
    params: {
      source: args.source.id,
      sourceName: args.source.name,
      licence: args.source.licence,
      buildings: fetched.buildings.length,
      matchedExact: joined.summary.byLevel.exact,
      matchedStreetNumber: joined.summary.byLevel['street-number'],
      unmatched: joined.summary.byLevel.none,
      mainBuildingChosen: Object.values(joined.summary.mainChoices).reduce((a, b) => a + b, 0),
      ...(f.yearFrom !== undefined ? { yearFrom: f.yearFrom } : {}),
      ...(f.yearTo !== undefined ? { yearTo: f.yearTo } : {}),
      ...(f.classes?.length ? { classes: f.classes.join(',') } : {}),
      ...(f.fuels?.length ? { fuels: f.fuels.join(',') } : {}),
      ...(f.match?.length ? { match: f.match.join(',') } : {}),
      ...(filteredSheet ? { filteredSheet } : {}),
    },
    contacted,
  };
  ctx.progress?.(0, 0, t(lang, 'writing'));
  await recordStep(ctx, {
    listId: args.listId,
    listSheet: args.listSheet,
    step,
    change: { write: writes, activate: args.listSheet },
    sources: [sourceUseOf(args.source, now.toISOString(), ctx.settings.sourceTerms[args.source.id])],
  });
  return {
    summary: joined.summary,
    rowsKept: split.kept.rows.length,
    rowsFiltered: split.filtered.rows.length,
    filteredSheet,
    contacted,
    attribution: args.source.attribution,
  };
}

/** Maps sheet headers to keys as the list sheet has them (for the pane's preview). */
export function listKeysOf(headers: readonly string[]): string[] {
  return mapHeaders(headers).keys;
}
