import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { useCliSandbox } from '../../support/cliSandbox';
import { createXlsxWorkbook } from '../../../src/workbook/exceljs/xlsxWorkbook';
import { saveXlsxWorkbook, loadXlsxWorkbook } from '../../../src/workbook/exceljs/xlsxFile.node';
import { tablePlan } from '../../../src/core/workbook/sheetPlan';
import { emptyState } from '../../../src/core/state/workbookState';
import { outputNames } from '../../../src/cli/commands/export';

const sandbox = useCliSandbox('export');

const LIST_CSV =
  'Yritys;Nimi;Puhelin;Katuosoite;Postinumero;Postitoimipaikka;Lähde\r\n' +
  '=HYPERLINK("http://x.example");Matti Virtanen;040-1234567;Hämeenkatu 1;33100;Tampere;PRH\r\n' +
  '+Plus Oy;Liisa Laine;(09) 123 4567;Mannerheimintie 2;00100;Helsinki;PRH\r\n' +
  '@Ät Tmi;Pekka Puu;00358501234567;Kauppakatu 3;40100;Jyväskylä;PRH\r\n' +
  'Ei numeroa Oy;Anna Aho;;Kirkkokatu 4;90100;Oulu;PRH\r\n' +
  'Demo Oy;Demo Henkilö;0401112222;Demotie 1;00100;Helsinki;Demohakemisto (kuvitteellinen)\r\n';

describe('rajaus export', () => {
  it('writes a LeadDesk file with BOM, E.164 phones, no live formulas, and says what it left out', async () => {
    writeFileSync(join(sandbox.dir, 'lista.csv'), LIST_CSV);
    const code = await main(['export', '--list', join(sandbox.dir, 'lista.csv'), '--format', 'leaddesk', '--out', join(sandbox.dir, 'out', 'leaddesk.csv'), '--lang', 'en']);
    expect(sandbox.err).toEqual([]);
    expect(code).toBe(0);
    const csv = readFileSync(join(sandbox.dir, 'out', 'leaddesk.csv'), 'utf8');
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFPhone;Name;Company;Street address;Postal code;Post office',
      '+358401234567;Matti Virtanen;"\'=HYPERLINK(""http://x.example"")";Hämeenkatu 1;33100;Tampere',
      '+35891234567;Liisa Laine;"\'+Plus Oy";Mannerheimintie 2;00100;Helsinki',
      '+358501234567;Pekka Puu;"\'@Ät Tmi";Kauppakatu 3;40100;Jyväskylä',
      '',
    ]);
    expect(sandbox.out.join('\n')).toMatch(/Exported 3 of 5 rows/);
    expect(sandbox.out.join('\n')).toMatch(/1\s+no phone number/);
    expect(sandbox.out.join('\n')).toMatch(/1\s+demo data/);
    expect(readdirSync(join(sandbox.dir, 'out'))).toEqual(['leaddesk.csv']);
  });

  it('exports demo rows with --allow-demo, and chosen columns in order with ","', async () => {
    writeFileSync(join(sandbox.dir, 'lista.csv'), LIST_CSV);
    const target = join(sandbox.dir, 'dialer.csv');
    expect(await main(['export', '--list', join(sandbox.dir, 'lista.csv'), '--format', 'csv', '--columns', 'Nimi,Puhelin', '--delimiter', ',', '--allow-demo', '--out', target, '--quiet'])).toBe(0);
    expect(readFileSync(target, 'utf8').split('\r\n').slice(0, 2)).toEqual(['\uFEFFNimi,Puhelin', 'Matti Virtanen,+358401234567']);
    expect(readFileSync(target, 'utf8')).toMatch(/Demo Henkilö,\+358401112222/);
    expect(sandbox.out).toEqual([]);
  });

  it('uses the list sheet and the do-not-contact list of a Rajaus workbook', async () => {
    const port = createXlsxWorkbook();
    const state = emptyState();
    state.lists.push({ id: 'l1', name: 'Lista', kind: 'b2b', createdAt: '2026-01-01T00:00:00Z', deleteBy: '2027-01-01', sheets: { list: 'Tulokset', audit: [] }, sources: [], log: [] });
    state.doNotContact.phones.push('+358401234567');
    await port.apply({
      write: [
        tablePlan({ name: 'Asiakkaat', role: 'customers', keys: ['companyName', 'phone'], rows: [['Oma asiakas Oy', '0409999999']], lang: 'fi', tableName: 'Asiakkaat' }),
        tablePlan({ name: 'Tulokset', role: 'list', keys: ['companyName', 'phone'], rows: [['Kielto Oy', '040 123 4567'], ['Soita Oy', '050 765 4321']], lang: 'fi', tableName: 'Tulokset' }),
      ],
      state,
    });
    await saveXlsxWorkbook(port, join(sandbox.dir, 'tyokirja.xlsx'));
    const target = join(sandbox.dir, 'dnc.csv');
    expect(await main(['export', '--list', join(sandbox.dir, 'tyokirja.xlsx'), '--format', 'leaddesk', '--out', target])).toBe(0);
    expect(readFileSync(target, 'utf8').split('\r\n')[1]).toMatch(/^\+358507654321;;Soita Oy/);
    expect(sandbox.out.join('\n')).toMatch(/1\s+kieltolistalla/);
  });

  it('writes mailing labels as a printable workbook when --out is .xlsx', async () => {
    writeFileSync(join(sandbox.dir, 'lista.csv'), LIST_CSV);
    const target = join(sandbox.dir, 'tarrat.xlsx');
    expect(await main(['export', '--list', join(sandbox.dir, 'lista.csv'), '--format', 'mailing', '--out', target, '--quiet'])).toBe(0);
    const wb = await loadXlsxWorkbook(target);
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(['Osoitetarrat', 'Vienti']);
    const labels = await wb.readSheet('Osoitetarrat');
    expect(labels.headers[0]).toBe('Matti Virtanen\n=HYPERLINK("http://x.example")\nHämeenkatu 1\n33100 TAMPERE');
  });

  it('fails with one clear line for a bad format or a missing file', async () => {
    expect(await main(['export', '--list', join(sandbox.dir, 'x.csv'), '--format', 'fax', '--out', join(sandbox.dir, 'o.csv')])).toBe(1);
    expect(sandbox.err.pop()).toBe("rajaus export: --format must be one of leaddesk, csv, dnc, mailing, not 'fax'");
    expect(await main(['export', '--list', join(sandbox.dir, 'puuttuu.csv'), '--format', 'dnc', '--out', join(sandbox.dir, 'o.csv')])).toBe(1);
    expect(sandbox.err.pop()).toBe(`rajaus export: ${join(sandbox.dir, 'puuttuu.csv')}: file not found`);
    expect(readdirSync(sandbox.dir)).toEqual([]);
  });

  it('names several output files FILE-1.csv, FILE-2.csv…', () => {
    expect(outputNames('/tmp/kielto.csv', 1)).toEqual(['/tmp/kielto.csv']);
    expect(outputNames('/tmp/kielto.csv', 3)).toEqual(['/tmp/kielto-1.csv', '/tmp/kielto-2.csv', '/tmp/kielto-3.csv']);
  });
});
