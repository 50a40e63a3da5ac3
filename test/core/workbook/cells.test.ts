import { fromCell, isoDateTimeToSerial, isoDateToSerial, serialToIsoDate, serialToIsoDateTime, toCell } from '../../../src/core/workbook/cells';

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

describe('dates that do not exist, and local date-times', () => {
  it('refuses a date the calendar does not have instead of rolling it over', () => {
    expect(isoDateToSerial('2025-02-30')).toBeNull();
    expect(isoDateToSerial('2025-13-01')).toBeNull();
    expect(isoDateToSerial('2024-02-29')).toBe(45351);
    expect(toCell('date', '2025-02-30')).toBe('2025-02-30');
  });

  /** Europe/Helsinki from the time zone database (Intl), whatever zone the tests run in. */
  const helsinki = (ms: number) => {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Helsinki', timeZoneName: 'shortOffset' })
      .formatToParts(new Date(ms))
      .find((p) => p.type === 'timeZoneName')!.value; // "GMT+2"
    return -Number(name.replace('GMT', '')) * 60;
  };

  it('writes "Poimittu" as the local wall-clock time in Finland, winter and summer, and reads the same moment back', () => {
    const winter = isoDateTimeToSerial('2026-12-07T02:49:00.000Z', helsinki)!;
    expect(serialToIsoDate(winter)).toBe('2026-12-07');
    expect(Math.round((winter % 1) * 24 * 60)).toBe(4 * 60 + 49);
    const summer = isoDateTimeToSerial('2026-07-01T09:00:00Z', helsinki)!;
    expect(Math.round((summer % 1) * 24 * 60)).toBe(12 * 60);
    expect(serialToIsoDateTime(winter, helsinki)).toBe('2026-12-07T02:49:00.000Z');
    expect(serialToIsoDateTime(summer, helsinki)).toBe('2026-07-01T09:00:00.000Z');
    expect(isoDateTimeToSerial('2026-11-27T09:15:00+02:00', helsinki)).toBeCloseTo(isoDateTimeToSerial('2026-11-27T07:15:00Z', helsinki)!, 9);
  });

  it('writes a date-time column as a date-time in the zone the code runs in, and reads it back', () => {
    const cell = toCell('datetime', '2026-12-07T02:49:00.000Z');
    expect(typeof cell).toBe('number');
    expect(fromCell('datetime', cell)).toBe('2026-12-07T02:49:00.000Z');
  });

  it('keeps a timestamp that is not one as text', () => {
    expect(toCell('datetime', '2026-02-30T10:00:00Z')).toBe('2026-02-30T10:00:00Z');
    expect(toCell('datetime', 'eilen')).toBe('eilen');
  });
});
