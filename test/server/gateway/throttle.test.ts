import { Busy, Throttle, parseRetryAfter } from '../../../src/server/gateway/throttle';

/** A clock the test moves: sleep() advances it, so spacing is checked without waiting. */
function clock() {
  let t = 1_000_000;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      slept.push(ms);
      t += ms;
    },
    slept,
    advance: (ms: number) => (t += ms),
  };
}

describe('Throttle', () => {
  it('gives 300-a-minute PRH one slot every 200 ms, shared by every caller', async () => {
    const c = clock();
    const waits: number[] = [];
    const th = new Throttle({ minIntervalMs: 200, maxQueueMs: 10_000, now: c.now, sleep: async (ms) => void waits.push(ms) });
    // Five callers at the same instant: the first goes at once, the others 200 ms apart.
    await Promise.all([1, 2, 3, 4, 5].map(() => th.acquire()));
    expect(waits).toEqual([200, 400, 600, 800]);
  });

  it('refuses a caller whose slot is further than maxQueueMs away, with the time to come back', async () => {
    const c = clock();
    const th = new Throttle({ minIntervalMs: 1000, maxQueueMs: 2500, now: c.now, sleep: async () => undefined });
    await th.acquire();
    await th.acquire();
    await th.acquire();
    await expect(th.acquire()).rejects.toEqual(new Busy(3000));
  });

  it('holds everyone back after a Retry-After, and tells callers beyond maxHeldMs to return later', async () => {
    const c = clock();
    const th = new Throttle({ minIntervalMs: 0, maxQueueMs: 60_000, now: c.now, sleep: c.sleep });
    th.holdFor(30_000);
    await expect(th.acquire(5000)).rejects.toBeInstanceOf(Busy);
    c.advance(26_000);
    await th.acquire(5000); // 4 s left: waited out
    expect(c.slept).toEqual([4000]);
    expect(th.heldMs).toBe(0);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores what it cannot read', () => {
    const now = Date.parse('2026-11-20T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Fri, 20 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Fri, 20 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
