/** Text outputs written as they are made (textFileWriter.ts): the bytes of writeFile(path, text). */
import fc from 'fast-check';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextFileWriter } from '../../../src/cli/io/textFileWriter';

/** `parts` written by the writer (those at `asBytes` places as UTF-8 bytes) and by writeFile. */
async function written(
  parts: readonly string[],
  drainEvery: number,
  asBytes: (i: number) => boolean = () => false,
): Promise<{ streamed: Buffer; whole: Buffer }> {
  const dir = await mkdtemp(join(tmpdir(), 'rajaus-writer-'));
  const file = new TextFileWriter(async () => join(dir, 'streamed.txt'), 'streamed.txt');
  for (let i = 0; i < parts.length; i++) {
    if (asBytes(i)) {
      // A view into a larger buffer that is overwritten at once: the writer must have copied it.
      const scratch = Buffer.from(`<${parts[i]!}>`, 'utf8');
      const bytes = scratch.subarray(1, scratch.length - 1);
      file.writeBytes(bytes);
      scratch.fill(0);
    } else file.write(parts[i]!);
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

  it('writes bytes given as bytes among text, whatever the pieces', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 60 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 4 }),
        async (parts, every, bytesEvery) => {
          const { streamed, whole } = await written(parts, every, (i) => i % bytesEvery === 0);
          expect(streamed.equals(whole)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
    // Bytes larger than a chunk, and bytes filling a chunk's end.
    const parts = ['x', 'ä'.repeat(700_000), 'Ö'.repeat(600_000), 'loppu'];
    const { streamed, whole } = await written(parts, 2, (i) => i > 0);
    expect(streamed.equals(whole)).toBe(true);
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
