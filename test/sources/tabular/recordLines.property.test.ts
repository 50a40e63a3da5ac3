/**
 * A CSV row's `line` (parseTabular's CsvSource) and csv.ts csvLineOf: writing a row read from a
 * CSV by its line gives exactly what csvLine makes of the row, whatever the text (quotes,
 * delimiters, formula starts, phone numbers, ragged and blank rows, line ends of every kind).
 * `rajaus match` writes its list's records so (commands/match.ts).
 */
import fc from 'fast-check';
import { streamTabular } from '../../../src/sources/tabular/parseTabular';
import { csvLine, csvLineOf, phoneColumnsOf, type CsvOptions } from '../../../src/core/export/csv';
import { UserError } from '../../../src/core/errors';
import type { CellValue } from '../../../src/core/workbook/cells';

const MATCH_LIKE: CsvOptions = { delimiter: ';', bom: true, eol: '\r\n', neutralizeFormulas: true };

/** Characters that make a record differ from its row written again, and plain ones. */
const CHARS = ['a', 'Z', '7', '0', ' ', ';', ',', '\t', '"', "'", '=', '+', '-', '@', 'ä', '€', '\n', '\r'];
const field = fc.oneof(
  fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 8 }),
  fc.constantFrom('+358401234567', '+3584', '040 1234567', '-5', '=SUM(A1)', ''),
);

/** A CSV text: a header naming a phone column among others, then ragged rows, in one dialect. */
const csvText = fc
  .record({
    delimiter: fc.constantFrom(';', ',', '\t'),
    width: fc.integer({ min: 1, max: 5 }),
    rows: fc.array(fc.array(field, { minLength: 0, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    quoteSome: fc.boolean(),
    lastEol: fc.boolean(),
  })
  .map(({ delimiter, width, rows, eol, quoteSome, lastEol }) => {
    const headers = ['Puhelin', ...Array.from({ length: width - 1 }, (_, i) => `Oma ${i}`)];
    const write = (f: string, k: number) =>
      (quoteSome && k % 2 === 0) || /["\r\n]/.test(f) || f.includes(delimiter) ? `"${f.replace(/"/g, '""')}"` : f;
    const lines = [headers.join(delimiter), ...rows.map((r) => r.map(write).join(delimiter))];
    return lines.join(eol) + (lastEol ? eol : '');
  });

async function written(text: string): Promise<{ lines: string[]; again: string[]; given: number } | null> {
  const lines: string[] = [];
  const again: string[] = [];
  let given = 0;
  try {
    await streamTabular(new TextEncoder().encode(text), 'lista.csv', {}, (head, _expected, csv) => {
      const opts = { ...MATCH_LIKE, phoneColumns: phoneColumnsOf(head.keys) };
      return (row: CellValue[], _i: number, line?: string) => {
        if (line !== undefined) given++;
        expect(csv).toBeDefined();
        lines.push(csvLineOf(row, opts, line, csv!.delimiter));
        again.push(csvLine(row, opts));
      };
    });
  } catch (e) {
    // A damaged or refused file is the readers' own property test's business.
    if (e instanceof UserError) return null;
    throw e;
  }
  return { lines, again, given };
}

describe('a CSV row written by its line', () => {
  it('is what csvLine makes of the row, for any text', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, async (text) => {
        const r = await written(text);
        if (r) expect(r.lines).toEqual(r.again);
      }),
      { numRuns: 400 },
    );
  });

  it('is given for a plain record and taken as it is', async () => {
    const r = (await written('Yritys;Puhelin;Postinumero\r\nKoivun Putki Oy;+358401234567;00100\r\n"Oy ""A""";040;00200\r\nB Oy;040\r\n'))!;
    // The first row is its line; the quoted one and the short one are written again.
    expect(r.given).toBe(1);
    expect(r.lines).toEqual(['Koivun Putki Oy;+358401234567;00100', '"Oy ""A""";040;00200', 'B Oy;040;']);
  });

  it('is not taken when the delimiters differ or a text starts like a formula', () => {
    const opts = { ...MATCH_LIKE, phoneColumns: new Set([1]) };
    expect(csvLineOf(['a', 'b'], opts, 'a,b', ',')).toBe('a;b');
    expect(csvLineOf(['=1', 'b'], opts, '=1;b', ';')).toBe(`"'=1";b`);
    expect(csvLineOf(['a', '+358401234567'], opts, 'a;+358401234567', ';')).toBe('a;+358401234567');
    expect(csvLineOf(['+358401234567', 'b'], opts, '+358401234567;b', ';')).toBe(`"'+358401234567";b`);
  });
});
