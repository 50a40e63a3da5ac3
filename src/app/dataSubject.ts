/**
 * Data subject requests (rekisteröidyn pyynnöt) inside the workbook: find a person by phone,
 * email or name across every list (and the audit sheets, which hold people too), export what
 * is held (access and portability, CSV), and erase them. Erasure is real removal, not a move to
 * an audit sheet; their phone and email go to the workbook's do-not-contact list so the next
 * search leaves them out. The log keeps counts only: no name, and the phone/email only in
 * doNotContact, which exists to honour the request.
 */
import { displayHeader, typeOf } from '../core/columns/catalogue';
import { csvBytes, phoneColumnsOf, toCsv } from '../core/export/csv';
import { UserError } from '../core/errors';
import { defineMessages, type Lang } from '../core/i18n/lang';
import { listFromGrid, textAt, type ListTable } from '../core/list/listTable';
import { normalizeEmail } from '../core/normalize/email';
import { foldedTokens } from '../core/normalize/fold';
import { phoneKey } from '../core/normalize/phone';
import { emptyState, type ListState, type WorkbookState } from '../core/state/workbookState';
import type { CellValue } from '../core/workbook/cells';
import { makeTableName } from '../core/workbook/sheetNames';
import { tablePlan, type SheetPlan } from '../core/workbook/sheetPlan';
import { recordSteps, type ListEntry } from './processingLog';
import type { StepContext } from './stepContext';
import { renamedColumns } from './knownColumns';

const t = defineMessages({
  fi: {
    emptyQuery: 'Anna puhelinnumero, sähköpostiosoite tai nimi.',
    badPhone: '"{value}" ei ole puhelinnumero.',
    badEmail: '"{value}" ei ole sähköpostiosoite.',
    list: 'Lista',
    sheet: 'Taulukko',
    row: 'Rivi',
    sources: 'Lähteet',
  },
  en: {
    emptyQuery: 'Give a phone number, an email address or a name.',
    badPhone: '"{value}" is not a phone number.',
    badEmail: '"{value}" is not an email address.',
    list: 'List',
    sheet: 'Sheet',
    row: 'Row',
    sources: 'Sources',
  },
  sv: {
    emptyQuery: 'Ange ett telefonnummer, en e-postadress eller ett namn.',
    badPhone: '"{value}" är inte ett telefonnummer.',
    badEmail: '"{value}" är inte en e-postadress.',
    list: 'Lista',
    sheet: 'Blad',
    row: 'Rad',
    sources: 'Källor',
  },
});

export interface PersonQuery {
  phone?: string;
  email?: string;
  name?: string;
}

interface Keys {
  phone: string | null;
  email: string | null;
  /** Folded name parts, sorted: "Virtanen Matti" = "Matti Virtanen" = "matti virtanen". */
  name: string | null;
}

export interface PersonMatch {
  listId: string;
  listName: string;
  sheet: string;
  /** 'list' for the list sheet, 'audit' for its audit sheets (removed, suppressed, review). */
  sheetRole: 'list' | 'audit';
  /** Row number in the sheet as the user sees it. */
  rowNumber: number;
  keys: string[];
  headers: string[];
  row: CellValue[];
  matchedBy: ('phone' | 'email' | 'name')[];
}

function queryKeys(q: PersonQuery, lang: Lang): Keys {
  const phoneText = q.phone?.trim();
  const emailText = q.email?.trim();
  const nameText = q.name?.trim();
  if (!phoneText && !emailText && !nameText) throw new UserError(t(lang, 'emptyQuery'));
  const phone = phoneText ? phoneKey(phoneText) : null;
  if (phoneText && !phone) throw new UserError(t(lang, 'badPhone', { value: phoneText }));
  const email = emailText ? normalizeEmail(emailText) : null;
  if (emailText && !email) throw new UserError(t(lang, 'badEmail', { value: emailText }));
  return { phone, email, name: nameText ? nameKey(nameText) : null };
}

function nameKey(text: string): string | null {
  const parts = foldedTokens(text);
  return parts.length ? [...parts].sort().join(' ') : null;
}

/** The name of a row: first + last name, else the one-column name. */
function rowNameKey(list: ListTable, row: CellValue[]): string | null {
  const first = textAt(list, row, 'firstName');
  const last = textAt(list, row, 'lastName');
  const joined = first || last ? `${first} ${last}` : textAt(list, row, 'fullName');
  return joined ? nameKey(joined) : null;
}

function rowMatches(list: ListTable, row: CellValue[], q: Keys): PersonMatch['matchedBy'] {
  const by: PersonMatch['matchedBy'] = [];
  if (q.phone && list.keys.some((k, i) => typeOf(k) === 'phone' && phoneKey(row[i] as string | null) === q.phone)) by.push('phone');
  if (q.email && list.keys.some((k, i) => typeOf(k) === 'email' && normalizeEmail(row[i] as string | null) === q.email)) by.push('email');
  if (q.name && rowNameKey(list, row) === q.name) by.push('name');
  return by;
}

interface ScannedSheet {
  list: ListState;
  role: 'list' | 'audit';
  table: ListTable;
  tableName: string | undefined;
  hits: { index: number; matchedBy: PersonMatch['matchedBy'] }[];
}

async function scan(ctx: StepContext, state: WorkbookState, q: Keys): Promise<ScannedSheet[]> {
  const infos = new Map((await ctx.workbook.listSheets()).map((s) => [s.name.toLowerCase(), s]));
  const out: ScannedSheet[] = [];
  for (const list of state.lists) {
    if (list.deletedAt) continue;
    const sheets: [string, 'list' | 'audit'][] = [
      [list.sheets.list, 'list'],
      ...list.sheets.audit.map((a): [string, 'audit'] => [a, 'audit']),
    ];
    for (const [name, role] of sheets) {
      const info = infos.get(name.toLowerCase());
      if (!info) continue;
      const data = await ctx.workbook.readSheet(info.name, { signal: ctx.signal });
      const table = listFromGrid(data.name, data.headers, data.rows, renamedColumns(state, data.name, data.headers), data.firstDataRow);
      const hits: ScannedSheet['hits'] = [];
      table.rows.forEach((row, index) => {
        const matchedBy = rowMatches(table, row, q);
        if (matchedBy.length) hits.push({ index, matchedBy });
      });
      out.push({ list, role, table, tableName: info.tables[0]?.name, hits });
    }
  }
  return out;
}

function toMatches(scanned: ScannedSheet[]): PersonMatch[] {
  return scanned.flatMap((s) =>
    s.hits.map((h) => ({
      listId: s.list.id,
      listName: s.list.name,
      sheet: s.table.origin.name,
      sheetRole: s.role,
      rowNumber: s.table.origin.firstDataRow + h.index,
      keys: s.table.keys,
      headers: s.table.headers,
      row: s.table.rows[h.index]!,
      matchedBy: h.matchedBy,
    })),
  );
}

/** Finds a person's rows in every list of the workbook. Reads only; logs nothing. */
export async function findPerson(ctx: StepContext, query: PersonQuery): Promise<PersonMatch[]> {
  const q = queryKeys(query, ctx.lang);
  const state = (await ctx.workbook.readState()) ?? emptyState();
  return toMatches(await scan(ctx, state, q));
}

/** Everything held about the person as one CSV: list, sheet, row and every column found. */
export function personCsv(matches: PersonMatch[], state: WorkbookState | null, lang: Lang): string {
  const keys: string[] = [];
  for (const m of matches) for (const k of m.keys) if (!keys.includes(k)) keys.push(k);
  const headers = [t(lang, 'list'), t(lang, 'sheet'), t(lang, 'row'), t(lang, 'sources'), ...keys.map((k) => displayHeader(k, lang))];
  const rows = matches.map((m) => {
    const list = state?.lists.find((l) => l.id === m.listId);
    // Art. 15(1)(g): where the data came from.
    const sources = list?.sources.map((s) => `${s.name} (${s.controller})`).join('; ') ?? '';
    return [m.listName, m.sheet, m.rowNumber, sources, ...keys.map((k) => m.row[m.keys.indexOf(k)] ?? null)] as CellValue[];
  });
  const phones = new Set([...phoneColumnsOf(keys)].map((i) => i + 4));
  return toCsv(headers, rows, { delimiter: ';', bom: true, eol: '\r\n', neutralizeFormulas: true, phoneColumns: phones });
}

/** Access and portability: the person's rows as CSV bytes; the request is logged (counts only). */
export async function exportPerson(
  ctx: StepContext,
  query: PersonQuery,
): Promise<{ bytes: Uint8Array; rows: number; matches: PersonMatch[] }> {
  const q = queryKeys(query, ctx.lang);
  const state = (await ctx.workbook.readState()) ?? emptyState();
  const scanned = await scan(ctx, state, q);
  const matches = toMatches(scanned);
  const bytes = csvBytes(personCsv(matches, state, ctx.lang));
  const at = ctx.now().toISOString();
  const entries = perList(scanned).map(({ list, found }) => ({
    list,
    step: { step: 'dsrAccess' as const, at, rowsOut: found, params: { matchedBy: matchedByOf(q) }, contacted: [] },
  }));
  if (entries.length) await recordSteps(ctx, { state, entries });
  return { bytes, rows: matches.length, matches };
}

function matchedByOf(q: Keys): string {
  return (['phone', 'email', 'name'] as const).filter((k) => q[k]).join('+');
}

function perList(scanned: ScannedSheet[]): { list: ListState; found: number; sheets: ScannedSheet[] }[] {
  const by = new Map<string, { list: ListState; found: number; sheets: ScannedSheet[] }>();
  for (const s of scanned) {
    if (!s.hits.length) continue;
    const e = by.get(s.list.id) ?? { list: s.list, found: 0, sheets: [] };
    e.found += s.hits.length;
    e.sheets.push(s);
    by.set(s.list.id, e);
  }
  return [...by.values()];
}

/**
 * Erasure: removes the person's rows from every list and audit sheet, adds their phones and
 * emails (as asked and as found on the erased rows) to the do-not-contact list, logs counts.
 */
export async function erasePerson(ctx: StepContext, query: PersonQuery): Promise<{ erased: number; lists: number }> {
  const q = queryKeys(query, ctx.lang);
  const base = (await ctx.workbook.readState()) ?? emptyState();
  const state = structuredClone(base);
  const scanned = await scan(ctx, state, q);
  const writes: SheetPlan[] = [];
  const phones = new Set<string>(q.phone ? [q.phone] : []);
  const emails = new Set<string>(q.email ? [q.email] : []);
  for (const s of scanned) {
    if (!s.hits.length) continue;
    const erase = new Set(s.hits.map((h) => h.index));
    for (const i of erase) {
      const row = s.table.rows[i]!;
      s.table.keys.forEach((k, c) => {
        if (typeOf(k) === 'phone') {
          const p = phoneKey(row[c] as string | null);
          if (p) phones.add(p);
        } else if (typeOf(k) === 'email') {
          const e = normalizeEmail(row[c] as string | null);
          if (e) emails.add(e);
        }
      });
    }
    writes.push(
      tablePlan({
        name: s.table.origin.name,
        role: s.role,
        keys: s.table.keys,
        headers: s.table.headers,
        rows: s.table.rows.filter((_, i) => !erase.has(i)),
        // The person's rows are deleted from the table: references to them become #REF!, and
        // the others follow their rows.
        rowOrigins: s.table.rows.flatMap((_, i) => (erase.has(i) ? [] : [i])),
        columnOrigins: s.table.keys.map((_, c) => c),
        lang: ctx.lang,
        tableName: s.tableName ?? makeTableName(s.table.origin.name, []),
      }),
    );
  }
  for (const p of phones) if (!state.doNotContact.phones.includes(p)) state.doNotContact.phones.push(p);
  for (const e of emails) if (!state.doNotContact.emails.includes(e)) state.doNotContact.emails.push(e);

  const at = ctx.now().toISOString();
  const lists = perList(scanned);
  const entries: ListEntry[] = lists.map(({ list, found, sheets }) => {
    const listSheet = sheets.find((s) => s.role === 'list');
    const inList = listSheet?.hits.length ?? 0;
    return {
      list: state.lists.find((l) => l.id === list.id)!,
      step: {
        step: 'dsrErasure',
        at,
        rowsIn: listSheet ? listSheet.table.rows.length : undefined,
        rowsOut: listSheet ? listSheet.table.rows.length - inList : undefined,
        params: { matchedBy: matchedByOf(q), rowsErased: found, addedToDoNotContact: true },
        contacted: [],
      },
    };
  });
  await recordSteps(ctx, { state, entries, change: { write: writes } });
  return { erased: lists.reduce((n, l) => n + l.found, 0), lists: lists.length };
}
