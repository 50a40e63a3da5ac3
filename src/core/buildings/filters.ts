/**
 * Filters on the joined building data: completion year range, building class group, heating
 * fuel group, match level. A row that fails goes to the filtered sheet with the reason, never
 * into the void. A row without building data fails every filter except the match level, since
 * nothing is known of it.
 */
import { z } from 'zod';
import { defineMessages, type Lang } from '../i18n/lang';
import type { BuildingRecord } from './building';
import { BUILDING_GROUPS, FUEL_GROUPS, fuelGroupOf, groupsOf, GROUP_NAMES, FUEL_NAMES } from './groups';
import { MATCH_LEVELS, type AddressMatch } from './join';

const year = z.number().int().min(1600).max(2100);

export const buildingFiltersSchema = z
  .object({
    yearFrom: year.optional(),
    yearTo: year.optional(),
    classes: z.array(z.enum(BUILDING_GROUPS)).optional(),
    fuels: z.array(z.enum(FUEL_GROUPS)).optional(),
    match: z.array(z.enum(MATCH_LEVELS)).optional(),
  })
  .strict()
  .refine((f) => f.yearFrom === undefined || f.yearTo === undefined || f.yearFrom <= f.yearTo, {
    message: 'yearFrom must not be after yearTo',
    path: ['yearTo'],
  });
export type BuildingFilters = z.infer<typeof buildingFiltersSchema>;

export function hasFilters(f: BuildingFilters | undefined): boolean {
  return !!f && (f.yearFrom !== undefined || f.yearTo !== undefined || !!f.classes?.length || !!f.fuels?.length || !!f.match?.length);
}

const t = defineMessages({
  fi: {
    match: 'Rakennuksen tunnistus "{level}" ei ole valituissa',
    noYear: 'Valmistumisvuosi ei tiedossa',
    year: 'Valmistumisvuosi {year} ei ole välillä {from}–{to}',
    noClass: 'Rakennusluokka ei tiedossa',
    cls: 'Rakennusluokka ei ole: {classes}',
    noFuel: 'Lämmitysaine ei tiedossa',
    fuel: 'Lämmitysaine ei ole: {fuels}',
  },
  en: {
    match: 'Building match "{level}" is not among those chosen',
    noYear: 'Completion year not known',
    year: 'Completion year {year} is not within {from}–{to}',
    noClass: 'Building class not known',
    cls: 'Building class is not: {classes}',
    noFuel: 'Heating fuel not known',
    fuel: 'Heating fuel is not: {fuels}',
  },
  sv: {
    match: 'Byggnadsmatchning "{level}" är inte bland de valda',
    noYear: 'Byggnadsår okänt',
    year: 'Byggnadsår {year} är inte mellan {from}–{to}',
    noClass: 'Byggnadsklass okänd',
    cls: 'Byggnadsklassen är inte: {classes}',
    noFuel: 'Bränsle okänt',
    fuel: 'Bränslet är inte: {fuels}',
  },
});

/** Null when the row passes; otherwise the reason, in words, in the list's language. */
export function filterReason(m: AddressMatch, f: BuildingFilters, lang: Lang): string | null {
  if (f.match?.length && !f.match.includes(m.level)) return t(lang, 'match', { level: m.level });
  const b: BuildingRecord | null = m.building;
  if (f.yearFrom !== undefined || f.yearTo !== undefined) {
    const y = b?.completionYear;
    if (y === undefined) return t(lang, 'noYear');
    if ((f.yearFrom !== undefined && y < f.yearFrom) || (f.yearTo !== undefined && y > f.yearTo)) {
      return t(lang, 'year', { year: y, from: f.yearFrom ?? '', to: f.yearTo ?? '' });
    }
  }
  if (f.classes?.length) {
    const groups = b ? groupsOf(b) : [];
    if (!groups.length) return t(lang, 'noClass');
    if (!groups.some((g) => f.classes!.includes(g)))
      return t(lang, 'cls', { classes: f.classes.map((c) => GROUP_NAMES[c][lang]).join(', ') });
  }
  if (f.fuels?.length) {
    const fuel = b ? fuelGroupOf(b) : null;
    if (!fuel) return t(lang, 'noFuel');
    if (!f.fuels.includes(fuel)) return t(lang, 'fuel', { fuels: f.fuels.map((x) => FUEL_NAMES[x][lang]).join(', ') });
  }
  return null;
}
