/**
 * Issue 16: `rajaus export` streams the list (read in pieces, each row shaped as read, each CSV
 * part written as it fills). What it writes must be what the in-memory export (buildExport,
 * which the pane uses) makes of the same list: the same parts, byte for byte, split at the same
 * rows, with formulas neutralized, and a multi-part manifest naming them.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { useCliSandbox } from '../../support/cliSandbox';
import { buildExport, DNC_MAX_ROWS, type ExportFormat } from '../../../src/core/export/formats';
import { parseTabular } from '../../../src/sources/tabular/parseTabular';

const sandbox = useCliSandbox('export-streaming');

const PHONES = ['040 1234567', '+358 50 765 4321', '(09) 123 4567', '12345', '', '00358401112233', '+46 70 123 45 67', '020 123 456'];

/** A list with every kind of row an export meets: repeats, bad phones, formulas, blanks, demo rows. */
function list(rows: number): string {
  const lines = ['Yritys;Etunimi;Sukunimi;Puhelin;Katuosoite;Postinumero;Postitoimipaikka;Lähde;Huom'];
  for (let i = 0; i < rows; i++) {
    const phone = i % 13 === 0 ? PHONES[i % PHONES.length] : `04${i % 9} ${String(1_000_000 + ((i * 7919) % 9_000_000)).slice(-7)}`;
    const note = i % 101 === 0 ? '"=HYPERLINK(""x"")"' : i % 53 === 0 ? '"a;b ""c"""' : i % 29 === 0 ? '@cmd' : `n${i}`;
    const street = i % 43 === 0 ? '' : `Hämeenkatu ${i % 120}`;
    const source = i % 97 === 0 ? 'Demohakemisto (kuvitteellinen)' : 'PRH';
    lines.push(`Yritys ${i} Oy;Matti;Mäkinen;${phone};${street};${String(i % 99_999).padStart(5, '0')};Tampere;${source};${note}`);
    if (i % 5000 === 0) lines.push(';;;;;;;;');
  }
  return lines.join('\r\n') + '\r\n';
}

async function expected(file: string, format: ExportFormat) {
  const table = await parseTabular(readFileSync(file), file);
  return buildExport(table, { format, lang: 'fi', delimiter: ';' });
}

it('a dnc export of 150,000 rows is streamed into the parts buildExport makes, byte for byte', async () => {
  const file = join(sandbox.dir, 'lista.csv');
  writeFileSync(file, list(150_000));
  const out = join(sandbox.dir, 'out', 'kielto.csv');
  expect(await main(['export', '--list', file, '--format', 'dnc', '--out', out, '--quiet'])).toBe(0);
  const want = await expected(file, 'dnc');
  expect(want.parts.length).toBeGreaterThanOrEqual(2);
  expect(want.parts[0]!.rows).toBe(DNC_MAX_ROWS);
  want.parts.forEach((part, i) => {
    expect(readFileSync(join(sandbox.dir, 'out', `kielto-${i + 1}.csv`), 'utf8')).toBe(part.csv);
  });
  const manifest = JSON.parse(readFileSync(join(sandbox.dir, 'out', 'kielto.parts.json'), 'utf8'));
  expect(manifest.parts).toEqual(want.parts.map((_, i) => `kielto-${i + 1}.csv`));
  expect(manifest.rows).toBe(want.exported);
  // Nothing else: no scratch file, no staging folder.
  expect(readdirSync(join(sandbox.dir, 'out')).sort()).toEqual(
    [...want.parts.map((_, i) => `kielto-${i + 1}.csv`), 'kielto.parts.json'].sort(),
  );
}, 60_000);

it.each(['csv', 'leaddesk', 'mailing'] as const)(
  'a %s export of 30,000 rows is one file, as buildExport makes it',
  async (format) => {
    const file = join(sandbox.dir, 'lista.csv');
    writeFileSync(file, list(30_000));
    const out = join(sandbox.dir, 'vienti.csv');
    expect(await main(['export', '--list', file, '--format', format, '--out', out, '--quiet'])).toBe(0);
    const want = await expected(file, format);
    expect(want.parts).toHaveLength(1);
    expect(readFileSync(out, 'utf8')).toBe(want.parts[0]!.csv);
    // Formula-looking text went out neutralized.
    if (format === 'csv') expect(readFileSync(out, 'utf8')).toContain(`"'=HYPERLINK(""x"")"`);
  },
  60_000,
);

it('an export where no row may go is one file with the header only', async () => {
  const file = join(sandbox.dir, 'lista.csv');
  writeFileSync(file, 'Yritys;Puhelin\r\nA Oy;12\r\nB Oy;\r\n');
  const out = join(sandbox.dir, 'tyhja.csv');
  expect(await main(['export', '--list', file, '--format', 'leaddesk', '--out', out, '--quiet'])).toBe(0);
  expect(readFileSync(out, 'utf8')).toBe((await expected(file, 'leaddesk')).parts[0]!.csv);
  expect(readdirSync(sandbox.dir).sort()).toEqual(['lista.csv', 'tyhja.csv']);
});
