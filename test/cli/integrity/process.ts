/**
 * The built `rajaus` as a process, in a temporary folder of its own: what a user runs, with
 * real signals and exit codes. Builds dist/cli.js once per test file.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
const BIN = join(ROOT, 'bin', 'rajaus.js');

export function buildCli(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
}

export function useTempDir(prefix: string): { dir: string } {
  const box = { dir: '' };
  beforeEach(() => {
    box.dir = mkdtempSync(join(tmpdir(), `rajaus-${prefix}-`));
  });
  afterEach(() => rmSync(box.dir, { recursive: true, force: true }));
  return box;
}

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function rajaus(cwd: string, args: string[]): Ran {
  const r = spawnSync(process.execPath, [BIN, ...args, '--lang', 'en'], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Starts `rajaus`, sends `signal` when `ready(stdout+stderr)` says the run is under way (or
 * after `afterMs`), and resolves with the exit and how long it took to stop after the signal.
 */
export function interrupt(
  cwd: string,
  args: string[],
  opts: {
    signal?: NodeJS.Signals;
    afterMs?: number;
    ready?: (output: string) => boolean;
    /** How long after `ready` the signal goes (default at once). */
    afterReadyMs?: number;
  },
): Promise<Ran & { stopMs: number; signalled: boolean }> {
  return new Promise((resolveRun) => {
    const child: ChildProcess = spawn(process.execPath, [BIN, ...args, '--lang', 'en'], { cwd });
    let output = '';
    let stdout = '';
    let stderr = '';
    let sentAt = 0;
    const send = () => {
      if (sentAt) return;
      sentAt = Date.now();
      child.kill(opts.signal ?? 'SIGINT');
    };
    let readyTimer: NodeJS.Timeout | undefined;
    const check = () => {
      if (readyTimer || !opts.ready?.(output)) return;
      if (opts.afterReadyMs) readyTimer = setTimeout(send, opts.afterReadyMs);
      else send();
    };
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d;
      output += d;
      check();
    });
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d;
      output += d;
      check();
    });
    const timer = opts.afterMs !== undefined ? setTimeout(send, opts.afterMs) : undefined;
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      if (readyTimer) clearTimeout(readyTimer);
      resolveRun({ status: code, stdout, stderr, stopMs: sentAt ? Date.now() - sentAt : -1, signalled: sentAt > 0 });
    });
  });
}

/** Every entry of a folder, hidden ones included, sorted. */
export function entries(dir: string): string[] {
  return readdirSync(dir).sort();
}
