/** Realistic Finnish list rows for the adapter's tests, generated deterministically. */
import type { CellValue } from '../../../src/core/workbook/cells';

export const LIST_KEYS = [
  'companyName',
  'businessId',
  'companyForm',
  'industryCode',
  'industryName',
  'registrationDate',
  'firstName',
  'lastName',
  'role',
  'streetAddress',
  'postalCode',
  'postOffice',
  'municipality',
  'phone',
  'phoneNational',
  'email',
  'website',
  'source',
  'sourceId',
  'extractedAt',
] as const;

const COMPANIES = ['Rakennus', 'Putki', 'Sähkö', 'Kiinteistöhuolto', 'Maalaus', 'Lvi-Tekniikka', 'Kattotyö', 'Pohjois-Savon Remontti', 'Ikkuna'];
const SURNAMES = ['Virtanen', 'Korhonen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen'];
const FIRST = ['Matti', 'Anna', 'Jukka', 'Sari', 'Mikko', 'Päivi', 'Juha', 'Tiina', 'Antti', 'Leena'];
const STREETS = ['Hämeenkatu', 'Aleksanterinkatu', 'Leskirouva Freytagin kuja', 'Meri-Rastilan tie', 'Satakunnankatu', 'Kauppakatu', 'Pispalan valtatie'];
const PLACES: [string, string][] = [
  ['00100', 'Helsinki'],
  ['00250', 'Helsinki'],
  ['33100', 'Tampere'],
  ['33200', 'Tampere'],
  ['20100', 'Turku'],
  ['90100', 'Oulu'],
  ['70100', 'Kuopio'],
];
const INDUSTRIES: [string, string][] = [
  ['43220', 'Lämpö-, vesijohto- ja ilmastointiasennus'],
  ['41200', 'Asuin- ja muiden rakennusten rakentaminen'],
  ['43210', 'Sähköasennus'],
  ['81100', 'Kiinteistönhoito'],
];
const FORMS = ['OY', 'KY', 'AY', 'TMI'];
const ROLES = ['Toimitusjohtaja', 'Hallituksen puheenjohtaja', 'Myyntipäällikkö', 'Yrittäjä'];

/** A valid Finnish business id (Y-tunnus) from a number: 7 digits and the mod-11 check digit. */
export function businessIdOf(n: number): string {
  for (let k = n; ; k++) {
    const digits = String(k % 10_000_000).padStart(7, '0');
    const sum = [7, 9, 10, 5, 8, 4, 2].reduce((s, w, i) => s + w * Number(digits[i]), 0);
    const r = sum % 11;
    if (r === 1) continue;
    return `${digits}-${r === 0 ? 0 : 11 - r}`;
  }
}

const ascii = (s: string) => s.toLowerCase().replace(/ä/g, 'a').replace(/ö/g, 'o');
const SURNAMES_ASCII = SURNAMES.map(ascii);
const FIRST_ASCII = FIRST.map(ascii);
const SUFFIX: Record<string, string> = { OY: 'Oy', KY: 'Ky', AY: 'Ay', TMI: 'Tmi' };

export function listRows(count: number, seed = 1): CellValue[][] {
  let x = seed >>> 0 || 1;
  const rnd = (n: number) => {
    x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
    return (x >>> 8) % n;
  };
  const rows: CellValue[][] = [];
  for (let i = 0; i < count; i++) {
    const s = rnd(SURNAMES.length);
    const f = rnd(FIRST.length);
    const form = FORMS[rnd(FORMS.length)];
    const [postal, office] = PLACES[rnd(PLACES.length)];
    const [code, industry] = INDUSTRIES[rnd(INDUSTRIES.length)];
    const local = `40${1_000_000 + rnd(8_999_999)}`.slice(0, 9);
    const year = 1990 + rnd(35);
    const month = 1 + rnd(12);
    const day = 1 + rnd(28);
    rows.push([
      `${SURNAMES[s]}n ${COMPANIES[rnd(COMPANIES.length)]} ${SUFFIX[form]}`,
      businessIdOf(1_000_000 + i * 7),
      form,
      code,
      industry,
      `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`,
      FIRST[f],
      SURNAMES[s],
      ROLES[rnd(ROLES.length)],
      `${STREETS[rnd(STREETS.length)]} ${1 + rnd(120)}${rnd(3) === 0 ? ' B 12' : ''}`,
      postal,
      office.toUpperCase(),
      office,
      `+358${local}`,
      `0${local.slice(0, 2)} ${local.slice(2)}`,
      `${FIRST_ASCII[f]}.${SURNAMES_ASCII[s]}@${SURNAMES_ASCII[s]}-${form.toLowerCase()}.fi`,
      `https://www.${SURNAMES_ASCII[s]}.fi`,
      'Demo-hakemisto',
      `demo-${100_000 + i}`,
      '2026-11-27T09:15:00+02:00',
    ]);
  }
  return rows;
}
