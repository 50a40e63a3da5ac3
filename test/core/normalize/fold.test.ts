/**
 * foldText's table pass (foldFast) gives what the regular-expression definition gives, for any
 * text and in any order of lengths: the pass writes into one buffer and reads it back through
 * a view kept per length, which must never show another text's characters (the buffer grows
 * past 128 characters, and the views are made again then).
 */
import fc from 'fast-check';
import { foldText } from '../../../src/core/normalize/fold';

const FOLD_MAP: Record<string, string> = { ä: 'a', ö: 'o', å: 'o', æ: 'a', ø: 'o', ü: 'y', w: 'v', ß: 'ss' };

/** fold.ts's foldByRegex, the definition the table is derived from. */
function foldByDefinition(raw: string): string {
  let s = raw.toLowerCase().replace(/[äöåæøüwß]/g, (ch) => FOLD_MAP[ch]!);
  s = s.replace(/['’´`]/g, '');
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(s)) s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return s.replace(/[^a-z0-9]+/g, ' ').trim();
}

const nameChar = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzäöåABCÄÖÅW0123456789 -'’.&éü".split(''));
const name = fc.oneof(
  fc.string({ unit: nameChar, maxLength: 40 }),
  fc.string({ unit: nameChar, minLength: 100, maxLength: 400 }),
  fc.string({ maxLength: 60 }),
);

describe('foldText', () => {
  it('folds every text as the definition does, whatever texts and lengths came before', () => {
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 30 }), (texts) => {
        for (const t of texts) expect(foldText(t)).toBe(foldByDefinition(t));
      }),
      { numRuns: 300 },
    );
  });

  it('gives a short text again after a longer one grew the buffer', () => {
    expect(foldText('Mäkelä Oy')).toBe('makela oy');
    const long = 'Wirtanen '.repeat(40);
    expect(foldText(long)).toBe(foldByDefinition(long));
    expect(foldText('Ääkkönen Ky!')).toBe('aakkonen ky');
    expect(foldText('Mäkelä Oy')).toBe('makela oy');
  });
});
