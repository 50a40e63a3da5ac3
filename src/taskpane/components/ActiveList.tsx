/**
 * The list the user works on: name, rows and delete-by date (an expired list is flagged, with
 * its deletion button, by the RetentionBanner below this). With several lists, a picker.
 * Rows come from the list sheet itself (users edit between steps), not from the log.
 */
import { useEffect, useState } from 'react';
import { Caption1, Dropdown, makeStyles, MessageBar, MessageBarBody, Option, Text, tokens } from '@fluentui/react-components';
import { CalendarClockRegular, TableRegular } from '@fluentui/react-icons';
import { formatCount, type Lang } from '../../core/i18n/lang';
import type { ListState } from '../../core/state/workbookState';
import { usePane } from '../paneContext';
import { t } from './messages';

const useStyles = makeStyles({
  box: {
    margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  label: { color: tokens.colorNeutralForeground3, textTransform: 'uppercase', letterSpacing: '0.04em' },
  name: { fontWeight: tokens.fontWeightSemibold, wordBreak: 'break-word' },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground2,
  },
  fact: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  empty: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`, color: tokens.colorNeutralForeground3 },
});

const DATE_LOCALE: Record<Lang, string> = { fi: 'fi-FI', en: 'en-GB', sv: 'sv-FI' };

export function formatDate(lang: Lang, iso: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(DATE_LOCALE[lang], {
    day: 'numeric',
    month: lang === 'en' ? 'short' : 'numeric',
    year: 'numeric',
    timeZone: 'Europe/Helsinki',
  }).format(d);
}

/** Data rows of the list sheet: its table's rows, else the used range minus the header. */
function useListRows(list: ListState | undefined): { rows: number | null; missing: boolean } {
  const { workbook, state } = usePane();
  const [result, setResult] = useState<{ rows: number | null; missing: boolean }>({ rows: null, missing: false });
  useEffect(() => {
    let live = true;
    if (!list) return;
    workbook.listSheets().then(
      (sheets) => {
        const sheet = sheets.find((s) => s.name.toLowerCase() === list.sheets.list.toLowerCase());
        if (!live) return;
        if (!sheet) setResult({ rows: null, missing: true });
        else setResult({ rows: sheet.tables[0]?.rowCount ?? Math.max(0, sheet.rowCount - 1), missing: false });
      },
      () => live && setResult({ rows: null, missing: false }),
    );
    return () => {
      live = false;
    };
  }, [workbook, list, state]);
  return result;
}

export function ActiveList(): JSX.Element | null {
  const styles = useStyles();
  const { lang, state, activeListId, setActiveListId } = usePane();
  const lists = (state?.lists ?? []).filter((l) => !l.deletedAt);
  const list = lists.find((l) => l.id === activeListId);
  const { rows, missing } = useListRows(list);

  if (!list) return <Caption1 className={styles.empty}>{t(lang, 'noList')}</Caption1>;

  return (
    <section className={styles.box} aria-label={t(lang, 'activeList')}>
      <Caption1 className={styles.label}>{t(lang, 'activeList')}</Caption1>
      {lists.length > 1 ? (
        <Dropdown
          size="small"
          aria-label={t(lang, 'chooseList')}
          value={list.name}
          selectedOptions={[list.id]}
          onOptionSelect={(_, data) => data.optionValue && setActiveListId(data.optionValue)}
        >
          {lists.map((l) => (
            <Option key={l.id} value={l.id}>
              {l.name}
            </Option>
          ))}
        </Dropdown>
      ) : (
        <Text className={styles.name}>{list.name}</Text>
      )}
      <div className={styles.facts}>
        <span className={styles.fact}>
          <TableRegular aria-hidden />
          {rows === null ? t(lang, 'rowsUnknown') : t(lang, 'rows', { n: formatCount(lang, rows), raw: rows })}
        </span>
        <span className={styles.fact}>
          <CalendarClockRegular aria-hidden />
          {t(lang, 'deleteBy', { date: formatDate(lang, list.deleteBy) })}
        </span>
      </div>
      {missing && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t(lang, 'listSheetMissing', { sheet: list.sheets.list })}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
