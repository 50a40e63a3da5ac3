/**
 * Errors a person can act on. A `UserError` says what is wrong and where (file, row, column)
 * in words; the CLI prints it as one line and exits non-zero, the pane shows it in a message
 * bar, both in the user's language (`userMessage`). Anything that is not a UserError is a bug
 * and is reported as such.
 */
import { DEFAULT_LANG, defineMessages, type Lang } from './i18n/lang';

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
  /** What is wrong, without the location (`message` is both, in `lang`). */
  readonly text: string;
  /** Technical particulars (a service's address, a library's own message) that help support but
   *  would only confuse in the message itself; the pane shows them behind a disclosure and the
   *  CLI after the message. */
  readonly details?: string;
  /**
   * `message` in the language of the user who will read it; the location is put before it in
   * `lang` (Finnish unless said). Where it is shown, `userMessage` says the location again in
   * the reader's language, so a thrower that does not know the language needs not pass one.
   */
  constructor(message: string, location: Location = {}, details?: string, lang: Lang = DEFAULT_LANG) {
    super(formatWithLocation(message, location, lang));
    this.name = 'UserError';
    this.text = message;
    this.location = location;
    if (details) this.details = details;
  }
}

/** A UserError as plain data, to post from a worker thread (reviveUserError takes it back). */
export interface UserErrorData {
  text: string;
  location: Location;
  details?: string;
}

export function userErrorData(error: UserError): UserErrorData {
  return { text: error.text, location: error.location, ...(error.details ? { details: error.details } : {}) };
}

/** The UserError a worker posted; `message` alone from a sender that posts no data. */
export function reviveUserError(message: string, data?: UserErrorData): UserError {
  return data ? new UserError(data.text, data.location, data.details) : new UserError(message);
}

/**
 * A UserError as the user reads it: its location ("lista.csv, rivi 12, sarake 'Puhelin'") in
 * `lang`, then what is wrong. Before, the location was English in every language
 * ("lista.csv, row 12: lainausmerkki …").
 */
export function userMessage(error: UserError, lang: Lang): string {
  return formatWithLocation(error.text, error.location, lang);
}

/** Thrown when the user cancels a run; the workbook is left as it was. */
export class CancelledError extends Error {
  constructor(message = 'Cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

const t = defineMessages({
  fi: { row: 'rivi {row}', column: "sarake '{column}'" },
  en: { row: 'row {row}', column: "column '{column}'" },
  sv: { row: 'rad {row}', column: "kolumn '{column}'" },
});

/** "FILE, row N, column 'C': message", the location in `lang` (Finnish unless said). */
export function formatWithLocation(message: string, loc: Location, lang: Lang = DEFAULT_LANG): string {
  const parts: string[] = [];
  if (loc.file) parts.push(loc.file);
  if (loc.row !== undefined) parts.push(t(lang, 'row', { row: loc.row }));
  if (loc.column) parts.push(t(lang, 'column', { column: loc.column }));
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
  return oneLineText(error instanceof Error ? error.message || error.name : String(error));
}

/**
 * Text fit to quote in a one-line message: printable characters only (control characters and
 * line breaks as a space), runs of space as one, at most 120 characters.
 */
export function oneLineText(raw: string): string {
  const printable = raw
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\ufffd]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return printable.length > 120 ? `${printable.slice(0, 119)}…` : printable;
}
