/**
 * Business ids (Y-tunnus / FO-nummer): "1234567-8" with a mod-11 check digit. Accepts the VAT
 * form "FI12345678", ids without the hyphen ("12345678") and older ids written without the
 * leading zero ("112038-9" → "0112038-9"). finnish-business-ids validates the check digit.
 */
import { FinnishBusinessIds } from 'finnish-business-ids';

/** Already the canonical form "1234567-8" (nearly every id of a register or list). */
const CANONICAL = /^\d{7}-\d$/;

/** The canonical "1234567-8" form of a valid id, or null. */
export function normalizeBusinessId(raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  // The canonical form comes out of the steps below as it went in: only the check digit is left
  // to test (by the library, as for any other form). Skips four string copies a row.
  if (typeof raw === 'string' && raw.length === 9 && CANONICAL.test(raw)) return FinnishBusinessIds.isValidBusinessId(raw) ? raw : null;
  let s = String(raw).trim().toUpperCase().replace(/\s+/g, '');
  if (!s) return null;
  if (s.startsWith('FI')) s = s.slice(2);
  s = s.replace(/[^0-9]/g, '');
  if (s.length < 7 || s.length > 8) return null;
  s = s.padStart(8, '0');
  const id = `${s.slice(0, 7)}-${s.slice(7)}`;
  return FinnishBusinessIds.isValidBusinessId(id) ? id : null;
}

/** "0112038-9" → "FI01120389". */
export function businessIdToVat(id: string): string {
  return `FI${id.replace('-', '')}`;
}
