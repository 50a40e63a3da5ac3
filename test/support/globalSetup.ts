/**
 * Jest's globalSetup: makes sure the browser tests have a browser (test/support/chromium.ts).
 * Found: its path goes to the test workers as RAJAUS_CHROMIUM. Missing on Debian/Ubuntu as
 * root: `apt-get install chromium`. Missing elsewhere: one line saying what to install, and the
 * run stops when it includes the browser tests.
 *
 * The steps are `ensureBrowser`, with the machine (files, OS, uid, apt-get, stderr, exit)
 * passed in, so test/support/globalSetup.test.ts can play a machine without a browser on the
 * machine that has one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { findChromium, planForMissing, runIncludesBrowserTests, type ChromiumHost } from './chromium';

interface GlobalConfigLike {
  testPathPatterns?: { patterns?: string[] } | string[];
}
interface ProjectConfigLike {
  testPathIgnorePatterns?: string[];
}

/** The machine as ensureBrowser sees it. */
export interface BrowserMachine extends ChromiumHost {
  osRelease: string | null;
  uid: number | undefined;
  /** Runs a command with the terminal; its exit status. */
  run(command: string, args: string[]): number | null;
  stderr(text: string): void;
  /** Ends the run (process.exit in Jest; a throw in tests). */
  exit(code: number): never;
}

function osRelease(): string | null {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return null;
  }
}

/**
 * The browser's path, or null when none is needed by this run (its missing-browser line is then
 * returned for the browser tests to throw). Stops the run through `m.exit` otherwise.
 */
export function ensureBrowser(
  m: BrowserMachine,
  testPathPatterns: readonly string[],
  ignorePatterns: readonly string[],
): { path: string } | { missing: string } {
  let found;
  try {
    found = findChromium(m);
  } catch (e) {
    m.stderr(`\n${(e as Error).message}\n`);
    return m.exit(1);
  }
  if (found) return { path: found.path };
  const plan = planForMissing(m, m.osRelease, m.uid);
  if (plan.action === 'apt-get') {
    m.stderr(`\nNo Chromium found: installing it for the browser tests (${plan.command.join(' ')})…\n`);
    const update = m.run('apt-get', ['update']);
    const install = update === 0 ? m.run(plan.command[0]!, plan.command.slice(1)) : update;
    found = install === 0 ? findChromium(m) : null;
    if (!found) {
      m.stderr('apt-get could not install chromium: install it yourself (apt-get install chromium) or set RAJAUS_CHROMIUM.\n');
      return m.exit(1);
    }
    return { path: found.path };
  }
  if (runIncludesBrowserTests(testPathPatterns, ignorePatterns)) {
    m.stderr(`\n${plan.message}\n`);
    return m.exit(1);
  }
  // A run of other tests: a browser test among them fails with this line when it starts one.
  return { missing: plan.message };
}

export default async function globalSetup(globalConfig: GlobalConfigLike = {}, projectConfig: ProjectConfigLike = {}): Promise<void> {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const machine: BrowserMachine = {
    platform: process.platform,
    env: process.env,
    exists: existsSync,
    osRelease: osRelease(),
    uid: process.getuid?.(),
    run: (command, args) => spawnSync(command, args, { stdio: 'inherit', env }).status,
    stderr: (text) => process.stderr.write(text),
    exit: (code) => process.exit(code),
  };
  const raw = globalConfig.testPathPatterns;
  const patterns = Array.isArray(raw) ? raw : (raw?.patterns ?? []);
  const outcome = ensureBrowser(machine, patterns, projectConfig.testPathIgnorePatterns ?? []);
  if ('path' in outcome) process.env.RAJAUS_CHROMIUM = outcome.path;
  else process.env.RAJAUS_CHROMIUM_MISSING = outcome.missing;
}
