/**
 * An in-memory workbook handed to another thread in pieces, so that turning it into .xlsx bytes
 * (ExcelJS's `writeBuffer`: style and shared-string preparation and the sheets' XML, one
 * synchronous pass of seconds for a big list, then the zip) can run where it does not hold up
 * the thread that listens for Ctrl-C (src/cli/io/xlsxWriter.ts, issue 17).
 *
 * The pieces are ExcelJS's own models (plain objects, structured-clonable): the workbook's
 * model without its sheets, then each sheet's model without its rows, then its rows' models a
 * few thousand at a time. The receiving side puts them together into the model ExcelJS's
 * writer reads and writes it with the same `xlsxWorkbookToBytes` as before: the package is
 * the one the in-memory workbook gives (test/cli/io/xlsxWriter.test.ts compares the two part by
 * part on the demo).
 *
 * ExcelJS has no public way to take a workbook's model in parts, so its internals are used
 * here, and only here: the workbook's sheets and a sheet's rows (`_worksheets`, `_rows`), set
 * aside while the getters give the rest (so the fields stay ExcelJS's own list), its range
 * class for a sheet's dimensions, and the writer reading `workbook.model`. ExcelJS is pinned
 * at 4.4 (package.json) and the test above fails if any of this changes.
 */
import ExcelJS from 'exceljs';
import { throwIfAborted } from '../../core/errors';
import type { WorkbookState } from '../../core/state/workbookState';
import { createXlsxWorkbook, type XlsxWorkbookPort } from './xlsxWorkbook';

/** ExcelJS's model objects (its typings do not describe them). */
type Model = Record<string, unknown>;

export type WorkbookPiece =
  /** First: the workbook's model without sheets, and the Rajaus state saved with it. */
  | { type: 'workbook'; model: Model; state: WorkbookState | null }
  /** A sheet's model without rows; the rows pieces that follow are its. */
  | { type: 'sheet'; model: Model }
  | { type: 'rows'; rows: Model[] };

/** Rows per piece: each piece is one structured clone, a few tens of milliseconds at most. */
export const ROWS_PER_PIECE = 2000;

interface SheetInternals {
  _rows: (ExcelJS.Row | undefined)[];
}

/** The sheet's model with its rows (and so its dimensions) left out. */
function sheetModelWithoutRows(ws: ExcelJS.Worksheet): Model {
  const internals = ws as unknown as SheetInternals;
  const rows = internals._rows;
  internals._rows = [];
  try {
    const model = { ...(ws as unknown as { model: Model }).model };
    // A table's model keeps the rows it was made with (ExcelJS writes them to the sheet when the
    // table is added and never again); the cells are in the rows already.
    model.tables = (model.tables as Model[]).map((t) => ({ ...t, rows: [] }));
    return model;
  } finally {
    internals._rows = rows;
  }
}

/**
 * The workbook behind `port` as pieces, in order. The caller awaits between pieces (a piece is
 * made when asked for), so a cancel is heard; a cancelled signal ends the pieces with
 * CancelledError.
 */
export function* workbookPieces(port: XlsxWorkbookPort, signal?: AbortSignal): Generator<WorkbookPiece> {
  const wb = port.workbook;
  const { worksheets: _w, sheets: _s, ...head } = wbModelWithoutSheets(wb);
  yield { type: 'workbook', model: head, state: port.currentState() };
  for (const ws of wb.worksheets) {
    throwIfAborted(signal);
    yield { type: 'sheet', model: sheetModelWithoutRows(ws) };
    const rows = (ws as unknown as SheetInternals)._rows;
    let piece: Model[] = [];
    for (let r = 0; r < rows.length; r++) {
      const model = (rows[r] as unknown as { model: Model | null } | undefined)?.model;
      if (model) piece.push(model);
      if (piece.length >= ROWS_PER_PIECE) {
        throwIfAborted(signal);
        yield { type: 'rows', rows: piece };
        piece = [];
      }
    }
    if (piece.length > 0) yield { type: 'rows', rows: piece };
  }
}

/** The workbook's model without the sheets' (which the getter would take in one pass). */
function wbModelWithoutSheets(wb: ExcelJS.Workbook): Model {
  // Sheets are set aside the same way as rows: the getter's other fields stay ExcelJS's list.
  const internals = wb as unknown as { _worksheets: unknown[] };
  const sheets = internals._worksheets;
  internals._worksheets = [];
  try {
    return { ...(wb as unknown as { model: Model }).model };
  } finally {
    internals._worksheets = sheets;
  }
}

/** ExcelJS's range class, which its sheet getter uses for a sheet's dimensions ("A1:T87501"). */
interface DimensionRange {
  expand(top: number, left: number, bottom: number, right: number): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Range = require('exceljs/lib/doc/range') as new () => DimensionRange;

/**
 * Puts the pieces of workbookPieces back together: the workbook's model as ExcelJS's getter
 * would give it, which is all its writer reads (`workbook.model`, once). It is given to a new
 * Workbook as that getter's value rather than through the `model` setter: the setter would
 * make an object per cell (1.3 million for an 87,500-row list) only for the getter to turn
 * them back into these models.
 */
export class WorkbookAssembler {
  private head: Model | null = null;
  private state: WorkbookState | null = null;
  private readonly sheets: Model[] = [];

  add(piece: WorkbookPiece): void {
    switch (piece.type) {
      case 'workbook':
        this.head = piece.model;
        this.state = piece.state;
        break;
      case 'sheet':
        // What the getter computes from the rows: every row's number and its first and last cell.
        this.sheets.push({ ...piece.model, rows: [], dimensions: new Range() });
        break;
      case 'rows': {
        const sheet = this.sheets[this.sheets.length - 1];
        if (!sheet) throw new Error('workbook pieces: rows before their sheet');
        const rows = sheet.rows as Model[];
        const dimensions = sheet.dimensions as DimensionRange;
        for (const row of piece.rows) {
          const number = row.number as number;
          dimensions.expand(number, row.min as number, number, row.max as number);
          rows.push(row);
        }
        break;
      }
    }
  }

  /** The workbook, as the port that sent it had it, for writing. */
  port(): XlsxWorkbookPort {
    if (!this.head) throw new Error('workbook pieces: no workbook');
    const wb = new ExcelJS.Workbook();
    const model = { ...this.head, worksheets: this.sheets, sheets: this.sheets };
    Object.defineProperty(wb, 'model', { value: model });
    return createXlsxWorkbook(wb, this.state);
  }
}
