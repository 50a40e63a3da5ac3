import { wrappedLines, wrappedRowHeights } from '../../../src/core/workbook/rowHeights';
import { plannedColumn, type SheetPlan } from '../../../src/core/workbook/sheetPlan';
import { labelsSheetPlan } from '../../../src/core/export/formats';
import { wrappedNotesPlan } from '../../fixtures/notesPlan';

describe('row heights for wrapped text', () => {
  it('counts lines by whole words and by explicit line breaks', () => {
    expect(wrappedLines('Rekisterinpitäjä', 30)).toBe(1);
    expect(wrappedLines('Virtanen Matti\nHämeenkatu 1 A 2\n33100 TAMPERE', 34)).toBe(3);
    // 60 characters of words in a 30-character column: two lines or three, never one.
    const text = 'Tietoja käsitellään suoramarkkinointia varten oikeutetun edun perusteella';
    expect(wrappedLines(text, 30)).toBeGreaterThanOrEqual(3);
    expect(wrappedLines('x'.repeat(100), 20)).toBe(6);
    expect(wrappedLines('lyhyt', 30, 16)).toBe(1);
  });

  it('gives a notes row with a long paragraph a height for its lines, and leaves one-line rows alone', () => {
    const plan: SheetPlan = wrappedNotesPlan();
    const heights = wrappedRowHeights(plan);
    expect(heights[0]).toBeUndefined();
    expect(heights[1]).toBeGreaterThanOrEqual(45);
    expect(heights[1]! % 15).toBe(0);
  });

  it('gives address labels their three or four lines', () => {
    const plan = labelsSheetPlan(
      { rows: [['Virtanen Matti', 'Hämeenkatu 1 A 2', '33100 TAMPERE'], ['Rakennus Oy', 'Matti Virtanen', 'PL 12', '00101 HELSINKI']] },
      { name: 'Osoitetarrat', lang: 'fi', across: 2 },
    );
    expect(wrappedRowHeights(plan)).toEqual([60]);
  });

  it('leaves table sheets alone', () => {
    const plan: SheetPlan = { name: 'L', role: 'list', columns: [plannedColumn('companyName', 'fi')], rows: [['a\nb\nc']], layout: 'table', freezeHeader: true };
    expect(wrappedRowHeights(plan)).toEqual([undefined]);
  });
});
