import { distinctOwnNames, mapHeaders } from '../../../src/core/columns/headerMapping';

describe('every column kept: duplicate and empty headers get distinct names (issue 17 item 6)', () => {
  test('two "Huom" columns are two keys', () => {
    expect(mapHeaders(['Yritys', 'Huom', 'Huom', 'huom']).keys).toEqual(['companyName', 'extra:Huom', 'extra:Huom (2)', 'extra:huom (3)']);
  });

  test('an empty header never takes the name of a real "Column 8"', () => {
    expect(distinctOwnNames(['a', 'b', 'c', 'd', 'e', 'f', 'g', '', 'Column 8'])).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'Column 8 (2)',
      'Column 8',
    ]);
    expect(distinctOwnNames(['', ''])).toEqual(['Column 1', 'Column 2']);
  });

  test('every key is distinct', () => {
    const { keys } = mapHeaders(['Puhelin', 'Puhelin', '', 'Column 3', 'Huom', 'Huom']);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
