/**
 * How an address was matched to a building, in the list's language: the same words as the
 * pane's filter. A module of its own, without the code lists of columns.ts, so that the notes
 * (in the pane's first load) can say a logged filter in words without loading the code lists.
 */
import type { Lang } from '../i18n/lang';
import type { MatchLevel } from './join';

export const MATCH_LEVEL_NAMES: Record<MatchLevel, Record<Lang, string>> = {
  exact: { fi: 'Tarkka', en: 'Exact', sv: 'Exakt' },
  'street-number': { fi: 'Katu ja numero', en: 'Street and number', sv: 'Gata och nummer' },
  none: { fi: 'Ei tunnistettu', en: 'Not matched', sv: 'Inte matchad' },
};
