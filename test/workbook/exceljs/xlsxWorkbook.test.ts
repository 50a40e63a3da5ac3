import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { createXlsxWorkbook, xlsxWorkbookFromBytes } from '../../../src/workbook/exceljs/xlsxWorkbook';
import { loadXlsxWorkbook, saveXlsxWorkbook } from '../../../src/workbook/exceljs/xlsxFile.node';
import { tablePlan, type SheetPlan } from '../../../src/core/workbook/sheetPlan';
import { wrappedRowHeights } from '../../../src/core/workbook/rowHeights';
import { suppressionSheetPlan } from '../../../src/core/suppression/doNotCall';
import { emptyState, stateToXml, type WorkbookState } from '../../../src/core/state/workbookState';
import { fromCellByKey } from '../../../src/core/workbook/cells';
import { UserError } from '../../../src/core/errors';
import { wrappedNotesPlan } from '../../fixtures/notesPlan';

const KEYS = ['companyName', 'businessId', 'phone', 'postalCode', 'postOffice', 'registrationDate', 'matchScore'];
const ROWS = [
  ['=cmd|\' /C calc\'!A0', '0112038-9', '+358401234567', '00100', 'Helsinki', '2015-03-01', 0.93],
  ['+Plus Palvelut Oy', '2070757-4', '0401234567', '02100', 'Espoo', null, null],
  ['Sähkö-Äijälä Oy', '1234567-1', '+35891234567', '00250', 'Helsinki', '1999-12-31', 1],
];

function listPlan(name = 'Tampere LVI', rows = ROWS): SheetPlan {
  return tablePlan({ name, role: 'list', keys: KEYS, rows, lang: 'fi', tableName: 'Lista_Tampere', tabColor: '#1F6FEB' });
}

function stateWithList(): WorkbookState {
  const s = emptyState();
  s.lists.push({
    id: 'list-1', name: 'Tampere LVI', kind: 'b2b', createdAt: '2026-03-01T08:00:00.000Z', deleteBy: '2027-03-01',
    sheets: { list: 'Tampere LVI', audit: [] }, sources: [], log: [{ step: 'search', at: '2026-03-01T08:00:00.000Z', rowsOut: 3, params: { note: 'sisältää ]]> merkit' }, contacted: [] }],
  });
  s.doNotContact.phones.push('+358405556666');
  return s;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rajaus-xlsx-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('ExcelJS adapter: a real .xlsx round trip', () => {
  it('keeps phones, postal codes and "=cmd" as text, dates as date serials, and reads them back', async () => {
    const port = createXlsxWorkbook();
    await port.apply({ write: [listPlan()], state: stateWithList() });
    const path = join(dir, 'lista.xlsx');
    await saveXlsxWorkbook(port, path);
    expect(readdirSync(dir)).toEqual(['lista.xlsx']); // no temporary file left behind

    const back = await loadXlsxWorkbook(path);
    const data = await back.readSheet('Tampere LVI');
    expect(data.headers).toEqual(['Yritys', 'Y-tunnus', 'Puhelin', 'Postinumero', 'Postitoimipaikka', 'Rekisteröity', 'Tunnistamisen varmuus']);
    expect(data.firstDataRow).toBe(2);
    const rows = data.rows.map((r) => r.map((v, i) => fromCellByKey(KEYS[i]!, v)));
    expect(rows).toEqual(ROWS);
    expect(typeof data.rows[0]![5]).toBe('number'); // a date serial in the cell

    // The package itself: '=cmd' is a shared string, never a formula; the phone column has format "@".
    const zip = await JSZip.loadAsync(readFileSync(path));
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).not.toMatch(/<f>/);
    const a2 = /<c r="A2"[^>]*>/.exec(sheetXml)![0];
    expect(a2).toMatch(/t="s"/);
    const c2 = /<c r="C2"[^>]*>/.exec(sheetXml)![0];
    expect(c2).toMatch(/t="s"/);
    const styles = await zip.file('xl/styles.xml')!.async('string');
    const styleIndex = Number(/s="(\d+)"/.exec(c2)![1]);
    const xf = [...styles.split('<cellXfs')[1]!.matchAll(/<xf [^>]*>/g)][styleIndex]![0];
    expect(xf).toMatch(/numFmtId="49"/); // 49 is Excel's built-in "@"
  });

  it('writes an Excel table, a frozen header, widths, tab colour and page setup', async () => {
    const port = createXlsxWorkbook();
    await port.apply({ write: [listPlan()] });
    const path = join(dir, 'a.xlsx');
    await saveXlsxWorkbook(port, path);
    const zip = await JSZip.loadAsync(readFileSync(path));
    const table = await zip.file('xl/tables/table1.xml')!.async('string');
    expect(table).toMatch(/name="Lista_Tampere"/);
    expect(table).toMatch(/ref="A1:G4"/);
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(sheet).toMatch(/<tabColor rgb="FF1F6FEB"/);
    expect(sheet).toMatch(/orientation="landscape"/);
    expect(sheet).toMatch(/<pageSetUpPr fitToPage="1"/);
    expect(sheet).toMatch(/<col min="1" max="1" width="32"/);
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbook).toMatch(/_xlnm.Print_Titles[^<]*<\/definedName>|_xlnm\.Print_Titles/);

    const back = await loadXlsxWorkbook(path);
    expect(await back.listSheets()).toEqual([{ name: 'Tampere LVI', visible: true, tables: [{ name: 'Lista_Tampere', rowCount: 3 }], rowCount: 4, columnCount: 7 }]);
  });

  it('stores the state as the custom XML part the Office add-in writes, and reads it back', async () => {
    const port = createXlsxWorkbook();
    const state = stateWithList();
    await port.apply({ write: [listPlan()], state });
    const path = join(dir, 'tila.xlsx');
    await saveXlsxWorkbook(port, path);

    const zip = await JSZip.loadAsync(readFileSync(path));
    expect(await zip.file('customXml/item1.xml')!.async('string')).toBe(stateToXml(state));
    expect(await zip.file('customXml/itemProps1.xml')!.async('string')).toMatch(/<ds:schemaRef ds:uri="urn:rajaus:state:v1"\/>/);
    expect(await zip.file('customXml/_rels/item1.xml.rels')!.async('string')).toMatch(/Target="itemProps1.xml"/);
    expect(await zip.file('xl/_rels/workbook.xml.rels')!.async('string')).toMatch(/relationships\/customXml" Target="..\/customXml\/item1.xml"/);
    expect(await zip.file('[Content_Types].xml')!.async('string')).toMatch(/PartName="\/customXml\/itemProps1.xml"/);

    const back = await loadXlsxWorkbook(path);
    expect(await back.readState()).toEqual(state);
    // Saved again (ExcelJS drops the part on load): still exactly one state part.
    await saveXlsxWorkbook(back, path);
    const again = await JSZip.loadAsync(readFileSync(path));
    expect(Object.keys(again.files).filter((f) => /^customXml\/item\d+\.xml$/.test(f))).toEqual(['customXml/item1.xml']);
    expect(await (await loadXlsxWorkbook(path)).readState()).toEqual(state);
  });

  it('finds the state in any custom XML item, also one Excel stored as UTF-16', async () => {
    const port = createXlsxWorkbook();
    await port.apply({ write: [listPlan()] });
    const path = join(dir, 'excel.xlsx');
    await saveXlsxWorkbook(port, path);
    const zip = await JSZip.loadAsync(readFileSync(path));
    const state = stateWithList();
    const xml = stateToXml(state).replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) new DataView(utf16.buffer).setUint16(2 + i * 2, xml.charCodeAt(i), true);
    zip.file('customXml/item1.xml', '<?xml version="1.0"?><b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/>');
    zip.file('customXml/item2.xml', utf16);
    const back = await xlsxWorkbookFromBytes(await zip.generateAsync({ type: 'uint8array' }));
    expect(await back.readState()).toEqual(state);
  });

  it('has no state when the file has none', async () => {
    const port = createXlsxWorkbook();
    await port.apply({ write: [listPlan()] });
    const path = join(dir, 'ei-tilaa.xlsx');
    await saveXlsxWorkbook(port, path);
    expect(await (await loadXlsxWorkbook(path)).readState()).toBeNull();
  });
});

describe('ExcelJS adapter: print, wrapped rows, date-times', () => {
  it('puts every sheet on A4 (the do-not-call sheet too), gives wrapped rows their height, and writes "Poimittu" as a date-time', async () => {
    const port = createXlsxWorkbook();
    const notes: SheetPlan = wrappedNotesPlan();
    const list = tablePlan({ name: 'Lista', role: 'list', keys: ['companyName', 'extractedAt'], rows: [['A Oy', '2026-12-07T02:49:00.000Z']], lang: 'fi', tableName: 'Lista' });
    const dnc = suppressionSheetPlan({ name: 'Kieltolista', phones: ['+358401234567'], lang: 'fi', tableName: 'Kieltolista' });
    await port.apply({ write: [list, dnc, notes] });
    const path = join(dir, 'a4.xlsx');
    await saveXlsxWorkbook(port, path);
    const zip = await JSZip.loadAsync(readFileSync(path));
    for (const n of [1, 2, 3]) {
      const xml = await zip.file(`xl/worksheets/sheet${n}.xml`)!.async('string');
      expect({ n, paper: /<pageSetup[^>]*paperSize="(\d+)"/.exec(xml)?.[1] }).toEqual({ n, paper: '9' });
    }
    const notesXml = await zip.file('xl/worksheets/sheet3.xml')!.async('string');
    expect(/<row r="2"[^>]*ht="([\d.]+)"[^>]*customHeight="1"/.exec(notesXml)?.[1]).toBe(String(wrappedRowHeights(notes)[1]));
    expect(/<row r="1"[^>]*>/.exec(notesXml)![0]).not.toMatch(/customHeight/);
    const back = await loadXlsxWorkbook(path);
    const data = await back.readSheet('Lista');
    expect(typeof data.rows[0]![1]).toBe('number');
    expect(fromCellByKey('extractedAt', data.rows[0]![1])).toBe('2026-12-07T02:49:00.000Z');
  });
});

describe('ExcelJS adapter: apply is all or nothing', () => {
  it('replaces a sheet in its tab position and removes sheets', async () => {
    const port = createXlsxWorkbook();
    await port.apply({ write: [listPlan('Asiakkaat'), listPlan('Tampere LVI'), listPlan('Poistetut')] });
    await port.apply({ write: [listPlan('tampere lvi', ROWS.slice(0, 1))], remove: ['Poistetut'] });
    const sheets = await port.listSheets();
    expect(sheets.map((s) => s.name)).toEqual(['Asiakkaat', 'tampere lvi']);
    expect((await port.readSheet('Tampere LVI')).rows).toHaveLength(1);
    // Table names stay unique in the workbook.
    expect(new Set(sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase()))).size).toBe(2);
  });

  it('leaves the workbook as it was when one sheet of the change is invalid', async () => {
    const port = createXlsxWorkbook();
    await port.apply({ write: [listPlan('Asiakkaat')], state: emptyState() });
    await expect(port.apply({ write: [listPlan('Uusi lista'), listPlan('Huono/nimi')], state: stateWithList() })).rejects.toThrow(UserError);
    expect((await port.listSheets()).map((s) => s.name)).toEqual(['Asiakkaat']);
    expect(await port.readState()).toEqual(emptyState());
  });

  it('stops on cancel without leaving temporary sheets', async () => {
    const port = createXlsxWorkbook();
    const controller = new AbortController();
    const big = Array.from({ length: 12_000 }, (_, i) => ['Oy ' + i, null, '040' + (1_000_000 + i), '00100', 'Helsinki', null, null]);
    const run = port.apply({ write: [listPlan('Iso', big)] }, { signal: controller.signal, progress: (done) => done > 0 && controller.abort() });
    await expect(run).rejects.toThrow(/Cancelled/);
    expect(await port.listSheets()).toEqual([]);
  });

  it('writes an empty list as a table with its header and no data rows', async () => {
    const port = createXlsxWorkbook();
    await port.apply({ write: [listPlan('Tyhjä', [])] });
    const data = await port.readSheet('Tyhjä');
    expect(data.headers[0]).toBe('Yritys');
    expect(data.rows).toEqual([]);
  });

  it('renders the notes as a document: styled rows, wrapped text, no table', async () => {
    const plan: SheetPlan = {
      name: 'Tietosuoja', role: 'notes', layout: 'document', freezeHeader: false,
      columns: [
        { key: 'extra:A', header: '', type: 'text', numberFormat: '@', width: 28 },
        { key: 'extra:B', header: '', type: 'text', numberFormat: '@', width: 80 },
      ],
      rows: [['Tietosuojaseloste', null], ['1. Rekisterinpitäjä', null], ['Organisaatio', '=puuttuu']],
      rowStyles: ['title', 'section', 'normal'],
      print: { orientation: 'portrait', repeatHeaderRow: false, fitToWidth: true },
    };
    const port = createXlsxWorkbook();
    await port.apply({ write: [plan] });
    const ws = port.workbook.getWorksheet('Tietosuoja')!;
    expect(ws.getTables()).toHaveLength(0);
    expect(ws.getCell('A1').font.bold).toBe(true);
    expect(ws.getCell('A2').font.bold).toBe(true);
    expect(ws.getCell('B3').value).toBe('=puuttuu');
    expect(ws.getCell('B3').alignment.wrapText).toBe(true);
    expect(ws.pageSetup.orientation).toBe('portrait');
  });
});

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const withSoffice = soffice ? it : it.skip;
if (!soffice) {
  // eslint-disable-next-line no-console
  console.warn('LibreOffice (soffice) is not installed: skipping the check that LibreOffice reads the .xlsx as text');
}

describe('LibreOffice reads the file', () => {
  withSoffice(
    "opens it and keeps '+358…', '00100' and '=cmd' as text (converted to CSV by soffice --headless)",
    async () => {
      const port = createXlsxWorkbook();
      await port.apply({ write: [listPlan()], state: stateWithList() });
      const path = join(dir, 'lo.xlsx');
      await saveXlsxWorkbook(port, path);
      execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76', '--outdir', dir, path], { stdio: 'ignore', timeout: 90_000 });
      const csv = readFileSync(join(dir, 'lo.csv'), 'utf8').split(/\r?\n/);
      expect(csv[0]).toBe('Yritys;Y-tunnus;Puhelin;Postinumero;Postitoimipaikka;Rekisteröity;Tunnistamisen varmuus');
      expect(csv[1]).toMatch(/^"?=cmd\|' \/C calc'!A0"?;0112038-9;\+358401234567;00100;Helsinki;2015-03-01;0[.,]93$/);
      expect(csv[2]).toMatch(/^"?\+Plus Palvelut Oy"?;2070757-4;0401234567;02100;Espoo;;$/);
    },
    120_000,
  );
});

describe('ExcelJS adapter: Excel\'s limits', () => {
  it('refuses a sheet of 1,048,576 data rows or 16,385 columns with the numbers, and leaves the workbook as it was', async () => {
    const { createXlsxWorkbook: create } = await import('../../../src/workbook/exceljs/xlsxWorkbook');
    const { tablePlan: table } = await import('../../../src/core/workbook/sheetPlan');
    const port = create(undefined, null, 'en');
    await port.apply({ write: [table({ name: 'Vanha', role: 'list', keys: ['companyName'], rows: [['A Oy']], lang: 'en', tableName: 'Vanha' })] });
    const tall = table({ name: 'Tulokset', role: 'list', keys: ['companyName'], rows: new Array(1_048_576).fill(['A Oy']), lang: 'en', tableName: 'T' });
    await expect(port.apply({ write: [tall] })).rejects.toThrow(
      'Sheet "Tulokset" would have 1,048,576 rows, but an Excel sheet holds 1,048,575. Narrow the list or export it as CSV.',
    );
    const keys = Array.from({ length: 16_385 }, (_, i) => `extra:S${i}`);
    await expect(port.apply({ write: [table({ name: 'Leveä', role: 'list', keys, rows: [], lang: 'en', tableName: 'L' })] })).rejects.toThrow(
      'Sheet "Leveä" would have 16,385 columns, but an Excel sheet holds 16,384.',
    );
    expect((await port.listSheets()).map((s) => s.name)).toEqual(['Vanha']);
  });
});
