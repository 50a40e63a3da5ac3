/**
 * Step 5 of the pane: export the list for a dialer, as a do-not-call list or as mailing labels.
 * The panel is loaded on first open with a dynamic import, as the search panel is, so it stays
 * out of the pane's first load (design.md: under 350 KB gzipped).
 */
import { lazy, Suspense } from 'react';
import { Spinner } from '@fluentui/react-components';
import { usePane, type StepDefinition } from '../paneContext';

const ExportPanel = lazy(() => import(/* webpackChunkName: "export-panel" */ '../export/ExportPanel'));

const LOADING = { fi: 'Ladataan vientiä…', en: 'Loading export…', sv: 'Laddar export…' };

function ExportStep(): JSX.Element {
  const { lang } = usePane();
  return (
    <Suspense fallback={<Spinner size="small" label={LOADING[lang]} />}>
      <ExportPanel />
    </Suspense>
  );
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
  available: true,
  Component: ExportStep,
};
