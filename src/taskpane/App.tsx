/**
 * The pane: header with the language switch, notices, the active list, and the five steps.
 * Everything a step needs comes through PaneContext (see paneContext.tsx); App only lays out.
 */
import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { PaneContext, type StepDefinition } from './paneContext';
import { STEPS } from './steps';
import { ActiveList } from './components/ActiveList';
import { RetentionBanner } from './notes/RetentionBanner';
import { Header } from './components/Header';
import { Notices } from './components/Notices';
import { StepFlow } from './components/StepFlow';
import { t } from './components/messages';
import { usePaneServices, type WorkbookSource } from './services/usePaneServices';
import type { KeyValueStore } from './services/storage';

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100vh',
    minWidth: '280px',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  loading: { padding: tokens.spacingVerticalXXL },
});

export interface AppProps {
  /** The workbook port, or a factory making one per UI language. */
  workbook: WorkbookSource;
  /** Office.context.displayLanguage, e.g. "fi-FI". */
  displayLanguage?: string | null;
  store: KeyValueStore;
  steps?: StepDefinition[];
  now?: () => Date;
}

export function App(props: AppProps): JSX.Element {
  const styles = useStyles();
  const shell = usePaneServices({ workbook: props.workbook, displayLanguage: props.displayLanguage, store: props.store, now: props.now });
  const { lang } = shell.services;
  return (
    <PaneContext.Provider value={shell.services}>
      <main className={styles.pane} lang={lang} data-testid="rajaus-pane">
        <Header lang={lang} onLangChange={shell.setLang} />
        <Notices lang={lang} notices={shell.notices} onDismiss={shell.dismiss} />
        {shell.loading ? (
          <Spinner className={styles.loading} size="small" label={t(lang, 'loading')} />
        ) : (
          <>
            <ActiveList />
            {/* A list past its delete-by date is flagged as soon as the pane opens (compliance.md). */}
            <RetentionBanner />
            <StepFlow lang={lang} steps={props.steps ?? STEPS} />
          </>
        )}
      </main>
    </PaneContext.Provider>
  );
}
