import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseTabular, streamTabular } from '../../../src/sources/tabular/parseTabular';
import { decodeText, detectDelimiter } from '../../../src/sources/tabular/csvParse';
import { libraryCause, UserError } from '../../../src/core/errors';

/** Windows-1252 as Finnish Excel's "CSV (semicolon delimited)" writes it: ä = 0xE4, € = 0x80. */
function cp1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => (ch === '€' ? 0x80 : ch.charCodeAt(0))));
}
const utf8 = (text: string) => new TextEncoder().encode(text);

async function userError(p: Promise<unknown>): Promise<UserError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error('expected a UserError');
}

describe('parseTabular: CSV as Finnish users have it', () => {
  it('reads a Windows-1252 ";" file from Finnish Excel with ä and ö, keeping leading zeros', async () => {
    const bytes = cp1252('Yrityksen nimi;Y-tunnus;Puh.;Postinro;Postitoimipaikka;Hinta €\r\nSähkö-Äijälä Oy;0112038-9;040 123 4567;00100;Helsinki;12,50\r\nMyllärin Leipomo Ky;2070757-4;09 876 5432;02100;Espoo;\r\n');
    expect(decodeText(bytes).encoding).toBe('windows-1252');
    const list = await parseTabular(bytes, 'asiakkaat.csv');
    expect(list.keys).toEqual(['companyName', 'businessId', 'phone', 'postalCode', 'postOffice', 'extra:Hinta €']);
    expect(list.headers).toEqual(['Yrityksen nimi', 'Y-tunnus', 'Puh.', 'Postinro', 'Postitoimipaikka', 'Hinta €']);
    expect(list.rows).toEqual([
      ['Sähkö-Äijälä Oy', '0112038-9', '040 123 4567', '00100', 'Helsinki', '12,50'],
      ['Myllärin Leipomo Ky', '2070757-4', '09 876 5432', '02100', 'Espoo', null],
    ]);
    expect(list.origin).toEqual({ name: 'asiakkaat.csv', firstDataRow: 2 });
  });

  it('reads UTF-8 with a BOM, and a comma file with a quoted comma', async () => {
    const list = await parseTabular(utf8('\uFEFFCompany,Phone,Postal code\r\n"Oy Esimerkki, Tampere",+358 40 123 4567,33100\r\n'), 'leads.csv');
    expect(list.keys).toEqual(['companyName', 'phone', 'postalCode']);
    expect(list.rows).toEqual([['Oy Esimerkki, Tampere', '+358 40 123 4567', '33100']]);
  });

  it('reads tab-separated files (copied from Excel) with Swedish headers', async () => {
    const list = await parseTabular(utf8('Företag\tFO-nummer\tTelefon\nÅbo Bygg Ab\t1234567-1\t02 123 4567\n'), 'kunder.tsv');
    expect(detectDelimiter('Företag\tFO-nummer\tTelefon')).toBe('\t');
    expect(list.keys).toEqual(['companyName', 'businessId', 'phone']);
    expect(list.rows[0]).toEqual(['Åbo Bygg Ab', '1234567-1', '02 123 4567']);
  });

  it('keeps a quoted multiline cell in one row, with doubled quotes unescaped, and row numbers as Excel shows them', async () => {
    const csv = 'Yritys;Muistiinpanot;Puhelin\r\n"Kahvila ""Kulma"" Oy";"Soita aamulla\r\nei perjantaisin";040 111 2222\r\nToinen Oy;;050 333 4444\r\n';
    const list = await parseTabular(utf8(csv), 'muistiinpanot.csv');
    expect(list.rows).toEqual([
      ['Kahvila "Kulma" Oy', 'Soita aamulla\r\nei perjantaisin', '040 111 2222'],
      ['Toinen Oy', null, '050 333 4444'],
    ]);
    expect(list.keys[1]).toBe('extra:Muistiinpanot');
  });

  it('applies --map overrides and carries unknown columns through in order', async () => {
    const list = await parseTabular(utf8('Asiakasnro;Puh. työ;Nimi\n1001;040 1;Matti\n'), 'a.csv', { map: { 'Puh. työ': 'phone' } });
    expect(list.keys).toEqual(['extra:Asiakasnro', 'phone', 'fullName']);
  });

  it('names file and row for a row with more fields than the header', async () => {
    const e = await userError(parseTabular(utf8('Yritys;Puhelin\nOy A;040 1\nOy B; Tampere;050 2\n'), 'lista.csv'));
    expect(e.location).toEqual(expect.objectContaining({ file: 'lista.csv', row: 3 }));
    expect(e.message).toMatch(/lista\.csv, row 3.*3 fields but the header has 2/);
  });

  it('accepts the trailing ";" some exports put on every line', async () => {
    const list = await parseTabular(utf8('Yritys;Puhelin;\nOy A;040 1;\n'), 'a.csv');
    expect(list.headers).toEqual(['Yritys', 'Puhelin']);
    expect(list.rows).toEqual([['Oy A', '040 1']]);
  });

  it('makes every row as wide as the header: short rows padded, blank extra fields and empty cells as null', async () => {
    // Rows are made in the reader's own record arrays (rowMaker's intoRow): each row is a
    // separate array of exactly the header's width, whatever its line held.
    const list = await parseTabular(utf8('Yritys;Puhelin;Postinumero\nOy A\nOy B;;00100;;\n\nOy C;040 1;33100\n'), 'a.csv');
    expect(list.rows).toEqual([
      ['Oy A', null, null],
      ['Oy B', null, '00100'],
      [null, null, null],
      ['Oy C', '040 1', '33100'],
    ]);
    expect(new Set(list.rows).size).toBe(4);
    for (const row of list.rows) expect(Object.keys(row)).toHaveLength(3);
  });

  it('tells the reader how many rows to expect once the header is read, whatever the line ends', async () => {
    const expected = async (text: string) => {
      let hint: number | undefined;
      const { rowCount } = await streamTabular(utf8(text), 'a.csv', {}, (_head, expectedRows) => {
        hint = expectedRows;
        return () => undefined;
      });
      return { hint, rowCount };
    };
    expect(await expected('Yritys;Puhelin\nOy A;1\nOy B;2\n')).toEqual({ hint: 2, rowCount: 2 });
    expect(await expected('Yritys;Puhelin\r\nOy A;1\r\nOy B;2')).toEqual({ hint: 2, rowCount: 2 });
    expect(await expected('\n\nYritys;Puhelin\nOy A;1\n')).toEqual({ hint: 1, rowCount: 1 });
    expect(await expected('Yritys;Puhelin\rOy A;1\rOy B;2\rOy C;3\r')).toEqual({ hint: 3, rowCount: 3 });
    expect(await expected('Yritys;Puhelin\n')).toEqual({ hint: 0, rowCount: 0 });
    // Only a hint: a quoted line break or blank lines at the end make it more than the rows.
    expect(await expected('Yritys;Huom\n"Oy A";"kaksi\nriviä"\n\n\n')).toEqual({ hint: 4, rowCount: 1 });
  });

  it('rejects an empty file, a file without a header, and a PNG renamed .csv', async () => {
    expect((await userError(parseTabular(new Uint8Array(), 'tyhja.csv'))).message).toBe('tyhja.csv: the file is empty');
    expect((await userError(parseTabular(utf8('\r\n \r\n'), 'tyhja.csv'))).message).toMatch(/empty/);
    const noHeader = await userError(parseTabular(utf8('040 1234567;00100\n050 7654321;33100\n'), 'numerot.csv'));
    expect(noHeader.message).toMatch(/numerot\.csv, row 1: the first row looks like data/);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect((await userError(parseTabular(png, 'lista.csv'))).message).toBe('lista.csv: this is a PNG image, not a CSV or .xlsx file');
    const garbage = Uint8Array.from({ length: 512 }, (_, i) => (i * 37) % 256);
    expect((await userError(parseTabular(garbage, 'lista.csv'))).message).toMatch(/not a text \(CSV\) file/);
  });
});

describe('parseTabular: .xlsx', () => {
  async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    build(wb);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('reads the first sheet; numbers in text columns become strings, lost leading zeros of postal codes return', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Asiakkaat');
      ws.addRow(['Yritys', 'Puhelin', 'Postinumero', 'Perustettu', 'Liikevaihto']);
      ws.addRow(['Rakennus Oy', 401234567, 100, new Date(Date.UTC(2015, 2, 1)), 125000]);
      ws.addRow([{ richText: [{ text: 'Sähkö' }, { text: '-Äijälä Oy' }] }, '+358501234567', '33100', null, { formula: 'B1', result: 5 }]);
      wb.addWorksheet('Muut').addRow(['x']);
    });
    const list = await parseTabular(bytes, 'asiakkaat.xlsx');
    expect(list.keys).toEqual(['companyName', 'phone', 'postalCode', 'registrationDate', 'extra:Liikevaihto']);
    expect(list.rows).toEqual([
      ['Rakennus Oy', '401234567', '00100', '2015-03-01', '125000'],
      ['Sähkö-Äijälä Oy', '+358501234567', '33100', null, '5'],
    ]);
    expect(list.origin).toEqual({ name: 'asiakkaat.xlsx [Asiakkaat]', firstDataRow: 2 });
  });

  it('reads a named sheet, and lists the sheets when the name is wrong', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('Ohje').addRow(['Lue minut']);
      const ws = wb.addWorksheet('Rekisteri');
      ws.addRow(['Y-tunnus']);
      ws.addRow(['0112038-9']);
    });
    expect((await parseTabular(bytes, 'r.xlsx', { sheet: 'Rekisteri' })).rows).toEqual([['0112038-9']]);
    const e = await userError(parseTabular(bytes, 'r.xlsx', { sheet: 'Asiakkaat' }));
    expect(e.message).toBe("r.xlsx: no sheet named 'Asiakkaat'. Sheets: Ohje, Rekisteri");
  });

  it('reads an .xlsx saved under a .csv name by its content, and rejects a non-zip named .xlsx', async () => {
    const bytes = await workbook((wb) => wb.addWorksheet('A').addRow(['Puhelin']));
    expect((await parseTabular(bytes, 'vaara-paate.csv')).keys).toEqual(['phone']);
    expect((await userError(parseTabular(utf8('Yritys;Puhelin\n'), 'lista.xlsx'))).message).toMatch(/not an Excel workbook/);
  });
});

describe('parseTabular: a damaged file is said in the user\'s language (issue 13)', () => {
  async function damaged(): Promise<{ sheetBinary: Uint8Array; cut: Uint8Array }> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Asiakkaat').addRow(['Yritys', 'Puhelin']);
    const good = new Uint8Array(await wb.xlsx.writeBuffer());
    const zip = await JSZip.loadAsync(good);
    // A sheet part that is binary, as a disk or a sync tool leaves it: the XML parser quotes it.
    zip.file('xl/worksheets/sheet1.xml', Uint8Array.from([0, 1, 2, 0xff, 0xfe, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    return { sheetBinary: await zip.generateAsync({ type: 'uint8array' }), cut: good.subarray(0, 300) };
  }

  it.each([
    ['fi', /^asiakkaat\.xlsx: Excel-työkirjaa ei voi lukea; .*Tallenna se Excelissä uudelleen .xlsx- tai CSV-muodossa \(.+\)$/],
    ['en', /^asiakkaat\.xlsx: not a readable \.xlsx workbook; .*Save it again in Excel as \.xlsx or CSV \(.+\)$/],
    ['sv', /^asiakkaat\.xlsx: Excel-arbetsboken kan inte läsas; .*Spara den på nytt i Excel som \.xlsx eller CSV \(.+\)$/],
  ] as const)('%s: a damaged or cut-off .xlsx names the file, the library\'s words in parentheses, no binary', async (lang, expected) => {
    const { sheetBinary, cut } = await damaged();
    for (const bytes of [sheetBinary, cut]) {
      const message = (await userError(parseTabular(bytes, 'asiakkaat.xlsx', { lang }))).message;
      expect(message).toMatch(expected);
      // eslint-disable-next-line no-control-regex
      expect(message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffd\n]/);
    }
  });

  it('says an empty file, an image and a binary file in Finnish and Swedish', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const garbage = Uint8Array.from({ length: 512 }, (_, i) => (i * 37) % 256);
    expect((await userError(parseTabular(new Uint8Array(), 'tyhja.csv', { lang: 'fi' }))).message).toBe('tyhja.csv: tiedosto on tyhjä');
    expect((await userError(parseTabular(png, 'lista.csv', { lang: 'fi' }))).message).toBe('lista.csv: tämä on PNG-kuva, ei CSV- tai .xlsx-tiedosto');
    expect((await userError(parseTabular(garbage, 'lista.csv', { lang: 'sv' }))).message).toBe('lista.csv: detta är inte en textfil (CSV): den innehåller binära data');
    expect((await userError(parseTabular(utf8('\r\n'), 'tyhja.csv', { lang: 'sv' }))).message).toBe('tyhja.csv: filen är tom');
  });

  it('keeps a library\'s message to one printable line: no raw bytes of the binary file it quotes', () => {
    const sax = new Error('Non-whitespace before first tag.\nLine: 0\nColumn: 1\nChar: \u0000\u0001\ufffdPNG\u001a');
    expect(libraryCause(sax)).toBe('Non-whitespace before first tag. Line: 0 Column: 1 Char: PNG');
    expect(libraryCause(new Error('x'.repeat(500)))).toHaveLength(120);
  });
});
