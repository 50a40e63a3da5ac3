/**
 * Files for the command line: read a list (CSV or .xlsx) as a ListTable, and write outputs
 * atomically (staged next to the target, then renamed: outputs.ts), so that a failed or
 * cancelled run never leaves a half-written file where the user expects a result.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
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
