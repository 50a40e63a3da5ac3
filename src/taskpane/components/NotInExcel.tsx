/** Shown when taskpane.html is opened outside Excel, or in an Excel too old for Rajaus. */
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import type { Lang } from '../../core/i18n/lang';
import { t } from './messages';

const useStyles = makeStyles({ box: { padding: tokens.spacingHorizontalM } });

export function NotInExcel(props: { lang: Lang; reason: 'notExcel' | 'unsupported' }): JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.box}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t(props.lang, 'notInExcelTitle')}</MessageBarTitle>
          {t(props.lang, props.reason === 'notExcel' ? 'notInExcel' : 'unsupportedExcel')}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
