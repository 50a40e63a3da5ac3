import { normalizeDoNotCall, splitBySuppression, describeInvalid } from '../../../src/core/suppression/doNotCall';

describe('normalizeDoNotCall', () => {
  it('reads every written Finnish form as the same E.164 number, once', () => {
    const forms = ['040-1234567', '040 123 4567', '+358 40 123 4567', '00358401234567', '358401234567', '401234567', '0401234567'];
    const r = normalizeDoNotCall(forms.map((value, i) => ({ value, line: i + 1 })));
    expect(r.phones).toEqual(['+358401234567']);
    expect(r.invalid).toEqual([]);
    expect(r.read).toBe(forms.length);
  });

  it('keeps landlines, reports what is not a number with its line, skips blanks and comments', () => {
    const r = normalizeDoNotCall([
      { value: '# ASML Puhelin-Robinson 2026-11', line: 1 },
      { value: '(09) 123 4567', line: 2 },
      { value: '', line: 3 },
      { value: '040-12', line: 4 },
      { value: 'Matti', line: 5 },
      { value: 401112223, line: 6 }, // an Excel cell that lost its leading zero
    ]);
    expect(r.phones).toEqual(['+35891234567', '+358401112223']);
    expect(r.invalid).toEqual([
      { line: 4, value: '040-12' },
      { line: 5, value: 'Matti' },
    ]);
    expect(describeInvalid(r.invalid, 'fi')).toBe('rivi 4: "040-12" ei ole puhelinnumero; rivi 5: "Matti" ei ole puhelinnumero');
  });
});

describe('splitBySuppression', () => {
  it('suppresses a row when any phone column holds a listed number, whatever its form', () => {
    const list = {
      keys: ['fullName', 'phone', 'extra:Puhelin 2'],
      rows: [
        ['Matti Meikäläinen', '040 123 4567', null],
        ['Liisa Virtanen', '050 765 4321', null],
        ['Pekka Korhonen', '+358 9 123 4567', null],
      ],
    };
    const r = splitBySuppression(list, new Set(['+358401234567', '+35891234567']));
    expect(r.kept.map((row) => row[0])).toEqual(['Liisa Virtanen']);
    expect(r.suppressed.map((s) => [s.row[0], s.phone])).toEqual([
      ['Matti Meikäläinen', '+358401234567'],
      ['Pekka Korhonen', '+35891234567'],
    ]);
  });
});
