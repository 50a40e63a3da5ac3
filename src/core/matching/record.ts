/**
 * Stage 1 of matching: each row of the list and of the customer register is normalized once
 * into a MatchRecord, the comparable parts of a row whatever its columns were called.
 */
import { normalizeBusinessId } from '../normalize/businessId';
import { phoneKey } from '../normalize/phone';
import { companyDomain, normalizeEmail } from '../normalize/email';
import { normalizeCompanyName, type NormalizedCompanyName } from '../normalize/companyName';
import { normalizePersonName, type NormalizedPersonName } from '../normalize/personName';
import { parseStreetAddress } from '../normalize/address';
import { normalizePostalCode } from '../normalize/postalCode';
import { foldText } from '../normalize/fold';
import type { CellValue } from '../workbook/cells';

export interface MatchAddress {
  /** Street key from normalizeStreetName ("mannerheimintie"). */
  street: string;
  /** House number with its letter ("12", "5a"); null when the address has none. */
  house: string | null;
  /** Staircase and apartment ("B 12"); null when the address has none. */
  unit: string | null;
}

export interface MatchRecord {
  /** Index of the row in its table (0 = first data row). */
  index: number;
  businessId: string | null;
  phone: string | null;
  email: string | null;
  /** The email's domain when it is a company's own (not gmail.com &c.). */
  emailDomain: string | null;
  company: NormalizedCompanyName | null;
  person: NormalizedPersonName | null;
  address: MatchAddress | null;
  postalCode: string | null;
  /** Folded post office or municipality, for rows without a postal code. */
  town: string | null;
}

import { MATCH_KEYS, type MatchKey } from './keys';

export { MATCH_KEYS, type MatchKey };

/** The cell of column `c` as trimmed text ('' when the table has no such column). */
function cellText(row: readonly CellValue[], c: number | undefined): string {
  if (c === undefined || c < 0) return '';
  const v = row[c];
  return v === null || v === undefined ? '' : String(v).trim();
}

const addressCache = new Map<string, { address: MatchAddress | null; postalCode: string | null }>();

function prepareAddress(raw: string): { address: MatchAddress | null; postalCode: string | null } {
  const hit = addressCache.get(raw);
  if (hit) return hit;
  const p = parseStreetAddress(raw);
  const house = p.number ? p.number + (p.letter ?? '') : null;
  const unit = p.staircase && p.apartment ? `${p.staircase} ${p.apartment}` : p.staircase || p.apartment || null;
  const result = {
    address: p.street ? { street: p.street, house, unit } : null,
    postalCode: p.postalCode ?? null,
  };
  if (addressCache.size > 200_000) addressCache.clear();
  addressCache.set(raw, result);
  return result;
}

const NO_ADDRESS = { address: null, postalCode: null };

/**
 * Normalizes one row. `columns` gives the column index of each key present (−1 or absent when
 * the table has no such column).
 */
export function toMatchRecord(index: number, row: readonly CellValue[], columns: Partial<Record<MatchKey, number>>): MatchRecord {
  const email = normalizeEmail(cellText(row, columns.email));
  const companyText = cellText(row, columns.companyName);
  const company = companyText ? normalizeCompanyName(companyText) : null;
  const first = cellText(row, columns.firstName);
  const last = cellText(row, columns.lastName);
  const full = cellText(row, columns.fullName);
  const person = first || last || full ? normalizePersonName({ first, last, full }) : null;
  const street = cellText(row, columns.streetAddress);
  const addr = street ? prepareAddress(street) : NO_ADDRESS;
  const town = cellText(row, columns.postOffice) || cellText(row, columns.municipality);
  return {
    index,
    businessId: normalizeBusinessId(cellText(row, columns.businessId)),
    phone: phoneKey(cellText(row, columns.phone)),
    email,
    emailDomain: companyDomain(email),
    company: company && company.compact ? company : null,
    person: person && person.all.length ? person : null,
    address: addr.address,
    postalCode: normalizePostalCode(cellText(row, columns.postalCode)) ?? addr.postalCode,
    town: town ? foldText(town) : null,
  };
}

/** Column indexes of the matching keys in a table's key list. */
export function matchColumns(keys: readonly string[]): Partial<Record<MatchKey, number>> {
  const out: Partial<Record<MatchKey, number>> = {};
  for (const k of MATCH_KEYS) {
    const i = keys.indexOf(k);
    if (i >= 0) out[k] = i;
  }
  return out;
}

export function toMatchRecords(keys: readonly string[], rows: readonly (readonly CellValue[])[]): MatchRecord[] {
  const columns = matchColumns(keys);
  return rows.map((r, i) => toMatchRecord(i, r, columns));
}

/** What a table offers to match on; a customer file without any of these cannot be matched. */
export function matchableKeys(keys: readonly string[]): MatchKey[] {
  return MATCH_KEYS.filter((k) => keys.includes(k));
}
