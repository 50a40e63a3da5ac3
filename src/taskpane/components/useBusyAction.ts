/**
 * How the pane's buttons run their work: the step is busy (its inputs disabled) while the work
 * runs, and an error is shown in the pane's message bar instead of being thrown. Steps with a
 * cancellable run with progress set `busy` themselves for that run.
 */
import { useCallback, useState } from 'react';
import { usePane } from '../paneContext';
import { errorText } from '../services/usePaneServices';

export interface BusyAction {
  busy: boolean;
  setBusy: (busy: boolean) => void;
  run: (work: () => Promise<void>) => Promise<void>;
}

export function useBusyAction(): BusyAction {
  const pane = usePane();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (work: () => Promise<void>) => {
      setBusy(true);
      try {
        await work();
      } catch (e) {
        pane.notify('error', errorText(e));
      } finally {
        setBusy(false);
      }
    },
    [pane],
  );
  return { busy, setBusy, run };
}
