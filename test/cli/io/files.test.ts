import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readListFile, writeFileAtomic, ensureDir } from '../../../src/cli/io/files';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'rajaus-files-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('CLI file helpers', () => {
  it('writes atomically into a new folder and replaces an existing file, leaving no temporary file', async () => {
    const path = join(dir, 'out', 'kept.csv');
    await writeFileAtomic(path, 'Yritys\r\nA Oy\r\n');
    await writeFileAtomic(path, new TextEncoder().encode('Yritys\r\nB Oy\r\n'));
    expect(readFileSync(path, 'utf8')).toBe('Yritys\r\nB Oy\r\n');
    expect(readdirSync(join(dir, 'out'))).toEqual(['kept.csv']);
  });

  it('reads a list file and names a missing one', async () => {
    writeFileSync(join(dir, 'a.csv'), 'Y-tunnus;Puhelin\n0112038-9;040 1234567\n');
    const list = await readListFile(join(dir, 'a.csv'));
    expect(list.keys).toEqual(['businessId', 'phone']);
    await expect(readListFile(join(dir, 'b.csv'))).rejects.toThrow(`${join(dir, 'b.csv')}: file not found`);
    await ensureDir(join(dir, 'x', 'y'));
    await expect(readListFile(join(dir, 'x'))).rejects.toThrow(/is a folder/);
  });
});
