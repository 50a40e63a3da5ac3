/**
 * `rajaus demo --lang sv|en`: the demo source, the demo building register and the example
 * settings speak the run's language, so the privacy notes are Swedish (or English) throughout,
 * not the demo's own Finnish and English labels (issue 13, item 7). The real command in its own
 * process writes a real .xlsx, read back with ExcelJS. A value the user typed into their
 * settings is theirs and is never translated.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GROUP_NAMES } from '../../../src/core/buildings/groups';
import { LANGS, type Lang } from '../../../src/core/i18n/lang';
import { demoB2BCriteria, demoB2CCriteria, demoBuildingSource } from '../../../src/app/demo';
import { exampleSettings } from '../../../src/app/settingsFile';
import { demoSourceInfo } from '../../../src/sources/demo/demoDirectorySource';
import { loadXlsxWorkbook } from '../../../src/workbook/exceljs/xlsxFile.node';
import type { XlsxWorkbookPort } from '../../../src/workbook/exceljs/xlsxWorkbook';

const ROOT = join(__dirname, '..', '..', '..');
let dir: string;

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
  dir = mkdtempSync(join(tmpdir(), 'rajaus-demo-lang-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rajaus(args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'bin', 'rajaus.js'), ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
}

/** Every label the demo brings into a workbook by itself, in one language. */
async function demoLabels(lang: Lang): Promise<string[]> {
  const source = demoSourceInfo(lang);
  const settings = exampleSettings(lang);
  const buildings = await demoBuildingSource(lang);
  const labels = [
    source.name,
    source.controller,
    source.licence,
    source.terms,
    buildings.name,
    buildings.controller,
    buildings.licence,
    settings.controller.organisation!,
    settings.controller.address!,
    settings.controller.contactPerson!,
    settings.controller.email!,
    settings.listService!.name,
    settings.listService!.contact!,
    settings.sourceTerms.demo!,
    settings.sourceTerms.prh!,
    demoB2BCriteria(lang).name!,
    demoB2CCriteria(lang).name!,
  ];
  return labels.filter((x): x is string => typeof x === 'string' && x !== '');
}

/** The demo's labels before they had three languages: one language for all runs. */
const OLD_LABELS = ['Rajaus demo (fictional data)', 'Fictional demo data', '/ Fictional data: no real people'];

function sheetText(port: XlsxWorkbookPort, sheet: string): string {
  const ws = port.workbook.getWorksheet(sheet)!;
  expect(ws).toBeDefined();
  const lines: string[] = [];
  ws.eachRow((row) => lines.push((row.values as unknown[]).slice(1).filter((v) => v !== null && v !== undefined).map(String).join(' | ')));
  return lines.join('\n');
}

describe.each(['sv', 'en'] as const)('rajaus demo --lang %s', (lang) => {
  test('the notes carry the demo source, buildings and example settings in that language only', async () => {
    const out = join(lang, 'demo.xlsx');
    const r = rajaus(['demo', '--lang', lang, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const port = await loadXlsxWorkbook(join(dir, out));
    const state = (await port.readState())!;
    expect(state.lists).toHaveLength(2);

    const own = await demoLabels(lang);
    const others = (await Promise.all(LANGS.filter((l) => l !== lang).map(demoLabels))).flat();
    // A label the languages share (none today) would say nothing about the language.
    const foreign = [...new Set(others)].filter((x) => !own.includes(x));
    expect(foreign.length).toBeGreaterThan(20);

    const notes = state.lists.map((l) => sheetText(port, l.sheets.notes!)).join('\n');
    for (const label of [...foreign, ...OLD_LABELS.filter((x) => !own.includes(x))]) expect({ label, found: notes.includes(label) }).toEqual({ label, found: false });
    // And the run's own labels are there: the notes were read, not an empty sheet.
    const [source, controller, licence, , buildings] = own;
    const settings = exampleSettings(lang);
    for (const label of [source!, controller!, licence!, buildings!, settings.controller.organisation!, settings.sourceTerms.demo!, settings.listService!.name]) {
      expect(notes).toContain(label);
    }
    expect(state.lists.map((l) => l.name)).toEqual([demoB2BCriteria(lang).name, demoB2CCriteria(lang).name]);

    // Every row of the lists names its source in the list's language too.
    for (const l of state.lists) {
      const list = sheetText(port, l.sheets.list);
      expect(list).toContain(source!);
      for (const label of foreign) expect({ label, found: list.includes(label) }).toEqual({ label, found: false });
    }
    // The building filter is said in words, not as the codes the step logs.
    expect(notes).not.toContain('detached,row');
    // And the log names the sources as section 2 does, not by their ids.
    expect(notes).not.toMatch(/: demo(-buildings)?;/);
    expect(notes).toContain(`${GROUP_NAMES.detached[lang]}, ${GROUP_NAMES.row[lang]}`);
  }, 180_000);
});

test('a value the user typed in their settings is never translated', async () => {
  writeFileSync(join(dir, 'criteria.json'), JSON.stringify({ kind: 'b2b', area: { postalCodes: ['33100'] }, industries: ['F'] }));
  const typed = {
    controller: { organisation: 'Putkimies Oy (esimerkki)', address: 'Esimerkkikatu 1, 00100 Helsinki', email: 'tietosuoja@putkimies.example' },
    listService: { name: 'Rajaus-demo (esimerkki)', contact: 'ei todellinen palvelu' },
    sourceTerms: { demo: 'Keksitty demoaineisto: vain kokeiluun.' },
  };
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(typed));
  const r = rajaus(['search', '--lang', 'sv', '--criteria', 'criteria.json', '--settings', 'settings.json', '--out', 'typed.xlsx']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const port = await loadXlsxWorkbook(join(dir, 'typed.xlsx'));
  const [list] = (await port.readState())!.lists;
  const notes = sheetText(port, list!.sheets.notes!);
  for (const value of [typed.controller.organisation, typed.controller.address, typed.listService.name, typed.sourceTerms.demo]) {
    expect(notes).toContain(value);
  }
  // The demo source's own labels are still Swedish beside them.
  expect(notes).toContain(demoSourceInfo('sv').name);
  expect(notes).not.toContain(demoSourceInfo('fi').name);
}, 120_000);
