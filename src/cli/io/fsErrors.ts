/**
 * File-system errors as one line a person can act on, naming the file: a read-only folder, a
 * folder where a file should be, a full disk, a name too long. Anything else keeps the
 * system's own words (and its code) rather than a stack trace.
 */
import { UserError } from '../../core/errors';

const REASONS: Record<string, { file: string; folder: string }> = {
  EACCES: {
    file: 'cannot be written: permission denied (a read-only folder?); choose another --out',
    folder: 'cannot be written into: permission denied (a read-only folder?); choose another --out',
  },
  EPERM: {
    file: 'cannot be written: the operation is not permitted; choose another --out',
    folder: 'cannot be written into: the operation is not permitted; choose another --out',
  },
  EROFS: {
    file: 'cannot be written: the disk is read-only; choose another --out',
    folder: 'cannot be written into: the disk is read-only; choose another --out',
  },
  EISDIR: {
    file: 'is a folder, not a file; remove or rename that folder, or choose another --out',
    folder: 'is a folder, not a file',
  },
  ENOTDIR: {
    file: 'cannot be written: a file stands where a folder of that path should be; choose another --out',
    folder: 'is a file, not a folder; choose another --out',
  },
  ENOSPC: {
    file: 'cannot be written: the disk is full; free some space or choose another --out. Nothing was changed',
    folder: 'cannot be written into: the disk is full; free some space or choose another --out. Nothing was changed',
  },
  EDQUOT: {
    file: 'cannot be written: your disk quota is used up; free some space or choose another --out',
    folder: 'cannot be written into: your disk quota is used up; free some space or choose another --out',
  },
  ENAMETOOLONG: {
    file: 'cannot be written: the name is too long for the file system; choose a shorter --out',
    folder: 'cannot be written into: the path is too long for the file system; choose a shorter --out',
  },
  ENOENT: {
    file: 'cannot be written: its folder does not exist',
    folder: 'does not exist',
  },
  EEXIST: {
    file: 'already exists and cannot be replaced; choose another --out',
    folder: 'is a file, not a folder; choose another --out',
  },
  EMFILE: {
    file: 'cannot be written: too many files are open; try again',
    folder: 'cannot be written into: too many files are open; try again',
  },
};

/** A file-system error (`e.code`) on `path` as a UserError; other errors come back unchanged. */
export function fileSystemError(e: unknown, path: string, what: 'file' | 'folder'): unknown {
  if (e instanceof UserError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (!code) return e;
  const reason = REASONS[code]?.[what] ?? `cannot be written (${code}: ${(e as Error).message.split('\n')[0]})`;
  return new UserError(reason, { file: path });
}

/** The same for reading: a missing file, a folder given for a file, no permission. */
export function readError(e: unknown, path: string): unknown {
  if (e instanceof UserError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (!code) return e;
  const why =
    code === 'ENOENT'
      ? 'file not found'
      : code === 'EISDIR'
        ? 'is a folder, not a file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'cannot be read: permission denied'
          : code === 'ENAMETOOLONG'
            ? 'the name is too long for the file system'
            : code === 'ENOTDIR'
              ? 'a part of the path is a file, not a folder'
              : `cannot be read (${code})`;
  return new UserError(why, { file: path });
}
