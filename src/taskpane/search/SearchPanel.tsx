/**
 * Step 1 in the pane: criteria (B2B or B2C), a live count, saved criteria, and "Hae", which
 * writes the results into a new sheet through runSearch with a progress bar and cancel.
 * Loaded lazily by SearchStep: the postal code file, the TOL tree and the criteria code stay
 * out of the pane's first load.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Label,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { SearchRegular, SaveRegular } from '@fluentui/react-icons';
import { usePane } from '../paneContext';
import { errorDetails, errorText } from '../services/usePaneServices';
import { useClearStatus } from '../components/StepStatus';
import { AGE_GROUPS, ROLES, type Criteria } from '../../core/criteria/criteria';
import { criteriaErrors } from '../../core/criteria/validate';
import { summarizeCriteria } from '../../core/criteria/summary';
import { COMPANY_FORMS, roleLabel } from '../../core/criteria/labels';
import { formatCount } from '../../core/i18n/lang';
import { isCancel } from '../../core/errors';
import { emptyState } from '../../core/state/workbookState';
import { TextRepairs, textRepairLines } from '../../core/workbook/xmlText';
import { countSearch, runSearch } from '../../app/search';
import { resultRowsInWorker } from './resultRowsClient';
import { CheckboxGroup } from '../components/CheckboxGroup';
import { AreaPicker } from './AreaPicker';
import { IndustryPicker } from './IndustryPicker';
import { createLiveCounter, type CountState } from './liveCount';
import { criteriaToForm, emptyForm, formToCriteria, messagesByField, type SearchForm } from './form';
import { paneSource, PANE_SOURCES, type PaneSourceId } from './sources';
import { t } from './messages';

const FORMS_OFFERED = COMPANY_FORMS.filter((f) => ['OY', 'OYJ', 'KY', 'AY', 'TMI', 'OSK'].includes(f.code));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  checks: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  year: { width: '6.5em' },
  // Fluent's Select keeps a minimum width wider than a 320 px task pane; let it shrink.
  select: { minWidth: 0, maxWidth: '100%' },
  count: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  summary: { color: tokens.colorNeutralForeground3 },
  fieldError: { display: 'block', color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  sticky: {
    position: 'sticky',
    bottom: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export default function SearchPanel(): JSX.Element {
  const pane = usePane();
  const clearStatus = useClearStatus();
  const yearIds = useId();
  const { lang } = pane;
  const styles = useStyles();
  const [form, setForm] = useState<SearchForm>(emptyForm('b2b'));
  const [sourceId, setSourceId] = useState<PaneSourceId>('demo');
  const [prhBase, setPrhBase] = useState(pane.settings.prhBaseUrl ?? '');
  const [countState, setCountState] = useState<CountState>({ status: 'idle' });
  const [progress, setProgress] = useState<{ done: number; total: number; label?: string; notice?: string } | null>(null);
  const [listName, setListName] = useState('');
  const [presetName, setPresetName] = useState('');
  const abortRef = useRef<AbortController | null>(null);

  const json = useMemo(() => formToCriteria(form), [form]);
  const check = useMemo(() => criteriaErrors(json), [json]);
  const errors = useMemo(() => messagesByField(check.issues, lang), [check, lang]);
  const criteria: Criteria | null = check.ok ? check.criteria : null;
  const patch = (p: Partial<SearchForm>) => setForm((f) => ({ ...f, ...p }));

  // The live count follows the criteria (debounced, the previous count cancelled).
  const counterRef = useRef<ReturnType<typeof createLiveCounter> | null>(null);
  useEffect(() => {
    const counter = createLiveCounter({
      count: async (c, signal) => countSearch({ criteria: c, source: await paneSource(sourceId, pane.settings, lang), lang, signal }),
      onState: setCountState,
    });
    counterRef.current = counter;
    return () => counter.dispose();
  }, [sourceId, pane.settings, lang]);
  useEffect(() => {
    counterRef.current?.update(criteria);
  }, [criteria, sourceId, pane.settings, lang]);

  const savePrhBase = () => {
    const value = prhBase.trim() || undefined;
    if (value === pane.settings.prhBaseUrl) return;
    pane.saveSettings({ ...pane.settings, prhBaseUrl: value });
  };

  const search = async () => {
    if (!criteria) return;
    clearStatus();
    const ctl = new AbortController();
    abortRef.current = ctl;
    setProgress({ done: 0, total: 0 });
    try {
      const source = await paneSource(sourceId, pane.settings, lang);
      // Characters a workbook cannot hold, replaced at the workbook port: counted, and said (as the CLI does).
      const textRepairs = new TextRepairs();
      const out = await runSearch(
        {
          workbook: pane.workbook,
          lang,
          settings: pane.settings,
          now: pane.now,
          signal: ctl.signal,
          textRepairs,
          progress: (done, total, label) => setProgress((p) => ({ done, total, label, notice: p?.notice })),
          // PRH's Retry-After counted down under the progress bar.
          notice: (message) => setProgress((p) => ({ done: p?.done ?? 0, total: p?.total ?? 0, notice: message })),
        },
        { criteria, source, listName: listName.trim() || undefined, buildRows: resultRowsInWorker },
      );
      const head =
        out.rows < out.total
          ? t(lang, 'doneOf', { rows: formatCount(lang, out.rows), total: formatCount(lang, out.total), sheet: out.sheetName })
          : t(lang, 'done', { rows: formatCount(lang, out.rows), sheet: out.sheetName });
      const repaired = textRepairLines(lang, textRepairs).map((line) => `${line}.`);
      pane.notify(out.rows && !textRepairs.any ? 'success' : 'warning', [head, ...out.appliedLocally, ...repaired].join(' '));
      await pane.refresh();
      pane.setActiveListId(out.listId);
    } catch (e) {
      pane.notify(isCancel(e) ? 'info' : 'error', isCancel(e) ? t(lang, 'cancelled') : errorText(e), errorDetails(e));
    } finally {
      abortRef.current = null;
      setProgress(null);
    }
  };

  const presets = pane.state?.presets ?? [];
  const savePreset = async () => {
    const name = presetName.trim();
    if (!name || !criteria) return;
    try {
      const state = (await pane.workbook.readState()) ?? emptyState();
      const others = state.presets.filter((p) => p.name !== name);
      await pane.workbook.apply({ state: { ...state, presets: [...others, { name, criteria }] } });
      await pane.refresh();
      pane.notify('success', t(lang, 'presetSaved', { name }));
      setPresetName('');
    } catch (e) {
      pane.notify('error', errorText(e));
    }
  };
  const loadPreset = (name: string) => {
    const p = presets.find((x) => x.name === name);
    const r = p ? criteriaErrors(p.criteria) : null;
    if (r?.ok) setForm(criteriaToForm(r.criteria));
    else if (r) pane.notify('error', r.issues.map((i) => `${i.key}: ${i.message[lang]}`).join('; '));
  };

  const busy = progress !== null;
  const countText = (() => {
    if (!criteria) return t(lang, 'countInvalid');
    switch (countState.status) {
      case 'counting':
      case 'idle':
        return t(lang, 'counting');
      case 'done':
        return t(lang, countState.answer.exact ? 'count' : 'countAtMost', { count: formatCount(lang, countState.answer.count) });
      case 'error':
        return errorText(countState.error);
    }
  })();

  return (
    <div className={styles.root} data-testid="search-step">
      <RadioGroup
        layout="horizontal"
        value={form.kind}
        aria-label={t(lang, 'kind')}
        onChange={(_e, d) =>
          setForm((f) => ({
            ...emptyForm(d.value as 'b2b' | 'b2c'),
            postalCodes: f.postalCodes,
            municipalities: f.municipalities,
            regions: f.regions,
            requirePhone: f.requirePhone,
            limit: f.limit,
          }))
        }
      >
        <Radio value="b2b" label={t(lang, 'b2b')} />
        <Radio value="b2c" label={t(lang, 'b2c')} />
      </RadioGroup>

      <Field label={t(lang, 'source')}>
        <Select
          className={styles.select}
          value={sourceId}
          onChange={(_e, d) => setSourceId(d.value as PaneSourceId)}
          data-testid="search-source"
        >
          {PANE_SOURCES.map((s) => (
            <option key={s} value={s}>
              {t(lang, s === 'demo' ? 'sourceDemo' : 'sourcePrh')}
            </option>
          ))}
        </Select>
      </Field>
      {sourceId === 'prh' && (
        <Field label={t(lang, 'prhBase')} hint={t(lang, 'prhBaseHint')}>
          <Input
            value={prhBase}
            placeholder="https://avoindata.prh.fi/opendata-ytj-api/v3"
            onChange={(_e, d) => setPrhBase(d.value)}
            onBlur={savePrhBase}
          />
        </Field>
      )}

      {presets.length > 0 && (
        <Field label={t(lang, 'presets')}>
          <Select className={styles.select} value="" onChange={(_e, d) => loadPreset(d.value)} data-testid="search-presets">
            <option value="">{t(lang, 'presetNone')}</option>
            {presets.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
      )}

      <AreaPicker lang={lang} value={form} onChange={(a) => patch(a)} error={errors.area} />

      {form.kind === 'b2b' ? (
        <>
          <IndustryPicker lang={lang} value={form.industries} onChange={(industries) => patch({ industries })} error={errors.industries} />
          <CheckboxGroup
            label={t(lang, 'companyForm')}
            error={errors.companyForms}
            options={FORMS_OFFERED.map((f) => ({ value: f.code, label: f.code, title: f.names[lang] }))}
            selected={form.companyForms}
            onChange={(companyForms) => patch({ companyForms })}
            data-testid="search-company-forms"
          />
          {/* A group, not a Field: a Field names every input inside it by its one label, so
              the two inputs would both be "Rekisteröity vuosina". Each input is named on its own. */}
          <div role="group" aria-labelledby={`${yearIds}-label`} aria-describedby={errors.years ? `${yearIds}-error` : undefined}>
            <Label id={`${yearIds}-label`}>{t(lang, 'years')}</Label>
            <div className={styles.row}>
              <Input
                className={styles.year}
                inputMode="numeric"
                placeholder={t(lang, 'yearFrom')}
                id={`${yearIds}-from`}
                aria-label={`${t(lang, 'years')} ${t(lang, 'yearFrom')}`}
                aria-invalid={errors.years ? true : undefined}
                value={form.yearFrom}
                onChange={(_e, d) => patch({ yearFrom: d.value })}
              />
              <Text>–</Text>
              <Input
                className={styles.year}
                inputMode="numeric"
                placeholder={t(lang, 'yearTo')}
                id={`${yearIds}-to`}
                aria-label={`${t(lang, 'years')} ${t(lang, 'yearTo')}`}
                aria-invalid={errors.years ? true : undefined}
                value={form.yearTo}
                onChange={(_e, d) => patch({ yearTo: d.value })}
              />
            </div>
            {errors.years && (
              <Text id={`${yearIds}-error`} role="alert" className={styles.fieldError}>
                {errors.years}
              </Text>
            )}
          </div>
          <CheckboxGroup
            label={t(lang, 'roles')}
            error={errors.roles}
            options={ROLES.map((r) => ({ value: r, label: roleLabel(r, lang) }))}
            selected={form.roles}
            onChange={(roles) => patch({ roles })}
            data-testid="search-roles"
          />
        </>
      ) : (
        <CheckboxGroup
          label={t(lang, 'ageGroups')}
          error={errors.ageGroups}
          options={AGE_GROUPS.map((a) => ({ value: a, label: a.replace('-', '–') }))}
          selected={form.ageGroups}
          onChange={(ageGroups) => patch({ ageGroups })}
          data-testid="search-age-groups"
        />
      )}

      <div className={styles.checks}>
        <Checkbox label={t(lang, 'requirePhone')} checked={form.requirePhone} onChange={(_e, d) => patch({ requirePhone: !!d.checked })} />
        {form.kind === 'b2b' && (
          <Checkbox
            label={t(lang, 'requireEmail')}
            checked={form.requireEmail}
            onChange={(_e, d) => patch({ requireEmail: !!d.checked })}
          />
        )}
      </div>
      <div className={styles.row}>
        <Field label={t(lang, 'limit')} validationMessage={errors.limit} validationState={errors.limit ? 'error' : 'none'}>
          <Input className={styles.year} inputMode="numeric" value={form.limit} onChange={(_e, d) => patch({ limit: d.value })} />
        </Field>
        <Field label={t(lang, 'listName')} style={{ flexGrow: 1 }}>
          <Input value={listName} onChange={(_e, d) => setListName(d.value)} />
        </Field>
      </div>
      {errors.other && (
        <MessageBar intent="error">
          <MessageBarBody>{errors.other}</MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.row}>
        <Field label={t(lang, 'presetName')} style={{ flexGrow: 1 }}>
          <Input value={presetName} onChange={(_e, d) => setPresetName(d.value)} />
        </Field>
        <Button icon={<SaveRegular />} disabled={!criteria || !presetName.trim()} onClick={savePreset}>
          {t(lang, 'presetSave')}
        </Button>
      </div>

      <div className={styles.sticky}>
        {criteria && (
          <Caption1 className={styles.summary} data-testid="search-summary">
            {summarizeCriteria(criteria, lang)}
          </Caption1>
        )}
        <Text className={styles.count} aria-live="polite" data-testid="search-count">
          {countState.status === 'counting' && criteria ? <Spinner size="extra-tiny" label={countText} /> : countText}
        </Text>
        {busy && <ProgressBar value={progress.total ? progress.done / progress.total : undefined} aria-label={t(lang, 'searching')} />}
        {busy && progress.total > 0 && (
          // What is being done and how far: the rows made, then the rows written into the sheet.
          <Caption1 data-testid="search-progress">
            {[progress.label, `${formatCount(lang, Math.min(progress.done, progress.total))} / ${formatCount(lang, progress.total)}`]
              .filter(Boolean)
              .join(' ')}
          </Caption1>
        )}
        {busy && progress.notice && <Text role="status">{progress.notice}</Text>}
        <div className={styles.row}>
          <Button appearance="primary" icon={<SearchRegular />} disabled={!criteria || busy} onClick={search} data-testid="search-run">
            {busy ? t(lang, 'searching') : t(lang, 'search')}
          </Button>
          {busy && <Button onClick={() => abortRef.current?.abort()}>{t(lang, 'cancel')}</Button>}
        </div>
      </div>
    </div>
  );
}
