/** The list's CSV records of `rajaus match`, kept as UTF-8 outside the heap (recordStore.ts). */
import fc from 'fast-check';
import { RecordStore } from '../../../src/cli/io/recordStore';

describe('RecordStore', () => {
  it('gives back every record as it was pushed, taken in list order', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 300 }), (records) => {
        const store = new RecordStore();
        for (const r of records) store.push(r);
        expect(store.size).toBe(records.length);
        expect(records.map((_, i) => store.take(i))).toEqual(records);
      }),
    );
  });

  it('keeps records larger than a buffer, and Finnish text, intact', () => {
    const store = new RecordStore();
    const big = 'Ä'.repeat(5_000_000);
    const rows = ['Mäkisen Kampaamo Oy;0461350184', big, 'Åströmin Ö-kauppa Ab', '', big + 'x'];
    for (const r of rows) store.push(r);
    expect(rows.map((_, i) => store.take(i))).toEqual(rows);
  });

  it('gives the same records as UTF-8 bytes, taken as text is taken', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 300 }), (records) => {
        const store = new RecordStore();
        for (const r of records) store.push(r);
        expect(records.map((_, i) => store.takeBytes(i).toString('utf8'))).toEqual(records);
      }),
    );
    const store = new RecordStore();
    for (const r of ['a', 'ä', 'c']) store.push(r);
    expect([...store.takeBytes(1)]).toEqual([0xc3, 0xa4]);
    expect(() => store.takeBytes(0)).toThrow(/out of order/);
  });

  it('refuses a record taken out of order (the buffers before it may be gone)', () => {
    const store = new RecordStore();
    for (const r of ['a', 'b', 'c']) store.push(r);
    expect(store.take(1)).toBe('b');
    expect(store.take(1)).toBe('b');
    expect(() => store.take(0)).toThrow(/out of order/);
    expect(() => store.take(3)).toThrow(/out of order/);
  });
});
