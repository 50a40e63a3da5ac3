/**
 * manifest.xml and the production manifest (RAJAUS_PUBLIC_URL, scripts/manifestUrls.js)
 * against Microsoft's XSDs (test/manifest/xsd, see its README), with xmllint from Debian's
 * libxml2-utils. On CI (.ci/run installs libxml2-utils and sets CI) a missing xmllint fails the
 * test; on a developer machine without it the test says how to install it and passes over.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPublicUrl, rewriteManifestUrls } from '../../scripts/manifestUrls';

const ROOT = join(__dirname, '..', '..');
const SCHEMA = join(__dirname, 'xsd', 'OfficeAppManifestV1_1.xsd');
const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

const xmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
const haveXmllint = xmllint.status === 0;
const onCi = Boolean(process.env.CI);
const INSTALL = 'xmllint is missing: apt-get install libxml2-utils (.ci/run does)';

/** xmllint's verdict on `xml`: null when it validates, else its error lines. */
function schemaErrors(xml: string): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'rajaus-manifest-'));
  try {
    const file = join(dir, 'manifest.xml');
    writeFileSync(file, xml);
    const r = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
    return r.status === 0 ? null : r.stderr.trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('manifest.xml against Microsoft’s XSD', () => {
  if (!haveXmllint && !onCi) {
    it.skip(`validates (skipped: ${INSTALL})`, () => undefined);
    return;
  }

  it('has xmllint to validate with', () => {
    if (!haveXmllint) throw new Error(INSTALL);
  });

  it('validates manifest.xml', () => {
    expect(schemaErrors(manifest)).toBeNull();
  });

  it('validates the production manifest, which has no localhost anywhere (AppDomain too)', () => {
    const production = rewriteManifestUrls(manifest, 'https://lists.example.fi/rajaus/');
    expect(production).not.toMatch(/localhost/i);
    expect(production).toContain('<AppDomain>https://lists.example.fi</AppDomain>');
    expect(production).toContain('DefaultValue="https://lists.example.fi/rajaus/taskpane.html"');
    expect(schemaErrors(production)).toBeNull();
  });

  it('rejects a manifest with a typo, so the check can fail', () => {
    expect(schemaErrors(manifest.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadWriteDocuments</Permissions>'))).toMatch(
      /Permissions/,
    );
  });
});

describe('the public URL of a deployment', () => {
  it.each([
    ['https://lists.example.fi/rajaus', /must end with "\/"/],
    ['http://lists.example.fi/rajaus/', /must use https/],
    ['lists.example.fi/rajaus/', /not a URL/],
    ['https://lists.example.fi/rajaus/?x=1', /query or fragment/],
    ['https://localhost:3000/', /local address/],
  ])('refuses %s', (url, problem) => {
    expect(() => checkPublicUrl(url)).toThrow(problem);
  });

  it('accepts an https URL with the trailing slash, at the root or under a path', () => {
    expect(checkPublicUrl('https://lists.example.fi/')).toBe('https://lists.example.fi/');
    expect(checkPublicUrl(' https://lists.example.fi/rajaus/ ')).toBe('https://lists.example.fi/rajaus/');
  });

  it('refuses to leave a localhost URL written some other way', () => {
    expect(() => rewriteManifestUrls(`${manifest}<!-- http://localhost:8080/x -->`, 'https://lists.example.fi/')).toThrow(/still refers to "http:\/\/localhost:8080\/x"/);
  });
});
