/**
 * All five steps in a row on one list, as `rajaus build` and `rajaus demo` run them: search,
 * remove own customers, add building data, do-not-call suppression, export. Each step is the
 * same use case the pane calls, on the same workbook port, so every step reads the list back
 * from its sheet and logs itself into the list's notes.
 */
import type { Criteria } from '../core/criteria/criteria';
import type { BuildingFilters } from '../core/buildings/filters';
import { defineMessages, formatCount } from '../core/i18n/lang';
import type { DirectorySource } from '../sources/directory/directorySource';
import type { BuildingSource } from '../sources/buildings/source';
import { runSearch } from './search';
import { removeCustomers, type CustomerSource } from './removeCustomers';
import { addBuildings } from './addBuildings';
import { applySuppression, type Suppression } from './suppression';
import { exportList, type ExportListArgs, type ExportedFile } from './exportList';
import type { StepContext } from './stepContext';

export interface PipelinePlan {
  listName?: string;
  criteria: Criteria;
  source: DirectorySource;
  /** The user's own customer register: a sheet of the workbook, or a table read from a file. */
  customers?: CustomerSource;
  buildings?: { source: BuildingSource; filters?: BuildingFilters };
  doNotCall?: Suppression;
  exports?: Omit<ExportListArgs, 'listSheet'>[];
}

export interface PipelineReport {
  listId: string;
  listSheet: string;
  /** One line per step, for people. */
  lines: string[];
  files: ExportedFile[];
}

const t = defineMessages({
  fi: {
    search: 'Haku: {rows} riviä taulukolle "{sheet}" (osumia {total})',
    match: 'Omat asiakkaat: {removed} poistettu, {review} tarkistettavana, {kept} jäi listalle',
    buildings: 'Rakennustiedot: {matched}/{rows} riviä tunnistettu, {filtered} rajattu pois',
    dnc: 'Kieltolista "{name}": {suppressed} riviä siirretty, {kept} jäi',
    export: 'Vienti {format}: {rows} riviä, {files} tiedosto(a)',
  },
  en: {
    search: 'Search: {rows} rows on sheet "{sheet}" ({total} matched)',
    match: 'Own customers: {removed} removed, {review} for review, {kept} kept',
    buildings: 'Building data: {matched}/{rows} rows matched, {filtered} filtered out',
    dnc: 'Do-not-call list "{name}": {suppressed} rows moved, {kept} kept',
    export: 'Export {format}: {rows} rows, {files} file(s)',
  },
  sv: {
    search: 'Sökning: {rows} rader på bladet "{sheet}" ({total} träffar)',
    match: 'Egna kunder: {removed} borttagna, {review} att granska, {kept} kvar',
    buildings: 'Byggnadsdata: {matched}/{rows} rader matchade, {filtered} bortfiltrerade',
    dnc: 'Spärrlista "{name}": {suppressed} rader flyttade, {kept} kvar',
    export: 'Export {format}: {rows} rader, {files} fil(er)',
  },
});

export async function runPipeline(
  ctx: StepContext,
  plan: PipelinePlan,
  say: (line: string) => void = () => undefined,
): Promise<PipelineReport> {
  const n = (x: number) => formatCount(ctx.lang, x);
  const lines: string[] = [];
  const note = (line: string) => {
    lines.push(line);
    say(line);
  };

  const found = await runSearch(ctx, { criteria: plan.criteria, source: plan.source, listName: plan.listName });
  const listSheet = found.sheetName;
  note(t(ctx.lang, 'search', { rows: n(found.rows), sheet: listSheet, total: n(found.total) }));

  if (plan.customers) {
    const m = await removeCustomers(ctx, { listSheet, customers: plan.customers });
    note(t(ctx.lang, 'match', { removed: n(m.removed), review: n(m.review), kept: n(m.kept) }));
  }

  if (plan.buildings) {
    const b = await addBuildings(ctx, { listSheet, listId: found.listId, source: plan.buildings.source, filters: plan.buildings.filters });
    note(
      t(ctx.lang, 'buildings', {
        matched: n(b.summary.rows - b.summary.byLevel.none),
        rows: n(b.summary.rows),
        filtered: n(b.rowsFiltered),
      }),
    );
  }

  if (plan.doNotCall) {
    const d = await applySuppression(ctx, { listSheet, suppression: plan.doNotCall });
    note(t(ctx.lang, 'dnc', { name: plan.doNotCall.name, suppressed: n(d.suppressed), kept: n(d.kept) }));
  }

  const files: ExportedFile[] = [];
  for (const e of plan.exports ?? []) {
    const r = await exportList(ctx, { ...e, listSheet });
    files.push(...r.files);
    note(t(ctx.lang, 'export', { format: e.format, rows: n(r.exported), files: r.files.length }));
  }

  return { listId: found.listId, listSheet, lines, files };
}
