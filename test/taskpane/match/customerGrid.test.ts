import { atHeaderRow, detectHeaderRow, kindOverrides } from '../../../src/taskpane/match/customerGrid';
import { isCustomerRow, isTotalRow } from '../../../src/core/list/customerRows';
import { mapHeaders } from '../../../src/core/columns/headerMapping';

describe('customer register as step 2 reads it', () => {
  const titled = {
    name: 'Asiakkaat',
    firstRow: 1,
    rows: [
      ['Asiakasrekisteri 2026', null, null],
      [null, null, null],
      ['Asiakas', 'Puh.', 'Postinro'],
      ['Aino Virtanen', '040 123 4501', '00410'],
      [null, null, null],
      ['Yhteensä', null, null],
    ],
  };

  it('finds the header row under a title and keeps sheet row numbers', () => {
    expect(detectHeaderRow(titled.rows)).toBe(2);
    const g = atHeaderRow(titled, 2);
    expect(g.headers).toEqual(['Asiakas', 'Puh.', 'Postinro']);
    expect(g.headerRow).toBe(3);
    expect(g.firstDataRow).toBe(4);
    expect(g.rows).toHaveLength(3);
    // The blank and the total row are emptied, not removed: row numbers stay.
    expect(g.rows[2]).toEqual([null, null, null]);
    expect(g.skipped).toBe(2);
  });

  it('reads the first row as headers when no row has known names', () => {
    expect(detectHeaderRow([['a', 'b'], ['c', 'd']])).toBe(0);
  });

  it('total rows: "Yhteensä", "Total:", "Totalt"; a company called "Summa Oy" is a customer', () => {
    expect(isTotalRow(['Yhteensä', 128])).toBe(true);
    expect(isTotalRow([null, 'Total:', 3])).toBe(true);
    expect(isTotalRow(['Totalt'])).toBe(true);
    expect(isCustomerRow(['Summa Oy', '1234567-1'])).toBe(true);
    expect(isCustomerRow([null, ''])).toBe(false);
  });

  it('on a consumer list "Asiakas" is a person, not a company; "Yritys" stays a company', () => {
    const headers = ['Asiakas', 'Yritys', 'Puhelin'];
    expect(mapHeaders(headers).keys[0]).toBe('companyName');
    const o = kindOverrides(headers, 'b2c');
    expect(o).toEqual({ Asiakas: 'fullName' });
    expect(mapHeaders(headers, o).keys[0]).toBe('fullName');
    expect(mapHeaders(headers, o).keys[1]).toBe('companyName');
    expect(kindOverrides(headers, 'b2b')).toEqual({});
  });
});
