import fc from 'fast-check';
import { applyRowEdits, rowEdits, rowsAfterCut } from '../../../src/workbook/officejs/rowEdits';

const range = (n: number) => Array.from({ length: n }, (_, k) => k);

describe('rowEdits: rows deleted and inserted so that the rows that stay keep their identity', () => {
  it('deletes the rows that went, in runs from the bottom up', () => {
    // Rows 1, 2 and 5 of 0–6 went.
    expect(rowEdits(range(7), [0, 3, 4, 6])).toEqual({
      inserts: [],
      deletes: [
        { kind: 'delete', at: 5, count: 1 },
        { kind: 'delete', at: 1, count: 2 },
      ],
    });
  });

  it('inserts rows put back at their places, top down, and appends only after the last row', () => {
    expect(rowEdits([0, 2], [0, null, 2, null, null])).toEqual({
      inserts: [
        { kind: 'insert', at: 1, count: 1 },
        { kind: 'append', at: 3 },
        { kind: 'insert', at: 3, count: 1 },
      ],
      deletes: [],
    });
  });

  it('keeps a body row at every point when every row changes: the new rows go in before the old go', () => {
    expect(rowEdits([0, 1], [null])).toEqual({
      inserts: [{ kind: 'insert', at: 0, count: 1 }],
      deletes: [{ kind: 'delete', at: 1, count: 2 }],
    });
  });

  it('refuses rows that changed their order or repeat: those are rewritten by position', () => {
    expect(rowEdits(range(3), [1, 0, 2])).toBeNull();
    expect(rowEdits(range(3), [0, 0])).toBeNull();
  });

  it('turns any rows into any others with the rows that stay in order (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.boolean(), { maxLength: 12 }),
        fc.array(fc.nat(3), { maxLength: 13 }),
        (n, keep, gaps) => {
          const kept = range(n).filter((k) => keep[k] ?? true);
          // New rows (null) put before, between and after the rows kept.
          const wanted: (number | null)[] = [];
          kept.forEach((k, i) => {
            for (let g = 0; g < (gaps[i] ?? 0); g++) wanted.push(null);
            wanted.push(k);
          });
          for (let g = 0; g < (gaps[kept.length] ?? 0); g++) wanted.push(null);
          if (wanted.length === 0) wanted.push(null);
          const edits = rowEdits(range(n), wanted)!;
          // Every edit keeps at least one body row, and the result is the rows wanted.
          let rows: (number | null)[] = range(n);
          for (const e of [...edits.inserts, ...edits.deletes]) {
            if (e.kind !== 'append') expect(e.at).toBeLessThan(rows.length + (e.kind === 'insert' ? 0 : 1));
            rows = applyRowEdits(rows, [e]);
            expect(rows.length).toBeGreaterThan(0);
          }
          expect(rows).toEqual(wanted);
          // An undo from any point it was cut off at brings the rows back in their order.
          const all = [...edits.inserts, ...edits.deletes];
          for (let cut = 0; cut <= all.length; cut++) {
            const now = applyRowEdits(range(n), all.slice(0, cut));
            // The mark goes in between the inserts and the deletes, when there are both.
            const marked = edits.inserts.length > 0 && edits.deletes.length > 0 && cut >= edits.inserts.length;
            const found = rowsAfterCut(n, edits, marked, now.length);
            expect(found).toEqual(now);
            const back = rowEdits(found!, range(n))!;
            const restored = applyRowEdits(now, [...back.inserts, ...back.deletes]);
            expect(restored.map((x, k) => (x === null ? k : x))).toEqual(range(n));
            // The rows that stayed through the cut are the same rows, in their places again.
            restored.forEach((x, k) => x !== null && expect(x).toBe(k));
          }
        },
      ),
    );
  });
});
