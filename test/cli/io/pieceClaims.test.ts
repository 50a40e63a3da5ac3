import fc from 'fast-check';
import { PieceClaims, pieceSize } from '../../../src/cli/io/pieceClaims';

describe('PieceClaims: the list cut into pieces, claimed from its two ends', () => {
  it('gives every piece to exactly one end, the start in order up, the end in order down', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.array(fc.boolean(), { maxLength: 150 }),
        (pieces, floorAt, turns) => {
          const floor = Math.min(pieces, floorAt);
          const claims = PieceClaims.create(pieces);
          const first: number[] = [];
          const last: number[] = [];
          // Turns in any order, then both ends until neither gets more.
          for (const fromStart of [...turns, ...Array<boolean>(2 * pieces + 2).fill(true), ...Array<boolean>(2).fill(false)]) {
            const p = fromStart ? claims.claimFirst() : claims.claimLast(floor);
            if (p >= 0) (fromStart ? first : last).push(p);
          }
          expect([...first, ...[...last].reverse()]).toEqual(Array.from({ length: pieces }, (_, k) => k));
          expect(last.every((p) => p >= floor)).toBe(true);
          expect(claims.firstFromEnd()).toBe(last.length ? Math.min(...last) : pieces);
        },
      ),
    );
  });

  it('stops the end at its floor and the start where the end took over', () => {
    const claims = PieceClaims.create(5);
    expect([claims.claimLast(3), claims.claimLast(3), claims.claimLast(3)]).toEqual([4, 3, -1]);
    expect([claims.claimFirst(), claims.claimFirst(), claims.claimFirst(), claims.claimFirst()]).toEqual([0, 1, 2, -1]);
    expect(claims.claimLast(0)).toBe(-1);
  });

  it('is shared through its buffer (the worker thread makes its own view of it)', () => {
    const here = PieceClaims.create(3);
    const there = new PieceClaims(here.buffer);
    expect([here.claimFirst(), there.claimLast(), here.claimFirst(), there.claimLast()]).toEqual([0, 2, 1, -1]);
  });

  it('refuses more pieces than one word holds, and makes pieces larger for a huge list', () => {
    expect(() => PieceClaims.create(PieceClaims.MAX_PIECES + 1)).toThrow(RangeError);
    expect(pieceSize(100_000, 5000)).toBe(5000);
    const rows = pieceSize(400_000_000, 5000);
    expect(Math.ceil(400_000_000 / rows)).toBeLessThanOrEqual(PieceClaims.MAX_PIECES);
  });
});
