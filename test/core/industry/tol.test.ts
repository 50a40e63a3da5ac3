import { industryName, matchesIndustry, sectionOf, tol2008To2025, tol2025To2008, tolTree, TOL2008_CODES, toTolCodeSet } from '../../../src/core/industry/tol';
import { LANGS } from '../../../src/core/i18n/lang';

describe('TOL sections', () => {
  it('places TOL 2008 codes in their sections', () => {
    expect(sectionOf('43220')).toBe('F');
    expect(sectionOf('47111')).toBe('G');
    expect(sectionOf('62010', 'TOL2008')).toBe('J');
    expect(sectionOf('64200')).toBe('K');
    expect(sectionOf('68201')).toBe('L');
    expect(sectionOf('96021')).toBe('S');
    expect(sectionOf('44')).toBeUndefined();
  });

  it('knows that TOL 2025 split J and shifted the letters after it', () => {
    expect(sectionOf('58110', 'TOL2025')).toBe('J');
    expect(sectionOf('62100', 'TOL2025')).toBe('K');
    expect(sectionOf('64190', 'TOL2025')).toBe('L');
    expect(sectionOf('68201', 'TOL2025')).toBe('M');
    expect(sectionOf('95310', 'TOL2025')).toBe('T');
    expect(sectionOf('99000', 'TOL2025')).toBe('V');
    expect(sectionOf('45200', 'TOL2025')).toBeUndefined();
  });
});

describe('industryName', () => {
  it('names codes, divisions and sections in Finnish, English and Swedish', () => {
    expect(industryName('43220', 'fi')).toMatch(/LVI/);
    expect(industryName('43220', 'en')).toBe('Plumbing, heat and air-conditioning installation');
    expect(industryName('43220', 'sv')).toBe('VVS-arbeten');
    expect(industryName('F', 'fi')).toBe('Rakentaminen');
    expect(industryName('F', 'sv')).toBe('Byggverksamhet');
    expect(industryName('43', 'en')).toBe('Specialised construction activities');
    expect(industryName('56101', 'fi')).toBe('Ravintolat');
  });

  it('names section letters in the edition asked for', () => {
    expect(industryName('K', 'en')).toBe('Financial and insurance activities');
    expect(industryName('K', 'en', 'TOL2025')).toMatch(/^Telecommunication/);
  });

  it('names TOL 2025 codes, merged ones by their new name', () => {
    expect(industryName('62100', 'fi', 'TOL2025')).toBe('Ohjelmointi');
    expect(industryName('62200', 'en')).toMatch(/consultancy and computer facilities/);
    expect(industryName('69201', 'fi', 'TOL2025')).toBe('Kirjanpito ja tilinpäätöksen laadinta');
  });

  it('gives undefined for a code it does not know', () => {
    expect(industryName('12345', 'fi')).toBeUndefined();
  });

  it('has a name in every language for every known code in both editions', () => {
    for (const code of TOL2008_CODES) {
      for (const lang of LANGS) {
        expect(industryName(code, lang, 'TOL2008')).toBeTruthy();
        expect(industryName(tol2008To2025(code)!, lang, 'TOL2025')).toBeTruthy();
      }
    }
  });
});

describe('TOL 2008 ↔ TOL 2025 mapping', () => {
  it('maps the known codes both ways', () => {
    expect(TOL2008_CODES.length).toBeGreaterThanOrEqual(100);
    expect(tol2008To2025('62010')).toBe('62100');
    expect(tol2008To2025('56101')).toBe('56110');
    expect(tol2008To2025('45200')).toBe('95310');
    expect(tol2008To2025('69201')).toBe('69201');
    expect([...tol2025To2008('62200')].sort()).toEqual(['62020', '62030']);
    expect([...tol2025To2008('47110')].sort()).toEqual(['47111', '47112', '47113', '47114']);
  });

  it('keeps every mapped code inside the TOL 2008 section of its origin, as a section criterion reads it', () => {
    for (const code of TOL2008_CODES) {
      const section = sectionOf(code, 'TOL2008')!;
      expect(matchesIndustry(tol2008To2025(code)!, 'TOL2025', section)).toBe(true);
    }
  });
});

describe('matchesIndustry', () => {
  it('matches section letters as TOL 2008 sections', () => {
    expect(matchesIndustry('43220', 'TOL2008', 'F')).toBe(true);
    expect(matchesIndustry('43220', 'TOL2008', 'f')).toBe(true);
    expect(matchesIndustry('43220', 'TOL2008', 'G')).toBe(false);
    expect(matchesIndustry('62100', 'TOL2025', 'J')).toBe(true);
    // K is finance in TOL 2008, even though a TOL 2025 62100 sits under TOL 2025's K.
    expect(matchesIndustry('62100', 'TOL2025', 'K')).toBe(false);
    expect(matchesIndustry('64190', 'TOL2025', 'K')).toBe(true);
    expect(matchesIndustry('95310', 'TOL2025', 'G')).toBe(true);
  });

  it('matches codes and prefixes in either edition', () => {
    expect(matchesIndustry('43220', 'TOL2008', '43')).toBe(true);
    expect(matchesIndustry('43220', 'TOL2008', '4322')).toBe(true);
    expect(matchesIndustry('43220', 'TOL2008', '41')).toBe(false);
    expect(matchesIndustry('62100', 'TOL2025', '62010')).toBe(true);
    expect(matchesIndustry('62010', 'TOL2008', '62100')).toBe(true);
    expect(matchesIndustry('62010', 'TOL2008', '62200')).toBe(false);
    expect(matchesIndustry('56110', 'TOL2025', '56101')).toBe(true);
    expect(matchesIndustry('56110', 'TOL2025', '56301')).toBe(false);
    expect(matchesIndustry('95310', 'TOL2025', '45')).toBe(true);
  });

  it("reads PRH's code-set labels and guesses the edition when none is given", () => {
    expect(toTolCodeSet('TOIMI4')).toBe('TOL2025');
    expect(toTolCodeSet('TOIMI3')).toBe('TOL2008');
    expect(matchesIndustry('62100', 'TOIMI4', '62010')).toBe(true);
    expect(matchesIndustry('62100', undefined, 'J')).toBe(true);
    expect(matchesIndustry('', 'TOL2008', 'F')).toBe(false);
  });
});

describe('tolTree', () => {
  it('gives sections → divisions → codes for the picker', () => {
    const tree = tolTree('fi');
    expect(tree.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    const f = tree.find((s) => s.code === 'F')!;
    expect(f.name).toBe('Rakentaminen');
    expect(f.children.map((d) => d.code)).toEqual(['41', '42', '43']);
    const lvi = f.children[2]!.children.find((c) => c.code === '43220')!;
    expect(lvi.name).toMatch(/LVI/);
    expect(lvi.level).toBe('code');
  });

  it('shows the TOL 2025 structure on request', () => {
    const tree = tolTree('en', 'TOL2025');
    expect(tree).toHaveLength(22);
    expect(tree.find((s) => s.code === 'K')!.children.map((d) => d.code)).toEqual(['61', '62', '63']);
    expect(tree.find((s) => s.code === 'G')!.children.map((d) => d.code)).not.toContain('45');
  });
});
