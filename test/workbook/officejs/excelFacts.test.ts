/** The Excel facts the adapter relies on, as pure functions. */
import { typeOf } from '../../../src/core/columns/catalogue';
import { sheetNameProblem } from '../../../src/core/workbook/sheetNames';
import {
  REQUEST_LIMIT_BYTES,
  TARGET_REQUEST_BYTES,
  columnLetter,
  columnWidthPoints,
  excelCell,
  fromExcel,
  jsonBytes,
  rangeAddress,
  readBlockRows,
  cellBlocks,
  rowJsonBytes,
  tempSheetName,
  utf8Length,
} from '../../../src/workbook/officejs/excelFacts';

describe('request sizes', () => {
  it('counts UTF-8 bytes as Excel receives them: ä and ö take two bytes, an emoji four', () => {
    expect(utf8Length('Hämeenlinna')).toBe(12);
    expect(utf8Length('Öljylämmitys')).toBe(14);
    expect(utf8Length('🏠')).toBe(4);
    expect(jsonBytes([['Pöytä Oy', '00100']])).toBe(new TextEncoder().encode(JSON.stringify([['Pöytä Oy', '00100']])).length);
  });

  const types = ['companyName', 'postalCode'].map(typeOf);
  const rows = Array.from({ length: 7 }, (_, i) => [`Virtasen Putki Oy ${i}`, '33100']);

  it('converts rows into consecutive blocks that stay under the target', () => {
    // Each row is 31 bytes with its comma: two fit in 70 bytes with the brackets, three do not.
    const blocks = [...cellBlocks(rows, types, 70)];
    expect(blocks.map((b) => [b.start, b.cells.length])).toEqual([[0, 2], [2, 2], [4, 2], [6, 1]]);
    for (const b of blocks) {
      expect(b.bytes).toBe(jsonBytes(b.cells));
      expect(b.bytes).toBeLessThanOrEqual(70);
    }
    expect(blocks.flatMap((b) => b.cells)).toEqual(rows);
  });

  it('caps rows per block, and gives a row larger than the target a block of its own', () => {
    expect([...cellBlocks(rows, types, 10_000, 3)].map((b) => b.cells.length)).toEqual([3, 3, 1]);
    const long = [['a', '1'], ['x'.repeat(500), '2'], ['b', '3']];
    expect([...cellBlocks(long, types, 100)].map((b) => b.cells.length)).toEqual([1, 1, 1]);
    expect([...cellBlocks([], types)]).toEqual([]);
  });

  it('aims at half the 5 MB limit', () => {
    expect(TARGET_REQUEST_BYTES).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES / 2);
  });

  it('sizes read blocks from bytes per row with a margin', () => {
    expect(readBlockRows(400, 2_000_000)).toBe(3333);
    expect(readBlockRows(10_000_000, 2_000_000)).toBe(1);
  });
});

describe('addresses and widths', () => {
  it('names columns and ranges as Excel does', () => {
    expect([columnLetter(0), columnLetter(19), columnLetter(25), columnLetter(26), columnLetter(16_383)]).toEqual(['A', 'T', 'Z', 'AA', 'XFD']);
    expect(rangeAddress(0, 0, 100_001, 20)).toBe('A1:T100001');
    expect(rangeAddress(4, 2, 1, 1)).toBe('C5:C5');
  });

  it('converts character widths to points (8.43 characters is Excel’s 64 px default, 48 pt)', () => {
    expect(columnWidthPoints(8.43)).toBeCloseTo(48, 0);
    expect(columnWidthPoints(32)).toBe(171.75);
  });
});

describe('temporary sheet names', () => {
  it('are valid Excel sheet names and avoid names in use, ignoring case', () => {
    const first = tempSheetName(['Tulokset'], 123_456);
    expect(sheetNameProblem(first)).toBeNull();
    const second = tempSheetName(['Tulokset', first.toUpperCase()], 123_456);
    expect(second).not.toBe(first);
    expect(sheetNameProblem(second)).toBeNull();
  });
});

describe('cells as written to Excel', () => {
  it('leaves text-like values as strings: the column’s "@" format keeps them', () => {
    expect(excelCell('phone', '+358401234567')).toBe('+358401234567');
    expect(excelCell('postalCode', '00100')).toBe('00100');
    expect(excelCell('text', '=HYPERLINK("http://x","y")')).toBe('=HYPERLINK("http://x","y")');
    expect(excelCell('postalCode', 100)).toBe('100');
  });

  it('writes numbers and dates as numbers, and quotes stray text in number columns so Excel keeps it text', () => {
    expect(excelCell('integer', '1985')).toBe(1985);
    expect(excelCell('date', '2015-03-01')).toBe(42064);
    expect(excelCell('integer', '=1+1')).toBe("'=1+1");
    expect(excelCell('date', 'ei tiedossa')).toBe("'ei tiedossa");
  });

  it('writes empty cells as "" (null would leave an old value in place) and reads "" back as null', () => {
    expect(excelCell('text', null)).toBe('');
    expect(excelCell('text', undefined)).toBe('');
    expect(fromExcel('')).toBeNull();
    expect(fromExcel(0)).toBe(0);
  });
});

describe('row sizes without building JSON', () => {
  it('equal the JSON size for Finnish text, quotes, escapes, numbers, booleans and emoji', () => {
    const rows: (string | number | boolean)[][] = [
      ['Hämäläisen Sähkö Ky', '00100', '+358401234567', 42064, 0.75, true, ''],
      ['"Lainausmerkit" Oy', 'C:\\polku', 'rivi\nrivi', 'tab\there', '\u0001', '🏠 Koti', -5, false],
      [],
    ];
    for (const row of rows) expect(rowJsonBytes(row)).toBe(jsonBytes(row));
  });
});
