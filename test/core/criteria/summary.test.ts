import { criteriaShortName, summarizeCriteria } from '../../../src/core/criteria/summary';
// Loading Posti's postal code file registers the Finnish ↔ Swedish place names the summary uses.
import '../../../src/core/area/postalAreas';
import type { Criteria } from '../../../src/core/criteria/criteria';

const builders: Criteria = {
  kind: 'b2b',
  industries: ['F'],
  area: { postalCodes: ['33100', '33200-33500'] },
  companyForms: ['OY'],
  registeredFrom: '2015-01-01',
  registeredTo: '2024-12-31',
  roles: ['CEO'],
  requirePhone: true,
  limit: 5000,
};

describe('summarizeCriteria', () => {
  test('reads as a sentence in Finnish', () => {
    expect(summarizeCriteria(builders, 'fi')).toBe(
      'Toimiala F Rakentaminen; postinumerot 33100, 33200–33500; yhtiömuoto OY; rekisteröity 2015–2024; rooli toimitusjohtaja; vain puhelinnumerolliset; enintään 5\u00a0000',
    );
  });

  test('in English and Swedish', () => {
    expect(summarizeCriteria(builders, 'en')).toBe(
      'Industry F Construction; postal codes 33100, 33200–33500; company form OY; registered 2015–2024; role CEO; with a phone number only; at most 5,000',
    );
    expect(summarizeCriteria(builders, 'sv')).toMatch(/^Bransch F Byggverksamhet; postnummer 33100, 33200–33500; bolagsform OY; registrerat 2015–2024; roll verkställande direktör; endast med telefonnummer; högst 5\s000$/);
  });

  test('dates that are not whole years are written out', () => {
    expect(summarizeCriteria({ kind: 'b2b', registeredFrom: '2020-03-15' }, 'fi')).toBe('Rekisteröity 15.3.2020 alkaen');
    expect(summarizeCriteria({ kind: 'b2b', registeredTo: '2010-06-30' }, 'en')).toBe('Registered by 2010-06-30');
  });

  test('places by their name in the language, consumers with age groups', () => {
    const c: Criteria = { kind: 'b2c', area: { municipalities: ['Helsinki', 'Espoo'], regions: ['Pirkanmaa'] }, ageGroups: ['35-44'], requirePhone: true };
    expect(summarizeCriteria(c, 'fi')).toBe('Kuluttajat; kunnat Helsinki, Espoo; maakunta Pirkanmaa; ikäryhmä 35–44 (arvio); vain puhelinnumerolliset');
    expect(summarizeCriteria(c, 'sv')).toBe('Konsumenter; kommuner Helsingfors, Esbo; landskap Birkaland; åldersgrupp 35–44 (uppskattning); endast med telefonnummer');
  });

  test('no criteria at all', () => {
    expect(summarizeCriteria({ kind: 'b2b' }, 'fi')).toBe('Kaikki');
    expect(summarizeCriteria({ kind: 'b2c' }, 'en')).toBe('Consumers; everything');
  });

  test('a short name for the sheet: first place and first industry', () => {
    expect(criteriaShortName(builders, 'fi')).toBe('33100+ F');
    expect(criteriaShortName({ kind: 'b2b', area: { municipalities: ['Tampere'] }, industries: ['43220'] }, 'sv')).toBe('Tammerfors 43220');
    expect(criteriaShortName({ kind: 'b2c', area: { regions: ['Uusimaa'] } }, 'fi')).toBe('Uusimaa Kuluttajat');
  });
});
