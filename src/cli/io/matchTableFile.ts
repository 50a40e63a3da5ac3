/**
 * A list or customer file read straight into a MatchTable, each row normalized as it is read
 * (streamWithMap): the cells are fresh in the cache, and rows not kept die young instead of
 * being copied from one heap generation to the next.
 */
import { MatchTableBuilder, type MatchTable, type Vocabulary } from '../../core/matching/record';
import type { RowSink, TableHead } from '../../sources/tabular/parseTabular';
import { streamWithMap } from './readTable';
import { normalizeHeader } from '../../core/columns/headerMapping';
import type { ColumnGuess } from '../../core/columns/contentGuess';
import type { Lang } from '../../core/i18n/lang';

export interface FileRequest {
  path: string;
  sheet: string | undefined;
  map: Record<string, string>;
  /** The language of the file's error messages (the user's --lang). */
  lang?: Lang;
}

export interface MatchTableFile {
  head: TableHead;
  rowCount: number;
  table: MatchTable;
  /** Columns whose meaning came from their contents. */
  guesses: ColumnGuess[];
}

export interface ReadOptions {
  /** Called with each row of the table once it is normalized (see MatchTableBuilder). */
  onNormalized?: (t: MatchTable, i: number) => void;
  /** Also takes each row as read (the list: its rows are written out again, as CSV records). */
  rows?: RowSink;
  /** Told of doubtful reading (lines of a UTF-8 file in Windows-1252). */
  onWarning?: (line: string) => void;
  /** Ctrl-C: the file is read in pieces and the read ends with CancelledError. */
  signal?: AbortSignal;
}

export async function readMatchTable(request: FileRequest, vocabulary: Vocabulary, opts: ReadOptions = {}): Promise<MatchTableFile> {
  let builder: MatchTableBuilder | null = null;
  const mapped = new Set(Object.keys(request.map).map(normalizeHeader));
  const { head, rowCount } = await streamWithMap(
    request.path,
    request.sheet,
    request.map,
    (h, expectedRows, csv) => {
      // Columns the user mapped with --map keep their meaning; the others may be read from their
      // contents as well as their headers (contentGuess.ts).
      const fixed = new Set(h.headers.flatMap((x, i) => (mapped.has(normalizeHeader(x)) ? [i] : [])));
      // Room for the rows the file holds, made once: grown from 1,024 rows, the table was copied
      // seven times on the way to 100,000, and once more to its final size.
      const b = new MatchTableBuilder(h.keys, vocabulary, opts.onNormalized, expectedRows || undefined, { fixed });
      builder = b;
      const also = opts.rows?.(h, expectedRows, csv);
      return (row, i, line) => {
        also?.(row, i, line);
        b.add(row);
      };
    },
    opts.onWarning,
    request.lang,
    opts.signal,
  );
  const table = builder!.finish();
  const b = builder! as MatchTableBuilder;
  // The keys the rows were read by: a guessed column is reported under its new meaning.
  return { head: { ...head, keys: b.keys }, rowCount, table, guesses: b.guesses };
}
