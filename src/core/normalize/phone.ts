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
  const digitsOnly = text.replace(/[\s\-()./]/g, '');
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
 * Finnish mobile and geographic numbers by their national significant number (NSN), copied
 * from libphonenumber's FI metadata (mobile: `(?:4[0-8]|50)\d{4,8}`; fixed line below). Only
 * used to answer "valid" early; everything else goes to libphonenumber-js.
 */
const FI_MOBILE_NSN = /^(?:4[0-8]|50)\d{4,8}$/;
const FI_FIXED_NSN = /^(?:1[3-7][1-8]\d{3,6}|(?:19[1-8]|[23568][1-8]\d|9(?:00|[1-8]\d))\d{2,6})$/;
/**
 * Business numbers ("010 …", "020 …", the UAN and shared-cost numbers of companies' switchboards),
 * toll-free and premium numbers, also copied from the FI metadata; these count as valid only
 * when the general FI pattern matches too, as in libphonenumber.
 */
const FI_OTHER_NSN =
  /^(?:20\d{4,8}|60[12]\d{5,6}|7(?:099\d{4,5}|5[03-9]\d{3,7})|20[2-59]\d\d|(?:606|7(?:0[78]|1|3\d))\d{7}|(?:10|29|3[09]|70[1-5]\d)\d{4,8}|800\d{4,6}|[67]00\d{5,6})$/;
const FI_GENERAL_NSN = /^(?:[1-35689]\d{4}|7\d{10,11}|(?:[124-7]\d|3[0-46-9])\d{8}|[1-9]\d{5,8})$/;

/**
 * The E.164 form of the common Finnish spellings of mobile and landline numbers, without
 * libphonenumber (which costs ~6 µs a number: 1.2 s for the 200,000 numbers of a 100k × 100k
 * match). Returns undefined when unsure; the caller then asks libphonenumber-js. A test checks
 * that both give the same key on every written form.
 */
export function fastFinnishPhoneKey(raw: string): string | undefined {
  const nsn = fastFinnishNsn(raw);
  return nsn === undefined ? undefined : `+358${nsn}`;
}

/** The national significant number fastFinnishPhoneKey puts after "+358", or undefined. */
function fastFinnishNsn(raw: string): string | undefined {
  if (!/^[+\d(][\d\s\-()./]*$/.test(raw)) return undefined;
  const digits = raw.replace(/[\s\-()./]/g, '');
  let nsn: string;
  if (digits.startsWith('+358')) nsn = digits.slice(4);
  else if (digits.startsWith('+')) return undefined;
  else if (digits.startsWith('00358')) nsn = digits.slice(5);
  else if (digits.startsWith('358') && digits.length >= 9 && digits.length <= 14) nsn = digits.slice(3);
  else if (digits.startsWith('0') && !digits.startsWith('00')) nsn = digits.slice(1);
  else return undefined;
  if (nsn.startsWith('0')) return undefined;
  // "(09) 123 4567" style parentheses around the area code only; anything else to the library.
  if (raw.includes('(') && !/^\(0\d{1,3}\)/.test(raw.trim())) return undefined;
  if (FI_MOBILE_NSN.test(nsn) || FI_FIXED_NSN.test(nsn)) return nsn;
  if (FI_OTHER_NSN.test(nsn) && FI_GENERAL_NSN.test(nsn)) return nsn;
  return undefined;
}

/**
 * The matching and suppression key of a phone: E.164 of a valid number, else null.
 * Cached because lists repeat switchboard numbers and parsing costs microseconds each.
 */
const keyCache = new Map<string, string | null>();
export function phoneKey(raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined || raw === '') return null;
  const s = String(raw);
  const fast = fastFinnishPhoneKey(s.trim());
  if (fast !== undefined) return fast;
  const hit = keyCache.get(s);
  if (hit !== undefined) return hit;
  const n = normalizePhone(s);
  const key = n.valid ? n.e164 : null;
  if (keyCache.size > 500_000) keyCache.clear();
  keyCache.set(s, key);
  return key;
}

/**
 * The key a phone is matched on (not dialled on): phoneKey for a valid number, else the number
 * as read in E.164 form even when the numbering plan calls it invalid ("012 345678"), so that
 * the same digits on both sides still recognise a customer. Validity matters for dialling, not
 * for recognising a customer. Fewer than six digits is no phone number at all.
 */
const matchKeyCache = new Map<string, string | null>();
export function phoneMatchKey(raw: string | number | null | undefined): string | null {
  const valid = phoneKey(raw);
  if (valid || raw === null || raw === undefined || raw === '') return valid;
  const s = String(raw);
  const hit = matchKeyCache.get(s);
  if (hit !== undefined) return hit;
  const n = normalizePhone(s);
  // At most 15 digits (E.164), at least six: MatchTable keeps the key as a number.
  const key = n.e164 && /^\+\d{6,15}$/.test(n.e164) ? n.e164 : null;
  if (matchKeyCache.size > 100_000) matchKeyCache.clear();
  matchKeyCache.set(s, key);
  return key;
}

/**
 * phoneMatchKey as the number MatchTable keeps (the E.164 digits without "+"), or -1 for none.
 * A Finnish number the fast path reads is made a number from its digits, without the key's text
 * and a copy of it without the "+" (two strings a row of a 100,000-row file).
 */
export function phoneMatchNumber(raw: string): number {
  if (raw === '') return -1;
  const nsn = fastFinnishNsn(raw.trim());
  // At most 12 digits after 358 (the FI patterns): the sum is exact in a double.
  if (nsn !== undefined) return 358 * 10 ** nsn.length + Number(nsn);
  const key = phoneMatchKey(raw);
  return key ? Number(key.slice(1)) : -1;
}
