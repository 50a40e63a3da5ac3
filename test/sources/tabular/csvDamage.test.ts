/**
 * Issue 17 item 3: one unbalanced opening quote swallowed the rest of a file (a 1,000-row list
 * read as 5 rows, the rest in one cell). Damage now ends the read with one line naming the
 * file and the row where the quote opened; legitimate quoted line breaks still read.
 */
import { parseTabular } from '../../../src/sources/tabular/parseTabular';
import { CsvDamageError, parseCsvRecords } from '../../../src/sources/tabular/csvParse';
import { UserError } from '../../../src/core/errors';

const HEADER = 'Yritys;Y-tunnus;Puhelin;Postinumero\r\n';
const row = (i: number) => `Yritys ${i} Oy;;040${String(1000000 + i)};33100\r\n`;
const rows = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => row(from + k)).join('');
const bytes = (s: string) => new TextEncoder().encode(s);

async function failure(text: string): Promise<UserError> {
  try {
    await parseTabular(bytes(text), 'lista.csv');
  } catch (e) {
    return e as UserError;
  }
  throw new Error('read without an error');
}

describe('CSV damage', () => {
  test('an opening quote never closed, in a 1,000-row list: one line naming the file and row 5', async () => {
    const text = HEADER + rows(1, 3) + '"Rikki Oy;;0401234567;33100\r\n' + rows(5, 1000);
    const e = await failure(text);
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toMatch(/^lista\.csv, row 5: a quote \(\"\) opens a value here and is never closed, so the 997 line\(s\) after it/);
    expect(e.message).not.toContain('\n');
  });

  test('a stray quote closed hundreds of rows later (swallowing rows) names the row where it opened', async () => {
    // Record 11 opens a quoted phone field; the next quote is 490 rows further down.
    const text = HEADER + rows(1, 9) + 'Huono Oy;;"0401234567;33100\r\n' + rows(11, 500) + 'Lopetus" Oy;;0401234599;33100\r\n';
    const e = await failure(text);
    expect(e.message).toMatch(/^lista\.csv, row 11: a quote \(\"\) opens a value here that runs over 492 lines holding whole rows/);
  });

  test('in the pane\'s language: Finnish and Swedish, with the physical line when it differs', async () => {
    const unclosed = HEADER + rows(1, 3) + '"Rikki Oy;;0401234567;33100\r\n' + rows(5, 20);
    await expect(parseTabular(bytes(unclosed), 'asiakkaat.csv', { lang: 'fi' })).rejects.toThrow(
      /^asiakkaat\.csv, rivi 5: lainausmerkki \("\) aloittaa tässä arvon eikä sulkeudu, joten sen jälkeiset 17 riviä luettaisiin yhdeksi soluksi/,
    );
    await expect(parseTabular(bytes(unclosed), 'kunder.csv', { lang: 'sv' })).rejects.toThrow(/^kunder\.csv, rad 5: ett citattecken \("\) börjar ett värde här och stängs aldrig/);
    // A note over two lines before the damage: record 4 is line 5.
    const swallowing = HEADER + rows(1, 2) + 'Monirivinen Oy;;"040\r\n123";33100\r\n' + 'Huono Oy;;"0401234567;33100\r\n' + rows(5, 300) + 'Loppu" Oy;;0401234599;33100\r\n';
    await expect(parseTabular(bytes(swallowing), 'lista.csv', { lang: 'fi' })).rejects.toThrow(
      /^lista\.csv, rivi 5: lainausmerkki \("\) aloittaa tässä arvon, joka jatkuu \d+ riville ja nielee tiedoston kokonaisia rivejä.*\(tiedoston rivi 6\)$/,
    );
  });

  test('a quote inside a field (not opening it) is an ordinary character, as before', async () => {
    const text = HEADER + rows(1, 9) + 'Huono "Oy;;0401234567;33100\r\n' + rows(11, 500);
    const t = await parseTabular(bytes(text), 'lista.csv');
    expect(t.rows).toHaveLength(500);
    expect(t.rows[9]![0]).toBe('Huono "Oy');
  });

  test('the row number counts records; the line is given too when quoted line breaks come before', async () => {
    const text = HEADER + 'A Oy;;"0401234567";"Katu 1\nporras B"\r\n' + '"Auki Oy;;0401234568;33100\r\n' + rows(3, 10);
    const e = await failure(text);
    expect(e.message).toMatch(/^lista\.csv, row 3: .* \(line 4\)$/);
  });

  test('quoted line breaks of a real note (a few lines, no rows inside) still read', async () => {
    const text = HEADER + 'A Oy;;"040 123 4567";"33100"\r\n' + '"Monirivinen\r\nnimi; jossa\r\npuolipiste Oy";;0401234568;33100\r\n' + rows(3, 20);
    const t = await parseTabular(bytes(text), 'lista.csv');
    expect(t.rows).toHaveLength(20);
    expect(t.rows[1]![0]).toBe('Monirivinen\r\nnimi; jossa\r\npuolipiste Oy');
  });

  test('a quote left open on the last line loses nothing and still reads', () => {
    expect(parseCsvRecords('a;b;c\r\n1;2;"3\r\n', ';')).toEqual([['a', 'b', 'c'], ['1', '2', '3\r\n']]);
  });

  test('CsvDamageError carries record and line', () => {
    expect(() => parseCsvRecords('a;b;c\n"x;y;z\nq;w;e\n', ';')).toThrow(CsvDamageError);
  });
});
