/** fi / en / sv as a small segmented switch; each button is named in its own language. */
import { makeStyles, ToggleButton, tokens } from '@fluentui/react-components';
import { LANGS, type Lang } from '../../core/i18n/lang';
import { LANG_NAMES, t } from './messages';

const useStyles = makeStyles({
  group: { display: 'flex', gap: '2px', flexShrink: 0 },
  button: { minWidth: '34px', paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
});

export function LanguageSwitch(props: { lang: Lang; onChange(lang: Lang): void }): JSX.Element {
  const styles = useStyles();
  return (
    <div role="group" aria-label={t(props.lang, 'language')} className={styles.group}>
      {LANGS.map((l) => (
        <ToggleButton
          key={l}
          size="small"
          appearance={l === props.lang ? 'primary' : 'subtle'}
          checked={l === props.lang}
          className={styles.button}
          // The visible code first, so that the accessible name contains the visible text.
          aria-label={`${l.toUpperCase()} – ${LANG_NAMES[l]}`}
          title={LANG_NAMES[l]}
          lang={l}
          onClick={() => props.onChange(l)}
        >
          {l.toUpperCase()}
        </ToggleButton>
      ))}
    </div>
  );
}
