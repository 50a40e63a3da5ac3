import { makeSheetName, makeTableName, sheetNameProblem } from '../../../src/core/workbook/sheetNames';

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
