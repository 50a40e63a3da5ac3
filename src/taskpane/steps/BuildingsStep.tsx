/**
 * Step 3 of the pane. Not built yet: listed as disabled, so the pane never pretends.
 * The step's own issue replaces this file with the working step.
 */
import type { StepDefinition } from '../paneContext';

function BuildingsStep(): JSX.Element {
  return <></>;
}

export const buildingsStep: StepDefinition = {
  id: 'buildings',
  number: 3,
  title: { fi: 'Lisää rakennustiedot', en: 'Add building data', sv: 'Lägg till byggnadsdata' },
  description: {
    fi: 'Valmistumisvuosi, käyttötarkoitus, kerrokset ja lämmitys avoimesta datasta.',
    en: 'Completion year, use, floors and heating from open data.',
    sv: 'Byggnadsår, användning, våningar och uppvärmning från öppna data.',
  },
  available: false,
  Component: BuildingsStep,
};
