/**
 * Offline checks of manifest.xml. Microsoft's validator (`npm run validate`) needs network;
 * these catch what breaks sideloading most often: malformed XML, a dangling resid, a missing
 * or wrongly sized icon, an http URL, a missing locale.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const ROOT = join(__dirname, '..', '..');
const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

type Node = Record<string, unknown>;
const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml) as Node;
const app = parsed.OfficeApp as Node;

/** Every element in the tree with its name, depth-first. */
function walk(node: unknown, name = '', out: { name: string; node: Node }[] = []): { name: string; node: Node }[] {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, name, out);
  } else if (node && typeof node === 'object') {
    out.push({ name, node: node as Node });
    for (const [k, v] of Object.entries(node as Node)) if (!k.startsWith('@')) walk(v, k, out);
  }
  return out;
}
const elements = walk(app, 'OfficeApp');

function attr(node: Node, name: string): string | undefined {
  const v = node[`@${name}`];
  return typeof v === 'string' ? v : undefined;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(buf.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('manifest.xml', () => {
  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('has a fixed GUID id', () => {
    expect(String(app.Id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  });

  it('is a task pane add-in for Excel workbooks that may read and write the document', () => {
    expect(attr(app, 'xsi:type')).toBe('TaskPaneApp');
    const hosts = elements.filter((e) => e.name === 'Host').map((e) => attr(e.node, 'Name') ?? attr(e.node, 'xsi:type'));
    expect(new Set(hosts)).toEqual(new Set(['Workbook']));
    expect(app.Permissions).toBe('ReadWriteDocument');
  });

  it('declares ExcelApi 1.7 as the minimum requirement set (Office 2019), as the pane checks', () => {
    const sets = elements.filter((e) => e.name === 'Set');
    const excel = sets.find((s) => attr(s.node, 'Name') === 'ExcelApi');
    expect(excel && attr(excel.node, 'MinVersion')).toBe('1.7');
    expect(readFileSync(join(ROOT, 'src', 'taskpane', 'index.tsx'), 'utf8')).toContain("const MIN_EXCEL_API = '1.7';");
  });

  it('puts a button that opens the task pane on the Home tab', () => {
    const tab = elements.find((e) => e.name === 'OfficeTab');
    expect(tab && attr(tab.node, 'id')).toBe('TabHome');
    const actions = walk(tab!.node).filter((e) => e.name === 'Action');
    expect(actions.map((a) => attr(a.node, 'xsi:type'))).toContain('ShowTaskpane');
  });

  it('uses https for every URL', () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="([a-z]+:\/\/[^"]+)"/gi)].map((m) => m[1]);
    const appDomains = elements.filter((e) => e.name === 'AppDomains').flatMap((e) => [e.node.AppDomain].flat().map(String));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of [...urls, ...appDomains]) expect(url).toMatch(/^https:\/\//);
    // The pane is served where the manifest says.
    const source = (app.DefaultSettings as Node).SourceLocation as Node;
    expect(attr(source, 'DefaultValue')).toBe('https://localhost:3000/taskpane.html');
  });

  it('resolves every resid to a resource of the right kind', () => {
    const resources = new Map<string, string>();
    for (const e of elements) {
      if ((e.name === 'bt:Image' || e.name === 'bt:Url' || e.name === 'bt:String') && attr(e.node, 'id')) {
        resources.set(attr(e.node, 'id')!, e.name);
      }
    }
    const refs = elements.filter((e) => attr(e.node, 'resid') !== undefined);
    expect(refs.length).toBeGreaterThan(10);
    const expectedKind: Record<string, string> = {
      'bt:Image': 'bt:Image',
      SourceLocation: 'bt:Url',
      FunctionFile: 'bt:Url',
      LearnMoreUrl: 'bt:Url',
      Label: 'bt:String',
      Title: 'bt:String',
      Description: 'bt:String',
    };
    for (const ref of refs) {
      const id = attr(ref.node, 'resid')!;
      expect({ id, kind: resources.get(id) }).toEqual({ id, kind: expectedKind[ref.name] ?? resources.get(id) });
      expect(resources.get(id)).toBeDefined();
    }
  });

  it('references icons that exist in assets/ at the pixel size their names say', () => {
    const iconUrls = [...xml.matchAll(/"https:\/\/localhost:3000\/(assets\/[^"]+\.png)"/g)].map((m) => m[1]);
    expect(new Set(iconUrls.map((u) => u.replace(/.*icon-(\d+)\.png$/, '$1')))).toEqual(new Set(['16', '32', '64', '80']));
    for (const rel of iconUrls) {
      const file = join(ROOT, rel);
      expect(existsSync(file)).toBe(true);
      const size = Number(/icon-(\d+)\.png$/.exec(rel)![1]);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    // bt:Image size attributes agree with the file each resid points to.
    const images = new Map(elements.filter((e) => e.name === 'bt:Image' && attr(e.node, 'id')).map((e) => [attr(e.node, 'id')!, attr(e.node, 'DefaultValue')!]));
    for (const use of elements.filter((e) => e.name === 'bt:Image' && attr(e.node, 'resid'))) {
      expect(images.get(attr(use.node, 'resid')!)).toContain(`icon-${attr(use.node, 'size')}.png`);
    }
  });

  it('ships all five icon sizes in assets/, including 128 px', () => {
    for (const size of [16, 32, 64, 80, 128]) expect(pngSize(join(ROOT, 'assets', `icon-${size}.png`))).toEqual({ width: size, height: size });
  });

  it('is Finnish by default with English and Swedish overrides for every user-visible text', () => {
    expect(app.DefaultLocale).toBe('fi-FI');
    const localized = [
      app.DisplayName as Node,
      app.Description as Node,
      ...elements.filter((e) => e.name === 'bt:String').map((e) => e.node),
    ];
    expect(localized.length).toBeGreaterThanOrEqual(7);
    for (const node of localized) {
      const overrides = [node.Override ?? node['bt:Override']].flat().filter(Boolean) as Node[];
      const locales = overrides.map((o) => attr(o, 'Locale')).sort();
      expect({ text: attr(node, 'DefaultValue') ?? attr(node, 'id'), locales }).toEqual({
        text: attr(node, 'DefaultValue') ?? attr(node, 'id'),
        locales: ['en-US', 'sv-SE'],
      });
      for (const o of overrides) expect(attr(o, 'Value')?.trim()).toBeTruthy();
    }
  });
});
