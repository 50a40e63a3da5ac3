/**
 * Which pieces of the list each thread of `rajaus match` links: the list is cut into pieces of
 * equal size, and the two threads claim them from both ends, this thread from the first piece
 * up, the worker from the last piece down, until they meet.
 *
 * Why not a fixed split: this thread also writes every row of the three CSVs and words its own
 * reasons, the worker only links and words; how much more that is depends on the list (how many
 * rows are removed), the host and the size. A share that balanced the threads at 1,000,000 ×
 * 100,000 (44 % here) left the worker idle for 0.6–0.8 s of a 5.5 s run at 100,000 × 100,000.
 * Claimed piece by piece, each thread links while there is work, and they finish within one
 * piece of each other. Claiming from the two ends keeps this thread's part in list order, so
 * it is written as it is linked, and the worker's part one run at the end.
 *
 * The decisions do not depend on which thread links a row: the same model, the same index.
 *
 * The state is one 32-bit word in shared memory: the next piece from the start (low 16 bits)
 * and one past the next piece from the end (high 16 bits), changed only by compare-and-swap,
 * so a piece is claimed by exactly one thread.
 */
export class PieceClaims {
  /** At most this many pieces (the two halves of one 32-bit word; the sign bit stays clear). */
  static readonly MAX_PIECES = 0x7fff;
  private readonly state: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer) {
    this.state = new Int32Array(buffer);
  }

  /** Claims for `pieces` pieces, none claimed yet. */
  static create(pieces: number): PieceClaims {
    if (!Number.isInteger(pieces) || pieces < 0 || pieces > PieceClaims.MAX_PIECES) {
      throw new RangeError(`PieceClaims: ${pieces} pieces (at most ${PieceClaims.MAX_PIECES})`);
    }
    const claims = new PieceClaims(new SharedArrayBuffer(4));
    Atomics.store(claims.state, 0, pieces << 16);
    return claims;
  }

  /** The next piece from the start, or −1 once every piece is claimed. */
  claimFirst(): number {
    for (;;) {
      const now = Atomics.load(this.state, 0);
      const first = now & 0xffff;
      const end = now >>> 16;
      if (first >= end) return -1;
      if (Atomics.compareExchange(this.state, 0, now, (end << 16) | (first + 1)) === now) return first;
    }
  }

  /**
   * The next piece from the end, or −1 once every piece from `floor` on is claimed (the worker
   * is sent only the pieces from `floor` on).
   */
  claimLast(floor = 0): number {
    for (;;) {
      const now = Atomics.load(this.state, 0);
      const first = now & 0xffff;
      const end = now >>> 16;
      if (end <= first || end - 1 < floor) return -1;
      if (Atomics.compareExchange(this.state, 0, now, ((end - 1) << 16) | first) === now) return end - 1;
    }
  }

  /** The first piece claimed from the end so far (the number of pieces when none is). */
  firstFromEnd(): number {
    return Atomics.load(this.state, 0) >>> 16;
  }
}

/**
 * The rows of a piece: pieces of `rows` rows each, enough of them for `size` rows within
 * PieceClaims.MAX_PIECES (a list of tens of millions of rows gets larger pieces).
 */
export function pieceSize(size: number, rows: number): number {
  return Math.max(rows, Math.ceil(size / PieceClaims.MAX_PIECES));
}
