/**
 * Files for the command line: read a list (CSV or .xlsx) as a ListTable, and write outputs
 * atomically (a temporary name in the same folder, then rename), so that a failed or cancelled
 * run never leaves a half-written file where the user expects a result.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../../core/errors';
import type { ListTable } from '../../core/list/listTable';
import { parseTabular, type ParseTabularOptions } from '../../sources/tabular/parseTabular';

export async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : (e as Error).message;
    throw new UserError(why, { file: path });
  }
}

/** Reads a list file (CSV or .xlsx, by content and extension); errors name file, row, column. */
export async function readListFile(path: string, opts: ParseTabularOptions = {}): Promise<ListTable> {
  const bytes = await readBytes(path);
  return parseTabular(bytes, path, opts);
}

export async function ensureDir(path: string): Promise<void> {
  await mkdir(path, { recursive: true });
}

let counter = 0;

/** Writes `data` to `path` via a temporary file in the same folder and a rename. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  await ensureDir(dir);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${++counter}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
