import { CriteriaError, expandArea, expandPostalSpec } from '../../../src/core/criteria/area';
import { areaIndex, findMunicipality } from '../../../src/core/area/postalAreas';

describe('expandArea', () => {
  test('no area means all of Finland', () => {
    expect(expandArea(undefined).postalCodes).toBeNull();
    expect(expandArea({ postalCodes: [] }).contains('99999')).toBe(true);
  });

  test('codes, ranges and prefixes expand over the known postal codes', () => {
    const a = expandArea({ postalCodes: ['33100', '33200-33500', '90*'] });
    const codes = a.postalCodes!;
    expect(codes.has('33100')).toBe(true);
    expect(codes.has('33200')).toBe(true);
    expect(codes.has('33500')).toBe(true);
    expect(codes.has('33540')).toBe(false);
    expect(codes.has('90100')).toBe(true);
    const known = areaIndex().sortedCodes;
    const inRange = known.filter((c) => c >= '33200' && c <= '33500').length;
    const prefixed = known.filter((c) => c.startsWith('90')).length;
    expect(codes.size).toBe(1 + inRange + prefixed);
  });

  test('a municipality covers all its postal codes; a region all its municipalities', () => {
    const tampere = expandArea({ municipalities: ['Tammerfors'] });
    expect(tampere.postalCodes).toEqual(new Set(findMunicipality('Tampere')!.postalCodes));
    const pirkanmaa = expandArea({ regions: ['Pirkanmaa'] });
    expect(pirkanmaa.contains('33100')).toBe(true);
    expect(pirkanmaa.contains('37600')).toBe(true); // Valkeakoski
    expect(pirkanmaa.contains('00100')).toBe(false);
  });

  test('a record without a postal code is judged by its municipality', () => {
    const a = expandArea({ municipalities: ['Tampere'] });
    expect(a.contains('', 'TAMPERE')).toBe(true);
    expect(a.contains(null, 'Tammerfors')).toBe(true);
    expect(a.contains(null, 'Nokia')).toBe(false);
    expect(a.contains(null, null)).toBe(false);
  });

  test('unknown names are field-level errors naming the key, with a suggestion', () => {
    let error: unknown;
    try {
      expandArea({ municipalities: ['Tampere', 'Jyväskylä', 'Tampree'], regions: ['Lappi', 'Keski-Suomii'] }, 'en');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CriteriaError);
    const issues = (error as CriteriaError).issues;
    expect(issues.map((i) => i.key)).toEqual(['area.municipalities[2]', 'area.regions[1]']);
    expect(issues[0]!.message.fi).toBe('tuntematon kunta "Tampree" — tarkoititko "Tampere"?');
    expect(issues[1]!.message.en).toContain('"Keski-Suomi"');
    expect((error as Error).message).toContain('area.municipalities[2]: unknown municipality "Tampree"');
  });

  test('ranges that run backwards or match nothing, and unknown codes, are errors', () => {
    expect(expandPostalSpec('33500-33200', areaIndex().sortedCodes)).toEqual({ problem: 'order' });
    expect(expandPostalSpec('33999', areaIndex().sortedCodes)).toEqual({ problem: 'unknown' });
    expect(() => expandArea({ postalCodes: ['33100', '33500-33200'] })).toThrow('area.postalCodes[1]');
  });

  test('describes itself in words', () => {
    const a = expandArea({ postalCodes: ['33100', '33200-33500'], municipalities: ['Tampere'] });
    expect(a.describe('fi')).toBe('postinumerot 33100, 33200–33500; kunta Tampere');
    expect(a.describe('sv')).toBe('postnummer 33100, 33200–33500; kommun Tammerfors');
  });
});
