import { normalizeStreetName, parseHouseNumber, parseStreetAddress } from '../../../src/core/normalize/address';

describe('normalizeStreetName: one key however the street is written', () => {
  it.each([
    ['Meri-Rastilan tie', 'Meri-Rastilantie'],
    ['MERI-RASTILANTIE', 'meri-rastilantie'],
    ['Meri-Rastilant.', 'Meri-Rastilantie'],
    ['Kauppak.', 'Kauppakatu'],
    ['Leskirouva Freytagin kj.', 'Leskirouva Freytagin kuja'],
    ['Råholmsv.', 'Råholmsvägen'],
    ['Råholmsväg', 'Råholmsvägen'],
    ['Pohj. Rautatiek.', 'Pohjoinen Rautatiekatu'],
    ['3. linja', 'Kolmas linja'],
    ['Linnéstigen', 'Linnestigen'],
  ])('%s = %s', (a, b) => {
    expect(normalizeStreetName(a)).toBe(normalizeStreetName(b));
  });

  it('keeps å, ä and ö: they tell streets apart', () => {
    expect(normalizeStreetName('Mäkelänkatu')).not.toBe(normalizeStreetName('Makelankatu'));
    expect(normalizeStreetName('Sörnäistenkatu')).toBe('sörnäistenkatu');
  });
});

describe('parseStreetAddress: staircases and apartments are not part of the building', () => {
  it('reads staircase and apartment after the house number', () => {
    expect(parseStreetAddress('Mannerheimintie 12 A 5')).toMatchObject({ street: 'mannerheimintie', number: '12', letter: null, staircase: 'A', apartment: '5' });
    expect(parseStreetAddress('Leskirouva Freytagin kuja 2 C 24')).toMatchObject({ street: 'leskirouvafreytaginkuja', number: '2', staircase: 'C', apartment: '24' });
    expect(parseStreetAddress('Ruoholahdenkatu 4 A12')).toMatchObject({ number: '4', staircase: 'A', apartment: '12' });
    expect(parseStreetAddress('Sörnäisten rantatie 23 a 5')).toMatchObject({ number: '23', letter: null, staircase: 'A', apartment: '5' });
  });

  it('reads apartments with their prefixes in Finnish and Swedish', () => {
    expect(parseStreetAddress('Meri-Rastilan tie 5 as. 5')).toMatchObject({ street: 'merirastilantie', number: '5', staircase: null, apartment: '5' });
    expect(parseStreetAddress('Hämeentie 12 lh 3')).toMatchObject({ number: '12', apartment: '3' });
    expect(parseStreetAddress('Hietalahdenranta 13 bost. 4')).toMatchObject({ number: '13', apartment: '4' });
    expect(parseStreetAddress('Kirkkokatu 5 as5')).toMatchObject({ number: '5', apartment: '5' });
  });

  it('tells the house letter (5a, 5 a) from a lone staircase (5 A)', () => {
    expect(parseStreetAddress('Meri-Rastilantie 5a')).toMatchObject({ number: '5', letter: 'a', staircase: null });
    expect(parseStreetAddress('Fredrikinkatu 12B')).toMatchObject({ number: '12', letter: 'b' });
    expect(parseStreetAddress('Esplanadi 5 a')).toMatchObject({ number: '5', letter: 'a', staircase: null });
    expect(parseStreetAddress('Esplanadi 5 A')).toMatchObject({ number: '5', letter: null, staircase: 'A' });
    expect(parseStreetAddress('MANNERHEIMINTIE 12a B 7')).toMatchObject({ number: '12', letter: 'a', staircase: 'B', apartment: '7' });
  });

  it('reads number ranges with or without spaces and dashes of either kind', () => {
    expect(parseStreetAddress('Kauppak. 12-14')).toMatchObject({ street: 'kauppakatu', number: '12', numberTo: '14' });
    expect(parseStreetAddress('Hämeentie 12 – 14 lh 3')).toMatchObject({ street: 'hämeentie', number: '12', numberTo: '14', apartment: '3' });
  });

  it('picks up a postal code written in the same text', () => {
    expect(parseStreetAddress('Mannerheimintie 12a B 7, 00100 HELSINKI')).toMatchObject({ number: '12', letter: 'a', postalCode: '00100' });
    expect(parseStreetAddress('Kaivokatu 8, 00100 Helsinki').postalCode).toBe('00100');
    expect(parseStreetAddress('Kaivokatu 8').postalCode).toBeNull();
  });

  it('keeps ordinal street names and glued numbers', () => {
    expect(parseStreetAddress('3. linja 5')).toMatchObject({ street: 'kolmaslinja', number: '5' });
    expect(parseStreetAddress('Mannerheimintie12')).toMatchObject({ street: 'mannerheimintie', number: '12' });
  });

  it('gives no street for a P.O. box and nothing for empty text', () => {
    expect(parseStreetAddress('PL 123, 00101 Helsinki')).toMatchObject({ street: '', number: null, postalCode: '00101' });
    expect(parseStreetAddress('   ')).toMatchObject({ street: '', number: null });
  });

  it('drops leading zeros from house numbers so "05" = "5"', () => {
    expect(parseStreetAddress('Kaivokatu 05').number).toBe('5');
  });
});

describe('parseHouseNumber: house numbers as building registers write them', () => {
  it.each([
    ['6', { number: '6', numberTo: null, letter: null }],
    ['5a', { number: '5', numberTo: null, letter: 'a' }],
    ['2 A', { number: '2', numberTo: null, letter: 'a' }],
    ['12-14', { number: '12', numberTo: '14', letter: null }],
    ['12 - 14', { number: '12', numberTo: '14', letter: null }],
  ])('%s', (raw, expected) => {
    expect(parseHouseNumber(raw)).toEqual(expected);
  });
  it('returns null without a number', () => {
    expect(parseHouseNumber('')).toBeNull();
    expect(parseHouseNumber('tontti')).toBeNull();
  });
});
