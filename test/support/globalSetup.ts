/**
 * Jest's globalSetup: makes sure the browser tests have a browser (test/support/chromium.ts).
 * Found: its path goes to the test workers as RAJAUS_CHROMIUM. Missing on Debian/Ubuntu as
 * root: `apt-get install chromium`. Missing elsewhere: one line saying what to install, and the
 * run stops when it includes the browser tests.
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

function osRelease(): string | null {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return null;
  }
}

export default async function globalSetup(globalConfig: GlobalConfigLike = {}, projectConfig: ProjectConfigLike = {}): Promise<void> {
  const host: ChromiumHost = { platform: process.platform, env: process.env, exists: existsSync };
  let found;
  try {
    found = findChromium(host);
  } catch (e) {
    process.stderr.write(`\n${(e as Error).message}\n`);
    process.exit(1);
  }
  if (!found) {
    const plan = planForMissing(host, osRelease(), process.getuid?.());
    if (plan.action === 'apt-get') {
      process.stderr.write(`\nNo Chromium found: installing it for the browser tests (${plan.command.join(' ')})…\n`);
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
      const install = update.status === 0 ? spawnSync(plan.command[0]!, plan.command.slice(1), { stdio: 'inherit', env }) : update;
      if (install.status !== 0) {
        process.stderr.write(
          'apt-get could not install chromium: install it yourself (apt-get install chromium) or set RAJAUS_CHROMIUM.\n',
        );
        process.exit(1);
      }
      found = findChromium(host);
    } else {
      const raw = globalConfig.testPathPatterns;
      const patterns = Array.isArray(raw) ? raw : (raw?.patterns ?? []);
      if (runIncludesBrowserTests(patterns, projectConfig.testPathIgnorePatterns ?? [])) {
        process.stderr.write(`\n${plan.message}\n`);
        process.exit(1);
      }
      // A run of other tests: a browser test among them fails with this line when it starts one.
      process.env.RAJAUS_CHROMIUM_MISSING = plan.message;
      return;
    }
  }
  if (found) process.env.RAJAUS_CHROMIUM = found.path;
}
