/**
 * The user's settings in the pane's local storage, validated with the settings schema on the
 * way in and out. Damaged or outdated stored settings fall back to the defaults instead of
 * breaking the pane; `problem` says so, for a notice.
 */
import { defaultSettings, settingsSchema, type Settings } from '../../core/settings/settings';
import { STORAGE_KEYS, type KeyValueStore } from './storage';

export function loadSettings(store: KeyValueStore): { settings: Settings; problem?: string } {
  const raw = store.get(STORAGE_KEYS.settings);
  if (raw === null) return { settings: defaultSettings() };
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return { settings: parsed.data };
    return { settings: defaultSettings(), problem: parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', ') };
  } catch {
    return { settings: defaultSettings(), problem: 'not JSON' };
  }
}

export function saveSettings(store: KeyValueStore, settings: Settings): Settings {
  const valid = settingsSchema.parse(settings);
  store.set(STORAGE_KEYS.settings, JSON.stringify(valid));
  return valid;
}
