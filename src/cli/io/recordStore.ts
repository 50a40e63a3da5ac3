/**
 * The list's CSV records of `rajaus match`, made while the list is read and written out once
 * its rows are decided (matchCsvs.ts), kept as UTF-8 in large buffers outside the JavaScript
 * heap. As a million strings they were 140 MB of heap, which the collector let grow to twice
 * that before it looked again (issue 16's 1.5 GB budget). Records are taken in list order, and
 * a buffer is let go once every record in it has been taken.
 */
import { Buffer } from 'node:buffer';

/** Bytes per buffer (a record longer than this gets a buffer of its own). */
const CHUNK_BYTES = 8 << 20;

export class RecordStore {
  private readonly chunks: (Buffer | null)[] = [];
  private current: Buffer | null = null;
  private used = 0;
  private chunkOf = new Uint32Array(1024);
  private start = new Uint32Array(1024);
  private end = new Uint32Array(1024);
  private count = 0;
  /** Chunks before this one are let go. */
  private firstLive = 0;
  /** Records below this index have been taken. */
  private taken = 0;

  get size(): number {
    return this.count;
  }

  push(record: string): void {
    const bytes = Buffer.byteLength(record, 'utf8');
    if (!this.current || this.used + bytes > this.current.length) {
      this.current = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes));
      this.chunks.push(this.current);
      this.used = 0;
    }
    if (this.count === this.start.length) this.grow();
    const i = this.count++;
    this.chunkOf[i] = this.chunks.length - 1;
    this.start[i] = this.used;
    this.used += this.current.write(record, this.used, 'utf8');
    this.end[i] = this.used;
  }

  /**
   * Record `i`. Records are taken in increasing order (the same one may be taken again at
   * once); taking one lets go of the buffers wholly before it.
   */
  take(i: number): string {
    if (i < this.taken - 1 || i >= this.count) throw new Error(`record ${i} taken out of order (after ${this.taken - 1})`);
    this.taken = Math.max(this.taken, i + 1);
    const chunk = this.chunkOf[i]!;
    while (this.firstLive < chunk) this.chunks[this.firstLive++] = null;
    return this.chunks[chunk]!.toString('utf8', this.start[i]!, this.end[i]!);
  }

  /**
   * Record `i` as its UTF-8 bytes (a view, not a copy: valid until a later record is taken),
   * taken as `take` takes it. The CLI writes a record as it came: decoded to a string and
   * encoded again, 100,000 records cost a sixth of a second of the thread that writes.
   */
  takeBytes(i: number): Buffer {
    if (i < this.taken - 1 || i >= this.count) throw new Error(`record ${i} taken out of order (after ${this.taken - 1})`);
    this.taken = Math.max(this.taken, i + 1);
    const chunk = this.chunkOf[i]!;
    while (this.firstLive < chunk) this.chunks[this.firstLive++] = null;
    return this.chunks[chunk]!.subarray(this.start[i]!, this.end[i]!);
  }

  private grow(): void {
    const n = this.start.length * 2;
    const bigger = (a: Uint32Array) => {
      const b = new Uint32Array(n);
      b.set(a);
      return b;
    };
    this.chunkOf = bigger(this.chunkOf);
    this.start = bigger(this.start);
    this.end = bigger(this.end);
  }
}
