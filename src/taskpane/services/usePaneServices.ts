/**
 * Builds the PaneServices every step reads with usePane(): the workbook port, language,
 * settings (local storage), notices, and the workbook's Rajaus state with refresh().
 * Kept apart from the components so the wiring is in one place and App stays layout.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_LANG, type Lang } from '../../core/i18n/lang';
import type { Settings } from '../../core/settings/settings';
import type { WorkbookState } from '../../core/state/workbookState';
import type { WorkbookPort } from '../../core/workbook/port';
import { UserError, userMessage } from '../../core/errors';
import type { NoticeKind, PaneServices } from '../paneContext';
import { t } from '../components/messages';
import { initialLang, rememberLang } from './langStore';
import { loadSettings, saveSettings } from './settingsStore';
import type { KeyValueStore } from './storage';

export interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
}

export interface PaneShell {
  services: PaneServices;
  notices: Notice[];
  dismiss(id: number): void;
  setLang(lang: Lang): void;
  /** True until the workbook's state has been read once. */
  loading: boolean;
}

/** Success and info notices go away by themselves; warnings and errors wait for the user. */
const AUTO_DISMISS_MS = 8000;
const MAX_NOTICES = 4;

/**
 * The pane's language as last rendered (usePaneServices sets it): the language errorText says
 * a UserError's location in when its caller does not name one. The pane shows one language at
 * a time.
 */
let shownLang: Lang = DEFAULT_LANG;

/** The message of an error, as a person should see it: a UserError's "file, row, column" in `lang`. */
export function errorText(error: unknown, lang: Lang = shownLang): string {
  if (error instanceof UserError) return userMessage(error, lang);
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** The technical particulars of an error, for the disclosure under its message. */
export function errorDetails(error: unknown): string | undefined {
  return error instanceof UserError ? error.details : undefined;
}

/** The list to show when none is chosen: the newest list whose sheets still exist. */
export function defaultActiveList(state: WorkbookState | null): string | undefined {
  const live = (state?.lists ?? []).filter((l) => !l.deletedAt);
  return live.length ? [...live].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0].id : undefined;
}

/** A port, or a factory giving one per language (the Office.js adapter localizes its messages). */
export type WorkbookSource = WorkbookPort | ((lang: Lang) => WorkbookPort);

export function usePaneServices(args: {
  workbook: WorkbookSource;
  displayLanguage?: string | null;
  store: KeyValueStore;
  now?: () => Date;
}): PaneShell {
  const { store } = args;
  const now = args.now ?? (() => new Date());
  const [lang, setLangState] = useState<Lang>(() => initialLang(store, args.displayLanguage));
  const source = args.workbook;
  const workbook = useMemo(() => (typeof source === 'function' ? source(lang) : source), [source, lang]);
  const initialSettings = useRef(loadSettings(store));
  const [settings, setSettings] = useState<Settings>(initialSettings.current.settings);
  const [state, setState] = useState<WorkbookState | null>(null);
  const [activeListId, setActiveListId] = useState<string | undefined>(undefined);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [loading, setLoading] = useState(true);
  const nextId = useRef(1);
  const langRef = useRef(lang);
  langRef.current = lang;
  shownLang = lang;

  const dismiss = useCallback((id: number) => setNotices((ns) => ns.filter((n) => n.id !== id)), []);

  const notify = useCallback(
    (kind: NoticeKind, text: string) => {
      const id = nextId.current++;
      setNotices((ns) => [...ns.slice(-(MAX_NOTICES - 1)), { id, kind, text }]);
      if (kind === 'success' || kind === 'info') setTimeout(() => dismiss(id), AUTO_DISMISS_MS);
    },
    [dismiss],
  );

  const refresh = useCallback(async () => {
    try {
      const next = await workbook.readState();
      setState(next);
      setActiveListId((current) =>
        current && next?.lists.some((l) => l.id === current && !l.deletedAt) ? current : defaultActiveList(next),
      );
    } catch (error) {
      notify('error', t(langRef.current, 'stateReadFailed', { message: errorText(error) }));
    } finally {
      setLoading(false);
    }
  }, [workbook, notify]);

  // What the workbook adapter has to tell while it works ("finish editing the cell").
  useEffect(() => workbook.onNotice?.((n) => notify(n.kind, n.text)), [workbook, notify]);

  // Once per pane: hidden `~rajaus-` sheets an interrupted step left behind (they hold list
  // rows) are removed or restored before anything else reads the workbook; the adapter's
  // notice says what was done.
  const cleaned = useRef(false);
  useEffect(() => {
    if (cleaned.current) return;
    cleaned.current = true;
    void (async () => {
      try {
        await workbook.cleanUpLeftovers?.();
      } catch (error) {
        notify('error', errorText(error));
      }
      await refresh();
    })();
    const problem = initialSettings.current.problem;
    if (problem) notify('warning', t(langRef.current, 'settingsReset', { problem }));
  }, [refresh, notify, workbook]);

  // A new adapter (the language changed) reads the state again.
  const firstWorkbook = useRef(workbook);
  useEffect(() => {
    if (firstWorkbook.current !== workbook) void refresh();
  }, [workbook, refresh]);

  const setLang = useCallback(
    (next: Lang) => {
      rememberLang(store, next);
      setLangState(next);
    },
    [store],
  );

  const services = useMemo<PaneServices>(
    () => ({
      workbook,
      lang,
      settings,
      saveSettings: (s: Settings) => setSettings(saveSettings(store, s)),
      now,
      notify,
      state,
      refresh,
      activeListId,
      setActiveListId,
    }),
    // `now` is left out on purpose: it is a stable default or the caller's, and must not
    // rebuild the services on each render.
    [workbook, lang, settings, store, notify, state, refresh, activeListId],
  );

  return { services, notices, dismiss, setLang, loading };
}
