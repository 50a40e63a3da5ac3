/** Reads a list or customer file (CSV or .xlsx) with the user's --map overrides that apply to it. */
import { normalizeHeader } from '../../core/columns/headerMapping';
import { streamTabular, type RowSink, type TableHead } from '../../sources/tabular/parseTabular';
import { readBytes } from './files';
import type { Lang } from '../../core/i18n/lang';

/** The --map overrides that name a column of this file (the option serves both files). */
function overridesFor(map: Record<string, string>, headers: readonly string[]): Record<string, string> {
  const present = new Set(headers.map(normalizeHeader));
  return Object.fromEntries(Object.entries(map).filter(([h]) => present.has(normalizeHeader(h))));
}

/** Stops streamTabular once the header is read (see headersOf). */
const HEADER_READ = Symbol('header read');

/** The headers of a file, without reading its rows. */
async function headersOf(bytes: Uint8Array, path: string, sheet: string | undefined, lang?: Lang): Promise<string[]> {
  let headers: string[] = [];
  try {
    await streamTabular(bytes, path, { sheet, lang }, (head) => {
      headers = head.headers;
      throw HEADER_READ;
    });
  } catch (e) {
    if (e !== HEADER_READ) throw e;
  }
  return headers;
}

/**
 * Reads a file one row at a time (streamTabular) with the --map overrides that name its columns:
 * `sink` gets the head, then each row.
 */
export async function streamWithMap(
  path: string,
  sheet: string | undefined,
  map: Record<string, string>,
  sink: RowSink,
  onWarning?: (line: string) => void,
  lang?: Lang,
  signal?: AbortSignal,
): Promise<{ head: TableHead; rowCount: number }> {
  const bytes = await readBytes(path);
  const overrides = Object.keys(map).length ? overridesFor(map, await headersOf(bytes, path, sheet, lang)) : {};
  // With a signal the file is read in pieces, and Ctrl-C is heard between them.
  return streamTabular(bytes, path, { sheet, map: overrides, onWarning, lang, signal }, sink);
}
