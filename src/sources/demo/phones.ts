/**
 * Phone numbers for the demo, built valid by construction (libphonenumber-js would cost seconds
 * over 300,000 numbers; the tests check every one with normalizePhone instead). Each number is
 * used once in the whole demo, so a shared number only appears where the demo puts it on purpose.
 */
import type { Rng } from './random';

/**
 * A number in the readable national form libphonenumber-js writes ("040 1234567"). Kept as one
 * string (not an object with E.164 beside it) because the demo holds 300,000 of them and
 * allocation is most of the generation time; e164Of derives the dialer form when a row is made.
 */
export type DemoPhone = string;

/** "040 1234567" → "+358401234567". */
export function e164Of(national: DemoPhone): string {
  return `+358${national.slice(1).replace(' ', '')}`;
}

const MOBILE_PREFIXES = ['40', '40', '40', '41', '44', '44', '45', '46', '50', '50'];

/** Landline area codes by region (maakunta). */
const AREA_CODE: Record<string, string> = {
  'Helsinki-Uusimaa': '9',
  'Varsinais-Suomi': '2',
  Satakunta: '2',
  'Kanta-Häme': '3',
  Pirkanmaa: '3',
  'Päijät-Häme': '3',
  Kymenlaakso: '5',
  'Etelä-Karjala': '5',
  'Etelä-Savo': '15',
  'Pohjois-Savo': '17',
  'Pohjois-Karjala': '13',
  'Keski-Suomi': '14',
  'Etelä-Pohjanmaa': '6',
  Pohjanmaa: '6',
  'Keski-Pohjanmaa': '6',
  'Pohjois-Pohjanmaa': '8',
  Kainuu: '8',
  Lappi: '16',
  Ahvenanmaa: '18',
};

export class PhoneBook {
  private readonly used = new Set<string>();

  /** True when the number (national form) is already used somewhere in the demo. */
  has(national: DemoPhone): boolean {
    return this.used.has(national);
  }

  /** Claims a number made elsewhere (a customer register's own numbers). */
  claim(national: DemoPhone): boolean {
    if (this.used.has(national)) return false;
    this.used.add(national);
    return true;
  }

  /** A number `0<prefix> <first><rest digits>`, unused so far. */
  private draw(rng: Rng, prefix: string, firstMin: number, firstMax: number, restDigits: number): DemoPhone {
    for (;;) {
      const n = `0${prefix} ${rng.int(firstMin, firstMax)}${rng.digits(restDigits)}`;
      if (this.claim(n)) return n;
    }
  }

  mobile(rng: Rng): DemoPhone {
    return this.draw(rng, rng.pick(MOBILE_PREFIXES), 1, 9, 6);
  }

  /** A landline in the region's area code: "09 1234567", "014 123456". */
  landline(rng: Rng, region: string): DemoPhone {
    const area = AREA_CODE[region] ?? '9';
    // Subscriber numbers start with 2–8: 9 is not valid in these ranges.
    return this.draw(rng, area, 2, 8, area.length === 1 ? 6 : 5);
  }

  /** A national business number (010, 020): switchboards of larger companies. */
  business(rng: Rng): DemoPhone {
    return this.draw(rng, rng.chance(0.5) ? '10' : '20', 2, 7, 6);
  }
}

/**
 * The ways people write a number in their own spreadsheets (data-sources.md):
 * "040-1234567", "040 123 4567", "+358 40 123 4567", "00358401234567", "358401234567",
 * "(09) 123 4567".
 */
export function writtenForm(phone: DemoPhone, style: number): string {
  const national = phone.replace(' ', '');
  const [areaPart, rest] = phone.split(' ') as [string, string];
  const groupRest = rest.length === 7 ? `${rest.slice(0, 3)} ${rest.slice(3)}` : `${rest.slice(0, 3)} ${rest.slice(3)}`;
  switch (style % 7) {
    case 0:
      return `${areaPart}-${rest}`;
    case 1:
      return `${areaPart} ${groupRest}`;
    case 2:
      return `+358 ${areaPart.slice(1)} ${groupRest}`;
    case 3:
      return `00358${national.slice(1)}`;
    case 4:
      return `358${national.slice(1)}`;
    case 5:
      return `(${areaPart}) ${groupRest}`;
    default:
      return national;
  }
}
