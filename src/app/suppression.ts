/**
 * Do-not-call suppression as a step: read a do-not-call file (CSV, .xlsx or plain text, one
 * number per line), keep it in the workbook as a suppression sheet, move the list's matching
 * rows to an audit sheet with the reason, and record the list's name and date in the notes.
 */
import { UserError } from '../core/errors';
import type { Lang } from '../core/i18n/lang';
import { isExtraKey } from '../core/columns/catalogue';
import { alignRows, listFromGrid, listFromGridAs, type ListTable } from '../core/list/listTable';
import { emptyState, type ListState, type WorkbookState } from '../core/state/workbookState';
import {
  auditColumns,
  dncText,
  isPhoneHeader,
  normalizeDoNotCall,
  phoneColumns,
  phonesIn,
  splitBySuppression,
  type SuppressionSplit,
  suppressionSheetPlan,
  type DoNotCallEntry,
  type DoNotCallNumbers,
} from '../core/suppression/doNotCall';
import type { CellValue } from '../core/workbook/cells';
import { makeSheetName, makeTableName } from '../core/workbook/sheetNames';
import { tablePlan, type SheetPlan } from '../core/workbook/sheetPlan';
import { decodeText, detectDelimiter, parseCsvRecords } from '../sources/tabular/csvParse';
import { parseTabular } from '../sources/tabular/parseTabular';
import { findList, recordStep } from './processingLog';
import type { StepContext } from './stepContext';
import { renamedColumns } from './knownColumns';

export interface Suppression {
  /** "ASML 2026-11", "Omat kiellot" */
  name: string;
  /** Date of the do-not-call list (yyyy-mm-dd): the notes say how fresh the check was. */
  checkedAt: string;
  /** E.164 numbers. */
  phones: string[];
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Reads a do-not-call file. A header row ("Puhelin", "Numero") is recognised and skipped; every
 * phone-like column counts ("Puhelin;Matkapuhelin"), else the first column; without a header,
 * every column whose first line holds a number. Every number in a cell counts ("040… / 050…").
 * Invalid entries are reported with their line numbers; a file with no valid number is an error.
 */
export async function readDoNotCallFile(
  bytes: Uint8Array,
  fileName: string,
  lang: Lang = 'fi',
  /** Pauses between pieces of the normalizing (progress.ts `pauser`): 200,000 numbers took 0.75 s of CPU in one pass. */
  pause?: () => Promise<void> | undefined,
): Promise<DoNotCallNumbers> {
  let entries: DoNotCallEntry[];
  const hasNumber = (c: CellValue | undefined) => phonesIn(c).phones.length > 0;
  if (isZip(bytes)) {
    const table = await parseTabular(bytes, fileName);
    // A sheet without a header row: its "header" is itself the first line of numbers.
    const headerNumbers = table.headers.map((h) => hasNumber(h));
    const headerless = headerNumbers.some(Boolean);
    const cols = headerless ? indexesWhere(headerNumbers) : phoneLikeColumns(table.headers);
    entries = table.rows.flatMap((r, i) => cols.map((c) => ({ value: r[c], line: table.origin.firstDataRow + i })));
    if (headerless) entries.unshift(...cols.map((c) => ({ value: table.headers[c], line: table.origin.firstDataRow - 1 })));
  } else {
    const { text } = decodeText(bytes);
    const records = parseCsvRecords(text, detectDelimiter(text));
    const first = records.find((r) => r.some((c) => c.trim() !== ''));
    let cols = [0];
    let skip = -1;
    if (first && !first.some(hasNumber)) {
      // A header: take its phone columns ("Puhelinnumero", "Matkapuhelin"), else the first column.
      cols = phoneLikeColumns(first.map((c) => c.trim() || '-'));
      skip = records.indexOf(first);
    } else if (first) {
      cols = indexesWhere(first.map(hasNumber));
    }
    entries = records.flatMap((r, i) => (i === skip ? [] : cols.map((c) => ({ value: r[c], line: i + 1 }))));
  }
  const numbers = pause ? await normalizeInPieces(entries, pause) : normalizeDoNotCall(entries);
  if (numbers.phones.length === 0) throw new UserError(dncText(lang, 'noNumbers'), { file: fileName });
  return numbers;
}

/** normalizeDoNotCall in pieces of 5,000 entries: the same numbers in the same order (each kept at its first sight). */
async function normalizeInPieces(entries: readonly DoNotCallEntry[], pause: () => Promise<void> | undefined): Promise<DoNotCallNumbers> {
  const seen = new Set<string>();
  const out: DoNotCallNumbers = { phones: [], invalid: [], read: 0 };
  for (let from = 0; from < entries.length; from += 5000) {
    const part = normalizeDoNotCall(entries.slice(from, from + 5000));
    for (const p of part.phones) {
      if (seen.has(p)) continue;
      seen.add(p);
      out.phones.push(p);
    }
    for (const bad of part.invalid) out.invalid.push(bad);
    out.read += part.read;
    await pause();
  }
  return out;
}

function indexesWhere(flags: readonly boolean[]): number[] {
  return flags.flatMap((f, i) => (f ? [i] : []));
}

/** The phone-like columns of a header, or the first column when none is named like a phone. */
function phoneLikeColumns(headers: readonly string[]): number[] {
  const cols = indexesWhere(headers.map(isPhoneHeader));
  return cols.length ? cols : [0];
}

export interface SuppressedList {
  kept: ListTable;
  /** Where each kept row is in the list (its index). */
  keptIndexes: number[];
  /** The moved rows: every list column + removedAt, removedBy, removedReason. */
  suppressed: ListTable;
}

/** The pure core of the step, also used by `rajaus dnc` on files. */
export function suppressList(list: ListTable, suppression: Suppression, at: Date, lang: Lang): SuppressedList {
  if (phoneColumns(list).length === 0) throw new UserError(dncText(lang, 'noPhoneColumn'), { file: list.origin.name });
  return suppressedListOf(list, splitBySuppression(list, new Set(suppression.phones)), suppression, at, lang);
}

/**
 * suppressList with `pause()` (progress.ts `pauser`) between pieces of 5,000 rows: the same
 * result (each row is checked on its own), and a Ctrl-C is heard on a big list.
 */
export async function suppressListInPieces(
  list: ListTable,
  suppression: Suppression,
  at: Date,
  lang: Lang,
  pause: () => Promise<void> | undefined,
): Promise<SuppressedList> {
  if (phoneColumns(list).length === 0) throw new UserError(dncText(lang, 'noPhoneColumn'), { file: list.origin.name });
  const phones = new Set(suppression.phones);
  const split: SuppressionSplit = { kept: [], keptIndexes: [], suppressed: [] };
  for (let from = 0; from < list.rows.length; from += 5000) {
    const part = splitBySuppression({ keys: list.keys, rows: list.rows.slice(from, from + 5000) }, phones);
    for (const r of part.kept) split.kept.push(r);
    for (const i of part.keptIndexes) split.keptIndexes.push(from + i);
    for (const s of part.suppressed) split.suppressed.push(s);
    await pause();
  }
  // The audit rows (a reason in words each) in pieces too: 200,000 of them were 0.5 s of CPU.
  const rows: CellValue[][] = [];
  for (let from = 0; from < split.suppressed.length; from += 5000) {
    const part = { kept: [], keptIndexes: [], suppressed: split.suppressed.slice(from, from + 5000) };
    for (const r of suppressedListOf(list, part, suppression, at, lang).suppressed.rows) rows.push(r);
    await pause();
  }
  const whole = suppressedListOf(list, { ...split, suppressed: [] }, suppression, at, lang);
  return { ...whole, suppressed: { ...whole.suppressed, rows } };
}

function suppressedListOf(list: ListTable, split: SuppressionSplit, suppression: Suppression, at: Date, lang: Lang): SuppressedList {
  const audit = auditColumns(list, lang);
  const stepName = dncText(lang, 'stepName');
  const rows = split.suppressed.map(({ row, phone }) => {
    const out: CellValue[] = [...row];
    while (out.length < audit.keys.length) out.push(null);
    out[audit.at[0]!] = at.toISOString();
    out[audit.at[1]!] = stepName;
    out[audit.at[2]!] = dncText(lang, 'reason', { phone, name: suppression.name, checkedAt: suppression.checkedAt });
    return out;
  });
  return {
    kept: { ...list, rows: split.kept },
    keptIndexes: split.keptIndexes,
    suppressed: { keys: audit.keys, headers: audit.headers, rows, origin: list.origin },
  };
}

/** Reads a list sheet as a ListTable, with its table name for writing it back. */
export async function readListSheet(
  ctx: StepContext,
  sheet: string,
  /** A sheet Rajaus wrote from these columns: its columns are read as these keys. */
  like?: Pick<ListTable, 'keys' | 'headers'>,
  /** The workbook's state: columns of Rajaus's the user renamed keep their keys (knownColumns.ts). */
  state?: WorkbookState | null,
): Promise<{ list: ListTable; tableName: string | undefined }> {
  const infos = await ctx.workbook.listSheets();
  const info = infos.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
  if (!info) throw new UserError(dncText(ctx.lang, 'noSheet'), { file: sheet });
  const data = await ctx.workbook.readSheet(info.name, { signal: ctx.signal, progress: ctx.progress });
  const list = like
    ? listFromGridAs(data.name, data.headers, data.rows, like, data.firstDataRow)
    : listFromGrid(data.name, data.headers, data.rows, renamedColumns(state, data.name, data.headers), data.firstDataRow);
  return { list, tableName: info.tables[0]?.name };
}

export async function applySuppression(
  ctx: StepContext,
  args: { listSheet: string; suppression: Suppression },
): Promise<{ list: ListState; kept: number; suppressed: number; auditSheet: string | null }> {
  const { lang } = ctx;
  const now = ctx.now();
  const state = structuredClone((await ctx.workbook.readState()) ?? emptyState());
  const sheetNames = (await ctx.workbook.listSheets()).map((s) => s.name);
  const { list: table, tableName } = await readListSheet(ctx, args.listSheet, undefined, state);
  const existing = findList(state, { listSheet: table.origin.name });
  const result = suppressList(table, args.suppression, now, lang);
  const taken = new Set(sheetNames.map((n) => n.toLowerCase()));
  const writes: SheetPlan[] = [];

  writes.push(
    tablePlan({
      name: table.origin.name,
      role: 'list',
      keys: table.keys,
      headers: table.headers,
      rows: result.kept.rows,
      // The suppressed rows are deleted from the table; references follow the others.
      rowOrigins: result.keptIndexes,
      columnOrigins: table.keys.map((_, c) => c),
      lang,
      tableName: tableName ?? makeTableName(table.origin.name, []),
    }),
  );

  // Moved rows go to the list's own do-not-call audit sheet; a later check appends to it.
  let auditSheet: string | null = null;
  if (result.suppressed.rows.length > 0) {
    const base = `${dncText(lang, 'auditPrefix')} – ${table.origin.name}`;
    const reuse = existing?.sheets.audit.find(
      (n) => n.toLowerCase() === makeSheetName(base, []).toLowerCase() && taken.has(n.toLowerCase()),
    );
    auditSheet = reuse ?? makeSheetName(base, taken);
    let rows = result.suppressed.rows;
    let keys = result.suppressed.keys;
    let headers = result.suppressed.headers;
    if (reuse) {
      const before = await readListSheet(ctx, reuse, result.suppressed);
      // Earlier moved rows stay; new ones follow, aligned by column name (else key).
      keys = [...before.list.keys];
      headers = [...before.list.headers];
      const names = new Set(headers.map((h) => h.trim().toLowerCase()));
      for (let i = 0; i < result.suppressed.keys.length; i++) {
        const h = result.suppressed.headers[i]!;
        const k = result.suppressed.keys[i]!;
        if (!names.has(h.trim().toLowerCase()) && (isExtraKey(k) || !keys.includes(k))) {
          keys.push(k);
          headers.push(h);
          names.add(h.trim().toLowerCase());
        }
      }
      rows = [...alignRows(before.list, { keys, headers }), ...alignRows(result.suppressed, { keys, headers })];
    }
    writes.push(tablePlan({ name: auditSheet, role: 'audit', keys, headers, rows, lang, tableName: makeTableName(auditSheet, []) }));
  }

  // The do-not-call list itself is kept in the workbook, once per name.
  const known = state.suppressionLists.find((s) => s.name === args.suppression.name);
  const dncSheet = known?.sheet ?? makeSheetName(`${dncText(lang, 'sheetPrefix')} ${args.suppression.name}`, taken);
  taken.add(dncSheet.toLowerCase());
  writes.push(
    suppressionSheetPlan({
      name: dncSheet,
      phones: args.suppression.phones,
      lang,
      tableName: makeTableName(`DNC_${args.suppression.name}`, []),
    }),
  );
  const entry = {
    name: args.suppression.name,
    checkedAt: args.suppression.checkedAt,
    sheet: dncSheet,
    count: args.suppression.phones.length,
  };
  if (known) Object.assign(known, entry);
  else state.suppressionLists.push(entry);

  const list = await recordStep(ctx, {
    listSheet: table.origin.name,
    step: {
      step: 'dnc',
      at: now.toISOString(),
      rowsIn: table.rows.length,
      rowsOut: result.kept.rows.length,
      rowsMoved: result.suppressed.rows.length,
      params: { name: args.suppression.name, checkedAt: args.suppression.checkedAt, numbers: args.suppression.phones.length, auditSheet },
      contacted: [],
    },
    change: { write: writes, state },
  });
  return { list, kept: result.kept.rows.length, suppressed: result.suppressed.rows.length, auditSheet };
}
