/**
 * A building source: where building records come from, who publishes them under which licence,
 * and how to get the buildings of some postal codes. Live sources receive postal codes only,
 * never a person's address (compliance.md); `party` names who was contacted.
 */
import { z } from 'zod';
import type { BuildingRecord } from '../../core/buildings/building';
import { UserError, throwIfAborted } from '../../core/errors';
import { checkTextBody, getTextRetrying, httpSession, parseJsonBody, type HttpSession, type NetLimits } from '../http/limitedFetch';
import { defineMessages, type Lang } from '../../core/i18n/lang';
import type { RunOptions } from '../../core/progress';

export type BuildingSourceId = 'helsinki' | 'hsy' | 'ryhti' | 'demo-buildings' | `file:${string}`;

export interface BuildingSource {
  id: BuildingSourceId;
  /** The register as the notes name it. */
  name: string;
  controller: string;
  licence: string;
  /** Attribution required by the licence (CC BY 4.0). */
  attribution: string;
  /** The outside service contacted, or undefined for a local file or the demo. */
  party?: string;
  /** A processor between Rajaus and `party` that received the same (the `rajaus serve` gateway). */
  relayedBy?: string;
  /** The buildings with an address in one of `postalCodes` (a source may return more). */
  fetchBuildings(postalCodes: readonly string[], opts?: RunOptions): Promise<BuildingFetch>;
}

export interface BuildingFetch {
  buildings: BuildingRecord[];
  /** Postal codes sent to `party` in this call (codes cached from earlier calls are not resent). */
  sent: string[];
}

export type FetchFn = typeof fetch;

export const t = defineMessages({
  fi: {
    http: '{service} vastasi virheellä {status} ({url}). Yritä myöhemmin uudelleen tai vaihda lähteen osoite.',
    network:
      '{service} ei vastannut. Tarkista verkkoyhteys ja yritä hetken päästä uudelleen. Jos yhteys toimii, palvelu voi olla tilapäisesti poissa käytöstä tai estää yhteydet tästä ohjelmasta; silloin lähteen osoitteeksi tarvitaan välityspalvelin.',
    json: '{service} ei palauttanut rakennustietoja vaan jotain muuta. Yritä myöhemmin uudelleen tai tarkista lähteen osoite.',
    shape: '{service} palautti rakennustiedot muodossa, jota Rajaus ei tunne. Tarkista lähteen osoite.',
  },
  en: {
    http: '{service} answered with error {status} ({url}). Try again later or change the source’s base URL.',
    network:
      '{service} did not answer. Check the network connection and try again in a moment. If the connection works, the service may be down for a while or may refuse connections from this program; then the source needs a relay server as its address.',
    json: '{service} did not return building data but something else. Try again later or check the source’s address.',
    shape: '{service} returned building data in a form Rajaus does not know. Check the source’s address.',
  },
  sv: {
    http: '{service} svarade med fel {status} ({url}). Försök igen senare eller byt källans adress.',
    network:
      '{service} svarade inte. Kontrollera nätverksanslutningen och försök igen om en stund. Om anslutningen fungerar kan tjänsten vara tillfälligt ur bruk eller vägra anslutningar från det här programmet; då behöver källan en mellanserver som adress.',
    json: '{service} returnerade inte byggnadsdata utan något annat. Försök igen senare eller kontrollera källans adress.',
    shape: '{service} returnerade byggnadsdata i en form som Rajaus inte känner. Kontrollera källans adress.',
  },
});

/** What getJson needs: the service's name for messages, and the step's HTTP session. */
export interface JsonContext {
  service: string;
  lang?: Lang;
  fetch?: FetchFn;
  signal?: AbortSignal;
  /** The step's limits and deadline (limitedFetch.ts); one is made for this request if absent. */
  session?: HttpSession;
}

/** The HTTP session of one building step: its deadline starts now. */
export function buildingSession(ctx: JsonContext & { limits?: Partial<NetLimits>; notice?: (message: string) => void }): HttpSession {
  const lang = ctx.lang ?? 'fi';
  return httpSession({
    service: ctx.service,
    lang,
    fetch: ctx.fetch,
    signal: ctx.signal,
    limits: ctx.limits,
    notice: ctx.notice,
    networkMessage: (why, _e, url) => t(lang, 'network', { service: ctx.service, url, why }),
  });
}

/**
 * GETs JSON and validates it; every failure is a UserError that names the service and URL:
 * a service that hangs or drips, a long Retry-After, an oversized, empty, truncated or HTML
 * body (limitedFetch.ts), an HTTP error, or JSON of the wrong shape.
 */
export async function getJson<T>(url: string, schema: z.ZodType<T>, ctx: JsonContext): Promise<T> {
  throwIfAborted(ctx.signal);
  const lang = ctx.lang ?? 'fi';
  const s = ctx.session ?? buildingSession(ctx);
  const res = await getTextRetrying(url, s, { accept: 'application/json, application/geo+json' });
  if (!res.ok) throw new UserError(t(lang, 'http', { service: ctx.service, status: res.status, url }));
  const data = parseJsonBody(res, s, url);
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(t(lang, 'shape', { service: ctx.service }), {}, `${url}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

interface Feature {
  id?: string | number | null;
  properties: Record<string, unknown> | null;
}

/** Every element a GeoJSON feature with a properties object (or null): one plain loop, no copies. */
function isFeatureArray(value: unknown): value is Feature[] {
  if (!Array.isArray(value)) return false;
  for (const f of value) {
    if (!f || typeof f !== 'object') return false;
    const p = (f as { properties?: unknown }).properties;
    if (p !== null && (typeof p !== 'object' || Array.isArray(p))) return false;
  }
  return true;
}

/**
 * A GeoJSON FeatureCollection as WFS (GeoServer) and OGC API Features return it. The features
 * are checked in one loop rather than by a zod object per feature: a register extract holds
 * 200,000 of them, and copying each through zod took seconds.
 */
export const featureCollectionSchema = z
  .object({
    type: z.literal('FeatureCollection').optional(),
    features: z.custom<Feature[]>(isFeatureArray, { message: 'features must be GeoJSON features with properties' }),
    numberMatched: z.union([z.number(), z.string()]).optional(),
    numberReturned: z.number().optional(),
    totalFeatures: z.union([z.number(), z.string()]).optional(),
    links: z.array(z.object({ rel: z.string(), href: z.string() }).passthrough()).optional(),
  })
  .passthrough();
export type FeatureCollection = z.infer<typeof featureCollectionSchema>;

export function propertiesOf(fc: FeatureCollection): Record<string, unknown>[] {
  return fc.features.map((f) => f.properties ?? {});
}

/** Splits postal codes into batches so that no request URL grows too long. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A CQL list of text literals: ('00100','00250'); quotes doubled, digits only expected. */
export function cqlIn(field: string, values: readonly string[]): string {
  const list = values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',');
  return values.length === 1 ? `${field}=${list}` : `${field} IN (${list})`;
}

/** GETs a file as text (a saved response or CSV behind a URL), within the session's limits. */
export async function getJsonText(url: string, ctx: JsonContext): Promise<string> {
  const lang = ctx.lang ?? 'fi';
  const s = ctx.session ?? buildingSession(ctx);
  const res = await getTextRetrying(url, s);
  if (!res.ok) throw new UserError(t(lang, 'http', { service: ctx.service, status: res.status, url }));
  return checkTextBody(res, s, url);
}
