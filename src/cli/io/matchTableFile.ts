/**
 * A list or customer file read straight into a MatchTable, each row normalized as it is read
 * (streamWithMap): the cells are fresh in the cache, and rows not kept die young instead of
 * being copied from one heap generation to the next.
 */
import { MatchTableBuilder, type MatchTable, type Vocabulary } from '../../core/matching/record';
import type { RowSink, TableHead } from '../../sources/tabular/parseTabular';
import { streamWithMap } from './readTable';

export interface FileRequest {
  path: string;
  sheet: string | undefined;
  map: Record<string, string>;
}

export interface MatchTableFile {
  head: TableHead;
  rowCount: number;
  table: MatchTable;
}

export interface ReadOptions {
  /** Called with each row of the table once it is normalized (see MatchTableBuilder). */
  onNormalized?: (t: MatchTable, i: number) => void;
  /** Also takes each row as read (the list: its rows are written out again, as CSV records). */
  rows?: RowSink;
  /** Told of doubtful reading (lines of a UTF-8 file in Windows-1252). */
  onWarning?: (line: string) => void;
}

export async function readMatchTable(request: FileRequest, vocabulary: Vocabulary, opts: ReadOptions = {}): Promise<MatchTableFile> {
  let builder: MatchTableBuilder | null = null;
  const { head, rowCount } = await streamWithMap(request.path, request.sheet, request.map, (h) => {
    const b = new MatchTableBuilder(h.keys, vocabulary, opts.onNormalized);
    builder = b;
    const also = opts.rows?.(h);
    return (row, i) => {
      also?.(row, i);
      b.add(row);
    };
  }, opts.onWarning);
  return { head, rowCount, table: builder!.finish() };
}
