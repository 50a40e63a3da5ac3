/**
 * Buildings from a file the user has: GeoJSON, CSV, or a saved WFS/OGC response in the
 * Helsinki, HSY or Ryhti layout (or our own JSON, as the demo writes it). Read from text, so it
 * works in the pane (a picked file, a URL) and in the CLI (a path, see file.node.ts).
 */
import Papa from 'papaparse';
import type { BuildingAddress, BuildingRecord } from '../../core/buildings/building';
import { normalizePostalCode } from '../../core/buildings/join';
import { libraryCause, UserError } from '../../core/errors';
import { defineMessages, type Lang } from '../../core/i18n/lang';
import { detectLayout, parseRyhtiAddress, recordsOfLayout, type Layout } from './layouts';
import type { NetLimits } from '../http/limitedFetch';
import type { RunOptions } from '../../core/progress';
import { buildingSession, featureCollectionSchema, getJsonText, propertiesOf, type BuildingSource, type FetchFn } from './source';

const t = defineMessages({
  fi: {
    empty: 'Tiedostossa ei ole rakennuksia.',
    unknown:
      'Tiedoston sarakkeista ei tunnistu rakennusaineisto (odotettiin esim. katunimi_suomi, katu/osno1, building_key tai osoite ja postinumero). Sarakkeet: {keys}',
    json: 'Rakennustiedosto on rikki tai kesken, eikä sitä voi lukea ({why})',
  },
  en: {
    empty: 'The file holds no buildings.',
    unknown:
      'The file’s columns are not building data we know (expected e.g. katunimi_suomi, katu/osno1, building_key, or address and postal code). Columns: {keys}',
    json: 'The building file is damaged or incomplete and cannot be read ({why})',
  },
  sv: {
    empty: 'Filen innehåller inga byggnader.',
    unknown:
      'Filens kolumner känns inte igen som byggnadsdata (väntade t.ex. katunimi_suomi, katu/osno1, building_key eller adress och postnummer). Kolumner: {keys}',
    json: 'Byggnadsfilen är skadad eller ofullständig och kan inte läsas ({why})',
  },
});

/** Plain Finnish/English/Swedish headers of a simple building table → our own field names. */
const PLAIN_HEADERS: Record<string, string> = {
  osoite: 'address',
  katuosoite: 'address',
  lähiosoite: 'address',
  address: 'address',
  adress: 'address',
  gatuadress: 'address',
  postinumero: 'postalCode',
  'postal code': 'postalCode',
  postnummer: 'postalCode',
  valmistumisvuosi: 'completionYear',
  rakennusvuosi: 'completionYear',
  'building year': 'completionYear',
  byggnadsår: 'completionYear',
  käyttötarkoitus: 'useText',
  kerroksia: 'floors',
  kerrosluku: 'floors',
  lämmitystapa: 'heatingMethodText',
  lämmitysaine: 'heatingFuelText',
  polttoaine: 'heatingFuelText',
  rakennusaine: 'materialText',
  rakennustunnus: 'id',
};

function rowsOf(json: unknown): Record<string, unknown>[][] {
  if (Array.isArray(json)) {
    if (json.length && json.every((x) => x && typeof x === 'object' && 'features' in (x as object))) {
      return json.map((fc) => propertiesOf(featureCollectionSchema.parse(fc)));
    }
    return [json.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object')];
  }
  if (json && typeof json === 'object') {
    const o = json as Record<string, unknown>;
    if ('features' in o) return [propertiesOf(featureCollectionSchema.parse(o))];
    // { buildings: FeatureCollection | [...], addresses: FeatureCollection | [...] }
    return Object.values(o).flatMap((v) => (v && typeof v === 'object' ? rowsOf(v) : []));
  }
  return [];
}

function layoutOf(rows: Record<string, unknown>[]): Layout | null {
  return rows.length ? detectLayout(Object.keys(rows[0]!)) : null;
}

/** Parses building data from text (JSON or CSV). `source` names the records' source. */
export function buildingsFromText(text: string, source: string, lang: Lang = 'fi'): BuildingRecord[] {
  const body = text.replace(/^\uFEFF/, '');
  const trimmed = body.trimStart();
  let groups: Record<string, unknown>[][];
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (e) {
      throw new UserError(t(lang, 'json', { why: libraryCause(e) }), { file: source });
    }
    groups = rowsOf(json);
  } else {
    const parsed = Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: true, dynamicTyping: false });
    let rows = parsed.data;
    if (rows.length && !detectLayout(Object.keys(rows[0]!))) {
      rows = rows.map((r) => {
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(r)) out[PLAIN_HEADERS[k.trim().toLowerCase()] ?? k] = v;
        return out;
      });
    }
    groups = [rows];
  }
  const addresses: { key: string; address: BuildingAddress }[] = [];
  const typed = groups.map((rows) => ({ rows, layout: layoutOf(rows) }));
  for (const g of typed) {
    if (g.layout === 'ryhtiAddress')
      for (const r of g.rows) {
        const a = parseRyhtiAddress(r);
        if (a) addresses.push(a);
      }
  }
  const out: BuildingRecord[] = [];
  for (const g of typed) {
    if (!g.rows.length) continue;
    if (!g.layout) throw new UserError(t(lang, 'unknown', { keys: Object.keys(g.rows[0]!).slice(0, 12).join(', ') }), { file: source });
    for (const b of recordsOfLayout(g.layout, g.rows, source, addresses)) out.push(b);
  }
  if (!out.length) throw new UserError(t(lang, 'empty'), { file: source });
  return out;
}

/** A building source over a file's text, loaded once and filtered to the postal codes asked. */
export function fileSource(spec: string, load: (opts: RunOptions) => Promise<string>, lang: Lang = 'fi', party?: string): BuildingSource {
  let parsed: Promise<BuildingRecord[]> | null = null;
  return {
    id: `file:${spec}`,
    name: spec,
    controller: '',
    licence: '',
    attribution: spec,
    party,
    async fetchBuildings(codes, opts = {}) {
      parsed ??= load(opts).then((text) => buildingsFromText(text, spec, lang));
      // A failed load (a service down) is tried again next time, not remembered.
      const all = await parsed.catch((e: unknown) => {
        parsed = null;
        throw e;
      });
      const wanted = new Set(codes.map(normalizePostalCode));
      const buildings = wanted.size ? all.filter((b) => b.addresses.some((a) => wanted.has(a.postalCode))) : all;
      return { buildings, sent: [] };
    },
  };
}

/** A file behind a URL: one GET of the whole file, nothing of the list is sent. */
export function urlFileSource(url: string, o: { fetch?: FetchFn; lang?: Lang; limits?: Partial<NetLimits> } = {}): BuildingSource {
  const load = (opts: RunOptions) =>
    getJsonText(url, {
      service: url,
      lang: o.lang,
      session: buildingSession({ service: url, lang: o.lang, fetch: o.fetch, signal: opts.signal, limits: o.limits, notice: opts.notice }),
    });
  return fileSource(url, load, o.lang, new URL(url).host);
}
