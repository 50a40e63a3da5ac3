/**
 * A list or customer file read straight into a MatchTable, each row normalized as it is read
 * (streamWithMap): the cells are fresh in the cache, and rows not kept die young instead of
 * being copied from one heap generation to the next.
 */
import type { CellValue } from '../../core/workbook/cells';
import { MatchTableBuilder, type MatchTable, type Vocabulary } from '../../core/matching/record';
import type { TableHead } from '../../sources/tabular/parseTabular';
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
  /** The rows themselves, when asked for (the list: its rows are written out again). */
  rows: CellValue[][] | null;
}

/** `onRow`: see MatchTableBuilder. */
export async function readMatchTable(
  request: FileRequest,
  vocabulary: Vocabulary,
  keepRows: boolean,
  onRow?: (t: MatchTable, i: number) => void,
): Promise<MatchTableFile> {
  let builder: MatchTableBuilder | null = null;
  const rows: CellValue[][] | null = keepRows ? [] : null;
  const { head, rowCount } = await streamWithMap(request.path, request.sheet, request.map, (h) => {
    const b = new MatchTableBuilder(h.keys, vocabulary, onRow);
    builder = b;
    return (row) => {
      rows?.push(row);
      b.add(row);
    };
  });
  return { head, rowCount, table: builder!.finish(), rows };
}
