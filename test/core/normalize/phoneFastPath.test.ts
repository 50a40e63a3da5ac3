import fc from 'fast-check';
import { fastFinnishPhoneKey, normalizePhone, phoneKey, phoneMatchKey, phoneMatchNumber } from '../../../src/core/normalize/phone';

/** The key libphonenumber-js gives, without the fast path. */
function libraryKey(raw: string): string | null {
  const n = normalizePhone(raw);
  return n.valid ? n.e164 : null;
}

describe('phone keys without libphonenumber (fast path)', () => {
  it('gives the same key as libphonenumber-js for every written form of real numbers', () => {
    const forms = (national: string) => {
      const rest = national.slice(1);
      return [
        national,
        `${national.slice(0, 3)}-${national.slice(3)}`,
        `${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`,
        `+358${rest}`,
        `+358 ${rest.slice(0, 2)} ${rest.slice(2)}`,
        `00358${rest}`,
        `358${rest}`,
      ];
    };
    const numbers = [
      '0401234567',
      '0509876543',
      '0451234',
      '0441234567890',
      '0912345678',
      '031234567',
      '0207654321',
      '0101234567',
      '0800123456',
      '0600123456',
      '0181234567',
      '0141234567',
      '0123',
    ];
    // Pseudo-random numbers of every prefix and length, to cover what a list holds.
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 400; i++)
      numbers.push('0' + String(Math.floor(rnd() * 10)) + String(Math.floor(rnd() * 1e9)).slice(0, 4 + Math.floor(rnd() * 6)));
    for (const n of numbers) {
      for (const f of forms(n)) {
        const fast = fastFinnishPhoneKey(f);
        if (fast !== undefined) expect({ f, key: fast }).toEqual({ f, key: libraryKey(f) });
        expect({ f, key: phoneKey(f) }).toEqual({ f, key: libraryKey(f) });
      }
    }
  });

  it('answers the common mobile and landline forms itself', () => {
    expect(fastFinnishPhoneKey('040-1234567')).toBe('+358401234567');
    expect(fastFinnishPhoneKey('+358 40 123 4567')).toBe('+358401234567');
    expect(fastFinnishPhoneKey('(09) 123 4567')).toBe('+35891234567');
  });

  it("answers companies' business numbers (010, 020, 029, 030, 039) itself, as the library would", () => {
    for (const f of ['010 1110372', '0201234567', '+358 20 7654321', '029 123 4567', '0300 12345', '039 1234567']) {
      expect({ f, key: fastFinnishPhoneKey(f) }).toEqual({ f, key: libraryKey(f) });
      expect(fastFinnishPhoneKey(f)).toMatch(/^\+358/);
    }
  });

  it('leaves foreign and odd numbers to the library', () => {
    expect(fastFinnishPhoneKey('+46 8 123 456 78')).toBeUndefined();
    expect(fastFinnishPhoneKey('puh. 040 1234567')).toBeUndefined();
    expect(phoneKey('040-12')).toBeNull();
  });
});

/** Numbers as lists write them: prefixes, area codes in brackets, spaces, dashes, dots, slashes. */
const writtenPhone = fc
  .tuple(
    fc.constantFrom('', '+358', '+358 ', '358', '00358', '0', '(0', '+46 ', '+', ' ', '(09) ', '0'),
    fc.array(
      fc.tuple(
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 4 }),
        fc.constantFrom('', ' ', '-', '.', '/', ')', ' - '),
      ),
      {
        minLength: 1,
        maxLength: 5,
      },
    ),
  )
  .map(([prefix, parts]) => prefix + parts.map(([d, sep]) => d + sep).join(''));

describe('phone fast paths against libphonenumber-js (property)', () => {
  it('fastFinnishPhoneKey answers only what the library answers, with the same E.164', () => {
    fc.assert(
      fc.property(writtenPhone, (raw) => {
        const fast = fastFinnishPhoneKey(raw.trim());
        if (fast !== undefined) expect(fast).toBe(libraryKey(raw));
        expect(phoneKey(raw)).toBe(libraryKey(raw));
      }),
      { numRuns: 3000 },
    );
  });

  it('phoneMatchNumber is phoneMatchKey read as a number, for any text', () => {
    const byKey = (raw: string) => {
      const key = phoneMatchKey(raw);
      return key ? Number(key.slice(1)) : -1;
    };
    fc.assert(
      fc.property(fc.oneof(writtenPhone, fc.string({ maxLength: 16 })), (raw) => {
        expect(phoneMatchNumber(raw)).toBe(byKey(raw));
      }),
      { numRuns: 3000 },
    );
    expect(phoneMatchNumber('040-1234567')).toBe(358401234567);
    expect(phoneMatchNumber('')).toBe(-1);
  });
});
