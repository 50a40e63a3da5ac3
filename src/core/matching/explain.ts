/**
 * Stage 5 of matching: the explanation a person reads. Every field that was compared, with
 * what the comparison found, strongest evidence first, the fields that disagreed included and
 * their values where they help ("Nimi sama, puhelin sama, postinumero eri (33500 ↔ 06100),
 * katuosoite sama"). A similarity is the real one of the names ("nimi 93 % samankaltainen"),
 * never a score dressed as one: identical names are "nimi sama".
 */
import { defineMessages, type Lang } from '../i18n/lang';
import type { FieldWeight } from './model';

const t = defineMessages({
  fi: {
    'businessId.same': 'Y-tunnus sama',
    'businessId.different': 'Y-tunnus eri',
    'phone.same': 'puhelin sama',
    'phone.different': 'puhelin eri',
    'phone.otherKind': 'puhelin eri (toinen matkapuhelin, toinen ei)',
    'email.same': 'sähköposti sama',
    'email.sameDomain': 'sähköpostin verkkotunnus sama',
    'email.different': 'sähköposti eri',
    'name.exact': 'nimi sama',
    'name.similar': 'nimi {pct} % samankaltainen',
    'name.different': 'nimi eri',
    'name.otherNumber': 'nimen numero eri',
    'name.otherSurname': 'etunimi sama, sukunimi eri',
    'legalForm.same': 'yhtiömuoto sama',
    'legalForm.different': 'yhtiömuoto eri',
    'contact.same': 'yhteyshenkilö sama',
    'contact.different': 'yhteyshenkilö eri',
    'address.exact': 'katuosoite sama',
    'address.house': 'katuosoite sama (porras tai asunto vain toisessa)',
    'address.otherStreet': 'sama talonumero ja asunto, kadun nimi eri',
    'address.otherUnit': 'sama talo, eri asunto',
    'address.street': 'sama katu, eri talo',
    'address.different': 'katuosoite eri',
    'area.same': 'postinumero sama',
    'area.near': 'postinumero yhtä numeroa vaille sama',
    'area.sameTown': 'postinumero eri, postitoimipaikka sama',
    'area.different': 'postinumero eri',
    none: 'ei vastaavaa asiakasta',
  },
  en: {
    'businessId.same': 'business ID same',
    'businessId.different': 'business ID different',
    'phone.same': 'phone same',
    'phone.different': 'phone different',
    'phone.otherKind': 'phone different (one a mobile, the other not)',
    'email.same': 'email same',
    'email.sameDomain': 'email domain same',
    'email.different': 'email different',
    'name.exact': 'name same',
    'name.similar': 'name {pct} % similar',
    'name.different': 'name different',
    'name.otherNumber': 'number in the name different',
    'name.otherSurname': 'first name same, surname different',
    'legalForm.same': 'company form same',
    'legalForm.different': 'company form different',
    'contact.same': 'contact person same',
    'contact.different': 'contact person different',
    'address.exact': 'street address same',
    'address.house': 'street address same (staircase or apartment on one side only)',
    'address.otherStreet': 'same house number and apartment, street name different',
    'address.otherUnit': 'same building, another apartment',
    'address.street': 'same street, another building',
    'address.different': 'street address different',
    'area.same': 'postal code same',
    'area.near': 'postal code one digit off',
    'area.sameTown': 'postal code different, post office same',
    'area.different': 'postal code different',
    none: 'no matching customer',
  },
  sv: {
    'businessId.same': 'FO-nummer samma',
    'businessId.different': 'FO-nummer annat',
    'phone.same': 'telefon samma',
    'phone.different': 'telefon annan',
    'phone.otherKind': 'telefon annan (en mobil, en inte)',
    'email.same': 'e-post samma',
    'email.sameDomain': 'e-postdomän samma',
    'email.different': 'e-post annan',
    'name.exact': 'namn samma',
    'name.similar': 'namn {pct} % lika',
    'name.different': 'namn annat',
    'name.otherNumber': 'numret i namnet annat',
    'name.otherSurname': 'förnamn samma, efternamn annat',
    'legalForm.same': 'bolagsform samma',
    'legalForm.different': 'bolagsform annan',
    'contact.same': 'kontaktperson samma',
    'contact.different': 'kontaktperson annan',
    'address.exact': 'gatuadress samma',
    'address.house': 'gatuadress samma (trappa eller bostad bara på ena sidan)',
    'address.otherStreet': 'samma husnummer och bostad, gatunamn annat',
    'address.otherUnit': 'samma hus, annan bostad',
    'address.street': 'samma gata, annat hus',
    'address.different': 'gatuadress annan',
    'area.same': 'postnummer samma',
    'area.near': 'postnummer en siffra fel',
    'area.sameTown': 'postnummer annat, postanstalt samma',
    'area.different': 'postnummer annat',
    none: 'ingen motsvarande kund',
  },
});

type Key = Parameters<typeof t>[1];

/** The reasons' messages, for tests that check the phrases against them. */
export const reasonMessage = t;

/** The two values of a field that disagreed, list's first ("33500", "06100"), for the reason. */
export type PairValues = Partial<Record<FieldWeight['field'], readonly [string, string]>>;

function phrase(f: FieldWeight, nameSimilarity: number, lang: Lang, values: PairValues): string {
  let text: string;
  if (f.field === 'name' && f.level !== 'exact' && f.level !== 'different' && f.level !== 'otherNumber') {
    // close, subset, partial: the names' real word similarity (never 100 % for unequal names).
    text = similarPhrase(lang, Math.min(99, Math.round(nameSimilarity * 100)));
  } else text = levelPhrase(lang, f.field, f.level);
  // Values of a field that disagreed, what a person checks first ("33500 ↔ 06100"), and the
  // two codes of a postal code that differs, whatever it weighed.
  const v = values[f.field];
  if (v && (f.weight < 0 || (f.field === 'area' && f.level !== 'same')) && v[0] !== v[1]) text += ` (${v[0]} ↔ ${v[1]})`;
  return text;
}

/**
 * The words of a field's level (not a name's similarity), kept by language, field and level:
 * the message's key was a string made and looked up per phrase, some 5 % of linking a 100k list
 * (a reason for every row not kept).
 */
const levelPhrases: Record<Lang, Map<string, Map<string, string>>> = { fi: new Map(), en: new Map(), sv: new Map() };
function levelPhrase(lang: Lang, field: FieldWeight['field'], level: string): string {
  let byLevel = levelPhrases[lang].get(field);
  if (!byLevel) levelPhrases[lang].set(field, (byLevel = new Map()));
  let text = byLevel.get(level);
  if (text === undefined) byLevel.set(level, (text = levelText(lang, field, level)));
  return text;
}

function levelText(lang: Lang, field: FieldWeight['field'], level: string): string {
  if (field === 'name') {
    if (level === 'exact') return t(lang, 'name.exact');
    return t(lang, level === 'different' ? 'name.different' : 'name.otherNumber');
  }
  if (field === 'contact') return t(lang, level === 'exact' || level === 'close' ? 'contact.same' : 'contact.different');
  return t(lang, `${field}.${level}` as Key);
}

/** "nimi 93 % samankaltainen", kept by language and percentage. */
const similarPhrases: Record<Lang, string[]> = { fi: [], en: [], sv: [] };
function similarPhrase(lang: Lang, pct: number): string {
  return (similarPhrases[lang][pct] ??= t(lang, 'name.similar', { pct }));
}

function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/**
 * The reason of a pair in words: every compared field that weighed anything, strongest first
 * (for or against). `withAgainst` = false leaves out what spoke against (kept for callers that
 * want only the case for the match).
 */
export function explain(
  weights: readonly FieldWeight[],
  nameSimilarity: number,
  lang: Lang,
  withAgainst = true,
  values: PairValues = {},
): string {
  const shown = weights
    .filter((f) => Math.abs(f.weight) >= 0.25 && (withAgainst || f.weight > 0))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const parts = [...new Set(shown.map((f) => phrase(f, nameSimilarity, lang, values)))];
  if (!parts.length) return capitalize(t(lang, 'none'));
  return capitalize(parts.join(', '));
}
