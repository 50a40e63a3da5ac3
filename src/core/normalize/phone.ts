/**
 * Phone numbers: every written Finnish form ("040-1234567", "040 123 4567", "+358 40 123 4567",
 * "00358401234567", "358401234567", "(09) 123 4567", and "401234567" from an Excel cell that
 * lost its leading zero) to E.164 "+358401234567", which is what dialers match on exactly.
 * libphonenumber-js (max metadata) decides validity and type; we only add the Finnish habits.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type PhoneType = 'mobile' | 'fixed' | 'business' | 'tollFree' | 'premium' | 'other';

export interface NormalizedPhone {
  /** "+358401234567" when the number parses; null otherwise. */
  e164: string | null;
  /** Readable national form, "040 1234567"; null when it does not parse. */
  national: string | null;
  /** A real, dialable number per the numbering plan. Invalid numbers stay data, never keys. */
  valid: boolean;
  type?: PhoneType;
}

const INVALID: NormalizedPhone = { e164: null, national: null, valid: false };

function typeOf(t: string | undefined): PhoneType {
  switch (t) {
    case 'MOBILE':
      return 'mobile';
    case 'FIXED_LINE':
    case 'FIXED_LINE_OR_MOBILE':
      return 'fixed';
    case 'UAN':
    case 'SHARED_COST':
      return 'business';
    case 'TOLL_FREE':
      return 'tollFree';
    case 'PREMIUM_RATE':
      return 'premium';
    default:
      return 'other';
  }
}

/** Parses one number as written. Numbers without a country code are read as Finnish. */
export function normalizePhone(raw: string | number | null | undefined): NormalizedPhone {
  if (raw === null || raw === undefined) return INVALID;
  let text = String(raw).trim();
  if (!text) return INVALID;
  // "00358…" is the international prefix; "358…" without a plus is how some exports write it.
  const digitsOnly = text.replace(/[\s\-().\/]/g, '');
  if (/^358\d{6,11}$/.test(digitsOnly)) text = `+${digitsOnly}`;
  const parsed = parsePhoneNumberFromString(text, 'FI');
  if (!parsed) return INVALID;
  const valid = parsed.isValid();
  return {
    e164: parsed.number,
    national: parsed.country === 'FI' || parsed.countryCallingCode === '358' ? parsed.formatNational() : parsed.formatInternational(),
    valid,
    type: valid ? typeOf(parsed.getType()) : undefined,
  };
}

/**
 * The matching and suppression key of a phone: E.164 of a valid number, else null.
 * Cached because lists repeat switchboard numbers and parsing costs microseconds each.
 */
const keyCache = new Map<string, string | null>();
export function phoneKey(raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined || raw === '') return null;
  const s = String(raw);
  const hit = keyCache.get(s);
  if (hit !== undefined) return hit;
  const n = normalizePhone(s);
  const key = n.valid ? n.e164 : null;
  if (keyCache.size > 500_000) keyCache.clear();
  keyCache.set(s, key);
  return key;
}
