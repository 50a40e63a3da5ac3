/**
 * Email addresses as matching keys. The local part is case-insensitive in practice (every
 * Finnish provider treats it so), so the key is the whole address in lower case, with a
 * "mailto:" prefix, angle brackets and a display name ("Matti <matti@firma.fi>") removed.
 * Gmail-style dots and "+tags" are kept: they are different addresses for other providers.
 */

const EMAIL = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** Free-mail domains: the same domain says nothing about being the same company. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'hotmail.com',
  'hotmail.fi',
  'outlook.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'luukku.com',
  'suomi24.fi',
  'kolumbus.fi',
  'elisanet.fi',
  'saunalahti.fi',
  'welho.com',
  'netti.fi',
  'dnainternet.net',
  'pp.inet.fi',
  'anvianet.fi',
  'msn.com',
  'protonmail.com',
  'proton.me',
  'gmx.com',
]);

/** The comparison key of an email address, or null when the text is not an address. */
export function normalizeEmail(raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  let s = String(raw).trim();
  if (!s) return null;
  // An address already in its key's form (nearly every one a register holds): it has no "<",
  // ":", upper case or final dot, so the steps below would return it unchanged.
  if (EMAIL.test(s)) return s;
  const angle = /<([^>]+)>/.exec(s);
  if (angle) s = angle[1]!;
  s = s
    .replace(/^mailto:/i, '')
    .trim()
    .toLowerCase()
    .replace(/\.$/, '');
  return EMAIL.test(s) ? s : null;
}

/** The domain of a normalized address ("matti@virtasen-rakennus.fi" → "virtasen-rakennus.fi"). */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

/** A company's own domain (not free mail), or null. */
export function companyDomain(email: string | null): string | null {
  if (!email) return null;
  const d = emailDomain(email);
  return FREE_MAIL_DOMAINS.has(d) ? null : d;
}
