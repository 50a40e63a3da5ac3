import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { main } from '../../../src/cli/main';
import { useCliSandbox } from '../../support/cliSandbox';
import { DemoDirectorySource } from '../../../src/sources/demo/demoDirectorySource';
import { matchesIndustry } from '../../../src/core/industry/tol';
import { municipalityOfPostalCode, findRegion, postalArea } from '../../../src/core/area/postalAreas';
import type { Criteria } from '../../../src/core/criteria/criteria';
import { loadXlsxWorkbook } from '../../../src/workbook/exceljs/xlsxFile.node';
import { generateCompanies } from '../../fixtures/prh/generate';
import { startFakePrh } from '../../fixtures/prh/fakePrhServer';

const ROOT = join(__dirname, '..', '..', '..');
const sandbox = useCliSandbox('search');

type Row = Record<string, string>;

function readCsv(path: string): Row[] {
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<Row>(text.slice(1), { header: true, delimiter: ';', skipEmptyLines: true }).data;
}

/** Runs `rajaus search` in-process with criteria as JSON; returns the exit code and the rows. */
async function search(criteria: unknown, extra: string[] = [], lang = 'en'): Promise<{ code: number; rows: Row[] }> {
  writeFileSync(join(sandbox.dir, 'c.json'), JSON.stringify(criteria));
  const code = await main(['search', '--criteria', join(sandbox.dir, 'c.json'), '--out', join(sandbox.dir, 'r.csv'), '--lang', lang, ...extra]);
  return { code, rows: code === 0 ? readCsv(join(sandbox.dir, 'r.csv')) : [] };
}

const demo = new DemoDirectorySource();
const expectedCount = async (c: Criteria) => (await demo.count(c)).count;

describe('rajaus search --source demo', () => {
  test('the real command: postal codes 33100, 33200, 33500 give rows in those codes only', () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
    writeFileSync(join(sandbox.dir, 'c.json'), JSON.stringify({ kind: 'b2b', area: { postalCodes: ['33100', '33200', '33500'] } }));
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'rajaus.js'), 'search', '--criteria', 'c.json', '--source', 'demo', '--lang', 'en', '--out', 'r.csv'], { cwd: sandbox.dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const rows = readCsv(join(sandbox.dir, 'r.csv'));
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0]!)).toContain('Postal code');
    expect(new Set(rows.map((x) => x['Postal code']))).toEqual(new Set(['33100', '33200', '33500'].filter((pc) => rows.some((x) => x['Postal code'] === pc))));
    expect(rows.every((x) => ['33100', '33200', '33500'].includes(x['Postal code']!))).toBe(true);
    expect(r.stdout).toMatch(new RegExp(`${rows.length} rows → r.csv`));
  }, 60_000);

  test('an industry section letter', async () => {
    const c: Criteria = { kind: 'b2b', industries: ['F'], area: { municipalities: ['Tampere'] } };
    const { code, rows } = await search(c);
    expect(code).toBe(0);
    expect(rows.length).toBe(await expectedCount(c));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((x) => matchesIndustry(x['Industry code']!, null, 'F'))).toBe(true);
  });

  test('company form and registration range', async () => {
    const c: Criteria = { kind: 'b2b', companyForms: ['OY'], registeredFrom: '2015-01-01', registeredTo: '2019-12-31', area: { regions: ['Pirkanmaa'] } };
    const { rows } = await search(c);
    expect(rows.length).toBe(await expectedCount(c));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((x) => x['Company form'] === 'OY' && x.Registered! >= '2015-01-01' && x.Registered! <= '2019-12-31')).toBe(true);
  });

  test('a municipality by its Swedish name and a region', async () => {
    const { rows: esbo } = await search({ kind: 'b2b', area: { municipalities: ['Esbo'] } });
    expect(esbo.length).toBeGreaterThan(0);
    expect(esbo.every((x) => municipalityOfPostalCode(x['Postal code']!, 'fi') === 'Espoo')).toBe(true);
    const { rows: lappi } = await search({ kind: 'b2b', area: { regions: ['Lappi'] } });
    expect(lappi.length).toBeGreaterThan(0);
    const lapland = findRegion('Lappi')!.code;
    expect(lappi.every((x) => postalArea(x['Postal code']!)?.regionCode === lapland)).toBe(true);
  });

  test('decision-maker role, phone required, and a limit', async () => {
    const c: Criteria = { kind: 'b2b', roles: ['CEO'], requirePhone: true, area: { municipalities: ['Helsinki'] }, limit: 40 };
    const { rows } = await search(c);
    expect(rows).toHaveLength(Math.min(40, await expectedCount(c)));
    expect(rows.every((x) => x.Role === 'CEO' && /^\+358\d+$/.test(x.Phone!) && x['Phone (readable)']!.startsWith('0'))).toBe(true);
    expect(sandbox.out.join('\n')).toMatch(/found, 40 rows/);
  });

  test('consumers by age group, in Finnish headers', async () => {
    const c: Criteria = { kind: 'b2c', area: { municipalities: ['Oulu'] }, ageGroups: ['35-44', '45-54'], requirePhone: true };
    const { rows } = await search(c, [], 'fi');
    expect(rows.length).toBe(await expectedCount(c));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((x) => ['35-44', '45-54'].includes(x['Ikäryhmä (arvio)']!) && x.Puhelin !== '' && x.Kunta === 'Oulu')).toBe(true);
    expect(rows.every((x) => x.Lähde!.includes('demo'))).toBe(true);
  });

  test('.xlsx output holds the list sheet, its privacy notes and the state', async () => {
    writeFileSync(join(sandbox.dir, 'c.json'), JSON.stringify({ kind: 'b2b', area: { postalCodes: ['00100-00180'] }, companyForms: ['OY'] }));
    const code = await main(['search', '--criteria', join(sandbox.dir, 'c.json'), '--out', join(sandbox.dir, 'r.xlsx')]);
    expect(sandbox.err).toEqual([]);
    expect(code).toBe(0);
    const wb = await loadXlsxWorkbook(join(sandbox.dir, 'r.xlsx'));
    const state = (await wb.readState())!;
    expect(state.lists).toHaveLength(1);
    const list = state.lists[0]!;
    const sheet = await wb.readSheet(list.sheets.list);
    expect(sheet.headers).toContain('Postinumero');
    const pc = sheet.headers.indexOf('Postinumero');
    expect(sheet.rows.every((r) => typeof r[pc] === 'string' && r[pc]! >= '00100' && r[pc]! <= '00180')).toBe(true);
    expect((await wb.listSheets()).map((s) => s.name)).toContain(list.sheets.notes);
  });
});

describe('rajaus search: bad criteria', () => {
  test('an unknown key exits 1 with one line naming it', async () => {
    const { code } = await search({ kind: 'b2b', postcodes: ['33100'] });
    expect(code).toBe(1);
    expect(sandbox.err).toHaveLength(1);
    expect(sandbox.err[0]).toMatch(/^rajaus search: .*c\.json: postcodes: unknown key "postcodes"$/);
  });

  test('invalid values name their keys, in the language asked', async () => {
    const { code } = await search({ kind: 'b2b', area: { municipalities: ['Tampree'] }, registeredFrom: '2015' }, [], 'fi');
    expect(code).toBe(1);
    expect(sandbox.err[0]).toContain('registeredFrom: päivämäärä muodossa vvvv-kk-pp');
    expect(sandbox.err[0]).toContain('area.municipalities[0]: tuntematon kunta "Tampree" — tarkoititko "Tampere"?');
  });

  test('broken JSON and a missing file name the file', async () => {
    writeFileSync(join(sandbox.dir, 'c.json'), '{"kind": "b2b",');
    expect(await main(['search', '--criteria', join(sandbox.dir, 'c.json'), '--out', join(sandbox.dir, 'r.csv')])).toBe(1);
    expect(sandbox.err[0]).toMatch(/c\.json: not valid JSON/);
    expect(await main(['search', '--criteria', join(sandbox.dir, 'nope.json'), '--out', join(sandbox.dir, 'r.csv')])).toBe(1);
    expect(sandbox.err[1]).toMatch(/nope\.json: file not found/);
  });
});

describe('rajaus search: other sources', () => {
  test('file: a vendor CSV in Windows-1252 with ";"', async () => {
    const vendor =
      'Yrityksen nimi;Y-tunnus;Yhtiömuoto;Toimialakoodi;Katuosoite;Postinro;Postitoimipaikka;Puh.;Asiakasnumero\r\n' +
      'Rakennus Mäkelä Oy;2345670-5;Osakeyhtiö;41200;Hämeenkatu 5;33100;TAMPERE;040-7654321;V-1001\r\n' +
      'Sähkö-Järvinen Ky;1234567-1;Ky;43210;Åkerlundinkatu 8;33100;TAMPERE;03 2123456;V-1002\r\n' +
      'Ravintola Höyry Oy;2345671-3;Oy;56101;Kauppakatu 2;90100;OULU;08 5551234;V-1003\r\n' +
      '=cmd|\' /C calc\'!A0;2345672-1;Oy;41200;Satamakatu 1;33200;TAMPERE;;V-1004\r\n';
    writeFileSync(join(sandbox.dir, 'toimittaja.csv'), Buffer.from(vendor, 'latin1'));
    const { code, rows } = await search({ kind: 'b2b', industries: ['F'], area: { municipalities: ['Tampere'] } }, ['--source', `file:${join(sandbox.dir, 'toimittaja.csv')}`], 'fi');
    expect(sandbox.err).toEqual([]);
    expect(code).toBe(0);
    expect(rows.map((x) => x.Yritys)).toEqual(['Rakennus Mäkelä Oy', 'Sähkö-Järvinen Ky', "'=cmd|' /C calc'!A0"]);
    expect(rows[0]).toMatchObject({ Yhtiömuoto: 'OY', Puhelin: '+358407654321', Postinumero: '33100', Asiakasnumero: 'V-1001', Lähde: 'toimittaja.csv' });
    expect(rows[0]!['Lähteen tunniste']).toBe('toimittaja.csv:2');
  });

  test('prh: against a local server, with what was checked locally', async () => {
    const pool = generateCompanies({ count: 300, seed: 7 });
    const fake = await startFakePrh(pool);
    try {
      const { code, rows } = await search({ kind: 'b2b', area: { postalCodes: ['33100'] }, companyForms: ['OY'] }, ['--source', 'prh', '--prh-base', fake.base]);
      expect(sandbox.err).toEqual([]);
      expect(code).toBe(0);
      const expected = pool.filter((c) => c.status === '2' && c.addresses[0]!.postCode === '33100' && c.companyForms[0]!.type === '16');
      expect(rows.map((r) => r['Business ID']).sort()).toEqual(expected.map((c) => c.businessId.value).sort());
      expect(rows.every((r) => r.Source === 'PRH YTJ avoin data' && r.Phone === '')).toBe(true);
      expect(sandbox.out.join('\n')).toContain('Patentti- ja rekisterihallitus (PRH), YTJ avoin data, CC BY 4.0');
      expect(sandbox.out.join('\n')).toContain('ended companies and those in bankruptcy or liquidation are left out');
    } finally {
      await fake.close();
    }
  });
});
