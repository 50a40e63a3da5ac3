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

  it('keeps a date suffix whole and shortens the name instead, counters included', () => {
    const name = makeSheetName('Rakennus- ja kiinteistöyritykset', [], '27.11.2026');
    expect(name).toBe('Rakennus- ja kiintei 27.11.2026');
    expect(name.length).toBe(31);
    const again = makeSheetName('Rakennus- ja kiinteistöyritykset', [name], '27.11.2026');
    expect(again).toBe('Rakennus- ja kii 27.11.2026 (2)');
    expect(makeSheetName('Espoo', [], '27.11.2026')).toBe('Espoo 27.11.2026');
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
