/** The pane's message bars (PaneServices.notify), newest last, each dismissible. */
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { Lang } from '../../core/i18n/lang';
import type { Notice } from '../services/usePaneServices';
import { t } from './messages';

const useStyles = makeStyles({
  stack: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
  },
  body: { whiteSpace: 'normal', wordBreak: 'break-word' },
});

export function Notices(props: { lang: Lang; notices: Notice[]; onDismiss(id: number): void }): JSX.Element | null {
  const styles = useStyles();
  if (props.notices.length === 0) return null;
  return (
    <div className={styles.stack} aria-live="polite">
      {props.notices.map((n) => (
        <MessageBar key={n.id} intent={n.kind} layout="multiline">
          <MessageBarBody className={styles.body}>{n.text}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                size="small"
                aria-label={t(props.lang, 'dismiss')}
                icon={<DismissRegular />}
                onClick={() => props.onDismiss(n.id)}
              />
            }
          />
        </MessageBar>
      ))}
    </div>
  );
}
