import { criteriaSchema } from '../../../src/core/criteria/criteria';
import { DESIGN_EXAMPLE_CRITERIA } from '../../fixtures/criteria';

describe('criteria file (design.md contract)', () => {
  it('accepts the example of design.md', () => {
    const c = criteriaSchema.parse(DESIGN_EXAMPLE_CRITERIA);
    expect(c.kind).toBe('b2b');
  });

  it('accepts consumer criteria with age groups', () => {
    expect(criteriaSchema.parse({ kind: 'b2c', area: { municipalities: ['Espoo'] }, ageGroups: ['35-44', '45-54'] }).kind).toBe('b2c');
  });

  it('rejects unknown keys and invalid values, naming the key', () => {
    const unknown = criteriaSchema.safeParse({ kind: 'b2b', industry: ['F'] });
    expect(unknown.success).toBe(false);
    expect(JSON.stringify(unknown.error?.issues)).toMatch(/industry/);
    const badPostal = criteriaSchema.safeParse({ kind: 'b2b', area: { postalCodes: ['3310'] } });
    expect(badPostal.success).toBe(true); // a prefix
    const badPostal2 = criteriaSchema.safeParse({ kind: 'b2b', area: { postalCodes: ['33 100'] } });
    expect(badPostal2.success).toBe(false);
    expect(badPostal2.error?.issues[0]?.path).toEqual(['area', 'postalCodes', 0]);
    const badAge = criteriaSchema.safeParse({ kind: 'b2c', ageGroups: ['30-40'] });
    expect(badAge.error?.issues[0]?.path).toEqual(['ageGroups', 0]);
    expect(criteriaSchema.safeParse({ kind: 'b2c', roles: ['CEO'] }).success).toBe(false);
  });
});
