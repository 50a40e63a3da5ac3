/** The CLI reads Excel's "Unicode text" and says which lines of a mixed file were Windows-1252. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { useCliSandbox } from '../../support/cliSandbox';

const sandbox = useCliSandbox('encodings');

function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

describe('rajaus and the encodings Excel writes', () => {
  it('exports a UTF-16LE tab-separated list (Excel Unicode text) instead of calling it binary data', async () => {
    const list = join(sandbox.dir, 'lista.txt');
    writeFileSync(list, utf16le('Yritys\tPuhelin\tKatuosoite\tPostinumero\tPostitoimipaikka\r\nSähkö-Äijälä Oy\t040 123 4567\tÖljytie 1\t00100\tHelsinki\r\n'));
    const code = await main(['export', '--list', list, '--format', 'csv', '--out', join(sandbox.dir, 'out.csv'), '--lang', 'en']);
    expect(sandbox.err).toEqual([]);
    expect(code).toBe(0);
    expect(readFileSync(join(sandbox.dir, 'out.csv'), 'utf8')).toContain('Sähkö-Äijälä Oy');
  });

  it('matches a UTF-8 list with one Windows-1252 line, and warns naming that line', async () => {
    const list = join(sandbox.dir, 'lista.csv');
    writeFileSync(
      list,
      Buffer.concat([
        Buffer.from('Yritys;Puhelin;Postinumero\r\nSähkö Oy;040 1111111;00100\r\n', 'utf8'),
        Buffer.from('Öljy-Äijälä Ky;050 2222222;33100\r\n', 'latin1'),
      ]),
    );
    const customers = join(sandbox.dir, 'asiakkaat.csv');
    writeFileSync(customers, 'Yritys;Puhelin;Postinumero\r\nÖljy-Äijälä Ky;050 2222222;33100\r\n');
    const code = await main(['match', '--list', list, '--customers', customers, '--out', join(sandbox.dir, 'out'), '--lang', 'en']);
    expect(code).toBe(0);
    expect(sandbox.err).toEqual([`${list}: row 3 is not UTF-8 like the rest of the file; read as Windows-1252. Check ä, ö and € there.`]);
    // Read right, the row matches its customer.
    expect(readFileSync(join(sandbox.dir, 'out', 'removed.csv'), 'utf8')).toContain('Öljy-Äijälä Ky');
  });
});
