/**
 * Groups a person thinks in ("detached houses", "oil heating") over the code systems the
 * registers use: 1994 use classes, Rakennusluokitus 2018, Ryhti's open classes and HSY's text.
 * Filters and the main-building choice work on these groups.
 */
import type { Lang, Localized } from '../i18n/lang';
import type { BuildingRecord } from './building';

export const BUILDING_GROUPS = [
  'detached',
  'row',
  'apartment',
  'holiday',
  'otherResidential',
  'commercial',
  'public',
  'industrial',
  'agricultural',
  'auxiliary',
  'other',
] as const;
export type BuildingGroup = (typeof BUILDING_GROUPS)[number];

export const GROUP_NAMES: Record<BuildingGroup, Localized> = {
  detached: { fi: 'Omakoti- ja paritalot', en: 'Detached and semi-detached houses', sv: 'Egnahems- och parhus' },
  row: { fi: 'Rivi- ja ketjutalot', en: 'Row and chain houses', sv: 'Rad- och kedjehus' },
  apartment: { fi: 'Kerrostalot', en: 'Blocks of flats', sv: 'Flervåningshus' },
  holiday: { fi: 'Vapaa-ajan asunnot', en: 'Holiday homes', sv: 'Fritidsbostäder' },
  otherResidential: { fi: 'Asuntolat ja erityisasuminen', en: 'Dormitories and special housing', sv: 'Boendehus och specialboende' },
  commercial: { fi: 'Liike- ja toimistorakennukset', en: 'Commercial and office buildings', sv: 'Affärs- och kontorsbyggnader' },
  public: { fi: 'Julkiset rakennukset', en: 'Public buildings', sv: 'Offentliga byggnader' },
  industrial: { fi: 'Teollisuus ja varastot', en: 'Industry and storage', sv: 'Industri och lager' },
  agricultural: { fi: 'Maatalousrakennukset', en: 'Agricultural buildings', sv: 'Jordbruksbyggnader' },
  auxiliary: { fi: 'Saunat ja talousrakennukset', en: 'Saunas and outbuildings', sv: 'Bastur och ekonomibyggnader' },
  other: { fi: 'Muut', en: 'Other', sv: 'Övriga' },
};

const RESIDENTIAL = new Set<BuildingGroup>(['detached', 'row', 'apartment', 'holiday', 'otherResidential']);

function group1994(code: string): BuildingGroup {
  if (code === '011' || code === '012' || code === '013') return 'detached';
  if (code === '021' || code === '022') return 'row';
  if (code === '032' || code === '039') return 'apartment';
  if (code === '041') return 'holiday';
  if (code === '131' || code === '139') return 'otherResidential';
  if (code === '931' || code === '941') return 'auxiliary';
  const first = code[0];
  if (first === '1') return 'commercial';
  if (first === '2' || first === '3' || first === '5' || code === '721' || code === '722' || code === '729') return 'public';
  if (first === '6' || first === '7') return 'industrial';
  if (first === '8') return 'agricultural';
  return 'other';
}

function group2018(code: string): BuildingGroup {
  if (code === '0110' || code === '0111') return 'detached';
  if (code === '0112') return 'row';
  if (code === '0120' || code === '0121') return 'apartment';
  if (code === '0130' || code === '0140') return 'otherResidential';
  if (code.startsWith('02')) return 'holiday';
  if (code === '1910' || code === '1911' || code === '1912') return 'auxiliary';
  const head = code.slice(0, 2);
  if (head === '03' || head === '04' || head === '05') return 'commercial';
  if (head === '06' || head === '07' || head === '08' || head === '13') return 'public';
  if (head === '09' || head === '10' || head === '11' || head === '12') return 'industrial';
  if (head === '14') return 'agricultural';
  return 'other';
}

/** Ryhti's "05 Pientalo" covers detached, semi-detached and row houses alike. */
function groupsRyhti(code: string): BuildingGroup[] {
  switch (code) {
    case '01':
      return ['holiday'];
    case '02':
      return ['commercial', 'industrial'];
    case '03':
    case '04':
      return ['auxiliary'];
    case '05':
      return ['detached', 'row'];
    case '06':
      return ['apartment'];
    case '07':
      return ['public'];
    default:
      return ['other'];
  }
}

/** HSY gives names, not codes ("Yhden asunnon talot", "Asuinkerrostalot", "Saunarakennukset"). */
function groupsText(text: string): BuildingGroup[] {
  const t = text.toLowerCase();
  if (/yhden asunnon|kahden asunnon|erillinen pientalo|erilliset pientalot|omakoti|paritalo|egnahem|parhus/.test(t)) return ['detached'];
  if (/rivitalo|ketjutalo|radhus|kedjehus/.test(t)) return ['row'];
  if (/kerrostalo|luhtitalo|flervåning/.test(t)) return ['apartment'];
  if (/vapaa-ajan|fritid/.test(t)) return ['holiday'];
  if (/asuntola|palvelutalo/.test(t)) return ['otherResidential'];
  if (/pientalo/.test(t)) return ['detached', 'row'];
  if (/asuinrakennus|bostadsbyggnad/.test(t)) return ['detached', 'row', 'apartment'];
  if (/sauna|talousrakennus|ekonomibyggnad|bastu/.test(t)) return ['auxiliary'];
  if (/liike|toimisto|myymälä|hotelli|majoitus|ravintola|liikenteen|kontor|affär/.test(t)) return ['commercial'];
  if (/yleinen|opetus|hoito|sairaala|koulu|päiväko|kokoontumis|offentlig/.test(t)) return ['public'];
  if (/teollisuus|varasto|industri|lager/.test(t)) return ['industrial'];
  if (/maatalous|navetta|jordbruk/.test(t)) return ['agricultural'];
  return ['other'];
}

/** The groups a building belongs to, from the most precise code it has. Empty when unknown. */
export function groupsOf(b: BuildingRecord): BuildingGroup[] {
  if (b.class2018) return [group2018(b.class2018)];
  if (b.useCode1994) return [group1994(b.useCode1994)];
  if (b.ryhtiPurpose) return groupsRyhti(b.ryhtiPurpose);
  if (b.useText) return groupsText(b.useText);
  return [];
}

export function isResidential(b: BuildingRecord): boolean {
  return groupsOf(b).some((g) => RESIDENTIAL.has(g));
}

export function isAuxiliary(b: BuildingRecord): boolean {
  const g = groupsOf(b);
  return g.length > 0 && g.every((x) => x === 'auxiliary');
}

export const FUEL_GROUPS = ['districtHeat', 'oil', 'electricity', 'gas', 'wood', 'groundHeat', 'other'] as const;
export type FuelGroup = (typeof FUEL_GROUPS)[number];

export const FUEL_NAMES: Record<FuelGroup, Localized> = {
  districtHeat: { fi: 'Kaukolämpö', en: 'District heating', sv: 'Fjärrvärme' },
  oil: { fi: 'Öljy', en: 'Oil', sv: 'Olja' },
  electricity: { fi: 'Sähkö', en: 'Electricity', sv: 'El' },
  gas: { fi: 'Kaasu', en: 'Gas', sv: 'Gas' },
  wood: { fi: 'Puu', en: 'Wood', sv: 'Trä' },
  groundHeat: { fi: 'Maalämpö ja lämpöpumput', en: 'Ground heat and heat pumps', sv: 'Jordvärme och värmepumpar' },
  other: { fi: 'Muu (hiili, turve, muu)', en: 'Other (coal, peat, other)', sv: 'Annat (kol, torv, annat)' },
};

/** The fuel group of a building, or null when its register does not say. */
export function fuelGroupOf(b: BuildingRecord): FuelGroup | null {
  const code = b.heatingFuelCode;
  if (code) {
    const n = Number(code);
    if (b.codeSystem === 'ryhti') {
      if (n === 1) return 'districtHeat';
      if (n === 2 || n === 3) return 'oil';
      if (n === 4) return 'electricity';
      if (n === 5) return 'gas';
      if (n === 7) return 'wood';
      if (n === 9 || n === 11) return 'groundHeat';
      return 'other';
    }
    if (n === 1) return 'districtHeat';
    if (n === 2 || n === 3) return 'oil';
    if (n === 4) return 'electricity';
    if (n === 5) return 'gas';
    if (n === 7) return 'wood';
    if (n === 9) return 'groundHeat';
    return 'other';
  }
  const text = b.heatingFuelText?.toLowerCase();
  if (!text) return null;
  if (/kauko|alue|fjärr|district/.test(text)) return 'districtHeat';
  if (/öljy|olja|oil/.test(text)) return 'oil';
  if (/sähkö|\bel\b|electric/.test(text)) return 'electricity';
  if (/kaasu|gas/.test(text)) return 'gas';
  if (/maalämpö|lämpöpumppu|jordvärme|värmepump|ground|heat pump/.test(text)) return 'groundHeat';
  if (/\bpuu\b|puu|trä|wood|pelletti/.test(text)) return 'wood';
  return 'other';
}

export function groupName(g: BuildingGroup, lang: Lang): string {
  return GROUP_NAMES[g][lang];
}
