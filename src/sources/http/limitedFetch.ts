/**
 * HTTP for every network source (PRH, Helsinki, HSY, Ryhti, a building file behind a URL) with
 * the limits a user can rely on (issue 16 items 3 and 4):
 * - a connect timeout (until the response headers arrive: a service that accepts the
 *   connection and never answers ends here),
 * - a per-request timeout (headers and the whole body: a slow drip ends here),
 * - a total deadline for the step (all requests and waits of one search or building fetch),
 * - a cap on Retry-After: a wait is counted down to the user (RunOptions.notice), a longer wait
 *   ends at once with a message,
 * - a cap on the size of a response, and clear messages for an empty, truncated or malformed
 *   body, and for an HTML page where JSON was expected.
 * fetch has no connect timeout or body cap of its own, hence this module. Uses fetch only, so it
 * runs in the pane and in Node.
 */
import { CancelledError, UserError } from '../../core/errors';
import { defineMessages, formatCount, type Lang } from '../../core/i18n/lang';

export interface NetLimits {
  /** Longest wait for the response headers after a request is sent. */
  connectTimeoutMs: number;
  /** Longest time for one request, headers and body. */
  requestTimeoutMs: number;
  /** Longest time for all requests and waits of one step. */
  stepDeadlineMs: number;
  /** Longest Retry-After (or backoff) the step waits; a longer one ends the step. */
  maxRetryAfterMs: number;
  /** Largest response body. */
  maxBodyBytes: number;
  /** Most pages one paged query may take (an endless chain of `next` links ends here). */
  maxPages: number;
}

export const DEFAULT_NET_LIMITS: NetLimits = {
  connectTimeoutMs: 30_000,
  requestTimeoutMs: 120_000,
  stepDeadlineMs: 15 * 60_000,
  maxRetryAfterMs: 60_000,
  // A WFS page of 5,000 buildings is a few megabytes; PRH's pages of 100 companies less.
  maxBodyBytes: 200 * 1024 * 1024,
  maxPages: 5_000,
};

export type FetchFn = typeof fetch;

const t = defineMessages({
  fi: {
    connect: ({ service, s, url }) =>
      `${service} ei vastannut ${s} sekunnissa (${url}). Palvelu voi olla jumissa; yritä myöhemmin uudelleen.`,
    request: ({ service, s, url }) =>
      `${service} ei saanut vastausta valmiiksi ${s} sekunnissa (${url}). Yhteys on liian hidas; yritä myöhemmin uudelleen.`,
    deadline: ({ service, s }) => `${service}: vaihe ei valmistunut ${s} sekunnin aikarajassa. Rajaa hakua tai yritä myöhemmin uudelleen.`,
    network: ({ service, why, url }) => `${service} ei vastannut (${url}): ${why}.`,
    reset: ({ service, bytes, url }) => `${service} katkaisi yhteyden kesken vastauksen ${bytes} tavun jälkeen (${url}). Yritä uudelleen.`,
    tooLarge: ({ service, mb, url }) =>
      `${service} lähetti yli ${mb} Mt:n vastauksen (${url}); niin suurta vastausta ei lueta. Rajaa hakua.`,
    empty: ({ service, url }) => `${service} lähetti tyhjän vastauksen (${url}).`,
    html: ({ service, url }) =>
      `${service} lähetti HTML-sivun JSON-vastauksen sijaan (${url}): osoite voi olla väärä tai palvelu huoltokatkolla.`,
    truncated: ({ service, bytes, url }) => `${service}: vastaus katkesi kesken ${bytes} tavun jälkeen (${url}). Yritä uudelleen.`,
    malformed: ({ service, why, url }) => `${service}: vastaus ei ole kelvollista JSONia (${url}): ${why}.`,
    retryTooLong: ({ service, s, max }) =>
      `${service} pyysi odottamaan ${s} s ennen uutta yritystä; Rajaus odottaa enintään ${max} s. Yritä myöhemmin uudelleen.`,
    waiting: ({ service, s }) => `${service} pyysi odottamaan: ${s} s…`,
    pages: ({ service, pages }) => `${service} antoi yhä uusia sivuja ${pages} sivun jälkeen; haku lopetettiin. Rajaa hakua.`,
  },
  en: {
    connect: ({ service, s, url }) => `${service} did not answer within ${s} seconds (${url}). The service may be stuck; try again later.`,
    request: ({ service, s, url }) =>
      `${service} did not finish its response within ${s} seconds (${url}). The connection is too slow; try again later.`,
    deadline: ({ service, s }) =>
      `${service}: the step did not finish within its limit of ${s} seconds. Narrow the search or try again later.`,
    network: ({ service, why, url }) => `${service} did not answer (${url}): ${why}.`,
    reset: ({ service, bytes, url }) => `${service} broke off the connection after ${bytes} bytes of the response (${url}). Try again.`,
    tooLarge: ({ service, mb, url }) =>
      `${service} sent a response over ${mb} MB (${url}); a response that large is not read. Narrow the search.`,
    empty: ({ service, url }) => `${service} sent an empty response (${url}).`,
    html: ({ service, url }) =>
      `${service} sent an HTML page instead of JSON (${url}): the address may be wrong or the service down for maintenance.`,
    truncated: ({ service, bytes, url }) => `${service}: the response was cut off after ${bytes} bytes (${url}). Try again.`,
    malformed: ({ service, why, url }) => `${service}: the response is not valid JSON (${url}): ${why}.`,
    retryTooLong: ({ service, s, max }) =>
      `${service} asked to wait ${s} s before trying again; Rajaus waits at most ${max} s. Try again later.`,
    waiting: ({ service, s }) => `${service} asked to wait: ${s} s…`,
    pages: ({ service, pages }) => `${service} kept giving new pages after ${pages} pages; the query was stopped. Narrow the search.`,
  },
  sv: {
    connect: ({ service, s, url }) => `${service} svarade inte inom ${s} sekunder (${url}). Tjänsten kan ha hängt sig; försök igen senare.`,
    request: ({ service, s, url }) =>
      `${service} blev inte klar med svaret inom ${s} sekunder (${url}). Förbindelsen är för långsam; försök igen senare.`,
    deadline: ({ service, s }) =>
      `${service}: steget blev inte klart inom gränsen på ${s} sekunder. Avgränsa sökningen eller försök igen senare.`,
    network: ({ service, why, url }) => `${service} svarade inte (${url}): ${why}.`,
    reset: ({ service, bytes, url }) => `${service} bröt förbindelsen efter ${bytes} byte av svaret (${url}). Försök igen.`,
    tooLarge: ({ service, mb, url }) =>
      `${service} skickade ett svar på över ${mb} MB (${url}); så stora svar läses inte. Avgränsa sökningen.`,
    empty: ({ service, url }) => `${service} skickade ett tomt svar (${url}).`,
    html: ({ service, url }) =>
      `${service} skickade en HTML-sida i stället för JSON (${url}): adressen kan vara fel eller tjänsten under underhåll.`,
    truncated: ({ service, bytes, url }) => `${service}: svaret bröts efter ${bytes} byte (${url}). Försök igen.`,
    malformed: ({ service, why, url }) => `${service}: svaret är inte giltig JSON (${url}): ${why}.`,
    retryTooLong: ({ service, s, max }) =>
      `${service} bad om att vänta ${s} s före nästa försök; Rajaus väntar högst ${max} s. Försök igen senare.`,
    waiting: ({ service, s }) => `${service} bad om att vänta: ${s} s…`,
    pages: ({ service, pages }) => `${service} gav nya sidor efter ${pages} sidor; frågan avbröts. Avgränsa sökningen.`,
  },
});

/** The limits and context of one step's requests to one service. */
export interface HttpSession {
  /** The service as messages name it ("PRH", "Helsingin kaupunki, rakennusrekisteri"). */
  service: string;
  lang: Lang;
  fetch: FetchFn;
  signal?: AbortSignal;
  limits: NetLimits;
  /** When the step's total deadline passes (ms since the epoch). */
  deadline: number;
  /** Told of a wait the service asked for, once a second, in words. */
  notice?: (message: string) => void;
  /** A source's own words for "no connection" (`why`: ECONNREFUSED, a TypeError's message…). */
  networkMessage?: (why: string, error: unknown, url: string) => string;
}

export function httpSession(args: {
  service: string;
  lang?: Lang;
  fetch?: FetchFn;
  signal?: AbortSignal;
  limits?: Partial<NetLimits>;
  notice?: (message: string) => void;
  networkMessage?: (why: string, error: unknown, url: string) => string;
}): HttpSession {
  const limits = { ...DEFAULT_NET_LIMITS, ...args.limits };
  return {
    service: args.service,
    lang: args.lang ?? 'fi',
    // Called through a wrapper: the browser's fetch must not be called with another `this`.
    fetch: args.fetch ?? ((input, init) => fetch(input, init)),
    signal: args.signal,
    limits,
    deadline: Date.now() + limits.stepDeadlineMs,
    notice: args.notice,
    networkMessage: args.networkMessage,
  };
}

/** Seconds for a message: whole seconds, or tenths under ten seconds ("0.3"). */
const seconds = (ms: number) => (ms < 10_000 ? String(Math.round(ms / 100) / 10) : String(Math.round(ms / 1000)));

type Reason = 'connect' | 'request' | 'deadline';

/** The error a fetch or body read failed with, as one line for the user. */
function failure(e: unknown, s: HttpSession, url: string, reason: Reason | null, bytesRead: number | null): Error {
  if (s.signal?.aborted) return new CancelledError();
  if (reason === 'connect') return new UserError(t(s.lang, 'connect', { service: s.service, s: seconds(s.limits.connectTimeoutMs), url }));
  if (reason === 'request') return new UserError(t(s.lang, 'request', { service: s.service, s: seconds(s.limits.requestTimeoutMs), url }));
  if (reason === 'deadline') return new UserError(t(s.lang, 'deadline', { service: s.service, s: seconds(s.limits.stepDeadlineMs) }));
  if (e instanceof UserError || e instanceof CancelledError) return e;
  if (bytesRead !== null) return new UserError(t(s.lang, 'reset', { service: s.service, bytes: formatCount(s.lang, bytesRead), url }));
  const cause = (e as Error & { cause?: { code?: string; message?: string } }).cause;
  const why = cause?.code ?? cause?.message ?? (e as Error).message;
  // The address and the raw cause (a browser's CORS refusal, ECONNREFUSED) go to the details.
  if (s.networkMessage) return new UserError(s.networkMessage(why, e, url), {}, `${url}: ${why}`);
  return new UserError(t(s.lang, 'network', { service: s.service, why, url }));
}

export interface TextResponse {
  status: number;
  ok: boolean;
  statusText: string;
  headers: Headers;
  text: string;
}

/**
 * GETs `url` and reads its body as text within the session's limits. The status is not
 * judged here (the caller decides what a 429 or 404 means); every other failure is a
 * UserError naming the service and URL, or a CancelledError when the user cancelled.
 */
export async function getText(url: string, s: HttpSession, headers: Record<string, string> = {}): Promise<TextResponse> {
  if (s.signal?.aborted) throw new CancelledError();
  const left = s.deadline - Date.now();
  if (left <= 0) throw failure(null, s, url, 'deadline', null);
  const ctrl = new AbortController();
  let reason: Reason | null = null;
  const stop = (r: Reason) => () => {
    reason ??= r;
    ctrl.abort();
  };
  const onUserAbort = () => ctrl.abort();
  s.signal?.addEventListener('abort', onUserAbort, { once: true });
  const connectTimer = setTimeout(stop('connect'), s.limits.connectTimeoutMs);
  const requestTimer = setTimeout(stop('request'), s.limits.requestTimeoutMs);
  const deadlineTimer = setTimeout(stop('deadline'), left);
  let bytesRead: number | null = null;
  try {
    const res = await s.fetch(url, { headers, signal: ctrl.signal });
    clearTimeout(connectTimer);
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > s.limits.maxBodyBytes) {
      ctrl.abort();
      throw tooLarge(s, url);
    }
    bytesRead = 0;
    const chunks: Uint8Array[] = [];
    if (res.body) {
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytesRead += value.byteLength;
        if (bytesRead > s.limits.maxBodyBytes) {
          ctrl.abort();
          throw tooLarge(s, url);
        }
        chunks.push(value);
      }
    }
    const text = decodeUtf8(chunks, bytesRead);
    return { status: res.status, ok: res.ok, statusText: res.statusText, headers: res.headers, text };
  } catch (e) {
    throw failure(e, s, url, reason, bytesRead);
  } finally {
    clearTimeout(connectTimer);
    clearTimeout(requestTimer);
    clearTimeout(deadlineTimer);
    s.signal?.removeEventListener('abort', onUserAbort);
  }
}

function tooLarge(s: HttpSession, url: string): UserError {
  return new UserError(
    t(s.lang, 'tooLarge', { service: s.service, mb: formatCount(s.lang, Math.round(s.limits.maxBodyBytes / 1024 / 1024)), url }),
  );
}

function decodeUtf8(chunks: Uint8Array[], total: number): string {
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder('utf-8').decode(all);
}

/**
 * The body as JSON, or a UserError that says what came instead: nothing, an HTML page (a
 * login or maintenance page of a proxy), a body cut off (the parser ran out of text), or
 * something else that is not JSON.
 */
export function parseJsonBody(res: TextResponse, s: HttpSession, url: string): unknown {
  const text = res.text.replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start === '') throw new UserError(t(s.lang, 'empty', { service: s.service, url }));
  if (start.startsWith('<')) throw new UserError(t(s.lang, 'html', { service: s.service, url }));
  try {
    return JSON.parse(text);
  } catch (e) {
    const why = (e as Error).message;
    // The text stopped early when the parser failed at its very end ("Unexpected end of JSON
    // input", or an error at the last position): a body cut off, not a wrong one.
    const at = /at position (\d+)/.exec(why);
    if (/end of JSON input/i.test(why) || (at && Number(at[1]) >= text.trimEnd().length)) {
      throw new UserError(
        t(s.lang, 'truncated', { service: s.service, bytes: formatCount(s.lang, new TextEncoder().encode(res.text).length), url }),
      );
    }
    throw new UserError(t(s.lang, 'malformed', { service: s.service, why: why.split('\n')[0]!.slice(0, 120), url }));
  }
}

/**
 * A file fetched as text (parsed later by its own reader, JSON or CSV): refused when it is
 * empty, an HTML page, or JSON that plainly stops early (no closing bracket), without parsing
 * it twice.
 */
export function checkTextBody(res: TextResponse, s: HttpSession, url: string): string {
  const text = res.text;
  const start = text.trimStart();
  if (start === '') throw new UserError(t(s.lang, 'empty', { service: s.service, url }));
  if (start.startsWith('<')) throw new UserError(t(s.lang, 'html', { service: s.service, url }));
  const end = text.trimEnd();
  if ((start.startsWith('{') && !end.endsWith('}')) || (start.startsWith('[') && !end.endsWith(']'))) {
    throw new UserError(
      t(s.lang, 'truncated', { service: s.service, bytes: formatCount(s.lang, new TextEncoder().encode(text).length), url }),
    );
  }
  return text;
}

/** Retry-After as milliseconds: seconds, or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/**
 * Waits `ms` as a service asked, counting down to the user once a second; a wait longer than
 * the cap, or past the step's deadline, ends the step at once with a message instead.
 */
export async function waitAsAsked(
  ms: number,
  s: HttpSession,
  sleep: (ms: number, signal?: AbortSignal) => Promise<void> = sleepFor,
): Promise<void> {
  if (ms > s.limits.maxRetryAfterMs) {
    throw new UserError(t(s.lang, 'retryTooLong', { service: s.service, s: seconds(ms), max: seconds(s.limits.maxRetryAfterMs) }));
  }
  if (Date.now() + ms > s.deadline) throw new UserError(t(s.lang, 'deadline', { service: s.service, s: seconds(s.limits.stepDeadlineMs) }));
  let left = ms;
  while (left > 0) {
    s.notice?.(t(s.lang, 'waiting', { service: s.service, s: Math.ceil(left / 1000) }));
    const step = Math.min(1000, left);
    await sleep(step, s.signal);
    left -= step;
    if (Date.now() > s.deadline) throw new UserError(t(s.lang, 'deadline', { service: s.service, s: seconds(s.limits.stepDeadlineMs) }));
  }
}

/** Ends a paged query that goes on past the session's page cap. */
export function checkPageCount(pages: number, s: HttpSession): void {
  if (pages > s.limits.maxPages)
    throw new UserError(t(s.lang, 'pages', { service: s.service, pages: formatCount(s.lang, s.limits.maxPages) }));
}

export function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * getText that honours "come back later": a 429, or a 503 with Retry-After, is tried again
 * after the wait the service asked for (counted down; capped by waitAsAsked), up to `tries`
 * times. Whatever else comes back is returned for the caller to judge.
 */
export async function getTextRetrying(url: string, s: HttpSession, headers: Record<string, string> = {}, tries = 4): Promise<TextResponse> {
  for (let attempt = 1; ; attempt++) {
    const res = await getText(url, s, headers);
    const retryAfter = parseRetryAfter(res.headers.get('retry-after'), Date.now());
    const again = res.status === 429 || (res.status === 503 && retryAfter !== undefined);
    if (!again || attempt >= tries) return res;
    await waitAsAsked(retryAfter ?? Math.min(30_000, 1000 * 2 ** (attempt - 1)), s);
  }
}
