/**
 * Postal codes are five digits, as text ("00100"). A spreadsheet that read "00100" as a number
 * hands us 100; a Swedish-style export writes "FI-00100". Both come back as "00100".
 */
const FIVE_DIGITS = /^\d{5}$/;

export function normalizePostalCode(raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  // Already a code (nearly every row of a register): nothing to do.
  if (typeof raw === 'string' && raw.length === 5 && FIVE_DIGITS.test(raw)) return raw;
  let s = String(raw)
    .trim()
    .toUpperCase()
    .replace(/^(FI|FIN|AX)[-\s]?/, '');
  if (!/^\d{1,5}$/.test(s)) return null;
  // Only a number that lost its leading zeros is padded; "1" is too short to be a code.
  if (s.length < 3) return null;
  s = s.padStart(5, '0');
  return s;
}
