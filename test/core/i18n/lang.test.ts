import fc from 'fast-check';
import { defineMessages, langFromLocale } from '../../../src/core/i18n/lang';

/** What a template with its placeholders filled in means: every `{name}` with a value replaced. */
const replaced = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));

describe('defineMessages', () => {
  it('fills placeholders as a replace of every {name} would, for any template and values', () => {
    const piece = fc.oneof(fc.constantFrom('{a}', '{b}', '{pct}', '{', '}', '{}', '{ a}', ' ', 'x'), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }).map((p) => p.join('')),
        fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(fc.string({ maxLength: 3 }), fc.integer())),
        (template, params) => {
          const t = defineMessages({ fi: { k: template }, en: { k: template }, sv: { k: template } });
          // Twice: the template is cut once and kept.
          expect(t('fi', 'k', params)).toBe(replaced(template, params));
          expect(t('fi', 'k', params)).toBe(replaced(template, params));
        },
      ),
    );
  });

  it('takes the language asked for, functions as they are, and leaves a name without a value as written', () => {
    const t = defineMessages({
      fi: { hello: 'Hei {name}, {n} riviä', f: (p: Record<string, string | number>) => `f${p.x}` },
      en: { hello: 'Hi {name}, {n} rows', f: () => 'en' },
      sv: { hello: 'Hej {name}, {n} rader', f: () => 'sv' },
    });
    expect(t('fi', 'hello', { name: 'Aino', n: 3 })).toBe('Hei Aino, 3 riviä');
    expect(t('sv', 'hello', { name: 'Aino' })).toBe('Hej Aino, {n} rader');
    expect(t('fi', 'f', { x: 1 })).toBe('f1');
    expect(langFromLocale('sv-SE')).toBe('sv');
  });
});
