/**
 * Issue 17 item 5, the pane's path: the use cases `addBuildings` and `applySuppression` on the
 * Office.js adapter over the Excel simulator never overwrite a user's column that shares a name
 * with a column they add ("Rakennusvuosi", "Lämmitysaine", "Siirretty").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { addBuildings } from '../../src/app/addBuildings';
import { applySuppression } from '../../src/app/suppression';
import { mapHeaders } from '../../src/core/columns/headerMapping';
import { parseCsvRecords } from '../../src/sources/tabular/csvParse';
import { fileSource } from '../../src/sources/buildings/file';
import { tablePlan } from '../../src/core/workbook/sheetPlan';
import { createOfficeWorkbook } from '../../src/workbook/officejs/officeWorkbook';
import { createExcelSimulator } from '../excel-simulator';
import { testContext } from '../support/context';

const fixtures = path.join(__dirname, '../fixtures/buildings');
const extract = readFileSync(path.join(fixtures, 'helsinki-extract.json'), 'utf8');
const source = () => fileSource('helsinki-extract.json', async () => extract);

/** The fixture's people with the user's own "Rakennusvuosi", "Lämmitysaine" and "Siirretty". */
const people = parseCsvRecords(readFileSync(path.join(fixtures, 'people-helsinki.csv'), 'utf8').replace(/^\uFEFF/, ''), ';')
  .filter((r) => r.some((c) => c !== ''))
  .slice(1, 13);
const HEADERS = ['Etunimi', 'Katuosoite', 'Postinumero', 'Puhelin', 'Rakennusvuosi', 'Lämmitysaine', 'Siirretty'];
const OWN = people.map((p, i) => [`oma vuosi ${i}`, `oma lämmitys ${i}`, `oma siirto ${i}`]);
const ROWS = people.map((p, i) => [p[0]!, p[2]!, p[3]!, p[5]!, ...OWN[i]!]);

async function listWorkbook() {
  const sim = createExcelSimulator();
  const workbook = createOfficeWorkbook({ run: sim.Excel.run as unknown as typeof Excel.run });
  const keys = mapHeaders(HEADERS).keys;
  await workbook.apply({
    write: [tablePlan({ name: 'Lista', role: 'list', keys, headers: HEADERS, rows: ROWS, lang: 'fi', tableName: 'Lista' })],
  });
  return workbook;
}

const ownOf = (headers: string[], rows: unknown[][]) => {
  const at = ['Rakennusvuosi', 'Lämmitysaine', 'Siirretty'].map((h) => headers.indexOf(h));
  return rows.map((r) => at.map((i) => r[i]));
};

test('addBuildings keeps the user\'s "Rakennusvuosi" and "Lämmitysaine" on every row and adds its own as "… (2)"; a re-run replaces only its own', async () => {
  const workbook = await listWorkbook();
  const ctx = testContext(workbook);
  await addBuildings(ctx, { listSheet: 'Lista', source: source() });
  const data = await workbook.readSheet('Lista');
  expect(data.headers.slice(0, HEADERS.length)).toEqual(HEADERS);
  expect(data.headers.slice(HEADERS.length)).toEqual([
    'Rakennusvuosi (2)',
    'Käyttötarkoitus',
    'Rakennusluokka 2018',
    'Kerroksia',
    'Lämmitystapa',
    'Lämmitysaine (2)',
    'Rakennusaine',
    'Rakennuksen tunnistus',
  ]);
  expect(ownOf(data.headers, data.rows)).toEqual(OWN);
  const year = data.headers.indexOf('Rakennusvuosi (2)');
  expect(data.rows.filter((r) => typeof r[year] === 'number').length).toBeGreaterThan(0);

  await addBuildings(ctx, { listSheet: 'Lista', source: source() });
  const again = await workbook.readSheet('Lista');
  expect(again.headers).toEqual(data.headers);
  expect(again.rows).toEqual(data.rows);
});

test('applySuppression keeps the user\'s "Siirretty" on kept and moved rows; the audit column is "Siirretty (2)", also when appending', async () => {
  const workbook = await listWorkbook();
  const ctx = testContext(workbook);
  const phone = (i: number) => String(ROWS[i]![3]);
  const suppress = (i: number, name: string) =>
    applySuppression(ctx, {
      listSheet: 'Lista',
      suppression: { name, checkedAt: '2026-11-15', phones: [phone(i)].map((p) => `+358${p.replace(/\D/g, '').slice(1)}`) },
    });
  const first = await suppress(0, 'Omat');
  expect(first.suppressed).toBe(1);
  const list = await workbook.readSheet('Lista');
  expect(list.headers).toEqual(HEADERS);
  expect(ownOf(list.headers, list.rows)).toEqual(OWN.slice(1));

  await suppress(1, 'Omat');
  const audit = await workbook.readSheet(first.auditSheet!);
  expect(audit.headers).toEqual([...HEADERS, 'Siirretty (2)', 'Siirron vaihe', 'Siirron syy']);
  expect(ownOf(audit.headers, audit.rows)).toEqual(OWN.slice(0, 2));
  // Rajaus's "Siirretty (2)" stays a date (Excel serial of 2026-11-20 10:15) on the earlier row too.
  const serial = (Date.parse('2026-11-20T10:15:00Z') - Date.parse('1899-12-30T00:00:00Z')) / 86_400_000;
  for (const r of audit.rows) expect(r[HEADERS.length]).toBeCloseTo(serial, 0);
});
