import { criteriaToForm, emptyForm, formToCriteria, messagesByField } from '../../../src/taskpane/search/form';
import { criteriaErrors } from '../../../src/core/criteria/validate';
import { DESIGN_EXAMPLE_CRITERIA } from '../../fixtures/criteria';

describe('search form ↔ criteria', () => {
  test('a filled B2B form is the design’s criteria, years as whole years', () => {
    const form = { ...emptyForm('b2b'), postalCodes: ['33100', '33200-33500'], municipalities: ['Tampere'], industries: ['F', '43220'], companyForms: ['OY'], yearFrom: '2015', yearTo: '2024', roles: ['CEO' as const], requirePhone: true, limit: '5 000' };
    const json = formToCriteria(form);
    expect(json).toEqual(DESIGN_EXAMPLE_CRITERIA);
    const check = criteriaErrors(json);
    expect(check.ok).toBe(true);
    expect(criteriaToForm(check.criteria!)).toEqual({ ...form, limit: '5000' });
  });

  test('an empty form asks for everything of its kind', () => {
    expect(formToCriteria(emptyForm('b2c'))).toEqual({ kind: 'b2c' });
  });

  test('a mistyped year or limit is shown under its own input', () => {
    const check = criteriaErrors(formToCriteria({ ...emptyForm('b2b'), yearFrom: '20x5', limit: 'paljon', municipalities: ['Tampree'] }));
    const byField = messagesByField(check.issues, 'fi');
    expect(byField.years).toBe('päivämäärä muodossa vvvv-kk-pp, esim. 2015; nyt "20x5"');
    expect(byField.limit).toMatch(/enimmäismäärä/);
    expect(byField.area).toMatch(/tarkoititko "Tampere"/);
  });
});
