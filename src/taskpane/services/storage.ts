/**
 * The pane's per-user storage (the browser's localStorage). Never the document: settings and
 * the language are the user's, not the workbook's (a workbook travels to other people).
 * Some Office webviews disable localStorage or throw on access; then nothing is remembered
 * and the pane still works.
 */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export const STORAGE_KEYS = {
  settings: 'rajaus.settings.v1',
  lang: 'rajaus.lang',
} as const;

export function browserStore(): KeyValueStore {
  return {
    get(key) {
      try {
        return globalThis.localStorage?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        globalThis.localStorage?.setItem(key, value);
      } catch {
        // Storage full or disabled: the value lasts for this session only.
      }
    },
  };
}

/** An in-memory store, for tests and for hosts without storage. */
export function memoryStore(initial: Record<string, string> = {}): KeyValueStore {
  const data = new Map(Object.entries(initial));
  return { get: (k) => data.get(k) ?? null, set: (k, v) => void data.set(k, v) };
}
