/**
 * What `npm test` does about the browser before any test runs (test/support/globalSetup.ts),
 * played on machines without one: Debian as root installs chromium with apt-get; anywhere else
 * the run stops with one line saying what to install. The machine is passed in, so this runs on
 * a machine that has a browser without hiding it. The last test runs Jest itself in a child
 * process with a RAJAUS_CHROMIUM that does not exist: the real globalSetup stops it in one line.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureBrowser, type BrowserMachine } from './globalSetup';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

function machine(o: Partial<Pick<BrowserMachine, 'platform' | 'osRelease' | 'uid' | 'env'>> & { files?: string[]; aptWorks?: boolean }) {
  const files = new Set(o.files ?? []);
  const ran: string[] = [];
  let stderr = '';
  const m: BrowserMachine = {
    platform: o.platform ?? 'linux',
    env: o.env ?? {},
    osRelease: o.osRelease ?? null,
    uid: o.uid,
    exists: (p) => files.has(p),
    run: (command, args) => {
      ran.push([command, ...args].join(' '));
      if (!o.aptWorks) return 100;
      if (args.includes('chromium')) files.add('/usr/bin/chromium');
      return 0;
    },
    stderr: (text) => void (stderr += text),
    exit: (code) => {
      throw new Exit(code);
    },
  };
  return { m, ran, stderr: () => stderr };
}

/** The lines a stopped run printed, blank ones left out. */
const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

describe('npm test on a machine without a browser', () => {
  it('Debian as root: installs chromium with apt-get, then uses it', () => {
    const { m, ran, stderr } = machine({ osRelease: DEBIAN, uid: 0, aptWorks: true });
    expect(ensureBrowser(m, [], [])).toEqual({ path: '/usr/bin/chromium' });
    expect(ran).toEqual(['apt-get update', 'apt-get install -y --no-install-recommends chromium fonts-dejavu-core']);
    expect(stderr()).toContain('installing it for the browser tests');
  });

  it('Debian as root when apt-get fails: stops in one line', () => {
    const { m, stderr } = machine({ osRelease: DEBIAN, uid: 0, aptWorks: false });
    expect(() => ensureBrowser(m, [], [])).toThrow(new Exit(1));
    expect(lines(stderr()).filter((l) => !l.includes('installing it'))).toEqual([
      'apt-get could not install chromium: install it yourself (apt-get install chromium) or set RAJAUS_CHROMIUM.',
    ]);
  });

  const elsewhere: [string, Parameters<typeof machine>[0], string][] = [
    ['Debian, not root', { osRelease: DEBIAN, uid: 1000 }, 'run `sudo apt-get install chromium`'],
    ['Fedora as root', { osRelease: FEDORA, uid: 0 }, "with your system's package manager"],
    ['macOS', { platform: 'darwin', uid: 501 }, 'install Google Chrome'],
    ['Windows', { platform: 'win32' }, 'install Google Chrome or Microsoft Edge'],
  ];
  it.each(elsewhere)('%s: the whole run stops with one line saying what to install, and apt-get is not tried', (_name, o, says) => {
    const { m, ran, stderr } = machine(o);
    expect(() => ensureBrowser(m, [], [])).toThrow(new Exit(1));
    const printed = lines(stderr());
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^The browser tests need Chromium, Chrome or Edge and none was found: /);
    expect(printed[0]).toContain(says);
    expect(printed[0]).toContain('RAJAUS_CHROMIUM');
    expect(ran).toEqual([]);
  });

  it('a run without the browser tests (npm run test:unit, one unit file) is not stopped; a browser test would say the same line', () => {
    const { m, stderr } = machine({ osRelease: DEBIAN, uid: 1000 });
    const unit = ensureBrowser(m, [], ['e2e']);
    expect(unit).toEqual({ missing: expect.stringContaining('sudo apt-get install chromium') });
    expect(ensureBrowser(m, ['test/core/area'], [])).toEqual(unit);
    expect(stderr()).toBe('');
  });

  it('a browser that is there is used, and nothing is installed', () => {
    const { m, ran } = machine({ osRelease: DEBIAN, uid: 0, files: ['/opt/google/chrome/chrome'] });
    expect(ensureBrowser(m, [], [])).toEqual({ path: '/opt/google/chrome/chrome' });
    expect(ran).toEqual([]);
  });

  it('the real Jest run stops in one line when RAJAUS_CHROMIUM names no file', () => {
    const root = join(__dirname, '..', '..');
    const r = spawnSync(process.execPath, [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', 'test/support/chromium.test.ts'], {
      cwd: root,
      env: { ...process.env, RAJAUS_CHROMIUM: '/nonexistent/chrome' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(lines(r.stderr)).toEqual([
      'RAJAUS_CHROMIUM=/nonexistent/chrome does not exist: point it at a Chromium, Chrome or Edge executable',
    ]);
  });
});
