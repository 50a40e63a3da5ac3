/**
 * Demo customer registers as a user keeps them in Excel: a company register (~2,000 rows) and a
 * consumer register (~1,000 rows). Most rows are noisy copies of directory records (typos,
 * legal-form variants, upper case, phones in other written forms, business ids missing or
 * written otherwise, old addresses); the rest are customers the directory does not have,
 * including the hard negatives matching must keep apart (issue 4): another company at the same
 * address, a look-alike name of another entity in another town, a sole trader with the same
 * surname but another first name, a shared switchboard under another name; for persons, a
 * family member at the same address and a namesake in another town.
 *
 * The truth (which directory record each row copies) is exposed for tests and quality figures.
 */
import { CompanyFactory, pickFirstName, pickSurname, contactEmail, asciiFold, type DemoCompany } from './companies';
import { consumerAddress, type DemoConsumer } from './consumers';
import { demoDirectory } from './directory';
import { demoPostalAreas, postOfficeOf, type DemoPostalArea } from './geography';
import { writtenForm, type DemoPhone } from './phones';
import { Rng } from './random';
import { residentAddress } from './places';

// Builtins in module scope: global lookups are slow inside Jest's vm context (see random.ts).
const Str = String;

export type CustomerCaseKind =
  'copy' | 'sameAddress' | 'lookAlike' | 'soleTraderSameSurname' | 'sharedSwitchboard' | 'notInDirectory' | 'familyMember' | 'namesake';

export interface CustomerCase {
  kind: CustomerCaseKind;
  /** The directory record the row copies (null for every kind but 'copy'). */
  directoryId: string | null;
  /** For hard negatives: the directory record the row resembles. */
  resembles?: string;
}

export interface CustomerGrid {
  headers: string[];
  rows: string[][];
}

export const COMPANY_CUSTOMER_HEADERS = [
  'Asiakasnumero',
  'Yritys',
  'Y-tunnus',
  'Puh.',
  'Lähiosoite',
  'Postinro',
  'Postitoimipaikka',
  'Yhteyshenkilö',
  'Sähköposti',
  'Muistiinpanot',
];
export const CONSUMER_CUSTOMER_HEADERS = [
  'Asiakasnumero',
  'Nimi',
  'Lähiosoite',
  'Postinumero',
  'Postitoimipaikka',
  'Puhelin',
  'Sähköposti',
  'Muistiinpanot',
];

/** Planned sizes and rates; the tests check the generated registers against these. */
export const CUSTOMER_PLAN = {
  copies: 1200,
  sameAddress: 80,
  lookAlike: 80,
  soleTraderSameSurname: 80,
  sharedSwitchboard: 60,
  notInDirectory: 500,
  businessIdMissing: 0.4,
  consumerCopies: 600,
  familyMember: 100,
  namesake: 80,
  consumerNotInDirectory: 220,
} as const;

const NOTES = [
  '',
  '',
  '',
  '',
  'Soitettu 3/2024',
  'Ei puhelinmyyntiä',
  'Tilasi 2023',
  'Sopimus päättyy 12/2026',
  'Vanha asiakas',
  'Laskutus sähköpostilla',
  'Yhteyshenkilö vaihtunut',
  'Kiinnostunut huoltosopimuksesta',
  'Maksaa myöhässä',
  'VIP',
];

const CAPITAL_AND_TAMPERE = new Set(['Helsinki', 'Espoo', 'Vantaa', 'Kauniainen', 'Tampere']);

// ---- noise -----------------------------------------------------------------------------------

const LEGAL_SUFFIX = / (Oy|Oyj|Ky|Ay|ry|osk|Tmi)$/;

/** A typing error inside the longest word: swapped, dropped or doubled letter, or ä → a. */
export function typo(rng: Rng, text: string): string {
  const words = text.split(' ');
  let w = 0;
  words.forEach((word, i) => {
    if (word.length > words[w]!.length && !LEGAL_SUFFIX.test(` ${word}`)) w = i;
  });
  const word = words[w]!;
  if (word.length < 4) return text;
  const i = rng.int(1, word.length - 2);
  let out: string;
  switch (rng.int(0, 3)) {
    case 0:
      out = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      break;
    case 1:
      out = word.slice(0, i) + word.slice(i + 1);
      break;
    case 2:
      out = word.slice(0, i) + word[i] + word.slice(i);
      break;
    default:
      out = /[äöå]/.test(word) ? word.replace(/ä/, 'a').replace(/ö/, 'o').replace(/å/, 'a') : word.slice(0, i) + word.slice(i + 1);
  }
  words[w] = out === word ? word.slice(0, -1) : out;
  return words.join(' ');
}

/** The legal form written another way: "Oy" → "Osakeyhtiö", dropped, "Ltd", moved to the front. */
export function legalFormVariant(rng: Rng, name: string): string {
  const m = LEGAL_SUFFIX.exec(name);
  if (m) {
    const base = name.slice(0, m.index);
    const form = m[1]!;
    const variants: Record<string, string[]> = {
      Oy: [`${base} Osakeyhtiö`, base, `${base} Ltd`, `Oy ${base}`, `${base} Oy Ab`, `${base} OY`],
      Oyj: [`${base} Abp`, base, `${base} Plc`],
      Ky: [`${base} Kommandiittiyhtiö`, base, `Ky ${base}`],
      Ay: [`${base} Avoin yhtiö`, base],
      ry: [`${base} r.y.`, base],
      osk: [`${base} osuuskunta`, base],
      Tmi: [`Tmi ${base}`, base],
    };
    return rng.pick(variants[form] ?? [base]);
  }
  if (name.startsWith('Tmi ')) return rng.pick([name.slice(4), `T:mi ${name.slice(4)}`, `${name.slice(4)} Tmi`]);
  if (name.startsWith('Oy ') && name.endsWith(' Ab')) return rng.pick([name.slice(3, -3) + ' Oy', name.slice(3, -3)]);
  return name;
}

function businessIdAsWritten(rng: Rng, id: string): string {
  const r = rng.next();
  if (r < CUSTOMER_PLAN.businessIdMissing) return '';
  if (r < 0.5) return id.replace('-', '');
  if (r < 0.58) return `FI${id.replace('-', '')}`;
  if (r < 0.62 && id.startsWith('0')) return id.slice(1);
  return id;
}

function phoneAsWritten(rng: Rng, phone: DemoPhone | null, missing: number): string {
  if (!phone || rng.chance(missing)) return '';
  return writtenForm(phone, rng.int(0, 7));
}

function abbreviateStreet(street: string): string {
  return street
    .replace(/katu\b/, 'k.')
    .replace(/tie\b/, 't.')
    .replace(/kuja\b/, 'kj.');
}

function postOfficeAsWritten(rng: Rng, po: string): string {
  return rng.chance(0.3) ? po.toUpperCase() : po;
}

/** An address the customer had before moving: another street and number in the same area. */
function oldAddress(rng: Rng, area: DemoPostalArea): string {
  const { places } = demoDirectory();
  const street = rng.pick(places.streetsOf(area));
  return `${street.fi} ${rng.int(1, 80)}`;
}

// ---- the company register --------------------------------------------------------------------

interface Registers {
  companies: CustomerGrid & { cases: CustomerCase[] };
  consumers: CustomerGrid & { cases: CustomerCase[] };
}

let cached: Registers | null = null;

function sample<T>(rng: Rng, items: readonly T[], n: number, preferred: (t: T) => boolean): T[] {
  const chosen = new Set<number>();
  const out: T[] = [];
  let guard = 0;
  while (out.length < n && guard++ < n * 200) {
    const i = rng.int(0, items.length - 1);
    if (chosen.has(i)) continue;
    // Half the copies in the capital region and Tampere, where the demo's searches run.
    if (out.length % 2 === 0 && !preferred(items[i]!)) continue;
    chosen.add(i);
    out.push(items[i]!);
  }
  return out;
}

function otherMunicipalityArea(rng: Rng, area: DemoPostalArea): DemoPostalArea {
  const areas = demoPostalAreas();
  for (;;) {
    const a = rng.pick(areas);
    if (a.municipalityCode !== area.municipalityCode && a.weight > 1000) return a;
  }
}

function companyRow(rng: Rng, co: DemoCompany, opts: { nameNoise: boolean; address?: string; phone?: DemoPhone | null }): string[] {
  let name = co.name;
  if (opts.nameNoise) {
    if (rng.chance(0.3)) name = legalFormVariant(rng, name);
    if (rng.chance(0.12)) name = typo(rng, name);
    if (name.includes(' & ') && rng.chance(0.5)) name = name.replace(' & ', ' ja ');
    if (rng.chance(0.1)) name = name.toUpperCase();
  }
  const main = co.contacts[0]!;
  const phone = opts.phone !== undefined ? opts.phone : rng.chance(0.7) ? (co.switchboard ?? main.mobile) : (main.mobile ?? co.switchboard);
  let street = opts.address ?? co.streetAddress;
  if (!opts.address) {
    if (rng.chance(0.08)) street = oldAddress(rng, co.area);
    else if (rng.chance(0.06)) street = abbreviateStreet(street);
  }
  const person = rng.next();
  const contact = person < 0.6 ? `${main.firstName} ${main.lastName}` : person < 0.75 ? `${main.lastName} ${main.firstName}` : '';
  const email = rng.next();
  const mail = email < 0.5 ? (contactEmail(main, co.domain) ?? '') : email < 0.65 && co.domain ? `info@${co.domain}` : '';
  return [
    '',
    name,
    businessIdAsWritten(rng, co.businessId),
    phoneAsWritten(rng, phone, 0.15),
    street,
    co.area.code,
    postOfficeAsWritten(rng, co.postOffice),
    contact,
    mail,
    rng.pick(NOTES),
  ];
}

function buildRegisters(): Registers {
  const dir = demoDirectory();
  const rng = new Rng('demo:customers');
  // Customers the directory does not have: same factory state, so ids, names and phones stay unique.
  const others = new CompanyFactory(dir.places, dir.phones, 'X');
  for (const id of dir.factory.businessIds) others.businessIds.add(id);
  for (const n of dir.factory.names) others.names.add(n);

  const rows: { row: string[]; case: CustomerCase }[] = [];
  const preferred = (c: DemoCompany) => CAPITAL_AND_TAMPERE.has(c.area.municipalityFi);
  for (const co of sample(rng, dir.companies, CUSTOMER_PLAN.copies, preferred)) {
    rows.push({ row: companyRow(rng, co, { nameNoise: true }), case: { kind: 'copy', directoryId: co.id } });
  }

  const inOffices = dir.companies.filter(
    (c) => c.building.kind === 'office' || c.building.kind === 'retail' || c.building.kind === 'industrial',
  );
  for (const co of sample(rng, inOffices, CUSTOMER_PLAN.sameAddress, preferred)) {
    const neighbour = others.create(rng, { area: co.area });
    rows.push({
      row: companyRow(rng, neighbour, { nameNoise: false, address: co.streetAddress }),
      case: { kind: 'sameAddress', directoryId: null, resembles: co.id },
    });
  }

  const named = dir.companies.filter((c) => / (Oy|Ky)$/.test(c.name) && c.name.split(' ').length >= 3);
  for (const co of sample(rng, named, CUSTOMER_PLAN.lookAlike, preferred)) {
    const base = co.name.replace(/ (Oy|Ky)$/, '');
    const name = co.name.endsWith(' Oy') ? `${base} Ky` : `${base} Oy`;
    const lookAlike = others.create(rng, {
      area: otherMunicipalityArea(rng, co.area),
      industryCode2008: co.industryCode2008,
      form: co.name.endsWith(' Oy') ? 'KY' : 'OY',
      name,
      reuseName: true,
    });
    rows.push({ row: companyRow(rng, lookAlike, { nameNoise: false }), case: { kind: 'lookAlike', directoryId: null, resembles: co.id } });
  }

  const soleTraders = dir.companies.filter(
    (c) => c.form === 'TMI' && c.name.includes(`${c.contacts[0]!.firstName} ${c.contacts[0]!.lastName}`),
  );
  for (const co of sample(rng, soleTraders, CUSTOMER_PLAN.soleTraderSameSurname, preferred)) {
    const owner = co.contacts[0]!;
    let first = owner.firstName;
    while (first === owner.firstName) first = pickFirstName(rng, rng.chance(0.6));
    const name = co.name.replace(`${owner.firstName} ${owner.lastName}`, `${first} ${owner.lastName}`);
    const trader = others.create(rng, { area: co.area, industryCode2008: co.industryCode2008, form: 'TMI', name, reuseName: true });
    trader.contacts[0] = { ...trader.contacts[0]!, firstName: first, lastName: owner.lastName };
    rows.push({
      row: companyRow(rng, trader, { nameNoise: false }),
      case: { kind: 'soleTraderSameSurname', directoryId: null, resembles: co.id },
    });
  }

  const switchboards = dir.companies.filter((c) => c.switchboard && !/^0(4|50)/.test(c.switchboard));
  for (const co of sample(rng, switchboards, CUSTOMER_PLAN.sharedSwitchboard, preferred)) {
    const tenant = others.create(rng, { area: co.area });
    rows.push({
      row: companyRow(rng, tenant, { nameNoise: false, phone: co.switchboard, address: rng.chance(0.5) ? co.streetAddress : undefined }),
      case: { kind: 'sharedSwitchboard', directoryId: null, resembles: co.id },
    });
  }

  for (let i = 0; i < CUSTOMER_PLAN.notInDirectory; i++) {
    const co = others.create(rng);
    rows.push({ row: companyRow(rng, co, { nameNoise: true }), case: { kind: 'notInDirectory', directoryId: null } });
  }

  rng.shuffle(rows);
  rows.forEach((r, i) => (r.row[0] = Str(10_001 + i)));

  return {
    companies: { headers: [...COMPANY_CUSTOMER_HEADERS], rows: rows.map((r) => r.row), cases: rows.map((r) => r.case) },
    consumers: buildConsumerRegister(rng),
  };
}

// ---- the consumer register -------------------------------------------------------------------

function apartmentVariant(rng: Rng, street: string, apartment: string | null): string {
  if (!apartment || !rng.chance(0.4)) return street;
  const base = street.slice(0, street.length - apartment.length).trimEnd();
  const [stair, no] = apartment.split(' ') as [string, string];
  const variant = rng.pick([
    `${stair}${no}`,
    `${stair.toLowerCase()} ${no}`,
    `${stair} as ${no}`,
    `as. ${no}`,
    `${stair} ${no}`,
    `${stair}-${no}`,
  ]);
  return `${base} ${variant}`;
}

function personName(rng: Rng, first: string, last: string, noise: boolean): string {
  let f = first;
  let l = last;
  if (noise && rng.chance(0.08)) l = typo(rng, l);
  else if (noise && rng.chance(0.04)) f = typo(rng, f);
  return noise && rng.chance(0.25) ? `${l} ${f}` : `${f} ${l}`;
}

function consumerRow(
  rng: Rng,
  p: { firstName: string; lastName: string; street: string; apartment: string | null; area: DemoPostalArea; phone: DemoPhone | null },
  noise: boolean,
): string[] {
  let street = apartmentVariant(rng, p.street, p.apartment);
  if (noise && rng.chance(0.05)) street = oldAddress(rng, p.area);
  const email = rng.chance(0.2)
    ? `${asciiFold(p.firstName)}.${asciiFold(p.lastName)}@${rng.pick(['gmail.com', 'hotmail.com', 'outlook.com', 'luukku.com'])}`.replace(
        /[^a-z.@-]/g,
        '',
      )
    : '';
  return [
    '',
    personName(rng, p.firstName, p.lastName, noise),
    street,
    p.area.code,
    postOfficeAsWritten(rng, postOfficeOf(p.area)),
    phoneAsWritten(rng, p.phone, 0.3),
    email,
    rng.pick(NOTES),
  ];
}

function buildConsumerRegister(rng: Rng): CustomerGrid & { cases: CustomerCase[] } {
  const dir = demoDirectory();
  const rows: { row: string[]; case: CustomerCase }[] = [];
  const preferred = (p: DemoConsumer) => CAPITAL_AND_TAMPERE.has(p.area.municipalityFi);
  const asPerson = (p: DemoConsumer) => ({
    firstName: p.firstName,
    lastName: p.lastName,
    ...consumerAddress(p),
    area: p.area,
    phone: p.phone,
  });

  for (const p of sample(rng, dir.consumers, CUSTOMER_PLAN.consumerCopies, preferred)) {
    rows.push({ row: consumerRow(rng, asPerson(p), true), case: { kind: 'copy', directoryId: p.id } });
  }
  // A family member the directory does not list: same address and surname, another first name.
  for (const p of sample(rng, dir.consumers, CUSTOMER_PLAN.familyMember, preferred)) {
    let first = p.firstName;
    while (first === p.firstName) first = pickFirstName(rng, rng.chance(0.5));
    rows.push({
      row: consumerRow(rng, { ...asPerson(p), firstName: first, phone: dir.phones.mobile(rng) }, false),
      case: { kind: 'familyMember', directoryId: null, resembles: p.id },
    });
  }
  // A namesake in another town.
  for (const p of sample(rng, dir.consumers, CUSTOMER_PLAN.namesake, preferred)) {
    const area = otherMunicipalityArea(rng, p.area);
    const { building, slot } = dir.places.placeResident(area, rng);
    rows.push({
      row: consumerRow(
        rng,
        { firstName: p.firstName, lastName: p.lastName, ...residentAddress(building, slot), area, phone: dir.phones.mobile(rng) },
        false,
      ),
      case: { kind: 'namesake', directoryId: null, resembles: p.id },
    });
  }
  for (let i = 0; i < CUSTOMER_PLAN.consumerNotInDirectory; i++) {
    const area = demoPostalAreas()[rng.int(0, demoPostalAreas().length - 1)]!;
    const { building, slot } = dir.places.placeResident(area, rng);
    const male = rng.chance(0.5);
    rows.push({
      row: consumerRow(
        rng,
        {
          firstName: pickFirstName(rng, male),
          lastName: pickSurname(rng),
          ...residentAddress(building, slot),
          area,
          phone: rng.chance(0.8) ? dir.phones.mobile(rng) : null,
        },
        true,
      ),
      case: { kind: 'notInDirectory', directoryId: null },
    });
  }
  rng.shuffle(rows);
  rows.forEach((r, i) => (r.row[0] = `K${Str(5_001 + i)}`));
  return { headers: [...CONSUMER_CUSTOMER_HEADERS], rows: rows.map((r) => r.row), cases: rows.map((r) => r.case) };
}

export function demoCustomerRegisters(): Registers {
  return (cached ??= buildRegisters());
}

/** The company customer register as a user's sheet: header row and string rows. */
export function demoCustomers(): CustomerGrid {
  const { headers, rows } = demoCustomerRegisters().companies;
  return { headers: [...headers], rows: rows.map((r) => [...r]) };
}

/** Per company customer row: the directory record id it copies, or null. */
export function demoCustomerTruth(): (string | null)[] {
  return demoCustomerRegisters().companies.cases.map((c) => c.directoryId);
}

/** Per company customer row: what kind of case it is (copy, or which hard negative). */
export function demoCustomerCases(): CustomerCase[] {
  return demoCustomerRegisters().companies.cases.map((c) => ({ ...c }));
}

/** The consumer customer register (name in one column, as many people keep it). */
export function demoConsumerCustomers(): CustomerGrid {
  const { headers, rows } = demoCustomerRegisters().consumers;
  return { headers: [...headers], rows: rows.map((r) => [...r]) };
}

export function demoConsumerCustomerTruth(): (string | null)[] {
  return demoCustomerRegisters().consumers.cases.map((c) => c.directoryId);
}

export function demoConsumerCustomerCases(): CustomerCase[] {
  return demoCustomerRegisters().consumers.cases.map((c) => ({ ...c }));
}
