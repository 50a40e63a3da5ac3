/**
 * Conversion between the row model (what core code works with) and cell values (what a
 * spreadsheet holds). Both workbook adapters use these, so Excel and .xlsx agree.
 */
import { typeOf, type ColumnType } from '../columns/catalogue';

/** A value in the row model and in a cell: text, number, boolean or empty. */
export type CellValue = string | number | boolean | null;

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** "2015-03-01" → 42064 (Excel's 1900 date system). Returns null for anything else. */
export function isoDateToSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round((t - EXCEL_EPOCH_UTC) / DAY_MS);
}

export function serialToIsoDate(serial: number): string {
  const d = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * DAY_MS);
  return d.toISOString().slice(0, 10);
}

/** Row model → what the adapter writes into the cell. Dates become date serials. */
export function toCell(type: ColumnType, value: CellValue | undefined): CellValue {
  if (value === undefined || value === null || value === '') return null;
  if (type === 'date' && typeof value === 'string') return isoDateToSerial(value) ?? value;
  if ((type === 'integer' || type === 'number' || type === 'score') && typeof value === 'string') {
    const n = Number(value.replace(',', '.'));
    return value.trim() !== '' && Number.isFinite(n) ? n : value;
  }
  if (
    typeof value === 'number' &&
    (type === 'text' || type === 'phone' || type === 'postalCode' || type === 'businessId' || type === 'code' || type === 'email')
  ) {
    return String(value);
  }
  return value;
}

/** Cell → row model. Date serials back to ISO dates; text-like columns always strings. */
export function fromCell(type: ColumnType, value: CellValue | undefined): CellValue {
  if (value === undefined || value === null || value === '') return null;
  if (type === 'date' && typeof value === 'number') return serialToIsoDate(value);
  if (type === 'integer' || type === 'number' || type === 'score') return value;
  return typeof value === 'string' ? value : String(value);
}

export function fromCellByKey(key: string, value: CellValue | undefined): CellValue {
  return fromCell(typeOf(key), value);
}
