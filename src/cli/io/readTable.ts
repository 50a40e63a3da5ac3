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
  // The overrides are decided when the header is read: the file is decoded (a workbook loaded) once.
  const mapOf = (headers: readonly string[]) => (Object.keys(map).length ? overridesFor(map, headers) : {});
  // With a signal the file is read in pieces, and Ctrl-C is heard between them.
  return streamTabular(bytes, path, { sheet, mapOf, onWarning, lang, signal }, sink);
}
