/**
 * Step 1 of the pane. Not built yet: listed as disabled, so the pane never pretends.
 * The step's own issue replaces this file with the working step.
 */
import type { StepDefinition } from '../paneContext';

function SearchStep(): JSX.Element {
  return <></>;
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
  available: false,
  Component: SearchStep,
};
