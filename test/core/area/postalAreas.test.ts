import { areaIndex, findMunicipality, findRegion, municipalityOfPostalCode, postOfficeName, searchAreas } from '../../../src/core/area/postalAreas';

describe('postal areas from Posti’s postal code file', () => {
  test('a postal code knows its municipality and post office in Finnish and Swedish', () => {
    expect(municipalityOfPostalCode('33100', 'fi')).toBe('Tampere');
    expect(municipalityOfPostalCode('33100', 'sv')).toBe('Tammerfors');
    expect(municipalityOfPostalCode('00100', 'sv')).toBe('Helsingfors');
    expect(postOfficeName('02610', 'fi')).toBe('Espoo');
  });

  test('postal codes stay five-digit text with their leading zeros', () => {
    const codes = areaIndex().sortedCodes;
    expect(codes).toContain('00100');
    expect(codes.every((c) => /^\d{5}$/.test(c))).toBe(true);
  });

  test('municipalities are found by Finnish or Swedish name, any case', () => {
    expect(findMunicipality('tampere')?.code).toBe('837');
    expect(findMunicipality('Esbo')?.nameFi).toBe('Espoo');
    expect(findMunicipality('Vaasa')?.nameSv).toBe('Vasa');
    expect(findMunicipality('Tampree')).toBeUndefined();
  });

  test('regions by their everyday names, Uusimaa included', () => {
    expect(findRegion('Pirkanmaa')?.nameSv).toBe('Birkaland');
    expect(findRegion('Uusimaa')?.code).toBe('FI1B1');
    expect(findRegion('Nyland')?.nameFi).toBe('Uusimaa');
    const tampere = findMunicipality('Tampere')!;
    expect(findRegion('Birkaland')!.municipalityCodes).toContain(tampere.code);
  });

  test('the picker offers postal codes for digits and names for letters', () => {
    const digits = searchAreas('331', 'fi');
    expect(digits[0]).toMatchObject({ kind: 'postalCode', value: '331*' });
    expect(digits.some((s) => s.value === '33100' && s.detail === 'Tampere')).toBe(true);
    const names = searchAreas('tamp', 'fi');
    expect(names[0]).toMatchObject({ kind: 'municipality', value: 'Tampere', detail: 'Pirkanmaa' });
    expect(searchAreas('birk', 'sv')[0]).toMatchObject({ kind: 'region', label: 'Birkaland' });
  });
});
