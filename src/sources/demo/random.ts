/**
 * A small seeded PRNG (sfc32) so the demo directory is byte-identical on every run and in every
 * JavaScript engine: no Math.random, no Date.now. Each part of the generator takes its own
 * stream from a named seed, so changing how consumers are made does not reshuffle companies.
 */

// Builtins held in module scope: inside a vm context (Jest) every global lookup goes through an
// interceptor, which made the hot loops here many times slower in tests than in the product.
const { imul, floor } = Math;
const toText = String;

/** A 32-bit hash of a string (cyrb53's mixing, reduced), used to seed streams by name. */
export function hashString(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = imul(h1 ^ ch, 2654435761);
    h2 = imul(h2 ^ ch, 1597334677);
  }
  h1 = imul(h1 ^ (h1 >>> 16), 2246822507) ^ imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = imul(h2 ^ (h2 >>> 16), 2246822507) ^ imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 ^ h1) >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    this.a = hashString(seed, 1);
    this.b = hashString(seed, 2);
    this.c = hashString(seed, 3);
    this.d = hashString(seed, 4);
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[floor(this.next() * items.length)]!;
  }

  /** n random digits as text (leading zeros kept). */
  digits(n: number): string {
    // One draw for up to 9 digits: 2^32 states cover 10^9 evenly enough for fictional numbers.
    return toText(floor(this.next() * 10 ** n)).padStart(n, '0');
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = floor(this.next() * (i + 1));
      const t = items[i]!;
      items[i] = items[j]!;
      items[j] = t;
    }
    return items;
  }
}

/**
 * Picks from items by weight in O(log n): built once, sampled many times (postal codes,
 * names, industries are sampled hundreds of thousands of times).
 */
export class WeightedPicker<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    for (let i = 0; i < items.length; i++) {
      sum += Math.max(0, weights[i] ?? 0);
      this.cumulative[i] = sum;
    }
    this.total = sum;
  }

  pick(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

/** Picker over [value, weight] pairs. */
export function weighted<T>(pairs: readonly (readonly [T, number])[]): WeightedPicker<T> {
  return new WeightedPicker(
    pairs.map((p) => p[0]),
    pairs.map((p) => p[1]),
  );
}

/** Zipf-like weights by rank: the first names of a frequency list are much commoner. */
export function rankWeights(n: number, flatten = 8): number[] {
  return Array.from({ length: n }, (_, i) => 1 / (i + flatten));
}
