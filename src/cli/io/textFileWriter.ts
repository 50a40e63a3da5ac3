/**
 * A text output written as it is made (UTF-8, in chunks of about a megabyte) instead of built
 * as one string first: a million-row export held its whole CSV text, twice while encoding it.
 * Writes are buffered synchronously (a row reader's sink cannot wait); `drain` hands the
 * buffer to the file and waits while the disk is behind, so the buffer stays bounded when the
 * reader awaits it between pieces of its input. The bytes are those of writeFile(path, text).
 */
import { Buffer } from 'node:buffer';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { fileSystemError } from './fsErrors';

/**
 * Bytes buffered before they go to the stream. The text is encoded into a buffer as it is
 * written: strings buffered and joined into a megabyte string per chunk were garbage the
 * collector kept until its next full collection (a large string lives in its own space), and
 * a million-row match wrote 150 MB of them (issue 16).
 */
const CHUNK_BYTES = 1 << 20;

/** Resolves when the stream can take more, or has ended (an error: see `failure`). */
function drained(stream: WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

export class TextFileWriter {
  private stream: WriteStream | null = null;
  /** The chunk being filled, and its bytes used. */
  private chunk: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  /** Chunks filled, not yet handed to the stream. */
  private full: Buffer[] = [];
  private failure: unknown = null;

  /**
   * `pathOf` says where the bytes go (a staging folder's file), asked when the first chunk is
   * written, so that a run that fails on its first rows creates nothing; `shownAs` is the name
   * an error message gives the user (the output the file becomes).
   */
  constructor(
    private readonly pathOf: () => Promise<string>,
    private readonly shownAs: string,
  ) {}

  private async open(): Promise<WriteStream> {
    if (this.stream) return this.stream;
    const stream = createWriteStream(await this.pathOf());
    stream.on('error', (e) => {
      this.failure ??= fileSystemError(e, this.shownAs, 'file');
    });
    this.stream = stream;
    return stream;
  }

  /**
   * Buffers `text` as UTF-8. A character is never split between two calls' bytes; a surrogate
   * pair split between two calls would be (a caller writes whole values).
   */
  write(text: string): void {
    const room = this.chunk.length - this.used;
    // At most three bytes per UTF-16 unit: the exact length only when that may not fit.
    if (text.length * 3 > room) {
      const bytes = Buffer.byteLength(text, 'utf8');
      if (bytes > room) {
        this.seal();
        if (bytes > this.chunk.length) {
          this.full.push(Buffer.from(text, 'utf8'));
          return;
        }
      }
    }
    this.used += this.chunk.write(text, this.used, 'utf8');
  }

  /** Appends bytes already encoded as UTF-8 (copied: the caller may reuse them). */
  writeBytes(bytes: Uint8Array): void {
    if (bytes.length > this.chunk.length - this.used) {
      this.seal();
      if (bytes.length > this.chunk.length) {
        this.full.push(Buffer.from(bytes));
        return;
      }
    }
    this.chunk.set(bytes, this.used);
    this.used += bytes.length;
  }

  /** The chunk being filled goes to `full`, and a new one is begun. */
  private seal(): void {
    if (this.used === 0) return;
    this.full.push(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
  }

  /** Hands the filled chunks (all that is buffered, when forced) to the file, and waits while the disk is behind. */
  async drain(force = false): Promise<void> {
    this.check();
    if (force) this.seal();
    if (this.full.length === 0) return;
    const stream = await this.open();
    for (const chunk of this.full.splice(0)) {
      if (!stream.write(chunk)) await drained(stream);
      this.check();
    }
  }

  /** Writes the rest and closes the file; a write error becomes one line naming the file. */
  async close(): Promise<void> {
    await this.drain(true);
    const stream = await this.open();
    if (!stream.writableEnded) {
      const closed = once(stream, 'close');
      stream.end();
      await closed.catch(() => undefined);
    }
    this.check();
  }

  /** Stops writing (an error or a cancel elsewhere); the file is removed with its staging folder. */
  async destroy(): Promise<void> {
    const stream = this.stream;
    if (!stream || stream.closed) return;
    const closed = once(stream, 'close').catch(() => undefined);
    stream.destroy();
    await closed;
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
