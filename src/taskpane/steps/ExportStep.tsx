/**
 * Step 5 of the pane. Not built yet: listed as disabled, so the pane never pretends.
 * The step's own issue replaces this file with the working step.
 */
import type { StepDefinition } from '../paneContext';

function ExportStep(): JSX.Element {
  return <></>;
}

export const exportStep: StepDefinition = {
  id: 'export',
  number: 5,
  title: { fi: 'Vie', en: 'Export', sv: 'Exportera' },
  description: {
    fi: 'Soittojärjestelmän CSV, kieltolista ja osoitetarrat.',
    en: 'Dialer CSV, do-not-call list and mailing labels.',
    sv: 'Uppringnings-CSV, spärrlista och adressetiketter.',
  },
  available: false,
  Component: ExportStep,
};
