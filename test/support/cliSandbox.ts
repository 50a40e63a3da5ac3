/**
 * For tests that run `rajaus` in-process: a fresh temporary folder per test and the lines the
 * command printed (stdout and stderr), restored and removed after each test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CliSandbox {
  /** The test's own temporary folder. */
  dir: string;
  /** Lines printed to stdout (console.log) and stderr (console.error). */
  out: string[];
  err: string[];
}

export function useCliSandbox(prefix: string): CliSandbox {
  const box: CliSandbox = { dir: '', out: [], err: [] };
  beforeEach(() => {
    box.dir = mkdtempSync(join(tmpdir(), `rajaus-${prefix}-`));
    box.out = [];
    box.err = [];
    jest.spyOn(console, 'log').mockImplementation((s: string) => void box.out.push(String(s)));
    jest.spyOn(console, 'error').mockImplementation((s: string) => void box.err.push(String(s)));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(box.dir, { recursive: true, force: true });
  });
  return box;
}
