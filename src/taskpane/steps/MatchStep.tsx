/**
 * Step 2 of the pane: remove own customers. Choose the customer register (another sheet, with
 * a preview, or a CSV/.xlsx file), check how its columns are read, run the matching in a Web
 * Worker (progress, cancel), go through the pairs in review side by side, then move the
 * matches to the audit sheet "Poistetut asiakkaat" in one change. The last matching can be
 * undone. The customer register is only read.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Button,
  Caption1,
  Field,
  makeStyles,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { usePane, type StepDefinition } from '../paneContext';
import { useListSheets } from '../components/useListSheets';
import { useBusyAction } from '../components/useBusyAction';
import { errorText } from '../services/usePaneServices';
import { formatCount } from '../../core/i18n/lang';
import { isCancel } from '../../core/errors';
import { displayHeader } from '../../core/columns/catalogue';
import { listFromGrid, type ListTable } from '../../core/list/listTable';
import { MATCH_KEYS } from '../../core/matching/keys';
import type { MatchResult, ReviewDecision } from '../../app/removeCustomers';
import type { CellValue } from '../../core/workbook/cells';
import { t } from '../match/messages';
import { matchInWorker } from '../match/matchClient';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  hint: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  pair: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  sides: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  scroll: { overflowX: 'auto' },
});

const loadUseCase = () => import(/* webpackChunkName: "match" */ '../../app/removeCustomers');

/** Raw grid of a customer source, before the header mapping. */
interface Grid {
  name: string;
  headers: string[];
  rows: CellValue[][];
  firstDataRow: number;
}

const show = (v: CellValue | undefined) => (v === null || v === undefined ? '' : String(v));

/** The row's values of the columns matching reads, "Yritys: …", for the side-by-side view. */
function describe(table: ListTable, row: readonly CellValue[] | undefined, lang: 'fi' | 'en' | 'sv'): string[] {
  if (!row) return [];
  return table.keys.flatMap((k, i) =>
    (MATCH_KEYS as readonly string[]).includes(k) && show(row[i]) ? [`${displayHeader(k, lang)}: ${show(row[i])}`] : [],
  );
}

const REVIEW_PAGE = 50;

function MatchStep(): JSX.Element {
  const pane = usePane();
  const { lang, workbook, state } = pane;
  const styles = useStyles();
  const { sheets, listSheet, setListSheet } = useListSheets({ includeAudit: false });
  const [sourceKind, setSourceKind] = useState<'sheet' | 'file'>('sheet');
  const [customerSheet, setCustomerSheet] = useState('');
  const [grid, setGrid] = useState<Grid | null>(null);
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const { busy, setBusy, run: whileBusy } = useBusyAction();
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<MatchResult | null>(null);
  const [matchedList, setMatchedList] = useState<ListTable | null>(null);
  const [decisions, setDecisions] = useState<Map<number, boolean>>(new Map());
  // The review queue is shown a page at a time: a pane of hundreds of pairs is unusable.
  const [shown, setShown] = useState(REVIEW_PAGE);
  const abort = useRef<AbortController | null>(null);

  const lastMatched = useMemo(() => {
    const list = state?.lists.find((l) => l.sheets.list.toLowerCase() === listSheet.toLowerCase());
    const last = [...(list?.log ?? [])].reverse().find((s) => s.step === 'match' || s.step === 'matchUndo');
    return last?.step === 'match';
  }, [state, listSheet]);

  const customerSheets = sheets.filter((s) => s !== listSheet);
  useEffect(() => {
    if (sourceKind === 'sheet')
      setCustomerSheet((cur) =>
        cur && customerSheets.includes(cur) ? cur : (customerSheets.find((s) => /asiak|custom|kund/i.test(s)) ?? customerSheets[0] ?? ''),
      );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sheets, listSheet, sourceKind]);

  // The chosen sheet, read whole: the preview shows its first rows, the match uses all.
  useEffect(() => {
    if (sourceKind !== 'sheet' || !customerSheet) return;
    let alive = true;
    workbook
      .readSheet(customerSheet)
      .then(
        (d) =>
          alive &&
          (setGrid({ name: d.name, headers: d.headers, rows: d.rows, firstDataRow: d.firstDataRow }), setOverrides({}), setResult(null)),
      )
      .catch((e) => alive && pane.notify('error', errorText(e)));
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workbook, customerSheet, sourceKind]);

  async function pickFile(file: File | undefined): Promise<void> {
    if (!file) return;
    try {
      const { parseTabular } = await import(/* webpackChunkName: "tabular" */ '../../sources/tabular/parseTabular');
      const table = await parseTabular(new Uint8Array(await file.arrayBuffer()), file.name, {
        onWarning: (line) => pane.notify('warning', line),
      });
      setGrid({ name: file.name, headers: table.headers, rows: table.rows, firstDataRow: table.origin.firstDataRow });
      setOverrides({});
      setResult(null);
    } catch (e) {
      pane.notify('error', errorText(e));
    }
  }

  const byHeaders = useMemo(() => {
    if (!grid) return null;
    try {
      return listFromGrid(grid.name, grid.headers, grid.rows, overrides, grid.firstDataRow);
    } catch {
      return null;
    }
  }, [grid, overrides]);
  // Column meaning from contents as well as headers ("Nimi" holding "Koivun Putki Oy" is a
  // company name): the guess is shown in the mapping below, marked, and the user may change it.
  // Loaded on demand: the guess reads values with the normalizers (libphonenumber-js).
  const [guessed, setGuessed] = useState<{ from: ListTable; keys: string[]; columns: Set<number> } | null>(null);
  useEffect(() => {
    if (!byHeaders) return;
    let alive = true;
    void import(/* webpackChunkName: "contentGuess" */ '../../core/columns/contentGuess').then(({ guessColumnsFromContents }) => {
      if (!alive) return;
      const fixed = new Set(byHeaders.headers.flatMap((h, i) => (h in overrides ? [i] : [])));
      const g = guessColumnsFromContents(byHeaders.keys, byHeaders.rows, fixed);
      setGuessed({ from: byHeaders, keys: g.keys, columns: new Set(g.guesses.map((x) => x.column)) });
    });
    return () => {
      alive = false;
    };
  }, [byHeaders, overrides]);
  const customers = useMemo(
    () => (byHeaders && guessed?.from === byHeaders ? { ...byHeaders, keys: guessed.keys } : byHeaders),
    [byHeaders, guessed],
  );
  const guessedColumns = guessed?.from === byHeaders ? guessed.columns : new Set<number>();

  async function run(): Promise<void> {
    if (!customers) return;
    setBusy(true);
    setResult(null);
    setDecisions(new Map());
    setShown(REVIEW_PAGE);
    const ctrl = new AbortController();
    abort.current = ctrl;
    try {
      const d = await workbook.readSheet(listSheet);
      const list = listFromGrid(d.name, d.headers, d.rows, {}, d.firstDataRow);
      const r = await matchInWorker(
        { list, customers, lang },
        { signal: ctrl.signal, progress: (done, total) => setProgress(total ? done / total : 0) },
      );
      setMatchedList(list);
      setResult(r);
    } catch (e) {
      pane.notify(isCancel(e) ? 'info' : 'error', isCancel(e) ? t(lang, 'cancelled') : errorText(e));
    } finally {
      abort.current = null;
      setBusy(false);
      setProgress(null);
    }
  }

  const ctx = () => ({ workbook, lang, settings: pane.settings, now: pane.now });

  async function apply(): Promise<void> {
    if (!result || !customers) return;
    await whileBusy(async () => {
      const { removeCustomers } = await loadUseCase();
      const list: ReviewDecision[] = [...decisions].map(([listIndex, confirmed]) => ({ listIndex, confirmed }));
      const s = await removeCustomers(ctx(), {
        listSheet,
        customers: { table: customers, name: customers.origin.name },
        decisions: list,
        result,
      });
      pane.notify('success', t(lang, 'applied', { n: formatCount(lang, s.removed), sheet: s.auditSheet, kept: formatCount(lang, s.kept) }));
      setResult(null);
      pane.setActiveListId(s.list.id);
      await pane.refresh();
    });
  }

  async function undo(): Promise<void> {
    await whileBusy(async () => {
      const { undoLastMatching } = await loadUseCase();
      const s = await undoLastMatching(ctx(), { listSheet });
      pane.notify('success', t(lang, 'undone', { n: formatCount(lang, s.restored) }));
      await pane.refresh();
    });
  }

  if (sheets.length === 0) return <Text>{t(lang, 'noSheets')}</Text>;
  const review = result?.rows.filter((r) => r.outcome === 'review') ?? [];
  const confirmedCount = [...decisions.values()].filter(Boolean).length;

  return (
    <div className={styles.root} data-testid="match-step">
      <Field label={t(lang, 'listSheet')}>
        <Select value={listSheet} onChange={(_, d) => (setListSheet(d.value), setResult(null))} disabled={busy}>
          {sheets.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </Select>
      </Field>

      <Field label={t(lang, 'customerSource')} hint={t(lang, 'readOnly')}>
        <RadioGroup
          value={sourceKind}
          onChange={(_, d) => (setSourceKind(d.value as 'sheet' | 'file'), setGrid(null), setResult(null))}
          disabled={busy}
        >
          <Radio value="sheet" label={t(lang, 'fromSheet')} />
          <Radio value="file" label={t(lang, 'fromFile')} />
        </RadioGroup>
      </Field>
      {sourceKind === 'sheet' ? (
        <Field label={t(lang, 'customerSheet')}>
          <Select value={customerSheet} onChange={(_, d) => setCustomerSheet(d.value)} disabled={busy || customerSheets.length === 0}>
            {customerSheets.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </Select>
        </Field>
      ) : (
        <Field label={t(lang, 'chooseFile')}>
          <input
            type="file"
            accept=".csv,.txt,.xlsx"
            disabled={busy}
            data-testid="customer-file"
            onChange={(e) => void pickFile(e.target.files?.[0])}
          />
        </Field>
      )}

      {grid && customers ? (
        <>
          <Caption1 className={styles.hint}>{t(lang, 'preview')}</Caption1>
          <div className={styles.scroll}>
            <Table size="extra-small" aria-label={t(lang, 'preview')}>
              <TableHeader>
                <TableRow>
                  {grid.headers.map((h, i) => (
                    <TableHeaderCell key={i}>{h}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {grid.rows.slice(0, 3).map((r, i) => (
                  <TableRow key={i}>
                    {grid.headers.map((_, c) => (
                      <TableCell key={c}>{show(r[c])}</TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Caption1 className={styles.hint}>{t(lang, 'mapping')}</Caption1>
          {grid.headers.map((h, i) => {
            const key = customers.keys[i]!;
            return (
              <Field
                key={i}
                label={h}
                orientation="horizontal"
                size="small"
                hint={guessedColumns.has(i) ? t(lang, 'guessedFromContents') : undefined}
              >
                <Select
                  size="small"
                  value={(MATCH_KEYS as readonly string[]).includes(key) ? key : ''}
                  disabled={busy}
                  onChange={(_, d) => (setOverrides((o) => ({ ...o, [h]: d.value })), setResult(null))}
                >
                  <option value="">{t(lang, 'ownColumn')}</option>
                  {MATCH_KEYS.map((k) => (
                    <option key={k} value={k}>
                      {displayHeader(k, lang)}
                    </option>
                  ))}
                </Select>
              </Field>
            );
          })}
        </>
      ) : (
        <Caption1 className={styles.hint}>{t(lang, 'noCustomers')}</Caption1>
      )}

      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || !customers || !listSheet} onClick={() => void run()}>
          {t(lang, 'run')}
        </Button>
        {busy && abort.current ? <Button onClick={() => abort.current?.abort()}>{t(lang, 'cancel')}</Button> : null}
        {lastMatched && !result ? (
          <Button disabled={busy} onClick={() => void undo()}>
            {t(lang, 'undo')}
          </Button>
        ) : null}
      </div>
      {progress !== null ? <ProgressBar value={progress} aria-label={t(lang, 'progress')} /> : null}

      {result && matchedList && customers ? (
        <>
          <Text weight="semibold" data-testid="match-summary">
            {t(lang, 'summary', {
              removed: formatCount(lang, result.counts.removed),
              review: formatCount(lang, result.counts.review),
              kept: formatCount(lang, result.counts.kept),
            })}
          </Text>
          {review.length ? <Text weight="semibold">{t(lang, 'reviewQueue', { n: formatCount(lang, review.length) })}</Text> : null}
          {review.length ? <Caption1>{t(lang, 'undecidedStay')}</Caption1> : null}
          {review.slice(0, shown).map((r) => {
            const verdict = decisions.get(r.listIndex);
            const set = (v: boolean) => setDecisions((m) => new Map(m).set(r.listIndex, v));
            return (
              <div key={r.listIndex} className={styles.pair} data-testid="review-pair">
                <Caption1>
                  {r.reason} · {t(lang, 'score', { score: r.score.toFixed(2) })}
                </Caption1>
                <div className={styles.sides}>
                  <div>
                    <strong>
                      {t(lang, 'listRow')} {matchedList.origin.firstDataRow + r.listIndex}
                    </strong>
                    {describe(matchedList, matchedList.rows[r.listIndex], lang).map((x, i) => (
                      <div key={i}>{x}</div>
                    ))}
                  </div>
                  <div>
                    <strong>{t(lang, 'customerRow', { row: r.customerRow ?? '' })}</strong>
                    {describe(customers, r.customerIndex === null ? undefined : customers.rows[r.customerIndex], lang).map((x, i) => (
                      <div key={i}>{x}</div>
                    ))}
                  </div>
                </div>
                <div className={styles.actions}>
                  <Button size="small" appearance={verdict === true ? 'primary' : 'secondary'} onClick={() => set(true)} disabled={busy}>
                    {t(lang, 'confirm')}
                  </Button>
                  <Button size="small" appearance={verdict === false ? 'primary' : 'secondary'} onClick={() => set(false)} disabled={busy}>
                    {t(lang, 'reject')}
                  </Button>
                  {verdict !== undefined ? <Caption1>{t(lang, verdict ? 'confirmed' : 'rejected')}</Caption1> : null}
                </div>
              </div>
            );
          })}
          {review.length > shown ? (
            <Button appearance="subtle" onClick={() => setShown((n) => n + REVIEW_PAGE)} data-testid="review-more">
              {t(lang, 'showMore', {
                n: Math.min(REVIEW_PAGE, review.length - shown),
                shown: formatCount(lang, shown),
                total: formatCount(lang, review.length),
              })}
            </Button>
          ) : null}
          <div className={styles.actions}>
            <Button appearance="primary" disabled={busy || result.counts.removed + confirmedCount === 0} onClick={() => void apply()}>
              {t(lang, 'apply')}
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}

export const matchStep: StepDefinition = {
  id: 'match',
  number: 2,
  title: { fi: 'Poista omat asiakkaat', en: 'Remove own customers', sv: 'Ta bort egna kunder' },
  description: {
    fi: 'Omat asiakkaat tunnistetaan ja siirretään syineen tarkastustaulukolle.',
    en: 'Your customers are matched out, with reasons, onto an audit sheet.',
    sv: 'Egna kunder identifieras och flyttas med orsak till ett granskningsblad.',
  },
  available: true,
  Component: MatchStep,
};
