/**
 * How the pane's buttons run their work: the step is busy (its inputs disabled) while the work
 * runs, the step's previous message goes when the new action starts, and an error is shown in
 * the step's message bar (StatusScope) instead of being thrown. Steps with a
 * cancellable run with progress set `busy` themselves for that run.
 */
import { useCallback, useState } from 'react';
import { usePane } from '../paneContext';
import { errorDetails, errorText } from '../services/usePaneServices';
import { useClearStatus } from './StepStatus';

export interface BusyAction {
  busy: boolean;
  setBusy: (busy: boolean) => void;
  run: (work: () => Promise<void>) => Promise<void>;
}

export function useBusyAction(): BusyAction {
  const pane = usePane();
  const clearStatus = useClearStatus();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (work: () => Promise<void>) => {
      clearStatus();
      setBusy(true);
      try {
        await work();
      } catch (e) {
        pane.notify('error', errorText(e), errorDetails(e));
      } finally {
        setBusy(false);
      }
    },
    [pane, clearStatus],
  );
  return { busy, setBusy, run };
}
