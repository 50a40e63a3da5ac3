/** Node helpers: an .xlsx file on disk as a workbook port, and back (atomically). */
import { readFile } from 'node:fs/promises';
import { UserError } from '../../core/errors';
import { writeFileAtomic } from '../../cli/io/files';
import { xlsxWorkbookFromBytes, xlsxWorkbookToBytes, type XlsxWorkbookPort } from './xlsxWorkbook';

export async function loadXlsxWorkbook(path: string): Promise<XlsxWorkbookPort> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new UserError(`cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { file: path });
  }
  return xlsxWorkbookFromBytes(bytes, path);
}

/** Saves under a temporary name in the same folder, then renames: never a half-written file. */
export async function saveXlsxWorkbook(port: XlsxWorkbookPort, path: string): Promise<void> {
  await writeFileAtomic(path, await xlsxWorkbookToBytes(port));
}
