/**
 * Finding a Chromium-family browser for the browser tests, so that `npm ci && npm test` passes
 * on a fresh machine: RAJAUS_CHROMIUM first, then Debian's /usr/bin/chromium, then Chromium,
 * Chrome and Edge where their installers put them on Linux, macOS and Windows. On Debian or
 * Ubuntu as root with none found, `chromium` is installed with apt-get (jest's globalSetup,
 * test/support/globalSetup.ts); anywhere else the run stops with one line saying what to install.
 *
 * Pure but for the injected `exists`, `env` and `platform`, so the unit test can play every OS.
 */

export interface ChromiumHost {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  exists(path: string): boolean;
}

/** Where each platform's installers put a Chromium-family browser, most likely first. */
export function candidatePaths(host: Pick<ChromiumHost, 'platform' | 'env'>): string[] {
  const { platform, env } = host;
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
    const home = env.HOME ? apps.map((a) => `${env.HOME}/Applications/${a}`) : [];
    return [...apps.map((a) => `/Applications/${a}`), ...home];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES ?? 'C:\\Program Files', env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', env.LOCALAPPDATA].filter(
      (r): r is string => Boolean(r),
    );
    const exes = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
      'Chromium\\Application\\chrome.exe',
    ];
    return exes.flatMap((exe) => roots.map((root) => `${root}\\${exe}`));
  }
  // Linux and the BSDs: distribution packages, then Google's and Microsoft's own packages, snap.
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/opt/microsoft/msedge/msedge',
    '/snap/bin/chromium',
  ];
}

export type ChromiumFound = { path: string; from: 'RAJAUS_CHROMIUM' | 'search' };

/**
 * The browser to use, or null. A RAJAUS_CHROMIUM that does not exist is an error (the user
 * asked for that one), not a reason to look elsewhere.
 */
export function findChromium(host: ChromiumHost): ChromiumFound | null {
  const chosen = host.env.RAJAUS_CHROMIUM?.trim();
  if (chosen) {
    if (!host.exists(chosen))
      throw new Error(`RAJAUS_CHROMIUM=${chosen} does not exist: point it at a Chromium, Chrome or Edge executable`);
    return { path: chosen, from: 'RAJAUS_CHROMIUM' };
  }
  const path = candidatePaths(host).find((p) => host.exists(p));
  return path ? { path, from: 'search' } : null;
}

/** Debian or Ubuntu (or a derivative), by /etc/os-release's ID and ID_LIKE. */
export function isDebianLike(osRelease: string | null): boolean {
  if (!osRelease) return false;
  const ids = [...osRelease.matchAll(/^(ID|ID_LIKE)=("?)([^"\n]*)\2$/gm)].flatMap((m) => m[3]!.split(/\s+/));
  return ids.some((id) => id === 'debian' || id === 'ubuntu');
}

export type MissingChromiumPlan = { action: 'apt-get'; command: string[] } | { action: 'stop'; message: string };

/** What to do when no browser was found: install it (Debian/Ubuntu as root) or say what to install. */
export function planForMissing(
  host: Pick<ChromiumHost, 'platform'>,
  osRelease: string | null,
  uid: number | undefined,
): MissingChromiumPlan {
  if (host.platform === 'linux' && isDebianLike(osRelease) && uid === 0) {
    return { action: 'apt-get', command: ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'] };
  }
  const what =
    host.platform === 'darwin'
      ? 'install Google Chrome (https://www.google.com/chrome/) or `brew install --cask chromium`'
      : host.platform === 'win32'
        ? 'install Google Chrome or Microsoft Edge'
        : isDebianLike(osRelease)
          ? 'run `sudo apt-get install chromium` (or run the tests as root and they will)'
          : "install Chromium or Google Chrome with your system's package manager";
  return {
    action: 'stop',
    message: `The browser tests need Chromium, Chrome or Edge and none was found: ${what}, or set RAJAUS_CHROMIUM to its executable.`,
  };
}

/**
 * Whether a Jest run surely includes the browser tests (files under test/e2e/): the whole suite,
 * or a path pattern naming e2e. Other runs (one unit test) are not stopped for a missing
 * browser; a browser test among them still fails with the same line when it starts one.
 */
export function runIncludesBrowserTests(testPathPatterns: readonly string[], ignorePatterns: readonly string[]): boolean {
  if (ignorePatterns.some((p) => /e2e/.test(p))) return false;
  if (testPathPatterns.length === 0) return true;
  return testPathPatterns.some((p) => /e2e/.test(p));
}
