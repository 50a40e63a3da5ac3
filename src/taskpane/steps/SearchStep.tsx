/**
 * Step 1 of the pane: search a directory by criteria and write the results into a new sheet.
 * The panel itself (criteria code, Posti's postal code file, the TOL tree) is loaded on first
 * open with a dynamic import, so it stays out of the pane's first load.
 */
import { lazy, Suspense } from 'react';
import { Spinner } from '@fluentui/react-components';
import { usePane, type StepDefinition } from '../paneContext';

const SearchPanel = lazy(() => import(/* webpackChunkName: "search" */ '../search/SearchPanel'));

const LOADING = { fi: 'Ladataan hakua…', en: 'Loading search…', sv: 'Laddar sökning…' };

function SearchStep(): JSX.Element {
  const { lang } = usePane();
  return (
    <Suspense fallback={<Spinner size="small" label={LOADING[lang]} />}>
      <SearchPanel />
    </Suspense>
  );
}

export const searchStep: StepDefinition = {
  id: 'search',
  number: 1,
  title: { fi: 'Hae kohderyhmä', en: 'Search', sv: 'Sök målgrupp' },
  description: {
    fi: 'Hakuehdot, reaaliaikainen määrä ja tulokset uudelle taulukolle.',
    en: 'Criteria, a live count and results on a new sheet.',
    sv: 'Kriterier, antal i realtid och resultat på ett nytt blad.',
  },
  available: true,
  Component: SearchStep,
};
