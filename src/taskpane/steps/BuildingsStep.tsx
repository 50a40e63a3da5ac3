/**
 * Step 3 of the pane: add building data (completion year, use, floors, heating, material) to a
 * list by address, from Helsinki's register, HSY, Ryhti or the user's own file, and filter on
 * it. The source is suggested from the list's postal codes; only postal codes are sent. The use
 * case and the sources load on demand (postal-code data and the join are not in the first load).
 */
import { useEffect, useState } from 'react';
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
  Radio,
  RadioGroup,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { BuildingRegular } from '@fluentui/react-icons';
import { usePane, type StepDefinition } from '../paneContext';
import { useListSheets } from '../components/useListSheets';
import { errorDetails, errorText } from '../services/usePaneServices';
import { useClearStatus } from '../components/StepStatus';
import { RunProgress, useCancellableRun } from '../components/CancellableRun';
import { formatCount } from '../../core/i18n/lang';
import { isCancel } from '../../core/errors';
import { BUILDING_GROUPS, FUEL_GROUPS, FUEL_NAMES, GROUP_NAMES, type BuildingGroup, type FuelGroup } from '../../core/buildings/groups';
import type { MatchLevel } from '../../core/buildings/join';
import type { AddBuildingsResult } from '../../app/addBuildings';
import type { BuildingSource } from '../../sources/buildings/source';
import { t } from '../buildings/messages';
import { buildingsThroughGateway } from '../../app/gateway';
import { findGateway, gatewayBaseUrl, sourceRoute } from '../services/gateway';

type SourceChoice = 'helsinki' | 'hsy' | 'ryhti' | 'file';
const SOURCES: SourceChoice[] = ['helsinki', 'hsy', 'ryhti', 'file'];
const LEVELS: MatchLevel[] = ['exact', 'street-number', 'none'];
/** The classes people filter on most; the rest are rare on a contact list. */
const CLASSES: BuildingGroup[] = BUILDING_GROUPS.filter((g) => g !== 'other' && g !== 'agricultural');

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS },
  group: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

const loadUseCase = () => import(/* webpackChunkName: "buildings" */ '../../app/addBuildings');

function toggle<T>(list: T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}

function BuildingsStep(): JSX.Element {
  const pane = usePane();
  const { lang, workbook, state } = pane;
  const styles = useStyles();
  const { sheets, listSheet, setListSheet } = useListSheets({ includeAudit: false });
  const [suggested, setSuggested] = useState<SourceChoice | null>(null);
  const [source, setSource] = useState<SourceChoice>('ryhti');
  const [baseUrl, setBaseUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [yearFrom, setYearFrom] = useState('');
  const [yearTo, setYearTo] = useState('');
  const [classes, setClasses] = useState<BuildingGroup[]>([]);
  const [fuels, setFuels] = useState<FuelGroup[]>([]);
  const [levels, setLevels] = useState<MatchLevel[]>([]);
  const [busy, setBusy] = useState(false);
  // Progress with counts and Cancel (the move/export pattern): the fetch, the join and the
  // writes each report; a Cancel is heard in each, and the adapter rolls its staging back.
  const running = useCancellableRun();
  const [result, setResult] = useState<AddBuildingsResult | null>(null);
  const clearStatus = useClearStatus();

  // The suggestion: Helsinki's own register for Helsinki codes, HSY for the capital region, else Ryhti.
  useEffect(() => {
    if (!listSheet) return;
    let alive = true;
    (async () => {
      const [{ suggestBuildingSource, postalCodesOf }, { listFromGrid }] = await Promise.all([
        loadUseCase(),
        import('../../core/list/listTable'),
      ]);
      const data = await workbook.readSheet(listSheet);
      const codes = postalCodesOf(listFromGrid(listSheet, data.headers, data.rows, {}, data.firstDataRow));
      if (!alive) return;
      const s = suggestBuildingSource(codes);
      setSuggested(s);
      setSource(s);
    })().catch((e) => alive && pane.notify('error', errorText(e)));
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workbook, listSheet]);

  const yearOk = (y: string) => y === '' || /^\d{4}$/.test(y);

  async function makeSource(): Promise<BuildingSource> {
    // The gateway of the server that served the pane (an address typed here on another origin
    // cannot be reached from it); else the address typed; else direct.
    const { userUrl: url, gateway: gw } =
      source === 'file' ? { userUrl: baseUrl.trim() || undefined, gateway: null } : sourceRoute(baseUrl, findGateway());
    const o = { baseUrl: url ?? (gw && source !== 'file' ? gatewayBaseUrl(gw, source) : undefined), lang };
    const relay = (s: BuildingSource) => (gw ? buildingsThroughGateway(s, gw, lang) : s);
    if (source === 'helsinki')
      return relay((await import(/* webpackChunkName: "buildings" */ '../../sources/buildings/helsinki')).helsinkiSource(o));
    if (source === 'hsy') return relay((await import(/* webpackChunkName: "buildings" */ '../../sources/buildings/hsy')).hsySource(o));
    if (source === 'ryhti') return relay((await import(/* webpackChunkName: "buildings" */ '../../sources/buildings/ryhti')).ryhtiSource(o));
    const { fileSource } = await import(/* webpackChunkName: "buildings" */ '../../sources/buildings/file');
    const picked = file!;
    return fileSource(picked.name, () => picked.text(), lang);
  }

  async function run(): Promise<void> {
    clearStatus();
    setBusy(true);
    setResult(null);
    try {
      const r = await running.start(async ({ signal, progress }) => {
        progress(0, 0, t(lang, 'working'));
        const [{ addBuildings }, { buildingFiltersSchema }] = await Promise.all([loadUseCase(), import('../../core/buildings/filters')]);
        const filters = buildingFiltersSchema.parse({
          yearFrom: yearFrom ? Number(yearFrom) : undefined,
          yearTo: yearTo ? Number(yearTo) : undefined,
          classes: classes.length ? classes : undefined,
          fuels: fuels.length ? fuels : undefined,
          match: levels.length ? levels : undefined,
        });
        let last = { done: 0, total: 0 };
        return addBuildings(
          {
            workbook,
            lang,
            settings: pane.settings,
            now: pane.now,
            signal,
            progress: (done, total, label) => {
              last = { done, total };
              progress(done, total, label);
            },
            // A service's Retry-After counted down in the progress label.
            notice: (message) => progress(last.done, last.total, message),
          },
          { listSheet, listId: state?.lists.find((l) => l.sheets.list === listSheet)?.id, source: await makeSource(), filters },
        );
      });
      setResult(r);
      pane.notify(
        'success',
        t(lang, 'matched', { n: formatCount(lang, r.summary.rows - r.summary.byLevel.none), m: formatCount(lang, r.summary.rows) }),
      );
      await pane.refresh();
    } catch (e) {
      pane.notify(isCancel(e) ? 'info' : 'error', isCancel(e) ? t(lang, 'cancelled') : errorText(e), errorDetails(e));
    } finally {
      setBusy(false);
    }
  }

  if (sheets.length === 0) return <Text>{t(lang, 'noSheets')}</Text>;
  const canRun = !busy && !!listSheet && yearOk(yearFrom) && yearOk(yearTo) && (source !== 'file' || !!file);
  const chosen = result ? Object.values(result.summary.mainChoices).reduce((a, b) => a + b, 0) : 0;

  return (
    <div className={styles.root} data-testid="buildings-step">
      <Field label={t(lang, 'listSheet')}>
        <Select value={listSheet} onChange={(_, d) => setListSheet(d.value)} disabled={busy}>
          {sheets.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </Field>

      <Field label={t(lang, 'source')} hint={t(lang, 'privacy')}>
        <RadioGroup value={source} onChange={(_, d) => setSource(d.value as SourceChoice)} disabled={busy}>
          {SOURCES.map((s) => (
            <Radio key={s} value={s} label={`${t(lang, s)}${s === suggested ? ` ${t(lang, 'suggested')}` : ''}`} />
          ))}
        </RadioGroup>
      </Field>
      {source === 'file' ? (
        <Field label={t(lang, 'chooseFile')}>
          <input type="file" accept=".json,.geojson,.csv,.txt" disabled={busy} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field>
      ) : (
        <Field label={t(lang, 'baseUrl')} hint={t(lang, 'baseUrlHint')}>
          <Input value={baseUrl} onChange={(_, d) => setBaseUrl(d.value)} disabled={busy} type="url" />
        </Field>
      )}

      <Label weight="semibold">{t(lang, 'filters')}</Label>
      <div className={styles.row}>
        <Field label={t(lang, 'yearFrom')} validationMessage={yearOk(yearFrom) ? undefined : t(lang, 'yearInvalid')}>
          <Input value={yearFrom} onChange={(_, d) => setYearFrom(d.value.trim())} inputMode="numeric" disabled={busy} size="small" />
        </Field>
        <Field label={t(lang, 'yearTo')} validationMessage={yearOk(yearTo) ? undefined : t(lang, 'yearInvalid')}>
          <Input value={yearTo} onChange={(_, d) => setYearTo(d.value.trim())} inputMode="numeric" disabled={busy} size="small" />
        </Field>
      </div>
      <div role="group" aria-label={t(lang, 'classes')}>
        <Label>{t(lang, 'classes')}</Label>
        <div className={styles.group}>
          {CLASSES.map((g) => (
            <Checkbox
              key={g}
              label={GROUP_NAMES[g][lang]}
              checked={classes.includes(g)}
              disabled={busy}
              onChange={(_, d) => setClasses((c) => toggle(c, g, Boolean(d.checked)))}
            />
          ))}
        </div>
      </div>
      <div role="group" aria-label={t(lang, 'fuels')}>
        <Label>{t(lang, 'fuels')}</Label>
        <div className={styles.group}>
          {FUEL_GROUPS.map((f) => (
            <Checkbox
              key={f}
              label={FUEL_NAMES[f][lang]}
              checked={fuels.includes(f)}
              disabled={busy}
              onChange={(_, d) => setFuels((c) => toggle(c, f, Boolean(d.checked)))}
            />
          ))}
        </div>
      </div>
      <div role="group" aria-label={t(lang, 'match')}>
        <Label>{t(lang, 'match')}</Label>
        <div className={styles.group}>
          {LEVELS.map((l) => (
            <Checkbox
              key={l}
              label={t(lang, l)}
              checked={levels.includes(l)}
              disabled={busy}
              onChange={(_, d) => setLevels((c) => toggle(c, l, Boolean(d.checked)))}
            />
          ))}
        </div>
      </div>

      <div className={styles.actions}>
        <Button appearance="primary" icon={<BuildingRegular />} disabled={!canRun} onClick={() => void run()}>
          {t(lang, 'run')}
        </Button>
      </div>
      <RunProgress run={running} lang={lang} label={t(lang, 'working')} testId="buildings-progress" />

      {result && (
        <MessageBar intent="success" data-testid="buildings-summary">
          <MessageBarBody>
            <div>
              {t(lang, 'matched', {
                n: formatCount(lang, result.summary.rows - result.summary.byLevel.none),
                m: formatCount(lang, result.summary.rows),
              })}
            </div>
            <div>
              {t(lang, 'levels', {
                exact: formatCount(lang, result.summary.byLevel.exact),
                streetNumber: formatCount(lang, result.summary.byLevel['street-number']),
                none: formatCount(lang, result.summary.byLevel.none),
              })}
            </div>
            {chosen > 0 && <div>{t(lang, 'mainChosen', { n: formatCount(lang, chosen) })}</div>}
            {result.filteredSheet && (
              <div>{t(lang, 'filtered', { n: formatCount(lang, result.rowsFiltered), sheet: result.filteredSheet })}</div>
            )}
            <div>{t(lang, 'kept', { n: formatCount(lang, result.rowsKept) })}</div>
            {result.contacted.map((c) => (
              <div key={c.party}>{t(lang, 'sent', { what: c.sent, party: c.party })}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {result && source !== 'file' && (
        <Caption1 className={styles.hint} data-testid="buildings-attribution">
          {t(lang, 'attribution', { attribution: result.attribution.replace(/ \(CC BY 4\.0\)$/, '') })}
        </Caption1>
      )}
    </div>
  );
}

export const buildingsStep: StepDefinition = {
  id: 'buildings',
  number: 3,
  title: { fi: 'Lisää rakennustiedot', en: 'Add building data', sv: 'Lägg till byggnadsdata' },
  description: {
    fi: 'Valmistumisvuosi, käyttötarkoitus, kerrokset ja lämmitys avoimesta datasta.',
    en: 'Completion year, use, floors and heating from open data.',
    sv: 'Byggnadsår, användning, våningar och uppvärmning från öppna data.',
  },
  available: true,
  Component: BuildingsStep,
};
