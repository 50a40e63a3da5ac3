/**
 * `rajaus demo` and `rajaus build` as users run them: the real command in its own process,
 * writing a real .xlsx that is then opened and read back. The demo is the README's first
 * command, so its workbook is checked the way a person would look at it in Excel.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { loadXlsxWorkbook } from '../../../src/workbook/exceljs/xlsxFile.node';
import type { XlsxWorkbookPort } from '../../../src/workbook/exceljs/xlsxWorkbook';

const ROOT = join(__dirname, '..', '..', '..');
let dir: string;

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rajaus-pipeline-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function rajaus(args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'bin', 'rajaus.js'), ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
}

/** Every cell of a column by its header, as ExcelJS reads it from the file. */
function column(ws: ExcelJS.Worksheet, header: string): ExcelJS.Cell[] {
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const at = headers.indexOf(header);
  expect(at).toBeGreaterThanOrEqual(0);
  const cells: ExcelJS.Cell[] = [];
  for (let r = 2; r <= ws.actualRowCount; r++) cells.push(ws.getRow(r).getCell(at + 1));
  return cells.filter((c) => c.value !== null && c.value !== '');
}

async function notesText(port: XlsxWorkbookPort, sheet: string): Promise<string> {
  const ws = port.workbook.getWorksheet(sheet)!;
  const lines: string[] = [];
  ws.eachRow((row) => lines.push((row.values as unknown[]).slice(1).filter((v) => v !== null && v !== undefined).join(' | ')));
  return lines.join('\n');
}

describe('rajaus demo', () => {
  test('writes a workbook with the customer register, the lists as tables, audit sheets and privacy notes', async () => {
    const r = rajaus(['demo', '--out', 'out/demo.xlsx']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const port = await loadXlsxWorkbook(join(dir, 'out', 'demo.xlsx'));
    const sheets = await port.listSheets();
    const names = sheets.map((s) => s.name);
    expect(names.slice(0, 2)).toEqual(['Asiakasrekisteri', 'Kuluttaja-asiakkaat']);

    const state = (await port.readState())!;
    expect(state.lists.map((l) => l.kind)).toEqual(['b2b', 'b2c']);
    const [b2b, b2c] = state.lists;
    // Every step of the pipeline ran and was logged, with counts.
    expect(b2b!.log.map((s) => s.step)).toEqual(['search', 'match', 'export']);
    expect(b2c!.log.map((s) => s.step)).toEqual(['search', 'match', 'buildings', 'dnc', 'export', 'export']);
    expect(b2c!.log.find((s) => s.step === 'match')!.rowsMoved).toBeGreaterThan(0);
    expect(b2c!.log.find((s) => s.step === 'dnc')!.rowsMoved).toBeGreaterThan(0);
    for (const l of state.lists) {
      expect(names).toContain(l.sheets.list);
      expect(names).toContain(l.sheets.notes);
      for (const a of l.sheets.audit) expect(names).toContain(a);
      expect(sheets.find((s) => s.name === l.sheets.list)!.tables).toHaveLength(1);
    }

    // Phones, postal codes and business ids are text cells that keep "+358…" and leading zeros.
    const list = port.workbook.getWorksheet(b2b!.sheets.list)!;
    expect(list.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    for (const [header, pattern] of [
      ['Puhelin', /^\+358\d{6,10}$/],
      ['Postinumero', /^\d{5}$/],
      ['Y-tunnus', /^\d{7}-\d$/],
    ] as const) {
      const cells = column(list, header);
      expect(cells.length).toBeGreaterThan(100);
      for (const c of cells) {
        expect(typeof c.value).toBe('string');
        expect(String(c.value)).toMatch(pattern);
        expect(c.numFmt).toBe('@');
      }
    }
    expect(column(port.workbook.getWorksheet(b2c!.sheets.list)!, 'Postinumero').some((c) => String(c.value).startsWith('00'))).toBe(true);

    // The notes (Finnish by default) say who, from where, what was done, until when, and the rights.
    const notes = await notesText(port, b2c!.sheets.notes!);
    for (const text of [
      'Rekisterinpitäjä',
      'Esimerkki Markkinointi Oy (esimerkki)',
      'ESIMERKKIASETUKSET',
      'Rajaus demo-hakemisto (keksitty data)',
      'Omien asiakkaiden poisto — sisään',
      'Rakennustietojen liittäminen — sisään',
      'Kieltolistatarkistus — sisään',
      'Vienti — sisään',
      'Poistettava viimeistään',
      'Tietosuojavaltuutetun toimisto',
      'Soittajalle luettavaksi',
    ]) {
      expect(notes).toContain(text);
    }

    // The exports were written beside the workbook: a BOM, then E.164 in the first column.
    const leaddesk = readFileSync(join(dir, 'out', 'demo-leaddesk.csv'), 'utf8');
    expect(leaddesk.charCodeAt(0)).toBe(0xfeff);
    const firstData = leaddesk.split('\r\n')[1]!;
    expect(firstData).toMatch(/^\+358\d+;/);
    expect(existsSync(join(dir, 'out', 'demo-osoitetarrat.csv'))).toBe(true);
  }, 180_000);
});

describe('rajaus build', () => {
  test('runs every step on one list from the user’s own files into one workbook', async () => {
    writeFileSync(join(dir, 'criteria.json'), JSON.stringify({ kind: 'b2b', area: { postalCodes: ['33100', '33200-33500'] }, industries: ['F'], requirePhone: true }));
    // A customer file as Finnish Excel saves it: Windows-1252, ";".
    const customers = 'Asiakasnro;Yritys;Puh.;Muistiinpanot\r\n1;Testi Oy;040 000 0000;ei listalla\r\n';
    writeFileSync(join(dir, 'asiakkaat.csv'), Buffer.from(customers, 'latin1'));
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ controller: { organisation: 'Putkimies Oy', businessId: '2336509-6', email: 'tietosuoja@putkimies.example' }, retentionMonths: 6 }));
    // First get the list, to put two of its numbers on a do-not-call file in other written forms.
    expect(rajaus(['search', '--criteria', 'criteria.json', '--out', 'search.csv']).status).toBe(0);
    const phones = readFileSync(join(dir, 'search.csv'), 'utf8')
      .split('\r\n')
      .slice(1, 3)
      .map((line) => line.split(';').find((f) => f.startsWith('+358'))!);
    writeFileSync(join(dir, 'kielto.txt'), phones.map((p) => `0${p.slice(4, 6)}-${p.slice(6)}`).join('\n') + '\n');

    const r = rajaus([
      'build', '--criteria', 'criteria.json', '--customers', 'asiakkaat.csv', '--dnc', 'kielto.txt', '--dnc-name', 'ASML 2026-11',
      '--settings', 'settings.json', '--export', 'leaddesk,dnc', '--allow-demo', '--name', 'Tampereen rakentajat', '--out', 'lista.xlsx',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const port = await loadXlsxWorkbook(join(dir, 'lista.xlsx'));
    const [list] = (await port.readState())!.lists;
    expect(list!.name).toBe('Tampereen rakentajat');
    expect(list!.deleteBy.slice(0, 4)).toMatch(/^20\d\d$/);
    expect(list!.log.map((s) => s.step)).toEqual(['search', 'match', 'dnc', 'export', 'export']);
    expect(list!.log.find((s) => s.step === 'dnc')!.rowsMoved).toBe(2);
    const notes = await notesText(port, list!.sheets.notes!);
    expect(notes).toContain('Putkimies Oy');
    expect(notes).toContain('ASML 2026-11');
    expect(notes).toContain('asiakkaat.csv');
    expect(existsSync(join(dir, 'lista-leaddesk.csv'))).toBe(true);
    expect(readFileSync(join(dir, 'lista-dnc.csv'), 'utf8')).toMatch(/\+358/);
  }, 180_000);

  test('a bad criteria file fails with one line naming the file and the key, and writes nothing', () => {
    writeFileSync(join(dir, 'criteria.json'), JSON.stringify({ kind: 'b2b', industry: ['F'] }));
    const r = rajaus(['build', '--criteria', 'criteria.json', '--out', 'lista.xlsx']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/criteria\.json.*industry/);
    expect(existsSync(join(dir, 'lista.xlsx'))).toBe(false);
  });
});
