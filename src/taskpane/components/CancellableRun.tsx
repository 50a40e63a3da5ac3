/**
 * A long step's progress under its button: a progress bar, the counts ("12 000 / 100 000") and
 * a Cancel button (issue 13: moving the removed rows and the export had neither). The work gets
 * an AbortSignal and a ProgressFn; the workbook adapter checks the signal between its requests
 * and rolls back its staging, so a cancelled step leaves the workbook as it was.
 */
import { useCallback, useRef, useState } from 'react';
import { Button, makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { defineMessages, formatCount, type Lang } from '../../core/i18n/lang';
import type { ProgressFn } from '../../core/progress';

const t = defineMessages({
  fi: { cancel: 'Peruuta', of: '{done} / {total}', cancelling: 'Perutaan…' },
  en: { cancel: 'Cancel', of: '{done} / {total}', cancelling: 'Cancelling…' },
  sv: { cancel: 'Avbryt', of: '{done} / {total}', cancelling: 'Avbryter…' },
});

export interface RunState {
  done: number;
  total: number;
  label?: string;
  cancelling?: boolean;
}

export interface CancellableRun {
  /** Null when nothing runs. */
  state: RunState | null;
  /** Runs `work` with a fresh signal and progress; its errors (CancelledError too) propagate. */
  start<T>(work: (opts: { signal: AbortSignal; progress: ProgressFn }) => Promise<T>): Promise<T>;
  cancel(): void;
}

export function useCancellableRun(): CancellableRun {
  const [state, setState] = useState<RunState | null>(null);
  const abort = useRef<AbortController | null>(null);
  // Progress comes per written block; React batches the re-renders.
  const start = useCallback(async <T,>(work: (opts: { signal: AbortSignal; progress: ProgressFn }) => Promise<T>): Promise<T> => {
    const ctl = new AbortController();
    abort.current = ctl;
    setState({ done: 0, total: 0 });
    try {
      return await work({
        signal: ctl.signal,
        progress: (done, total, label) => {
          if (!ctl.signal.aborted) setState({ done, total, label });
        },
      });
    } finally {
      abort.current = null;
      setState(null);
    }
  }, []);
  const cancel = useCallback(() => {
    if (!abort.current) return;
    abort.current.abort();
    setState((s) => (s ? { ...s, cancelling: true } : s));
  }, []);
  return { state, start, cancel };
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  counts: { color: tokens.colorNeutralForeground2, flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
});

/** The bar, the counts and Cancel; renders nothing when the run is not running. */
export function RunProgress({
  run,
  lang,
  label,
  testId,
}: {
  run: CancellableRun;
  lang: Lang;
  label: string;
  testId?: string;
}): JSX.Element | null {
  const styles = useStyles();
  const s = run.state;
  if (!s) return null;
  const counts =
    s.total > 0 ? t(lang, 'of', { done: formatCount(lang, Math.min(s.done, s.total)), total: formatCount(lang, s.total) }) : '';
  return (
    <div className={styles.root} data-testid={testId}>
      <ProgressBar value={s.total > 0 ? Math.min(1, s.done / s.total) : undefined} aria-label={label} />
      <div className={styles.row}>
        <Text size={200} className={styles.counts} role="status">
          {s.cancelling ? t(lang, 'cancelling') : [s.label, counts].filter(Boolean).join(' ')}
        </Text>
        <Button size="small" onClick={run.cancel} disabled={s.cancelling}>
          {t(lang, 'cancel')}
        </Button>
      </div>
    </div>
  );
}
