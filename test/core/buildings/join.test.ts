import type { BuildingRecord } from '../../../src/core/buildings/building';
import { buildIndex, matchAddress } from '../../../src/core/buildings/join';

let seq = 0;
function building(streetFi: string, number: string, postalCode: string, extra: Partial<BuildingRecord> = {}, streetSv?: string): BuildingRecord {
  seq++;
  return { id: `B${seq}`, source: 'test', addresses: [{ streetFi, streetSv, number, postalCode }], ...extra };
}

const topelius6 = building('Topeliuksenkatu', '6', '00250', { completionYear: 1929, useCode1994: '039', floorArea: 3200 }, 'Topeliusgatan');
const topelius12 = building('Topeliuksenkatu', '12-14', '00250', { completionYear: 1938, useCode1994: '039' }, 'Topeliusgatan');
const meri5a = building('Meri-Rastilan tie', '5a', '00980', { completionYear: 1992, useCode1994: '021' }, 'Havsrastbölevägen');
const freytag2 = building('Leskirouva Freytagin kuja', '2', '00980', { completionYear: 1995, useCode1994: '032' }, 'Änkefru Freytags gränd');
const kaarna7house = building('Kaarnatie', '7', '00410', { completionYear: 1958, useCode1994: '011', floorArea: 140 }, 'Barkvägen');
const kaarna7sauna = building('Kaarnatie', '7', '00410', { completionYear: 1975, useCode1994: '931', floorArea: 18 }, 'Barkvägen');
const kaarna9a = building('Kaarnatie', '9a', '00410', { completionYear: 1961, useCode1994: '011' }, 'Barkvägen');
const kaarna9b = building('Kaarnatie', '9b', '00410', { completionYear: 1964, useCode1994: '011' }, 'Barkvägen');
// The same street name in two postal areas (Mannerheimintie runs through several).
const manner100 = building('Mannerheimintie', '20', '00100', { completionYear: 1952 }, 'Mannerheimvägen');
const manner250 = building('Mannerheimintie', '56', '00250', { completionYear: 1935 }, 'Mannerheimvägen');
const manner260 = building('Mannerheimintie', '56', '00260', { completionYear: 1967 }, 'Mannerheimvägen');

const index = buildIndex([topelius6, topelius12, meri5a, freytag2, kaarna7sauna, kaarna7house, kaarna9a, kaarna9b, manner100, manner250, manner260]);

describe('matchAddress: addresses written the ways people write them', () => {
  it.each([
    ['Topeliuksenkatu 6', '00250', topelius6],
    ['TOPELIUKSENKATU 6 A 12', '00250', topelius6],
    ['topeliuksenkatu 6 as. 5', '00250', topelius6],
    ['Topeliuksenk. 6 B', '00250', topelius6],
    ['Topeliusgatan 6 bost. 4', '00250', topelius6],
    ['Topeliuksen katu 6 C 24', '00250', topelius6],
    ['Meri-Rastilan tie 5a', '00980', meri5a],
    ['Meri-Rastilantie 5 A', '00980', meri5a],
    ['Meri Rastilantie 5A as 3', '00980', meri5a],
    ['Havsrastbölevägen 5 a', '00980', meri5a],
    ['Leskirouva Freytagin kj. 2 C 24', '00980', freytag2],
    ['Änkefru Freytags gränd 2', '00980', freytag2],
    ['Topeliuksenkatu 12-14 lh 3', '00250', topelius12],
    ['Topeliuksenkatu 14 A 1', '00250', topelius12],
    ['Topeliuksenkatu 12', '00250', topelius12],
  ])('%s, %s → exact', (address, postal, expected) => {
    const m = matchAddress(index, address, postal);
    expect(m.level).toBe('exact');
    expect(m.building?.id).toBe(expected.id);
  });

  it('covers only the numbers of a range on its side of the street: 13 is across the street from 12-14', () => {
    expect(matchAddress(index, 'Topeliuksenkatu 13', '00250').level).toBe('none');
  });

  it('takes the main building when a house and its sauna share an address, and says why', () => {
    const m = matchAddress(index, 'Kaarnatie 7', '00410');
    expect(m.building?.id).toBe(kaarna7house.id);
    expect(m.candidates).toBe(2);
    expect(m.choice).toBe('residential');
  });

  it('matches "5" to "5a" only when no other letter exists there', () => {
    const m = matchAddress(index, 'Meri-Rastilan tie 5', '00980');
    expect(m).toMatchObject({ level: 'street-number', building: meri5a });
    expect(matchAddress(index, 'Kaarnatie 9', '00410').level).toBe('none');
    expect(matchAddress(index, 'Kaarnatie 9 B', '00410').building?.id).toBe(kaarna9b.id);
  });

  it('matches "6a" to the register\'s "6" as street-number (the letter ignored)', () => {
    expect(matchAddress(index, 'Topeliuksenkatu 6a', '00250')).toMatchObject({ level: 'street-number', building: topelius6 });
  });

  it('ignores a missing or wrong postal code only when the address exists under one code', () => {
    expect(matchAddress(index, 'Mannerheimintie 20', '')).toMatchObject({ level: 'street-number', building: manner100 });
    expect(matchAddress(index, 'Mannerheimintie 20', '00250')).toMatchObject({ level: 'street-number', building: manner100 });
    expect(matchAddress(index, 'Mannerheimintie 56', '00260')).toMatchObject({ level: 'exact', building: manner260 });
    // Two buildings numbered 56 in different postal areas: no guessing.
    expect(matchAddress(index, 'Mannerheimintie 56', '').level).toBe('none');
  });

  it('reads the postal code from the address text when the column is empty', () => {
    expect(matchAddress(index, 'Mannerheimintie 56, 00250 Helsinki', '')).toMatchObject({ level: 'exact', building: manner250 });
  });

  it('accepts an abbreviation without its dot when the street exists written out', () => {
    expect(matchAddress(index, 'Topeliuksenk 6', '00250').building?.id).toBe(topelius6.id);
  });

  it('gives none for unknown streets, missing numbers and P.O. boxes', () => {
    expect(matchAddress(index, 'Olematon tie 5', '00250').level).toBe('none');
    expect(matchAddress(index, 'Topeliuksenkatu', '00250').level).toBe('none');
    expect(matchAddress(index, 'PL 123', '00250').level).toBe('none');
    expect(matchAddress(index, '', '00250').level).toBe('none');
  });

  it('prefers the larger building when two residential buildings share an address', () => {
    const small = building('Vuotie', '3', '00980', { completionYear: 1970, useCode1994: '021', floorArea: 300 });
    const large = building('Vuotie', '3', '00980', { completionYear: 1972, useCode1994: '021', floorArea: 900 });
    const m = matchAddress(buildIndex([small, large]), 'Vuotie 3', '00980');
    expect(m).toMatchObject({ building: large, choice: 'floorArea', candidates: 2 });
  });
});
