/**
 * MatchTable's towns: each written town is folded once per vocabulary (Vocabulary.townId), and
 * the ids are those of folding every row, in the same order.
 */
import fc from 'fast-check';
import { NONE, toMatchTable, Vocabulary } from '../../../src/core/matching/record';
import { foldText } from '../../../src/core/normalize/fold';
import { canonicalTown } from '../../../src/core/normalize/townNames';

/** The town column as it was made before townId: fold and look up every row. */
function townsByDefinition(towns: readonly string[]): number[] {
  const v = new Vocabulary();
  return towns.map((town) => {
    const t = town.trim();
    const folded = t ? foldText(t) : '';
    return folded ? v.id(canonicalTown(folded)) : NONE;
  });
}

describe('MatchTable towns', () => {
  it('gives every row the id folding that row alone gives, in the same order', () => {
    const town = fc.constantFrom(
      'Helsinki',
      'HELSINKI',
      'Helsingfors',
      'HKI',
      'hki',
      'Tampere',
      'Tammerfors',
      '-',
      '',
      ' ',
      'Jyväskylä',
      'Jyvaskyla',
      'Åbo',
      'Turku',
      ' Oulu ',
    );
    fc.assert(
      fc.property(fc.array(town, { maxLength: 40 }), (towns) => {
        const t = toMatchTable(
          ['postOffice'],
          towns.map((x) => [x]),
        );
        expect([...t.town.subarray(0, towns.length)]).toEqual(townsByDefinition(towns));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps one vocabulary per table pair: a second table reuses the first one's ids", () => {
    const v = new Vocabulary();
    const list = toMatchTable(['postOffice'], [['Helsingfors'], ['-']], v);
    const customers = toMatchTable(['postOffice'], [['HKI'], ['Helsinki']], v);
    expect(list.town[0]).toBe(customers.town[0]);
    expect(customers.town[1]).toBe(customers.town[0]);
    expect(list.town[1]).toBe(NONE);
    expect(v.strings).toEqual(['helsinki']);
  });
});
