/** Dates and times as people in each language write them, in Finnish time (Europe/Helsinki). */
import type { Lang } from '../i18n/lang';

const LOCALE: Record<Lang, string> = { fi: 'fi-FI', en: 'en-GB', sv: 'sv-FI' };
const ZONE = 'Europe/Helsinki';

function parse(iso: string): Date | null {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "2026-11-27" → "27.11.2026" (fi, sv) / "27 Nov 2026" (en). Unparseable text is shown as is. */
export function formatDate(iso: string, lang: Lang): string {
  const d = parse(iso);
  if (!d) return iso;
  return new Intl.DateTimeFormat(LOCALE[lang], {
    timeZone: ZONE,
    day: 'numeric',
    month: lang === 'en' ? 'short' : 'numeric',
    year: 'numeric',
  }).format(d);
}

/** An ISO timestamp → "27.11.2026 klo 14.05" in Finnish time. */
export function formatDateTime(iso: string, lang: Lang): string {
  const d = parse(iso);
  if (!d) return iso;
  const date = formatDate(iso, lang);
  const time = new Intl.DateTimeFormat(LOCALE[lang], { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  const at = lang === 'fi' ? ' klo ' : lang === 'sv' ? ' kl. ' : ' ';
  return `${date}${at}${time}`;
}

/** The calendar date in Finland of an instant, as yyyy-mm-dd (for delete-by comparisons). */
export function helsinkiDate(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
