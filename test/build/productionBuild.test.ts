/**
 * Issue 14's "Done when", run for real: `RAJAUS_PUBLIC_URL=https://lists.example.fi/rajaus/
 * npm run build:pane` gives a dist/manifest.xml without localhost (AppDomain included) that
 * validates against Microsoft's XSD, and a dist/ with the pane only: no test harness (nor the
 * simulator it carries), no command line. This is the real webpack build of build:pane, into a
 * temporary folder (dist/ is the browser tests'), without its type check (`npm test` has just
 * run it): about 40 s on two cores, the one build in the unit tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const PUBLIC_URL = 'https://lists.example.fi/rajaus/';
const SCHEMA = join(ROOT, 'test', 'manifest', 'xsd', 'OfficeAppManifestV1_1.xsd');

let out: string;
let build: ReturnType<typeof spawnSync>;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'rajaus-prod-'));
  build = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--env', 'notypecheck', '--output-path', out],
    { cwd: ROOT, env: { ...process.env, RAJAUS_PUBLIC_URL: PUBLIC_URL }, encoding: 'utf8', timeout: 280_000 },
  );
}, 300_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [relative(out, join(dir, e.name))],
  );
}

describe('RAJAUS_PUBLIC_URL=https://lists.example.fi/rajaus/ npm run build:pane', () => {
  it('builds', () => {
    expect({ status: build.status, stderr: String(build.stderr).slice(-2000) }).toEqual({ status: 0, stderr: expect.any(String) });
  });

  it('writes a manifest with every URL at the public address and nothing of localhost', () => {
    const xml = readFileSync(join(out, 'manifest.xml'), 'utf8');
    expect(xml).not.toMatch(/localhost/i);
    expect(xml).toContain('<AppDomain>https://lists.example.fi</AppDomain>');
    // Every URL the manifest gives Office (comments aside; XML namespaces are names, not places).
    const elements = xml.replace(/<!--[\s\S]*?-->/g, '');
    const urls = [...elements.matchAll(/"(https?:\/\/[^"]+)"|>(https?:\/\/[^<]+)</g)].map((m) => m[1] ?? m[2]!);
    const places = urls.filter((u) => !u.startsWith('http://schemas.microsoft.com/') && !u.startsWith('http://www.w3.org/'));
    expect(places.length).toBeGreaterThan(5);
    expect(places.filter((u) => !u.startsWith(PUBLIC_URL) && u !== 'https://lists.example.fi')).toEqual([]);
    for (const icon of ['icon-16.png', 'icon-32.png', 'icon-80.png']) expect(places).toContain(`${PUBLIC_URL}assets/${icon}`);
    // The rewrite moved URLs, not words: the comments say nothing of the public address.
    expect(xml.split('https://lists.example.fi').length).toBe(elements.split('https://lists.example.fi').length);
  });

  it('validates against the XSD (xmllint)', () => {
    const lint = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, join(out, 'manifest.xml')], { encoding: 'utf8' });
    if (lint.error && !process.env.CI) return; // no xmllint here: test/manifest/manifestSchema.test.ts says how to install it
    expect({ status: lint.status, errors: lint.stderr.trim() }).toEqual({ status: 0, errors: `${join(out, 'manifest.xml')} validates` });
  });

  it('holds the pane only: no harness, no simulator, no command line', () => {
    const all = files(out);
    for (const page of ['taskpane.html', 'commands.html', 'manifest.xml', 'assets/icon-32.png']) expect(all).toContain(page);
    expect(all.filter((f) => /harness|(^|\/)(cli|match-worker|xlsx-worker)\.js|\.test\./.test(f))).toEqual([]);
    expect(existsSync(join(out, 'harness'))).toBe(false);
    const scripts = all.filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    // The harness page's code (the simulated workbook it exposes) is in no bundle.
    expect(scripts.filter((f) => readFileSync(join(out, f), 'utf8').includes('__rajausSimulator'))).toEqual([]);
  });
});
