/**
 * The export is shaped here, off the pane's thread (selection, columns, phones, CSV text and its
 * bytes: 1.9 s of the pane's thread at 100,000 rows, issue 13). The list arrives in chunks,
 * then 'build' shapes it and answers with the CSV bytes (transferred, not copied); the table
 * rows, when a sheet is written, are taken back in chunks.
 */
import { shapeExport, type ShapedExport } from '../../app/exportList';
import type { CellValue } from '../../core/workbook/cells';
import type { ExportShapeRequest } from './exportShapeClient';
import { serveCalls } from '../workers/workerCalls';

let rows: CellValue[][] = [];
let shaped: ShapedExport | null = null;

serveCalls<ExportShapeRequest>(async (req) => {
  switch (req.op) {
    case 'rows':
      for (const r of req.rows) rows.push(r);
      return { value: rows.length };
    case 'build': {
      shaped = await shapeExport({ ...req.list, rows }, req.opts, { needRows: true });
      rows = [];
      const { rows: shapedRows, ...rest } = shaped;
      return { value: { ...rest, rowCount: shapedRows.length }, transfer: shaped.parts.map((p) => p.bytes.buffer) };
    }
    case 'take':
      return { value: shaped ? shaped.rows.slice(req.from, req.from + req.count) : [] };
  }
});
