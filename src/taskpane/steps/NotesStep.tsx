/**
 * Step 4: privacy notes. The active list's processing log (rebuilt from the workbook's state,
 * so it works for a workbook saved earlier), the settings that fill in the notes, the
 * do-not-call check, data subject requests, and the retention warning.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Body1, makeStyles, tokens } from '@fluentui/react-components';
import type { StepDefinition } from '../paneContext';
import { usePane } from '../paneContext';
import { DataSubjectRequests } from '../notes/DataSubjectRequests';
import { DoNotCallImport } from '../notes/DoNotCallImport';
import { ProcessingHistory } from '../notes/ProcessingHistory';
import { t } from '../notes/messages';
import { SettingsForm } from '../settings/SettingsForm';
import { StatusScope } from '../components/StepStatus';

const useStyles = makeStyles({ step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

function NotesStep(): JSX.Element {
  const styles = useStyles();
  const pane = usePane();
  const lang = pane.lang;
  const lists = pane.state?.lists ?? [];
  const list = lists.find((l) => l.id === pane.activeListId) ?? lists.filter((l) => !l.deletedAt).at(-1);
  const live = list && !list.deletedAt ? list : undefined;
  return (
    <div className={styles.step} data-testid="notes-step">
      {!list && <Body1>{t(lang, 'noList')}</Body1>}
      <Accordion multiple collapsible defaultOpenItems={list ? ['history'] : ['settings']}>
        {list && (
          <AccordionItem value="history">
            <AccordionHeader>{t(lang, 'history')}</AccordionHeader>
            <AccordionPanel>
              <StatusScope testId="history-status">
                <ProcessingHistory list={list} />
              </StatusScope>
            </AccordionPanel>
          </AccordionItem>
        )}
        <AccordionItem value="settings">
          <AccordionHeader>{t(lang, 'settings')}</AccordionHeader>
          <AccordionPanel>
            <StatusScope testId="settings-status">
                <SettingsForm />
              </StatusScope>
          </AccordionPanel>
        </AccordionItem>
        {live && (
          <AccordionItem value="dnc">
            <AccordionHeader>{t(lang, 'dnc')}</AccordionHeader>
            <AccordionPanel>
              <StatusScope testId="dnc-status">
                <DoNotCallImport list={live} />
              </StatusScope>
            </AccordionPanel>
          </AccordionItem>
        )}
        <AccordionItem value="dsr">
          <AccordionHeader>{t(lang, 'dsr')}</AccordionHeader>
          <AccordionPanel>
            <StatusScope testId="dsr-status">
                <DataSubjectRequests />
              </StatusScope>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
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
  available: true,
  Component: NotesStep,
};
