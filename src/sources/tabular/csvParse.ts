/**
 * Reading CSV the way Finnish users have it: UTF-8 with or without BOM or Windows-1252 (what
 * Excel's "CSV (Comma delimited)" writes in a Finnish locale), UTF-16 with BOM (Excel's
 * "Unicode text", tab-separated), `;` (Finnish Excel), `,` or tab, quoted fields with doubled
 * quotes, CRLF, LF or CR (old Mac) line ends, and line breaks inside quoted cells.
 */
import { UserError } from '../../core/errors';
import { defineMessages, type Lang } from '../../core/i18n/lang';

export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be' | 'mixed';

/** Windows-1252 differs from Latin-1 in 0x80–0x9F (€, Š, ž, curly quotes, dashes…). */
const CP1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Windows-1252 decoding. Not TextDecoder('windows-1252'): Node 20's decodes 0x80–0x9F as
 * Latin-1 control characters (a "€" in a price column came out as U+0080), so map them here.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const out: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_C1[b - 0x80]! : b;
    }
    out.push(String.fromCharCode(...codes));
  }
  return out.join('');
}

/**
 * What decodeText found. `mixed`: UTF-8 with some lines in Windows-1252 (a file pasted
 * together from two sources, or one line edited in an old program).
 */
export type DecodedText = {
  text: string;
  encoding: DetectedEncoding;
  /** 1-based line numbers read as Windows-1252 in an otherwise UTF-8 file (mixed only). */
  windows1252Lines?: number[];
};

const utf8Fatal = () => new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes text the way Excel and Finnish users write it:
 * - a BOM decides: EF BB BF UTF-8, FF FE UTF-16LE, FE FF UTF-16BE (Excel's "Unicode text");
 * - valid UTF-8 is UTF-8;
 * - otherwise line by line: a line that is valid UTF-8 is UTF-8, a line that is not is
 *   Windows-1252. A file with no UTF-8 line (beyond ASCII) is simply Windows-1252; a file with
 *   both is `mixed` and names the Windows-1252 lines, so one odd line no longer turns every
 *   ä, ö and € of the whole file into mojibake.
 * TextDecoder has no "per line fallback" mode, hence this function (issue 17 item 7).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: utf8Fatal().decode(body), encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    return decodeLineByLine(body, bom);
  }
}

/** Lines end at LF, CRLF or a lone CR (old Mac files); all three are ASCII in both encodings. */
function decodeLineByLine(bytes: Uint8Array, bom: boolean): DecodedText {
  const decoder = utf8Fatal();
  const parts: string[] = [];
  const cp1252Lines: number[] = [];
  let utf8Lines = 0;
  let line = 1;
  let start = 0;
  const n = bytes.length;
  while (start < n) {
    let end = start;
    while (end < n && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++;
    let next = end;
    if (next < n) next += bytes[next] === 0x0d && bytes[next + 1] === 0x0a ? 2 : 1;
    const content = bytes.subarray(start, end);
    let ascii = true;
    for (let i = 0; i < content.length; i++) {
      if (content[i]! >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      parts.push(decodeWindows1252(bytes.subarray(start, next)));
    } else {
      try {
        parts.push(decoder.decode(bytes.subarray(start, next)));
        utf8Lines++;
      } catch {
        parts.push(decodeWindows1252(bytes.subarray(start, next)));
        cp1252Lines.push(line);
      }
    }
    line++;
    start = next;
  }
  const text = parts.join('');
  if (utf8Lines === 0 && !bom) return { text, encoding: 'windows-1252' };
  return { text, encoding: 'mixed', windows1252Lines: cp1252Lines };
}

/**
 * What the reader says about a damaged or mixed file, in the user's language (the pane's, or
 * the CLI's --lang): the pane shows these at its customer file picker.
 */
const t = defineMessages({
  fi: {
    unclosed:
      'lainausmerkki (") aloittaa tässä arvon eikä sulkeudu, joten sen jälkeiset {lines} riviä luettaisiin yhdeksi soluksi; sulje tai poista lainausmerkki',
    swallowed:
      'lainausmerkki (") aloittaa tässä arvon, joka jatkuu {lines} riville ja nielee tiedoston kokonaisia rivejä ennen kuin sulkeutuu; tältä riviltä puuttuu luultavasti lainausmerkki tai siinä on ylimääräinen',
    line: ' (tiedoston rivi {line})',
    mixedOne: '{file}: rivi {rows} ei ole UTF-8-merkistöä kuten muu tiedosto; se luettiin Windows-1252-merkistönä. Tarkista sen ä, ö ja €.',
    mixedMany:
      '{file}: rivit {rows}{more} eivät ole UTF-8-merkistöä kuten muu tiedosto; ne luettiin Windows-1252-merkistönä. Tarkista niiden ä, ö ja €.',
    more: ' ja {count} muuta',
  },
  en: {
    unclosed:
      'a quote (") opens a value here and is never closed, so the {lines} line(s) after it would be read as one cell; close or remove that quote',
    swallowed:
      'a quote (") opens a value here that runs over {lines} lines holding whole rows of this file before it closes; a quote is probably missing or extra in this row',
    line: ' (line {line})',
    mixedOne: '{file}: row {rows} is not UTF-8 like the rest of the file; read as Windows-1252. Check ä, ö and € there.',
    mixedMany: '{file}: rows {rows}{more} are not UTF-8 like the rest of the file; read as Windows-1252. Check ä, ö and € there.',
    more: ' and {count} more',
  },
  sv: {
    unclosed:
      'ett citattecken (") börjar ett värde här och stängs aldrig, så de {lines} rader som följer skulle läsas som en cell; stäng eller ta bort citattecknet',
    swallowed:
      'ett citattecken (") börjar ett värde här som löper över {lines} rader med hela rader ur filen innan det stängs; ett citattecken saknas troligen eller är för mycket på den här raden',
    line: ' (filrad {line})',
    mixedOne: '{file}: rad {rows} är inte UTF-8 som resten av filen; den lästes som Windows-1252. Kontrollera ä, ö och € där.',
    mixedMany: '{file}: raderna {rows}{more} är inte UTF-8 som resten av filen; de lästes som Windows-1252. Kontrollera ä, ö och € där.',
    more: ' och {count} till',
  },
});

/** The warning for a mixed file, naming its Windows-1252 lines (the first ten, then a count). */
export function mixedEncodingWarning(fileName: string, lines: readonly number[], lang: Lang = 'en'): string {
  const rows = lines.slice(0, 10).join(', ');
  const more = lines.length > 10 ? t(lang, 'more', { count: lines.length - 10 }) : '';
  return t(lang, lines.length === 1 ? 'mixedOne' : 'mixedMany', { file: fileName, rows, more });
}

const CANDIDATES = [';', ',', '\t'] as const;
export type Delimiter = (typeof CANDIDATES)[number];

/**
 * Picks the delimiter that occurs most in the header record (outside quotes). A header row
 * rarely holds commas inside names, while data rows often do ("Oy Esimerkki, Tampere").
 * Ties go to `;`, Finnish Excel's separator.
 */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<Delimiter, number>(CANDIDATES.map((d) => [d, 0]));
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && counts.has(ch as Delimiter)) counts.set(ch as Delimiter, counts.get(ch as Delimiter)! + 1);
  }
  let best: Delimiter = ';';
  for (const d of CANDIDATES) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/**
 * Splits CSV text into records of fields (RFC 4180, lenient about stray quotes inside fields:
 * a quote that does not open a field is an ordinary character, and text after a closing quote
 * belongs to the same field). Fields are slices of the text, never built a character at a
 * time: `field += ch` makes a chain of rope nodes per field, which for a 100,000-row file
 * meant hundreds of megabytes of heap and most of the time in garbage collection.
 */
export function parseCsvRecords(text: string, delimiter: Delimiter): string[][] {
  const records: string[][] = [];
  forEachCsvRecord(text, delimiter, (record) => records.push(record));
  return records;
}

/**
 * A CSV whose quotes do not pair up: one opening quote without its closing quote turns the
 * rest of the file into one cell (a 1,000-row list read as 5 rows), and a stray quote closed
 * hundreds of lines later swallows every row between. `record` and `line` (both from 1, the
 * header being record 1) say where the quote opened; the reader names its file.
 */
export class CsvDamageError extends Error {
  constructor(
    readonly kind: 'unclosed' | 'swallowed',
    readonly record: number,
    readonly line: number,
    /** Lines inside the quoted field. */
    readonly lines: number,
  ) {
    super(t('en', kind, { lines }));
    this.name = 'CsvDamageError';
  }

  /** "row 4" or "row 4 (line 6)" when line breaks inside earlier cells make them differ. */
  get where(): string {
    return this.line === this.record ? `row ${this.record}` : `row ${this.record} (line ${this.line})`;
  }

  /** The damage as a UserError naming the file and the row where the quote opened, in `lang`. */
  toUserError(fileName: string, lang: Lang = 'en'): UserError {
    const line = this.line === this.record ? '' : t(lang, 'line', { line: this.line });
    return new UserError(`${t(lang, this.kind, { lines: this.lines })}${line}`, { file: fileName, row: this.record }, undefined, lang);
  }
}

/** forEachCsvRecord for a named file: damage becomes a one-line UserError naming it. */
export function forEachCsvRecordOf(fileName: string, text: string, delimiter: Delimiter, onRecord: (record: string[]) => void): void {
  try {
    forEachCsvRecord(text, delimiter, onRecord);
  } catch (e) {
    throw e instanceof CsvDamageError ? e.toUserError(fileName) : e;
  }
}

/** Line breaks in text[from, to): a CRLF counts once. */
function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/**
 * Lines of a quoted field that hold at least `delimiters` delimiters: rows of the file that
 * a misplaced quote swallowed. A note or address written over a few lines has none of them.
 */
function rowLikeLines(field: string, delimiter: string, delimiters: number): number {
  let n = 0;
  for (const line of field.split(/\r\n|\r|\n/).slice(1)) {
    let count = 0;
    for (let i = line.indexOf(delimiter); i >= 0 && count < delimiters; i = line.indexOf(delimiter, i + 1)) count++;
    if (count >= delimiters) n++;
  }
  return n;
}

/**
 * parseCsvRecords one record at a time: a reader that turns each record into something else
 * (a row, a match record) lets it die young instead of keeping 100,000 of them alive at once.
 *
 * Damage ends the read with a CsvDamageError naming the row where the quote opened (papaparse
 * would report a "MissingQuotes" error at the end of the file, not where it began, and reads
 * a swallowing quote without a word): a quote never closed, or a quoted value that holds two
 * or more lines that look like whole rows (as many delimiters as the header has, with at
 * least three columns).
 */
export function forEachCsvRecord(text: string, delimiter: Delimiter, onRecord: (record: string[]) => void): void {
  csvRecordReader(text, delimiter).read(onRecord, Infinity);
}

/**
 * forEachCsvRecord in pieces: `read` hands over at most `max` records and returns whether the
 * text is done, so that a reader of a million-row file can yield between pieces (Ctrl-C is
 * heard only between pieces of work; a file read in one synchronous pass delayed it by
 * seconds). The records are the same, in the same order, however the text is cut into pieces.
 */
export interface CsvRecordReader {
  /**
   * Hands at most `max` records to `onRecord`; true when the whole text has been read. Each
   * record comes with where it is in the text: text[start, end), without its line end.
   */
  read(onRecord: (record: string[], start: number, end: number) => void, max: number): boolean;
}

/** Made as a closure, not a class: its state stays in locals, which the pane's bundle minifies. */
export function csvRecordReader(text: string, delimiter: Delimiter): CsvRecordReader {
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  let position = 0;
  // Where the current record starts: its number and its physical line (both from 1).
  let recordNo = 1;
  let line = 1;
  let recordLine = 1;
  // Delimiters in a whole row, from the header; 0 (no check) until the header is read.
  let rowDelimiters = 0;
  let done = false;
  return { read };

  function read(onRecord: (record: string[], start: number, end: number) => void, max: number): boolean {
    if (done) return true;
    let emitted = 0;
    let record: string[] = [];
    let i = position;
    // Where the current record starts in the text (a piece always starts with a record).
    let recordStart = i;
    const emit = (rec: string[], end: number) => {
      if (rowDelimiters === 0 && rec.length >= 3) rowDelimiters = rec.length - 1;
      onRecord(rec, recordStart, end);
      recordNo++;
      recordLine = line;
      emitted++;
    };
    const finish = () => {
      position = n;
      done = true;
      return true;
    };
    while (i < n) {
      // One field, starting at i.
      let field: string;
      if (text.charCodeAt(i) === 34 /* " */) {
        const opened = i;
        field = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) {
            const rest = lineBreaks(text, opened, n);
            // A quote left open on the last line loses nothing; one that takes lines with it does.
            if (lineBreaks(text, opened, text.trimEnd().length) > 0) {
              throw new CsvDamageError('unclosed', recordNo, recordLine, rest);
            }
            field += text.slice(from);
            i = n;
            break;
          }
          field += text.slice(from, q);
          if (text.charCodeAt(q + 1) === 34) {
            field += '"';
            from = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        const inner = lineBreaks(text, opened, i);
        if (inner > 0) {
          if (rowDelimiters > 0 && rowLikeLines(field, delimiter, rowDelimiters) >= 2) {
            throw new CsvDamageError('swallowed', recordNo, recordLine, inner + 1);
          }
          line += inner;
        }
        // Text after the closing quote, up to the end of the field, is kept as written.
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === d || c === 13 || c === 10) break;
          i++;
        }
        if (i > start) field += text.slice(start, i);
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === d || c === 13 || c === 10) break;
          i++;
        }
        field = text.slice(start, i);
      }
      if (i >= n) {
        if (field !== '' || record.length > 0) {
          record.push(field);
          emit(record, n);
        }
        return finish();
      }
      const c = text.charCodeAt(i);
      record.push(field);
      if (c === d) {
        i++;
        // A delimiter at the very end leaves one more (empty) field.
        if (i >= n) {
          record.push('');
          emit(record, n);
          return finish();
        }
        continue;
      }
      const end = i;
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      line++;
      emit(record, end);
      recordStart = i;
      record = [];
      // A piece ends only between records, so the next read starts a record afresh.
      if (emitted >= max && i < n) {
        position = i;
        return false;
      }
    }
    return finish();
  }
}
