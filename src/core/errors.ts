/**
 * Errors a person can act on. A `UserError` says what is wrong and where (file, row, column)
 * in words; the CLI prints `message` as one line and exits non-zero, the pane shows it in a
 * message bar. Anything that is not a UserError is a bug and is reported as such.
 */
export interface Location {
  /** File name or sheet name as the user knows it. */
  file?: string;
  /** 1-based row number as the user sees it (header row = 1). */
  row?: number;
  /** Column header as written in the file. */
  column?: string;
}

export class UserError extends Error {
  readonly location: Location;
  /** Technical particulars (a service's address, a library's own message) that help support but
   *  would only confuse in the message itself; the pane shows them behind a disclosure and the
   *  CLI after the message. */
  readonly details?: string;
  constructor(message: string, location: Location = {}, details?: string) {
    super(formatWithLocation(message, location));
    this.name = 'UserError';
    this.location = location;
    if (details) this.details = details;
  }
}

/** Thrown when the user cancels a run; the workbook is left as it was. */
export class CancelledError extends Error {
  constructor(message = 'Cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

export function formatWithLocation(message: string, loc: Location): string {
  const parts: string[] = [];
  if (loc.file) parts.push(loc.file);
  if (loc.row !== undefined) parts.push(`row ${loc.row}`);
  if (loc.column) parts.push(`column '${loc.column}'`);
  return parts.length ? `${parts.join(', ')}: ${message}` : message;
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}

export function isCancel(error: unknown): boolean {
  return error instanceof CancelledError || (error instanceof Error && error.name === 'AbortError');
}

/**
 * A library's own message (ExcelJS, JSZip, JSON.parse), made fit to show in parentheses after
 * a message in the user's language: one line, printable characters only (a parser's message
 * about a binary file quotes the bytes it choked on, NULs and all), at most 120 characters.
 */
export function libraryCause(error: unknown): string {
  const raw = error instanceof Error ? error.message || error.name : String(error);
  const printable = raw
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\ufffd]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return printable.length > 120 ? `${printable.slice(0, 119)}…` : printable;
}
