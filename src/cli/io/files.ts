/**
 * Files for the command line: read a list (CSV or .xlsx) as a ListTable, and write outputs
 * atomically (staged next to the target, then renamed: outputs.ts), so that a failed or
 * cancelled run never leaves a half-written file where the user expects a result.
 */
import { realpathSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { UserError } from '../../core/errors';
import { fileSystemError, readError } from './fsErrors';
import { RunOutputs } from './outputs';
import type { ListTable } from '../../core/list/listTable';
import { parseTabular, type ParseTabularOptions } from '../../sources/tabular/parseTabular';

export async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    throw readError(e, path);
  }
}

/** Reads a list file (CSV or .xlsx, by content and extension); errors name file, row, column. */
export async function readListFile(path: string, opts: ParseTabularOptions = {}): Promise<ListTable> {
  const bytes = await readBytes(path);
  return parseTabular(bytes, path, opts);
}

export async function ensureDir(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
  } catch (e) {
    throw fileSystemError(e, path, 'folder');
  }
}

/** Writes `data` to `path` as a run of one file (staged in the same folder, then renamed). */
export async function writeFileAtomic(path: string, data: string | Uint8Array, signal?: AbortSignal): Promise<void> {
  const outputs = new RunOutputs(dirname(path), { signal });
  await outputs.write(basename(path), data);
  await outputs.commit();
}

/** A path as the file system knows it (symlinks and `..` resolved) for comparing files. */
function samePathKey(path: string): string {
  const full = resolvePath(path);
  try {
    return realpathSync(full);
  } catch {
    // Not there yet: its folder's real path and its name.
    try {
      return join(realpathSync(dirname(full)), basename(full));
    } catch {
      return full;
    }
  }
}

/**
 * Refuses a run whose output would overwrite one of its own inputs (`--out` equal to `--list`
 * wrote the export over the user's list). `outputs` and `inputs` are paths; undefined ones are
 * skipped.
 */
export function refuseInputAsOutput(outputs: readonly string[], inputs: readonly (string | undefined)[]): void {
  const byKey = new Map(inputs.filter((p): p is string => Boolean(p)).map((p) => [samePathKey(p), p]));
  for (const out of outputs) {
    const input = byKey.get(samePathKey(out));
    if (input) throw new UserError(`is an input of this run and would be overwritten; choose another --out`, { file: out });
  }
}

/** True when two paths name the same file. */
export function sameFile(a: string, b: string): boolean {
  return samePathKey(a) === samePathKey(b);
}
