/**
 * Feedback next to the control that started the work. A StatusScope wraps a step (or a part of
 * one, such as the settings form): inside it, `usePane().notify(…)` does not go to the top of the
 * pane, where the user is not looking, but into one message bar at the end of the scope.
 *
 * - One message per scope: a new message replaces the old one, so errors never pile up.
 * - A success stays until the next action in the scope (`clearStatus`, called by
 *   useBusyAction and by the steps' own runs) or until the user dismisses it; every message
 *   can be dismissed.
 * - When the work ends with the focus lost (the button that started it was disabled while it
 *   ran, and a disabled element drops the focus to <body>), the focus goes to the message, so
 *   keyboard and screen-reader users land on the outcome instead of the top of the document.
 * - A message may carry details (e.g. the address of a service that did not answer) behind a
 *   "Näytä tiedot" disclosure: the plain words first, the technical ones on request.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { PaneContext, usePane, type NoticeKind, type PaneServices } from '../paneContext';
import { t } from './messages';

export interface StepStatus {
  kind: NoticeKind;
  text: string;
  details?: string;
  /** Bumped on every message, so the same text twice still moves the focus. */
  seq: number;
}

interface StatusControls {
  clearStatus(): void;
}

const StatusContext = createContext<StatusControls | null>(null);

/** Clears the scope's message when a new action starts (no-op outside a scope). */
export function useClearStatus(): () => void {
  const ctx = useContext(StatusContext);
  return ctx?.clearStatus ?? noop;
}
function noop(): void {}

const useStyles = makeStyles({
  bar: { marginTop: tokens.spacingVerticalS, outlineOffset: '2px' },
  body: { whiteSpace: 'normal', wordBreak: 'break-word', overflowWrap: 'anywhere' },
  details: { marginTop: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

export function StatusScope(props: { children: ReactNode; testId?: string }): JSX.Element {
  const parent = usePane();
  const [status, setStatus] = useState<StepStatus | null>(null);
  const seq = useRef(0);
  const notify = useCallback((kind: NoticeKind, text: string, details?: string) => {
    seq.current += 1;
    setStatus({ kind, text, details, seq: seq.current });
  }, []);
  const clearStatus = useCallback(() => setStatus(null), []);
  const services = useMemo<PaneServices>(() => ({ ...parent, notify }), [parent, notify]);
  const controls = useMemo(() => ({ clearStatus }), [clearStatus]);
  return (
    <PaneContext.Provider value={services}>
      <StatusContext.Provider value={controls}>
        {props.children}
        <StatusBar lang={parent.lang} status={status} onDismiss={clearStatus} testId={props.testId} />
      </StatusContext.Provider>
    </PaneContext.Provider>
  );
}

function StatusBar(props: { lang: PaneServices['lang']; status: StepStatus | null; onDismiss(): void; testId?: string }): JSX.Element {
  const styles = useStyles();
  const { status, lang } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!status) return;
    const el = ref.current;
    el?.scrollIntoView?.({ block: 'nearest' });
    const active = el?.ownerDocument.activeElement;
    // The focus was lost (its button got disabled, or the control went away): give it to the
    // outcome. A user who moved on to another control keeps their place.
    if (!active || active === el?.ownerDocument.body || (active as HTMLButtonElement).disabled) el?.focus();
  }, [status]);
  return (
    // The live region stays in the DOM, so screen readers announce what is put into it.
    <div aria-live="polite" data-testid={props.testId ?? 'step-status'}>
      {status && (
        <MessageBar
          key={status.seq}
          ref={ref}
          tabIndex={-1}
          intent={status.kind}
          layout="multiline"
          className={styles.bar}
          data-kind={status.kind}
        >
          <MessageBarBody className={styles.body}>
            {status.text}
            {status.details && (
              <details className={styles.details}>
                <summary>{t(lang, 'details')}</summary>
                {status.details}
              </details>
            )}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" aria-label={t(lang, 'dismiss')} icon={<DismissRegular />} onClick={props.onDismiss} />
            }
          />
        </MessageBar>
      )}
    </div>
  );
}
