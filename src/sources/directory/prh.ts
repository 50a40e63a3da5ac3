/**
 * `prh`: PRH's YTJ open data API v3 (https://avoindata.prh.fi/opendata-ytj-api/v3), CC BY 4.0.
 *
 * Criteria are sent where the API supports them (postCode or location, companyForm,
 * registrationDateStart/End), one query series per value; everything else is checked locally
 * with matchesCriteria and reported in `appliedLocally`. Industries are always checked locally:
 * PRH switched from TOL 2008 to TOL 2025 codes on 2026-01-01 and how the API matches an old code
 * against new ones is not documented, while the local check knows both.
 *
 * The API is shared by everyone at about 300 queries a minute: requests are spaced, and 429/503
 * are retried after Retry-After. Pages are 100 companies; a page past the end returns page 1
 * again, so paging stops on totalResults (and on seeing page 1 again).
 */
import { CancelledError, UserError } from '../../core/errors';
import { defineMessages, type Lang } from '../../core/i18n/lang';
import type { RunOptions } from '../../core/progress';
import { expandArea } from '../../core/criteria/area';
import type { B2BCriteria, Criteria } from '../../core/criteria/criteria';
import { compileCriteria } from '../../core/criteria/filter';
import { companyFormOf } from '../../core/criteria/labels';
import { summarizeCriteria } from '../../core/criteria/summary';
import { areaIndex } from '../../core/area/postalAreas';
import type { DirectoryRecord, DirectorySource, SearchResult, SourceInfo } from './directorySource';
import { companyToRecord, isActiveCompany } from './prhCompany';
import {
  checkPageCount,
  getText,
  httpSession,
  parseJsonBody,
  parseRetryAfter,
  sleepFor,
  waitAsAsked,
  type HttpSession,
  type NetLimits,
} from '../http/limitedFetch';
import { prhErrorSchema, prhSearchResponseSchema, type PrhCompany, type PrhSearchResponse } from './prhSchema';

export const PRH_DEFAULT_BASE = 'https://avoindata.prh.fi/opendata-ytj-api/v3';
export const PRH_PAGE_SIZE = 100;

const t = defineMessages({
  fi: {
    cors: 'PRH:n palvelu ei vastannut. Tarkista verkkoyhteys ja yritä hetken päästä uudelleen. Jos yhteys toimii, palvelu voi estää yhteydet tästä ohjelmasta; silloin asetuksiin tarvitaan välityspalvelimen osoite.',
    network: 'PRH:n rajapinta ei vastannut ({cause}). Tarkista verkkoyhteys tai välityspalvelimen osoite {base}.',
    badRequest: 'PRH hylkäsi haun: {message}',
    busy: 'PRH:n rajapinta on ruuhkautunut (HTTP {status}) eikä vastannut {tries} yrityksellä. Yritä hetken päästä uudelleen.',
    server: 'PRH:n rajapinnassa on vika (HTTP {status}): {message}',
    invalid: 'PRH:n vastaus ei ollut odotetun muotoinen ({detail}).',
    tooBroad:
      'Hakuehdot ovat PRH:n rajapinnalle liian laajat ({series} kyselysarjaa). Rajaa postinumeroihin, kuntiin tai yhtiömuotoon, tai käytä koko rekisterin tiedostoa (prh-bulk).',
    noArea:
      'PRH:n rajapinnasta haetaan alueen mukaan: valitse postinumerot, kunnat tai maakunta, tai käytä koko rekisterin tiedostoa (prh-bulk).',
    noPhones: 'PRH:n avoimessa datassa ei ole puhelinnumeroita eikä sähköposteja: "{what}" jättää tuloksen tyhjäksi.',
    noPersons: 'PRH:n avoimessa datassa ei ole henkilöitä eikä henkilöstömäärää: "{what}" jättää tuloksen tyhjäksi.',
    b2c: 'PRH:n rekisterissä on vain yrityksiä ja yhteisöjä, ei kuluttajia.',
    localIndustry: '{what} (tarkistetaan paikallisesti: PRH vaihtoi TOL 2025 -koodeihin 1.1.2026)',
    localArea: 'alue tarkistetaan paikallisesti listan osoitteesta (PRH hakee käynti- tai postiosoitteesta)',
    localOther: '{what} (tarkistetaan paikallisesti)',
    ended: 'lopettaneet, konkurssissa ja selvitystilassa olevat yritykset jätetään pois',
    sent: 'hakuehdot: {params}',
  },
  en: {
    cors: "PRH's service did not answer. Check the network connection and try again in a moment. If the connection works, the service may refuse connections from this program; then the settings need a relay server's address.",
    network: "PRH's API did not answer ({cause}). Check the network connection or the proxy address {base}.",
    badRequest: 'PRH rejected the search: {message}',
    busy: "PRH's API is busy (HTTP {status}) and did not answer in {tries} tries. Try again in a moment.",
    server: "PRH's API failed (HTTP {status}): {message}",
    invalid: "PRH's response was not of the expected shape ({detail}).",
    tooBroad:
      "The criteria are too broad for PRH's API ({series} query series). Narrow them to postal codes, municipalities or a company form, or use the whole-register file (prh-bulk).",
    noArea: "PRH's API is searched by area: choose postal codes, municipalities or a region, or use the whole-register file (prh-bulk).",
    noPhones: 'PRH\'s open data has no phone numbers or emails: "{what}" leaves the result empty.',
    noPersons: 'PRH\'s open data has no persons and no staff sizes: "{what}" leaves the result empty.',
    b2c: "PRH's register holds companies and organisations only, not consumers.",
    localIndustry: '{what} (checked locally: PRH switched to TOL 2025 codes on 2026-01-01)',
    localArea: "area checked locally on the list's address (PRH searches visiting or postal address)",
    localOther: '{what} (checked locally)',
    ended: 'ended companies and those in bankruptcy or liquidation are left out',
    sent: 'criteria: {params}',
  },
  sv: {
    cors: 'PRH:s tjänst svarade inte. Kontrollera nätverksanslutningen och försök igen om en stund. Om anslutningen fungerar kan tjänsten vägra anslutningar från det här programmet; då behöver inställningarna en mellanservers adress.',
    network: 'PRH:s gränssnitt svarade inte ({cause}). Kontrollera nätverket eller proxyadressen {base}.',
    badRequest: 'PRH avvisade sökningen: {message}',
    busy: 'PRH:s gränssnitt är överbelastat (HTTP {status}) och svarade inte på {tries} försök. Försök igen om en stund.',
    server: 'Fel i PRH:s gränssnitt (HTTP {status}): {message}',
    invalid: 'PRH:s svar hade inte den väntade formen ({detail}).',
    tooBroad:
      'Kriterierna är för breda för PRH:s gränssnitt ({series} frågeserier). Avgränsa till postnummer, kommuner eller bolagsform, eller använd hela registrets fil (prh-bulk).',
    noArea: 'PRH:s gränssnitt söks per område: välj postnummer, kommuner eller landskap, eller använd hela registrets fil (prh-bulk).',
    noPhones: 'PRH:s öppna data har inga telefonnummer eller e-postadresser: "{what}" ger ett tomt resultat.',
    noPersons: 'PRH:s öppna data har inga personer och ingen personalstorlek: "{what}" ger ett tomt resultat.',
    b2c: 'PRH:s register innehåller bara företag och sammanslutningar, inga konsumenter.',
    localIndustry: '{what} (kontrolleras lokalt: PRH bytte till TOL 2025-koder 1.1.2026)',
    localArea: 'området kontrolleras lokalt mot listans adress (PRH söker på besöks- eller postadress)',
    localOther: '{what} (kontrolleras lokalt)',
    ended: 'upphörda företag och företag i konkurs eller likvidation lämnas bort',
    sent: 'kriterier: {params}',
  },
});

export const PRH_INFO: SourceInfo = {
  id: 'prh',
  name: 'PRH YTJ avoin data',
  controller: 'Patentti- ja rekisterihallitus (PRH)',
  licence: 'CC BY 4.0',
  attribution: 'Patentti- ja rekisterihallitus (PRH), YTJ avoin data, CC BY 4.0',
};

/** Company forms the API's companyForm parameter takes (data-sources.md); others are local. */
const API_FORMS = new Set(['OY', 'OYJ', 'KY', 'AY', 'OSK']);

export interface PrhSourceOptions {
  /** The API base, or a proxy in front of it. */
  baseUrl?: string;
  lang?: Lang;
  fetch?: typeof fetch;
  /** Least time between two requests to the same base; 200 ms is 300 a minute. */
  minIntervalMs?: number;
  /** Tries of one request on 429/503/500 before giving up. */
  maxTries?: number;
  /** Wait used for throttling and backoff (tests make it instant). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Most query series one search may make (area values × company forms). */
  maxSeries?: number;
  /** Longest wait for one response (the per-request timeout; see limits). */
  timeoutMs?: number;
  /** Connect timeout, total deadline of a search, Retry-After cap, response size, pages. */
  limits?: Partial<NetLimits>;
}

export interface PrhQueryPlan {
  /** One parameter set per query series (each paged separately). */
  series: Record<string, string>[];
  /** Criteria checked locally, in words. */
  appliedLocally: string[];
  /** Set when the criteria cannot match anything in PRH's data, with the reason. */
  empty?: string;
}

/** What to send to PRH for these criteria, and what is left to check locally. */
export function planPrhQueries(criteria: Criteria, lang: Lang): PrhQueryPlan {
  if (criteria.kind !== 'b2b') return { series: [], appliedLocally: [], empty: t(lang, 'b2c') };
  const c: B2BCriteria = criteria;
  const local: string[] = [];
  const words = (part: Partial<B2BCriteria>) => summarizeCriteria({ kind: 'b2b', ...part } as Criteria, lang);
  if (c.requirePhone || c.requireEmail) {
    return {
      series: [],
      appliedLocally: [],
      empty: t(lang, 'noPhones', { what: words({ requirePhone: c.requirePhone, requireEmail: c.requireEmail }) }),
    };
  }
  if (c.roles?.length || c.sizeClasses?.length) {
    return { series: [], appliedLocally: [], empty: t(lang, 'noPersons', { what: words({ roles: c.roles, sizeClasses: c.sizeClasses }) }) };
  }
  // Area: one series per postal code for small areas, else one per post office name.
  const area = expandArea(c.area, lang);
  let areaParams: Record<string, string>[] = [{}];
  if (area.postalCodes) {
    const codes = [...area.postalCodes].sort();
    if (codes.length <= 12) areaParams = codes.map((postCode) => ({ postCode }));
    else {
      const idx = areaIndex();
      const offices = new Set<string>();
      for (const code of codes) {
        const p = idx.postal.get(code);
        if (p && p.type !== '6') offices.add(p.nameFi);
      }
      areaParams = [...offices].sort().map((location) => ({ location }));
    }
    local.push(t(lang, 'localArea'));
  }
  let formParams: Record<string, string>[] = [{}];
  const forms = (c.companyForms ?? []).map((f) => companyFormOf(f) ?? f);
  if (forms.length) {
    if (forms.every((f) => API_FORMS.has(f))) formParams = forms.map((companyForm) => ({ companyForm }));
    else local.push(t(lang, 'localOther', { what: words({ companyForms: forms }) }));
  }
  const dates: Record<string, string> = {};
  if (c.registeredFrom) dates.registrationDateStart = c.registeredFrom;
  if (c.registeredTo) dates.registrationDateEnd = c.registeredTo;
  if (c.industries?.length) local.push(t(lang, 'localIndustry', { what: words({ industries: c.industries }) }));
  if (c.exclude && Object.values(c.exclude).some((v) => v?.length))
    local.push(t(lang, 'localOther', { what: words({ exclude: c.exclude }).replace(/^./, (ch) => ch.toLowerCase()) }));
  local.push(t(lang, 'ended'));
  const series: Record<string, string>[] = [];
  for (const a of areaParams) for (const f of formParams) series.push({ ...a, ...f, ...dates });
  return { series, appliedLocally: local };
}

/** Next free request slot per API base: shared by every source instance in this page/process. */
const nextSlot = new Map<string, number>();

/** Forgets pending waits (tests start each case with a fresh quota). */
export function resetPrhThrottle(): void {
  nextSlot.clear();
}

export function createPrhSource(opts: PrhSourceOptions = {}): DirectorySource {
  const base = (opts.baseUrl ?? PRH_DEFAULT_BASE).replace(/\/+$/, '');
  const lang = opts.lang ?? 'fi';
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const minInterval = opts.minIntervalMs ?? 200;
  const maxTries = opts.maxTries ?? 5;
  const sleep = opts.sleep ?? sleepFor;
  const maxSeries = opts.maxSeries ?? 60;
  const timeoutMs = opts.timeoutMs ?? 30_000;

  async function throttle(signal?: AbortSignal): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, nextSlot.get(base) ?? 0);
    nextSlot.set(base, slot + minInterval);
    if (slot > now) await sleep(slot - now, signal);
  }

  /** The limits of one count or search: its deadline starts now. */
  function session(runOpts: RunOptions): HttpSession {
    return httpSession({
      service: 'PRH',
      lang,
      fetch: doFetch,
      signal: runOpts.signal,
      limits: { requestTimeoutMs: timeoutMs, ...opts.limits },
      notice: runOpts.notice,
      networkMessage: (why, e) => {
        const inBrowser = typeof window !== 'undefined' && typeof document !== 'undefined';
        // By name, not instanceof: fetch's TypeError may come from another realm (a worker, a test VM).
        if (inBrowser && (e as Error | undefined)?.name === 'TypeError') return t(lang, 'cors');
        return t(lang, 'network', { cause: why, base });
      },
    });
  }

  async function getPage(params: Record<string, string>, page: number, s: HttpSession): Promise<PrhSearchResponse> {
    const url = new URL(`${base}/companies`);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    url.searchParams.set('page', String(page));
    checkPageCount(page, s);
    let lastStatus = 0;
    for (let attempt = 1; attempt <= maxTries; attempt++) {
      if (s.signal?.aborted) throw new CancelledError();
      await throttle(s.signal);
      const res = await getText(url.toString(), s, { accept: 'application/json' });
      if (res.ok) {
        const body = parseJsonBody(res, s, url.toString());
        const parsed = prhSearchResponseSchema.safeParse(body);
        if (!parsed.success) {
          const i = parsed.error.issues[0]!;
          throw new UserError(t(lang, 'invalid', { detail: `${i.path.join('.')}: ${i.message}` }));
        }
        return parsed.data;
      }
      lastStatus = res.status;
      let errJson: unknown = {};
      try {
        errJson = JSON.parse(res.text);
      } catch {
        // An error page in HTML or plain text: the status says enough.
      }
      const errBody = prhErrorSchema.safeParse(errJson);
      const message = (errBody.success && errBody.data.message) || res.statusText || String(res.status);
      if (res.status === 429 || res.status === 503 || (res.status >= 500 && attempt < Math.min(maxTries, 2))) {
        if (attempt === maxTries) break;
        const wait = parseRetryAfter(res.headers.get('retry-after'), Date.now()) ?? Math.min(30_000, 1000 * 2 ** (attempt - 1));
        // Everyone shares the quota: hold back every request of this base, not only this one.
        nextSlot.set(base, Math.max(nextSlot.get(base) ?? 0, Date.now() + wait));
        // Counted down to the user; a wait over the cap ends the search with a message.
        await waitAsAsked(wait, s, sleep);
        continue;
      }
      if (res.status >= 400 && res.status < 500) throw new UserError(t(lang, 'badRequest', { message }));
      throw new UserError(t(lang, 'server', { status: res.status, message }));
    }
    throw new UserError(t(lang, 'busy', { status: lastStatus, tries: maxTries }));
  }

  /** Pages through one series; calls `onPage` with each page's companies. */
  async function runSeries(
    params: Record<string, string>,
    onPage: (companies: PrhCompany[], total: number) => void,
    s: HttpSession,
    firstOnly = false,
  ): Promise<number> {
    const first = await getPage(params, 1, s);
    onPage(first.companies, first.totalResults);
    if (firstOnly) return first.totalResults;
    const firstId = first.companies[0]?.businessId.value;
    let seen = first.companies.length;
    for (let page = 2; seen < first.totalResults; page++) {
      const body = await getPage(params, page, s);
      // A page past the end is page 1 again: never count it twice.
      if (body.companies.length === 0 || body.companies[0]?.businessId.value === firstId) break;
      onPage(body.companies, first.totalResults);
      seen += body.companies.length;
    }
    return first.totalResults;
  }

  function checkPlan(plan: PrhQueryPlan): void {
    if (plan.series.length > maxSeries) throw new UserError(t(lang, 'tooBroad', { series: plan.series.length }));
    if (plan.series.length === 1 && Object.keys(plan.series[0]!).every((k) => k.startsWith('registrationDate'))) {
      throw new UserError(t(lang, 'noArea'));
    }
  }

  function contactedOf(plan: PrhQueryPlan): SearchResult['contacted'] {
    const params = [...new Set(plan.series.flatMap((s) => Object.entries(s).map(([k, v]) => `${k}=${v}`)))];
    return [{ party: `${PRH_INFO.controller} (${new URL(base).host})`, sent: t(lang, 'sent', { params: params.join(', ') }) }];
  }

  return {
    info: PRH_INFO,
    kinds: ['b2b'],
    async count(criteria, runOpts: RunOptions = {}) {
      const plan = planPrhQueries(criteria, lang);
      if (plan.empty) return { count: 0, exact: true };
      checkPlan(plan);
      // The first page of each series gives PRH's totals: an upper bound of what passes locally.
      let total = 0;
      const s = session(runOpts);
      for (const params of plan.series) total += await runSeries(params, () => undefined, s, true);
      return { count: total, exact: false };
    },
    async search(criteria, runOpts: RunOptions = {}) {
      const plan = planPrhQueries(criteria, lang);
      if (plan.empty) return { records: [], total: 0, appliedLocally: [plan.empty], contacted: [] };
      checkPlan(plan);
      const compiled = compileCriteria(criteria);
      const seenIds = new Set<string>();
      const matched: DirectoryRecord[] = [];
      let fetched = 0;
      const s = session(runOpts);
      let expected = 0;
      for (let i = 0; i < plan.series.length; i++) {
        let counted = false;
        await runSeries(
          plan.series[i]!,
          (companies, total) => {
            if (!counted) {
              expected += total;
              counted = true;
            }
            for (const company of companies) {
              fetched++;
              const id = company.businessId.value;
              if (seenIds.has(id)) continue;
              seenIds.add(id);
              if (!isActiveCompany(company)) continue;
              const record = companyToRecord(company, lang);
              if (compiled.test(record)) matched.push(record);
            }
            runOpts.progress?.(fetched, Math.max(expected, fetched), PRH_INFO.name);
          },
          s,
        );
      }
      const total = matched.length;
      const records = criteria.limit ? matched.slice(0, criteria.limit) : matched;
      return { records, total, appliedLocally: plan.appliedLocally, contacted: contactedOf(plan) };
    },
  };
}
