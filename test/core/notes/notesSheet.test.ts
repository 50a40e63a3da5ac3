import { renderNotesSheet, firstContactScript, isPastDeleteBy, stepText } from '../../../src/core/notes/notesSheet';
import { defaultSettings } from '../../../src/core/settings/settings';
import { emptyState, listStateSchema, type ListState } from '../../../src/core/state/workbookState';
import { tampereSettings } from '../../support/context';
import type { Lang } from '../../../src/core/i18n/lang';

const list: ListState = listStateSchema.parse({
  id: 'list-1',
  name: 'Tampere omakotitalot',
  kind: 'b2c',
  createdAt: '2026-11-20T10:15:00Z',
  deleteBy: '2027-11-20',
  purpose: 'telemarketing',
  channel: 'phone',
  sheets: { list: 'Tampere omakotitalot', notes: 'Tietosuoja – Tampere omakotit', audit: ['Kielletyt numerot – Tampere'] },
  criteria: { kind: 'b2c', area: { postalCodes: ['33720'] }, ageGroups: ['45-54'] },
  sources: [
    { id: 'demo', name: 'Rajaus-demohakemisto', controller: 'Rajaus (keksitty aineisto)', licence: 'demo', extractedAt: '2026-11-20T10:14:00Z', demo: true, role: 'rekisterinpitäjä' },
    {
      id: 'helsinki',
      name: 'Helsingin rakennusrekisteri',
      controller: 'Helsingin kaupunki',
      licence: 'CC BY 4.0',
      extractedAt: '2026-11-20T10:20:00Z',
      attribution: 'Helsingin kaupunki, rakennusrekisterin ote, CC BY 4.0',
    },
  ],
  log: [
    { step: 'search', at: '2026-11-20T10:15:00Z', rowsOut: 1240, params: { source: 'demo' }, contacted: [] },
    { step: 'dnc', at: '2026-11-20T10:18:00Z', rowsIn: 1240, rowsOut: 1212, rowsMoved: 28, params: { name: 'ASML 2026-11', checkedAt: '2026-11-15' }, contacted: [] },
    {
      step: 'buildings',
      at: '2026-11-20T10:20:00Z',
      rowsIn: 1212,
      rowsOut: 1212,
      params: { source: 'helsinki', matched: 1010 },
      contacted: [{ party: 'Helsingin kaupunki (WFS)', sent: 'vain postinumerot' }],
    },
  ],
});

function text(lang: Lang, settings = tampereSettings(), l: ListState = list, now = new Date('2026-11-21T09:00:00Z')): string {
  const plan = renderNotesSheet({ list: l, state: emptyState(), settings, lang, now, sheetName: 'Tietosuoja', columns: ['Etunimi', 'Sukunimi', 'Puhelin', 'Ikäryhmä (arvio)'] });
  // Intl writes thousands with a no-break space; compare as a reader sees it.
  return plan.rows.map((r) => r.filter((v) => v !== null).join(' | ')).join('\n').replace(/[\u00a0\u202f]/g, ' ');
}

describe('privacy notes in Finnish', () => {
  const fi = text('fi');

  it('names the controller from the settings', () => {
    expect(fi).toContain('Rekisterinpitäjä');
    expect(fi).toContain('Organisaatio | Pirkanmaan Lämpöremontti Oy');
    expect(fi).toContain('Y-tunnus | 2345678-0');
    expect(fi).toContain('Yhteyshenkilö | Sanna Virtanen');
  });

  it('lists each source with controller, licence, terms from the settings and extraction time', () => {
    expect(fi).toContain('Tietolähde | Rajaus-demohakemisto');
    expect(fi).toContain('Lähderekisterin pitäjä | Helsingin kaupunki');
    expect(fi).toContain('Käyttöehdot | Vain puhelinmarkkinointiin, ei kotikäynteihin.');
    expect(fi).toContain('Poimittu | 20.11.2026 klo 12.14');
    expect(fi).toContain('Listapalvelu | Esimerkki Listapalvelu Oy, 1975253-6 — käsittelijä');
    expect(fi).toContain('Helsingin kaupunki (WFS): vain postinumerot');
  });

  it('says the demo data is fictional', () => {
    expect(fi).toContain('DEMOAINEISTO');
  });

  it('gives purpose, legal basis with the balancing and the consumer written-confirmation rule', () => {
    expect(fi).toContain('Käyttötarkoitus | puhelinmarkkinointi');
    expect(fi).toContain('6 artiklan 1 kohdan f alakohta');
    expect(fi).toContain('Etujen punninta on rekisterinpitäjän');
    expect(fi).toContain('1.1.2023');
  });

  it('shows the columns, the age group as an estimate, and the criteria in words and as data', () => {
    expect(fi).toContain('Sarakkeet | Etunimi, Sukunimi, Puhelin, Ikäryhmä (arvio)');
    expect(fi).toContain('profilointi');
    expect(fi).toContain('"postalCodes":["33720"]');
  });

  it('logs every step with time and counts, and the last do-not-call check', () => {
    expect(fi).toContain('20.11.2026 klo 12.15 | Haku — ulos 1 240 riviä');
    expect(fi).toContain('Kieltolistatarkistus — sisään 1 240 · ulos 1 212 · siirretty 28 riviä');
    expect(fi).toContain('Viimeisin kieltolistatarkistus | ASML 2026-11, lista päivätty 15.11.2026');
  });

  it('gives the delete-by date, the rights, the supervisory authority and where to send requests', () => {
    expect(fi).toContain('Poistettava viimeistään | 20.11.2027');
    expect(fi).toContain('Tietosuojavaltuutetun toimisto, www.tietosuoja.fi');
    expect(fi).toContain('vastustamisoikeus on ehdoton');
    expect(fi).toContain('Tätä listaa koskevat pyynnöt | Pirkanmaan Lämpöremontti Oy, tietosuoja@lampoemontti.example');
    expect(fi).toContain('lähderekisterin pitäjälle: Rajaus (keksitty aineisto); Helsingin kaupunki');
    expect(fi).toContain('puhelinoperaattorillaan');
    expect(fi).toContain('Luovutukset | ei luovutuksia');
  });

  it('writes the first-contact script from the controller and sources, and the attributions', () => {
    expect(fi).toContain('Hei, soitan yrityksestä Pirkanmaan Lämpöremontti Oy. Saimme yhteystietonne rekisteristä Rajaus-demohakemisto, Helsingin rakennusrekisteri');
    expect(fi).toContain('Helsingin rakennusrekisteri | Helsingin kaupunki, rakennusrekisterin ote, CC BY 4.0');
    expect(fi).toContain('Koneluettava kopio');
  });

  it('shows missing settings as missing, never invented', () => {
    const bare = text('fi', defaultSettings());
    expect(bare).toContain('Organisaatio | puuttuu – täydennä asetuksiin');
    expect(bare).toContain('Sähköposti | puuttuu – täydennä asetuksiin');
    expect(bare).toContain('Listapalvelu | puuttuu – täydennä asetuksiin');
    expect(bare).toContain('[organisaatio – täydennä asetuksiin]');
    expect(bare).not.toContain('Pirkanmaan');
  });

  it('marks example settings and a past delete-by date', () => {
    const late = text('fi', tampereSettings({ example: true }), list, new Date('2027-11-21T08:00:00Z'));
    expect(late).toContain('ESIMERKKIASETUKSET');
    expect(late).toContain('säilytysaika on päättynyt');
    expect(text('fi')).not.toContain('säilytysaika on päättynyt');
  });

  it('is a printable document', () => {
    const plan = renderNotesSheet({ list, state: emptyState(), settings: tampereSettings(), lang: 'fi', now: new Date(), sheetName: 'Tietosuoja' });
    expect(plan).toMatchObject({ role: 'notes', layout: 'document', print: { orientation: 'portrait', fitToWidth: true, repeatHeaderRow: true } });
    expect(plan.rowStyles).toHaveLength(plan.rows.length);
    expect(plan.rowStyles!.filter((s) => s === 'section')).toHaveLength(12);
  });
});

describe('privacy notes in English and Swedish', () => {
  it('English', () => {
    const en = text('en');
    expect(en).toContain('1. Controller');
    expect(en).toContain('Organisation | Pirkanmaan Lämpöremontti Oy');
    expect(en).toContain('GDPR art. 6(1)(f)');
    expect(en).toContain('Office of the Data Protection Ombudsman');
    expect(en).toContain('Delete by | 20 Nov 2027');
    expect(en).toContain('Do-not-call check — in 1,240 · out 1,212 · moved 28 rows');
    expect(text('en', defaultSettings())).toContain('missing – fill in the settings');
  });
  it('Swedish', () => {
    const sv = text('sv');
    expect(sv).toContain('1. Personuppgiftsansvarig');
    expect(sv).toContain('Dataombudsmannens byrå');
    expect(sv).toContain('Raderas senast | 20.11.2027');
    expect(sv).toContain('Kontroll mot spärrlista');
    expect(text('sv', defaultSettings())).toContain('saknas – komplettera inställningarna');
  });
});

describe('helpers', () => {
  it('the delete-by day itself is still within retention (Finnish time)', () => {
    expect(isPastDeleteBy({ deleteBy: '2027-11-20' }, new Date('2027-11-20T21:30:00Z'))).toBe(false);
    expect(isPastDeleteBy({ deleteBy: '2027-11-20' }, new Date('2027-11-20T22:30:00Z'))).toBe(true);
  });
  it('the script has placeholders for missing controller details', () => {
    const s = firstContactScript({ ...list, sources: [] }, defaultSettings(), 'en');
    expect(s).toContain('[organisation – fill in the settings]');
    expect(s).toContain('[source]');
  });
});

describe('processing log in words', () => {
  // The parameters each step logs (search, matching, buildings, export): the notes name every
  // one of them in the reader's language instead of showing a programmer's key.
  const steps = [
    { step: 'search', params: { source: 'demo', criteria: 'Toimiala F', found: 120, limit: 100, doNotContactRemoved: 2, appliedLocally: 'toimiala' } },
    { step: 'match', params: { customerSource: 'Asiakasrekisteri', customerRows: 2000, auditSheet: 'Poistetut', removedAt: '2026-11-27T10:00:00Z', removedCertain: 12, reviewConfirmed: 1, reviewRejected: 2, reviewUndecided: 3, rules: 'x', candidatePairs: 739047, modelPairs: 14270, modelRows: 2000, modelIterations: 11, modelConverged: false, modelLambda: 0.0454, modelFellBack: false } },
    { step: 'matchUndo', params: { auditSheet: 'Poistetut', undoneMatching: '2026-11-27T10:00:00Z', restored: 13 } },
    { step: 'buildings', params: { source: 'helsinki', sourceName: 'Helsinki', licence: 'CC BY 4.0', buildings: 10, matchedExact: 5, matchedStreetNumber: 1, unmatched: 1, mainBuildingChosen: 1, yearFrom: 1960, yearTo: 1985, classes: 'detached', fuels: 'oil', match: 'exact', filteredSheet: 'Rajatut' } },
    { step: 'export', params: { format: 'leaddesk', files: 'a.csv', sheets: 'Vienti', allowDemo: true, skipped: 'ei puhelinta: 3' } },
  ] as const;

  it.each(['fi', 'en', 'sv'] as const)('labels every parameter in %s', (lang) => {
    for (const s of steps) {
      const text = stepText(lang, { ...s, at: '2026-11-27T10:00:00Z', params: { ...s.params }, contacted: [] });
      expect(text).not.toMatch(/\b[a-z]+[A-Z]\w*:/); // no camelCase key left
      if (lang === 'fi') for (const key of Object.keys(s.params)) expect(text).not.toContain(`${key}:`);
    }
  });

  it.each([
    ['fi', 'siirtohetki: 27.11.2026 klo 12.00', /poistetaan, kun sama asiakas on vähintään 90\s%/],
    ['en', 'moved at: 27 Nov 2026 12:00', /removed when at least 90% likely the same customer, reviewed from 50%/],
    ['sv', 'flyttad: 27.11.2026 kl. 12.00', /tas bort när samma kund är minst 90\s% sannolik/],
  ] as const)('%s: times in Finnish time and words, the matching rules in the reader\'s language (issue 13)', (lang, movedAt, rules) => {
    const match = {
      step: 'match' as const,
      at: '2026-11-27T10:00:00.592Z',
      params: { removedAt: '2026-11-27T10:00:00.592Z', rules: 'Y-tunnus, puhelin, sähköposti, nimi, osoite; poisto ≥ 0.9, tarkistus ≥ 0.5' },
      contacted: [],
    };
    const text = stepText(lang, match);
    expect(text).toContain(movedAt);
    expect(text).toMatch(rules);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T|Z\b/);
    if (lang !== 'fi') expect(text).not.toMatch(/puhelin|poisto|tarkistus/);
    const undo = stepText(lang, { step: 'matchUndo', at: match.at, params: { undoneMatching: '2026-11-27T10:00:00.592Z' }, contacted: [] });
    expect(undo).not.toContain('2026-11-27T');
  });

  it('says a step’s source by the name the notes give it, not by its id', () => {
    const sources = [{ id: 'demo', name: 'Rajaus demokatalog (påhittade data)' }];
    const search = stepText('sv', { step: 'search', at: '2026-11-27T10:00:00Z', rowsOut: 3, params: { source: 'demo', found: 3 }, contacted: [] }, sources);
    expect(search).toContain('källa: Rajaus demokatalog (påhittade data); träffar i källan: 3');
    expect(search).not.toMatch(/källa: demo\b/);
    // Building data logs the register's name itself: said once, without the id.
    const buildings = stepText('sv', { step: 'buildings', at: '2026-11-27T10:00:00Z', params: { source: 'demo-buildings', sourceName: 'Rajaus demobyggnader (påhittade data)' }, contacted: [] }, sources);
    expect(buildings).toContain('register: Rajaus demobyggnader (påhittade data)');
    expect(buildings).not.toContain('demo-buildings');
    // An id the list's sources do not know is shown as it is.
    expect(stepText('fi', { step: 'search', at: '2026-11-27T10:00:00Z', params: { source: 'prh' }, contacted: [] }, sources)).toContain('lähde: prh');
  });

  it.each([
    ['fi', 'rakennusluokat: Omakoti- ja paritalot, Rivi- ja ketjutalot', 'lämmitysaineet: Öljy', 'tunnistustasot: Tarkka, Katu ja numero'],
    ['en', 'building classes: Detached and semi-detached houses, Row and chain houses', 'heating fuels: Oil', 'match levels: Exact, Street and number'],
    ['sv', 'byggnadsklasser: Egnahems- och parhus, Rad- och kedjehus', 'bränslen: Olja', 'matchningsnivåer: Exakt, Gata och nummer'],
  ] as const)('%s: the building filters in words, not the codes the step logs', (lang, classes, fuels, match) => {
    const text = stepText(lang, {
      step: 'buildings',
      at: '2026-11-27T10:00:00Z',
      params: { classes: 'detached,row', fuels: 'oil', match: 'exact,street-number' },
      contacted: [],
    });
    expect(text).toContain(classes);
    expect(text).toContain(fuels);
    expect(text).toContain(match);
    // A code the names do not know (a newer state's) is shown as it is, never dropped.
    expect(stepText(lang, { step: 'buildings', at: '2026-11-27T10:00:00Z', params: { classes: 'detached,castle' }, contacted: [] })).toMatch(/, castle/);
  });
});

describe('the matching model in the log (issue 12)', () => {
  const step = (params: Record<string, string | number | boolean>) =>
    stepText('fi', { step: 'match', at: '2026-11-27T10:00:00Z', params: { customerSource: 'Asiakkaat', ...params }, contacted: [] });
  it('says the fit in one phrase, "not converged" included', () => {
    const fit = { modelPairs: 1427, modelRows: 2000, modelIterations: 100, modelLambda: 0.0454, modelFellBack: false };
    expect(step({ ...fit, modelConverged: false })).toContain('malli estimoitu 1\u00a0427 listarivin parhaista ehdokaspareista (otos 2\u00a0000 listariviä): 100 EM-kierrosta, ei konvergoinut, λ 0,045');
    expect(step({ ...fit, modelConverged: true })).toContain('EM-kierrosta, konvergoi, λ 0,045');
    expect(stepText('en', { step: 'match', at: '2026-11-27T10:00:00Z', params: { ...fit, modelConverged: true }, contacted: [] })).toContain(
      'model estimated from the best candidate pairs of 1,427 list rows (a sample of 2,000 list rows): 100 EM rounds, converged, λ 0.045',
    );
    expect(stepText('sv', { step: 'match', at: '2026-11-27T10:00:00Z', params: { ...fit, modelConverged: false }, contacted: [] })).toContain(
      'modellen skattad från de bästa kandidatparen för 1\u00a0427 listrader (ett urval av 2\u00a0000 listrader): 100 EM-varv, konvergerade inte, λ 0,045',
    );
  });
  it('says when the default model was used, and nothing of a model for a step that logged none', () => {
    expect(step({ modelPairs: 12, modelRows: 5, modelIterations: 0, modelConverged: false, modelLambda: 0.24, modelFellBack: true })).toContain(
      'malli: oletusmalli (liian vähän aineistoa estimointiin: 12 ehdokasparia)',
    );
    expect(step({})).not.toMatch(/malli/);
  });
});

describe('first-contact notice names where the number came from', () => {
  it('names the directory, not a building register whose columns were joined on', () => {
    const withKinds = listStateSchema.parse({
      ...list,
      sources: [
        { ...list.sources[0]!, kind: 'directory' },
        { ...list.sources[1]!, kind: 'enrichment' },
      ],
    });
    const script = firstContactScript(withKinds, tampereSettings(), 'fi');
    expect(script).toContain('Rajaus-demohakemisto');
    expect(script).not.toContain('Helsingin rakennusrekisteri');
    // The building register is still credited where its licence asks.
    expect(text('fi', tampereSettings(), withKinds)).toContain('Helsingin kaupunki, rakennusrekisterin ote, CC BY 4.0');
  });
});
