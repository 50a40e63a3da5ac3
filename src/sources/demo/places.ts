/**
 * Streets, house numbers and the buildings on them. People and companies are placed into
 * buildings, so that the demo's addresses and the demo building data agree: a block of flats
 * holds dozens of residents ("Koivutie 5 B 12"), a detached house one household, an office
 * building several companies. Every building gets register attributes consistent with its
 * kind and age (use class, floors, heating, material).
 */
import type { DemoPostalArea } from './geography';
import { STREET_PERSONS, STREET_STEMS, STREET_SUFFIXES, STREET_TITLES } from './names';
import { Rng, WeightedPicker, weighted } from './random';

// Builtins in module scope: global lookups are slow inside Jest's vm context (see random.ts).
const M = Math;
const Str = String;
const Num = Number;

export type BuildingKind = 'detached' | 'semi' | 'row' | 'block' | 'office' | 'retail' | 'industrial';

export interface DemoStreet {
  fi: string;
  /** Swedish twin in bilingual municipalities. */
  sv?: string;
}

export interface DemoBuilding {
  /** Permanent building id (pysyvä rakennustunnus), 9 digits and a check character. */
  id: string;
  /** Running number, for ids of other registers (Helsinki's ratu). */
  seq: number;
  area: DemoPostalArea;
  street: DemoStreet;
  /** As written on the address: "5", "5a", "12-14". */
  number: string;
  kind: BuildingKind;
  /** Residents (or companies) the building takes. */
  capacity: number;
  used: number;
  staircases: number;
  completionDate: string;
  useCode1994: string;
  class2018: string;
  floors: number;
  heatingMethod: string;
  heatingFuel: string;
  material: string;
  floorArea: number;
  /** A sauna or outbuilding on the same plot (detached houses). */
  annex?: {
    id: string;
    seq: number;
    useCode1994: string;
    class2018: string;
    completionDate: string;
    floorArea: number;
    material: string;
    heatingMethod: string;
    heatingFuel: string;
  };
}

const CHECK_CHARS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** The permanent building id's check character: the 9-digit number mod 31, as in VTJ-PRT. */
export function buildingIdCheck(nineDigits: string): string {
  return CHECK_CHARS[Num(nineDigits) % 31]!;
}

function buildingId(seq: number, rng: Rng): string {
  const digits = Str(103_000_000 + seq * 11 + rng.int(0, 10));
  return digits + buildingIdCheck(digits);
}

const suffixPicker = weighted(STREET_SUFFIXES.map((s) => [s, s[2]] as const));

function makeStreet(rng: Rng, area: DemoPostalArea, used: Set<string>): DemoStreet {
  for (let attempt = 0; attempt < 20; attempt++) {
    let fi: string;
    let sv: string;
    const r = rng.next();
    if (r < 0.05) {
      // "Leskirouva Freytagin kuja" / "Änkefru Freytags gränd"
      const [tFi, tSv] = rng.pick(STREET_TITLES);
      const person = rng.pick(STREET_PERSONS);
      const [sFi, sSv] = rng.pick([
        ['kuja', 'gränd'],
        ['tie', 'väg'],
        ['katu', 'gata'],
      ] as const);
      fi = `${tFi} ${person}in ${sFi}`;
      sv = `${tSv} ${person}s ${sSv}`;
    } else if (r < 0.1) {
      // "Vanha Kirkkotie" / "Gamla Kyrkvägen"
      const [stFi, stSv] = rng.pick(STREET_STEMS);
      const [sufFi, sufSv] = suffixPicker.pick(rng);
      const [oldFi, oldSv] = rng.chance(0.6) ? ['Vanha', 'Gamla'] : ['Iso', 'Stora'];
      fi = `${oldFi} ${stFi}${sufFi}`;
      sv = `${oldSv} ${stSv}${sufSv}`;
    } else {
      const [stFi, stSv] = rng.pick(STREET_STEMS);
      const [sufFi, sufSv] = suffixPicker.pick(rng);
      fi = `${stFi}${sufFi}`;
      sv = `${stSv}${sufSv}`;
    }
    fi = fi.charAt(0).toUpperCase() + fi.slice(1);
    if (used.has(fi)) continue;
    used.add(fi);
    if (area.swedishOnly) return { fi: sv };
    return area.bilingual ? { fi, sv } : { fi };
  }
  const n = used.size;
  const fi = `Uusi ${n}. tie`;
  used.add(fi);
  return { fi };
}

interface StreetState {
  street: DemoStreet;
  next: number;
  lastLetterable: { number: number; letter: number } | null;
}

interface AreaState {
  rng: Rng;
  mix: WeightedPicker<BuildingKind>;
  streets: StreetState[];
  names: Set<string>;
  open: Partial<Record<BuildingKind, DemoBuilding>>;
}

/** Share of households by building kind at a density (0 countryside … 1 centre). */
function residentialMix(density: number): [BuildingKind, number][] {
  return [
    ['block', 0.12 + 0.85 * density * density + 0.1 * density],
    ['row', 0.16],
    ['semi', 0.05],
    ['detached', M.max(0.03, 0.7 - 0.75 * density)],
  ];
}

function gauss(rng: Rng): number {
  return (rng.next() + rng.next() + rng.next() + rng.next() - 2) * 1.22;
}

function clampYear(y: number): number {
  return M.max(1900, M.min(2025, M.round(y)));
}

function isoDay(rng: Rng, year: number): string {
  // Some completions on 1 January: the day that lands in the wrong year when a UTC timestamp
  // of local midnight is read without its time zone (data-sources.md).
  const newYear = rng.chance(0.02);
  const month = newYear ? 1 : rng.int(1, 12);
  const day = newYear ? 1 : rng.int(1, 28);
  return `${year}-${Str(month).padStart(2, '0')}-${Str(day).padStart(2, '0')}`;
}

/** Builds and fills the demo's buildings, area by area, deterministically. */
export class Places {
  readonly buildings: DemoBuilding[] = [];
  private readonly states = new Map<string, AreaState>();

  private state(area: DemoPostalArea): AreaState {
    let s = this.states.get(area.code);
    if (!s) {
      const rng = new Rng(`demo:streets:${area.code}`);
      const names = new Set<string>();
      const count = 4 + M.round(M.sqrt(area.weight) / 6) + rng.int(0, 4);
      const streets: StreetState[] = [];
      for (let i = 0; i < M.min(60, count); i++)
        streets.push({ street: makeStreet(rng, area, names), next: rng.int(1, 3), lastLetterable: null });
      s = { rng, mix: weighted(residentialMix(area.density)), streets, names, open: {} };
      this.states.set(area.code, s);
    }
    return s;
  }

  /** The streets of an area (for old addresses and look-alike customers). */
  streetsOf(area: DemoPostalArea): DemoStreet[] {
    return this.state(area).streets.map((s) => s.street);
  }

  /** A building with room for one more resident; a new one when the open one is full. */
  placeResident(area: DemoPostalArea, pickRng: Rng): { building: DemoBuilding; slot: number } {
    const kind = this.state(area).mix.pick(pickRng);
    return this.place(area, kind);
  }

  /** A building for a company of the given kind (office, retail, industrial, or a home). */
  placeCompany(area: DemoPostalArea, kind: BuildingKind): { building: DemoBuilding; slot: number } {
    return this.place(area, kind);
  }

  private place(area: DemoPostalArea, kind: BuildingKind): { building: DemoBuilding; slot: number } {
    const s = this.state(area);
    let b = s.open[kind];
    if (!b || b.used >= b.capacity) {
      b = this.newBuilding(area, s, kind);
      s.open[kind] = b;
    }
    const slot = b.used++;
    return { building: b, slot };
  }

  private newBuilding(area: DemoPostalArea, s: AreaState, kind: BuildingKind): DemoBuilding {
    const rng = s.rng;
    const st = rng.pick(s.streets);
    let number: string;
    const letterable = kind === 'detached' || kind === 'semi' || kind === 'row';
    if (letterable && st.lastLetterable && st.lastLetterable.letter < 3 && rng.chance(0.35)) {
      // A subdivided plot: "7a", "7b", "7c".
      st.lastLetterable.letter++;
      number = `${st.lastLetterable.number}${'abcd'[st.lastLetterable.letter]}`;
    } else {
      const n = st.next;
      st.next += rng.int(1, 3);
      if (letterable && rng.chance(0.14)) {
        st.lastLetterable = { number: n, letter: 0 };
        number = `${n}a`;
      } else if ((kind === 'block' || kind === 'office' || kind === 'retail') && rng.chance(0.07)) {
        // One building with a range of numbers: "12-14".
        number = `${n}-${n + 2}`;
        st.next += 2;
        st.lastLetterable = null;
      } else {
        number = Str(n);
        st.lastLetterable = null;
      }
    }
    const seq = this.buildings.length;
    const b = describeBuilding(rng, area, st.street, number, kind, seq);
    this.buildings.push(b);
    return b;
  }
}

function describeBuilding(
  rng: Rng,
  area: DemoPostalArea,
  street: DemoStreet,
  number: string,
  kind: BuildingKind,
  seq: number,
): DemoBuilding {
  let year = clampYear(area.eraYear + gauss(rng) * (kind === 'block' ? 12 : 18));
  if (kind === 'row' && year < 1960) year = 1960 + rng.int(0, 30);
  if ((kind === 'office' || kind === 'industrial') && year < 1950) year = 1950 + rng.int(0, 60);
  let capacity: number;
  let floors: number;
  let use: string;
  let cls: string;
  let floorArea: number;
  switch (kind) {
    case 'detached':
      capacity = rng.chance(0.55) ? 2 : 1;
      floors = rng.chance(0.3) ? 2 : 1;
      use = '011';
      cls = '0110';
      floorArea = rng.int(80, 220);
      break;
    case 'semi':
      capacity = rng.int(2, 4);
      floors = rng.chance(0.4) ? 2 : 1;
      use = '012';
      cls = '0111';
      floorArea = rng.int(150, 300);
      break;
    case 'row':
      capacity = rng.int(4, 12);
      floors = rng.chance(0.25) ? 2 : 1;
      [use, cls] = rng.chance(0.12) ? ['022', '0112'] : ['021', '0112'];
      floorArea = capacity * rng.int(55, 90);
      break;
    case 'block':
      floors = year < 1945 ? rng.int(4, 7) : year < 1990 ? (rng.chance(0.15) ? rng.int(9, 13) : rng.int(3, 8)) : rng.int(3, 8);
      capacity = floors * rng.int(3, 9);
      use = '032';
      cls = floors <= 3 ? '0120' : '0121';
      floorArea = capacity * rng.int(45, 75);
      break;
    case 'office':
      floors = rng.int(2, 8);
      capacity = rng.int(3, 25);
      use = '151';
      cls = '0400';
      floorArea = floors * rng.int(300, 1200);
      break;
    case 'retail':
      floors = rng.int(1, 3);
      capacity = rng.int(2, 10);
      use = '119';
      cls = '0319';
      floorArea = floors * rng.int(200, 1500);
      break;
    case 'industrial':
      floors = rng.chance(0.8) ? 1 : 2;
      capacity = rng.int(1, 6);
      use = '691';
      cls = '0910';
      floorArea = rng.int(400, 5000);
      break;
  }
  const { method, fuel } = heating(rng, kind, year);
  const material = materialOf(rng, kind, year);
  const b: DemoBuilding = {
    id: buildingId(seq * 2, rng),
    seq,
    area,
    street,
    number,
    kind,
    capacity,
    used: 0,
    staircases: kind === 'block' ? M.max(1, M.min(4, M.ceil(capacity / (floors * 3)))) : kind === 'row' ? M.ceil(capacity / 4) : 1,
    completionDate: isoDay(rng, year),
    useCode1994: use,
    class2018: cls,
    floors,
    heatingMethod: method,
    heatingFuel: fuel,
    material,
    floorArea,
  };
  if (kind === 'detached' && rng.chance(0.25)) {
    const sauna = rng.chance(0.6);
    const annexYear = clampYear(year + rng.int(0, 25));
    b.annex = {
      id: buildingId(seq * 2 + 1, rng),
      seq,
      useCode1994: sauna ? '931' : '941',
      class2018: sauna ? '1910' : '1911',
      completionDate: isoDay(rng, annexYear),
      floorArea: rng.int(10, 40),
      material: rng.chance(0.8) ? '4' : '5',
      heatingMethod: sauna ? '4' : '6',
      heatingFuel: sauna ? '7' : '',
    };
  }
  return b;
}

/** 1994 codes: method 1 water central, 3 direct electric, 4 stove; fuel 1 district, 2 oil, 4 electricity, 7 wood, 9 ground heat. */
function heating(rng: Rng, kind: BuildingKind, year: number): { method: string; fuel: string } {
  const r = rng.next();
  if (kind === 'block') return r < 0.93 ? { method: '1', fuel: '1' } : r < 0.97 ? { method: '1', fuel: '2' } : { method: '3', fuel: '4' };
  if (kind === 'office' || kind === 'retail')
    return r < 0.8 ? { method: '1', fuel: '1' } : r < 0.9 ? { method: '2', fuel: '4' } : { method: '1', fuel: '9' };
  if (kind === 'industrial')
    return r < 0.5 ? { method: '1', fuel: '1' } : r < 0.75 ? { method: '2', fuel: '2' } : { method: '3', fuel: '4' };
  if (kind === 'row') {
    if (year >= 2005) return r < 0.4 ? { method: '1', fuel: '1' } : r < 0.75 ? { method: '1', fuel: '9' } : { method: '3', fuel: '4' };
    return r < 0.55 ? { method: '1', fuel: '1' } : r < 0.9 ? { method: '3', fuel: '4' } : { method: '1', fuel: '2' };
  }
  // Detached and semi-detached houses: oil in many houses of 1960–1985, ground heat in new ones.
  if (year >= 2005) return r < 0.6 ? { method: '1', fuel: '9' } : r < 0.85 ? { method: '3', fuel: '4' } : { method: '1', fuel: '1' };
  if (year >= 1960 && year <= 1985)
    return r < 0.5
      ? { method: '1', fuel: '2' }
      : r < 0.8
        ? { method: '3', fuel: '4' }
        : r < 0.9
          ? { method: '1', fuel: '9' }
          : { method: '1', fuel: '1' };
  if (year < 1960)
    return r < 0.25
      ? { method: '4', fuel: '7' }
      : r < 0.55
        ? { method: '1', fuel: '2' }
        : r < 0.8
          ? { method: '3', fuel: '4' }
          : { method: '1', fuel: '1' };
  return r < 0.55
    ? { method: '3', fuel: '4' }
    : r < 0.75
      ? { method: '1', fuel: '9' }
      : r < 0.9
        ? { method: '1', fuel: '2' }
        : { method: '1', fuel: '1' };
}

/** 1994 codes: 1 concrete, 2 brick, 3 steel, 4 wood, 5 log. */
function materialOf(rng: Rng, kind: BuildingKind, year: number): string {
  const r = rng.next();
  switch (kind) {
    case 'detached':
    case 'semi':
      return r < 0.72 ? '4' : r < 0.87 ? '2' : r < 0.94 ? '5' : '1';
    case 'row':
      return r < 0.45 ? '4' : r < 0.8 ? '2' : '1';
    case 'block':
      return year < 1950 ? (r < 0.7 ? '2' : '1') : r < 0.85 ? '1' : '2';
    case 'office':
    case 'retail':
      return r < 0.7 ? '1' : r < 0.85 ? '3' : '2';
    case 'industrial':
      return r < 0.6 ? '3' : '1';
  }
}

/** Street address as a resident writes it: "Koivutie 5 B 12" in a block, "Koivutie 5a" in a house. */
export function residentAddress(b: DemoBuilding, slot: number): { street: string; apartment: string | null } {
  const base = `${b.street.fi} ${b.number}`;
  if (b.kind === 'block') {
    const perStair = M.ceil(b.capacity / b.staircases);
    const stair = 'ABCD'[M.min(3, M.floor(slot / perStair))]!;
    const apartment = `${stair} ${slot + 1}`;
    return { street: `${base} ${apartment}`, apartment };
  }
  if (b.kind === 'row') {
    const apartment = `${'ABCD'[M.min(3, M.floor(slot / 4))]} ${(slot % 4) + 1}`;
    return { street: `${base} ${apartment}`, apartment };
  }
  return { street: base, apartment: null };
}
