/**
 * Step 2 of the pane. Not built yet: listed as disabled, so the pane never pretends.
 * The step's own issue replaces this file with the working step.
 */
import type { StepDefinition } from '../paneContext';

function MatchStep(): JSX.Element {
  return <></>;
}

export const matchStep: StepDefinition = {
  id: 'match',
  number: 2,
  title: { fi: 'Poista omat asiakkaat', en: 'Remove own customers', sv: 'Ta bort egna kunder' },
  description: {
    fi: 'Omat asiakkaat tunnistetaan ja siirretään syineen tarkastustaulukolle.',
    en: 'Your customers are matched out, with reasons, onto an audit sheet.',
    sv: 'Egna kunder identifieras och flyttas med orsak till ett granskningsblad.',
  },
  available: false,
  Component: MatchStep,
};
