/**
 * The gateway's in-memory cache of good upstream answers: by service, path and canonical
 * query; each entry expires after its service's TTL; the least recently used go first when the
 * total size passes `maxBytes`. Open data changes daily at most, and many users of one office
 * ask for the same postal codes. Identical requests in flight share one upstream call.
 */
export interface CachedResponse {
  status: number;
  contentType: string;
  body: Buffer;
  /** When it stops being fresh (ms since epoch). */
  expires: number;
}

export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): CachedResponse | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expires <= this.now()) {
      this.delete(key);
      return undefined;
    }
    // Map order is the LRU order: move to the end.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e;
  }

  set(key: string, value: CachedResponse): void {
    if (value.body.length > this.maxBytes / 4) return; // one answer never crowds out the rest
    this.delete(key);
    this.entries.set(key, value);
    this.bytes += value.body.length;
    for (const [k] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(k);
    }
  }

  private delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.bytes -= e.body.length;
    this.entries.delete(key);
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}
