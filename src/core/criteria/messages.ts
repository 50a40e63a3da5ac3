/** The criteria module's words: validation messages and the summary, in fi, en and sv. */
import { defineMessages, LANGS, type Localized } from '../i18n/lang';

export const t = defineMessages({
  fi: {
    // validation
    unknownKey: 'tuntematon avain "{name}"',
    required: 'puuttuu',
    notString: 'pitää olla tekstiä',
    notNumber: 'pitää olla luku',
    notBoolean: 'pitää olla true tai false',
    notArray: 'pitää olla lista, esim. ["{example}"]',
    notObject: 'pitää olla objekti {…}',
    kind: 'pitää olla "b2b" (yritykset) tai "b2c" (kuluttajat)',
    oneOf: 'sallitut arvot: {values}',
    postalSpec: 'postinumero on viisi numeroa ("33100"), väli ("33200-33500") tai alku ("33*"); nyt "{value}"',
    postalUnknown: 'postinumeroa {value} ei ole Postin postinumerotiedostossa',
    postalRangeOrder: 'välin alku on suurempi kuin loppu: "{value}"',
    postalNoMatch: '"{value}" ei vastaa yhtään postinumeroa',
    municipalityUnknown: 'tuntematon kunta "{value}"',
    regionUnknown: 'tuntematon maakunta "{value}"',
    didYouMean: '{message} — tarkoititko "{suggestion}"?',
    industry: 'toimiala on TOL-pääluokan kirjain (F) tai koodi (43, 43220); nyt "{value}"',
    industryUnknown: 'tuntematon toimialakoodi "{value}"',
    companyForm: 'tuntematon yhtiömuoto "{value}"; tunnetut: {values}',
    date: 'päivämäärä muodossa vvvv-kk-pp, esim. 2015-01-01; nyt "{value}"',
    dateOrder: 'alkupäivä {from} on loppupäivän {to} jälkeen',
    limit: 'enimmäismäärä on kokonaisluku 1–1 048 575',
    empty: 'ei saa olla tyhjä',
    invalid: 'virheellinen arvo',
    // summary
    sumB2b: 'Yritykset',
    sumB2c: 'Kuluttajat',
    sumIndustry: 'toimiala {value}',
    sumIndustries: 'toimialat {value}',
    sumPostal: 'postinumero {value}',
    sumPostals: 'postinumerot {value}',
    sumMunicipality: 'kunta {value}',
    sumMunicipalities: 'kunnat {value}',
    sumRegion: 'maakunta {value}',
    sumRegions: 'maakunnat {value}',
    sumForm: 'yhtiömuoto {value}',
    sumRegistered: 'rekisteröity {value}',
    sumRegisteredFrom: 'rekisteröity {value} alkaen',
    sumRegisteredTo: 'rekisteröity viimeistään {value}',
    sumSize: 'henkilöstö {value}',
    sumRole: 'rooli {value}',
    sumAge: 'ikäryhmä {value} (arvio)',
    sumPhone: 'vain puhelinnumerolliset',
    sumEmail: 'vain sähköpostilliset',
    sumLimit: 'enintään {value}',
    sumExclude: 'pois lukien {value}',
    sumEverything: 'kaikki',
    sumBusinessIds: '{value} y-tunnusta',
    and: 'ja',
  },
  en: {
    unknownKey: 'unknown key "{name}"',
    required: 'is required',
    notString: 'must be text',
    notNumber: 'must be a number',
    notBoolean: 'must be true or false',
    notArray: 'must be a list, e.g. ["{example}"]',
    notObject: 'must be an object {…}',
    kind: 'must be "b2b" (companies) or "b2c" (consumers)',
    oneOf: 'allowed values: {values}',
    postalSpec: 'a postal code is five digits ("33100"), a range ("33200-33500") or a prefix ("33*"); got "{value}"',
    postalUnknown: "postal code {value} is not in Posti's postal code file",
    postalRangeOrder: 'the range starts after it ends: "{value}"',
    postalNoMatch: '"{value}" matches no postal code',
    municipalityUnknown: 'unknown municipality "{value}"',
    regionUnknown: 'unknown region "{value}"',
    didYouMean: '{message} — did you mean "{suggestion}"?',
    industry: 'an industry is a TOL section letter (F) or a code (43, 43220); got "{value}"',
    industryUnknown: 'unknown industry code "{value}"',
    companyForm: 'unknown company form "{value}"; known: {values}',
    date: 'a date is yyyy-mm-dd, e.g. 2015-01-01; got "{value}"',
    dateOrder: 'start date {from} is after end date {to}',
    limit: 'the limit is a whole number 1–1,048,575',
    empty: 'must not be empty',
    invalid: 'invalid value',
    sumB2b: 'Companies',
    sumB2c: 'Consumers',
    sumIndustry: 'industry {value}',
    sumIndustries: 'industries {value}',
    sumPostal: 'postal code {value}',
    sumPostals: 'postal codes {value}',
    sumMunicipality: 'municipality {value}',
    sumMunicipalities: 'municipalities {value}',
    sumRegion: 'region {value}',
    sumRegions: 'regions {value}',
    sumForm: 'company form {value}',
    sumRegistered: 'registered {value}',
    sumRegisteredFrom: 'registered from {value}',
    sumRegisteredTo: 'registered by {value}',
    sumSize: 'employees {value}',
    sumRole: 'role {value}',
    sumAge: 'age group {value} (estimate)',
    sumPhone: 'with a phone number only',
    sumEmail: 'with an email address only',
    sumLimit: 'at most {value}',
    sumExclude: 'excluding {value}',
    sumEverything: 'everything',
    sumBusinessIds: '{value} business ids',
    and: 'and',
  },
  sv: {
    unknownKey: 'okänd nyckel "{name}"',
    required: 'saknas',
    notString: 'ska vara text',
    notNumber: 'ska vara ett tal',
    notBoolean: 'ska vara true eller false',
    notArray: 'ska vara en lista, t.ex. ["{example}"]',
    notObject: 'ska vara ett objekt {…}',
    kind: 'ska vara "b2b" (företag) eller "b2c" (konsumenter)',
    oneOf: 'tillåtna värden: {values}',
    postalSpec: 'ett postnummer är fem siffror ("33100"), ett intervall ("33200-33500") eller en början ("33*"); nu "{value}"',
    postalUnknown: 'postnummer {value} finns inte i Postens postnummerfil',
    postalRangeOrder: 'intervallets början är större än slutet: "{value}"',
    postalNoMatch: '"{value}" motsvarar inget postnummer',
    municipalityUnknown: 'okänd kommun "{value}"',
    regionUnknown: 'okänt landskap "{value}"',
    didYouMean: '{message} — menade du "{suggestion}"?',
    industry: 'en bransch är en TOL-huvudgrupps bokstav (F) eller en kod (43, 43220); nu "{value}"',
    industryUnknown: 'okänd branschkod "{value}"',
    companyForm: 'okänd bolagsform "{value}"; kända: {values}',
    date: 'datum i formen åååå-mm-dd, t.ex. 2015-01-01; nu "{value}"',
    dateOrder: 'startdatum {from} är efter slutdatum {to}',
    limit: 'maxantalet är ett heltal 1–1 048 575',
    empty: 'får inte vara tom',
    invalid: 'ogiltigt värde',
    sumB2b: 'Företag',
    sumB2c: 'Konsumenter',
    sumIndustry: 'bransch {value}',
    sumIndustries: 'branscher {value}',
    sumPostal: 'postnummer {value}',
    sumPostals: 'postnummer {value}',
    sumMunicipality: 'kommun {value}',
    sumMunicipalities: 'kommuner {value}',
    sumRegion: 'landskap {value}',
    sumRegions: 'landskap {value}',
    sumForm: 'bolagsform {value}',
    sumRegistered: 'registrerat {value}',
    sumRegisteredFrom: 'registrerat från {value}',
    sumRegisteredTo: 'registrerat senast {value}',
    sumSize: 'personal {value}',
    sumRole: 'roll {value}',
    sumAge: 'åldersgrupp {value} (uppskattning)',
    sumPhone: 'endast med telefonnummer',
    sumEmail: 'endast med e-post',
    sumLimit: 'högst {value}',
    sumExclude: 'utom {value}',
    sumEverything: 'alla',
    sumBusinessIds: '{value} FO-nummer',
    and: 'och',
  },
});

export type MessageKey = Parameters<typeof t>[1];

/** The same message in every language, for field-level errors shown in the pane. */
export function localized(key: MessageKey, params: Record<string, string | number> = {}): Localized {
  const out = {} as Localized;
  for (const lang of LANGS) out[lang] = t(lang, key, params);
  return out;
}

/** One field-level problem: the key path as the criteria file writes it, and the message. */
export interface CriteriaIssue {
  /** "area.postalCodes[1]", "registeredFrom", "colour" (an unknown key). */
  key: string;
  path: (string | number)[];
  message: Localized;
}

export function pathToKey(path: readonly (string | number)[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${p}` : p;
  return s || 'criteria';
}

export function issue(path: (string | number)[], message: Localized): CriteriaIssue {
  return { key: pathToKey(path), path, message };
}
