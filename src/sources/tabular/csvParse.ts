/**
 * Reading CSV the way Finnish users have it: UTF-8 with or without BOM or Windows-1252 (what
 * Excel's "CSV (Comma delimited)" writes in a Finnish locale), `;` (Finnish Excel), `,` or tab,
 * quoted fields with doubled quotes, CRLF or LF, and line breaks inside quoted cells.
 */
export type DetectedEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

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

/** Decodes text: BOM → UTF-8; valid UTF-8 → UTF-8; anything else → Windows-1252. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: DetectedEncoding } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
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
 * parseCsvRecords one record at a time: a reader that turns each record into something else
 * (a row, a match record) lets it die young instead of keeping 100,000 of them alive at once.
 */
export function forEachCsvRecord(text: string, delimiter: Delimiter, onRecord: (record: string[]) => void): void {
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  let record: string[] = [];
  let i = 0;
  while (i < n) {
    // One field, starting at i.
    let field: string;
    if (text.charCodeAt(i) === 34 /* " */) {
      field = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) {
          // Unterminated quote: the rest of the text is the field.
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
        onRecord(record);
      }
      return;
    }
    const c = text.charCodeAt(i);
    record.push(field);
    if (c === d) {
      i++;
      // A delimiter at the very end leaves one more (empty) field.
      if (i >= n) {
        record.push('');
        onRecord(record);
        return;
      }
      continue;
    }
    onRecord(record);
    record = [];
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
  }
}
