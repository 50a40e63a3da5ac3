/** Matching a table's columns by header, so that the columns that stay keep their identity. */
import fc from 'fast-check';
import { applyColumnEdits, columnEdits } from '../../../src/workbook/officejs/columnEdits';

describe('columnEdits', () => {
  it('appends building columns after the list’s own, touching nothing else', () => {
    const now = ['Yritys', 'Puhelin', 'Katuosoite'];
    const edits = columnEdits(now, [...now, 'Rakennusvuosi', 'Kerrosala']);
    expect(edits).toEqual([{ insert: 3 }, { insert: 4 }]);
  });

  it('deletes a column that goes and inserts one that comes at its place, matching headers without case', () => {
    const edits = columnEdits(['Yritys', 'Puhelin', 'Vanha', 'Postinumero'], ['YRITYS', 'Puhelin', 'Postinumero', 'Uusi']);
    expect(edits).toEqual([{ insert: 4 }, { delete: 2 }]);
  });

  it('inserts before deleting, so a table whose every column changes is never left without one', () => {
    expect(columnEdits(['A'], ['B', 'C'])).toEqual([{ insert: 1 }, { insert: 2 }, { delete: 0 }]);
  });

  it('always ends with the wanted columns, keeping as many columns as possible in place', () => {
    const header = fc.constantFrom('Yritys', 'Puhelin', 'Postinumero', 'Kunta', 'Sähköposti', 'Rakennusvuosi', 'Kerrosala');
    fc.assert(
      fc.property(fc.uniqueArray(header, { maxLength: 7 }), fc.uniqueArray(header, { minLength: 1, maxLength: 7 }), (now, wanted) => {
        const after = applyColumnEdits(now, columnEdits(now, wanted));
        expect(after).toHaveLength(wanted.length);
        after.forEach((h, k) => {
          if (h !== null) expect(h).toBe(wanted[k]);
        });
        // Every header in both lists in the same relative order stays (at least the common prefix).
        let prefix = 0;
        while (prefix < Math.min(now.length, wanted.length) && now[prefix] === wanted[prefix]) prefix++;
        expect(after.slice(0, prefix)).toEqual(wanted.slice(0, prefix));
      }),
    );
  });
});
