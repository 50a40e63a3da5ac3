/**
 * Issue 17 items 4 and 11: a run's outputs as one unit, leftovers of killed runs, the previous
 * export's extra parts, and file-system errors as one line.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { RunOutputs, cleanLeftovers } from '../../../src/cli/io/outputs';
import { CancelledError, UserError } from '../../../src/core/errors';
import { fileSystemError } from '../../../src/cli/io/fsErrors';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rajaus-outputs-'));
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

/** A pid that is certainly not running: a child that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout as unknown as number;
}

test('nothing appears in the folder until commit; then every file at once, and no staging folder', async () => {
  writeFileSync(join(dir, 'kept.csv'), 'old kept');
  writeFileSync(join(dir, 'removed.csv'), 'old removed');
  const outputs = new RunOutputs(dir);
  await outputs.write('kept.csv', 'new kept');
  await outputs.write('removed.csv', 'new removed');
  expect(readFileSync(join(dir, 'kept.csv'), 'utf8')).toBe('old kept');
  await outputs.commit();
  expect(readdirSync(dir).sort()).toEqual(['kept.csv', 'removed.csv']);
  expect(readFileSync(join(dir, 'removed.csv'), 'utf8')).toBe('new removed');
});

test('a cancelled run writes nothing and leaves nothing', async () => {
  writeFileSync(join(dir, 'kept.csv'), 'old kept');
  const abort = new AbortController();
  const outputs = new RunOutputs(dir, { signal: abort.signal });
  await outputs.write('kept.csv', 'new kept');
  abort.abort();
  await expect(outputs.commit()).rejects.toBeInstanceOf(CancelledError);
  expect(readdirSync(dir)).toEqual(['kept.csv']);
  expect(readFileSync(join(dir, 'kept.csv'), 'utf8')).toBe('old kept');
});

test("a killed run's staging folder and old-style .tmp files are removed by the next run", async () => {
  const pid = Number(deadPid());
  mkdirSync(join(dir, `.rajaus-run-${pid}-1`));
  writeFileSync(join(dir, `.rajaus-run-${pid}-1`, 'kept.csv'), 'half');
  writeFileSync(join(dir, `.kept.csv.${pid}.3.tmp`), 'half');
  const outputs = new RunOutputs(dir);
  await outputs.write('kept.csv', 'new');
  await outputs.commit();
  expect(readdirSync(dir)).toEqual(['kept.csv']);
});

test('a run killed in the middle of its swap is rolled forward by the next: never old and new side by side', () => {
  const pid = Number(deadPid());
  const staging = join(dir, `.rajaus-run-${pid}-1`);
  mkdirSync(staging);
  // removed.csv had moved in; kept.csv had not; the old export's part 3 was to go.
  writeFileSync(join(dir, 'removed.csv'), 'new removed');
  writeFileSync(join(dir, 'kept.csv'), 'old kept');
  writeFileSync(join(staging, 'kept.csv'), 'new kept');
  writeFileSync(join(dir, 'calls-3.csv'), 'old part');
  writeFileSync(join(staging, 'journal.json'), JSON.stringify({ moveIn: ['removed.csv', 'kept.csv'], remove: ['calls-3.csv'] }));
  expect(cleanLeftovers(dir)).toEqual([`.rajaus-run-${pid}-1`]);
  expect(readdirSync(dir).sort()).toEqual(['kept.csv', 'removed.csv']);
  expect(readFileSync(join(dir, 'kept.csv'), 'utf8')).toBe('new kept');
});

test("another live run's staging folder is left alone", () => {
  mkdirSync(join(dir, `.rajaus-run-${process.pid}-99`));
  expect(cleanLeftovers(dir)).toEqual([]);
  expect(existsSync(join(dir, `.rajaus-run-${process.pid}-99`))).toBe(true);
});

test('a manifest: an export in fewer parts removes the parts of the previous one, and only those', async () => {
  writeFileSync(join(dir, 'calls-2024.csv'), 'the user’s own file');
  const first = new RunOutputs(dir, { manifest: { name: 'calls.parts.json', about: { format: 'leaddesk' } } });
  for (const n of ['calls-1.csv', 'calls-2.csv', 'calls-3.csv']) await first.write(n, n);
  await first.commit();
  expect(JSON.parse(readFileSync(join(dir, 'calls.parts.json'), 'utf8')).parts).toEqual(['calls-1.csv', 'calls-2.csv', 'calls-3.csv']);

  const second = new RunOutputs(dir, { manifest: { name: 'calls.parts.json', about: {} } });
  for (const n of ['calls-1.csv', 'calls-2.csv']) await second.write(n, `${n} new`);
  await second.commit();
  expect(second.removedParts).toEqual(['calls-3.csv']);
  expect(readdirSync(dir).sort()).toEqual(['calls-1.csv', 'calls-2.csv', 'calls-2024.csv', 'calls.parts.json']);

  const third = new RunOutputs(dir, { manifest: { name: 'calls.parts.json', about: {}, write: false } });
  await third.write('calls.csv', 'one file');
  await third.commit();
  expect(readdirSync(dir).sort()).toEqual(['calls-2024.csv', 'calls.csv']);
});

describe('file-system errors are one line naming the file', () => {
  test('a full disk, as the system reports it', () => {
    const e = fileSystemError(
      Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }),
      '/levy/kept.csv',
      'file',
    );
    expect((e as Error).message).toBe(
      '/levy/kept.csv: cannot be written: the disk is full; free some space or choose another --out. Nothing was changed',
    );
  });

  test('a folder where the file should be: refused before anything moves', async () => {
    mkdirSync(join(dir, 'removed.csv'));
    writeFileSync(join(dir, 'kept.csv'), 'old kept');
    const outputs = new RunOutputs(dir);
    await outputs.write('kept.csv', 'new kept');
    await outputs.write('removed.csv', 'new removed');
    const e = await outputs.commit().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toBe(
      `${join(dir, 'removed.csv')}: is a folder, not a file; remove or rename that folder, or choose another --out`,
    );
    expect(readFileSync(join(dir, 'kept.csv'), 'utf8')).toBe('old kept');
    expect(readdirSync(dir).sort()).toEqual(['kept.csv', 'removed.csv']);
  });

  const root = process.getuid?.() === 0;
  (root ? test.skip : test)('a read-only folder', async () => {
    chmodSync(dir, 0o555);
    const outputs = new RunOutputs(dir);
    const e = await outputs.write('kept.csv', 'x').catch((x: unknown) => x);
    expect((e as Error).message).toMatch(/: cannot be written into: permission denied \(a read-only folder\?\); choose another --out$/);
  });

  test('a file where the folder should be', async () => {
    writeFileSync(join(dir, 'out'), 'a file');
    const e = await new RunOutputs(join(dir, 'out')).write('kept.csv', 'x').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toBe(`${join(dir, 'out')}: is a file, not a folder; choose another --out`);
  });

  test('a name too long', async () => {
    const e = await new RunOutputs(dir).write(`${'n'.repeat(300)}.csv`, 'x').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toMatch(/\.csv: cannot be written: the name is too long for the file system; choose a shorter --out$/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
