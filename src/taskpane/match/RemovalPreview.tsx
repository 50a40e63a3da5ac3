/**
 * Who would be removed, before the move: the list rows that go to the audit sheet (certain
 * matches and the pairs confirmed in review), ten at a time, each with its list row, the values
 * matching read, the customer row it matched and the reason. Counts alone do not let a user
 * catch a wrong match before it happens.
 */
import { useState } from 'react';
import { Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import type { Lang } from '../../core/i18n/lang';
import { formatCount } from '../../core/i18n/lang';
import type { ListTable } from '../../core/list/listTable';
import type { MatchedRow } from '../../app/removeCustomers';
import { t } from './messages';

export const REMOVAL_PAGE = 10;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground2,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  reason: { color: tokens.colorNeutralForeground3 },
  pager: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function RemovalPreview(props: {
  lang: Lang;
  list: Pick<ListTable, 'origin'>;
  rows: MatchedRow[];
  describe(row: MatchedRow): string[];
}): JSX.Element | null {
  const { lang, rows } = props;
  const styles = useStyles();
  const [page, setPage] = useState(0);
  if (rows.length === 0) return null;
  const pages = Math.ceil(rows.length / REMOVAL_PAGE);
  const current = Math.min(page, pages - 1);
  const from = current * REMOVAL_PAGE;
  const shown = rows.slice(from, from + REMOVAL_PAGE);
  return (
    <section className={styles.root} aria-labelledby="removal-preview-title" data-testid="removal-preview">
      <Text weight="semibold" id="removal-preview-title">
        {t(lang, 'removalPreview')} ({formatCount(lang, rows.length)})
      </Text>
      <ul className={styles.list}>
        {shown.map((r) => (
          <li key={r.listIndex} className={styles.item} data-testid="removal-row">
            <strong>
              {t(lang, 'listRowShort')} {props.list.origin.firstDataRow + r.listIndex}
            </strong>
            {': '}
            {props.describe(r).join(' · ')}
            <div className={styles.reason}>
              {r.reason}
              {r.customerRow !== null ? ` · ${t(lang, 'customerRow', { row: r.customerRow })}` : ''}
            </div>
          </li>
        ))}
      </ul>
      {pages > 1 && (
        <div className={styles.pager}>
          <Button size="small" icon={<ChevronLeftRegular />} disabled={current === 0} onClick={() => setPage(current - 1)}>
            {t(lang, 'prevPage')}
          </Button>
          <Caption1 aria-live="polite" data-testid="removal-page">
            {t(lang, 'removalPage', {
              from: formatCount(lang, from + 1),
              to: formatCount(lang, from + shown.length),
              total: formatCount(lang, rows.length),
            })}
          </Caption1>
          <Button
            size="small"
            icon={<ChevronRightRegular />}
            iconPosition="after"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            {t(lang, 'nextPage')}
          </Button>
        </div>
      )}
    </section>
  );
}
