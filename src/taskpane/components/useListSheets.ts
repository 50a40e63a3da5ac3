/**
 * The sheets a step can work on, and the one chosen: visible sheets with data, without the
 * lists' notes (and, unless asked, without their audit sheets), the active list preselected.
 * Re-read whenever the workbook's state changes, since every step adds or replaces sheets, and
 * when the user may have changed the sheets in Excel: the pane gets the focus back (the user
 * worked in the grid, added or renamed a sheet) or a sheet dropdown is focused or opened
 * (`refreshSheets`). The workbook port has no sheet events, and Excel's own (onAdded,
 * onDeleted, onNameChanged) are not in every host this pane runs in; the focus is.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { usePane } from '../paneContext';
import { errorText } from '../services/usePaneServices';

export function useListSheets(opts: { includeAudit: boolean }): {
  sheets: string[];
  listSheet: string;
  setListSheet: (name: string) => void;
  /** Reads the sheets again (for a dropdown's onFocus / onMouseDown). */
  refreshSheets: () => void;
} {
  const pane = usePane();
  const { workbook, state, activeListId } = pane;
  const [sheets, setSheets] = useState<string[]>([]);
  const [listSheet, setListSheet] = useState('');
  const [generation, setGeneration] = useState(0);
  const refreshSheets = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => {
    window.addEventListener('focus', refreshSheets);
    return () => window.removeEventListener('focus', refreshSheets);
  }, [refreshSheets]);
  const activeSheet = useMemo(() => state?.lists.find((l) => l.id === activeListId)?.sheets.list, [state, activeListId]);

  useEffect(() => {
    let alive = true;
    const lists = state?.lists ?? [];
    const hidden = new Set(
      [...lists.map((l) => l.sheets.notes), ...(opts.includeAudit ? [] : lists.flatMap((l) => l.sheets.audit))]
        .filter((s): s is string => Boolean(s))
        .map((s) => s.toLowerCase()),
    );
    workbook
      .listSheets()
      .then((all) => {
        if (!alive) return;
        const names = all.filter((s) => s.visible && s.rowCount > 1 && !hidden.has(s.name.toLowerCase())).map((s) => s.name);
        // The same names: keep the array, so that nothing re-reads a sheet for a focus.
        setSheets((cur) => (cur.length === names.length && cur.every((n, i) => n === names[i]) ? cur : names));
        setListSheet((cur) =>
          cur && names.includes(cur) ? cur : activeSheet && names.includes(activeSheet) ? activeSheet : (names[0] ?? ''),
        );
      })
      .catch((e) => pane.notify('error', errorText(e)));
    return () => {
      alive = false;
    };
    // `pane` changes with every state change already listed; notify is stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workbook, state, activeSheet, opts.includeAudit, generation]);

  return { sheets, listSheet, setListSheet, refreshSheets };
}
