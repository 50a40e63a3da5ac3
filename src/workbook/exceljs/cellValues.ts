/**
 * ExcelJS cell values (rich text, formulas with cached results, hyperlinks, dates, errors) as
 * the plain values of the row model. Shared by the .xlsx adapter and the reader of users' files.
 */
import type { CellValue as ExcelCellValue } from 'exceljs';
import type { CellValue } from '../../core/workbook/cells';

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** ExcelJS turns date-formatted numbers into JS Dates (UTC); back to Excel's serial. */
export function dateToSerial(d: Date): number {
  const serial = (d.getTime() - EXCEL_EPOCH_UTC) / DAY_MS;
  // Whole days stay integers; times keep their fraction.
  return Math.abs(serial - Math.round(serial)) < 1e-9 ? Math.round(serial) : serial;
}

/** A date written by ExcelJS as ISO text: "2015-03-01", or "2015-03-01T08:30:00" with a time. */
export function dateToIso(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** Plain value of an ExcelJS cell. `dates` decides how date cells come back. */
export function plainCellValue(v: ExcelCellValue | undefined, dates: 'serial' | 'iso' = 'serial'): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dates === 'serial' ? dateToSerial(v) : dateToIso(v);
  const o = v as unknown as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
  if ('formula' in o || 'sharedFormula' in o) {
    return plainCellValue(o.result as ExcelCellValue | undefined, dates);
  }
  if ('hyperlink' in o) return plainCellValue(o.text as ExcelCellValue, dates);
  if ('error' in o) return String(o.error);
  return null;
}
