/**
 * Conversion between the row model (what core code works with) and cell values (what a
 * spreadsheet holds). Both workbook adapters use these, so Excel and .xlsx agree.
 */
import { typeOf, type ColumnType } from '../columns/catalogue';

/** A value in the row model and in a cell: text, number, boolean or empty. */
export type CellValue = string | number | boolean | null;

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * "2015-03-01" → 42064 (Excel's 1900 date system). Returns null for anything else, including a
 * date that does not exist ("2025-02-30", which Date.UTC would roll over to 2 March).
 */
export function isoDateToSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round((t - EXCEL_EPOCH_UTC) / DAY_MS);
}

/**
 * An ISO timestamp ("2026-12-07T02:49:18.000Z") → an Excel date-time serial of the local
 * wall-clock time where this runs (the user's Excel or the CLI's machine), because Excel's
 * date-times have no zone: a UTC time would show two or three hours off in Finland. Null for
 * anything that is not a valid timestamp with a zone.
 */
/** Minutes to add to local time to get UTC at a moment (Date's getTimezoneOffset). */
export type ZoneOffset = (utcMs: number) => number;
const localZone: ZoneOffset = (ms) => new Date(ms).getTimezoneOffset();

/**
 * The last conversion each way, in the local zone: a list's "Poimittu" column holds one
 * timestamp on every row, and its 100,000 conversions (a zone lookup each) took ~0.4 s of the
 * pane's thread when a list was read (issue 13).
 */
let lastToSerial: { iso: string; serial: number | null } | null = null;
let lastToIso: { serial: number; iso: string } | null = null;

export function isoDateTimeToSerial(iso: string, zone: ZoneOffset = localZone): number | null {
  if (zone !== localZone) return isoDateTimeToSerialIn(iso, zone);
  if (lastToSerial?.iso !== iso) lastToSerial = { iso, serial: isoDateTimeToSerialIn(iso, zone) };
  return lastToSerial.serial;
}

function isoDateTimeToSerialIn(iso: string, zone: ZoneOffset): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(iso)) return null;
  if (isoDateToSerial(iso.slice(0, 10)) === null) return null;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return null;
  const localMs = ms - zone(ms) * 60_000;
  return (localMs - EXCEL_EPOCH_UTC) / DAY_MS;
}

/** An Excel date-time serial of local wall-clock time → an ISO timestamp (UTC). */
export function serialToIsoDateTime(serial: number, zone: ZoneOffset = localZone): string {
  if (zone !== localZone) return serialToIsoDateTimeIn(serial, zone);
  if (lastToIso?.serial !== serial) lastToIso = { serial, iso: serialToIsoDateTimeIn(serial, zone) };
  return lastToIso.iso;
}

function serialToIsoDateTimeIn(serial: number, zone: ZoneOffset): string {
  // To the millisecond: a double holds it, and steps match their own timestamps by equality.
  const localMs = Math.round(serial * DAY_MS + EXCEL_EPOCH_UTC);
  // The offset at that moment: try the offset of the wall-clock time read as UTC, then correct.
  let ms = localMs + zone(localMs) * 60_000;
  ms = localMs + zone(ms) * 60_000;
  return new Date(ms).toISOString();
}

export function serialToIsoDate(serial: number): string {
  const d = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * DAY_MS);
  return d.toISOString().slice(0, 10);
}

/** Row model → what the adapter writes into the cell. Dates become date serials. */
export function toCell(type: ColumnType, value: CellValue | undefined): CellValue {
  if (value === undefined || value === null || value === '') return null;
  if (type === 'date' && typeof value === 'string') return isoDateToSerial(value) ?? value;
  if (type === 'datetime' && typeof value === 'string') return isoDateTimeToSerial(value) ?? value;
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
  if (type === 'datetime' && typeof value === 'number') return serialToIsoDateTime(value);
  if (type === 'integer' || type === 'number' || type === 'score') return value;
  return typeof value === 'string' ? value : String(value);
}

export function fromCellByKey(key: string, value: CellValue | undefined): CellValue {
  return fromCell(typeOf(key), value);
}
