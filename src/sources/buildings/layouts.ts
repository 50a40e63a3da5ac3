/**
 * The field layouts of the building sources, parsed with zod into BuildingRecords. The live
 * sources and the file source share these, so a saved WFS/OGC response reads the same as a
 * live one.
 *
 * Gotchas handled here (data-sources.md):
 * - Helsinki `c_valmpvm` is a UTC timestamp of local midnight: the year is taken in
 *   Europe/Helsinki time. `postinumero` may arrive as a number (250 for "00250"); codes as
 *   numbers (32 for "032"). Demolished buildings (tila "Purettu") are left out.
 * - HSY hides values with the sentinel 999999999.
 * - Ryhti: the same permanent building id occurs several times; the latest
 *   `modified_timestamp_utc` wins. Codes may be code-list URIs.
 */
import { z } from 'zod';
import type { BuildingAddress, BuildingRecord } from '../../core/buildings/building';
import { class2018Code, codeOf, ryhtiCode, smallCode, useCode1994 } from '../../core/buildings/codeLists';
import { normalizePostalCode } from '../../core/buildings/join';
import { UserError } from '../../core/errors';

export type Layout = 'helsinki' | 'hsy' | 'ryhtiBuilding' | 'ryhtiAddress' | 'generic';

const text = z.union([z.string(), z.number()]).nullish();
const num = z.union([z.number(), z.string()]).nullish();
type Props = Record<string, unknown>;

/** HSY's "hidden" sentinel and other non-values become undefined. */
export const HIDDEN_VALUE = 999999999;

const HIDDEN_TEXT = String(HIDDEN_VALUE);

function asText(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  const s = typeof v === 'string' ? v.trim() : String(v).trim();
  if (!s || s === HIDDEN_TEXT) return undefined;
  return s;
}

function asNumber(v: unknown): number | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(String(v).replace(',', '.'));
  if (!Number.isFinite(n) || n === HIDDEN_VALUE || n < 0) return undefined;
  return n;
}

const MAX_YEAR = new Date().getUTCFullYear() + 5;

function plausibleYear(y: number | undefined): number | undefined {
  return y !== undefined && Number.isInteger(y) && y >= 1600 && y <= MAX_YEAR ? y : undefined;
}

/**
 * The completion year of a register date. A timestamp with a time ("1988-12-30T22:00:00Z") is
 * a UTC instant of local midnight: Helsinki is UTC+2 in winter, so the year boundary (always in
 * winter) is crossed at 22:00 UTC; in summer (+3) no year changes near midnight, so adding two
 * hours gives the local year for every date. A plain date ("1920-01-01", "1920-01-01Z") is
 * taken as written.
 */
export function helsinkiYear(value: unknown): number | undefined {
  const s = asText(value);
  if (!s) return undefined;
  const fast = utcMidnightYear(s);
  if (fast !== undefined) return plausibleYear(fast);
  if (/^\d{4}$/.test(s)) return plausibleYear(Number(s));
  const dateOnly = /^(\d{4})-\d{2}-\d{2}(?:Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (dateOnly) return plausibleYear(Number(dateOnly[1]));
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) {
    const m = /^(\d{4})/.exec(s);
    return m ? plausibleYear(Number(m[1])) : undefined;
  }
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(s)) return plausibleYear(new Date(ms + 2 * 3600_000).getUTCFullYear());
  return plausibleYear(Number(s.slice(0, 4)));
}

const UTC_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?Z$/;

/**
 * The local year of a UTC timestamp as the register writes it ("1988-12-30T22:00:00.000Z")
 * without a Date: adding two hours (see helsinkiYear) changes the year only from 31 December
 * 22:00 UTC on. Undefined for any other form, which takes the general path.
 */
function utcMidnightYear(s: string): number | undefined {
  if (!UTC_TIMESTAMP.test(s)) return undefined;
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const seconds = s.charCodeAt(16) === 58 ? digits(s, 17, 2) : 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || digits(s, 14, 2) > 59 || seconds > 59) return undefined;
  const year = digits(s, 0, 4);
  return month === 12 && day === 31 && hour >= 22 ? year + 1 : year;
}

/** The number written by `length` ASCII digits at `at` (checked by the caller's pattern). */
function digits(s: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

const helsinkiSchema = z
  .object({
    ratu: text,
    vtj_prt: text,
    c_vtj_prt: text,
    katunimi_suomi: text,
    katunimi_ruotsi: text,
    osoitenumero: text,
    postinumero: text,
    c_valmpvm: text,
    c_kayttark: text,
    c_rakennusluokka: text,
    i_kerrlkm: num,
    c_lammtapa: text,
    c_poltaine: text,
    c_rakeaine: text,
    i_kerrosala: num,
    i_kokala: num,
    area: num,
    tila: text,
    tila_koodi: text,
  })
  .passthrough();

function helsinki(p: Props, row: number): BuildingRecord | null {
  const r = p as z.infer<typeof helsinkiSchema>;
  if (asText(r.tila_koodi) === '1' || /purettu/i.test(asText(r.tila) ?? '')) return null;
  const street = asText(r.katunimi_suomi);
  const number = asText(r.osoitenumero);
  const addresses: BuildingAddress[] =
    street && number
      ? [
          {
            streetFi: street,
            streetSv: asText(r.katunimi_ruotsi),
            number,
            postalCode: normalizePostalCode(r.postinumero),
            municipality: 'Helsinki',
          },
        ]
      : [];
  return {
    id: asText(r.vtj_prt) ?? asText(r.c_vtj_prt) ?? asText(r.ratu) ?? `helsinki-${row}`,
    source: 'helsinki',
    addresses,
    completionYear: helsinkiYear(r.c_valmpvm),
    useCode1994: useCode1994(r.c_kayttark) ?? undefined,
    class2018: class2018Code(r.c_rakennusluokka) ?? undefined,
    floors: asNumber(r.i_kerrlkm),
    heatingMethodCode: smallCode(r.c_lammtapa) ?? undefined,
    heatingFuelCode: smallCode(r.c_poltaine) ?? undefined,
    materialCode: smallCode(r.c_rakeaine) ?? undefined,
    floorArea: asNumber(r.i_kerrosala) ?? asNumber(r.i_kokala) ?? asNumber(r.area),
    codeSystem: '1994',
  };
}

const hsySchema = z
  .object({
    vtj_prt: text,
    raktun: text,
    katu: text,
    osno1: num,
    oski1: text,
    osno2: num,
    oski2: text,
    postinumero: text,
    posno: text,
    kunta: text,
    kavu: num,
    kayttarks: text,
    kerrosten_lkm: num,
    lammitystapa_s: text,
    lammitysaine_s: text,
    rakennusaine_s: text,
    kerala: num,
    korala: num,
    olotila_s: text,
  })
  .passthrough();

function hsy(p: Props, row: number): BuildingRecord | null {
  const r = p as z.infer<typeof hsySchema>;
  if (/purettu/i.test(asText(r.olotila_s) ?? '')) return null;
  const street = asText(r.katu);
  const n1 = asNumber(r.osno1);
  const n2 = asNumber(r.osno2);
  const addresses: BuildingAddress[] = [];
  if (street && n1 !== undefined) {
    const letter = (asText(r.oski1) ?? '').toLowerCase();
    const to = n2 !== undefined && n2 > n1 ? `-${n2}` : '';
    addresses.push({
      streetFi: street,
      number: `${n1}${letter}${to}`,
      postalCode: normalizePostalCode(asText(r.postinumero) ?? asText(r.posno)),
      municipality: asText(r.kunta),
    });
  }
  return {
    id: asText(r.vtj_prt) ?? asText(r.raktun) ?? `hsy-${row}`,
    source: 'hsy',
    addresses,
    completionYear: plausibleYear(asNumber(r.kavu)),
    useText: asText(r.kayttarks),
    floors: asNumber(r.kerrosten_lkm),
    heatingMethodText: asText(r.lammitystapa_s),
    heatingFuelText: asText(r.lammitysaine_s),
    materialText: asText(r.rakennusaine_s),
    floorArea: asNumber(r.kerala) ?? asNumber(r.korala),
  };
}

const ryhtiBuildingSchema = z
  .object({
    building_key: text,
    permanent_building_identifier: text,
    completion_date: text,
    main_purpose: text,
    number_of_storeys: num,
    heating_method: text,
    heating_energy_source: text,
    material_of_load_bearing_structures: text,
    gross_floor_area: num,
    floor_area: num,
    total_area: num,
    modified_timestamp_utc: text,
    municipality_number: text,
    // Some saved layers carry the address inline.
    address_fin: text,
    address_swe: text,
    postal_code: text,
  })
  .passthrough();

export interface RyhtiBuilding {
  key: string;
  record: BuildingRecord;
  modified: string;
}

/** "Mikkolantie 34a" → street and number; null when there is no number. */
export function splitStreetAndNumber(address: string): { street: string; number: string } | null {
  const m = /^(.*?[^\d\s])\s*(\d{1,4}\s?[a-zåäöA-ZÅÄÖ]?(?:\s?[-–]\s?\d{1,4}[a-zåäö]?)?)(?:\s.*)?$/.exec(address.trim());
  if (!m) return null;
  return { street: m[1]!.trim(), number: m[2]!.replace(/\s+/g, '') };
}

export function ryhtiBuilding(p: Props, fallbackId: string): RyhtiBuilding {
  const r = p as z.infer<typeof ryhtiBuildingSchema>;
  const key = asText(r.building_key) ?? fallbackId;
  const addresses: BuildingAddress[] = [];
  const fin = asText(r.address_fin);
  const split = fin ? splitStreetAndNumber(fin) : null;
  if (split) {
    const sv = asText(r.address_swe);
    addresses.push({
      streetFi: split.street,
      streetSv: sv ? splitStreetAndNumber(sv)?.street : undefined,
      number: split.number,
      postalCode: normalizePostalCode(r.postal_code),
    });
  }
  const y = asText(r.completion_date);
  return {
    key,
    modified: asText(r.modified_timestamp_utc) ?? '',
    record: {
      id: asText(r.permanent_building_identifier) ?? key,
      source: 'ryhti',
      addresses,
      completionYear: y ? plausibleYear(Number(y.slice(0, 4))) : undefined,
      ryhtiPurpose: ryhtiCode(r.main_purpose) ?? undefined,
      class2018: (() => {
        const c = codeOf(r.main_purpose);
        return c && /^\d{4}$/.test(c) ? c : undefined;
      })(),
      floors: asNumber(r.number_of_storeys),
      heatingMethodCode: ryhtiCode(r.heating_method) ?? undefined,
      heatingFuelCode: ryhtiCode(r.heating_energy_source) ?? undefined,
      materialCode: ryhtiCode(r.material_of_load_bearing_structures) ?? undefined,
      floorArea: asNumber(r.gross_floor_area) ?? asNumber(r.floor_area) ?? asNumber(r.total_area),
      municipality: undefined,
      codeSystem: 'ryhti',
    } as BuildingRecord,
  };
}

const ryhtiAddressSchema = z
  .object({
    building_key: text,
    address_name_fin: text,
    address_name_swe: text,
    number_part_of_address_number: num,
    subdivision_letter_of_address_number: text,
    number_part_of_address_number2: num,
    subdivision_letter_of_address_number2: text,
    postal_code: text,
    address_fin: text,
    address_swe: text,
  })
  .passthrough();

export function ryhtiAddress(p: Props): { key: string; address: BuildingAddress } | null {
  const r = p as z.infer<typeof ryhtiAddressSchema>;
  const key = asText(r.building_key);
  if (!key) return null;
  const postalCode = normalizePostalCode(r.postal_code);
  const name = asText(r.address_name_fin);
  const n1 = asNumber(r.number_part_of_address_number);
  if (name && n1 !== undefined) {
    const n2 = asNumber(r.number_part_of_address_number2);
    const letter = (asText(r.subdivision_letter_of_address_number) ?? '').toLowerCase();
    return {
      key,
      address: {
        streetFi: name,
        streetSv: asText(r.address_name_swe),
        number: `${n1}${letter}${n2 !== undefined && n2 > n1 ? `-${n2}` : ''}`,
        postalCode,
      },
    };
  }
  const fin = asText(r.address_fin);
  const split = fin ? splitStreetAndNumber(fin) : null;
  if (!split) return null;
  const sv = asText(r.address_swe);
  return {
    key,
    address: { streetFi: split.street, streetSv: sv ? splitStreetAndNumber(sv)?.street : undefined, number: split.number, postalCode },
  };
}

/** Ryhti's duplicates: one record per permanent id, the latest modification wins. */
function later(a: string, b: string): boolean {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (!Number.isNaN(ta) && !Number.isNaN(tb)) return ta > tb;
  return a > b;
}

/** Joins Ryhti buildings with their addresses (by building_key) and removes duplicates. */
export function joinRyhti(buildings: RyhtiBuilding[], addresses: { key: string; address: BuildingAddress }[]): BuildingRecord[] {
  const byKey = new Map<string, BuildingAddress[]>();
  for (const a of addresses) {
    const list = byKey.get(a.key);
    if (list) list.push(a.address);
    else byKey.set(a.key, [a.address]);
  }
  const latest = new Map<string, RyhtiBuilding>();
  const keysOf = new Map<string, string[]>();
  for (const b of buildings) {
    const id = b.record.id;
    keysOf.set(id, [...(keysOf.get(id) ?? []), b.key]);
    const prev = latest.get(id);
    if (!prev || later(b.modified, prev.modified)) latest.set(id, b);
  }
  const out: BuildingRecord[] = [];
  for (const [id, b] of latest) {
    const seen = new Set<string>();
    const all: BuildingAddress[] = [];
    // Addresses of every version of the building: the same building, however often listed.
    for (const a of [...b.record.addresses, ...(keysOf.get(id) ?? []).flatMap((k) => byKey.get(k) ?? [])]) {
      const k = `${a.streetFi}|${a.number}|${a.postalCode}`;
      if (!seen.has(k)) {
        seen.add(k);
        all.push(a);
      }
    }
    out.push({ ...b.record, addresses: all });
  }
  return out;
}

const genericSchema = z
  .object({
    id: text,
    source: text,
    addresses: z
      .array(
        z.object({
          streetFi: z.string(),
          streetSv: z.string().nullish(),
          number: text,
          postalCode: text,
          municipality: z.string().nullish(),
        }),
      )
      .optional(),
    streetFi: text,
    street: text,
    streetSv: text,
    number: text,
    address: text,
    postalCode: text,
    completionYear: num,
    useCode1994: text,
    useText: text,
    class2018: text,
    ryhtiPurpose: text,
    floors: num,
    heatingMethodCode: text,
    heatingMethodText: text,
    heatingFuelCode: text,
    heatingFuelText: text,
    materialCode: text,
    materialText: text,
    floorArea: num,
    codeSystem: z.enum(['1994', 'ryhti']).nullish(),
  })
  .passthrough();

/** Our own layout (BuildingRecord as JSON, the demo data) and simple tables of the same names. */
function generic(p: Props, fallbackId: string, source: string): BuildingRecord {
  const r = p as z.infer<typeof genericSchema>;
  let addresses: BuildingAddress[] = (r.addresses ?? []).map((a) => ({
    streetFi: a.streetFi,
    streetSv: a.streetSv ?? undefined,
    number: asText(a.number) ?? '',
    postalCode: normalizePostalCode(a.postalCode),
    municipality: a.municipality ?? undefined,
  }));
  if (!addresses.length) {
    const street = asText(r.streetFi) ?? asText(r.street);
    const number = asText(r.number);
    const split = !street && asText(r.address) ? splitStreetAndNumber(asText(r.address)!) : null;
    if ((street && number) || split) {
      addresses = [
        {
          streetFi: street ?? split!.street,
          streetSv: asText(r.streetSv),
          number: number ?? split!.number,
          postalCode: normalizePostalCode(r.postalCode),
        },
      ];
    }
  }
  return {
    id: asText(r.id) ?? fallbackId,
    source: asText(r.source) ?? source,
    addresses,
    completionYear: plausibleYear(asNumber(r.completionYear)),
    useCode1994: useCode1994(r.useCode1994) ?? undefined,
    useText: asText(r.useText),
    class2018: class2018Code(r.class2018) ?? undefined,
    ryhtiPurpose: ryhtiCode(r.ryhtiPurpose) ?? undefined,
    floors: asNumber(r.floors),
    heatingMethodCode: asText(r.heatingMethodCode),
    heatingMethodText: asText(r.heatingMethodText),
    heatingFuelCode: asText(r.heatingFuelCode),
    heatingFuelText: asText(r.heatingFuelText),
    materialCode: asText(r.materialCode),
    materialText: asText(r.materialText),
    floorArea: asNumber(r.floorArea),
    codeSystem: r.codeSystem ?? undefined,
  };
}

/** Recognizes a layout from the field names of one feature's properties (or one CSV header). */
export function detectLayout(keys: readonly string[]): Layout | null {
  const has = (k: string) => keys.includes(k);
  if (has('katunimi_suomi') || has('c_valmpvm')) return 'helsinki';
  if (has('katu') && (has('osno1') || has('kavu'))) return 'hsy';
  if (has('building_key') && (has('completion_date') || has('main_purpose') || has('permanent_building_identifier')))
    return 'ryhtiBuilding';
  if (has('building_key') && (has('address_fin') || has('address_name_fin'))) return 'ryhtiAddress';
  if (has('completionYear') || has('addresses') || (has('postalCode') && (has('streetFi') || has('street') || has('address'))))
    return 'generic';
  return null;
}

/** Buildings with one record per id: features of the same building (one per address) merge. */
export function mergeById(records: Iterable<BuildingRecord>): BuildingRecord[] {
  const byId = new Map<string, BuildingRecord>();
  for (const r of records) {
    const prev = byId.get(r.id);
    if (!prev) byId.set(r.id, r);
    else {
      for (const a of r.addresses) {
        if (!prev.addresses.some((x) => x.streetFi === a.streetFi && x.number === a.number && x.postalCode === a.postalCode))
          prev.addresses.push(a);
      }
    }
  }
  return [...byId.values()];
}

const SCHEMAS: Record<Layout, z.ZodTypeAny> = {
  helsinki: helsinkiSchema,
  hsy: hsySchema,
  ryhtiBuilding: ryhtiBuildingSchema,
  ryhtiAddress: ryhtiAddressSchema,
  generic: genericSchema,
};

/** Rows checked with the full zod schema before the fast check takes over. */
const STRICT_ROWS = 100;

/**
 * The fast check of one row, compiled from a layout's zod schema: the fields declared as text or
 * number (string, number, null or absent) are checked by `typeof`; a row with any other declared
 * field present (the generic layout's `addresses`, `codeSystem`) goes through zod.
 */
interface FastCheck {
  scalar: string[];
  other: string[];
}

const FAST_CHECKS = new Map<z.ZodTypeAny, FastCheck>();

function fastCheckOf(schema: z.ZodTypeAny): FastCheck {
  let c = FAST_CHECKS.get(schema);
  if (!c) {
    const shape = (schema as z.AnyZodObject).shape as Record<string, z.ZodTypeAny>;
    const keys = Object.keys(shape);
    c = {
      scalar: keys.filter((k) => shape[k] === text || shape[k] === num),
      other: keys.filter((k) => shape[k] !== text && shape[k] !== num),
    };
    FAST_CHECKS.set(schema, c);
  }
  return c;
}

function passesFast(c: FastCheck, row: Props): boolean {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return false;
  for (const k of c.scalar) {
    const v = row[k];
    if (v !== undefined && v !== null && typeof v !== 'string' && (typeof v !== 'number' || Number.isNaN(v))) return false;
  }
  for (const k of c.other) if (row[k] !== undefined && row[k] !== null) return false;
  return true;
}

/**
 * Checks every row against the layout's schema. A register extract holds up to hundreds of
 * thousands of rows and zod costs ~10 µs an object, so the first rows go through zod and the
 * rest through the fast check compiled from the same schema; a row the fast check doubts goes
 * through zod too, so an error names the row (feature) and field exactly as zod words it.
 */
export function checkLayout(layout: Layout, rows: readonly Props[], source: string): void {
  const schema = SCHEMAS[layout];
  const fast = fastCheckOf(schema);
  for (let i = 0; i < rows.length; i++) {
    if (i >= STRICT_ROWS && passesFast(fast, rows[i]!)) continue;
    const r = schema.safeParse(rows[i]);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      throw new UserError(`${layout}: ${issue.path.join('.')}: ${issue.message}`, { file: source, row: i + 1 });
    }
  }
}

/** One record per row (row numbers from 1 for fallback ids), demolished buildings left out. */
function recordsOf(rows: readonly Props[], read: (p: Props, row: number) => BuildingRecord | null): BuildingRecord[] {
  const out: BuildingRecord[] = [];
  for (let i = 0; i < rows.length; i++) {
    const b = read(rows[i]!, i + 1);
    if (b) out.push(b);
  }
  return out;
}

/** Parses property records of one layout. Ryhti address-only input yields no buildings. */
export function recordsOfLayout(
  layout: Layout,
  rows: readonly Props[],
  source: string,
  ryhtiAddresses: { key: string; address: BuildingAddress }[] = [],
): BuildingRecord[] {
  checkLayout(layout, rows, source);
  switch (layout) {
    case 'helsinki':
      return mergeById(recordsOf(rows, helsinki));
    case 'hsy':
      return mergeById(recordsOf(rows, hsy));
    case 'ryhtiBuilding':
      return joinRyhti(
        rows.map((p, i) => ryhtiBuilding(p, `ryhti-${i + 1}`)),
        ryhtiAddresses,
      );
    case 'ryhtiAddress':
      return [];
    case 'generic':
      return mergeById(rows.map((p, i) => generic(p, `${source}-${i + 1}`, source)));
  }
}

export { ryhtiAddress as parseRyhtiAddress };
