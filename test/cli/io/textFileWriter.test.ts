/** Text outputs written as they are made (textFileWriter.ts): the bytes of writeFile(path, text). */
import fc from 'fast-check';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextFileWriter } from '../../../src/cli/io/textFileWriter';

async function written(parts: readonly string[], drainEvery: number): Promise<{ streamed: Buffer; whole: Buffer }> {
  const dir = await mkdtemp(join(tmpdir(), 'rajaus-writer-'));
  const file = new TextFileWriter(async () => join(dir, 'streamed.txt'), 'streamed.txt');
  for (let i = 0; i < parts.length; i++) {
    file.write(parts[i]!);
    if (i % drainEvery === 0) await file.drain();
  }
  await file.close();
  await writeFile(join(dir, 'whole.txt'), parts.join(''));
  return { streamed: await readFile(join(dir, 'streamed.txt')), whole: await readFile(join(dir, 'whole.txt')) };
}

describe('TextFileWriter', () => {
  it('writes the bytes writeFile writes, whatever the pieces (Finnish, emoji, empty)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 60 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 50 }),
        async (parts, every) => {
          const { streamed, whole } = await written(parts, every);
          expect(streamed.equals(whole)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('fills megabyte chunks exactly and keeps a character whole across their edges', async () => {
    // Two-byte "ä" and three-byte "€" after an odd number of bytes: the chunk ends mid-character
    // unless the writer starts a new one; a value larger than a chunk is written whole.
    const parts: string[] = ['x'];
    for (let i = 0; i < 300_000; i++) parts.push(i % 3 ? 'ä€;' : 'Mäkisen Kampaamo Oy\r\n');
    parts.push('Ö'.repeat(3_000_000));
    parts.push('loppu');
    const { streamed, whole } = await written(parts, 1000);
    expect(streamed.length).toBeGreaterThan(3 << 20);
    expect(streamed.equals(whole)).toBe(true);
  });
});
