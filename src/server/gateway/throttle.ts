/**
 * One request slot at a time per upstream, shared by every user of this gateway process: PRH
 * asks everyone together to stay near 300 queries a minute, so the gateway spaces its own
 * requests rather than trusting each pane to. A 429/503 with Retry-After holds back every
 * request to that upstream until then (capped). Requests that would wait longer than
 * `maxQueueMs` are not held open: they get a Busy with the time to come back.
 */
export class Busy extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`upstream busy; retry after ${Math.ceil(retryAfterMs / 1000)} s`);
  }
}

export interface ThrottleOptions {
  /** Least time between two requests (60000 / queries a minute); 0 for no spacing. */
  minIntervalMs: number;
  /** Longest a request may wait for its slot. */
  maxQueueMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class Throttle {
  private nextSlot = 0;
  private blockedUntil = 0;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly o: ThrottleOptions) {
    this.now = o.now ?? Date.now;
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /**
   * Waits for this request's slot, or throws Busy when that is too far away: beyond
   * `maxQueueMs`, or beyond `maxHeldMs` while the upstream has asked everyone to hold back
   * (a request is not kept open for a long Retry-After; its client is told when to return).
   */
  async acquire(maxHeldMs = Infinity): Promise<void> {
    const now = this.now();
    if (this.blockedUntil - now > maxHeldMs) throw new Busy(this.blockedUntil - now);
    const slot = Math.max(now, this.nextSlot, this.blockedUntil);
    if (slot - now > this.o.maxQueueMs) throw new Busy(slot - now);
    this.nextSlot = slot + this.o.minIntervalMs;
    if (slot > now) await this.sleep(slot - now);
  }

  /** The upstream said to come back in `ms`: nobody sends before then. */
  holdFor(ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.now() + ms);
  }

  /** Time until the upstream may be asked again (0 when it may be now). */
  get heldMs(): number {
    return Math.max(0, this.blockedUntil - this.now());
  }
}

/** Retry-After in seconds or as an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}
