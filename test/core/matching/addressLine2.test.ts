/**
 * Issue 12: an address's second line ("Osoitteen lisätieto", "Address line 2"). The street is
 * taken from whichever line parses as one, and a street found on either line agrees: Febrl 3's
 * duplicates have the street swapped with the extra line. Without the column nothing changes.
 */
import { compareRows } from '../../../src/core/matching/comparison';
import { packRows, packTable, unpackTable } from '../../../src/core/matching/packedTable';
import { NONE, toMatchTable, Vocabulary } from '../../../src/core/matching/record';
import { parseAddressLine2 } from '../../../src/core/normalize/address';

const KEYS = ['firstName', 'lastName', 'streetAddress', 'addressLine2', 'postalCode', 'postOffice'];

/** The address level of two persons with two address lines each (first, second). */
function address(list: [string, string], customer: [string, string], keys = KEYS): string | null {
  const v = new Vocabulary();
  const row = (lines: [string, string]) => ['Barnaby', 'Siggins', lines[0], lines[1], '05162', 'Kempsey'];
  return compareRows(toMatchTable(keys, [row(list)], v), 0, toMatchTable(keys, [row(customer)], v), 0).address;
}

describe('an address second line', () => {
  it('reads what the line holds: a c/o, a PO box, an apartment, or a street or building', () => {
    expect(parseAddressLine2('c/o Matti Virtanen').kind).toBe('careOf');
    expect(parseAddressLine2('C/O Virtanen').kind).toBe('careOf');
    expect(parseAddressLine2('PL 123').kind).toBe('poBox');
    expect(parseAddressLine2('PO Box 12').kind).toBe('poBox');
    expect(parseAddressLine2('Postilokero 7').kind).toBe('poBox');
    expect(parseAddressLine2('as. 12')).toEqual({ kind: 'apartment', apartment: '12' });
    expect(parseAddressLine2('B 12')).toEqual({ kind: 'apartment', apartment: '12' });
    expect(parseAddressLine2('A as 5')).toEqual({ kind: 'apartment', apartment: '5' });
    expect(parseAddressLine2('lgh 1102')).toEqual({ kind: 'apartment', apartment: '1102' });
    expect(parseAddressLine2('Hurley street 51')).toMatchObject({ kind: 'street', address: { street: 'hurleystreet', number: '51' } });
    expect(parseAddressLine2('Attilankatu 3')).toMatchObject({ kind: 'street', address: { street: 'attilankatu' } });
    expect(parseAddressLine2('Lakes retirement estate')).toMatchObject({ kind: 'street', address: { street: 'lakesretirementestate' } });
    expect(parseAddressLine2('12').kind).toBe('none');
    expect(parseAddressLine2('  ').kind).toBe('none');
  });

  it('finds the street on either line when the lines are swapped (Febrl 3: rec-12-org / rec-12-dup-0)', () => {
    // The list writes the estate first and the street second, the register the other way round.
    expect(address(['Lakes retkremeent estate 51', 'Hurley street'], ['Hurley street 51', 'Lakes retirement estate'])).toBe('exact');
    expect(address(['Hurley street 51', 'Lakes retirement estate'], ['Lakes retirement estate 51', 'Hurley street'])).toBe('exact');
    // The street on line 2 on one side only, the number with line 1.
    expect(address(['Delmar 7', 'Wallaby place'], ['Wallaby place 7', ''])).toBe('exact');
    expect(address(['Wallaby place 7', ''], ['Delmar 7', 'Wallaby place'])).toBe('exact');
    // Line 2 holds the street with its number, line 1 a building's name without one.
    expect(address(['Lakes retirement estate', 'Hurley street 51'], ['Hurley street 51', ''])).toBe('exact');
    // Line 1 a number alone, the street on line 2.
    expect(address(['51', 'Hurley street'], ['Hurley street 51', ''])).toBe('exact');
  });

  it('was "another street with the same number" without the column: the rows read through the first line only', () => {
    const noLine2 = KEYS.map((k) => (k === 'addressLine2' ? 'extra:Osoitteen lisätieto' : k));
    expect(address(['Lakes retkremeent estate 51', 'Hurley street'], ['Hurley street 51', 'Lakes retirement estate'], noLine2)).toBe(
      'otherStreet',
    );
    expect(address(['Delmar 7', 'Wallaby place'], ['Wallaby place 7', ''], noLine2)).toBe('otherStreet');
  });

  it('still tells other addresses apart: another street on both lines, another house number', () => {
    expect(address(['Lakes retirement estate 51', 'Hurley street'], ['Verco street 51', 'Rose-lea'])).toBe('otherStreet');
    expect(address(['Lakes retirement estate 51', 'Hurley street'], ['Hurley street 15', ''])).toBe('street');
    // Two extra lines alike are not the street address: "c/o" lines and estates are not compared with each other.
    expect(address(['Koivutie 2', 'c/o Virtanen'], ['Mäntytie 9', 'c/o Virtanen'])).toBe('different');
    expect(address(['Koivutie 2', 'Kuusela'], ['Mäntytie 9', 'Kuusela'])).toBe('different');
  });

  it('adds an apartment written on line 2 to line 1’s house, and ignores a c/o or a PO box', () => {
    expect(address(['Koivutie 2', 'as. 5'], ['Koivutie 2 as 5', ''])).toBe('exact');
    expect(address(['Koivutie 2', 'as. 5'], ['Koivutie 2 as 7', ''])).toBe('otherUnit');
    expect(address(['Koivutie 2', 'c/o Virtanen'], ['Koivutie 2', ''])).toBe('exact');
    expect(address(['Koivutie 2', 'PL 12'], ['Koivutie 2', ''])).toBe('exact');
  });

  it('keeps no other line in a table without the column, or with the column empty (nothing to pay per row)', () => {
    const v = new Vocabulary();
    expect(toMatchTable(['streetAddress'], [['Koivutie 2']], v).alt).toBeNull();
    expect(toMatchTable(KEYS, [['A', 'B', 'Koivutie 2', '', '00100', 'Helsinki']], v).alt).toBeNull();
    const t = toMatchTable(
      KEYS,
      [
        ['A', 'B', 'Koivutie 2', 'Kuusela', '00100', 'Helsinki'],
        ['A', 'B', 'Koivutie 3', '', '00100', 'Helsinki'],
      ],
      v,
    );
    expect(t.text(t.alt!.street[0]!)).toBe('kuusela');
    expect(t.alt!.house[0]).toBe(t.house[0]);
    expect(t.alt!.street[1]).toBe(NONE);
  });

  it('travels with a table between threads (packTable, packRows)', () => {
    const v = new Vocabulary();
    const rows = [
      ['A', 'B', 'Koivutie 2', '', '00100', 'Helsinki'],
      ['Barnaby', 'Siggins', 'Lakes retirement estate 51', 'Hurley street', '05162', 'Kempsey'],
    ];
    const sent = toMatchTable(KEYS, rows, v);
    for (const packed of [packTable(sent).packed, packRows(sent, [0, 1]).packed]) {
      const other = new Vocabulary();
      other.id('something else first');
      const got = unpackTable(packed, other);
      expect(got.alt!.street[0]).toBe(NONE);
      expect(got.text(got.alt!.street[1]!)).toBe('hurleystreet');
      expect(got.alt!.house[1]).toBe(sent.alt!.house[1]);
      const customer = toMatchTable(KEYS, [['Barnaby', 'Siggins', 'Hurley street 51', '', '05162', 'Kempsey']], other);
      expect(compareRows(got, 1, customer, 0).address).toBe('exact');
    }
    const none = packTable(toMatchTable(['streetAddress'], [['Koivutie 2']], v)).packed;
    expect(unpackTable(none, new Vocabulary()).alt).toBeNull();
  });
});
