/**
 * The gateway's in-memory cache (src/server/gateway/cache.ts): answers expire after their
 * service's TTL, the least recently used go first past the size limit, and one large answer
 * never pushes the rest out. A clock the test moves, so expiry is checked without waiting.
 */
import { ResponseCache, type CachedResponse } from '../../../src/server/gateway/cache';

function answer(bytes: number, expires: number): CachedResponse {
  return { status: 200, contentType: 'application/json', body: Buffer.alloc(bytes, 0x20), expires };
}

describe('ResponseCache', () => {
  it('serves an answer until it expires, then forgets it', () => {
    let now = 1_000_000;
    const cache = new ResponseCache(1000, () => now);
    cache.set('prh/companies?postCode=00100', answer(10, now + 600_000));
    now += 599_999;
    expect(cache.get('prh/companies?postCode=00100')).toBeDefined();
    now += 1;
    expect(cache.get('prh/companies?postCode=00100')).toBeUndefined();
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });

  it('drops the least recently used first when the total passes its size', () => {
    const now = 0;
    const cache = new ResponseCache(1000, () => now);
    cache.set('a', answer(240, 1e12));
    cache.set('b', answer(240, 1e12));
    cache.set('c', answer(240, 1e12));
    cache.set('d', answer(240, 1e12));
    expect(cache.get('a')).toBeDefined(); // a is now the most recently used
    cache.set('e', answer(240, 1e12)); // 1,200 bytes: b (least recent) goes
    expect(cache.get('b')).toBeUndefined();
    for (const k of ['a', 'c', 'd', 'e']) expect([k, cache.get(k) !== undefined]).toEqual([k, true]);
    expect(cache.size).toEqual({ entries: 4, bytes: 960 });
  });

  it('does not cache one answer over a quarter of its size, so one big answer never empties it', () => {
    const cache = new ResponseCache(1000, () => 0);
    cache.set('small', answer(100, 1e12));
    cache.set('big', answer(251, 1e12));
    expect(cache.get('big')).toBeUndefined();
    expect(cache.get('small')).toBeDefined();
  });

  it('replacing a key counts its bytes once', () => {
    const cache = new ResponseCache(1000, () => 0);
    cache.set('a', answer(100, 1e12));
    cache.set('a', answer(200, 1e12));
    expect(cache.size).toEqual({ entries: 1, bytes: 200 });
  });
});
