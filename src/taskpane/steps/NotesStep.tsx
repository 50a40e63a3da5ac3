/**
 * Step 4 of the pane. Not built yet: listed as disabled, so the pane never pretends.
 * The step's own issue replaces this file with the working step.
 */
import type { StepDefinition } from '../paneContext';

function NotesStep(): JSX.Element {
  return <></>;
}

export const notesStep: StepDefinition = {
  id: 'notes',
  number: 4,
  title: { fi: 'Tietosuoja', en: 'Privacy notes', sv: 'Dataskydd' },
  description: {
    fi: 'Rekisteriseloste, käsittelyloki, kieltolistat ja rekisteröidyn pyynnöt.',
    en: 'Privacy notes, processing log, do-not-call and data subject requests.',
    sv: 'Dataskyddsbeskrivning, behandlingslogg, spärrlistor och begäranden.',
  },
  available: false,
  Component: NotesStep,
};
