/**
 * Stage 5 of matching: the explanation a person reads. The fields that spoke for the match,
 * strongest first, joined with " + " ("Sama Y-tunnus", "Nimi 96 % + sama katuosoite"); for a
 * pair in review also what spoke against it ("…; eri puhelinnumero").
 */
import { defineMessages, type Lang } from '../i18n/lang';
import type { FieldWeight } from './model';

const t = defineMessages({
  fi: {
    'businessId.same': 'sama Y-tunnus',
    'businessId.different': 'eri Y-tunnus',
    'phone.same': 'sama puhelinnumero',
    'phone.different': 'eri puhelinnumero',
    'email.same': 'sama sähköposti',
    'email.sameDomain': 'sama sähköpostin verkkotunnus',
    'email.different': 'eri sähköposti',
    'name.exact': 'sama nimi',
    'name.similar': 'nimi {pct} %',
    'name.different': 'eri nimi',
    'legalForm.different': 'eri yhtiömuoto',
    'contact.same': 'sama yhteyshenkilö',
    'address.exact': 'sama katuosoite',
    'address.house': 'sama katuosoite',
    'address.street': 'sama katu',
    'address.otherUnit': 'eri asunto samassa talossa',
    'address.different': 'eri osoite',
    'area.same': 'sama postinumero',
    'area.sameTown': 'sama postitoimipaikka',
    'area.different': 'eri postinumero',
    none: 'ei vastaavaa asiakasta',
  },
  en: {
    'businessId.same': 'same business ID',
    'businessId.different': 'different business ID',
    'phone.same': 'same phone number',
    'phone.different': 'different phone number',
    'email.same': 'same email',
    'email.sameDomain': 'same email domain',
    'email.different': 'different email',
    'name.exact': 'same name',
    'name.similar': 'name {pct} %',
    'name.different': 'different name',
    'legalForm.different': 'different company form',
    'contact.same': 'same contact person',
    'address.exact': 'same street address',
    'address.house': 'same street address',
    'address.street': 'same street',
    'address.otherUnit': 'another apartment in the same building',
    'address.different': 'different address',
    'area.same': 'same postal code',
    'area.sameTown': 'same post office',
    'area.different': 'different postal code',
    none: 'no matching customer',
  },
  sv: {
    'businessId.same': 'samma FO-nummer',
    'businessId.different': 'annat FO-nummer',
    'phone.same': 'samma telefonnummer',
    'phone.different': 'annat telefonnummer',
    'email.same': 'samma e-post',
    'email.sameDomain': 'samma e-postdomän',
    'email.different': 'annan e-post',
    'name.exact': 'samma namn',
    'name.similar': 'namn {pct} %',
    'name.different': 'annat namn',
    'legalForm.different': 'annan bolagsform',
    'contact.same': 'samma kontaktperson',
    'address.exact': 'samma gatuadress',
    'address.house': 'samma gatuadress',
    'address.street': 'samma gata',
    'address.otherUnit': 'annan bostad i samma hus',
    'address.different': 'annan adress',
    'area.same': 'samma postnummer',
    'area.sameTown': 'samma postanstalt',
    'area.different': 'annat postnummer',
    none: 'ingen motsvarande kund',
  },
});

type Key = Parameters<typeof t>[1];

function phrase(f: FieldWeight, nameSimilarity: number, lang: Lang): string | null {
  if (f.field === 'name') {
    if (f.level === 'exact') return t(lang, 'name.exact');
    if (f.level === 'different' || f.level === 'partial') return t(lang, 'name.different');
    return t(lang, 'name.similar', { pct: Math.min(99, Math.round(nameSimilarity * 100)) });
  }
  if (f.field === 'contact') return f.weight > 0 ? t(lang, 'contact.same') : null;
  if (f.field === 'legalForm') return f.level === 'different' ? t(lang, 'legalForm.different') : null;
  const key = `${f.field}.${f.level}` as Key;
  return t(lang, key);
}

function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/**
 * The reason of a pair in words. `withAgainst` adds what spoke against the match (for review
 * and for kept look-alikes); removed rows name only what made them certain.
 */
export function explain(weights: readonly FieldWeight[], nameSimilarity: number, lang: Lang, withAgainst = false): string {
  const forMatch = weights.filter((f) => f.weight >= 0.5).sort((a, b) => b.weight - a.weight);
  const against = weights.filter((f) => f.weight <= -1).sort((a, b) => a.weight - b.weight);
  const pros = [...new Set(forMatch.map((f) => phrase(f, nameSimilarity, lang)).filter((p): p is string => !!p))].slice(0, 3);
  const cons = withAgainst
    ? [...new Set(against.map((f) => phrase(f, nameSimilarity, lang)).filter((p): p is string => !!p))].slice(0, 2)
    : [];
  if (!pros.length && !cons.length) return capitalize(t(lang, 'none'));
  const text = pros.join(' + ') + (cons.length ? (pros.length ? '; ' : '') + cons.join(', ') : '');
  return capitalize(text);
}
