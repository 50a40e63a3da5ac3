/**
 * streamWithMap reads a file once: the --map overrides that name its columns are decided when
 * its header is read (before, a first pass read the whole file for the header alone, decoding a
 * 12 MB CSV or loading a workbook twice).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { decodeText } from '../../../src/sources/tabular/csvParse';
import { streamWithMap } from '../../../src/cli/io/readTable';
import type { CellValue } from '../../../src/core/workbook/cells';

jest.mock('../../../src/sources/tabular/csvParse', () => {
  const actual = jest.requireActual('../../../src/sources/tabular/csvParse');
  return { ...actual, decodeText: jest.fn(actual.decodeText) };
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rajaus-readtable-'));
  (decodeText as jest.Mock).mockClear();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function read(path: string, map: Record<string, string>) {
  const rows: CellValue[][] = [];
  const { head } = await streamWithMap(path, undefined, map, () => (row) => rows.push(row));
  return { keys: head.keys, rows };
}

describe('streamWithMap', () => {
  it('decodes a CSV once with --map, applying only the overrides that name its columns', async () => {
    const path = join(dir, 'asiakkaat.csv');
    writeFileSync(path, 'Asiakas;Numero;Kunta\nOy A;040 1234567;Tampere\n');
    // "Yhteyshenkilö" names a column of the other file: ignored here, as before.
    const { keys, rows } = await read(path, { Numero: 'phone', Yhteyshenkilö: 'fullName' });
    expect(keys).toEqual(['companyName', 'phone', 'municipality']);
    expect(rows).toEqual([['Oy A', '040 1234567', 'Tampere']]);
    expect(decodeText).toHaveBeenCalledTimes(1);
  });

  it("maps an .xlsx sheet's columns by --map the same way", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Asiakkaat');
    ws.addRow(['Asiakas', 'Numero']);
    ws.addRow(['Oy B', '050 7654321']);
    const path = join(dir, 'asiakkaat.xlsx');
    writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
    const { keys, rows } = await read(path, { numero: 'phone', Muu: 'email' });
    expect(keys).toEqual(['companyName', 'phone']);
    expect(rows).toEqual([['Oy B', '050 7654321']]);
  });

  it('reads a file without --map as its headers say', async () => {
    const path = join(dir, 'lista.csv');
    writeFileSync(path, 'Yritys;Puhelin\nOy C;040 1\n');
    expect((await read(path, {})).keys).toEqual(['companyName', 'phone']);
    expect(decodeText).toHaveBeenCalledTimes(1);
  });
});
