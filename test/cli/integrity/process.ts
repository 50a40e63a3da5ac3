/**
 * The built `rajaus` as a process, in a temporary folder of its own: what a user runs, with
 * real signals and exit codes. Builds dist/cli.js once per test file.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
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
 * The CPU time a process has used so far, in milliseconds (user + system, every thread), from
 * /proc; null where there is no /proc (not Linux) or the process is gone.
 */
export function cpuMsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name (in parentheses, which may hold spaces): utime and
    // stime are the 12th and 13th, in clock ticks of 10 ms (USER_HZ is 100 on Linux).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * Starts `rajaus`, sends `signal` when `ready(stdout+stderr)` says the run is under way (or
 * after `afterMs`), and resolves with the exit, how long it took to stop after the signal
 * (`stopMs`, wall clock) and how much CPU it used meanwhile (`stopCpuMs`).
 *
 * `stopCpuMs` is what to bound on a shared machine: a signal not heard until a pass of work
 * ends costs that pass's CPU time whatever the load, where the wall clock stretches with every
 * other process on the cores (a 0.7 s stop became 2–3 s with four test runs side by side). It
 * is read from /proc every 20 ms, so it misses at most the last 20 ms of CPU; -1 where there
 * is no /proc.
 *
 * A signal that comes while the CLI still loads its modules ends it by the signal itself, at
 * once (bin/rajaus.js, src/cli/io/preload.ts): `killedBy` names it. With `afterMs` that means the
 * machine was too slow for the run to be under way yet, and the run is started again with the
 * signal a second later (twice at most), so that what a test signals is the work it meant to;
 * `loadingRetries` counts those.
 */
export async function interrupt(
  cwd: string,
  args: string[],
  opts: {
    signal?: NodeJS.Signals;
    afterMs?: number;
    ready?: (output: string) => boolean;
    /** How long after `ready` the signal goes (default at once). */
    afterReadyMs?: number;
    /** Take a death by the signal as the result (a test of the loading phase itself). */
    noRetry?: boolean;
  },
): Promise<Interrupted> {
  let r = await interruptOnce(cwd, args, opts);
  for (let retry = 1; retry <= 2 && !opts.noRetry && opts.afterMs !== undefined && r.killedBy; retry++) {
    console.info(`rajaus ${args[0]}: the signal ${opts.afterMs} ms after the start came while it was loading; again, a second later`);
    r = { ...(await interruptOnce(cwd, args, { ...opts, afterMs: opts.afterMs + 1000 * retry })), loadingRetries: retry };
  }
  return r;
}

export interface Interrupted extends Ran {
  stopMs: number;
  stopCpuMs: number;
  signalled: boolean;
  /** The signal that ended the process (its default action, while loading), or null for an exit. */
  killedBy: NodeJS.Signals | null;
  loadingRetries: number;
}

function interruptOnce(
  cwd: string,
  args: string[],
  opts: { signal?: NodeJS.Signals; afterMs?: number; ready?: (output: string) => boolean; afterReadyMs?: number },
): Promise<Interrupted> {
  return new Promise((resolveRun) => {
    const child: ChildProcess = spawn(process.execPath, [BIN, ...args, '--lang', 'en'], { cwd });
    let output = '';
    let stdout = '';
    let stderr = '';
    let sentAt = 0;
    let cpuAtSignal: number | null = null;
    let cpuLastSeen: number | null = null;
    const send = () => {
      if (sentAt) return;
      cpuAtSignal = cpuLastSeen = cpuMsOf(child.pid!);
      sentAt = Date.now();
      child.kill(opts.signal ?? 'SIGINT');
    };
    const cpuWatch = setInterval(() => {
      if (!sentAt) return;
      const cpu = cpuMsOf(child.pid!);
      if (cpu !== null) cpuLastSeen = cpu;
    }, 20);
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
    child.on('exit', (code, killedBy) => {
      if (timer) clearTimeout(timer);
      if (readyTimer) clearTimeout(readyTimer);
      clearInterval(cpuWatch);
      const stopCpuMs = cpuAtSignal !== null && cpuLastSeen !== null ? cpuLastSeen - cpuAtSignal : -1;
      resolveRun({ status: code, stdout, stderr, stopMs: sentAt ? Date.now() - sentAt : -1, stopCpuMs, signalled: sentAt > 0, killedBy, loadingRetries: 0 });
    });
  });
}

/** Every entry of a folder, hidden ones included, sorted. */
export function entries(dir: string): string[] {
  return readdirSync(dir).sort();
}
