/**
 * A run's output files as one unit. Every file of a run is written into a staging folder next
 * to its target (`.rajaus-run-<pid>-<n>` in the same folder, so the final renames stay on one
 * file system), and only when all are complete are they renamed into place, one after another
 * within milliseconds, under a journal:
 *
 * 1. `journal.json` in the staging folder lists the files to move in and the files to remove;
 * 2. each file is renamed over its target; removals follow; 3. the staging folder goes.
 *
 * A run killed before step 1 leaves only its staging folder, which the next run into the same
 * folder removes. A run killed during step 2 leaves the journal, and the next run finishes the
 * swap (rolls forward), so the folder never keeps a mix of old and new files. Ctrl-C during
 * the swap waits for it (cancel.ts); before it, the staging folder is removed at once.
 *
 * A multi-part export names its parts in a manifest (`<name>.parts.json`); a later run removes
 * the parts the previous manifest listed that it did not write again, so an export in fewer
 * parts does not leave an old `calls-3.csv` beside the new ones.
 */
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CancelledError } from '../../core/errors';
import { onForcedExit, uninterruptible } from './cancel';
import { fileSystemError } from './fsErrors';

const STAGING_PREFIX = '.rajaus-run-';
const JOURNAL = 'journal.json';
let stagingCounter = 0;

interface Journal {
  /** Names in the staging folder, each renamed to the same name in the target folder. */
  moveIn: string[];
  /** Names in the target folder to remove after the moves. */
  remove: string[];
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Finishes a journalled swap that a killed run left half done. */
function rollForward(dir: string, staging: string, journal: Journal): void {
  for (const name of journal.moveIn) {
    const from = join(staging, name);
    if (existsSync(from)) renameSync(from, join(dir, name));
  }
  for (const name of journal.remove) rmSync(join(dir, name), { force: true });
}

/**
 * Removes what killed runs left in `dir`: staging folders of processes that are gone (a
 * journalled one is finished first), and the `.NAME.PID.N.tmp` files of the older writer.
 * Returns the names it cleaned up.
 */
export function cleanLeftovers(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const cleaned: string[] = [];
  for (const name of names) {
    const staged = new RegExp(`^${STAGING_PREFIX.replace('.', '\\.')}(\\d+)-\\d+$`).exec(name);
    const oldTmp = /^\..+\.(\d+)\.\d+\.tmp$/.exec(name);
    const pid = Number((staged ?? oldTmp)?.[1]);
    if ((!staged && !oldTmp) || pidAlive(pid)) continue;
    const path = join(dir, name);
    try {
      if (staged && statSync(path).isDirectory()) {
        const journalPath = join(path, JOURNAL);
        if (existsSync(journalPath)) rollForward(dir, path, JSON.parse(readFileSync(journalPath, 'utf8')) as Journal);
        rmSync(path, { recursive: true, force: true });
      } else if (oldTmp) {
        unlinkSync(path);
      }
      cleaned.push(name);
    } catch {
      // Not ours to judge (permissions): leave it.
    }
  }
  return cleaned;
}

export interface RunOutputsOptions {
  signal?: AbortSignal;
  /**
   * A manifest of this run's parts, written with them (`calls.parts.json`); the previous
   * manifest of that name says which old parts to remove.
   */
  manifest?: {
    name: string;
    about: Record<string, unknown>;
    /** False: this run's one file needs no manifest; an earlier one (and its parts) goes. */
    write?: boolean;
  };
}

/** The files of one run into one folder. */
export class RunOutputs {
  private staging: string | null = null;
  private readonly files: string[] = [];
  private readonly removals = new Set<string>();
  private unregister: (() => void) | null = null;
  /** Parts of an earlier export that this run removed (for the summary). */
  readonly removedParts: string[] = [];

  constructor(
    readonly dir: string,
    private readonly opts: RunOutputsOptions = {},
  ) {}

  private async stagingDir(): Promise<string> {
    if (this.staging) return this.staging;
    try {
      await mkdir(this.dir, { recursive: true });
    } catch (e) {
      throw fileSystemError(e, this.dir, 'folder');
    }
    cleanLeftovers(this.dir);
    const staging = join(this.dir, `${STAGING_PREFIX}${process.pid}-${++stagingCounter}`);
    try {
      await mkdir(staging);
    } catch (e) {
      throw fileSystemError(e, this.dir, 'folder');
    }
    this.staging = staging;
    this.unregister = onForcedExit(() => rmSync(staging, { recursive: true, force: true }));
    return staging;
  }

  private check(): void {
    if (this.opts.signal?.aborted) throw new CancelledError();
  }

  /** Writes one output (a plain file name in the folder) into the staging folder. */
  async write(name: string, data: string | Uint8Array): Promise<void> {
    this.check();
    if (basename(name) !== name) throw new Error(`output name '${name}' must be a plain file name`);
    const staging = await this.stagingDir();
    try {
      await writeFile(join(staging, name), data);
    } catch (e) {
      await this.discard();
      throw fileSystemError(e, join(this.dir, name), 'file');
    }
    this.files.push(name);
    if (this.opts.signal?.aborted) {
      await this.discard();
      throw new CancelledError();
    }
  }

  /**
   * The staging path for an output that a writer of its own puts there (a streamed .xlsx); it
   * is swapped in with the others at commit.
   */
  async stagedPath(name: string): Promise<string> {
    this.check();
    if (basename(name) !== name) throw new Error(`output name '${name}' must be a plain file name`);
    const staging = await this.stagingDir();
    this.files.push(name);
    return join(staging, name);
  }

  /**
   * A path in the staging folder for a file whose output name is known only when it is complete
   * (the parts of an export: FILE.csv alone, or FILE-1.csv, FILE-2.csv… when more follow). It is
   * not an output until `adopt` names it; otherwise it goes with the staging folder.
   */
  async scratchPath(name: string): Promise<string> {
    this.check();
    if (basename(name) !== name) throw new Error(`scratch name '${name}' must be a plain file name`);
    return join(await this.stagingDir(), `.scratch-${name}`);
  }

  /** Makes a complete scratch file (scratchPath) the output `name`, swapped in at commit. */
  async adopt(scratchName: string, name: string): Promise<void> {
    if (basename(name) !== name) throw new Error(`output name '${name}' must be a plain file name`);
    const staging = await this.stagingDir();
    try {
      await rename(join(staging, `.scratch-${scratchName}`), join(staging, name));
    } catch (e) {
      throw fileSystemError(e, join(this.dir, name), 'file');
    }
    this.files.push(name);
  }

  /** A file of an earlier run that this run does not write again and that must go with the swap. */
  removeStale(name: string): void {
    this.removals.add(name);
  }

  /** Swaps every written file in at once (see the module comment); cancelled runs write nothing. */
  async commit(): Promise<void> {
    try {
      this.check();
      const staging = await this.stagingDir();
      if (this.opts.manifest) await this.writeManifest(this.opts.manifest);
      this.check();
      const journal: Journal = { moveIn: [...this.files], remove: [...this.removals].filter((n) => !this.files.includes(n)) };
      // What would stop a rename half-way is checked before the first one: a folder in the way.
      for (const name of journal.moveIn) {
        const target = join(this.dir, name);
        const found = await stat(target).catch(() => null);
        if (found?.isDirectory()) throw fileSystemError(Object.assign(new Error('is a folder'), { code: 'EISDIR' }), target, 'file');
      }
      await uninterruptible(async () => {
        await writeFile(join(staging, JOURNAL), JSON.stringify(journal));
        for (const name of journal.moveIn) {
          try {
            await rename(join(staging, name), join(this.dir, name));
          } catch (e) {
            throw fileSystemError(e, join(this.dir, name), 'file');
          }
        }
        for (const name of journal.remove) await rm(join(this.dir, name), { force: true });
        await rm(staging, { recursive: true, force: true });
      });
    } catch (e) {
      await this.discard();
      throw e;
    }
    this.unregister?.();
  }

  /** Removes the staging folder (on an error or a cancel); the target folder is as it was. */
  async discard(): Promise<void> {
    this.unregister?.();
    if (!this.staging) return;
    const staging = this.staging;
    this.staging = null;
    // A journal means files already moved in: finish the swap rather than leave a mix.
    if (existsSync(join(staging, JOURNAL))) {
      try {
        rollForward(this.dir, staging, JSON.parse(readFileSync(join(staging, JOURNAL), 'utf8')) as Journal);
      } catch {
        return; // the next run tries again
      }
    }
    await rm(staging, { recursive: true, force: true });
  }

  private async writeManifest(manifest: NonNullable<RunOutputsOptions['manifest']>): Promise<void> {
    const previous = readManifest(join(this.dir, manifest.name));
    for (const part of previous) {
      if (!this.files.includes(part) && basename(part) === part) {
        this.removals.add(part);
        if (existsSync(join(this.dir, part))) this.removedParts.push(part);
      }
    }
    if (manifest.write === false) {
      this.removals.add(manifest.name);
      return;
    }
    const body = { ...manifest.about, parts: [...this.files], writtenAt: new Date().toISOString() };
    await this.write(manifest.name, JSON.stringify(body, null, 2) + '\n');
  }
}

/** The parts an earlier manifest listed (none when there is none or it is unreadable). */
export function readManifest(path: string): string[] {
  try {
    const parts = (JSON.parse(readFileSync(path, 'utf8')) as { parts?: unknown }).parts;
    return Array.isArray(parts) ? parts.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}
