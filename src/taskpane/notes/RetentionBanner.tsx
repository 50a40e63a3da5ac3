/**
 * Warns when a list in the workbook is past its delete-by date, with one-click deletion of
 * that list's sheets (the notes stay, with the deletion logged). The shell renders it at the
 * top of the pane, above the steps.
 */
import { useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { deleteList, findExpiredLists } from '../../app/retention';
import { formatDate } from '../../core/notes/format';
import { usePane } from '../paneContext';
import { errorText } from '../services/usePaneServices';
import { t } from './messages';
import { useStepContext } from './useStepContext';

export function RetentionBanner(): JSX.Element | null {
  const pane = usePane();
  const ctx = useStepContext();
  const [busy, setBusy] = useState<string | null>(null);
  const expired = findExpiredLists(pane.state, pane.now());
  if (expired.length === 0) return null;
  const onDelete = async (id: string, name: string) => {
    setBusy(id);
    try {
      await deleteList(ctx, id);
      pane.notify('success', t(pane.lang, 'retentionDeleted', { name }));
      await pane.refresh();
    } catch (e) {
      pane.notify('error', errorText(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      {expired.map((l) => (
        <MessageBar key={l.id} intent="warning" layout="multiline" data-testid="retention-banner">
          <MessageBarBody>
            <MessageBarTitle>{t(pane.lang, 'retentionTitle')}</MessageBarTitle>
            {t(pane.lang, 'retentionBody', { name: l.name, date: formatDate(l.deleteBy, pane.lang) })}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" size="small" disabled={busy !== null} onClick={() => void onDelete(l.id, l.name)}>
              {t(pane.lang, 'retentionDelete')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ))}
    </>
  );
}
