/**
 * The building columns a list gets (keys from the catalogue), with readable names from the code
 * lists in the list's language.
 */
import type { Lang } from '../i18n/lang';
import type { CellValue } from '../workbook/cells';
import type { BuildingRecord } from './building';
import {
  CLASS_2018,
  HEATING_FUEL_1994,
  HEATING_METHOD_1994,
  MATERIAL_1994,
  RYHTI_HEATING_METHOD,
  RYHTI_HEATING_SOURCE,
  RYHTI_MATERIAL,
  RYHTI_PURPOSE,
  USE_1994,
  nameOf,
} from './codeLists';
import type { AddressMatch } from './join';
import { MATCH_LEVEL_NAMES } from './matchLevels';

export const BUILDING_COLUMN_KEYS = [
  'buildingYear',
  'buildingUse',
  'buildingClass2018',
  'floors',
  'heatingMethod',
  'heatingFuel',
  'buildingMaterial',
  'buildingMatch',
] as const;
export type BuildingColumnKey = (typeof BUILDING_COLUMN_KEYS)[number];

export function useName(b: BuildingRecord, lang: Lang): string | null {
  return nameOf(USE_1994, b.useCode1994, lang) ?? nameOf(RYHTI_PURPOSE, b.ryhtiPurpose, lang) ?? b.useText ?? null;
}

export function heatingMethodName(b: BuildingRecord, lang: Lang): string | null {
  const list = b.codeSystem === 'ryhti' ? RYHTI_HEATING_METHOD : HEATING_METHOD_1994;
  return nameOf(list, b.heatingMethodCode, lang) ?? b.heatingMethodText ?? null;
}

export function heatingFuelName(b: BuildingRecord, lang: Lang): string | null {
  const list = b.codeSystem === 'ryhti' ? RYHTI_HEATING_SOURCE : HEATING_FUEL_1994;
  return nameOf(list, b.heatingFuelCode, lang) ?? b.heatingFuelText ?? null;
}

export function materialName(b: BuildingRecord, lang: Lang): string | null {
  const list = b.codeSystem === 'ryhti' ? RYHTI_MATERIAL : MATERIAL_1994;
  return nameOf(list, b.materialCode, lang) ?? b.materialText ?? null;
}

export { MATCH_LEVEL_NAMES } from './matchLevels';

/** The values of BUILDING_COLUMN_KEYS for one row, in that order. */
export function buildingValues(m: AddressMatch, lang: Lang): CellValue[] {
  const b = m.building;
  const level = MATCH_LEVEL_NAMES[m.level][lang];
  if (!b) return [null, null, null, null, null, null, null, level];
  return [
    b.completionYear ?? null,
    useName(b, lang),
    nameOf(CLASS_2018, b.class2018, lang),
    b.floors ?? null,
    heatingMethodName(b, lang),
    heatingFuelName(b, lang),
    materialName(b, lang),
    level,
  ];
}
