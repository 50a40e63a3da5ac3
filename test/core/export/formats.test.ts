import { buildExport, labelLines, labelsSheetPlan, postalAddressLines, postalLine, DNC_MAX_ROWS, LEADDESK_MAX_BYTES, utf8Length } from '../../../src/core/export/formats';
import { looksLikeFormula } from '../../../src/core/export/csv';
import { listFromGrid, type ListTable } from '../../../src/core/list/listTable';
import { parseCsvRecords } from '../../../src/sources/tabular/csvParse';
import type { CellValue } from '../../../src/core/workbook/cells';

const HEADERS = ['Yritys', 'Nimi', 'Puhelin', 'Sähköposti', 'Katuosoite', 'Postinumero', 'Postitoimipaikka', 'Lähde', 'Asiakasnumero'];

function list(rows: CellValue[][]): ListTable {
  return listFromGrid('Tampere LVI', HEADERS, rows);
}

const row = (company: string, name: string, phone: string | null, extra: Partial<{ email: string; street: string; postal: string; office: string; source: string; own: string }> = {}): CellValue[] => [
  company,
  name,
  phone,
  extra.email ?? null,
  extra.street ?? 'Hämeenkatu 10',
  extra.postal ?? '33100',
  extra.office ?? 'Tampere',
  extra.source ?? 'PRH avoin data',
  extra.own ?? null,
];

/** The cells of an exported CSV as a spreadsheet would see them (BOM stripped). */
function cells(csv: string): string[][] {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  return parseCsvRecords(csv.slice(1), ';');
}

describe('LeadDesk contact list', () => {
  const phones = ['040-1234567', '040 123 4567', '+358 40 123 4568', '00358401234569', '358401234570', '(09) 123 4567', '0501234567', '401234571'];
  const expected = ['+358401234567', '+358401234567', '+358401234568', '+358401234569', '+358401234570', '+35891234567', '+358501234567', '+358401234571'];

  it('writes every Finnish way of writing a number in E.164, first column, with a BOM', () => {
    const l = list(phones.map((p, i) => row(`Yritys ${i} Oy`, `Henkilö ${i}`, p)));
    const out = buildExport(l, { format: 'leaddesk', lang: 'fi' });
    expect(out.parts).toHaveLength(1);
    const grid = cells(out.parts[0]!.csv);
    expect(grid[0]).toEqual(['Puhelin', 'Nimi', 'Yritys', 'Katuosoite', 'Postinumero', 'Postitoimipaikka']);
    expect(grid.slice(1).map((r) => r[0])).toEqual(expected);
    expect(grid[1]).toEqual(['+358401234567', 'Henkilö 0', 'Yritys 0 Oy', 'Hämeenkatu 10', '33100', 'Tampere']);
  });

  it('lets no company name that starts with = + - @ run as a formula', () => {
    const names = ['=HYPERLINK("http://x.example";"Avaa")', '+Plus Palvelut Oy', '-Miinus Ky', '@Ät Tmi', '\tSarkain Oy', '\rRivinvaihto Oy'];
    const l = list(names.map((n, i) => row(n, `=Henkilö${i}`, `040 765 43${10 + i}`, { own: `\t=1+${i}` })));
    const out = buildExport(l, { format: 'leaddesk', lang: 'fi', columns: ['Asiakasnumero'] });
    const grid = cells(out.parts[0]!.csv);
    for (const r of grid.slice(1)) {
      expect(r[0]).toMatch(/^\+358\d+$/);
      for (const cell of r.slice(1)) expect(looksLikeFormula(cell)).toBe(false);
    }
    // Leading tab and CR are blanks around a name and are trimmed; custom fields go as they are.
    expect(grid.slice(1).map((r) => r[2])).toEqual(names.map((n) => n.trim()).map((n) => (/^[=+\-@]/.test(n) ? `'${n}` : n)));
    expect(grid[1]![6]).toBe("'\t=1+0");
  });

  it('adds the chosen custom fields after the fixed ones, by header or key', () => {
    const l = list([row('Lämpö Oy', 'Matti Virtanen', '0401234567', { own: 'A-1001' })]);
    const out = buildExport(l, { format: 'leaddesk', lang: 'en', columns: ['Asiakasnumero', 'email', 'Puhelin'] });
    expect(out.headers).toEqual(['Phone', 'Name', 'Company', 'Street address', 'Postal code', 'Post office', 'Asiakasnumero', 'Sähköposti']);
    expect(out.rows[0]!.slice(6)).toEqual(['A-1001', null]);
  });

  it('counts the rows it leaves out, by reason, instead of dropping them silently', () => {
    const l = list([
      row('Hyvä Oy', 'A', '040 111 2222'),
      row('Ei numeroa Oy', 'B', null),
      row('Väärä numero Oy', 'C', '040-12'),
      row('Demo Oy', 'D', '040 333 4444', { source: 'Demohakemisto (kuvitteellinen)' }),
      row('Kielto Oy', 'E', '+358 40 555 6666'),
      row('Kieltoposti Oy', 'F', '040 777 8888', { email: 'Kielto@Firma.fi' }),
      [null, null, null, null, null, null, null, null, null],
    ]);
    const out = buildExport(l, {
      format: 'leaddesk',
      lang: 'fi',
      doNotContact: { phones: ['+358405556666'], emails: ['kielto@firma.fi'] },
    });
    expect(out.exported).toBe(1);
    expect(out.rowsIn).toBe(7);
    const byCode = Object.fromEntries(out.skipped.map((s) => [s.code, s.count]));
    expect(byCode).toEqual({ noPhone: 1, invalidPhone: 1, demo: 1, suppressed: 2, emptyRow: 1 });
    expect(out.skipped.find((s) => s.code === 'demo')!.reason).toMatch(/demo/);
    expect(out.exported + out.skipped.reduce((n, s) => n + s.count, 0)).toBe(out.rowsIn);
  });

  it('exports demo rows only when explicitly allowed', () => {
    const l = list([row('Demo Oy', 'D', '040 333 4444', { source: 'Demohakemisto (kuvitteellinen)' })]);
    expect(buildExport(l, { format: 'leaddesk', lang: 'fi' }).exported).toBe(0);
    expect(buildExport(l, { format: 'leaddesk', lang: 'fi', allowDemo: true }).exported).toBe(1);
  });

  it('fails with a clear message when the list has no phone column', () => {
    const l = listFromGrid('Asiakkaat', ['Yritys', 'Postinumero'], [['Oy Ab', '00100']]);
    expect(() => buildExport(l, { format: 'leaddesk', lang: 'en' })).toThrow(/no phone column/);
  });

  it('splits into files strictly under 10 MB, each with BOM and header, no row lost', () => {
    // ~1 kB a row (a long note in a custom field): 12,000 rows make two files.
    const note = 'Soitettu keväällä, pyysi soittamaan uudelleen syksyllä. Kiinnostunut ilmalämpöpumpusta. '.repeat(10);
    const rows: CellValue[][] = [];
    for (let i = 0; i < 12_000; i++) {
      const n = String(1_000_000 + i);
      rows.push(row(`Rakennuspalvelu Äijälä ja Pojat ${n} Oy`, `Matti-Pekka Virtanen ${n}`, `040${n}`, { own: `${n}: ${note}` }));
    }
    const out = buildExport(list(rows), { format: 'leaddesk', lang: 'fi', columns: ['Asiakasnumero'] });
    expect(out.parts.length).toBe(2);
    let total = 0;
    for (const p of out.parts) {
      const bytes = new TextEncoder().encode(p.csv).length;
      expect(bytes).toBeLessThan(LEADDESK_MAX_BYTES);
      expect(utf8Length(p.csv)).toBe(bytes);
      expect(p.csv.startsWith('\uFEFFPuhelin;')).toBe(true);
      total += p.rows;
    }
    expect(total).toBe(12_000);
    expect(out.parts[0]!.csv.length).toBeGreaterThan(LEADDESK_MAX_BYTES * 0.9);
  });
});

describe('generic dialer CSV', () => {
  const l = list([row('Putki-Pekka Oy', 'Pekka Putkonen', '050 123 4567', { own: '0042' })]);

  it('writes the chosen columns in the chosen order, with the phone in E.164', () => {
    const out = buildExport(l, { format: 'csv', lang: 'fi', columns: ['Asiakasnumero', 'Puhelin', 'Yritys'], delimiter: ',' });
    expect(out.parts[0]!.csv).toBe('\uFEFFAsiakasnumero,Puhelin,Yritys\r\n0042,+358501234567,Putki-Pekka Oy\r\n');
  });

  it('defaults to ";" and every column, and puts the phone first when it was not chosen', () => {
    expect(buildExport(l, { format: 'csv', lang: 'fi' }).headers).toEqual(HEADERS);
    const out = buildExport(l, { format: 'csv', lang: 'fi', columns: ['Yritys'] });
    expect(out.parts[0]!.csv).toBe('\uFEFFPuhelin;Yritys\r\n+358501234567;Putki-Pekka Oy\r\n');
  });

  it('names the missing column and the ones there are', () => {
    expect(() => buildExport(l, { format: 'csv', lang: 'en', columns: ['Liikevaihto'] })).toThrow(/'Liikevaihto'.*Columns: Yritys, Nimi/);
  });
});

describe('do-not-call list', () => {
  it('writes one E.164 column, once per number, and includes suppressed numbers', () => {
    const l = list([row('A', 'A', '040 111 2222'), row('B', 'B', '+358401112222'), row('C', 'C', '09 123 4567'), row('D', 'D', 'ei')]);
    const out = buildExport(l, { format: 'dnc', lang: 'fi', doNotContact: { phones: ['+358401112222'], emails: [] } });
    expect(out.parts[0]!.csv).toBe('\uFEFFPuhelin\r\n+358401112222\r\n+35891234567\r\n');
    expect(Object.fromEntries(out.skipped.map((s) => [s.code, s.count]))).toEqual({ duplicate: 1, invalidPhone: 1 });
  });

  it('splits at 70,000 rows a file', () => {
    const rows: CellValue[][] = [];
    for (let i = 0; i < 70_001; i++) rows.push([`040${String(1_000_000 + i)}`]);
    const out = buildExport(listFromGrid('Robinson', ['Puhelin'], rows), { format: 'dnc', lang: 'fi' });
    expect(out.parts.map((p) => p.rows)).toEqual([DNC_MAX_ROWS, 1]);
    const lines = out.parts[1]!.csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFPuhelin');
    expect(lines[1]).toBe('+358401070000');
    expect(lines).toHaveLength(3);
  });
});

describe('mailing labels', () => {
  it("writes Posti's order: name, company, street, postal code and POST OFFICE in capitals", () => {
    const l = list([
      row('Sähkö-Äijälä Oy', 'Liisa Äijälä', null, { street: 'Åbovägen 4 B 7', postal: '00100', office: 'Helsinki' }),
      row('Ei osoitetta Oy', 'X', null, { street: '' }),
    ]);
    const out = buildExport(l, { format: 'mailing', lang: 'fi' });
    expect(out.rows).toEqual([['Liisa Äijälä', 'Sähkö-Äijälä Oy', 'Åbovägen 4 B 7', '00100 HELSINKI']]);
    expect(out.skipped).toEqual([expect.objectContaining({ code: 'incompleteAddress', count: 1 })]);
    expect(postalLine('20100', 'Åbo')).toBe('20100 ÅBO');
  });

  it("prints an address's extra line (c/o, a building) above the street line, the street line last before the postal code", () => {
    const headers = ['Nimi', 'Katuosoite', 'Osoitteen lisätieto', 'Postinumero', 'Postitoimipaikka'];
    const l = listFromGrid('Postitus', headers, [
      ['Aino Virtanen', 'Kaarnatie 2', 'c/o Matti Virtanen', '00410', 'Helsinki'],
      // The building first and the street second: the street goes next to the postal code.
      ['Liisa Laine', 'Kaarnahovi', 'Kaarnatie 4', '00410', 'Helsinki'],
      // An apartment alone on the extra line goes on the street line.
      ['Juha Mäkinen', 'Topeliuksenkatu 3', 'as. 12', '00250', 'Helsinki'],
      ['Sanna Laine', 'Topeliuksenkatu 5', '', '00250', 'Helsinki'],
      // The street on the second line only.
      ['Pekka Nieminen', '', 'Hämeenkatu 10', '33100', 'Tampere'],
      // A c/o without a street is no address to post to.
      ['Ei Katua', '', 'c/o Virtanen', '33100', 'Tampere'],
    ]);
    const out = buildExport(l, { format: 'mailing', lang: 'fi' });
    expect(out.headers).toEqual(['Nimi', 'Yritys', 'Osoitteen lisätieto', 'Katuosoite', 'Postinumero ja -toimipaikka']);
    expect(out.rows).toEqual([
      ['Aino Virtanen', null, 'c/o Matti Virtanen', 'Kaarnatie 2', '00410 HELSINKI'],
      ['Liisa Laine', null, 'Kaarnahovi', 'Kaarnatie 4', '00410 HELSINKI'],
      ['Juha Mäkinen', null, null, 'Topeliuksenkatu 3 as. 12', '00250 HELSINKI'],
      ['Sanna Laine', null, null, 'Topeliuksenkatu 5', '00250 HELSINKI'],
      ['Pekka Nieminen', null, null, 'Hämeenkatu 10', '33100 TAMPERE'],
    ]);
    expect(out.skipped).toEqual([expect.objectContaining({ code: 'incompleteAddress', count: 1 })]);
    const plan = labelsSheetPlan(out, { name: 'Osoitetarrat', lang: 'fi' });
    expect(plan.rows[0]![0]).toBe('Aino Virtanen\nc/o Matti Virtanen\nKaarnatie 2\n00410 HELSINKI');
    expect(plan.rows[0]![1]).toBe('Liisa Laine\nKaarnahovi\nKaarnatie 4\n00410 HELSINKI');
    expect(labelLines(l, l.rows[0]!)).toEqual(['Aino Virtanen', 'c/o Matti Virtanen', 'Kaarnatie 2', '00410 HELSINKI']);
    expect(postalAddressLines('Koivutie 2', 'PL 12')).toEqual({ extra: 'PL 12', street: 'Koivutie 2' });
  });

  it('keeps the four columns of a list without an extra line', () => {
    const out = buildExport(list([row('Yritys Oy', 'Henkilö', null)]), { format: 'mailing', lang: 'fi' });
    expect(out.headers).toHaveLength(4);
  });

  it('lays the labels out three across on a printable sheet', () => {
    const l = list(Array.from({ length: 4 }, (_, i) => row(`Yritys ${i}`, `Henkilö ${i}`, null)));
    const plan = labelsSheetPlan(buildExport(l, { format: 'mailing', lang: 'fi' }), { name: 'Osoitetarrat', lang: 'fi' });
    expect(plan.role).toBe('labels');
    expect(plan.rows).toHaveLength(2);
    expect(plan.rows[0]![0]).toBe('Henkilö 0\nYritys 0\nHämeenkatu 10\n33100 TAMPERE');
    expect(plan.rows[1]).toEqual(['Henkilö 3\nYritys 3\nHämeenkatu 10\n33100 TAMPERE', null, null]);
    expect(plan.print).toEqual(expect.objectContaining({ orientation: 'portrait', fitToWidth: true }));
  });
});
