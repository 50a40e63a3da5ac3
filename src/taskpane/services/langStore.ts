/**
 * The pane's language: the one the user picked last (remembered per user), else Office's
 * display language (fi-FI → fi, sv-SE → sv, en-US → en), else Finnish.
 */
import { isLang, langFromLocale, type Lang } from '../../core/i18n/lang';
import { STORAGE_KEYS, type KeyValueStore } from './storage';

export function initialLang(store: KeyValueStore, displayLanguage: string | undefined | null): Lang {
  const remembered = store.get(STORAGE_KEYS.lang);
  if (isLang(remembered)) return remembered;
  return langFromLocale(displayLanguage);
}

export function rememberLang(store: KeyValueStore, lang: Lang): void {
  store.set(STORAGE_KEYS.lang, lang);
}
