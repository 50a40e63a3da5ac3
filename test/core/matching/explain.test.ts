/**
 * explain keeps each level's words by language, field and level (levelPhrase) and a name's
 * similarity by percentage: its reasons must be those of looking every message up, which the
 * reference below does (the phrases as they were before they were kept).
 */
import fc from 'fast-check';
import { explain, reasonMessage, type PairValues } from '../../../src/core/matching/explain';
import type { FieldWeight } from '../../../src/core/matching/model';
import { LANGS, type Lang } from '../../../src/core/i18n/lang';

type Key = Parameters<typeof reasonMessage>[1];

function phrase(f: FieldWeight, nameSimilarity: number, lang: Lang, values: PairValues): string {
  let text: string;
  if (f.field === 'name') {
    if (f.level === 'exact') text = reasonMessage(lang, 'name.exact');
    else if (f.level === 'different' || f.level === 'otherNumber') text = reasonMessage(lang, f.level === 'different' ? 'name.different' : 'name.otherNumber');
    else text = reasonMessage(lang, 'name.similar', { pct: Math.min(99, Math.round(nameSimilarity * 100)) });
  } else if (f.field === 'contact') {
    text = reasonMessage(lang, f.level === 'exact' || f.level === 'close' ? 'contact.same' : 'contact.different');
  } else text = reasonMessage(lang, `${f.field}.${f.level}` as Key);
  const v = values[f.field];
  if (v && (f.weight < 0 || (f.field === 'area' && f.level !== 'same')) && v[0] !== v[1]) text += ` (${v[0]} ↔ ${v[1]})`;
  return text;
}

function reference(weights: readonly FieldWeight[], nameSimilarity: number, lang: Lang, withAgainst: boolean, values: PairValues): string {
  const shown = weights.filter((f) => Math.abs(f.weight) >= 0.25 && (withAgainst || f.weight > 0)).sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const parts = [...new Set(shown.map((f) => phrase(f, nameSimilarity, lang, values)))];
  const s = parts.length ? parts.join(', ') : reasonMessage(lang, 'none');
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

const LEVELS: Record<FieldWeight['field'], readonly string[]> = {
  businessId: ['same', 'different'],
  phone: ['same', 'different', 'otherKind'],
  email: ['same', 'sameDomain', 'different'],
  name: ['exact', 'close', 'subset', 'partial', 'otherFirstName', 'otherSurname', 'otherNumber', 'different'],
  legalForm: ['same', 'different'],
  contact: ['exact', 'close', 'subset', 'partial', 'different'],
  address: ['exact', 'house', 'otherUnit', 'street', 'otherStreet', 'different'],
  area: ['same', 'near', 'sameTown', 'different'],
};
const fieldWeight: fc.Arbitrary<FieldWeight> = fc
  .tuple(fc.constantFrom(...(Object.keys(LEVELS) as FieldWeight['field'][])), fc.nat(), fc.double({ min: -30, max: 30, noNaN: true }))
  .map(([field, k, weight]) => ({ field, level: LEVELS[field][k % LEVELS[field].length]!, weight }));
const pair = fc.tuple(fc.constantFrom('33500', '06100', '1', ''), fc.constantFrom('33500', '06100', '3', ''));

describe('explain', () => {
  it('words every reason as looking each message up does, in every language, asked in any order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(fieldWeight, { maxLength: 8 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...LANGS), fc.boolean(), pair, pair), { maxLength: 20 }),
        (cases) => {
          for (const [weights, similarity, lang, withAgainst, area, name] of cases) {
            const values: PairValues = { area, name };
            expect(explain(weights, similarity, lang, withAgainst, values)).toBe(reference(weights, similarity, lang, withAgainst, values));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
