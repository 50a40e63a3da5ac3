/**
 * Words for the values of criteria, in Finnish, English and Swedish: decision-maker roles,
 * company forms (yhtiömuodot), age groups. The summary, the pane's pickers and the sources use
 * these, so "CEO" reads "toimitusjohtaja" everywhere and a directory's "VD" means the same.
 */
import type { Lang, Localized } from '../i18n/lang';
import { ROLES, type Role } from './criteria';

export const ROLE_LABELS: Record<Role, Localized> = {
  CEO: { fi: 'toimitusjohtaja', en: 'CEO', sv: 'verkställande direktör' },
  CFO: { fi: 'talousjohtaja', en: 'CFO', sv: 'ekonomidirektör' },
  CTO: { fi: 'teknologiajohtaja', en: 'CTO', sv: 'teknikdirektör' },
  SALES: { fi: 'myyntijohtaja', en: 'sales director', sv: 'försäljningsdirektör' },
  MARKETING: { fi: 'markkinointijohtaja', en: 'marketing director', sv: 'marknadsdirektör' },
  HR: { fi: 'henkilöstöjohtaja', en: 'HR director', sv: 'personaldirektör' },
  PURCHASING: { fi: 'hankintapäällikkö', en: 'purchasing manager', sv: 'inköpschef' },
  OWNER: { fi: 'omistaja', en: 'owner', sv: 'ägare' },
  BOARD_CHAIR: { fi: 'hallituksen puheenjohtaja', en: 'chair of the board', sv: 'styrelseordförande' },
};

/** Other ways directories write the roles (titles as found in vendor files). */
const ROLE_SYNONYMS: Record<Role, string[]> = {
  CEO: ['tj', 'toimitusjohtaja', 'vd', 'ceo', 'managing director', 'chief executive officer', 'verkställande direktör'],
  CFO: ['talousjohtaja', 'talouspäällikkö', 'cfo', 'finance director', 'chief financial officer', 'ekonomichef', 'ekonomidirektör'],
  CTO: [
    'teknologiajohtaja',
    'teknologiajohtaja',
    'tekninen johtaja',
    'it-johtaja',
    'cto',
    'chief technology officer',
    'it-chef',
    'teknisk direktör',
    'teknikdirektör',
  ],
  SALES: [
    'myyntijohtaja',
    'myyntipäällikkö',
    'sales director',
    'head of sales',
    'sales manager',
    'försäljningschef',
    'försäljningsdirektör',
  ],
  MARKETING: [
    'markkinointijohtaja',
    'markkinointipäällikkö',
    'marketing director',
    'cmo',
    'marketing manager',
    'marknadschef',
    'marknadsdirektör',
  ],
  HR: ['henkilöstöjohtaja', 'henkilöstöpäällikkö', 'hr-johtaja', 'hr director', 'hr manager', 'personalchef', 'personaldirektör'],
  PURCHASING: ['hankintapäällikkö', 'hankintajohtaja', 'ostopäällikkö', 'purchasing manager', 'procurement manager', 'inköpschef'],
  OWNER: ['omistaja', 'yrittäjä', 'owner', 'ägare', 'företagare'],
  BOARD_CHAIR: ['hallituksen puheenjohtaja', 'hallituksen pj', 'chair of the board', 'chairman of the board', 'styrelseordförande'],
};

const ROLE_LOOKUP = (() => {
  const m = new Map<string, Role>();
  for (const r of ROLES) {
    m.set(r.toLowerCase(), r);
    for (const l of Object.values(ROLE_LABELS[r])) m.set(l.toLowerCase(), r);
    for (const s of ROLE_SYNONYMS[r]) m.set(s, r);
  }
  return m;
})();

/** A directory's role or title as written → role code, or undefined ("Toimitusjohtaja" → CEO). */
export function roleOf(value: unknown): Role | undefined {
  if (typeof value !== 'string') return undefined;
  return ROLE_LOOKUP.get(value.normalize('NFC').trim().toLowerCase());
}

export function roleLabel(role: Role, lang: Lang): string {
  return ROLE_LABELS[role][lang];
}

export interface CompanyForm {
  /** Short form used in criteria and the list: "OY". */
  code: string;
  names: Localized;
  /** PRH's company form codes (YRMU) known to mean this form. */
  prhCodes: string[];
}

/**
 * Company forms users ask for. PRH codes 16 (osakeyhtiö) and 17 (julkinen osakeyhtiö) are seen
 * in real responses; for the rest PRH's own Finnish description is matched (it is in every
 * response), so a code we have not verified cannot put a company under the wrong form.
 */
export const COMPANY_FORMS: readonly CompanyForm[] = [
  { code: 'OY', names: { fi: 'osakeyhtiö', en: 'limited company', sv: 'aktiebolag' }, prhCodes: ['16'] },
  { code: 'OYJ', names: { fi: 'julkinen osakeyhtiö', en: 'public limited company', sv: 'publikt aktiebolag' }, prhCodes: ['17'] },
  { code: 'KY', names: { fi: 'kommandiittiyhtiö', en: 'limited partnership', sv: 'kommanditbolag' }, prhCodes: [] },
  { code: 'AY', names: { fi: 'avoin yhtiö', en: 'general partnership', sv: 'öppet bolag' }, prhCodes: [] },
  { code: 'TMI', names: { fi: 'yksityinen elinkeinonharjoittaja', en: 'sole trader', sv: 'enskild näringsidkare' }, prhCodes: [] },
  { code: 'OSK', names: { fi: 'osuuskunta', en: 'cooperative', sv: 'andelslag' }, prhCodes: [] },
  { code: 'AOY', names: { fi: 'asunto-osakeyhtiö', en: 'housing company', sv: 'bostadsaktiebolag' }, prhCodes: [] },
  { code: 'RY', names: { fi: 'yhdistys', en: 'association', sv: 'förening' }, prhCodes: [] },
  { code: 'SÄÄTIÖ', names: { fi: 'säätiö', en: 'foundation', sv: 'stiftelse' }, prhCodes: [] },
  { code: 'SIVULIIKE', names: { fi: 'sivuliike', en: 'branch of a foreign company', sv: 'filial' }, prhCodes: [] },
];

/** PRH's Finnish descriptions (lower case) → short form. */
const BY_DESCRIPTION: Record<string, string> = {
  osakeyhtiö: 'OY',
  'julkinen osakeyhtiö': 'OYJ',
  kommandiittiyhtiö: 'KY',
  'avoin yhtiö': 'AY',
  elinkeinonharjoittaja: 'TMI',
  'yksityinen elinkeinonharjoittaja': 'TMI',
  toiminimi: 'TMI',
  osuuskunta: 'OSK',
  'asunto-osakeyhtiö': 'AOY',
  'aatteellinen yhdistys': 'RY',
  yhdistys: 'RY',
  säätiö: 'SÄÄTIÖ',
  sivuliike: 'SIVULIIKE',
  'ulkomaisen elinkeinonharjoittajan sivuliike': 'SIVULIIKE',
};

const FORM_LOOKUP = (() => {
  const m = new Map<string, string>();
  for (const f of COMPANY_FORMS) {
    m.set(f.code.toLowerCase(), f.code);
    for (const n of Object.values(f.names)) m.set(n.toLowerCase(), f.code);
  }
  for (const [d, c] of Object.entries(BY_DESCRIPTION)) m.set(d, c);
  // Spellings seen in vendor files and business names.
  for (const [s, c] of [
    ['oy ab', 'OY'],
    ['ab', 'OY'],
    ['abp', 'OYJ'],
    ['ltd', 'OY'],
    ['plc', 'OYJ'],
    ['t:mi', 'TMI'],
    ['tmi.', 'TMI'],
    ['ky.', 'KY'],
    ['ay.', 'AY'],
    ['säätiö', 'SÄÄTIÖ'],
    ['saatio', 'SÄÄTIÖ'],
    ['sr', 'SÄÄTIÖ'],
    ['r.y.', 'RY'],
  ] as const)
    m.set(s, c);
  return m;
})();

/** A company form as written ("Oy", "osakeyhtiö", "Aktiebolag") → short form, or undefined. */
export function companyFormOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return FORM_LOOKUP.get(value.normalize('NFC').trim().toLowerCase());
}

/** PRH company form (code and Finnish description) → short form; the description decides. */
export function companyFormFromPrh(code: string, descriptionFi: string | undefined): string | undefined {
  const byText = descriptionFi ? BY_DESCRIPTION[descriptionFi.trim().toLowerCase()] : undefined;
  return byText ?? COMPANY_FORMS.find((f) => f.prhCodes.includes(code))?.code;
}

export function companyFormName(code: string, lang: Lang): string | undefined {
  return COMPANY_FORMS.find((f) => f.code === code)?.names[lang];
}

export const AGE_GROUP_LABEL: Localized = { fi: 'ikäryhmä', en: 'age group', sv: 'åldersgrupp' };
