import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { rewriteManifestUrls } from '../../src/server/manifest';

const MANIFEST = readFileSync(join(__dirname, '..', '..', 'manifest.xml'), 'utf8');

describe('rewriteManifestUrls', () => {
  it('moves every URL of the manifest to the public address, and the AppDomain to its origin', () => {
    const xml = rewriteManifestUrls(MANIFEST, 'https://rajaus.example.fi/');
    expect(xml).not.toContain('localhost:3000');
    expect(xml).toContain('<SourceLocation DefaultValue="https://rajaus.example.fi/taskpane.html"/>');
    expect(xml).toContain('<bt:Url id="Rajaus.Commands.Url" DefaultValue="https://rajaus.example.fi/commands.html"/>');
    expect(xml).toContain('<AppDomain>https://rajaus.example.fi</AppDomain>');
    expect(() => new XMLParser().parse(xml)).not.toThrow();
  });

  it('keeps a path the add-in is served under, with or without its last slash', () => {
    for (const base of ['https://tools.example.fi/rajaus/', 'https://tools.example.fi/rajaus']) {
      const xml = rewriteManifestUrls(MANIFEST, base);
      expect(xml).toContain('DefaultValue="https://tools.example.fi/rajaus/assets/icon-32.png"');
      expect(xml).toContain('<AppDomain>https://tools.example.fi</AppDomain>');
    }
  });

  it('keeps the document well formed whatever the URL holds, and refuses what is not http(s)', () => {
    const xml = rewriteManifestUrls(MANIFEST, 'https://example.fi/a"b&c/');
    expect(xml).toContain('https://example.fi/a%22b&amp;c/taskpane.html');
    expect(() => rewriteManifestUrls(MANIFEST, 'file:///etc/')).toThrow(/http/);
    expect(() => rewriteManifestUrls(MANIFEST, 'https://example.fi/?x=1')).toThrow(/query/);
  });
});
