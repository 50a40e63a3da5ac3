/**
 * Fictional companies: names as Finnish companies are named, valid and unique business ids
 * (Y-tunnus, mod-11 check digit), company forms by PRH's short codes, an industry mix with TOL
 * codes (TOL 2025 for companies registered or updated after 2026-01-01), registration dates,
 * size classes, switchboards, websites and 1–3 decision-makers each.
 */
import { SIZE_CLASSES, type Role } from '../../core/criteria/criteria';
import { tol2008To2025, type TolCodeSet } from '../../core/industry/tol';
import type { DemoPostalArea } from './geography';
import { pickPostalArea, postOfficeOf } from './geography';
import { BRAND_TRADES_EN, BRAND_WORDS, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES, TOWN_GENITIVES, TRADE_WORDS } from './names';
import type { DemoPhone, PhoneBook } from './phones';
import type { BuildingKind, DemoBuilding, Places } from './places';
import { residentAddress } from './places';
import { Rng, WeightedPicker, rankWeights, weighted } from './random';

// Builtins in module scope: global lookups are slow inside Jest's vm context (see random.ts).
const M = Math;
const Str = String;
const Num = Number;

/** PRH short forms as criteria and labels.ts use them; OSK = osuuskunta (cooperative). */
export type CompanyForm = 'OY' | 'OYJ' | 'KY' | 'AY' | 'TMI' | 'OSK' | 'RY';
export type SizeClass = (typeof SIZE_CLASSES)[number];

export interface DemoContact {
  firstName: string;
  lastName: string;
  role: Role;
  mobile: DemoPhone | null;
  /** 0 no email, 1 firstname.lastname@ the company's domain, 2–5 a free mail service. */
  emailKind: number;
}

const FREE_MAIL = ['', '', 'gmail.com', 'outlook.com', 'hotmail.com', 'kolumbus.fi'];

/** The contact's email ("jari.makinen@virtanen-rakennus.fi"), built when a row is made. */
export function contactEmail(c: DemoContact, domain: string | null): string | null {
  if (c.emailKind === 0) return null;
  const host = c.emailKind === 1 ? domain : FREE_MAIL[c.emailKind];
  if (!host) return null;
  return `${asciiFold(c.firstName)}.${asciiFold(c.lastName)}`.replace(/[^a-z.-]/g, '') + `@${host}`;
}

export interface DemoCompany {
  /** The demo directory's record id ("C000123"): source id of every row of this company. */
  id: string;
  name: string;
  businessId: string;
  form: CompanyForm;
  /** The code as the register holds it, in `industryCodeSet`. */
  industryCode: string;
  industryCodeSet: TolCodeSet;
  /** The TOL 2008 code it was drawn as (same as industryCode for TOL 2008 companies). */
  industryCode2008: string;
  registrationDate: string;
  sizeClass: SizeClass;
  building: DemoBuilding;
  streetAddress: string;
  area: DemoPostalArea;
  postOffice: string;
  /** Null for a few small companies that list no number at all. */
  switchboard: DemoPhone | null;
  website: string | null;
  domain: string | null;
  /** The first is the company's main contact: CEO, or the owner of a sole trader/partnership. */
  contacts: DemoContact[];
}

/** TOL 2008 codes with their share of the demo's companies (per mille, roughly Finnish). */
const INDUSTRY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['01110', 3],
  ['01410', 2],
  ['02200', 1.5],
  ['02400', 1.5],
  ['10710', 0.6],
  ['16100', 0.5],
  ['18120', 0.4],
  ['25110', 0.8],
  ['25620', 1],
  ['31090', 0.5],
  ['33120', 0.8],
  ['35300', 0.2],
  ['38110', 0.3],
  ['41100', 1.5],
  ['41200', 5],
  ['42110', 0.6],
  ['42210', 0.4],
  ['42990', 0.5],
  ['43110', 0.3],
  ['43120', 2],
  ['43210', 2.5],
  ['43220', 2.5],
  ['43290', 0.8],
  ['43310', 0.3],
  ['43320', 1.2],
  ['43330', 0.8],
  ['43341', 1.5],
  ['43342', 0.3],
  ['43390', 1],
  ['43910', 0.8],
  ['43999', 1.5],
  ['45112', 0.8],
  ['45200', 2],
  ['46190', 0.8],
  ['46630', 0.4],
  ['46730', 0.5],
  ['46900', 1.5],
  ['47111', 0.2],
  ['47112', 0.2],
  ['47113', 0.3],
  ['47114', 0.3],
  ['47190', 0.6],
  ['47240', 0.2],
  ['47300', 0.3],
  ['47410', 0.3],
  ['47521', 0.3],
  ['47540', 0.2],
  ['47591', 0.3],
  ['47610', 0.1],
  ['47640', 0.3],
  ['47650', 0.15],
  ['47711', 0.5],
  ['47712', 0.2],
  ['47721', 0.15],
  ['47730', 0.3],
  ['47750', 0.3],
  ['47761', 0.4],
  ['47770', 0.2],
  ['47782', 0.2],
  ['47789', 1],
  ['47791', 0.2],
  ['47910', 1.2],
  ['49320', 2.5],
  ['49410', 3.5],
  ['49420', 0.3],
  ['52100', 0.3],
  ['53200', 0.3],
  ['55101', 0.4],
  ['56101', 2],
  ['56102', 0.8],
  ['56103', 0.3],
  ['56210', 0.4],
  ['56290', 0.2],
  ['56301', 0.6],
  ['56302', 0.6],
  ['58110', 0.2],
  ['58210', 0.2],
  ['59110', 0.6],
  ['61100', 0.1],
  ['61200', 0.1],
  ['62010', 2.5],
  ['62020', 1.5],
  ['62030', 0.3],
  ['62090', 1],
  ['63110', 0.3],
  ['63120', 0.15],
  ['64190', 0.05],
  ['64200', 2],
  ['66220', 0.3],
  ['68100', 0.8],
  ['68201', 2.5],
  ['68202', 0.5],
  ['68209', 3],
  ['68310', 0.6],
  ['68320', 0.5],
  ['69101', 0.4],
  ['69102', 0.3],
  ['69201', 1.8],
  ['69202', 0.2],
  ['70100', 0.3],
  ['70210', 0.4],
  ['70220', 4],
  ['71110', 0.6],
  ['71200', 0.3],
  ['73111', 0.6],
  ['73200', 0.1],
  ['74200', 0.5],
  ['75000', 0.15],
  ['77110', 0.2],
  ['78200', 0.3],
  ['80100', 0.2],
  ['81100', 0.6],
  ['81210', 1.2],
  ['81300', 0.6],
  ['82110', 0.3],
  ['82990', 1],
  ['85510', 0.5],
  ['85520', 0.3],
  ['85530', 0.15],
  ['86210', 0.6],
  ['86230', 0.5],
  ['86901', 1.2],
  ['88101', 0.3],
  ['88911', 0.2],
  ['90010', 0.5],
  ['90030', 0.8],
  ['93110', 0.2],
  ['93130', 0.3],
  ['94999', 1.5],
  ['95110', 0.3],
  ['96010', 0.1],
  ['96021', 2.5],
  ['96022', 1.2],
  ['96040', 0.2],
  ['96090', 0.8],
];

const FORMS_DEFAULT = weighted<CompanyForm>([
  ['OY', 62],
  ['TMI', 22],
  ['KY', 8],
  ['AY', 3],
  ['OSK', 1.3],
  ['OYJ', 0.4],
]);
const FORMS_PERSONAL = weighted<CompanyForm>([
  ['TMI', 62],
  ['OY', 28],
  ['KY', 7],
  ['AY', 3],
]);
const FORMS_FARM = weighted<CompanyForm>([
  ['TMI', 70],
  ['OY', 18],
  ['AY', 6],
  ['KY', 5],
  ['OSK', 1],
]);
const FORMS_HOLDING = weighted<CompanyForm>([
  ['OY', 93],
  ['KY', 3],
  ['OSK', 3],
  ['OYJ', 1],
]);
const FORMS_GROCERY = weighted<CompanyForm>([
  ['OY', 65],
  ['OSK', 25],
  ['KY', 6],
  ['TMI', 4],
]);
const FORMS_ASSOCIATION = weighted<CompanyForm>([
  ['RY', 88],
  ['OSK', 7],
  ['OY', 5],
]);

function formPickerFor(code: string): WeightedPicker<CompanyForm> {
  if (code === '94999') return FORMS_ASSOCIATION;
  if (code.startsWith('01') || code.startsWith('02')) return FORMS_FARM;
  if (code.startsWith('4711')) return FORMS_GROCERY;
  if (code.startsWith('64') || code.startsWith('68') || code === '70100') return FORMS_HOLDING;
  if (['96021', '96022', '86901', '90030', '74200', '85520', '49320', '43341', '81210', '96090'].includes(code)) return FORMS_PERSONAL;
  return FORMS_DEFAULT;
}

const SIZE_BY_FORM: Record<CompanyForm, WeightedPicker<SizeClass>> = {
  OY: weighted<SizeClass>([
    ['0-4', 58],
    ['5-9', 17],
    ['10-19', 11],
    ['20-49', 8],
    ['50-99', 3],
    ['100-249', 2],
    ['250+', 1],
  ]),
  OYJ: weighted<SizeClass>([
    ['20-49', 5],
    ['50-99', 15],
    ['100-249', 30],
    ['250+', 50],
  ]),
  KY: weighted<SizeClass>([
    ['0-4', 85],
    ['5-9', 10],
    ['10-19', 5],
  ]),
  AY: weighted<SizeClass>([
    ['0-4', 88],
    ['5-9', 9],
    ['10-19', 3],
  ]),
  TMI: weighted<SizeClass>([
    ['0-4', 95],
    ['5-9', 5],
  ]),
  OSK: weighted<SizeClass>([
    ['0-4', 50],
    ['5-9', 15],
    ['10-19', 10],
    ['20-49', 10],
    ['50-99', 7],
    ['100-249', 5],
    ['250+', 3],
  ]),
  RY: weighted<SizeClass>([
    ['0-4', 90],
    ['5-9', 7],
    ['10-19', 3],
  ]),
};

/** Registration years 1960–2026: more recent years hold more of today's companies. */
const YEAR_PICKER = new WeightedPicker(
  Array.from({ length: 67 }, (_, i) => 1960 + i),
  Array.from({ length: 67 }, (_, i) => M.exp(i / 16) * (i === 66 ? 0.6 : 1)),
);
/** The demo's "today": the register is as of the end of August 2026. */
export const DEMO_REGISTER_DATE = '2026-08-31';

const industryPicker = weighted(INDUSTRY_WEIGHTS);
const malePicker = new WeightedPicker(MALE_FIRST_NAMES, rankWeights(MALE_FIRST_NAMES.length));
const femalePicker = new WeightedPicker(FEMALE_FIRST_NAMES, rankWeights(FEMALE_FIRST_NAMES.length));
const surnamePicker = new WeightedPicker(SURNAMES, rankWeights(SURNAMES.length, 15));

export function pickFirstName(rng: Rng, male: boolean): string {
  return (male ? malePicker : femalePicker).pick(rng);
}
export function pickSurname(rng: Rng): string {
  return surnamePicker.pick(rng);
}

/** Mod-11 check digit of a 7-digit business id number; null when no valid digit exists. */
export function businessIdCheckDigit(sevenDigits: string): number | null {
  const weights = [7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Num(sevenDigits[i]) * weights[i]!;
  const r = sum % 11;
  if (r === 1) return null;
  return r === 0 ? 0 : 11 - r;
}

/** Letters folded for domains and emails: "Mäkinen" → "makinen". */
export function asciiFold(s: string): string {
  return s.toLowerCase().replace(/[äå]/g, 'a').replace(/ö/g, 'o').replace(/é/g, 'e').replace(/ü/g, 'u');
}

function tradeWordFor(rng: Rng, code: string): string {
  const words = TRADE_WORDS[code] ?? TRADE_WORDS[code.slice(0, 2)] ?? ['Palvelu'];
  return rng.pick(words);
}

function genitive(place: string): string {
  return TOWN_GENITIVES[place] ?? (/[aeiouyäö]$/i.test(place) ? `${place}n` : `${place}in`);
}

/** Shared state so that names, ids, domains and phones stay unique across everything generated. */
export class CompanyFactory {
  readonly names = new Set<string>();
  readonly businessIds = new Set<string>();
  private readonly domains = new Set<string>();
  private seq = 0;

  constructor(
    private readonly places: Places,
    readonly phones: PhoneBook,
    private readonly idPrefix = 'C',
  ) {}

  /** A valid, unused business id for a company registered on `date`. */
  businessIdFor(rng: Rng, date: string): string {
    const year = Num(date.slice(0, 4));
    for (;;) {
      // Ids were given from 1978 in rough order; older companies hold the low numbers.
      const base =
        year < 1978
          ? rng.int(100_000, 999_999)
          : M.min(3_599_999, 1_000_000 + M.floor(((year - 1978 + rng.next()) / 49) * 2_550_000) + rng.int(-20_000, 20_000));
      const seven = Str(base).padStart(7, '0');
      const check = businessIdCheckDigit(seven);
      if (check === null) continue;
      const id = `${seven}-${check}`;
      if (this.businessIds.has(id)) continue;
      this.businessIds.add(id);
      return id;
    }
  }

  private uniqueDomain(rng: Rng, base: string, area: DemoPostalArea): string {
    let d = base;
    if (this.domains.has(d)) d = `${base.replace(/\.fi$/, '')}-${asciiFold(area.municipalityFi).replace(/[^a-z]/g, '')}.fi`;
    while (this.domains.has(d)) d = `${base.replace(/\.fi$/, '')}${rng.int(2, 99)}.fi`;
    this.domains.add(d);
    return d;
  }

  private person(rng: Rng, maleShare: number): { firstName: string; lastName: string } {
    return { firstName: pickFirstName(rng, rng.chance(maleShare)), lastName: pickSurname(rng) };
  }

  private companyName(
    rng: Rng,
    form: CompanyForm,
    code: string,
    owner: { firstName: string; lastName: string },
    area: DemoPostalArea,
  ): string {
    const trade = tradeWordFor(rng, code);
    const last = owner.lastName;
    const brand = rng.pick(BRAND_WORDS);
    const town = genitive(area.municipalityFi);
    const r = rng.next();
    switch (form) {
      case 'TMI':
        if (r < 0.25) return `Tmi ${owner.firstName} ${last}`;
        if (r < 0.45) return `${trade} ${owner.firstName} ${last}`;
        if (r < 0.6) return `${trade} ${last}`;
        if (r < 0.75) return `${trade} ${brand}`;
        if (r < 0.9) return `${last} ${trade}`;
        return `${owner.firstName} ${last} Tmi`;
      case 'KY':
        if (r < 0.4) return `${trade} ${last} Ky`;
        if (r < 0.65) return `${last} & ${pickSurname(rng)} Ky`;
        if (r < 0.85) return `${last} ${trade} Ky`;
        return `${trade} ${brand} Ky`;
      case 'AY':
        if (r < 0.35) return `Veljekset ${last} Ay`;
        if (r < 0.7) return `${trade} ${last} Ay`;
        return `${last} ja ${pickSurname(rng)} Ay`;
      case 'OYJ':
        return r < 0.5 ? `${brand} ${rng.pick(BRAND_TRADES_EN)} Oyj` : `${brand} Oyj`;
      case 'OSK':
        if (code.startsWith('4711')) return `${town} Osuuskauppa ${brand}`;
        return r < 0.4 ? `Osuuskunta ${brand}` : r < 0.7 ? `${brand} ${trade} osk` : `${brand} ${trade} osuuskunta`;
      case 'RY':
        return `${town} ${rng.pick(['Urheiluseura', 'Kyläyhdistys', 'Yrittäjät', 'Eläkeläiset', 'Kuoro', 'Metsästysseura', 'Omakotiyhdistys', 'Partiolaiset'])} ry`;
      default:
        if (r < 0.25) return `${last} ${trade} Oy`;
        if (r < 0.45) return `${trade} ${last} Oy`;
        if (r < 0.6) return `${brand} ${trade} Oy`;
        if (r < 0.68) return `Oy ${brand} ${rng.pick(BRAND_TRADES_EN)} Ab`;
        if (r < 0.78) return `${brand} ${rng.pick(BRAND_TRADES_EN)} Oy`;
        if (r < 0.88 && TOWN_GENITIVES[area.municipalityFi]) return `${town} ${trade} Oy`;
        if (r < 0.93) return `${last} & ${pickSurname(rng)} Oy`;
        return `${owner.firstName[0]}${last[0]}-${trade} Oy`;
    }
  }

  private buildingKindFor(rng: Rng, form: CompanyForm, code: string, area: DemoPostalArea): BuildingKind | 'home' {
    if (form === 'TMI' || ((form === 'AY' || form === 'KY') && rng.chance(0.6))) return rng.chance(0.75) ? 'home' : 'office';
    const division = code.slice(0, 2);
    if (['10', '16', '25', '31', '33', '38', '41', '42', '43', '45', '46', '49', '52'].includes(division) && rng.chance(0.55))
      return 'industrial';
    if (['47', '56', '96', '55', '86', '93'].includes(division) && rng.chance(0.6)) return 'retail';
    if (area.density < 0.25 && rng.chance(0.5)) return 'home';
    return 'office';
  }

  /** One company, at a postal area drawn by population unless given. */
  create(
    rng: Rng,
    opts: { area?: DemoPostalArea; industryCode2008?: string; form?: CompanyForm; name?: string; reuseName?: boolean } = {},
  ): DemoCompany {
    const area = opts.area ?? pickPostalArea(rng);
    const code2008 = opts.industryCode2008 ?? industryPicker.pick(rng);
    const form = opts.form ?? formPickerFor(code2008).pick(rng);
    const year = YEAR_PICKER.pick(rng);
    const month = year === 2026 ? rng.int(1, 8) : rng.int(1, 12);
    const registrationDate = `${year}-${Str(month).padStart(2, '0')}-${Str(rng.int(1, 28)).padStart(2, '0')}`;
    // PRH gives TOL 2025 codes to companies registered or updated since 2026-01-01.
    const tol2025 = registrationDate >= '2026-01-01' || rng.chance(0.12);
    const industryCodeSet: TolCodeSet = tol2025 ? 'TOL2025' : 'TOL2008';
    const industryCode = tol2025 ? (tol2008To2025(code2008) ?? code2008) : code2008;
    const sizeClass = SIZE_BY_FORM[form].pick(rng);
    const ownerRole: Role = form === 'TMI' || form === 'KY' || form === 'AY' ? 'OWNER' : form === 'RY' ? 'BOARD_CHAIR' : 'CEO';
    const owner = this.person(rng, ownerRole === 'CEO' ? 0.72 : 0.6);

    let name = opts.name ?? '';
    for (let attempt = 0; !name || (!opts.reuseName && this.names.has(name)); attempt++) {
      name = this.companyName(rng, form, code2008, owner, area);
      if (attempt > 6 && this.names.has(name)) {
        // Still taken after several tries: add a word before the legal form ("… Kipinä Oy").
        const suffix = / (Oy|Ky|Ay|Oyj|ry|osk|Ab|Tmi|osuuskunta)$/.exec(name)?.[0] ?? '';
        name = `${name.slice(0, name.length - suffix.length)} ${rng.pick(BRAND_WORDS)}${suffix}`;
      }
    }
    this.names.add(name);

    const kind = this.buildingKindFor(rng, form, code2008, area);
    const placed = kind === 'home' ? this.places.placeResident(area, rng) : this.places.placeCompany(area, kind);
    const streetAddress =
      kind === 'home' ? residentAddress(placed.building, placed.slot).street : `${placed.building.street.fi} ${placed.building.number}`;

    const switchboard =
      sizeClass === '0-4' && rng.chance(0.06)
        ? null
        : form === 'TMI' || (form !== 'OYJ' && sizeClass === '0-4' && rng.chance(0.45))
          ? this.phones.mobile(rng)
          : SIZE_CLASSES.indexOf(sizeClass) >= 3 && rng.chance(0.4)
            ? this.phones.business(rng)
            : this.phones.landline(rng, area.regionFi);

    const hasDomain = form === 'OY' || form === 'OYJ' || form === 'OSK' ? rng.chance(0.88) : rng.chance(0.45);
    const domainBase = `${asciiFold(
      name
        .replace(/^(Oy|Tmi) /, '')
        .replace(/ (Oy|Oyj|Ab|Ky|Ay|ry|osk|Tmi)$/g, '')
        .replace(/ Ab$/, ''),
    )
      .replace(/&/g, 'ja')
      .replace(/[^a-z0-9 -]/g, '')
      .trim()
      .replace(/\s+/g, rng.chance(0.5) ? '-' : '')}.fi`;
    const domain = hasDomain ? this.uniqueDomain(rng, domainBase, area) : null;
    const website = domain && rng.chance(0.75) ? `www.${domain}` : null;

    const contacts: DemoContact[] = [this.contact(rng, owner, ownerRole, domain)];
    const extra =
      sizeClass === '0-4' ? (rng.chance(0.3) ? 1 : 0) : sizeClass === '5-9' || sizeClass === '10-19' ? (rng.chance(0.6) ? 1 : 2) : 2;
    const roles: Role[] = ['CFO', 'SALES', 'MARKETING', 'HR', 'PURCHASING', 'BOARD_CHAIR'];
    if (code2008.startsWith('62') || code2008.startsWith('63')) roles.push('CTO', 'CTO');
    if (ownerRole === 'CEO' && sizeClass === '0-4') roles.push('OWNER', 'OWNER');
    for (let i = 0; i < extra; i++) {
      const role = rng.pick(roles);
      if (contacts.some((c) => c.role === role)) continue;
      contacts.push(this.contact(rng, this.person(rng, 0.55), role, domain));
    }

    this.seq++;
    return {
      id: `${this.idPrefix}${Str(this.seq).padStart(6, '0')}`,
      name,
      businessId: this.businessIdFor(rng, registrationDate),
      form,
      industryCode,
      industryCodeSet,
      industryCode2008: code2008,
      registrationDate,
      sizeClass,
      building: placed.building,
      streetAddress,
      area,
      postOffice: postOfficeOf(area),
      switchboard,
      website,
      domain,
      contacts,
    };
  }

  private contact(rng: Rng, p: { firstName: string; lastName: string }, role: Role, domain: string | null): DemoContact {
    const emailKind = domain ? (rng.chance(0.92) ? 1 : 0) : rng.chance(0.35) ? rng.int(2, 5) : 0;
    return { firstName: p.firstName, lastName: p.lastName, role, mobile: rng.chance(0.85) ? this.phones.mobile(rng) : null, emailKind };
  }
}
