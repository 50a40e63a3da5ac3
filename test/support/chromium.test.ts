import { candidatePaths, findChromium, isDebianLike, planForMissing, runIncludesBrowserTests, type ChromiumHost } from './chromium';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nID=debian\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
const MINT = 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';

function host(platform: NodeJS.Platform, files: string[], env: Record<string, string | undefined> = {}): ChromiumHost {
  const set = new Set(files);
  return { platform, env, exists: (p) => set.has(p) };
}

describe('findChromium', () => {
  it("takes RAJAUS_CHROMIUM first, even over Debian's /usr/bin/chromium", () => {
    const h = host('linux', ['/usr/bin/chromium', '/opt/my/chrome'], { RAJAUS_CHROMIUM: '/opt/my/chrome' });
    expect(findChromium(h)).toEqual({ path: '/opt/my/chrome', from: 'RAJAUS_CHROMIUM' });
  });

  it('refuses a RAJAUS_CHROMIUM that does not exist instead of silently using another browser', () => {
    const h = host('linux', ['/usr/bin/chromium'], { RAJAUS_CHROMIUM: '/nope/chrome' });
    expect(() => findChromium(h)).toThrow('RAJAUS_CHROMIUM=/nope/chrome does not exist');
  });

  it("finds Debian's chromium, then Chrome and Edge in their Linux places", () => {
    expect(findChromium(host('linux', ['/usr/bin/chromium']))?.path).toBe('/usr/bin/chromium');
    expect(findChromium(host('linux', ['/opt/google/chrome/chrome']))?.path).toBe('/opt/google/chrome/chrome');
    expect(findChromium(host('linux', ['/usr/bin/microsoft-edge-stable']))?.path).toBe('/usr/bin/microsoft-edge-stable');
    expect(findChromium(host('linux', ['/snap/bin/chromium']))?.path).toBe('/snap/bin/chromium');
    expect(findChromium(host('linux', []))).toBeNull();
  });

  it('finds Chrome, Chromium or Edge in /Applications or ~/Applications on macOS', () => {
    expect(findChromium(host('darwin', ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']))?.path).toBe(
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    );
    const edge = '/Users/aino/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    expect(findChromium(host('darwin', [edge], { HOME: '/Users/aino' }))?.path).toBe(edge);
    // A Linux path means nothing on a Mac.
    expect(findChromium(host('darwin', ['/usr/bin/chromium']))).toBeNull();
  });

  it('finds Chrome or Edge under Program Files and the user’s LocalAppData on Windows', () => {
    expect(findChromium(host('win32', ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe']))?.path).toBe(
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    );
    const local = 'C:\\Users\\aino\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findChromium(host('win32', [local], { LOCALAPPDATA: 'C:\\Users\\aino\\AppData\\Local' }))?.path).toBe(local);
    const d = 'D:\\Apps\\Google\\Chrome\\Application\\chrome.exe';
    expect(findChromium(host('win32', [d], { PROGRAMFILES: 'D:\\Apps' }))?.path).toBe(d);
  });

  it('prefers Chrome over Edge on Windows when both are there, as listed', () => {
    const paths = candidatePaths({ platform: 'win32', env: {} });
    expect(paths.indexOf('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe')).toBeLessThan(
      paths.indexOf('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe'),
    );
  });
});

describe('when no browser is found', () => {
  it('installs chromium with apt-get on Debian and Ubuntu (and their derivatives) as root', () => {
    for (const os of [DEBIAN, UBUNTU, MINT]) {
      const plan = planForMissing({ platform: 'linux' }, os, 0);
      expect(plan).toEqual({
        action: 'apt-get',
        command: ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'],
      });
    }
  });

  it('does not try apt-get without root, on other distributions or other systems; says in one line what to install', () => {
    const cases: [NodeJS.Platform, string | null, number | undefined, string][] = [
      ['linux', DEBIAN, 1000, 'sudo apt-get install chromium'],
      ['linux', FEDORA, 0, "your system's package manager"],
      ['darwin', null, undefined, 'Google Chrome'],
      ['win32', null, undefined, 'Microsoft Edge'],
    ];
    for (const [platform, os, uid, says] of cases) {
      const plan = planForMissing({ platform }, os, uid);
      expect(plan.action).toBe('stop');
      if (plan.action !== 'stop') continue;
      expect(plan.message).toContain(says);
      expect(plan.message).toContain('RAJAUS_CHROMIUM');
      expect(plan.message).not.toContain('\n');
    }
  });

  it('reads /etc/os-release IDs, quoted or not', () => {
    expect(isDebianLike(DEBIAN)).toBe(true);
    expect(isDebianLike(MINT)).toBe(true);
    expect(isDebianLike(FEDORA)).toBe(false);
    expect(isDebianLike('ID=debianish\n')).toBe(false);
    expect(isDebianLike(null)).toBe(false);
  });

  it('stops the whole run only when it surely includes the browser tests', () => {
    expect(runIncludesBrowserTests([], [])).toBe(true);
    expect(runIncludesBrowserTests(['test/e2e/search'], [])).toBe(true);
    expect(runIncludesBrowserTests([], ['e2e'])).toBe(false); // npm run test:unit
    expect(runIncludesBrowserTests(['test/core'], [])).toBe(false);
  });
});
