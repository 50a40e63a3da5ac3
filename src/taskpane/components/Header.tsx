/** Product header: mark, name, one-line purpose and the language switch. */
import { Caption1, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import type { Lang } from '../../core/i18n/lang';
import { LanguageSwitch } from './LanguageSwitch';
import { t } from './messages';
import logo from '../../../assets/icon-64.png';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  logo: { width: '32px', height: '32px', flexShrink: 0 },
  titles: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1 },
  name: { color: tokens.colorBrandForeground1, lineHeight: tokens.lineHeightBase400 },
  tagline: { color: tokens.colorNeutralForeground3, overflow: 'hidden', textOverflow: 'ellipsis' },
});

export function Header(props: { lang: Lang; onLangChange(lang: Lang): void }): JSX.Element {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <img src={logo} alt="" className={styles.logo} />
      <div className={styles.titles}>
        <Subtitle1 as="h1" className={styles.name}>
          {t(props.lang, 'product')}
        </Subtitle1>
        <Caption1 className={styles.tagline}>{t(props.lang, 'tagline')}</Caption1>
      </div>
      <LanguageSwitch lang={props.lang} onChange={props.onLangChange} />
    </header>
  );
}
