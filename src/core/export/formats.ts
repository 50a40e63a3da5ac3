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
 * - Mailing labels in Posti's address order: name, company, the address's extra line (c/o, a
 *   building) when the list has one, street, "00100 HELSINKI".
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
import { phoneKey } from '../normalize/phone';
import { parseAddressLine2, parseStreetAddress } from '../normalize/address';
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

/** The columns of a list an export reads: what ExportShaper needs before the first row. */
export type ExportHead = Pick<ListTable, 'keys' | 'headers' | 'origin'>;

/** The format's file limits: LeadDesk's bytes, a blacklist's rows, or what the options say. */
function limitsOf(opts: ExportOptions): { maxBytes?: number; maxRows?: number } {
  return opts.format === 'leaddesk'
    ? { maxBytes: opts.maxBytes ?? LEADDESK_MAX_BYTES, maxRows: opts.maxRows }
    : opts.format === 'dnc'
      ? { maxRows: opts.maxRows ?? DNC_MAX_ROWS, maxBytes: opts.maxBytes }
      : { maxBytes: opts.maxBytes, maxRows: opts.maxRows };
}

/**
 * An export one row at a time: the export rules (which rows may go) and the format's shape,
 * applied to each list row as it is read, so that a million-row list is never held whole
 * (the CLI streams it from the file to the output). buildExport is this over a whole table.
 * Rows that may not go are counted with their reason, never dropped silently.
 */
export class ExportShaper {
  readonly headers: string[];
  /** Column indexes holding E.164 phones (exempt from formula neutralization). */
  readonly phoneColumns: Set<number>;
  readonly csvOptions: CsvOptions;
  readonly limits: { maxBytes?: number; maxRows?: number };
  rowsIn = 0;
  exported = 0;
  private readonly skips = new Skips();
  private readonly dialer: boolean;
  private readonly phoneIdx: number;
  private readonly emailIdx: number;
  private readonly sourceIdx: number;
  private readonly suppressedPhones: Set<string>;
  private readonly suppressedEmails: Set<string>;
  /** A blacklist's numbers so far (each goes once). */
  private readonly seen = new Set<string>();
  private readonly shapeRow: (row: readonly CellValue[], e164: string | null) => CellValue[];
  /** Reads a text column of a row by key ('' when absent or blank), by index looked up once. */
  private readonly text: (row: readonly CellValue[], key: string) => string;

  constructor(
    private readonly head: ExportHead,
    private readonly opts: ExportOptions,
  ) {
    this.dialer = opts.format !== 'mailing';
    this.phoneIdx = head.keys.indexOf('phone');
    if (this.dialer && this.phoneIdx < 0) throw new UserError(t(opts.lang, 'noPhoneColumn'), { file: head.origin.name });
    this.emailIdx = head.keys.indexOf('email');
    this.sourceIdx = head.keys.indexOf('source');
    this.suppressedPhones = new Set(opts.doNotContact?.phones ?? []);
    this.suppressedEmails = new Set((opts.doNotContact?.emails ?? []).map((e) => e.toLowerCase()));
    const at = new Map<string, number>();
    head.keys.forEach((k, i) => {
      if (!at.has(k)) at.set(k, i);
    });
    this.text = (row, key) => {
      const i = at.get(key);
      if (i === undefined) return '';
      const v = row[i];
      return v === null || v === undefined ? '' : String(v).trim();
    };
    const shaped =
      opts.format === 'leaddesk'
        ? this.leadDesk()
        : opts.format === 'csv'
          ? this.generic()
          : opts.format === 'dnc'
            ? {
                headers: [headerOf('phone', opts.lang)],
                phoneColumns: new Set([0]),
                row: (_: readonly CellValue[], e164: string | null) => [e164],
              }
            : this.mailing();
    this.headers = shaped.headers;
    this.phoneColumns = shaped.phoneColumns;
    this.shapeRow = shaped.row;
    const delimiter: CsvDelimiter = opts.delimiter ?? ';';
    this.csvOptions = {
      delimiter,
      bom: true,
      eol: '\r\n',
      neutralizeFormulas: true,
      phoneColumns: shaped.phoneColumns,
      // Finnish Excel reads `;` files with a decimal comma.
      decimalComma: delimiter === ';',
    };
    this.limits = limitsOf(opts);
  }

  /** The row as the export has it, or null when it may not go (counted with its reason). */
  shape(row: readonly CellValue[]): CellValue[] | null {
    this.rowsIn++;
    const e164 = this.select(row);
    if (e164 === undefined) return null;
    this.exported++;
    return this.shapeRow(row, e164);
  }

  skipped(): SkipCount[] {
    return this.skips.list(this.opts.lang);
  }

  /** The export rules: undefined when the row may not go, else its E.164 phone (or null). */
  private select(row: readonly CellValue[]): string | null | undefined {
    const { opts, skips } = this;
    if (row.every((v) => v === null || v === undefined || String(v).trim() === '')) {
      skips.add('emptyRow');
      return undefined;
    }
    if (!opts.allowDemo && this.sourceIdx >= 0) {
      const v = row[this.sourceIdx];
      if (typeof v === 'string' && /demo/i.test(v)) {
        skips.add('demo');
        return undefined;
      }
    }
    const rawPhone = this.phoneIdx >= 0 ? row[this.phoneIdx] : null;
    // Only a dialer format or a do-not-contact phone needs the number parsed (mailing labels
    // carry no phone). phoneKey: E.164 of a valid number, else null, as normalizePhone says,
    // with a fast path for the common Finnish spellings (libphonenumber costs ~20 µs a number).
    const e164 =
      this.dialer || this.suppressedPhones.size > 0
        ? phoneKey(rawPhone === null || rawPhone === undefined ? null : String(rawPhone))
        : null;
    // A blacklist is made of the people who objected: suppression does not apply to it.
    if (opts.format !== 'dnc') {
      const email = this.emailIdx >= 0 ? normalizeEmail(row[this.emailIdx] as string | null) : null;
      if ((e164 && this.suppressedPhones.has(e164)) || (email && this.suppressedEmails.has(email))) {
        skips.add('suppressed');
        return undefined;
      }
    }
    if (this.dialer) {
      if (rawPhone === null || rawPhone === undefined || String(rawPhone).trim() === '') {
        skips.add('noPhone');
        return undefined;
      }
      if (!e164) {
        skips.add('invalidPhone');
        return undefined;
      }
    }
    if (opts.format === 'dnc') {
      if (this.seen.has(e164!)) {
        skips.add('duplicate');
        return undefined;
      }
      this.seen.add(e164!);
    }
    if (opts.format === 'mailing') {
      if (
        !postalAddressLines(this.text(row, 'streetAddress'), this.text(row, 'addressLine2')).street ||
        !this.text(row, 'postalCode') ||
        !(this.text(row, 'postOffice') || this.text(row, 'municipality'))
      ) {
        skips.add('incompleteAddress');
        return undefined;
      }
    }
    return e164;
  }

  private personName(row: readonly CellValue[]): string {
    const full = this.text(row, 'fullName');
    if (full) return full;
    return [this.text(row, 'firstName'), this.text(row, 'lastName')].filter(Boolean).join(' ');
  }

  private leadDesk() {
    const { head, opts } = this;
    const lang = opts.lang;
    const fixedKeys = ['phone', 'fullName', 'companyName', 'streetAddress', 'postalCode', 'postOffice'];
    const custom = (opts.columns ?? [])
      .map((c) => resolveColumn(head, c, lang))
      .filter((i, n, all) => all.indexOf(i) === n)
      .filter(
        (i) =>
          !['phone', 'fullName', 'firstName', 'lastName', 'companyName', 'streetAddress', 'postalCode', 'postOffice'].includes(
            head.keys[i]!,
          ),
      );
    return {
      headers: [...fixedKeys.map((k) => headerOf(k, lang)), ...custom.map((i) => head.headers[i]!)],
      phoneColumns: new Set([0]),
      row: (row: readonly CellValue[], e164: string | null): CellValue[] => [
        e164,
        this.personName(row) || null,
        this.text(row, 'companyName') || null,
        this.text(row, 'streetAddress') || null,
        this.text(row, 'postalCode') || null,
        this.text(row, 'postOffice') || this.text(row, 'municipality') || null,
        ...custom.map((i) => row[i] ?? null),
      ],
    };
  }

  private generic() {
    const { head, opts } = this;
    let idx = opts.columns?.length ? opts.columns.map((c) => resolveColumn(head, c, opts.lang)) : head.keys.map((_, i) => i);
    idx = idx.filter((i, n, all) => all.indexOf(i) === n);
    const phoneIdx = this.phoneIdx;
    // A dialer file without the number to dial is of no use: the phone goes first if not chosen.
    if (!idx.includes(phoneIdx)) idx = [phoneIdx, ...idx];
    const phoneColumns = new Set<number>();
    idx.forEach((i, n) => {
      if (i === phoneIdx) phoneColumns.add(n);
    });
    return {
      headers: idx.map((i) => head.headers[i]!),
      phoneColumns,
      row: (row: readonly CellValue[], e164: string | null): CellValue[] => idx.map((i) => (i === phoneIdx ? e164 : (row[i] ?? null))),
    };
  }

  private mailing() {
    const lang = this.opts.lang;
    // The extra line's column only when the list has one: other lists' files stay as they were.
    if (this.head.keys.includes('addressLine2')) {
      return {
        headers: [
          headerOf('fullName', lang),
          headerOf('companyName', lang),
          headerOf('addressLine2', lang),
          headerOf('streetAddress', lang),
          t(lang, 'postalLine'),
        ],
        phoneColumns: new Set<number>(),
        row: (row: readonly CellValue[]): CellValue[] => {
          const lines = postalAddressLines(this.text(row, 'streetAddress'), this.text(row, 'addressLine2'));
          return [
            this.personName(row) || null,
            this.text(row, 'companyName') || null,
            lines.extra || null,
            lines.street || null,
            postalLine(this.text(row, 'postalCode'), this.text(row, 'postOffice') || this.text(row, 'municipality')),
          ];
        },
      };
    }
    return {
      headers: [headerOf('fullName', lang), headerOf('companyName', lang), headerOf('streetAddress', lang), t(lang, 'postalLine')],
      phoneColumns: new Set<number>(),
      row: (row: readonly CellValue[]): CellValue[] => [
        this.personName(row) || null,
        this.text(row, 'companyName') || null,
        this.text(row, 'streetAddress') || null,
        postalLine(this.text(row, 'postalCode'), this.text(row, 'postOffice') || this.text(row, 'municipality')),
      ],
    };
  }
}

/**
 * An address's two lines (the street address and its extra line) as a label prints them, in
 * Posti's order: the extra line (a c/o, a building or estate, a PO box) above the street line,
 * which is the last before the postal code. The street line is the one that parses as a street
 * address with a house number: a register that writes the building first ("Kaarnahovi" /
 * "Kaarnatie 2") gets the street next to the postal code all the same. An apartment alone on
 * the extra line ("as. 5") goes on the street line, where Posti wants it.
 */
export function postalAddressLines(line1: string, line2: string): { extra: string; street: string } {
  if (!line2) return { extra: '', street: line1 };
  const two = parseAddressLine2(line2);
  if (!line1) return two.kind === 'street' ? { extra: '', street: line2 } : { extra: line2, street: '' };
  if (two.kind === 'apartment') return { extra: '', street: `${line1} ${line2}` };
  if (two.kind === 'street' && two.address.number && !parseStreetAddress(line1).number) return { extra: line1, street: line2 };
  return { extra: line2, street: line1 };
}

/** "00100" + "Helsinki" → "00100 HELSINKI" (Posti: post office in capitals). */
export function postalLine(postalCode: string, postOffice: string): string {
  return `${postalCode} ${postOffice.toLocaleUpperCase('fi-FI')}`.trim();
}

/** The label's lines in Posti's order; empty lines (no person, no company) left out. */
export function labelLines(list: Pick<ListTable, 'keys'>, row: readonly CellValue[]): string[] {
  const office = text(list, row, 'postOffice') || text(list, row, 'municipality');
  const lines = postalAddressLines(text(list, row, 'streetAddress'), text(list, row, 'addressLine2'));
  return [
    personName(list, row),
    text(list, row, 'companyName'),
    lines.extra,
    lines.street,
    postalLine(text(list, row, 'postalCode'), office),
  ].filter(Boolean);
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
 * CSV files made one line at a time, each with BOM and header, split by rows and by bytes: a
 * file is closed before a row would take it to `maxBytes` or past `maxRows`. `line` says when a
 * line opens a new file, so a writer can stream each file without holding the export.
 */
export class CsvSplitter {
  /** BOM and header line, which every file starts with. */
  readonly head: string;
  /** Rows of each file so far. */
  readonly partRows: number[] = [];
  private readonly headBytes: number;
  private readonly maxBytes: number;
  private readonly maxRows: number;
  private bytes = 0;

  constructor(
    headers: readonly string[],
    private readonly opts: CsvOptions,
    limits: { maxBytes?: number; maxRows?: number },
  ) {
    this.head = (opts.bom ? BOM : '') + csvLine(headers, { ...opts, phoneColumns: undefined }) + opts.eol;
    this.headBytes = utf8Length(this.head);
    this.maxBytes = limits.maxBytes ?? Infinity;
    this.maxRows = limits.maxRows ?? Infinity;
  }

  /** The CSV line of `row` (with its line end), and whether it starts a new file. */
  line(row: readonly CellValue[]): { text: string; startsPart: boolean } {
    const text = csvLine(row, this.opts) + this.opts.eol;
    const len = utf8Length(text);
    const last = this.partRows.length - 1;
    const startsPart =
      last < 0 || (this.partRows[last]! > 0 && (this.bytes + len >= this.maxBytes || this.partRows[last]! >= this.maxRows));
    if (this.headBytes + len >= this.maxBytes)
      throw new UserError(`one row alone is larger than the file size limit (${this.maxBytes} bytes)`);
    if (startsPart) {
      this.partRows.push(0);
      this.bytes = this.headBytes;
    }
    this.partRows[this.partRows.length - 1]!++;
    this.bytes += len;
    return { text, startsPart };
  }

  /** The rows of each file; an export of no rows is one file with the header only. */
  finish(): number[] {
    if (this.partRows.length === 0) this.partRows.push(0);
    return this.partRows;
  }
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
  const splitter = new CsvSplitter(headers, opts, limits);
  const files: string[][] = [];
  for (const row of rows) {
    const { text, startsPart } = splitter.line(row);
    if (startsPart) files.push([splitter.head]);
    files[files.length - 1]!.push(text);
  }
  return splitter.finish().map((count, i) => ({ csv: (files[i] ?? [splitter.head]).join(''), rows: count }));
}

/** Builds an export of `list` in the chosen format. */
export function buildExport(list: ListTable, opts: ExportOptions): ExportResult {
  const shaper = new ExportShaper(list, opts);
  const rows: CellValue[][] = [];
  for (const row of list.rows) {
    const shaped = shaper.shape(row);
    if (shaped) rows.push(shaped);
  }
  const parts = splitCsv(shaper.headers, rows, shaper.csvOptions, shaper.limits);
  return {
    format: opts.format,
    headers: shaper.headers,
    rows,
    phoneColumns: shaper.phoneColumns,
    csvOptions: shaper.csvOptions,
    parts,
    skipped: shaper.skipped(),
    exported: rows.length,
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
