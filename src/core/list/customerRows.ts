/**
 * Which rows of a customer register are customers. People keep registers in Excel with a blank
 * row between blocks and a total row at the bottom ("Yhteensä 128"); neither is a customer, and
 * counting them in the processing log ("130 customers") would misstate what was compared.
 */
import type { CellValue } from '../workbook/cells';

/** Words a total or subtotal row is labelled with, in Finnish, Swedish and English. */
const TOTAL_LABELS =
  /^(yhteensä|yht\.?|kaikki yhteensä|välisumma|summa|total|totals|grand total|subtotal|totalt|summa totalt|delsumma)\s*:?$/i;

const isBlank = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** True for a row with no value at all. */
export function isBlankRow(row: readonly CellValue[]): boolean {
  return row.every(isBlank);
}

/** True for a total row: one of its text cells is just "Yhteensä" / "Total" / "Totalt" (with or without a colon). */
export function isTotalRow(row: readonly CellValue[]): boolean {
  return row.some((v) => typeof v === 'string' && TOTAL_LABELS.test(v.trim()));
}

/** A row that is a customer: neither blank nor a total row. */
export function isCustomerRow(row: readonly CellValue[]): boolean {
  return !isBlankRow(row) && !isTotalRow(row);
}
