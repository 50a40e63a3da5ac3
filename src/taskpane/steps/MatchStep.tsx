/**
 * Step 2 of the pane: remove own customers. Choose the customer register (another sheet, with
 * a preview, or a CSV/.xlsx file), check how its columns are read, run the matching in a Web
 * Worker (progress, cancel), go through the pairs in review side by side, then move the
 * matches to the audit sheet "Poistetut asiakkaat" in one change. The last matching can be
 * undone. The customer register is only read.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
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
import { errorDetails, errorText } from '../services/usePaneServices';
import { useClearStatus } from '../components/StepStatus';
import { formatCount, formatPercent } from '../../core/i18n/lang';
import { isCancel } from '../../core/errors';
import { displayHeader } from '../../core/columns/catalogue';
import { listFromGrid, rowMaker, type ListTable } from '../../core/list/listTable';
import { MATCH_KEYS } from '../../core/matching/keys';
import type { MatchResult, ReviewDecision, ReviewLearning } from '../../app/removeCustomers';
import type { CellValue } from '../../core/workbook/cells';
import { t } from '../match/messages';
import { matchInWorker } from '../match/matchClient';
import { RunProgress, useCancellableRun } from '../components/CancellableRun';
import { RemovalPreview } from '../match/RemovalPreview';
import { atHeaderRow, detectHeaderRow, HEADER_SEARCH_ROWS, kindOverrides, type RawGrid } from '../match/customerGrid';

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
  // The preview scrolls sideways inside the pane; its cells never overprint each other.
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  previewTable: { width: 'max-content', minWidth: '100%', tableLayout: 'auto' },
  previewCell: { whiteSpace: 'nowrap', maxWidth: '16em', overflow: 'hidden', textOverflow: 'ellipsis' },
  // One column per row, label above its dropdown: the dropdowns fit a 300 px pane.
  mapping: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  mappingField: { minWidth: 0, '& select': { maxWidth: '100%' } },
});

const loadUseCase = () => import(/* webpackChunkName: "match" */ '../../app/removeCustomers');

const show = (v: CellValue | undefined) => (v === null || v === undefined ? '' : String(v));

/** The row's values of the columns matching reads, "Yritys: …", for the side-by-side view. */
function describe(table: Pick<ListTable, 'keys'>, row: readonly CellValue[] | undefined, lang: 'fi' | 'en' | 'sv'): string[] {
  if (!row) return [];
  return table.keys.flatMap((k, i) =>
    (MATCH_KEYS as readonly string[]).includes(k) && show(row[i]) ? [`${displayHeader(k, lang)}: ${show(row[i])}`] : [],
  );
}

const REVIEW_PAGE = 50;

/** The matched list as the review shows it: its columns, and a shown row made from the sheet's cells when shown. */
interface MatchedList extends Pick<ListTable, 'keys' | 'origin'> {
  rowAt(listIndex: number): CellValue[] | undefined;
}

function MatchStep(): JSX.Element {
  const pane = usePane();
  const { lang, workbook, state } = pane;
  const styles = useStyles();
  const { sheets, listSheet, setListSheet, refreshSheets } = useListSheets({ includeAudit: false });
  const [sourceKind, setSourceKind] = useState<'sheet' | 'file'>('sheet');
  const [customerSheet, setCustomerSheet] = useState('');
  // The register as read; its header row is detected (people put a title above the headers)
  // unless the user chose one.
  const [raw, setRaw] = useState<RawGrid | null>(null);
  const [headerChoice, setHeaderChoice] = useState<number | null>(null);
  const setGrid = (r: RawGrid | null) => (setRaw(r), setHeaderChoice(null));
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const { busy, setBusy, run: whileBusy } = useBusyAction();
  const moving = useCancellableRun();
  // The matching's own progress with counts and Cancel (the worker is terminated).
  const matching = useCancellableRun();
  const [result, setResult] = useState<MatchResult | null>(null);
  const [matchedList, setMatchedList] = useState<MatchedList | null>(null);
  const [decisions, setDecisions] = useState<Map<number, boolean>>(new Map());
  // The result as the decisions so far teach it (learnFromReview): re-scored, the queue re-ordered.
  const [learned, setLearned] = useState<{ result: MatchResult; learning: ReviewLearning | null; queue: number[] } | null>(null);
  // The review queue is shown a page at a time: a pane of hundreds of pairs is unusable.
  const [shown, setShown] = useState(REVIEW_PAGE);
  const clearStatus = useClearStatus();
  // A customer file that cannot be read is reported at its picker, not far below it.
  const [fileError, setFileError] = useState<string | null>(null);

  const { lastMatched, addedSince, undoRows } = useMemo(() => {
    const list = state?.lists.find((l) => l.sheets.list.toLowerCase() === listSheet.toLowerCase());
    const log = list?.log ?? [];
    const at = log.map((s) => s.step === 'match' || s.step === 'matchUndo').lastIndexOf(true);
    const last = at >= 0 ? log[at] : undefined;
    // Steps after the matching that added columns to the rows then on the list: the rows an
    // undo brings back never had them, and would sit among the others with those cells empty.
    const later = at >= 0 ? log.slice(at + 1).filter((s) => s.step === 'buildings') : [];
    return { lastMatched: last?.step === 'match', addedSince: later.length > 0, undoRows: last?.rowsMoved ?? 0 };
  }, [state, listSheet]);
  // Undo after building data asks first (issue 13: it used to bring the rows back silently).
  const [confirmUndo, setConfirmUndo] = useState(false);

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
          (setGrid({ name: d.name, rows: [d.headers, ...d.rows], firstRow: d.firstDataRow - 1 }), setOverrides({}), setResult(null)),
      )
      .catch((e) => alive && pane.notify('error', errorText(e)));
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workbook, customerSheet, sourceKind]);

  async function pickFile(file: File | undefined): Promise<void> {
    setFileError(null);
    setGrid(null);
    setResult(null);
    if (!file) return;
    try {
      const { parseTabular } = await import(/* webpackChunkName: "tabular" */ '../../sources/tabular/parseTabular');
      // A reader's warnings (a stray quote that merged lines, say) go to the step's message bar.
      const table = await parseTabular(new Uint8Array(await file.arrayBuffer()), file.name, {
        onWarning: (line) => pane.notify('warning', line),
        lang,
      });
      setGrid({ name: file.name, rows: [table.headers, ...table.rows], firstRow: table.origin.firstDataRow - 1 });
      setOverrides({});
    } catch (e) {
      setFileError(errorText(e));
    }
  }

  const detectedHeader = useMemo(() => (raw ? detectHeaderRow(raw.rows) : 0), [raw]);
  const grid = useMemo(() => (raw ? atHeaderRow(raw, headerChoice ?? detectedHeader) : null), [raw, headerChoice, detectedHeader]);
  const listKind = state?.lists.find((l) => l.sheets.list.toLowerCase() === listSheet.toLowerCase())?.kind;
  const byHeaders = useMemo(() => {
    if (!grid) return null;
    try {
      return listFromGrid(
        grid.name,
        grid.headers,
        grid.rows,
        { ...kindOverrides(grid.headers, listKind), ...overrides },
        grid.firstDataRow,
      );
    } catch {
      return null;
    }
  }, [grid, overrides, listKind]);
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
  const recognised = customers ? customers.keys.some((k) => (MATCH_KEYS as readonly string[]).includes(k)) : false;
  const customerCount = grid ? grid.rows.length - grid.skipped : 0;

  async function run(): Promise<void> {
    if (!customers) return;
    clearStatus();
    setBusy(true);
    setResult(null);
    setDecisions(new Map());
    setShown(REVIEW_PAGE);
    try {
      const { list, r } = await matching.start(async ({ signal, progress }) => {
        // The list is read with the signal too: a Cancel while Excel answers is heard there.
        const d = await workbook.readSheet(listSheet, { signal });
        const label = t(lang, 'comparing');
        progress(0, d.rows.length, label);
        // The sheet's cells go to the worker as read; the review converts only the rows it shows.
        const r = await matchInWorker({ list: d, customers, lang }, { signal, progress: (done, total) => progress(done, total, label) });
        const { keys, toRow } = rowMaker(d.name, d.headers);
        const list: MatchedList = {
          keys,
          origin: { name: d.name, firstDataRow: d.firstDataRow },
          rowAt: (i) => (d.rows[i] ? toRow(d.rows[i]!) : undefined),
        };
        return { list, r };
      });
      setMatchedList(list);
      setResult(r);
    } catch (e) {
      pane.notify(isCancel(e) ? 'info' : 'error', isCancel(e) ? t(lang, 'cancelled') : errorText(e), errorDetails(e));
    } finally {
      setBusy(false);
    }
  }

  const ctx = () => ({ workbook, lang, settings: pane.settings, now: pane.now });

  // After each confirm or reject the queue is scored again with the model updated by every
  // decision so far. On the pane's thread: it is a sum of a few weights per review pair (a few
  // percent of the list), not a matching; the use case does the same when the step is applied.
  useEffect(() => {
    let live = true;
    const model = result?.model ?? result?.estimate?.model;
    if (!result || !model) {
      setLearned(null);
      return;
    }
    const list: ReviewDecision[] = [...decisions].map(([listIndex, confirmed]) => ({ listIndex, confirmed }));
    void loadUseCase().then(({ learnFromReview }) => {
      if (live) setLearned(learnFromReview(result, list, model, lang));
    });
    return () => {
      live = false;
    };
  }, [result, decisions, lang]);

  async function apply(): Promise<void> {
    if (!result || !customers) return;
    await whileBusy(async () => {
      const { removeCustomers } = await loadUseCase();
      const list: ReviewDecision[] = [...decisions].map(([listIndex, confirmed]) => ({ listIndex, confirmed }));
      let s: Awaited<ReturnType<typeof removeCustomers>>;
      try {
        // Cancel and progress with counts: the move writes both sheets (5.6 s at 100,000 rows).
        s = await moving.start(({ signal, progress }) =>
          removeCustomers(
            { ...ctx(), signal, progress },
            { listSheet, customers: { table: customers, name: customers.origin.name }, decisions: list, result },
          ),
        );
      } catch (e) {
        if (!isCancel(e)) throw e;
        pane.notify('info', t(lang, 'moveCancelled'));
        return;
      }
      pane.notify('success', t(lang, 'applied', { n: formatCount(lang, s.removed), sheet: s.auditSheet, kept: formatCount(lang, s.kept) }));
      setResult(null);
      pane.setActiveListId(s.list.id);
      await pane.refresh();
    });
  }

  async function undo(): Promise<void> {
    if (addedSince && !confirmUndo) {
      setConfirmUndo(true);
      return;
    }
    setConfirmUndo(false);
    await whileBusy(async () => {
      const { undoLastMatching } = await loadUseCase();
      const s = await undoLastMatching(ctx(), { listSheet });
      pane.notify('success', t(lang, 'undone', { n: formatCount(lang, s.restored) }));
      await pane.refresh();
    });
  }

  if (sheets.length === 0) return <Text>{t(lang, 'noSheets')}</Text>;
  const shownResult = learned && learned.result.rows.length === result?.rows.length ? learned.result : result;
  // Undecided pairs the model is least sure of first, then the decided ones (to change a verdict).
  const review = !shownResult
    ? []
    : shownResult === learned?.result
      ? [
          // (A decision newer than `learned` is shown with the decided already.)
          ...learned.queue.filter((i) => !decisions.has(i)).map((i) => shownResult.rows[i]!),
          ...shownResult.rows.filter((r) => r.outcome === 'review' && decisions.has(r.listIndex)),
        ]
      : shownResult.rows.filter((r) => r.outcome === 'review');
  const learning = shownResult === learned?.result ? learned.learning : null;
  const confirmedCount = [...decisions.values()].filter(Boolean).length;

  return (
    <div className={styles.root} data-testid="match-step">
      <Field label={t(lang, 'listSheet')}>
        <Select
          value={listSheet}
          onChange={(_, d) => (setListSheet(d.value), setResult(null))}
          onFocus={refreshSheets}
          onMouseDown={refreshSheets}
          disabled={busy}
        >
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
          <Select
            value={customerSheet}
            onChange={(_, d) => setCustomerSheet(d.value)}
            onFocus={refreshSheets}
            onMouseDown={refreshSheets}
            disabled={busy}
          >
            {customerSheets.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </Select>
        </Field>
      ) : (
        <Field label={t(lang, 'chooseFile')} validationMessage={fileError ?? undefined} validationState={fileError ? 'error' : 'none'}>
          <input
            type="file"
            accept=".csv,.txt,.xlsx"
            disabled={busy}
            data-testid="customer-file"
            onChange={(e) => void pickFile(e.target.files?.[0])}
          />
        </Field>
      )}

      {raw && grid && customers ? (
        <>
          <Field label={t(lang, 'headerRow')} size="small">
            <Select
              size="small"
              value={String(grid.headerRow)}
              disabled={busy}
              data-testid="header-row"
              onChange={(_, d) => (setHeaderChoice(Number(d.value) - raw.firstRow), setOverrides({}), setResult(null))}
            >
              {raw.rows.slice(0, HEADER_SEARCH_ROWS).map((_, i) => (
                <option key={i} value={String(raw.firstRow + i)}>
                  {i === detectedHeader ? t(lang, 'headerRowDetected', { row: raw.firstRow + i }) : String(raw.firstRow + i)}
                </option>
              ))}
            </Select>
          </Field>
          <Caption1 className={styles.hint}>{t(lang, 'preview')}</Caption1>
          <div className={styles.scroll} data-testid="customer-preview">
            <Table size="extra-small" aria-label={t(lang, 'preview')} className={styles.previewTable}>
              <TableHeader>
                <TableRow>
                  {grid.headers.map((h, i) => (
                    <TableHeaderCell key={i} className={styles.previewCell}>
                      {h}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {grid.rows.slice(0, 3).map((r, i) => (
                  <TableRow key={i}>
                    {grid.headers.map((_, c) => (
                      <TableCell key={c} className={styles.previewCell}>
                        {show(r[c])}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {grid.skipped > 0 && (
            <Caption1 className={styles.hint}>{t(lang, 'skippedRows', { n: formatCount(lang, grid.skipped), raw: grid.skipped })}</Caption1>
          )}
          {customerCount === 0 && (
            <Text role="status" data-testid="customers-empty">
              {t(lang, 'headerOnly', { name: grid.name })}
            </Text>
          )}
          {!recognised && (
            <Text role="alert" data-testid="customers-unrecognised">
              {t(lang, sourceKind === 'sheet' ? 'noKnownColumnsSheet' : 'noKnownColumnsFile', { name: grid.name, row: grid.headerRow })}
            </Text>
          )}
          <Caption1 className={styles.hint}>{t(lang, 'mapping')}</Caption1>
          <div className={styles.mapping} data-testid="customer-mapping">
            {grid.headers.map((h, i) => {
              const key = customers.keys[i]!;
              return (
                <Field
                  key={i}
                  label={h || `(${i + 1})`}
                  size="small"
                  className={styles.mappingField}
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
          </div>
        </>
      ) : (
        <Caption1 className={styles.hint}>{t(lang, 'noCustomers')}</Caption1>
      )}

      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || !customers || !recognised || !listSheet} onClick={() => void run()}>
          {t(lang, 'run')}
        </Button>
        {lastMatched && !result && !confirmUndo ? (
          <Button disabled={busy} onClick={() => void undo()}>
            {t(lang, 'undo')}
          </Button>
        ) : null}
      </div>
      {confirmUndo && (
        <MessageBar intent="warning" layout="multiline" data-testid="undo-warning">
          <MessageBarBody>{t(lang, 'undoAfterBuildings', { n: formatCount(lang, undoRows) })}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={() => void undo()}>
              {t(lang, 'undoAnyway')}
            </Button>
            <Button size="small" onClick={() => setConfirmUndo(false)}>
              {t(lang, 'keepRemoved')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <RunProgress run={matching} lang={lang} label={t(lang, 'progress')} testId="match-progress" />

      {result && shownResult && matchedList && customers ? (
        <>
          <Text weight="semibold" data-testid="match-summary">
            {t(lang, 'summary', {
              removed: formatCount(lang, shownResult.counts.removed),
              review: formatCount(lang, shownResult.counts.review),
              kept: formatCount(lang, shownResult.counts.kept),
            })}
          </Text>
          {learning ? (
            <Caption1 data-testid="learned-moved">
              {t(lang, 'learnedMoved', {
                decisions: formatCount(lang, learning.decisions),
                moved: formatCount(lang, learning.moved.length),
                removed: formatCount(lang, learning.moved.filter((m) => m.outcome === 'removed').length),
                kept: formatCount(lang, learning.moved.filter((m) => m.outcome === 'kept').length),
              })}
            </Caption1>
          ) : null}
          {review.length ? <Text weight="semibold">{t(lang, 'reviewQueue', { n: formatCount(lang, review.length) })}</Text> : null}
          {review.length ? <Caption1>{t(lang, 'undecidedStay')}</Caption1> : null}
          {review.slice(0, shown).map((r) => {
            const verdict = decisions.get(r.listIndex);
            const set = (v: boolean) => setDecisions((m) => new Map(m).set(r.listIndex, v));
            return (
              <div key={r.listIndex} className={styles.pair} data-testid="review-pair">
                <Caption1>
                  {r.reason} · {t(lang, 'score', { score: formatPercent(lang, r.score) })}
                </Caption1>
                <div className={styles.sides}>
                  <div>
                    <strong>
                      {t(lang, 'listRow')} {matchedList.origin.firstDataRow + r.listIndex}
                    </strong>
                    {describe(matchedList, matchedList.rowAt(r.listIndex), lang).map((x, i) => (
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
          <RemovalPreview
            lang={lang}
            list={matchedList}
            rows={shownResult.rows.filter(
              (r) => r.outcome === 'removed' || (r.outcome === 'review' && decisions.get(r.listIndex) === true),
            )}
            describe={(r) => describe(matchedList, matchedList.rowAt(r.listIndex), lang).map((x) => x.replace(/^[^:]*: /, ''))}
          />
          <div className={styles.actions}>
            <Button appearance="primary" disabled={busy || shownResult.counts.removed + confirmedCount === 0} onClick={() => void apply()}>
              {t(lang, 'apply')}
            </Button>
          </div>
          <RunProgress run={moving} lang={lang} label={t(lang, 'moving')} testId="move-progress" />
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
