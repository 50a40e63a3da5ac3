/**
 * The misses of issue 12 one by one, each a pair that is one customer written as registers do,
 * and the reasons that say what was compared (item 4).
 */
import { matchCustomers } from '../../../src/app/removeCustomers';
import { listFromGrid } from '../../../src/core/list/listTable';
import { BlockIndex } from '../../../src/core/matching/blocking';
import { toMatchTable, Vocabulary } from '../../../src/core/matching/record';
import { phoneMatchKey } from '../../../src/core/normalize/phone';

function match(headersL: string[], list: string[][], headersC: string[], customers: string[][]) {
  return matchCustomers(listFromGrid('lista.csv', headersL, list), listFromGrid('asiakkaat.csv', headersC, customers), { lang: 'fi' });
}

const H = ['Yritys', 'Puhelin', 'Katuosoite', 'Postinumero', 'Postitoimipaikka'];

describe('issue 12 misses', () => {
  it('5: phones written 00358… and 358… without a plus are the same phone', () => {
    for (const p of ['00358401234567', '358401234567', '358 40 123 4567', '00358 40 123 4567'])
      expect(phoneMatchKey(p)).toBe('+358401234567');
    const r = match(H, [['Koivun Putki Oy', '358401234567', '', '', '']], H, [['Koivun Putki Oy', '040 123 4567', '', '', '']]);
    expect(r.rows[0]!.outcome).toBe('removed');
  });

  it('10: the same digits recognise a customer even when the numbering plan calls the number invalid', () => {
    expect(phoneMatchKey('012 345678')).toBe('+35812345678');
    const v = new Vocabulary();
    const a = toMatchTable(['phone'], [['012 345678']], v);
    const b = toMatchTable(['phone'], [['012-345 678']], v);
    expect(a.phone[0]).toBe(b.phone[0]);
    expect(a.phone[0]).not.toBe(-1);
    expect(new BlockIndex(b).candidates(a, 0)).toEqual([0]);
  });

  it('9: identical hyphenated names read one as a company, one as a "Nimi", are the same name', () => {
    const r = match(['Yritys', 'Postinumero'], [['Mäki IT-Palvelu', '00100']], ['Nimi', 'Postinumero'], [['Mäki IT-Palvelu', '00100']]);
    expect(r.rows[0]!.comparison?.name).toBe('exact');
  });

  it('3: a "Nimi" value with a legal form is a company name, whatever the header said', () => {
    const r = match(
      H,
      [['Koivun Putki Oy Ab', '', 'Teollisuuskatu 5', '33100', 'Tampere']],
      ['Nimi', 'Katuosoite', 'Postinumero', 'Postitoimipaikka'],
      [['Koivun Putki Oy', 'Teollisuuskatu 5', '33100', 'Tampere']],
    );
    expect(r.rows[0]!.comparison).toMatchObject({ nameKind: 'company', name: 'exact' });
    expect(r.rows[0]!.outcome).toBe('removed');
  });

  it('1, 7: a mistyped postal code with the same street, number and town is compared, and not "another address"', () => {
    const r = match(H, [['Haapalahden Sähkö Oy', '040 765 4321', 'Kauppakatu 14', '33500', 'Tampere']], H, [
      ['Haapalahden Sähkö Oy', '040 765 4321', 'Kauppakatu 14', '33600', 'Tampere'],
    ]);
    // Compared field by field: the street address the same, the postal code one digit off.
    expect(r.rows[0]!.comparison).toMatchObject({ address: 'exact', area: 'near' });
    expect(r.rows[0]!.outcome).toBe('removed');
    // Persons: no phone, only the name and the address; a postal code typo left the pair uncompared before.
    const P = ['Etunimi', 'Sukunimi', 'Katuosoite', 'Postinumero', 'Postitoimipaikka'];
    const p = match(P, [['Aino', 'Haapalahti', 'Rantatie 7', '40520', 'Jyväskylä']], P, [
      ['Aino', 'Haapalahti', 'Rantatie 7', '40250', 'Jyväskylä'],
    ]);
    expect(p.rows[0]!.customerIndex).toBe(0);
    expect(p.rows[0]!.outcome).not.toBe('kept');
  });

  it('4: the reason states each compared field, and the values of a postal code that disagreed', () => {
    const r = match(H, [['Lahden Laatta Oy', '040 111 2222', 'Asemakatu 3', '15100', 'Lahti']], H, [
      ['Lahden Laatta Oy', '040 111 2222', 'Asemakatu 3', '15140', 'Lahti'],
    ]);
    const reason = r.rows[0]!.reason;
    expect(reason).toMatch(/^(Nimi sama|Puhelin sama)/);
    for (const part of ['nimi sama', 'puhelin sama', 'katuosoite sama', 'postinumero yhtä numeroa vaille sama (15100 ↔ 15140)'])
      expect(reason.toLowerCase()).toContain(part);
    // A postal code that disagrees with the address elsewhere: named with both values.
    const other = match(H, [['Lahden Laatta Oy', '040 111 2222', '', '15100', 'Lahti']], H, [
      ['Lahden Laatta Oy', '040 111 2222', '', '33100', 'Tampere'],
    ]);
    expect(other.rows[0]!.reason.toLowerCase()).toContain('postinumero eri (15100 ↔ 33100)');
    // Identical names are never a percentage.
    expect(reason).not.toMatch(/%/);
  });
});
