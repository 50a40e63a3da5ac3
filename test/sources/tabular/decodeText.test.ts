/**
 * The encodings Excel and Finnish users write text files in (issue 16 item 5, issue 17 item 7):
 * Excel's "Unicode text" (UTF-16LE with BOM, tab-separated), UTF-16BE, old Mac CR line ends,
 * and a UTF-8 file with a few lines in Windows-1252.
 */
import { decodeText, mixedEncodingWarning } from '../../../src/sources/tabular/csvParse';
import { parseTabular } from '../../../src/sources/tabular/parseTabular';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** What Excel's Save as ▸ Unicode Text writes: FF FE, then UTF-16LE code units. */
function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + i * 2] = text.charCodeAt(i) & 0xff;
    out[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
}

function utf16be(text: string): Uint8Array {
  const le = utf16le(text);
  const out = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) {
    out[i] = le[i + 1]!;
    out[i + 1] = le[i]!;
  }
  return out;
}

/** Windows-1252 bytes of Finnish text (ä = E4, ö = F6, € = 80). */
const cp1252 = (text: string) => Uint8Array.from([...text].map((ch) => (ch === '€' ? 0x80 : ch.charCodeAt(0))));

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const UNICODE_TEXT = 'Yritys\tPuhelin\tPostinumero\tKatuosoite\r\nSähkö-Äijälä Oy\t040 123 4567\t00100\tÖljytie 1\r\nŠkoda Åland Ab\t050 765 4321\t22100\tStrandgatan 2 €\r\n';

describe('decodeText: Excel\'s "Unicode text" and other encodings', () => {
  it('reads a UTF-16LE file with BOM (Excel Save as ▸ Unicode Text) as tab-separated text with ä, ö and Š', async () => {
    const bytes = utf16le(UNICODE_TEXT);
    expect(decodeText(bytes)).toEqual({ text: UNICODE_TEXT, encoding: 'utf-16le' });
    const list = await parseTabular(bytes, 'asiakkaat.txt');
    expect(list.keys).toEqual(['companyName', 'phone', 'postalCode', 'streetAddress']);
    expect(list.rows).toEqual([
      ['Sähkö-Äijälä Oy', '040 123 4567', '00100', 'Öljytie 1'],
      ['Škoda Åland Ab', '050 765 4321', '22100', 'Strandgatan 2 €'],
    ]);
  });

  it('reads UTF-16BE with BOM', async () => {
    const bytes = utf16be(UNICODE_TEXT);
    expect(decodeText(bytes).encoding).toBe('utf-16be');
    const list = await parseTabular(bytes, 'asiakkaat.txt');
    expect(list.rows[0]).toEqual(['Sähkö-Äijälä Oy', '040 123 4567', '00100', 'Öljytie 1']);
  });

  it('reads old Mac files whose lines end in CR alone, in UTF-8 and in Windows-1252', async () => {
    const text = 'Yritys;Puhelin;Postinumero\rSähkö Oy;040 1;00100\rÖljy Ky;050 2;33100\r';
    for (const bytes of [utf8(text), cp1252(text)]) {
      const list = await parseTabular(bytes, 'mac.csv');
      expect(list.rows).toEqual([
        ['Sähkö Oy', '040 1', '00100'],
        ['Öljy Ky', '050 2', '33100'],
      ]);
    }
  });

  it('reads a UTF-8 file with one Windows-1252 line as UTF-8 everywhere else, and names that line', async () => {
    const bytes = concat(
      utf8('Yritys;Puhelin;Kaupunki\r\nSähkö Oy;040 1;Hämeenlinna\r\n'),
      cp1252('Öljy-Äijälä Ky;050 2;Jyväskylä €\r\n'),
      utf8('Kärkkäinen Oy;045 3;Mäntsälä\r\n'),
    );
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('mixed');
    expect(decoded.windows1252Lines).toEqual([3]);
    const warnings: string[] = [];
    const list = await parseTabular(bytes, 'lista.csv', { onWarning: (w) => warnings.push(w) });
    expect(list.rows).toEqual([
      ['Sähkö Oy', '040 1', 'Hämeenlinna'],
      ['Öljy-Äijälä Ky', '050 2', 'Jyväskylä €'],
      ['Kärkkäinen Oy', '045 3', 'Mäntsälä'],
    ]);
    expect(warnings).toEqual(['lista.csv: row 3 is not UTF-8 like the rest of the file; read as Windows-1252. Check ä, ö and € there.']);
  });

  it('counts CR-only and CRLF line ends alike when naming the Windows-1252 lines, also after a UTF-8 BOM', () => {
    const bytes = concat(utf8('\uFEFFa\rä\r\n'), cp1252('ö\r'), utf8('b\n'), cp1252('€\n'));
    expect(decodeText(bytes)).toEqual({ text: 'a\rä\r\nö\rb\n€\n', encoding: 'mixed', windows1252Lines: [3, 5] });
  });

  it('keeps a file that is all Windows-1252 as Windows-1252, without a warning', async () => {
    const bytes = cp1252('Yritys;Kaupunki\r\nÄijälä Oy;Jyväskylä\r\nÖljy Ky;Hämeenlinna\r\n');
    expect(decodeText(bytes)).toEqual({ text: 'Yritys;Kaupunki\r\nÄijälä Oy;Jyväskylä\r\nÖljy Ky;Hämeenlinna\r\n', encoding: 'windows-1252' });
    const warnings: string[] = [];
    await parseTabular(bytes, 'a.csv', { onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([]);
  });

  it('says it in the pane\'s language', () => {
    expect(mixedEncodingWarning('asiakkaat.csv', [3], 'fi')).toBe(
      'asiakkaat.csv: rivi 3 ei ole UTF-8-merkistöä kuten muu tiedosto; se luettiin Windows-1252-merkistönä. Tarkista sen ä, ö ja €.',
    );
    expect(mixedEncodingWarning('kunder.csv', [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 'sv')).toBe(
      'kunder.csv: raderna 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 och 1 till är inte UTF-8 som resten av filen; de lästes som Windows-1252. Kontrollera ä, ö och € där.',
    );
  });

  it('names at most ten lines and counts the rest', () => {
    expect(mixedEncodingWarning('x.csv', [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])).toBe(
      'x.csv: rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 2 more are not UTF-8 like the rest of the file; read as Windows-1252. Check ä, ö and € there.',
    );
  });
});
