/**
 * A text output written as it is made (UTF-8, in chunks of about a megabyte) instead of built
 * as one string first: a million-row export held its whole CSV text, twice while encoding it.
 * Writes are buffered synchronously (a row reader's sink cannot wait); `drain` hands the
 * buffer to the file and waits while the disk is behind, so the buffer stays bounded when the
 * reader awaits it between pieces of its input. The bytes are those of writeFile(path, text).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { fileSystemError } from './fsErrors';

/** Characters buffered before they go to the stream (about 1 MB of UTF-8 for Finnish text). */
const CHUNK_CHARS = 1 << 20;

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
  private buffer: string[] = [];
  private buffered = 0;
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

  write(text: string): void {
    this.buffer.push(text);
    this.buffered += text.length;
  }

  /** Hands what is buffered to the file once there is a chunk of it, and waits while the disk is behind. */
  async drain(force = false): Promise<void> {
    this.check();
    if (this.buffered === 0 || (!force && this.buffered < CHUNK_CHARS)) return;
    const stream = await this.open();
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.buffered = 0;
    if (!stream.write(chunk, 'utf8')) {
      await drained(stream);
    }
    this.check();
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
