/** Imports a do-not-call file and checks the active list against it (compliance.md). */
import { useState } from 'react';
import { Body1, Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { helsinkiDate } from '../../core/notes/format';
import type { ListState } from '../../core/state/workbookState';
import { describeInvalid } from '../../core/suppression/doNotCall';
import { usePane } from '../paneContext';
import { useBusyAction } from '../components/useBusyAction';
import { t } from './messages';
import { useStepContext } from './useStepContext';

const useStyles = makeStyles({ box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS } });

export function DoNotCallImport(props: { list: ListState }): JSX.Element {
  const styles = useStyles();
  const pane = usePane();
  const ctx = useStepContext();
  const lang = pane.lang;
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [date, setDate] = useState(() => helsinkiDate(pane.now()));
  const { busy, run } = useBusyAction();

  const onRun = async () => {
    if (!file) {
      pane.notify('warning', t(lang, 'dncNeedFile'));
      return;
    }
    await run(async () => {
      // Loaded on first use, with the file readers it needs (the pane's first load stays under
      // design.md's 350 KB).
      const { applySuppression, readDoNotCallFile } = await import(/* webpackChunkName: "suppression" */ '../../app/suppression');
      const numbers = await readDoNotCallFile(new Uint8Array(await file.arrayBuffer()), file.name, lang);
      if (numbers.invalid.length)
        pane.notify('warning', t(lang, 'dncInvalid', { count: numbers.invalid.length, details: describeInvalid(numbers.invalid, lang) }));
      const listName = name.trim() || file.name.replace(/\.[^.]+$/, '');
      const r = await applySuppression(ctx, {
        listSheet: props.list.sheets.list,
        suppression: { name: listName, checkedAt: date, phones: numbers.phones },
      });
      pane.notify(
        'success',
        r.suppressed
          ? t(lang, 'dncDone', { suppressed: r.suppressed, kept: r.kept, sheet: r.auditSheet ?? '' })
          : t(lang, 'dncNone', { kept: r.kept }),
      );
      await pane.refresh();
    });
  };

  return (
    <div className={styles.box} data-testid="dnc-import">
      <Caption1>{t(lang, 'dncHelp')}</Caption1>
      <Field label={t(lang, 'dncFile')}>
        <input
          type="file"
          accept=".csv,.txt,.xlsx,text/csv,text/plain"
          data-testid="dnc-file"
          onChange={(e) => {
            const f = e.target.files?.[0] ?? null;
            setFile(f);
            if (f && !name) setName(f.name.replace(/\.[^.]+$/, ''));
          }}
        />
      </Field>
      <Field label={t(lang, 'dncName')}>
        <Input value={name} onChange={(_, d) => setName(d.value)} placeholder="ASML 2026-11" />
      </Field>
      <Field label={t(lang, 'dncDate')}>
        <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
      </Field>
      <Button appearance="primary" disabled={busy || !file} onClick={() => void onRun()}>
        {t(lang, 'dncRun')}
      </Button>
      {busy && <Body1>…</Body1>}
    </div>
  );
}
