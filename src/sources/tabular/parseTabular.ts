/**
 * Reads a user's list or customer file (CSV or .xlsx) into a ListTable: headers mapped to
 * catalogue keys from Finnish, Swedish and English names, every column carried through in
 * order. The file type is decided by content, not only by the name, so that a PNG renamed
 * .csv gets a clear message and an .xlsx saved under .csv still reads.
 * Pure: runs in the pane (a file the user picks) and in the CLI (bytes read by src/cli/io).
 */
import { libraryCause, oneLineText, UserError } from '../../core/errors';
import { formatCount, type Lang } from '../../core/i18n/lang';
import { EXCEL_MAX_COLUMNS } from '../../core/workbook/excelLimits';
import { fileMessage, type FileKind } from './fileMessages';
import { listFromGrid, rowMaker, type ListTable } from '../../core/list/listTable';
import { mapHeaders } from '../../core/columns/headerMapping';
import { typeOf } from '../../core/columns/catalogue';
import type { CellValue } from '../../core/workbook/cells';
import { CsvDamageError, csvRecordReader, decodeText, detectDelimiter, mixedEncodingWarning } from './csvParse';
import { pauser } from '../../core/progress';

export interface ParseTabularOptions {
  /** Sheet of an .xlsx file; default the first visible sheet. */
  sheet?: string;
  /** Header as written → catalogue key ("" keeps it as the user's own column). */
  map?: Record<string, string>;
  /**
   * `map` decided from the file's headers once they are read, instead of `map` (the CLI's --map
   * names columns of either file: only those of this one apply). Before, the file was read a
   * first time for its headers alone, decoding a CSV or loading a workbook twice.
   */
  mapOf?: (headers: readonly string[]) => Record<string, string>;
  /** Told what was read but looks doubtful (lines of a UTF-8 file in Windows-1252), one line each. */
  onWarning?: (line: string) => void;
  /** Language of the messages about a whole file (empty, not a spreadsheet, damaged); default
   *  English, the CLI's. The pane passes its own. */
  lang?: Lang;
  /**
   * Cancels the read: a CSV is read in pieces, and between pieces the thread yields (so that
   * Ctrl-C is heard) and a cancelled read ends with CancelledError. Without it (and without
   * `between`) a CSV is read in one pass, as the pane's tests expect.
   */
  signal?: AbortSignal;
  /** Awaited between pieces of a CSV (a writer drains what the rows made so far). */
  between?: () => Promise<void>;
}

type Kind = 'csv' | 'xlsx';

const SIGNATURES: { bytes: number[]; kind: FileKind }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'png' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'jpeg' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'gif' },
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'pdf' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'xls' },
  { bytes: [0x1f, 0x8b], kind: 'gzip' },
];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function fileKind(bytes: Uint8Array, fileName: string, lang: Lang): Kind {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  for (const s of SIGNATURES) {
    if (startsWith(bytes, s.bytes)) throw new UserError(fileMessage(lang, `kind_${s.kind}`), { file: fileName });
  }
  if (/\.(xlsx|xlsm)$/i.test(fileName)) {
    throw new UserError(fileMessage(lang, 'namedXlsx'), { file: fileName });
  }
  // Excel's "Unicode text" is UTF-16 with a BOM: every other byte of ASCII text is NUL.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'csv';
  // Text files hold no NUL bytes and few control characters; binary files have plenty.
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) throw new UserError(fileMessage(lang, 'binary'), { file: fileName });
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.05) {
    throw new UserError(fileMessage(lang, 'binary'), { file: fileName });
  }
  return 'csv';
}

const isBlank = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A header row must say what the columns are: not empty, and not a row of data. */
function checkHeader(headers: string[], fileName: string, headerRow: number, overrides: Record<string, string>, lang: Lang): void {
  const filled = headers.filter((h) => h.trim() !== '');
  if (filled.length === 0) {
    throw new UserError(fileMessage(lang, 'emptyHeader'), { file: fileName, row: headerRow }, undefined, lang);
  }
  const { keys } = mapHeaders(headers, overrides, fileName);
  const known = keys.some((k) => !k.startsWith('extra:'));
  const looksLikeData = filled.every((h) => /^[+\d\s\-()./,:]+$/.test(h.trim()));
  if (!known && looksLikeData) {
    throw new UserError(fileMessage(lang, 'looksLikeData', { first: filled[0]! }), { file: fileName, row: headerRow }, undefined, lang);
  }
}

/**
 * A table wider than an Excel sheet (16,384 columns) cannot go into the workbook any step
 * writes, so it is refused as it is read, naming the file and the limit, in every command
 * (before, the refusal came later from the sheet writer, naming a sheet rather than the file,
 * or not at all for commands that write CSV).
 */
function checkWidth(columns: number, fileName: string, row: number, lang: Lang): void {
  if (columns > EXCEL_MAX_COLUMNS) {
    throw new UserError(
      fileMessage(lang, 'tooManyColumns', { columns: formatCount(lang, columns), max: formatCount(lang, EXCEL_MAX_COLUMNS) }),
      { file: fileName, row },
      undefined,
      lang,
    );
  }
}

/** ExcelJS's words for a cell past column XFD ("Out of bounds. Invalid column letter: XFE", "Out of bounds. Excel supports columns from 1 to 16384"). */
const PAST_XFD = /bounds.*col/i;

/** A table's columns and origin, known once its header row is read. */
export type TableHead = Omit<ListTable, 'rows'>;

/**
 * Called with the head of a table; returns what takes each of its rows (index from 0).
 * `expectedRows` is how many rows are likely to follow (a CSV's lines after the header: quoted
 * line breaks and blank lines at the end make it more), for a reader that sizes its storage once.
 */
export type RowSink = (head: TableHead, expectedRows?: number, csv?: CsvSource) => (row: CellValue[], index: number, line?: string) => void;

/**
 * Told to a RowSink whose rows come from a CSV. A row may then come with its `line`: the record
 * as written, when it holds no double quote and exactly the row's fields, so that the row's
 * values ('' for an empty cell) joined by `delimiter` are the line. A writer of the same CSV
 * dialect can take the line instead of writing the row again (csv.ts csvLineOf): the list of
 * `rajaus match` is written out again whole, and making each record again cost its thread
 * about a fifth of its read.
 */
export interface CsvSource {
  delimiter: string;
}

/** Line ends in `text` (LF, or CR in an old Mac file), counted without building the lines. */
function lineEnds(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  if (n === 0) for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) n++;
  return n;
}

/** The header overrides of a file with these headers: `mapOf`'s, else `map`. */
function overridesOf(opts: ParseTabularOptions, headers: readonly string[]): Record<string, string> {
  return opts.mapOf ? opts.mapOf(headers) : (opts.map ?? {});
}

const blankRecord = (rec: readonly string[]) => rec.every((f) => f.trim() === '');

/** Records of a CSV read before the reader may yield (a few milliseconds of work). */
const RECORDS_PER_PIECE = 2000;

async function streamCsv(
  bytes: Uint8Array,
  fileName: string,
  sink: RowSink,
  opts: ParseTabularOptions,
  lang: Lang,
): Promise<{ head: TableHead; rowCount: number }> {
  const onWarning = opts.onWarning;
  const { text, windows1252Lines } = decodeText(bytes);
  if (windows1252Lines?.length) onWarning?.(mixedEncodingWarning(fileName, windows1252Lines, lang));
  if (text.trim() === '') throw new UserError(fileMessage(lang, 'empty'), { file: fileName });
  let fileRow = 0;
  let head: TableHead | null = null;
  let width = 0;
  // Each record is a fresh array that nothing else keeps: it becomes its row in place.
  let toRow: (raw: CellValue[]) => CellValue[] = () => [];
  let onRow: (row: CellValue[], index: number, line?: string) => void = () => undefined;
  const delimiter = detectDelimiter(text);
  // The next double quote at or after a record's start (Infinity: none left), found again only
  // once a record starts past it: one pass over the text in all, not a search per record.
  let nextQuote = -1;
  let index = 0;
  // Blank rows inside the data stay (as empty rows) so that row i is still file row
  // firstDataRow + i; blank rows at the end are dropped, so they wait here for a row after them.
  const blanks: string[][] = [];
  const onRecord = (rec: string[], start: number, end: number) => {
    fileRow++;
    if (!head) {
      // Skip blank lines before the header (some exports start with one).
      if (blankRecord(rec)) return;
      const headers = rec.map((f) => f.trim());
      // Trailing empty header cells (a trailing ";" in every line) are not columns.
      while (headers.length > 1 && headers[headers.length - 1] === '') headers.pop();
      checkWidth(headers.length, fileName, fileRow, lang);
      const overrides = overridesOf(opts, headers);
      checkHeader(headers, fileName, fileRow, overrides, lang);
      const maker = rowMaker(fileName, headers, overrides);
      toRow = maker.intoRow;
      width = headers.length;
      head = { keys: maker.keys, headers, origin: { name: fileName, firstDataRow: fileRow + 1 } };
      // The lines after the header's (the last line may lack its line end).
      const ending = text.charCodeAt(text.length - 1);
      onRow = sink(head, Math.max(0, lineEnds(text) + (ending === 10 || ending === 13 ? 0 : 1) - fileRow), { delimiter });
      return;
    }
    if (rec.length > width) {
      const extra = rec.slice(width);
      if (extra.some((f) => f.trim() !== '')) {
        throw new UserError(
          // The value quoted on the message's one line (a quoted value may hold a line break).
          fileMessage(lang, 'tooManyFields', { fields: rec.length, width, extra: oneLineText(extra.find((f) => f.trim() !== '')!) }),
          { file: fileName, row: fileRow, column: head.headers[width - 1] },
          undefined,
          lang,
        );
      }
    }
    if (blankRecord(rec)) {
      blanks.push(rec);
      return;
    }
    for (const b of blanks.splice(0)) onRow(toRow(b), index++);
    if (nextQuote < start) {
      const q = text.indexOf('"', start);
      nextQuote = q < 0 ? Infinity : q;
    }
    // The record as written (CsvSource), when it is exactly the row's fields without quotes.
    const line = rec.length === width && nextQuote >= end ? text.slice(start, end) : undefined;
    onRow(toRow(rec), index++, line);
  };
  const reader = csvRecordReader(text, delimiter);
  const pieced = Boolean(opts.signal || opts.between);
  const pause = pauser(opts.signal);
  try {
    while (!reader.read(onRecord, pieced ? RECORDS_PER_PIECE : Infinity)) {
      const paused = pause();
      if (paused) await paused;
      if (opts.between) await opts.between();
    }
  } catch (e) {
    throw e instanceof CsvDamageError ? e.toUserError(fileName, lang) : e;
  }
  if (!head) checkHeader([''], fileName, 1, overridesOf(opts, []), lang);
  return { head: head!, rowCount: index };
}

/**
 * parseTabular one row at a time, for a reader that keeps only what it makes of each row
 * (matching's worker keeps the normalized customers, not the customer rows). A CSV row goes to
 * `sink` as soon as it is read; an .xlsx sheet is read whole first.
 */
export async function streamTabular(
  bytes: Uint8Array,
  fileName: string,
  opts: ParseTabularOptions,
  sink: RowSink,
): Promise<{ head: TableHead; rowCount: number }> {
  const lang = opts.lang ?? 'en';
  if (bytes.length === 0) throw new UserError(fileMessage(lang, 'empty'), { file: fileName });
  if (fileKind(bytes, fileName, lang) === 'csv') {
    if (opts.sheet) throw new UserError(`--sheet '${opts.sheet}' applies to .xlsx files; this is a CSV file`, { file: fileName });
    return streamCsv(bytes, fileName, sink, opts, lang);
  }
  const { rows, ...head } = await parseXlsx(bytes, fileName, opts);
  const onRow = sink(head, rows.length);
  rows.forEach((row, i) => onRow(row, i));
  return { head, rowCount: rows.length };
}

function dropTrailingBlankRows(rows: CellValue[][]): void {
  while (rows.length > 0 && rows[rows.length - 1]!.every(isBlank)) rows.pop();
}

/** A postal code that Excel stored as a number lost its leading zeros: 100 → "00100". */
function fixNumberInTextColumn(key: string, v: CellValue): CellValue {
  if (typeof v !== 'number') return v;
  if (typeOf(key) === 'postalCode' && Number.isInteger(v) && v >= 0 && v < 100000) return String(v).padStart(5, '0');
  return v;
}

async function parseXlsx(bytes: Uint8Array, fileName: string, opts: ParseTabularOptions): Promise<ListTable> {
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const { plainCellValue } = await import('../../workbook/exceljs/cellValues');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const lang = opts.lang ?? 'en';
    if (PAST_XFD.test(String((e as Error)?.message))) {
      // How many columns is not known (ExcelJS stops at the first cell past XFD): "16,385+".
      const columns = `${formatCount(lang, EXCEL_MAX_COLUMNS + 1)}+`;
      throw new UserError(fileMessage(lang, 'tooManyColumns', { columns, max: formatCount(lang, EXCEL_MAX_COLUMNS) }), { file: fileName });
    }
    throw new UserError(fileMessage(lang, 'unreadableXlsx', { cause: libraryCause(e) }), { file: fileName });
  }
  const sheets = wb.worksheets;
  let ws = opts.sheet
    ? (sheets.find((s) => s.name === opts.sheet) ?? sheets.find((s) => s.name.toLowerCase() === opts.sheet!.toLowerCase()))
    : (sheets.find((s) => (s.state ?? 'visible') === 'visible') ?? sheets[0]);
  if (!ws) {
    if (opts.sheet)
      throw new UserError(
        fileMessage(opts.lang ?? 'en', 'noSuchSheet', { sheet: opts.sheet, sheets: sheets.map((s) => s.name).join(', ') }),
        {
          file: fileName,
        },
      );
    throw new UserError(fileMessage(opts.lang ?? 'en', 'noSheets'), { file: fileName });
  }
  const where = `${fileName} [${ws.name}]`;
  if (ws.actualRowCount === 0) throw new UserError(fileMessage(opts.lang ?? 'en', 'sheetEmpty'), { file: where });
  let top = 1;
  while (top <= ws.rowCount && !ws.getRow(top).hasValues) top++;
  const width = ws.columnCount;
  const headerCells: string[] = [];
  for (let c = 1; c <= width; c++) {
    const v = plainCellValue(ws.getRow(top).getCell(c).value, 'iso');
    headerCells.push(v === null ? '' : String(v).trim());
  }
  while (headerCells.length > 1 && headerCells[headerCells.length - 1] === '') headerCells.pop();
  const map = overridesOf(opts, headerCells);
  // (No width check here: ExcelJS refuses a sheet past column XFD as it loads it, above.)
  checkHeader(headerCells, where, top, map, opts.lang ?? 'en');
  const keys = mapHeaders(headerCells, map, where).keys;
  const rows: CellValue[][] = [];
  // The last row holding a value, not ws.rowCount: a sheet whose used range reaches A1048576
  // (one formatted or emptied cell there) would otherwise be read as a million blank rows.
  let last = top;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r <= last) return;
    for (let c = 1; c <= headerCells.length; c++) {
      const v = plainCellValue(row.getCell(c).value, 'iso');
      if (v !== null && v !== '') {
        last = r;
        return;
      }
    }
  });
  for (let r = top + 1; r <= last; r++) {
    const row = ws.getRow(r);
    const values: CellValue[] = [];
    for (let c = 1; c <= headerCells.length; c++) {
      // Dates as ISO text: catalogue date columns keep them, the user's own columns read well.
      values.push(fixNumberInTextColumn(keys[c - 1]!, plainCellValue(row.getCell(c).value, 'iso')));
    }
    rows.push(values);
  }
  dropTrailingBlankRows(rows);
  return listFromGrid(where, headerCells, rows, map, top + 1);
}

export async function parseTabular(bytes: Uint8Array, fileName: string, opts: ParseTabularOptions = {}): Promise<ListTable> {
  const rows: CellValue[][] = [];
  const { head } = await streamTabular(bytes, fileName, opts, () => (row) => rows.push(row));
  return { ...head, rows };
}
