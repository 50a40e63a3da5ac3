/**
 * Data subject requests: find a person across every list, export what is held (CSV), erase
 * them everywhere (with a confirmation) and put their contact details on the do-not-contact
 * list. The pane keeps the query only in its own state; the log gets counts.
 */
import { useState } from 'react';
import { Body1, Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { erasePerson, exportPerson, findPerson, type PersonMatch, type PersonQuery } from '../../app/dataSubject';
import { downloadFile } from '../export/download';
import { usePane } from '../paneContext';
import { useBusyAction } from '../components/useBusyAction';
import { t } from './messages';
import { useStepContext } from './useStepContext';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  hits: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function DataSubjectRequests(): JSX.Element {
  const styles = useStyles();
  const pane = usePane();
  const ctx = useStepContext();
  const lang = pane.lang;
  const [query, setQuery] = useState<PersonQuery>({});
  const [matches, setMatches] = useState<PersonMatch[] | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { busy, run } = useBusyAction();
  const set = (k: keyof PersonQuery) => (_: unknown, d: { value: string }) => {
    setQuery((q) => ({ ...q, [k]: d.value }));
    setMatches(null);
    setConfirming(false);
  };
  const onFind = () => run(async () => setMatches(await findPerson(ctx, query)));
  const onExport = () =>
    run(async () => {
      const r = await exportPerson(ctx, query);
      downloadFile(`rekisteroidyn-tiedot-${pane.now().toISOString().slice(0, 10)}.csv`, r.bytes);
      pane.notify('success', t(lang, 'exported', { count: r.rows }));
      await pane.refresh();
    });
  const onErase = () =>
    run(async () => {
      const r = await erasePerson(ctx, query);
      pane.notify('success', t(lang, 'erased', { count: r.erased, lists: r.lists }));
      setMatches(null);
      setConfirming(false);
      setQuery({});
      await pane.refresh();
    });

  return (
    <div className={styles.box} data-testid="dsr">
      <Caption1>{t(lang, 'dsrHelp')}</Caption1>
      <Field label={t(lang, 'phone')}>
        <Input value={query.phone ?? ''} onChange={set('phone')} inputMode="tel" data-testid="dsr-phone" />
      </Field>
      <Field label={t(lang, 'email')}>
        <Input value={query.email ?? ''} onChange={set('email')} type="email" data-testid="dsr-email" />
      </Field>
      <Field label={t(lang, 'name')}>
        <Input value={query.name ?? ''} onChange={set('name')} data-testid="dsr-name" />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => void onFind()} data-testid="dsr-find">
          {t(lang, 'find')}
        </Button>
      </div>
      {matches && (
        <>
          <Body1 data-testid="dsr-result">{matches.length ? t(lang, 'found', { count: matches.length }) : t(lang, 'notFound')}</Body1>
          {matches.length > 0 && (
            <ul className={styles.hits}>
              {matches.map((m, i) => (
                <li key={i}>
                  <Caption1>{t(lang, 'rowRef', { sheet: m.sheet, row: m.rowNumber })}</Caption1>
                </li>
              ))}
            </ul>
          )}
          <div className={styles.actions}>
            <Button disabled={busy || matches.length === 0} onClick={() => void onExport()}>
              {t(lang, 'exportCsv')}
            </Button>
            {/* An objection from someone on no list still goes to the do-not-contact list. */}
            {confirming ? (
              <>
                <Button appearance="primary" disabled={busy} onClick={() => void onErase()} data-testid="dsr-erase-confirm">
                  {t(lang, 'eraseConfirm')}
                </Button>
                <Button disabled={busy} onClick={() => setConfirming(false)}>
                  {t(lang, 'cancel')}
                </Button>
              </>
            ) : (
              <Button disabled={busy} onClick={() => setConfirming(true)} data-testid="dsr-erase">
                {t(lang, 'erase')}
              </Button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
