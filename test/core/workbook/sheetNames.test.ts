import fc from 'fast-check';
import { makeSheetName, makeTableName, sheetNameProblem, tableNameProblem } from '../../../src/core/workbook/sheetNames';
import { tableNameError } from '../../excel-simulator';

describe("Excel's sheet-name rules", () => {
  it.each([
    ['Tampere 27.11.2026', null],
    ['a'.repeat(31), null],
    ['a'.repeat(32), /31/],
    ['LVI/Tampere', /contains/],
    ['Kysely?', /contains/],
    ["'Lainattu", /starts or ends/],
    ['history', /reserved/],
    ['', /empty/],
  ])('%s', (name, problem) => {
    const p = sheetNameProblem(name);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toMatch(problem);
  });

  it('makes a valid, unique name from any text', () => {
    const name = makeSheetName('Tampere: rakennus/LVI [OY] 27.11.2026 ja paljon muuta', ['Lista']);
    expect(sheetNameProblem(name)).toBeNull();
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).toMatch(/^Tampere rakennus-LVI OY/);
  });

  it('adds a counter when the name is taken, ignoring case, and stays within 31 characters', () => {
    const base = 'Pirkanmaa rakentaminen 27.11.2026';
    const first = makeSheetName(base, []);
    const second = makeSheetName(base, [first.toUpperCase()]);
    expect(second).not.toBe(first);
    expect(second.endsWith(' (2)')).toBe(true);
    expect(second.length).toBeLessThanOrEqual(31);
    expect(makeSheetName(base, [first, second])).toMatch(/ \(3\)$/);
  });

  it('keeps a date suffix whole and shortens the name instead, at a word boundary, counters included', () => {
    // Issue 13: shortened at word boundaries (was 'Rakennus- ja kiintei 27.11.2026').
    const name = makeSheetName('Rakennus- ja kiinteistöyritykset', [], '27.11.2026');
    expect(name).toBe('Rakennus 27.11.2026');
    const again = makeSheetName('Rakennus- ja kiinteistöyritykset', [name], '27.11.2026');
    expect(again).toBe('Rakennus 27.11.2026 (2)');
    expect(makeSheetName('Espoo', [], '27.11.2026')).toBe('Espoo 27.11.2026');
  });

  it('never cuts inside a date at the end of the text, and cuts words whole', () => {
    expect(makeSheetName('Tietosuoja – Tampere F 7.12.2026', [])).toBe('Tietosuoja – Tampere 7.12.2026');
    expect(makeSheetName('Poistetut asiakkaat – Helsinki 5.10.2026', [])).toBe('Poistetut asiakkaat 5.10.2026');
    expect(makeSheetName('Kiinteistöpalveluyritystenlistaustaulukko', [])).toHaveLength(31);
  });

  it('never produces "History" or an empty name', () => {
    expect(sheetNameProblem(makeSheetName('History', []))).toBeNull();
    expect(sheetNameProblem(makeSheetName('???', []))).toBeNull();
  });

  it('makes table names Excel accepts', () => {
    expect(makeTableName('Tulokset 27.11.2026', [])).toBe('Tulokset_27.11.2026');
    expect(makeTableName('Ähtäri', [])).toBe('Ahtari');
    expect(makeTableName('2026 lista', [])).toMatch(/^T_/);
    expect(makeTableName('A1', [])).toBe('T_A1');
    expect(makeTableName('Lista', ['lista'])).toBe('Lista_2');
  });
});

describe("Excel's name grammar for tables", () => {
  it.each(['R2 kampanja', 'C1 asiakkaat', 'TRUE', 'false', 'RC', 'R1C1', 'r', 'C', 'A1', 'xfd1048576', 'A1.x', '2026 lista', '.lista', ''])(
    'makes a valid name of %j with T_ in front',
    (base) => {
      const name = makeTableName(base, []);
      expect(name.startsWith('T_')).toBe(true);
      expect(tableNameProblem(name)).toBeNull();
    },
  );

  it.each(['Rajaus', 'Customers', 'Rc2x', 'XFE1', 'A1B', 'Tulokset_2026'])('keeps the valid name %s as it is', (base) => {
    expect(tableNameProblem(base)).toBeNull();
    expect(makeTableName(base, [])).toBe(base);
  });

  it('avoids names taken by tables and defined names, ignoring case', () => {
    expect(makeTableName('Kohderyhma', ['KOHDERYHMA', 'kohderyhma_2'])).toBe('Kohderyhma_3');
  });

  it('gives, for any text and any taken names, a name that Excel (the simulator) accepts and that is free', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 8 }), (base, taken) => {
        const name = makeTableName(base, taken);
        expect(tableNameProblem(name)).toBeNull();
        expect(tableNameError(name)).toBeNull();
        expect(taken.map((n) => n.toLowerCase())).not.toContain(name.toLowerCase());
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the simulator’s grammar on names of letters, digits, _ and .', () => {
    const chars = fc.constantFrom(...'RrCcAaTtXxFfDdEeUuLlSs0123456789_.');
    fc.assert(
      fc.property(fc.string({ unit: chars, minLength: 1, maxLength: 10 }), (name) => {
        expect(tableNameProblem(name) === null).toBe(tableNameError(name) === null);
      }),
      { numRuns: 5000 },
    );
  });
});
