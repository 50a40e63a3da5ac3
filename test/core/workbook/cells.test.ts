import { fromCell, isoDateToSerial, serialToIsoDate, toCell } from '../../../src/core/workbook/cells';

describe('row model ↔ cell values', () => {
  it('writes dates as Excel serials and reads them back', () => {
    expect(isoDateToSerial('1900-03-01')).toBe(61);
    expect(isoDateToSerial('2015-01-01')).toBe(42005);
    expect(serialToIsoDate(42005)).toBe('2015-01-01');
    expect(toCell('date', '2024-12-31')).toBe(45657);
    expect(fromCell('date', 45657)).toBe('2024-12-31');
  });

  it('keeps phones, postal codes and business ids as text even when a cell held a number', () => {
    expect(toCell('postalCode', '00100')).toBe('00100');
    expect(fromCell('postalCode', 33100)).toBe('33100');
    expect(toCell('phone', 358401234567)).toBe('358401234567');
  });

  it('turns numeric text into numbers for number columns, and empty into null', () => {
    expect(toCell('integer', '1988')).toBe(1988);
    expect(toCell('score', '0,93')).toBe(0.93);
    expect(toCell('integer', 'ei tiedossa')).toBe('ei tiedossa');
    expect(toCell('text', '')).toBeNull();
    expect(fromCell('text', null)).toBeNull();
  });
});
