/** Excel's sheet limits, one guard for both adapters (issue 16 item 1). */
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, excelLimitProblem, splitPlanForExcel } from '../../../src/core/workbook/excelLimits';
import { labelsSheetPlan, exportSheetPlan } from '../../../src/core/export/formats';
import { tablePlan, type SheetPlan } from '../../../src/core/workbook/sheetPlan';
import type { CellValue } from '../../../src/core/workbook/cells';

/** n rows sharing one array: a million-row plan without a million arrays. */
const manyRows = (n: number, row: CellValue[]) => new Array<CellValue[]>(n).fill(row);

const ADDRESS = ['Matti Virtanen', 'Sähkö Oy', 'Hämeenkatu 1', '33100 TAMPERE'];

describe('Excel limits of a sheet plan', () => {
  it('accepts a table of exactly 1,048,575 rows and a header; refuses one more row with the numbers', () => {
    const fits = tablePlan({ name: 'Tulokset', role: 'list', keys: ['companyName'], rows: manyRows(EXCEL_MAX_ROWS - 1, ['A Oy']), lang: 'fi', tableName: 'T' });
    expect(excelLimitProblem(fits, 'fi')).toBeNull();
    const over: SheetPlan = { ...fits, rows: manyRows(EXCEL_MAX_ROWS, ['A Oy']) };
    expect(excelLimitProblem(over, 'en')).toBe(
      'Sheet "Tulokset" would have 1,048,576 rows, but an Excel sheet holds 1,048,575. Narrow the list or export it as CSV.',
    );
    expect(excelLimitProblem(over, 'fi')).toMatch(/^Taulukkoon "Tulokset" tulisi 1\s048\s576 riviä, mutta Excelin taulukkoon mahtuu 1\s048\s575\./);
  });

  it('refuses 16,385 columns and a sheet name Excel rejects', () => {
    const keys = Array.from({ length: EXCEL_MAX_COLUMNS + 1 }, (_, i) => `extra:S${i}`);
    const wide = tablePlan({ name: 'Leveä', role: 'list', keys, rows: [], lang: 'en', tableName: 'T' });
    expect(excelLimitProblem(wide, 'en')).toBe('Sheet "Leveä" would have 16,385 columns, but an Excel sheet holds 16,384.');
    const named = tablePlan({ name: 'x'.repeat(32), role: 'list', keys: ['companyName'], rows: [], lang: 'en', tableName: 'T' });
    expect(excelLimitProblem(named, 'en')).toMatch(/longer than 31 characters/);
  });

  it('splits the export sheet of a 1,100,000-row mailing list into two sheets and says so', () => {
    const result = { headers: ['Nimi', 'Yritys', 'Katuosoite', 'Postiosoite'], rows: manyRows(1_100_000, ADDRESS) };
    const plan = exportSheetPlan(result, { name: 'Osoitteet', tableName: 'Osoitteet' });
    const split = splitPlanForExcel(plan, { existing: ['Osoitetarrat'], tables: ['Osoitteet'], lang: 'en' });
    expect(split.plans.map((p) => [p.name, p.rows.length, p.tableName])).toEqual([
      ['Osoitteet 1', 1_048_575, 'Osoitteet_1'],
      ['Osoitteet 2', 51_425, 'Osoitteet_2'],
    ]);
    expect(split.plans.every((p) => excelLimitProblem(p, 'en') === null)).toBe(true);
    expect(split.notice).toBe('"Osoitteet": 1,100,000 rows do not fit in one Excel sheet, so they were split into 2 sheets: Osoitteet 1, Osoitteet 2.');
  });

  it('splits a labels sheet (a document, no header) with its row styles, and leaves a plan that fits as it is', () => {
    const labels = labelsSheetPlan({ rows: manyRows(3 * (EXCEL_MAX_ROWS + 2), ADDRESS) }, { name: 'Osoitetarrat', lang: 'fi' });
    expect(labels.rows).toHaveLength(EXCEL_MAX_ROWS + 2);
    const split = splitPlanForExcel(labels, { existing: [], lang: 'fi' });
    expect(split.plans.map((p) => [p.name, p.rows.length, p.rowStyles!.length])).toEqual([
      ['Osoitetarrat 1', EXCEL_MAX_ROWS, EXCEL_MAX_ROWS],
      ['Osoitetarrat 2', 2, 2],
    ]);
    const small = labelsSheetPlan({ rows: [ADDRESS] }, { name: 'Osoitetarrat', lang: 'fi' });
    expect(splitPlanForExcel(small, { existing: [], lang: 'fi' })).toEqual({ plans: [small], notice: null });
  });
});
