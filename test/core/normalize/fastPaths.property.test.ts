/**
 * The normalizers' shortcuts for values already in their usual form (matching reads 200,000
 * rows a run) give what the whole definition gives, for any text: each is checked here against
 * the definition as it was written before the shortcut, on generated values shaped like real
 * ones and on arbitrary text.
 */
import fc from 'fast-check';
import { FinnishBusinessIds } from 'finnish-business-ids';
import { normalizeBusinessId } from '../../../src/core/normalize/businessId';
import { normalizeEmail } from '../../../src/core/normalize/email';
import { normalizePersonName, personNameWords } from '../../../src/core/normalize/personName';
import { normalizeCompanyName } from '../../../src/core/normalize/companyName';
import { foldText } from '../../../src/core/normalize/fold';

/** normalizeBusinessId before the shortcut for "1234567-8". */
function businessIdByDefinition(raw: string): string | null {
  let s = raw.trim().toUpperCase().replace(/\s+/g, '');
  if (!s) return null;
  if (s.startsWith('FI')) s = s.slice(2);
  s = s.replace(/[^0-9]/g, '');
  if (s.length < 7 || s.length > 8) return null;
  s = s.padStart(8, '0');
  const id = `${s.slice(0, 7)}-${s.slice(7)}`;
  return FinnishBusinessIds.isValidBusinessId(id) ? id : null;
}

const EMAIL = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** normalizeEmail before the shortcut for an address already in its key's form. */
function emailByDefinition(raw: string): string | null {
  let s = raw.trim();
  if (!s) return null;
  const angle = /<([^>]+)>/.exec(s);
  if (angle) s = angle[1]!;
  s = s
    .replace(/^mailto:/i, '')
    .trim()
    .toLowerCase()
    .replace(/\.$/, '');
  return EMAIL.test(s) ? s : null;
}

/** normalizeCompanyName as it was: legal forms spliced off the word array, connectors filtered. */
function companyByDefinition(raw: string): { tokens: string[]; compact: string; legalForm: string | null } {
  const forms: [string, string][] = [
    ['julkinen osakeyhtio', 'oyj'],
    ['publikt aktiebolag', 'oyj'],
    ['oyj', 'oyj'],
    ['abp', 'oyj'],
    ['plc', 'oyj'],
    ['asunto osakeyhtio', 'oy'],
    ['asuntoosakeyhtio', 'oy'],
    ['asunto oy', 'oy'],
    ['as oy', 'oy'],
    ['oy ab', 'oy'],
    ['ab oy', 'oy'],
    ['oy ltd', 'oy'],
    ['o y', 'oy'],
    ['osakeyhtio', 'oy'],
    ['aktiebolag', 'oy'],
    ['oy', 'oy'],
    ['ab', 'oy'],
    ['ltd', 'oy'],
    ['limited', 'oy'],
    ['inc', 'foreign'],
    ['incorporated', 'foreign'],
    ['llc', 'foreign'],
    ['gmbh', 'foreign'],
    ['corp', 'foreign'],
    ['corporation', 'foreign'],
    ['kommandiittiyhtio', 'ky'],
    ['kommanditbolag', 'ky'],
    ['ky', 'ky'],
    ['kb', 'ky'],
    ['avoin yhtio', 'ay'],
    ['handelsbolag', 'ay'],
    ['ay', 'ay'],
    ['hb', 'ay'],
    ['toiminimi', 'tmi'],
    ['t mi', 'tmi'],
    ['tmi', 'tmi'],
    ['enskild firma', 'tmi'],
    ['enskild naringsidkare', 'tmi'],
    ['osuuskunta', 'osk'],
    ['andelslag', 'osk'],
    ['osk', 'osk'],
    ['rekisteroity yhdistys', 'ry'],
    ['registrerad forening', 'ry'],
    ['r y', 'ry'],
    ['ry', 'ry'],
    ['rf', 'ry'],
    ['r f', 'ry'],
  ];
  const byText = new Map(forms);
  const formAt = (tokens: string[], atEnd: boolean): [string, number] | null => {
    const n = tokens.length;
    if (n === 0) return null;
    if (n >= 2) {
      const f = byText.get(atEnd ? `${tokens[n - 2]} ${tokens[n - 1]}` : `${tokens[0]} ${tokens[1]}`);
      if (f) return [f, 2];
    }
    const f = byText.get(atEnd ? tokens[n - 1]! : tokens[0]!);
    return f ? [f, 1] : null;
  };
  const folded = foldText(raw.includes('&') || raw.includes('+') ? raw.replace(/[&+]/g, ' ja ') : raw);
  const tokens = folded ? folded.split(' ') : [];
  let legalForm: string | null = null;
  for (;;) {
    const start = formAt(tokens, false);
    if (start) {
      tokens.splice(0, start[1]);
      legalForm ??= start[0];
      continue;
    }
    const end = formAt(tokens, true);
    if (end) {
      tokens.splice(tokens.length - end[1], end[1]);
      legalForm ??= end[0];
      continue;
    }
    break;
  }
  const kept = tokens.filter((t) => !['ja', 'och', 'and'].includes(t));
  return { tokens: kept, compact: kept.join(''), legalForm };
}

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

/** Ids as registers write them, valid or not, with the odd space, prefix or missing hyphen. */
const businessIdText = fc.oneof(
  fc.tuple(digits(7, 7), digits(1, 1)).map(([a, b]) => `${a}-${b}`),
  fc.tuple(digits(7, 7)).map(([a]) => `${a}-${FinnishBusinessIds.calculateChecksum(a)}`),
  fc
    .tuple(
      fc.constantFrom('', ' ', 'FI', 'fi ', '\t'),
      digits(5, 9),
      fc.constantFrom('', '-', ' - ', '–'),
      digits(0, 2),
      fc.constantFrom('', ' ', '.'),
    )
    .map((p) => p.join('')),
  fc.string({ maxLength: 12 }),
);

/** Addresses with upper case, brackets, "mailto:", final dots, spaces and non-ASCII letters. */
const emailText = fc
  .tuple(
    fc.constantFrom('', ' ', 'mailto:', 'MAILTO:', 'Matti <', '<'),
    fc.string({ unit: fc.constantFrom(...'abcxyzABC019._-+äÄ\u212a'), minLength: 0, maxLength: 8 }),
    fc.constantFrom('@', '@@', ''),
    fc.string({ unit: fc.constantFrom(...'abcXYZ09-.'), minLength: 0, maxLength: 10 }),
    fc.constantFrom('.fi', '.com', '.FI', '', '.'),
    fc.constantFrom('', '>', '.', ' ', '>.'),
  )
  .map((p) => p.join(''));

describe('normalizer shortcuts give what the whole definition gives', () => {
  it('business ids: "1234567-8" and every other text', () => {
    fc.assert(
      fc.property(businessIdText, (raw) => {
        expect(normalizeBusinessId(raw)).toBe(businessIdByDefinition(raw));
      }),
      { numRuns: 5000 },
    );
    // Both branches are taken: valid canonical ids come back as they are, bad check digits not.
    expect(normalizeBusinessId('0112038-9')).toBe('0112038-9');
    expect(normalizeBusinessId('0112038-8')).toBeNull();
    expect(normalizeBusinessId(' 0112038-9')).toBe('0112038-9');
  });

  it('email addresses: an address already in its key form, and every other text', () => {
    fc.assert(
      fc.property(fc.oneof(emailText, fc.string({ maxLength: 20 })), (raw) => {
        expect(normalizeEmail(raw)).toBe(emailByDefinition(raw));
      }),
      { numRuns: 5000 },
    );
    // The Kelvin sign lower-cases to an ASCII "k": the shortcut must not take it.
    expect(normalizeEmail('\u212a@firma.fi')).toBe('k@firma.fi');
    expect(normalizeEmail('matti@firma.fi')).toBe('matti@firma.fi');
  });

  it('company names: legal forms off both ends, connectors dropped, as the spliced definition did', () => {
    const word = fc.constantFrom(
      'Oy',
      'OY',
      'Ab',
      'Oyj',
      'Ky',
      'Tmi',
      'T:mi',
      'Ay',
      'ry',
      'r.y.',
      'Asunto',
      'As.',
      'osakeyhtiö',
      'Julkinen',
      'Avoin',
      'yhtiö',
      'Ltd',
      'Virtasen',
      'Rakennus',
      'Mäki',
      'IT-Palvelu',
      '&',
      '+',
      'ja',
      'och',
      'and',
      'Enskild',
      'firma',
      '-',
      'Ab:n',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 7 }), fc.constantFrom(' ', '  ', ', '), (words, gap) => {
        const raw = words.join(gap);
        expect(normalizeCompanyName(raw)).toEqual(companyByDefinition(raw));
      }),
      { numRuns: 5000 },
    );
  });

  it("a person's name words: the same words as normalizePersonName, however often a name repeats", () => {
    const part = fc.constantFrom(
      '',
      'Matti',
      'Anna-Liisa',
      'Virtanen',
      'von Wright',
      'Dr',
      ' Mäkelä ',
      'O’Brien',
      'Matti Juhani',
      '-',
      'Åberg',
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(part, part, part), { minLength: 1, maxLength: 30 }), (names) => {
        for (const [first, last, full] of names) {
          expect(personNameWords(first, last, full)).toEqual(normalizePersonName({ first, last, full }).all);
        }
      }),
      { numRuns: 500 },
    );
  });
});
