/**
 * What every step of the task pane gets: the workbook port, language, settings, the workbook's
 * Rajaus state, and a way to tell the user what happened. Provided by App; steps read it with
 * usePane(). The services are created once in index.tsx (Office.js adapter in Excel, the same
 * adapter over the Excel simulator in the browser tests).
 */
import { createContext, useContext } from 'react';
import type { Lang, Localized } from '../core/i18n/lang';
import type { Settings } from '../core/settings/settings';
import type { WorkbookState } from '../core/state/workbookState';
import type { WorkbookPort } from '../core/workbook/port';

export type NoticeKind = 'success' | 'error' | 'warning' | 'info';

export interface PaneServices {
  workbook: WorkbookPort;
  lang: Lang;
  settings: Settings;
  saveSettings(settings: Settings): void;
  now(): Date;
  /** Tells the user what happened: inside a step (StatusScope) in the step's own message bar,
   *  elsewhere at the top of the pane. `details` (a service's address, a library's own words)
   *  go behind a disclosure. */
  notify(kind: NoticeKind, text: string, details?: string): void;
  /** The workbook's Rajaus state as last read; null when the workbook has none yet. */
  state: WorkbookState | null;
  /** Re-reads the state after a step changed the workbook. */
  refresh(): Promise<void>;
  /** The list the user works on (id in state.lists), if any. */
  activeListId: string | undefined;
  setActiveListId(id: string | undefined): void;
}

export const PaneContext = createContext<PaneServices | null>(null);

export function usePane(): PaneServices {
  const ctx = useContext(PaneContext);
  if (!ctx) throw new Error('usePane() outside PaneContext');
  return ctx;
}

/** A step of the flow, as the pane lists it. */
export interface StepDefinition {
  id: 'search' | 'match' | 'buildings' | 'notes' | 'export';
  number: number;
  title: Localized;
  description: Localized;
  /** False while the step is not built: the pane shows it disabled, never a fake. */
  available: boolean;
  Component: () => JSX.Element;
}
