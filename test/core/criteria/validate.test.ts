import { criteriaErrorLine, criteriaErrors, issuesByField, parseCriteria } from '../../../src/core/criteria/validate';
import { CriteriaError } from '../../../src/core/criteria/area';
import { DESIGN_EXAMPLE_CRITERIA } from '../../fixtures/criteria';

const tampereBuilders = DESIGN_EXAMPLE_CRITERIA;

describe('criteria validation', () => {
  test('the design’s example criteria are valid as written', () => {
    const r = criteriaErrors(tampereBuilders);
    expect(r.ok).toBe(true);
    expect(r.criteria).toEqual(tampereBuilders);
  });

  test('spellings are made canonical: company forms by name, section letters upper case', () => {
    const c = parseCriteria({ kind: 'b2b', companyForms: ['oy', 'Kommandiittiyhtiö'], industries: ['f'] }, 'fi');
    expect(c).toEqual({ kind: 'b2b', companyForms: ['OY', 'KY'], industries: ['F'] });
  });

  test('an unknown key is named, in the language asked', () => {
    const r = criteriaErrors({ ...tampereBuilders, colour: 'red', area: { postalCodes: ['33100'], city: 'Tampere' } });
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => i.key).sort()).toEqual(['area.city', 'colour']);
    expect(criteriaErrorLine(r.issues, 'en')).toMatch(/colour: unknown key "colour"/);
    expect(r.issues.find((i) => i.key === 'colour')!.message.fi).toBe('tuntematon avain "colour"');
    expect(r.issues.find((i) => i.key === 'colour')!.message.sv).toBe('okänd nyckel "colour"');
  });

  test('bad values name their key and say what is expected', () => {
    const r = criteriaErrors({
      kind: 'b2b',
      area: { postalCodes: ['33100', '331OO'] },
      industries: ['Rakentaminen'],
      registeredFrom: '1.1.2015',
      roles: ['Boss'],
      limit: 0,
      requirePhone: 'yes',
    });
    const byKey = Object.fromEntries(r.issues.map((i) => [i.key, i.message.en]));
    expect(byKey['area.postalCodes[1]']).toMatch(/five digits.*got "331OO"/);
    expect(byKey['industries[0]']).toMatch(/TOL section letter.*got "Rakentaminen"/);
    expect(byKey.registeredFrom).toMatch(/yyyy-mm-dd.*got "1.1.2015"/);
    expect(byKey['roles[0]']).toMatch(/allowed values: CEO, CFO/);
    expect(byKey.limit).toMatch(/whole number/);
    expect(byKey.requirePhone).toBe('must be true or false');
  });

  test('a missing or wrong kind says what kinds there are', () => {
    expect(criteriaErrors({ area: { postalCodes: ['00100'] } }).issues[0]).toMatchObject({ key: 'kind' });
    expect(criteriaErrors({ kind: 'b2x' }).issues[0]!.message.fi).toContain('"b2b" (yritykset) tai "b2c" (kuluttajat)');
  });

  test('consumer criteria take age groups but not company criteria', () => {
    expect(criteriaErrors({ kind: 'b2c', area: { municipalities: ['Oulu'] }, ageGroups: ['35-44', '45-54'], requirePhone: true }).ok).toBe(true);
    const r = criteriaErrors({ kind: 'b2c', companyForms: ['OY'], ageGroups: ['40-50'] });
    expect(r.issues.map((i) => i.key).sort()).toEqual(['ageGroups[0]', 'companyForms']);
  });

  test('checks that need the data: unknown places, company forms, impossible or reversed dates', () => {
    const r = criteriaErrors({
      kind: 'b2b',
      area: { municipalities: ['Tampree'], regions: ['Pirkanmaa'] },
      companyForms: ['OY', 'GmbH'],
      registeredFrom: '2024-02-30',
      exclude: { postalCodes: ['33999'] },
    });
    const keys = r.issues.map((i) => i.key);
    expect(keys).toEqual(expect.arrayContaining(['area.municipalities[0]', 'companyForms[1]', 'registeredFrom', 'exclude.postalCodes[0]']));
    expect(criteriaErrors({ kind: 'b2b', registeredFrom: '2024-01-01', registeredTo: '2015-12-31' }).issues[0]).toMatchObject({ key: 'registeredTo' });
  });

  test('parseCriteria throws one UserError line naming every bad key', () => {
    expect(() => parseCriteria({ kind: 'b2b', colour: 1 }, 'en')).toThrow(CriteriaError);
    expect(() => parseCriteria({ kind: 'b2b', colour: 1 }, 'en')).toThrow('colour: unknown key "colour"');
  });

  test('the pane gets messages grouped by field', () => {
    const r = criteriaErrors({ kind: 'b2b', area: { postalCodes: ['3399*', '33999'] } });
    expect(issuesByField(r.issues, 'fi')['area.postalCodes']).toEqual(['"3399*" ei vastaa yhtään postinumeroa', 'postinumeroa 33999 ei ole Postin postinumerotiedostossa']);
  });
});
