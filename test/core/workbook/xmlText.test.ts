import { SaxesParser } from 'saxes';
import { CUT_MARKER, MAX_CELL_CHARS, REPLACEMENT, TextRepairs, cellText, hasXmlForbidden, textRepairLines, xmlSafe } from '../../../src/core/workbook/xmlText';
import { makeSheetName, sheetNameProblem } from '../../../src/core/workbook/sheetNames';
import { emptyState, stateFromXml, stateToXml } from '../../../src/core/state/workbookState';

/** saxes is a strict XML 1.0 parser: it refuses exactly the characters an .xlsx cannot hold. */
function wellFormed(xml: string): boolean {
  const p = new SaxesParser();
  let ok = true;
  p.on('error', () => {
    ok = false;
  });
  p.write(xml).close();
  return ok;
}

const HOSTILE = ['a\uFFFFb', 'a\uFFFEb', 'lone \uD800 high', 'lone \uDC00 low', 'bell\u0007', 'nul\u0000', 'vt\u000B ff\u000C', 'esc\u001B'];

describe('xmlSafe: what XML 1.0 forbids is replaced visibly and counted', () => {
  test.each(HOSTILE)('%j becomes well-formed text with U+FFFD', (text) => {
    // A lone surrogate is not even UTF-8: an encoder replaces it silently, uncounted.
    if (!/[\uD800-\uDFFF]/.test(text)) expect(wellFormed(`<c>${text}</c>`)).toBe(false);
    const repairs = new TextRepairs();
    const safe = xmlSafe(text, repairs);
    expect(wellFormed(`<c>${safe}</c>`)).toBe(true);
    expect(safe).toContain(REPLACEMENT);
    expect(safe.length).toBe(text.length);
    expect(repairs.repairedCells).toBe(1);
  });

  test('tab, CR, LF, surrogate pairs, ä, € and emoji are kept as they are', () => {
    const text = 'Mäkelä\tOy\r\nrivi 2 € 😀 \uD83D\uDE00';
    const repairs = new TextRepairs();
    expect(xmlSafe(text, repairs)).toBe(text);
    expect(hasXmlForbidden(text)).toBe(false);
    expect(repairs.any).toBe(false);
  });

  test('counts characters and cells', () => {
    const repairs = new TextRepairs();
    xmlSafe('\uFFFF\uFFFF x \u0001', repairs);
    xmlSafe('ok', repairs);
    xmlSafe('\uFFFE', repairs);
    expect(repairs).toMatchObject({ replacedChars: 4, repairedCells: 2, cutCells: 0 });
    expect(textRepairLines('fi', repairs)[0]).toMatch(/^2 solussa .*4 merkkiä/);
  });
});

describe('cellText: at most 32,767 characters, cut with a marker', () => {
  test('a 40,000-character cell is cut to exactly the limit and ends with the marker', () => {
    const repairs = new TextRepairs();
    const cut = cellText('x'.repeat(40_000), repairs);
    expect(cut.length).toBe(MAX_CELL_CHARS);
    expect(cut.endsWith(CUT_MARKER)).toBe(true);
    expect(repairs.cutCells).toBe(1);
    expect(textRepairLines('en', repairs)).toEqual(['1 cell(s) were over 32,767 characters; they were cut and marked […]']);
  });

  test('a cell of exactly 32,767 characters is left alone', () => {
    const repairs = new TextRepairs();
    expect(cellText('y'.repeat(MAX_CELL_CHARS), repairs).length).toBe(MAX_CELL_CHARS);
    expect(repairs.any).toBe(false);
  });

  test('never cuts a surrogate pair in half', () => {
    const text = 'z'.repeat(MAX_CELL_CHARS - CUT_MARKER.length - 1) + '😀'.repeat(100);
    const cut = cellText(text);
    expect(hasXmlForbidden(cut)).toBe(false);
    expect(cut.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
  });
});

describe('names and the state part', () => {
  test('makeSheetName replaces forbidden characters; sheetNameProblem refuses them', () => {
    const name = makeSheetName('Lista\uFFFF Tampere\u0001', []);
    expect(hasXmlForbidden(name)).toBe(false);
    expect(name).toBe('Lista\uFFFD Tampere\uFFFD');
    expect(sheetNameProblem('Lista\uFFFF')).toMatch(/cannot hold/);
  });

  test('the state XML is well-formed with U+FFFF/U+FFFE/controls/lone surrogates in names, and keeps them exactly', () => {
    const s = emptyState();
    s.presets.push({ name: 'Esi\uFFFF\uFFFE\u0001\uD800asetus', criteria: { kind: 'b2b' } } as never);
    const xml = stateToXml(s);
    expect(wellFormed(xml)).toBe(true);
    expect(stateFromXml(xml).presets[0]!.name).toBe('Esi\uFFFF\uFFFE\u0001\uD800asetus');
  });
});
