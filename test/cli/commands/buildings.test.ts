/**
 * `rajaus buildings` as a user runs it: a list file, a source (a file here, and the HSY WFS
 * replayed on 127.0.0.1), filters, and the outputs list.csv / filtered.csv / summary.json.
 */
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../../src/cli/main';
import { parseCsvRecords } from '../../../src/sources/tabular/csvParse';
import { useReplay } from '../../sources/buildings/replayServer';

const fixtures = path.join(__dirname, '../../fixtures/buildings');
const replay = useReplay();
let errors: string[];
beforeEach(() => {
  errors = [];
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
});
afterEach(() => jest.restoreAllMocks());

const csv = (file: string) => parseCsvRecords(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), ';');

it('writes list.csv with every input column in order plus the building columns, filtered.csv and summary.json', async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'rajaus-b-'));
  const code = await main(['buildings', '--list', path.join(fixtures, 'people-helsinki.csv'), '--source', `file:${path.join(fixtures, 'helsinki-extract.json')}`, '--out', out, '--class', 'detached', '--fuel', 'oil', '--year-from', '1950', '--year-to', '1990', '--quiet']);
  expect(errors).toEqual([]);
  expect(code).toBe(0);
  const list = csv(path.join(out, 'list.csv'));
  const input = csv(path.join(fixtures, 'people-helsinki.csv'));
  expect(list[0]!.slice(0, input[0]!.length)).toEqual(input[0]);
  expect(list[0]!.slice(input[0]!.length)).toEqual(['Rakennusvuosi', 'Käyttötarkoitus', 'Rakennusluokka 2018', 'Kerroksia', 'Lämmitystapa', 'Lämmitysaine', 'Rakennusaine', 'Rakennuksen tunnistus']);
  const yearAt = list[0]!.indexOf('Rakennusvuosi');
  const fuelAt = list[0]!.indexOf('Lämmitysaine');
  for (const row of list.slice(1)) {
    expect(Number(row[yearAt])).toBeGreaterThanOrEqual(1950);
    expect(Number(row[yearAt])).toBeLessThanOrEqual(1990);
    expect(row[fuelAt]).toMatch(/polttoöljy/);
  }
  const filtered = csv(path.join(out, 'filtered.csv'));
  expect(filtered[0]!.slice(-2)).toEqual(['Siirretty', 'Siirron vaihe']);
  const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
  expect(summary.kept + summary.filtered).toBe(input.length - 1);
  expect(summary.kept).toBe(list.length - 1);
  expect(summary.contacted).toEqual([]);
  expect(typeof summary.elapsedMs).toBe('number');
});

it('fetches from a WFS by postal code only and says so in summary.json', async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'rajaus-b-'));
  const listFile = path.join(out, 'espoo.csv');
  writeFileSync(listFile, 'Nimi;Osoite;Postinro\nAino;Kuusikallionkuja 3;02210\nVille;Kuusikallionkuja 5 B;02210\nEmma;Tikkurilantie 51 A 4;01300\n');
  const code = await main(['buildings', '--list', listFile, '--source', 'hsy', '--base-url', `${replay.url}/hsy/wfs`, '--out', out, '--lang', 'en', '--quiet']);
  expect(errors).toEqual([]);
  expect(code).toBe(0);
  const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
  expect(summary.contacted[0].sent).toBe('postal codes 01300, 02210 (no personal addresses)');
  expect(summary.matched).toEqual({ exact: 3, 'street-number': 0, none: 0 });
  expect(existsSync(path.join(out, 'filtered.csv'))).toBe(false);
  const list = csv(path.join(out, 'list.csv'));
  expect(list[1]!.slice(3)).toEqual(['1978', 'Yhden asunnon talot', '', '1', 'Vesikeskuslämmitys', 'Kevyt polttoöljy', 'Puu', 'Exact']); // the match level in the run's language (issue 13), not the code 'exact'
  for (const u of replay.requests) expect(u.search).not.toMatch(/Kuusikallion|Tikkurilan/);
});

it('rejects unknown filter values with one line naming the option', async () => {
  const code = await main(['buildings', '--list', path.join(fixtures, 'people-helsinki.csv'), '--source', 'helsinki', '--class', 'castle']);
  expect(code).toBe(1);
  expect(errors.join('\n')).toMatch(/--class: /);
  const bad = await main(['buildings', '--list', path.join(fixtures, 'people-helsinki.csv'), '--source', 'atlantis']);
  expect(bad).toBe(1);
  expect(errors.at(-1)).toMatch(/--source must be helsinki, hsy, ryhti or file:PATH_OR_URL/);
});
