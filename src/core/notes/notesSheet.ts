/**
 * The privacy notes sheet of one list: a Finnish privacy statement (tietosuojaseloste) for the
 * list as a register, in the 12 sections of compliance.md, filled in from the user's settings
 * and from what actually happened (the list's state). Missing settings are shown as missing,
 * never invented. Rendered as a printable document sheet; the machine-readable copy is the
 * workbook state itself.
 */
import type { Lang, Localized } from '../i18n/lang';
import { formatCount, formatPercent } from '../i18n/lang';
import { MATCH_LEVEL_NAMES } from '../buildings/matchLevels';
import { FUEL_NAMES, GROUP_NAMES } from '../buildings/groups';
import type { Settings } from '../settings/settings';
import { STATE_NAMESPACE, type ListState, type ProcessingStep, type SourceUse, type WorkbookState } from '../state/workbookState';
import type { CellValue } from '../workbook/cells';
import type { PlannedColumn, RowStyle, SheetPlan } from '../workbook/sheetPlan';
import { formatDate, formatDateTime, helsinkiDate } from './format';
import { notesText as t, type NotesKey } from './messages';

export interface NotesInput {
  list: ListState;
  state: WorkbookState;
  settings: Settings;
  lang: Lang;
  now: Date;
  sheetName: string;
  /** Headers of the list's columns as the sheet shows them; unknown when not given. */
  columns?: string[];
  /** The criteria in words (the search step's summary); a generic rendering otherwise. */
  criteriaInWords?: string;
}

/** "Tietosuoja – Tampere LVI" before it is made a valid, unique sheet name. */
export function notesSheetBaseName(listSheet: string, lang: Lang): string {
  return `${t(lang, 'sheetPrefix')} – ${listSheet}`;
}

/** A document built row by row: label in column A, text in column B. */
class Doc {
  rows: CellValue[][] = [];
  styles: RowStyle[] = [];
  add(style: RowStyle, a: string | null, b: string | null = null): void {
    this.rows.push([a, b]);
    this.styles.push(style);
  }
  blank(): void {
    this.add('normal', null, null);
  }
}

const DOC_COLUMNS: PlannedColumn[] = [
  { key: 'extra:label', header: '', type: 'text', numberFormat: '@', width: 34 },
  { key: 'extra:text', header: '', type: 'text', numberFormat: '@', width: 95 },
];

/** Criteria as plain "key: value" lines when no summary in words is given. */
export function criteriaLines(criteria: unknown, prefix = ''): string[] {
  if (criteria === null || criteria === undefined) return [];
  if (typeof criteria !== 'object' || Array.isArray(criteria)) return [`${prefix || 'value'}: ${formatValue(criteria)}`];
  const out: string[] = [];
  for (const [k, v] of Object.entries(criteria as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) out.push(...criteriaLines(v, key));
    else out.push(`${key}: ${formatValue(v)}`);
  }
  return out;
}

function formatValue(v: unknown): string {
  if (Array.isArray(v)) return v.map((x) => String(x)).join(', ');
  return String(v);
}

function present(v: string | undefined | null): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

function stepName(lang: Lang, step: ProcessingStep['step']): string {
  return t(lang, `step_${step}` as NotesKey);
}

/** "sisään 1 200 · ulos 1 150 · siirretty 50 riviä". */
export function countsText(lang: Lang, s: Pick<ProcessingStep, 'rowsIn' | 'rowsOut' | 'rowsMoved'>): string {
  const parts: string[] = [];
  if (s.rowsIn !== undefined) parts.push(t(lang, 'rowsIn', { n: formatCount(lang, s.rowsIn) }));
  if (s.rowsOut !== undefined) parts.push(t(lang, 'rowsOut', { n: formatCount(lang, s.rowsOut) }));
  if (s.rowsMoved !== undefined) parts.push(t(lang, 'rowsMoved', { n: formatCount(lang, s.rowsMoved) }));
  return parts.length ? `${parts.join(' · ')} ${t(lang, 'rowsUnit')}` : '';
}

/** Words for the parameters steps commonly log; others are shown by their key. */
const PARAM_LABELS: Record<string, Record<Lang, string>> = {
  source: { fi: 'lähde', en: 'source', sv: 'källa' },
  name: { fi: 'nimi', en: 'name', sv: 'namn' },
  checkedAt: { fi: 'päivätty', en: 'dated', sv: 'daterad' },
  numbers: { fi: 'numeroita', en: 'numbers', sv: 'nummer' },
  auditSheet: { fi: 'siirretyt taulukolle', en: 'moved to sheet', sv: 'flyttade till blad' },
  matchedBy: { fi: 'haettu', en: 'found by', sv: 'sökt med' },
  rowsErased: { fi: 'poistettuja rivejä', en: 'rows erased', sv: 'raderade rader' },
  addedToDoNotContact: { fi: 'lisätty kieltolistalle', en: 'added to do-not-contact', sv: 'tillagd i spärrlistan' },
  deleteBy: { fi: 'poistopäivä', en: 'delete by', sv: 'raderingsdag' },
  sheetsDeleted: { fi: 'poistettuja taulukoita', en: 'sheets deleted', sv: 'raderade blad' },
  format: { fi: 'muoto', en: 'format', sv: 'format' },
  file: { fi: 'tiedosto', en: 'file', sv: 'fil' },
  // search
  criteria: { fi: 'kriteerit', en: 'criteria', sv: 'kriterier' },
  found: { fi: 'osumia lähteessä', en: 'matches in the source', sv: 'träffar i källan' },
  limit: { fi: 'enimmäismäärä', en: 'row limit', sv: 'maxantal' },
  doNotContactRemoved: {
    fi: 'jätetty pois työkirjan kieltolistan vuoksi',
    en: 'left out (workbook do-not-contact list)',
    sv: 'utelämnade (arbetsbokens spärrlista)',
  },
  appliedLocally: { fi: 'tarkistettu paikallisesti', en: 'checked locally', sv: 'kontrollerat lokalt' },
  // customer matching
  customerSource: { fi: 'asiakasrekisteri', en: 'customer register', sv: 'kundregister' },
  customerRows: { fi: 'asiakasrivejä', en: 'customer rows', sv: 'kundrader' },
  removedAt: { fi: 'siirtohetki', en: 'moved at', sv: 'flyttad' },
  removedCertain: { fi: 'varmat tunnistukset', en: 'certain matches', sv: 'säkra matchningar' },
  reviewConfirmed: { fi: 'tarkistuksessa vahvistetut', en: 'confirmed in review', sv: 'bekräftade vid granskning' },
  reviewRejected: { fi: 'tarkistuksessa hylätyt', en: 'rejected in review', sv: 'avvisade vid granskning' },
  reviewUndecided: { fi: 'ratkaisematta listalla', en: 'undecided, left in the list', sv: 'oavgjorda, kvar i listan' },
  reviewDecisions: {
    fi: 'tarkistuspäätöksiä, joista malli oppi',
    en: 'review decisions the model learned from',
    sv: 'granskningsbeslut som modellen lärde sig av',
  },
  modelUpdated: { fi: 'malli päivitetty päätöksillä', en: 'model updated with the decisions', sv: 'modellen uppdaterad med besluten' },
  learnedRemoved: { fi: 'varmoiksi muuttuneet (poistettu)', en: 'made certain by learning (removed)', sv: 'blev säkra (borttagna)' },
  learnedKept: { fi: 'tarkistuksesta listalle jääneet', en: 'dropped from review (kept)', sv: 'föll ur granskningen (kvar)' },
  rules: { fi: 'säännöt', en: 'rules', sv: 'regler' },
  candidatePairs: { fi: 'verrattuja ehdokaspareja', en: 'candidate pairs compared', sv: 'jämförda kandidatpar' },
  undoneMatching: { fi: 'peruttu tunnistus', en: 'matching undone', sv: 'ångrad matchning' },
  restored: { fi: 'palautettuja rivejä', en: 'rows restored', sv: 'återställda rader' },
  // building data
  sourceName: { fi: 'rekisteri', en: 'register', sv: 'register' },
  licence: { fi: 'lisenssi', en: 'licence', sv: 'licens' },
  buildings: { fi: 'rakennuksia haettu', en: 'buildings fetched', sv: 'hämtade byggnader' },
  matchedExact: { fi: 'tarkka osoite', en: 'exact address', sv: 'exakt adress' },
  matchedStreetNumber: { fi: 'katu ja numero', en: 'street and number', sv: 'gata och nummer' },
  unmatched: { fi: 'ei tunnistettu', en: 'not matched', sv: 'ej matchade' },
  mainBuildingChosen: { fi: 'päärakennus valittu useasta', en: 'main building chosen among several', sv: 'huvudbyggnad vald bland flera' },
  yearFrom: { fi: 'valmistunut aikaisintaan', en: 'completed from', sv: 'färdigställd från' },
  yearTo: { fi: 'valmistunut viimeistään', en: 'completed by', sv: 'färdigställd senast' },
  classes: { fi: 'rakennusluokat', en: 'building classes', sv: 'byggnadsklasser' },
  fuels: { fi: 'lämmitysaineet', en: 'heating fuels', sv: 'bränslen' },
  match: { fi: 'tunnistustasot', en: 'match levels', sv: 'matchningsnivåer' },
  filteredSheet: { fi: 'rajatut taulukolle', en: 'filtered rows to sheet', sv: 'bortfiltrerade till blad' },
  // export
  files: { fi: 'tiedostot', en: 'files', sv: 'filer' },
  sheets: { fi: 'taulukot', en: 'sheets', sv: 'blad' },
  allowDemo: { fi: 'demoaineisto sallittu', en: 'demo data allowed', sv: 'demodata tillåtna' },
  skipped: { fi: 'jätetty pois', en: 'left out', sv: 'utelämnade' },
};
const YES: Record<Lang, string> = { fi: 'kyllä', en: 'yes', sv: 'ja' };

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The matching rules as the match step records them (in Finnish, in the log kept in the
 * workbook: "Y-tunnus, puhelin, sähköposti, nimi, osoite; poisto ≥ 0.9, tarkistus ≥ 0.5"),
 * said in the list's language with the thresholds as per cent. Other text is shown as is.
 */
const RULES = /^Y-tunnus, puhelin, sähköposti, nimi, osoite; poisto ≥ ([\d.]+), tarkistus ≥ ([\d.]+)$/;
const RULES_TEXT: Record<Lang, string> = {
  fi: 'verrataan Y-tunnusta, puhelinta, sähköpostia, nimeä ja osoitetta; poistetaan, kun sama asiakas on vähintään {remove} todennäköinen, tarkistetaan vähintään {review}',
  en: 'business ID, phone, e-mail, name and address compared; removed when at least {remove} likely the same customer, reviewed from {review}',
  sv: 'FO-nummer, telefon, e-post, namn och adress jämförs; tas bort när samma kund är minst {remove} sannolik, granskas från {review}',
};

/**
 * Building filters the step logs as codes ("detached,row"), said with the names the pane's
 * filter shows ("Omakoti- ja paritalot, Rivi- ja ketjutalot"); an unknown code stays as is.
 */
const CODE_NAMES: Record<string, Record<string, Localized>> = {
  classes: GROUP_NAMES,
  fuels: FUEL_NAMES,
  match: MATCH_LEVEL_NAMES,
};

function paramValue(lang: Lang, key: string, value: string | number | boolean): string {
  if (value === true) return YES[lang];
  const text = String(value);
  const names = CODE_NAMES[key];
  if (names) return text.split(',').map((code) => names[code]?.[lang] ?? code).join(', ');
  // Times in the user's words and Finnish time ("7.12.2026 klo 02.44"), never an ISO instant.
  if (ISO_INSTANT.test(text)) return formatDateTime(text, lang);
  if (ISO_DAY.test(text)) return formatDate(text, lang);
  const rules = key === 'rules' ? RULES.exec(text) : null;
  if (rules) {
    return RULES_TEXT[lang]
      .replace('{remove}', formatPercent(lang, Number(rules[1])))
      .replace('{review}', formatPercent(lang, Number(rules[2])));
  }
  return text;
}

function paramText(lang: Lang, key: string, value: string | number | boolean): string {
  return `${PARAM_LABELS[key]?.[lang] ?? key}: ${paramValue(lang, key, value)}`;
}

/**
 * The matching model of a match step and how its estimate went (the params removeCustomers logs
 * as model*), in one phrase: "malli estimoitu 14 270 ehdokasparista (2 000 listariviä): 11
 * EM-kierrosta, konvergoi, λ 0,045". Null when the step logged no estimate.
 */
export function modelFitText(lang: Lang, params: ProcessingStep['params']): string | null {
  const num = (k: string) => (typeof params[k] === 'number' ? (params[k] as number) : null);
  const pairs = num('modelPairs');
  if (pairs === null) return null;
  if (params.modelFellBack === true) return t(lang, 'modelFellBack', { pairs: formatCount(lang, pairs) });
  const lambda = num('modelLambda');
  const decimals = (x: number | null) =>
    x === null
      ? '?'
      : new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang === 'sv' ? 'sv-FI' : 'fi-FI', {
          minimumFractionDigits: 3,
          maximumFractionDigits: 3,
        }).format(x);
  // The household rate and the family rule's strength (estimate.ts householdRate), when logged.
  const householdPairs = num('modelHouseholdPairs');
  const households =
    householdPairs === null
      ? ''
      : ', ' +
        t(lang, 'modelHouseholds', {
          rate: decimals(num('modelHouseholdRate')),
          families: formatCount(lang, num('modelHouseholdFamilies') ?? 0),
          pairs: formatCount(lang, householdPairs),
          rule: decimals(num('modelFamilyRule')),
        });
  // The namesakes' correction (estimate.ts namesakeBits), when logged.
  const namesakePairs = num('modelNamesakePairs');
  const namesakes =
    namesakePairs === null
      ? ''
      : ', ' +
        t(lang, 'modelNamesakes', {
          apart: formatCount(lang, num('modelNamesakesApart') ?? 0),
          pairs: formatCount(lang, namesakePairs),
          bits: decimals(num('modelNamesakeBits')),
        });
  return (
    t(lang, 'modelFit', {
      pairs: formatCount(lang, pairs),
      rows: formatCount(lang, num('modelRows') ?? 0),
      iterations: formatCount(lang, num('modelIterations') ?? 0),
      converged: t(lang, params.modelConverged === true ? 'modelConverged' : 'modelNotConverged'),
      // Three decimals, with the decimal comma in Finnish and Swedish.
      lambda: decimals(lambda),
    }) +
    households +
    namesakes
  );
}

/**
 * One log entry in words: step, counts, parameters, parties contacted. `sources` (the list's)
 * let a step's source id ("demo") be said by the source's name, as the notes' section 2 says it;
 * a step that logs the name itself (building data's "register") keeps only that.
 */
export function stepText(lang: Lang, s: ProcessingStep, sources: readonly Pick<SourceUse, 'id' | 'name'>[] = []): string {
  const parts = [stepName(lang, s.step)];
  const counts = countsText(lang, s);
  if (counts) parts.push(counts);
  const given = s.params ?? {};
  const model = modelFitText(lang, given);
  const sourceName = typeof given.source === 'string' ? sources.find((x) => x.id === given.source)?.name : undefined;
  const params = Object.entries(given)
    // The model's fit is said in one phrase (modelFitText), after the other parameters.
    .filter(([k]) => !k.startsWith('model'))
    .filter(([k]) => !(k === 'source' && (sourceName || given.sourceName)))
    .filter(([, v]) => v !== null && v !== '' && v !== false)
    .map(([k, v]) => paramText(lang, k, v as string | number | boolean));
  if (sourceName && !given.sourceName) params.unshift(paramText(lang, 'source', sourceName));
  if (model) params.push(model);
  if (params.length) parts.push(params.join('; '));
  for (const c of s.contacted ?? []) parts.push(t(lang, 'sentTo', { party: c.party, sent: c.sent }));
  return parts.join(' — ');
}

/** The source's terms: what the source says, else what the user's settings say for it. */
function termsOf(source: SourceUse, settings: Settings): string | undefined {
  return present(source.terms) ? source.terms : settings.sourceTerms[source.id];
}

function isOpenData(source: SourceUse): boolean {
  return /\bCC[ -]?BY\b/i.test(source.licence) || present(source.attribution);
}

export function renderNotesSheet(input: NotesInput): SheetPlan {
  const { list, state, settings, lang, now } = input;
  const tr = (key: NotesKey, p?: Record<string, string | number>) => t(lang, key, p);
  const missing = tr('missing');
  const c = settings.controller;
  const doc = new Doc();
  const field = (label: NotesKey, value: string | undefined, absent = missing) =>
    doc.add('label', tr(label), present(value) ? value : absent);

  doc.add('title', tr('title', { name: list.name }));
  doc.add('note', tr('updated', { at: formatDateTime(now.toISOString(), lang) }));
  if (settings.example) doc.add('note', tr('exampleSettings'));
  if (list.sources.some((s) => s.demo || s.id === 'demo')) doc.add('note', tr('demoData'));
  if (list.deletedAt) doc.add('note', tr('deletedAt', { at: formatDateTime(list.deletedAt, lang) }));

  // 1. Controller
  doc.blank();
  doc.add('section', tr('s1'));
  field('organisation', c.organisation);
  field('businessId', c.businessId);
  field('address', c.address);
  field('contactPerson', c.contactPerson);
  field('email', c.email);
  field('phone', c.phone);
  field('dpo', c.dataProtectionOfficer, tr('notGiven'));
  doc.add('note', null, tr('controllerWhy'));

  // 2. Processors and sources
  doc.blank();
  doc.add('section', tr('s2'));
  if (list.sources.length === 0) doc.add('normal', null, tr('noSources'));
  for (const s of list.sources) {
    doc.add('label', tr('source'), s.name);
    doc.add('normal', tr('sourceController'), s.controller);
    doc.add('normal', tr('licence'), s.licence);
    doc.add('normal', tr('terms'), termsOf(s, settings) ?? tr('noTerms'));
    doc.add('normal', tr('extractedAt'), formatDateTime(s.extractedAt, lang));
    if (present(s.role)) doc.add('normal', tr('role'), s.role);
  }
  const ls = settings.listService;
  const service = [ls.name, ls.businessId, ls.contact].filter(present).join(', ');
  doc.add('label', tr('listService'), service ? `${service} — ${tr('listServiceRole')}` : missing);
  doc.add('label', tr('rajaus'), tr('rajausRole'));
  const contacted = uniqueContacts(list.log);
  doc.add('label', tr('contacted'), contacted.length ? contacted.map((x) => tr('sentTo', x)).join('; ') : tr('contactedNone'));

  // 3. Register name and purpose
  doc.blank();
  doc.add('section', tr('s3'));
  doc.add('label', tr('registerName'), list.name);
  const purpose = list.purpose ?? settings.purpose;
  const channel = list.channel ?? settings.channel;
  doc.add('label', tr('purpose'), localizedOr(lang, `p_${purpose}`, purpose));
  doc.add('label', tr('channel'), localizedOr(lang, `c_${channel}`, channel));
  doc.add('label', tr('kind'), tr(list.kind));
  doc.add('label', tr('listSheet'), list.sheets.list);
  doc.add('label', tr('createdAt'), formatDateTime(list.createdAt, lang));

  // 4. Legal basis
  doc.blank();
  doc.add('section', tr('s4'));
  doc.add('normal', null, tr('legitimateInterest'));
  doc.add('normal', null, tr('balancing'));
  doc.add('normal', null, list.kind === 'b2c' ? tr('consumerTelesales') : tr('b2bBasis'));

  // 5. Data content
  doc.blank();
  doc.add('section', tr('s5'));
  doc.add('label', tr('columns'), input.columns?.length ? input.columns.join(', ') : tr('columnsUnknown'));
  if (input.columns?.some((h) => /ikäryhmä|age group|åldersgrupp/i.test(h))) doc.add('note', null, tr('ageEstimate'));
  doc.add('note', null, tr('provenance'));

  // 6. Criteria, in words and as data
  doc.blank();
  doc.add('section', tr('s6'));
  if (list.criteria === undefined || list.criteria === null) doc.add('normal', null, tr('noCriteria'));
  else {
    const words = input.criteriaInWords ?? criteriaLines(list.criteria).join('; ');
    doc.add('label', tr('inWords'), words);
    doc.add('label', tr('asData'), JSON.stringify(list.criteria));
  }

  // 7. Processing log
  doc.blank();
  doc.add('section', tr('s7'));
  if (list.log.length === 0) doc.add('normal', null, tr('noSteps'));
  for (const s of list.log) doc.add('normal', formatDateTime(s.at, lang), stepText(lang, s, list.sources));
  const dnc = lastDncCheck(list, state);
  doc.add(
    'label',
    tr('dncLast'),
    dnc ? tr('dncValue', { name: dnc.name, checkedAt: formatDate(dnc.checkedAt, lang), at: formatDateTime(dnc.at, lang) }) : tr('dncNever'),
  );

  // 8. Retention
  doc.blank();
  doc.add('section', tr('s8'));
  doc.add('label', tr('deleteBy'), formatDate(list.deleteBy, lang));
  doc.add('normal', null, tr('retentionRule'));
  if (list.deletedAt) doc.add('note', null, tr('deletedAt', { at: formatDateTime(list.deletedAt, lang) }));
  else if (isPastDeleteBy(list, now)) doc.add('note', null, tr('pastDue'));

  // 9. Disclosures and transfers
  doc.blank();
  doc.add('section', tr('s9'));
  doc.add('label', tr('disclosures'), present(settings.disclosures) ? settings.disclosures : tr('disclosuresNone'));
  doc.add('label', tr('transfers'), present(settings.transfersOutsideEea) ? settings.transfersOutsideEea : tr('transfersNone'));

  // 10. Data subject's rights
  doc.blank();
  doc.add('section', tr('s10'));
  doc.add('normal', null, tr('rights'));
  doc.add('normal', null, tr('objection'));
  doc.add('normal', null, tr('complaint'));
  const controllerContact = [c.organisation, c.email, c.phone].filter(present).join(', ');
  doc.add('label', tr('requestsList'), controllerContact || missing);
  const sourceControllers = unique(list.sources.map((s) => s.controller));
  if (sourceControllers.length)
    doc.add('label', tr('requestsSource'), tr('requestsSourceValue', { controllers: sourceControllers.join('; ') }));
  if (list.kind === 'b2c') {
    doc.add('label', tr('requestsSubscriber'), tr('requestsSubscriberValue'));
    doc.add('normal', null, tr('robinson'));
  }

  // 11. Notice for the first contact (art. 14)
  doc.blank();
  doc.add('section', tr('s11'));
  doc.add('label', tr('scriptIntro'), firstContactScript(list, settings, lang));

  // 12. Attribution
  doc.blank();
  doc.add('section', tr('s12'));
  const open = list.sources.filter(isOpenData);
  if (open.length === 0) doc.add('normal', null, tr('noAttributions'));
  for (const s of open) doc.add('normal', s.name, present(s.attribution) ? s.attribution : `${s.controller}, ${s.licence}`);

  doc.blank();
  doc.add('label', tr('machineReadable'), tr('machineReadableValue', { ns: STATE_NAMESPACE }));

  return {
    name: input.sheetName,
    role: 'notes',
    columns: DOC_COLUMNS,
    rows: doc.rows,
    layout: 'document',
    freezeHeader: false,
    rowStyles: doc.styles,
    print: { orientation: 'portrait', repeatHeaderRow: true, fitToWidth: true },
    tabColor: '#5C2E91',
  };
}

/** The art. 14 script a caller reads at the first contact, from the controller and sources. */
export function firstContactScript(list: ListState, settings: Settings, lang: Lang): string {
  const c = settings.controller;
  // Where we got the number: the directories, not the registers whose columns were joined on.
  const origin = list.sources.filter((s) => s.kind !== 'enrichment');
  const sources = unique(origin.map((s) => s.name));
  const controllers = unique(origin.map((s) => s.controller));
  const contact = [c.email, c.phone].filter(present).join(', ');
  const purpose = list.purpose ?? settings.purpose;
  return t(lang, 'script', {
    organisation: present(c.organisation) ? c.organisation : t(lang, 'scriptMissingOrg'),
    sources: sources.length ? sources.join(', ') : t(lang, 'scriptNoSources'),
    controllers: controllers.length ? controllers.join(', ') : t(lang, 'scriptNoSources'),
    purpose: localizedOr(lang, `p_${purpose}`, purpose),
    contact: contact || t(lang, 'scriptMissingContact'),
  });
}

/** True when the list's delete-by date has passed in Finland (the day itself is still allowed). */
export function isPastDeleteBy(list: Pick<ListState, 'deleteBy'>, now: Date): boolean {
  return helsinkiDate(now) > list.deleteBy.slice(0, 10);
}

function lastDncCheck(list: ListState, state: WorkbookState): { name: string; checkedAt: string; at: string } | null {
  for (let i = list.log.length - 1; i >= 0; i--) {
    const s = list.log[i]!;
    if (s.step !== 'dnc') continue;
    const name = String(s.params.name ?? '');
    const known = state.suppressionLists.find((x) => x.name === name);
    return { name, checkedAt: String(s.params.checkedAt ?? known?.checkedAt ?? s.at), at: s.at };
  }
  return null;
}

function uniqueContacts(log: ProcessingStep[]): { party: string; sent: string }[] {
  const seen = new Map<string, { party: string; sent: string }>();
  for (const s of log) for (const c of s.contacted ?? []) seen.set(`${c.party}\u0000${c.sent}`, c);
  return [...seen.values()];
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(present))];
}

function localizedOr(lang: Lang, key: string, fallback: string): string {
  // A purpose typed by hand ("rekrytointi") has no message: it is shown as written.
  try {
    const text = t(lang, key as NotesKey);
    return typeof text === 'string' && text !== '' ? text : fallback;
  } catch {
    return fallback;
  }
}
