import { normalizePersonName } from '../../../src/core/normalize/personName';
import { finnishPhonetic } from '../../../src/core/normalize/phonetic';
import { normalizeEmail, companyDomain } from '../../../src/core/normalize/email';
import { normalizePostalCode } from '../../../src/core/normalize/postalCode';

describe('normalizePersonName', () => {
  it('keeps first and last name apart when the columns say which is which', () => {
    const n = normalizePersonName({ first: 'Matti Juhani', last: 'Virtanen' });
    expect(n).toEqual({ first: ['matti', 'juhani'], last: ['virtanen'], all: ['matti', 'juhani', 'virtanen'], structured: true });
  });

  it('reads a one-column name in either order as the same words', () => {
    const a = normalizePersonName({ full: 'Virtanen Matti' });
    const b = normalizePersonName({ full: 'Matti Virtanen' });
    expect([...a.all].sort()).toEqual([...b.all].sort());
    expect(a.structured).toBe(false);
  });

  it('keeps a hyphenated name as one part and folds diacritics for comparison', () => {
    expect(normalizePersonName({ first: 'Anna-Liisa', last: 'Mäkelä' }).all).toEqual(['annaliisa', 'makela']);
    expect(normalizePersonName({ full: 'Åström Sören' }).all).toEqual(['ostrom', 'soren']);
  });
});

describe('finnishPhonetic', () => {
  it('gives doubled-letter slips and old spellings the same key', () => {
    expect(finnishPhonetic('Heikkinen')).toBe(finnishPhonetic('Heikinen'));
    expect(finnishPhonetic('Mattila')).toBe(finnishPhonetic('Matila'));
    expect(finnishPhonetic('Wirtanen')).toBe(finnishPhonetic('Virtanen'));
    expect(finnishPhonetic('Virtanen')).toBe(finnishPhonetic('Virtenen'));
  });

  it('keeps different surnames apart', () => {
    expect(finnishPhonetic('Virtanen')).not.toBe(finnishPhonetic('Nieminen'));
    expect(finnishPhonetic('Korhonen')).not.toBe(finnishPhonetic('Koskinen'));
  });
});

describe('normalizeEmail', () => {
  it('lower-cases and strips display names and mailto:', () => {
    expect(normalizeEmail('Matti Virtanen <Matti.Virtanen@Virtasenrakennus.FI>')).toBe('matti.virtanen@virtasenrakennus.fi');
    expect(normalizeEmail('mailto:info@kahvila.fi')).toBe('info@kahvila.fi');
  });

  it('rejects text that is not an address', () => {
    expect(normalizeEmail('ei sähköpostia')).toBeNull();
    expect(normalizeEmail('matti@')).toBeNull();
    expect(normalizeEmail('')).toBeNull();
  });

  it('knows that a free-mail domain says nothing about the company', () => {
    expect(companyDomain('matti@gmail.com')).toBeNull();
    expect(companyDomain('myynti@virtasenrakennus.fi')).toBe('virtasenrakennus.fi');
  });
});

describe('normalizePostalCode', () => {
  it('restores leading zeros a spreadsheet dropped and strips country prefixes', () => {
    expect(normalizePostalCode(100)).toBe('00100');
    expect(normalizePostalCode('2100')).toBe('02100');
    expect(normalizePostalCode('FI-33100')).toBe('33100');
    expect(normalizePostalCode('33100')).toBe('33100');
    expect(normalizePostalCode('Tampere')).toBeNull();
  });
});
