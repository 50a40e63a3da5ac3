/**
 * Demo building data for the addresses of the demo's people and companies in the capital region
 * (Helsinki, Espoo, Vantaa, Kauniainen) and two more towns (Tampere, Turku): as BuildingRecords,
 * and the Helsinki part also in the layout of Helsinki's WFS (avoindata:Rakennukset_*), so the
 * building join can be run on the demo through the real parser.
 */
import type { BuildingAddress, BuildingRecord } from '../../core/buildings/building';
import { demoCustomerRegisters } from './customers';
import { demoDirectory } from './directory';
import type { DemoBuilding } from './places';

// Builtins in module scope: global lookups are slow inside Jest's vm context (see random.ts).
const Num = Number;

export const DEMO_BUILDING_MUNICIPALITIES = ['Helsinki', 'Espoo', 'Vantaa', 'Kauniainen', 'Tampere', 'Turku'] as const;
export const DEMO_BUILDING_SOURCE = 'demo';

/** The buildings as they stand once every demo record (directory and customer registers) is placed. */
function settledBuildings(): DemoBuilding[] {
  // Customer registers place their own customers too: settle them first so that the building
  // list is the same whichever function a caller happens to use first.
  demoCustomerRegisters();
  const wanted = new Set<string>(DEMO_BUILDING_MUNICIPALITIES);
  return demoDirectory().places.buildings.filter((b) => wanted.has(b.area.municipalityFi));
}

function addressOf(b: DemoBuilding): BuildingAddress {
  const a: BuildingAddress = { streetFi: b.street.fi, number: b.number, postalCode: b.area.code, municipality: b.area.municipalityFi };
  if (b.street.sv) a.streetSv = b.street.sv;
  return a;
}

let records: BuildingRecord[] | null = null;

export function demoBuildings(): BuildingRecord[] {
  if (records) return records;
  const out: BuildingRecord[] = [];
  for (const b of settledBuildings()) {
    out.push({
      id: b.id,
      source: DEMO_BUILDING_SOURCE,
      addresses: [addressOf(b)],
      completionYear: Num(b.completionDate.slice(0, 4)),
      useCode1994: b.useCode1994,
      class2018: b.class2018,
      floors: b.floors,
      heatingMethodCode: b.heatingMethod,
      heatingFuelCode: b.heatingFuel,
      materialCode: b.material,
      floorArea: b.floorArea,
    });
    if (b.annex) {
      const a = b.annex;
      const annex: BuildingRecord = {
        id: a.id,
        source: DEMO_BUILDING_SOURCE,
        addresses: [addressOf(b)],
        completionYear: Num(a.completionDate.slice(0, 4)),
        useCode1994: a.useCode1994,
        class2018: a.class2018,
        floors: 1,
        heatingMethodCode: a.heatingMethod,
        materialCode: a.material,
        floorArea: a.floorArea,
      };
      if (a.heatingFuel) annex.heatingFuelCode = a.heatingFuel;
      out.push(annex);
    }
  }
  records = out;
  return out;
}

/**
 * Local midnight in Helsinki as the UTC timestamp the city's WFS writes: "1988-12-30T22:00:00Z"
 * for 31 Dec 1988. Summer time (UTC+3) since 1981, from the last Sunday of March to the last
 * Sunday of October; a midnight on either switch day is still on the old offset.
 */
export function helsinkiMidnightUtc(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(y, month, 0));
    return last.getUTCDate() - last.getUTCDay();
  };
  const summer = y >= 1981 && ((m > 3 && m < 10) || (m === 3 && d > lastSunday(3)) || (m === 10 && d <= lastSunday(10)));
  const t = Date.UTC(y, m - 1, d) - (summer ? 3 : 2) * 3_600_000;
  return new Date(t).toISOString().replace('.000Z', 'Z');
}

export interface WfsFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  geometry_name: string;
  properties: Record<string, string | number | null>;
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: WfsFeature[];
  totalFeatures: number;
  numberMatched: number;
  numberReturned: number;
  timeStamp: string;
  crs: { type: 'name'; properties: { name: string } };
}

/** The Helsinki buildings in the layout of `avoindata:Rakennukset_alue_rekisteritiedot` (JSON). */
export function demoBuildingsAsHelsinkiWfs(): FeatureCollection {
  const features: WfsFeature[] = [];
  const feature = (
    b: DemoBuilding,
    ratu: number,
    p: { id: string; date: string; use: string; cls: string; floors: number; method: string; fuel: string; material: string; area: number },
  ): WfsFeature => ({
    type: 'Feature',
    id: `Rakennukset_alue_rekisteritiedot.${ratu}`,
    // A plausible point in EPSG:3879 (GK25) inside Helsinki; the join works on addresses.
    geometry: { type: 'Point', coordinates: [25_490_000 + ((ratu * 7919) % 20_000), 6_670_000 + ((ratu * 104_729) % 20_000)] },
    geometry_name: 'geom',
    properties: {
      ratu,
      vtj_prt: p.id,
      katunimi_suomi: b.street.fi,
      katunimi_ruotsi: b.street.sv ?? null,
      osoitenumero: b.number,
      postinumero: b.area.code,
      kunta: '091',
      c_valmpvm: helsinkiMidnightUtc(p.date),
      c_kayttark: p.use,
      c_rakennusluokka: p.cls,
      i_kerrlkm: p.floors,
      c_lammtapa: p.method,
      c_poltaine: p.fuel || null,
      c_rakeaine: p.material,
      i_kokala: p.area,
    },
  });
  for (const b of settledBuildings()) {
    if (b.area.municipalityFi !== 'Helsinki') continue;
    const ratu = 40_000 + b.seq * 2;
    features.push(
      feature(b, ratu, {
        id: b.id,
        date: b.completionDate,
        use: b.useCode1994,
        cls: b.class2018,
        floors: b.floors,
        method: b.heatingMethod,
        fuel: b.heatingFuel,
        material: b.material,
        area: b.floorArea,
      }),
    );
    if (b.annex) {
      const a = b.annex;
      features.push(
        feature(b, ratu + 1, {
          id: a.id,
          date: a.completionDate,
          use: a.useCode1994,
          cls: a.class2018,
          floors: 1,
          method: a.heatingMethod,
          fuel: a.heatingFuel,
          material: a.material,
          area: a.floorArea,
        }),
      );
    }
  }
  return {
    type: 'FeatureCollection',
    features,
    totalFeatures: features.length,
    numberMatched: features.length,
    numberReturned: features.length,
    timeStamp: '2026-08-31T06:00:00Z',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3879' } },
  };
}
