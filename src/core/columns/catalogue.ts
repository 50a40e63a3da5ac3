/**
 * The one column catalogue. Every sheet, CSV and pane view that shows a column asks here for
 * its type, number format, width and header in Finnish, English and Swedish, and every
 * imported file maps its headers back to these keys through the synonyms.
 *
 * Headers are part of the CLI contract (design.md): change them only on purpose.
 */
import type { Lang, Localized } from '../i18n/lang';

/**
 * - text: free text, written with the text format so `=`, `+`, `-` stay data.
 * - phone / postalCode / businessId / code: text that looks like a number; the text format
 *   keeps `+358…` and leading zeros (`00100`, `0810`).
 * - integer / number / score: real numbers, right-aligned and summable.
 * - date: an ISO date `yyyy-mm-dd` in the row model; written to Excel as a date serial.
 * - datetime: an ISO timestamp (UTC) in the row model; in a sheet an Excel date-time of the
 *   local wall-clock time (Excel's date-times have no zone), shown as "2026-12-07 04:49".
 */
export type ColumnType =
  'text' | 'phone' | 'postalCode' | 'businessId' | 'code' | 'email' | 'integer' | 'number' | 'score' | 'date' | 'datetime';

export interface ColumnDef {
  key: string;
  type: ColumnType;
  headers: Localized;
  /** Other header spellings seen in files (any language, compared case- and punctuation-blind). */
  synonyms?: readonly string[];
  /** Column width in Excel character units. */
  width: number;
}

export const TEXT_FORMAT = '@';

/** The Excel number format of each type. Text-like types use "@" so Excel keeps them as typed. */
export function numberFormatOf(type: ColumnType): string {
  switch (type) {
    case 'integer':
      return '0';
    case 'number':
      return '0.##';
    case 'score':
      // A probability 0–1 shown as a whole per cent ("87 %", with the space Finnish and
      // Swedish write), as the pane and the notes say it: "0.87" read as a grade to users
      // (issue 13). The cell keeps the exact value for sorting and filters.
      return '0 %';
    case 'date':
      return 'yyyy-mm-dd';
    case 'datetime':
      return 'yyyy-mm-dd hh:mm';
    default:
      return TEXT_FORMAT;
  }
}

export function isTextType(type: ColumnType): boolean {
  return numberFormatOf(type) === TEXT_FORMAT;
}

const def = (
  key: string,
  type: ColumnType,
  fi: string,
  en: string,
  sv: string,
  width: number,
  synonyms: readonly string[] = [],
): ColumnDef => ({ key, type, headers: { fi, en, sv }, width, synonyms });

/** Columns in the order a list sheet shows them. */
export const CATALOGUE: readonly ColumnDef[] = [
  // Company (B2B)
  def('companyName', 'text', 'Yritys', 'Company', 'Företag', 32, [
    'yrityksen nimi',
    'yritys nimi',
    'toiminimi',
    'nimi yritys',
    'company name',
    'firma',
    'företagsnamn',
    'organisation',
    'organization',
    'asiakas',
    'asiakkaan nimi',
    'customer',
    'customer name',
    'kund',
  ]),
  def('businessId', 'businessId', 'Y-tunnus', 'Business ID', 'FO-nummer', 12, [
    'ytunnus',
    'y tunnus',
    'y-tunnus',
    'business id',
    'businessid',
    'fo nummer',
    'fo-nummer',
    'företags- och organisationsnummer',
    'alv numero',
    'alv-numero',
    'vat',
    'vat number',
    'vat id',
    'org nr',
    'organisaatiotunnus',
  ]),
  def('companyForm', 'code', 'Yhtiömuoto', 'Company form', 'Bolagsform', 12, [
    'yritysmuoto',
    'oikeudellinen muoto',
    'legal form',
    'company type',
    'företagsform',
  ]),
  def('industryCode', 'code', 'Toimialakoodi', 'Industry code', 'Branschkod', 10, [
    'toimiala koodi',
    'tol',
    'tol 2008',
    'tol 2025',
    'nace',
    'industry code',
    'branch code',
  ]),
  def('industryName', 'text', 'Toimiala', 'Industry', 'Bransch', 30, [
    'päätoimiala',
    'toimialan nimi',
    'industry name',
    'main business line',
    'huvudbransch',
  ]),
  def('registrationDate', 'date', 'Rekisteröity', 'Registered', 'Registrerad', 12, [
    'rekisteröintipäivä',
    'perustettu',
    'registration date',
    'founded',
    'registreringsdatum',
    'grundad',
  ]),
  def('sizeClass', 'code', 'Kokoluokka', 'Size class', 'Storleksklass', 10, [
    'henkilöstöluokka',
    'henkilöstö',
    'employees',
    'size',
    'personal',
  ]),
  // Person
  def('firstName', 'text', 'Etunimi', 'First name', 'Förnamn', 14, ['etunimet', 'first name', 'firstname', 'given name', 'förnamn']),
  def('lastName', 'text', 'Sukunimi', 'Last name', 'Efternamn', 16, ['last name', 'lastname', 'surname', 'family name', 'efternamn']),
  def('fullName', 'text', 'Nimi', 'Name', 'Namn', 24, [
    'henkilö',
    'yhteyshenkilö',
    'kontaktperson',
    'contact',
    'contact person',
    'full name',
    'namn',
    'person',
  ]),
  def('role', 'text', 'Rooli', 'Role', 'Roll', 18, [
    'tehtävä',
    'asema',
    'titteli',
    'title',
    'position',
    'job title',
    'befattning',
    'titel',
  ]),
  def('ageGroup', 'code', 'Ikäryhmä (arvio)', 'Age group (estimate)', 'Åldersgrupp (uppskattning)', 12, [
    'ikäryhmä',
    'age group',
    'åldersgrupp',
  ]),
  // Address
  def('streetAddress', 'text', 'Katuosoite', 'Street address', 'Gatuadress', 30, [
    'osoite',
    'lähiosoite',
    'postiosoite',
    'käyntiosoite',
    'katu',
    'address',
    'street',
    'street address',
    'adress',
    'gatuadress',
    'besöksadress',
    'postadress',
    // The first of two address lines, so a register's "Osoite 1" / "Osoite 2" reads as the
    // street and its extra line (addressLine2), not as the street and a column of its own.
    'osoite 1',
    'osoiterivi 1',
    'katuosoite 1',
    'lähiosoite 1',
    'address 1',
    'address line 1',
    'street address 1',
    'street 1',
    'adress 1',
    'adressrad 1',
  ]),
  // The address's second line: a c/o, a building or estate name, a PO box, an apartment, or the
  // street itself when the first line holds a building's name. Finnish registers and Posti's own
  // forms call it "Osoitteen lisätieto" / "Lisäosoite" ("additional address"), "c/o"; exports of
  // CRM and accounting systems number the lines ("Osoite 2", "Osoiterivi 2", "Address line 2",
  // "Address 2", "Address2", "Street 2"); Swedish ones "Adressrad 2", "Adresstillägg", "c/o-adress".
  // Headers only: its contents (a building name, "c/o Virtanen", "PL 12", a street) look like
  // any address or name text, so a guess from contents (contentGuess.ts) would mistake a
  // second street column or a notes column for it; the pane and --map let the user say.
  def('addressLine2', 'text', 'Osoitteen lisätieto', 'Address line 2', 'Adressrad 2', 24, [
    'osoitteen lisätiedot',
    'osoitelisä',
    'osoitteen lisäosa',
    'lisäosoite',
    'lisäosoitetieto',
    'osoite 2',
    'osoite2',
    'osoiterivi 2',
    'katuosoite 2',
    'lähiosoite 2',
    'postiosoite 2',
    'c o',
    'c o osoite',
    'co osoite',
    'care of',
    'address 2',
    'address2',
    'address line 2',
    'addr 2',
    'addr2',
    'street 2',
    'street address 2',
    'address extra',
    'adressrad 2',
    'adress 2',
    'adresstillägg',
    'c o adress',
    'utdelningsadress 2',
  ]),
  def('postalCode', 'postalCode', 'Postinumero', 'Postal code', 'Postnummer', 10, [
    'postinro',
    'postinro.',
    'postal code',
    'postcode',
    'post code',
    'zip',
    'zip code',
    'postnr',
    'postnummer',
    'pno',
  ]),
  def('postOffice', 'text', 'Postitoimipaikka', 'Post office', 'Postanstalt', 16, [
    'toimipaikka',
    'postitoimipaikka',
    'postitoimip.',
    'city',
    'town',
    'ort',
    'postort',
    'postanstalt',
    'kaupunki',
  ]),
  def('municipality', 'text', 'Kunta', 'Municipality', 'Kommun', 14, ['kotikunta', 'municipality', 'kommun', 'hemkommun']),
  // Contact
  def('phone', 'phone', 'Puhelin', 'Phone', 'Telefon', 16, [
    'puhelin',
    'puh',
    'puh.',
    'puhelinnumero',
    'puhelinnro',
    'matkapuhelin',
    'gsm',
    'mobile',
    'mobile phone',
    'phone number',
    'telephone',
    'tel',
    'tel.',
    'telefon',
    'telefonnummer',
    'mobil',
    'numero',
  ]),
  def('phoneNational', 'text', 'Puhelin (luettava)', 'Phone (readable)', 'Telefon (läsbar)', 16, []),
  def('email', 'email', 'Sähköposti', 'Email', 'E-post', 26, [
    'sähköpostiosoite',
    's-posti',
    'email',
    'e-mail',
    'email address',
    'e-post',
    'epost',
    'mail',
  ]),
  def('website', 'text', 'Verkkosivu', 'Website', 'Webbplats', 22, ['www', 'kotisivu', 'website', 'web', 'url', 'hemsida']),
  // Provenance: every row says where it came from (compliance.md)
  def('source', 'text', 'Lähde', 'Source', 'Källa', 16, ['tietolähde', 'source', 'källa']),
  def('sourceId', 'code', 'Lähteen tunniste', 'Source ID', 'Källans id', 14, ['source id', 'lähde id']),
  def('extractedAt', 'datetime', 'Poimittu', 'Extracted', 'Uttagen', 20, ['extracted', 'poimintahetki', 'uttagen']),
  // Step 2: customer matching (headers fixed by design.md)
  def('matchedCustomerRow', 'integer', 'Asiakasrekisterin rivi', 'Matched customer row', 'Kundregistrets rad', 12, []),
  def('matchReason', 'text', 'Tunnistamisen syy', 'Match reason', 'Matchningsorsak', 36, []),
  def('matchScore', 'score', 'Tunnistamisen varmuus', 'Match score', 'Matchningspoäng', 10, []),
  // The row a removed row had in the list (audit sheet): undo puts it back there.
  def('listRow', 'integer', 'Listan rivi', 'List row', 'Listans rad', 10, []),
  // Step 3: building data (headers fixed by design.md)
  def('buildingYear', 'integer', 'Rakennusvuosi', 'Building year', 'Byggnadsår', 10, []),
  def('buildingUse', 'text', 'Käyttötarkoitus', 'Building use', 'Användningsändamål', 22, []),
  def('buildingClass2018', 'text', 'Rakennusluokka 2018', 'Building class 2018', 'Byggnadsklass 2018', 22, []),
  def('floors', 'integer', 'Kerroksia', 'Floors', 'Våningar', 8, []),
  def('heatingMethod', 'text', 'Lämmitystapa', 'Heating method', 'Uppvärmningssätt', 20, []),
  def('heatingFuel', 'text', 'Lämmitysaine', 'Heating fuel', 'Bränsle', 16, []),
  def('buildingMaterial', 'text', 'Rakennusaine', 'Building material', 'Byggnadsmaterial', 14, []),
  def('buildingMatch', 'code', 'Rakennuksen tunnistus', 'Building match', 'Byggnadsmatchning', 14, []),
  // Audit sheets (removed, filtered, suppressed rows)
  def('removedAt', 'datetime', 'Siirretty', 'Moved at', 'Flyttad', 20, []),
  def('removedBy', 'text', 'Siirron vaihe', 'Moved by step', 'Flyttad av steg', 18, []),
  def('removedReason', 'text', 'Siirron syy', 'Reason moved', 'Orsak till flytt', 40, []),
];

const BY_KEY = new Map(CATALOGUE.map((c) => [c.key, c]));

export function columnDef(key: string): ColumnDef | undefined {
  return BY_KEY.get(key);
}

export function headerOf(key: string, lang: Lang): string {
  return BY_KEY.get(key)?.headers[lang] ?? key;
}

/**
 * Columns that are not in the catalogue (a user's own "Asiakasnumero", "Muistiinpanot")
 * travel with the list under the key `extra:<header as written>`, as text, in their order.
 */
export const EXTRA_PREFIX = 'extra:';

export function extraKey(header: string): string {
  return EXTRA_PREFIX + header;
}

export function isExtraKey(key: string): boolean {
  return key.startsWith(EXTRA_PREFIX);
}

/** The type of any key: catalogue columns have theirs, user's own columns are text. */
export function typeOf(key: string): ColumnType {
  return BY_KEY.get(key)?.type ?? 'text';
}

/** The header to show for any key: localized for catalogue columns, as written for extras. */
export function displayHeader(key: string, lang: Lang): string {
  if (isExtraKey(key)) return key.slice(EXTRA_PREFIX.length);
  return headerOf(key, lang);
}

export function widthOf(key: string): number {
  return BY_KEY.get(key)?.width ?? 16;
}
