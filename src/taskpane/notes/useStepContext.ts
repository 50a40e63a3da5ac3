/** The use cases' StepContext from the pane's services. */
import { useMemo } from 'react';
import type { StepContext } from '../../app/stepContext';
import { usePane } from '../paneContext';

export function useStepContext(): StepContext {
  const pane = usePane();
  // The services object changes whenever workbook, language or settings do.
  return useMemo(() => ({ workbook: pane.workbook, lang: pane.lang, settings: pane.settings, now: () => pane.now() }), [pane]);
}
