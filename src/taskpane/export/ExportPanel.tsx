/**
 * The export panel (step 5, loaded on first open: steps/ExportStep.tsx): export a list for a
 * dialer (LeadDesk, generic CSV), as a dialer's do-not-call list, or as mailing labels. The file is downloaded (Blob + anchor); where the host
 * blocks downloads (Excel for Mac and iPad, or a download that fails) the export is written to
 * a new sheet for File > Save As > CSV UTF-8, and the pane says so. Every export is logged in
 * the list's notes by the use case.
 */
import { useEffect, useRef, useState } from 'react';
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Label,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, TableAddRegular } from '@fluentui/react-icons';
import { usePane } from '../paneContext';
import { useListSheets } from '../components/useListSheets';
import { useBusyAction } from '../components/useBusyAction';
import { errorText } from '../services/usePaneServices';
import { formatCount } from '../../core/i18n/lang';
import type { ExportListResult } from '../../app/exportList';
import { t } from './messages';
import { downloadFile, downloadsLikelyWork } from './download';
import { RunProgress, useCancellableRun } from '../components/CancellableRun';
import { isCancel } from '../../core/errors';

type Format = 'leaddesk' | 'csv' | 'dnc' | 'mailing';
const FORMATS: Format[] = ['leaddesk', 'csv', 'dnc', 'mailing'];
const HINT: Record<Format, 'leaddeskHint' | 'csvHint' | 'dncHint' | 'mailingHint'> = {
  leaddesk: 'leaddeskHint',
  csv: 'csvHint',
  dnc: 'dncHint',
  mailing: 'mailingHint',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  columns: {
    display: 'flex',
    flexDirection: 'column',
    maxHeight: '220px',
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalXS,
  },
  order: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold, marginLeft: tokens.spacingHorizontalXS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
  skipped: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export default function ExportPanel(): JSX.Element {
  const pane = usePane();
  const { lang, workbook } = pane;
  const styles = useStyles();
  const { sheets, listSheet, setListSheet } = useListSheets({ includeAudit: true });
  const [headers, setHeaders] = useState<string[]>([]);
  const [format, setFormat] = useState<Format>('leaddesk');
  const [delimiter, setDelimiter] = useState<';' | ','>(';');
  const [columns, setColumns] = useState<string[]>([]);
  const [allowDemo, setAllowDemo] = useState(false);
  const { busy, run: whileBusy } = useBusyAction();
  const exporting = useCancellableRun();
  const [outcome, setOutcome] = useState<{ result: ExportListResult; message: string } | null>(null);

  const outcomeRef = useRef<HTMLDivElement>(null);
  // The summary appears below the buttons, often below the fold of a narrow pane.
  useEffect(() => {
    if (outcome) outcomeRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [outcome]);

  useEffect(() => {
    if (!listSheet) return;
    let alive = true;
    setColumns([]);
    workbook
      .readSheet(listSheet, { maxRows: 1 })
      .then((d) => alive && setHeaders(d.headers.filter((h) => h.trim() !== '')))
      .catch((e) => pane.notify('error', errorText(e)));
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workbook, listSheet]);

  const toggleColumn = (header: string, on: boolean) =>
    setColumns((cols) => (on ? [...cols.filter((c) => c !== header), header] : cols.filter((c) => c !== header)));

  async function run(target: 'download' | 'sheet'): Promise<void> {
    setOutcome(null);
    await whileBusy(async () => {
      // Loaded on first use, with the use case: neither is part of the pane's first load.
      const { exportList } = await import(/* webpackChunkName: "export" */ '../../app/exportList');
      const { shapeExportInWorker } = await import(/* webpackChunkName: "export" */ '../export/exportShapeClient');
      const toSheet = target === 'sheet' || !downloadsLikelyWork();
      let result: ExportListResult;
      try {
        // Cancel and progress with counts (7 s at 100,000 rows); the shaping runs in a worker.
        result = await exporting.start(({ signal, progress }) =>
          exportList(
            { workbook, lang, settings: pane.settings, now: pane.now, signal, progress },
            {
              listSheet,
              format,
              columns: format === 'csv' || format === 'leaddesk' ? columns : undefined,
              delimiter: format === 'csv' ? delimiter : undefined,
              allowDemo,
              toSheet,
              shape: shapeExportInWorker,
            },
          ),
        );
      } catch (e) {
        if (!isCancel(e)) throw e;
        pane.notify('info', t(lang, 'cancelled'));
        return;
      }
      const rows = formatCount(lang, result.exported);
      const exportSheet = toSheet ? result.sheets[result.sheets.length - 1] : undefined;
      let message: string;
      if (toSheet && target === 'download') message = t(lang, 'downloadBlocked', { sheet: exportSheet ?? '' });
      else if (toSheet) message = t(lang, 'doneSheet', { rows, sheet: exportSheet ?? '' });
      else {
        let blocked = false;
        for (const f of result.files) {
          try {
            downloadFile(f.name, f.bytes);
          } catch {
            blocked = true;
          }
        }
        message = t(lang, 'done', { rows, files: result.files.map((f) => f.name).join(', ') });
        if (blocked) {
          // The download failed: the same export as a sheet, so the user still gets it.
          const again = await exportList(
            { workbook, lang, settings: pane.settings, now: pane.now },
            { listSheet, format, columns, delimiter, allowDemo, toSheet: true, shape: shapeExportInWorker },
          );
          message = t(lang, 'downloadBlocked', { sheet: again.sheets[again.sheets.length - 1] ?? '' });
        }
      }
      if (format === 'mailing' && result.sheets[0]) message += ` ${t(lang, 'labels', { sheet: result.sheets[0] })}`;
      // A sheet split in parts to fit Excel's row limit is said, with the parts' names.
      for (const notice of result.notices) message += ` ${notice}`;
      // The outcome bar below the buttons is this step's success message; no second one.
      setOutcome({ result, message });
      await pane.refresh();
    });
  }

  if (sheets.length === 0) return <Text>{t(lang, 'noSheets')}</Text>;

  return (
    <div className={styles.root} data-testid="export-step">
      <Field label={t(lang, 'listSheet')}>
        <Select value={listSheet} onChange={(_, d) => setListSheet(d.value)} disabled={busy}>
          {sheets.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </Field>

      <Field label={t(lang, 'format')} hint={t(lang, HINT[format])}>
        <RadioGroup value={format} onChange={(_, d) => setFormat(d.value as Format)} disabled={busy}>
          {FORMATS.map((f) => (
            <Radio key={f} value={f} label={t(lang, f)} />
          ))}
        </RadioGroup>
      </Field>

      {format === 'csv' && (
        <Field label={t(lang, 'delimiter')}>
          <RadioGroup value={delimiter} onChange={(_, d) => setDelimiter(d.value as ';' | ',')} disabled={busy}>
            <Radio value=";" label={t(lang, 'semicolon')} />
            <Radio value="," label={t(lang, 'comma')} />
          </RadioGroup>
        </Field>
      )}

      {(format === 'csv' || format === 'leaddesk') && headers.length > 0 && (
        // Not a Field: a Field gives its one id to every checkbox inside it.
        <div className={styles.root}>
          <Label id="export-columns-label">{t(lang, format === 'csv' ? 'columnsCsv' : 'columnsLeadDesk')}</Label>
          <div className={styles.columns} role="group" aria-labelledby="export-columns-label">
            {headers.map((h) => {
              const order = columns.indexOf(h);
              return (
                <Checkbox
                  key={h}
                  checked={order >= 0}
                  disabled={busy}
                  onChange={(_, d) => toggleColumn(h, Boolean(d.checked))}
                  label={
                    <>
                      {h}
                      {format === 'csv' && order >= 0 && <span className={styles.order}>{order + 1}</span>}
                    </>
                  }
                />
              );
            })}
          </div>
        </div>
      )}

      <Checkbox checked={allowDemo} onChange={(_, d) => setAllowDemo(Boolean(d.checked))} label={t(lang, 'allowDemo')} disabled={busy} />

      <div className={styles.actions}>
        <Button appearance="primary" icon={<ArrowDownloadRegular />} disabled={busy || !listSheet} onClick={() => void run('download')}>
          {t(lang, 'download')}
        </Button>
        <Button icon={<TableAddRegular />} disabled={busy || !listSheet} onClick={() => void run('sheet')}>
          {t(lang, 'toSheet')}
        </Button>
      </div>
      <Caption1 className={styles.hint}>{t(lang, 'toSheetHint')}</Caption1>
      {busy && !exporting.state && <Spinner size="tiny" label={t(lang, 'working')} />}
      <RunProgress run={exporting} lang={lang} label={t(lang, 'working')} testId="export-progress" />

      {outcome && (
        <MessageBar intent="success" data-testid="export-outcome" ref={outcomeRef}>
          <MessageBarBody>
            <div>{outcome.message}</div>
            {outcome.result.skipped.length > 0 && (
              <>
                <div>{t(lang, 'skipped')}:</div>
                <ul className={styles.skipped}>
                  {outcome.result.skipped.map((s) => (
                    <li key={s.code}>
                      {formatCount(lang, s.count)} – {s.reason}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <div>{t(lang, 'logged')}</div>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
