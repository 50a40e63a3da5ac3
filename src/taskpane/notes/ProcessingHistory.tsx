/**
 * The active list's processing log, rebuilt from the workbook's machine-readable state: works
 * for a workbook saved last month and opened again, because nothing here lives in the pane.
 */
import { Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { refreshNotes } from '../../app/processingLog';
import { formatDate, formatDateTime } from '../../core/notes/format';
import { stepText } from '../../core/notes/notesSheet';
import type { ListState } from '../../core/state/workbookState';
import { usePane } from '../paneContext';
import { useBusyAction } from '../components/useBusyAction';
import { t } from './messages';
import { useStepContext } from './useStepContext';

const useStyles = makeStyles({
  log: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  entry: {
    display: 'flex',
    flexDirection: 'column',
    borderLeft: `2px solid ${tokens.colorBrandStroke2}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
  when: { color: tokens.colorNeutralForeground3 },
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function ProcessingHistory(props: { list: ListState }): JSX.Element {
  const styles = useStyles();
  const pane = usePane();
  const ctx = useStepContext();
  const { busy, run } = useBusyAction();
  const { list } = props;
  const lang = pane.lang;
  const onRefresh = () =>
    run(async () => {
      await refreshNotes(ctx, list.id);
      pane.notify('success', t(lang, 'notesRefreshed'));
      await pane.refresh();
    });
  return (
    <div className={styles.box} data-testid="processing-history">
      <Caption1>{t(lang, 'historyOf', { name: list.name })}</Caption1>
      {list.log.length === 0 ? (
        <Body1>{t(lang, 'noSteps')}</Body1>
      ) : (
        <ol className={styles.log}>
          {list.log.map((s, i) => (
            <li key={i} className={styles.entry}>
              <Caption1 className={styles.when}>{formatDateTime(s.at, lang)}</Caption1>
              <Body1>{stepText(lang, s, list.sources)}</Body1>
            </li>
          ))}
        </ol>
      )}
      <Caption1>{t(lang, 'deleteBy', { date: formatDate(list.deleteBy, lang) })}</Caption1>
      {list.sheets.notes && <Caption1>{t(lang, 'notesSheet', { sheet: list.sheets.notes })}</Caption1>}
      <Button size="small" disabled={busy} onClick={() => void onRefresh()}>
        {t(lang, 'refreshNotes')}
      </Button>
    </div>
  );
}
