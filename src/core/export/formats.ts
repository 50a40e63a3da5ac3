/**
 * Export formats (step 5): what goes into a dialer's contact list, a dialer's blacklist and a
 * mailing, and which rows may go at all. Pure: the use case (src/app/exportList.ts) reads the
 * list and the workbook state, and turns the parts into files or a sheet.
 *
 * - LeadDesk contact list: UTF-8 with BOM, phone in E.164 first, then name, company, address,
 *   postal code, city and the user's custom fields; split into files under 10 MB (LeadDesk's
 *   upload limit).
 * - Generic dialer CSV: `;` or `,`, CRLF, BOM, the chosen columns in the chosen order.
 * - Do-not-call list for a dialer blacklist: E.164 in the first column, ≤ 70,000 rows a file.
 * - Mailing labels in Posti's address order: name, company, street, "00100 HELSINKI".
 *
 * Only exportable rows leave: a valid phone for dialer formats, nobody on the workbook's
 * do-not-contact list, no demo data unless allowed. Every other row is counted with its reason.
 * Dialers match numbers by exact string, so every phone goes out in E.164.
 */
import { normalizeHeader } from '../columns/headerMapping';
import { displayHeader, headerOf } from '../columns/catalogue';
import { UserError } from '../errors';
import type { Lang } from '../i18n/lang';
import type { ListTable } from '../list/listTable';
import { normalizeEmail } from '../normalize/email';
import { normalizePhone } from '../normalize/phone';
import type { CellValue } from '../workbook/cells';
import type { SheetPlan } from '../workbook/sheetPlan';
import { csvLine, BOM, neutralizeFormula, type CsvDelimiter, type CsvOptions } from './csv';
import { t } from './messages';

export type ExportFormat = 'leaddesk' | 'csv' | 'dnc' | 'mailing';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['leaddesk', 'csv', 'dnc', 'mailing'];

/** LeadDesk's upload limit is 10 MB a file; stay strictly under 10,000,000 bytes. */
export const LEADDESK_MAX_BYTES = 10_000_000;
/** LeadDesk's blacklist import takes at most 70,000 rows a file. */
export const DNC_MAX_ROWS = 70_000;

export type SkipCode = 'emptyRow' | 'demo' | 'suppressed' | 'noPhone' | 'invalidPhone' | 'duplicate' | 'incompleteAddress';

export interface SkipCount {
  code: SkipCode;
  /** The reason in words, in the export's language. */
  reason: string;
  count: number;
}

export interface ExportOptions {
  format: ExportFormat;
  lang: Lang;
  /** Generic CSV: the columns and their order; LeadDesk: the custom fields. Keys or headers. */
  columns?: readonly string[];
  /** Generic CSV (and LeadDesk, if given): default `;`, Finnish Excel's separator. */
  delimiter?: ',' | ';';
  allowDemo?: boolean;
  /** The workbook's do-not-contact list: E.164 phones and lower-case emails. */
  doNotContact?: { phones: readonly string[]; emails: readonly string[] };
  /** Splits (tests make them small). */
  maxBytes?: number;
  maxRows?: number;
}

/** One export as a table (what a sheet shows) and as CSV parts (what files hold). */
export interface ExportResult {
  format: ExportFormat;
  headers: string[];
  rows: CellValue[][];
  /** Column indexes holding E.164 phones (exempt from formula neutralization). */
  phoneColumns: Set<number>;
  csvOptions: CsvOptions;
  /** The CSV text of each file, in order; one part unless the format splits. */
  parts: { csv: string; rows: number }[];
  skipped: SkipCount[];
  exported: number;
  rowsIn: number;
}

/** Rows whose source says they are fictional demo data ("Demohakemisto (kuvitteellinen)"). */
export function isDemoRow(list: Pick<ListTable, 'keys'>, row: readonly CellValue[]): boolean {
  const i = list.keys.indexOf('source');
  if (i < 0) return false;
  const v = row[i];
  return typeof v === 'string' && /demo/i.test(v);
}

function text(list: Pick<ListTable, 'keys'>, row: readonly CellValue[], key: string): string {
  const i = list.keys.indexOf(key);
  if (i < 0) return '';
  const v = row[i];
  return v === null || v === undefined ? '' : String(v).trim();
}

function personName(list: Pick<ListTable, 'keys'>, row: readonly CellValue[]): string {
  const full = text(list, row, 'fullName');
  if (full) return full;
  return [text(list, row, 'firstName'), text(list, row, 'lastName')].filter(Boolean).join(' ');
}

/** Resolves a column given by key ("extra:Asiakasnumero", "phone") or by header ("Puhelin"). */
export function resolveColumn(list: Pick<ListTable, 'keys' | 'headers'>, spec: string, lang: Lang): number {
  const exact = list.keys.indexOf(spec);
  if (exact >= 0) return exact;
  const wanted = normalizeHeader(spec);
  const byHeader = list.headers.findIndex((h) => normalizeHeader(h) === wanted);
  if (byHeader >= 0) return byHeader;
  const byOwn = list.keys.findIndex((k) => normalizeHeader(displayHeader(k, lang)) === wanted);
  if (byOwn >= 0) return byOwn;
  throw new UserError(t(lang, 'unknownColumn', { column: spec, columns: list.headers.join(', ') }));
}

class Skips {
  private counts = new Map<SkipCode, number>();
  add(code: SkipCode): void {
    this.counts.set(code, (this.counts.get(code) ?? 0) + 1);
  }
  list(lang: Lang): SkipCount[] {
    return [...this.counts].map(([code, count]) => ({ code, reason: t(lang, code), count }));
  }
}

interface Selected {
  row: CellValue[];
  e164: string | null;
}

/** Applies the export rules row by row; rows that may not go are counted, never dropped silently. */
function selectRows(list: ListTable, opts: ExportOptions, skips: Skips): Selected[] {
  const dialer = opts.format !== 'mailing';
  const phoneIdx = list.keys.indexOf('phone');
  if (dialer && phoneIdx < 0) throw new UserError(t(opts.lang, 'noPhoneColumn'), { file: list.origin.name });
  const emailIdx = list.keys.indexOf('email');
  const suppressedPhones = new Set(opts.doNotContact?.phones ?? []);
  const suppressedEmails = new Set((opts.doNotContact?.emails ?? []).map((e) => e.toLowerCase()));
  const seen = new Set<string>();
  const out: Selected[] = [];
  for (const row of list.rows) {
    if (row.every((v) => v === null || v === undefined || String(v).trim() === '')) {
      skips.add('emptyRow');
      continue;
    }
    if (!opts.allowDemo && isDemoRow(list, row)) {
      skips.add('demo');
      continue;
    }
    const rawPhone = phoneIdx >= 0 ? row[phoneIdx] : null;
    const phone = normalizePhone(rawPhone === null || rawPhone === undefined ? null : String(rawPhone));
    const e164 = phone.valid ? phone.e164 : null;
    // A blacklist is made of the people who objected: suppression does not apply to it.
    if (opts.format !== 'dnc') {
      const email = emailIdx >= 0 ? normalizeEmail(row[emailIdx] as string | null) : null;
      if ((e164 && suppressedPhones.has(e164)) || (email && suppressedEmails.has(email))) {
        skips.add('suppressed');
        continue;
      }
    }
    if (dialer) {
      if (rawPhone === null || rawPhone === undefined || String(rawPhone).trim() === '') {
        skips.add('noPhone');
        continue;
      }
      if (!e164) {
        skips.add('invalidPhone');
        continue;
      }
    }
    if (opts.format === 'dnc') {
      if (seen.has(e164!)) {
        skips.add('duplicate');
        continue;
      }
      seen.add(e164!);
    }
    if (opts.format === 'mailing') {
      if (
        !text(list, row, 'streetAddress') ||
        !text(list, row, 'postalCode') ||
        !(text(list, row, 'postOffice') || text(list, row, 'municipality'))
      ) {
        skips.add('incompleteAddress');
        continue;
      }
    }
    out.push({ row, e164 });
  }
  return out;
}

interface Shaped {
  headers: string[];
  rows: CellValue[][];
  phoneColumns: Set<number>;
}

function shapeLeadDesk(list: ListTable, selected: Selected[], opts: ExportOptions): Shaped {
  const lang = opts.lang;
  const fixedKeys = ['phone', 'fullName', 'companyName', 'streetAddress', 'postalCode', 'postOffice'];
  const custom = (opts.columns ?? [])
    .map((c) => resolveColumn(list, c, lang))
    .filter((i, n, all) => all.indexOf(i) === n)
    .filter(
      (i) =>
        !['phone', 'fullName', 'firstName', 'lastName', 'companyName', 'streetAddress', 'postalCode', 'postOffice'].includes(list.keys[i]!),
    );
  const headers = [...fixedKeys.map((k) => headerOf(k, lang)), ...custom.map((i) => list.headers[i]!)];
  const rows = selected.map(({ row, e164 }) => [
    e164,
    personName(list, row) || null,
    text(list, row, 'companyName') || null,
    text(list, row, 'streetAddress') || null,
    text(list, row, 'postalCode') || null,
    text(list, row, 'postOffice') || text(list, row, 'municipality') || null,
    ...custom.map((i) => row[i] ?? null),
  ]);
  return { headers, rows, phoneColumns: new Set([0]) };
}

function shapeGeneric(list: ListTable, selected: Selected[], opts: ExportOptions): Shaped {
  let idx = opts.columns?.length ? opts.columns.map((c) => resolveColumn(list, c, opts.lang)) : list.keys.map((_, i) => i);
  idx = idx.filter((i, n, all) => all.indexOf(i) === n);
  const phoneIdx = list.keys.indexOf('phone');
  // A dialer file without the number to dial is of no use: the phone goes first if not chosen.
  if (!idx.includes(phoneIdx)) idx = [phoneIdx, ...idx];
  const headers = idx.map((i) => list.headers[i]!);
  const phoneColumns = new Set<number>();
  idx.forEach((i, n) => {
    if (i === phoneIdx) phoneColumns.add(n);
  });
  const rows = selected.map(({ row, e164 }) => idx.map((i) => (i === phoneIdx ? e164 : (row[i] ?? null))));
  return { headers, rows, phoneColumns };
}

function shapeDnc(selected: Selected[], opts: ExportOptions): Shaped {
  return { headers: [headerOf('phone', opts.lang)], rows: selected.map((s) => [s.e164]), phoneColumns: new Set([0]) };
}

/** "00100" + "Helsinki" → "00100 HELSINKI" (Posti: post office in capitals). */
export function postalLine(postalCode: string, postOffice: string): string {
  return `${postalCode} ${postOffice.toLocaleUpperCase('fi-FI')}`.trim();
}

/** The label's lines in Posti's order; empty lines (no person, no company) left out. */
export function labelLines(list: Pick<ListTable, 'keys'>, row: readonly CellValue[]): string[] {
  const office = text(list, row, 'postOffice') || text(list, row, 'municipality');
  return [
    personName(list, row),
    text(list, row, 'companyName'),
    text(list, row, 'streetAddress'),
    postalLine(text(list, row, 'postalCode'), office),
  ].filter(Boolean);
}

function shapeMailing(list: ListTable, selected: Selected[], opts: ExportOptions): Shaped {
  const lang = opts.lang;
  const headers = [headerOf('fullName', lang), headerOf('companyName', lang), headerOf('streetAddress', lang), t(lang, 'postalLine')];
  const rows = selected.map(({ row }) => [
    personName(list, row) || null,
    text(list, row, 'companyName') || null,
    text(list, row, 'streetAddress') || null,
    postalLine(text(list, row, 'postalCode'), text(list, row, 'postOffice') || text(list, row, 'municipality')),
  ]);
  return { headers, rows, phoneColumns: new Set() };
}

/** Bytes of a string in UTF-8, without encoding it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Splits into CSV files, each with BOM and header, by rows and by bytes: a file is closed
 * before a row would take it to `maxBytes` or past `maxRows`.
 */
export function splitCsv(
  headers: string[],
  rows: CellValue[][],
  opts: CsvOptions,
  limits: { maxBytes?: number; maxRows?: number },
): { csv: string; rows: number }[] {
  const head = (opts.bom ? BOM : '') + csvLine(headers, { ...opts, phoneColumns: undefined }) + opts.eol;
  const headBytes = utf8Length(head);
  const maxBytes = limits.maxBytes ?? Infinity;
  const maxRows = limits.maxRows ?? Infinity;
  const parts: { csv: string; rows: number }[] = [];
  let lines: string[] = [];
  let bytes = headBytes;
  const flush = () => {
    parts.push({ csv: head + lines.join(''), rows: lines.length });
    lines = [];
    bytes = headBytes;
  };
  for (const row of rows) {
    const line = csvLine(row, opts) + opts.eol;
    const len = utf8Length(line);
    if (lines.length > 0 && (bytes + len >= maxBytes || lines.length >= maxRows)) flush();
    if (headBytes + len >= maxBytes) throw new UserError(`one row alone is larger than the file size limit (${maxBytes} bytes)`);
    lines.push(line);
    bytes += len;
  }
  if (lines.length > 0 || parts.length === 0) flush();
  return parts;
}

/** Builds an export of `list` in the chosen format. */
export function buildExport(list: ListTable, opts: ExportOptions): ExportResult {
  const skips = new Skips();
  const selected = selectRows(list, opts, skips);
  const shaped =
    opts.format === 'leaddesk'
      ? shapeLeadDesk(list, selected, opts)
      : opts.format === 'csv'
        ? shapeGeneric(list, selected, opts)
        : opts.format === 'dnc'
          ? shapeDnc(selected, opts)
          : shapeMailing(list, selected, opts);
  const delimiter: CsvDelimiter = opts.delimiter ?? ';';
  const csvOptions: CsvOptions = {
    delimiter,
    bom: true,
    eol: '\r\n',
    neutralizeFormulas: true,
    phoneColumns: shaped.phoneColumns,
    // Finnish Excel reads `;` files with a decimal comma.
    decimalComma: delimiter === ';',
  };
  const limits =
    opts.format === 'leaddesk'
      ? { maxBytes: opts.maxBytes ?? LEADDESK_MAX_BYTES, maxRows: opts.maxRows }
      : opts.format === 'dnc'
        ? { maxRows: opts.maxRows ?? DNC_MAX_ROWS, maxBytes: opts.maxBytes }
        : { maxBytes: opts.maxBytes, maxRows: opts.maxRows };
  const parts = splitCsv(shaped.headers, shaped.rows, csvOptions, limits);
  return {
    format: opts.format,
    headers: shaped.headers,
    rows: shaped.rows,
    phoneColumns: shaped.phoneColumns,
    csvOptions,
    parts,
    skipped: skips.list(opts.lang),
    exported: shaped.rows.length,
    rowsIn: list.rows.length,
  };
}

/**
 * Mailing labels (the rows of a 'mailing' export) as a printable sheet: three labels across (the common A4 3 × 8 sheet), each
 * label one wrapped cell with its lines in Posti's order. Portrait, fit to page width.
 */
export function labelsSheetPlan(mailing: Pick<ExportResult, 'rows'>, args: { name: string; lang: Lang; across?: number }): SheetPlan {
  const across = args.across ?? 3;
  const label = t(args.lang, 'label');
  const columns = Array.from({ length: across }, (_, i) => ({
    key: `extra:${label} ${i + 1}`,
    header: `${label} ${i + 1}`,
    type: 'text' as const,
    numberFormat: '@',
    width: 34,
  }));
  const rows: CellValue[][] = [];
  for (let i = 0; i < mailing.rows.length; i += across) {
    const r: CellValue[] = [];
    for (let j = 0; j < across; j++) {
      const row = mailing.rows[i + j];
      // The mailing rows are already the label's lines in Posti's order.
      r.push(row ? row.filter((v) => v !== null && v !== '').join('\n') : null);
    }
    rows.push(r);
  }
  return {
    name: args.name,
    role: 'labels',
    columns,
    rows,
    layout: 'document',
    freezeHeader: false,
    rowStyles: rows.map(() => 'normal'),
    print: { orientation: 'portrait', repeatHeaderRow: false, fitToWidth: true },
  };
}

/**
 * An export as a sheet for "Save As CSV" where the host blocks downloads: every column text
 * (so E.164 numbers and postal codes survive), the file's header and rows as they are.
 */
/**
 * The export as a sheet, for hosts that block downloads: the user saves it with Save As CSV,
 * so its cells hold exactly what the CSV file would (formula-looking text neutralized, E.164
 * phones in phone columns as they are). A CSV saved from Excel must be as safe as ours.
 */
export function exportSheetPlan(
  result: Pick<ExportResult, 'headers' | 'rows'> & Partial<Pick<ExportResult, 'phoneColumns'>>,
  args: { name: string; tableName: string },
): SheetPlan {
  const phones = result.phoneColumns ?? new Set<number>();
  const cell = (v: CellValue | undefined, i: number): CellValue => {
    if (v === null || v === undefined) return null;
    const text = String(v);
    return phones.has(i) && /^\+\d{7,15}$/.test(text) ? text : neutralizeFormula(text);
  };
  return {
    name: args.name,
    role: 'export',
    columns: result.headers.map((h, i) => ({
      key: `extra:${h || `Column ${i + 1}`}`,
      header: h,
      type: 'text',
      numberFormat: '@',
      width: Math.min(40, Math.max(10, h.length + 4)),
    })),
    rows: result.rows.map((r) => r.map(cell)),
    layout: 'table',
    tableName: args.tableName,
    freezeHeader: true,
    print: { orientation: 'landscape', repeatHeaderRow: true, fitToWidth: true },
  };
}
