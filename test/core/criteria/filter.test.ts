import { compileCriteria, matchesCriteria } from '../../../src/core/criteria/filter';
import type { Criteria } from '../../../src/core/criteria/criteria';

/** Rows as a directory gives them (catalogue keys). */
const rakennusVirtanen = {
  companyName: 'Rakennus Virtanen Oy',
  businessId: '2345678-0',
  companyForm: 'OY',
  industryCode: '41200',
  industryCodeSet: 'TOIMI3',
  registrationDate: '2016-04-12',
  sizeClass: '5-9',
  fullName: 'Matti Virtanen',
  role: 'Toimitusjohtaja',
  streetAddress: 'Hämeenkatu 12 A 3',
  postalCode: '33100',
  postOffice: 'Tampere',
  municipality: 'Tampere',
  phone: '+358401234567',
  email: 'matti.virtanen@rakennusvirtanen.fi',
};
const koodiPaja = {
  companyName: 'Koodipaja Oy',
  businessId: '3456782-2',
  companyForm: 'Osakeyhtiö',
  industryCode: '62100',
  industryCodeSet: 'TOIMI4',
  registrationDate: '2021-09-01',
  role: 'verkställande direktör',
  postalCode: '00180',
  municipality: 'Helsinki',
  phone: null,
  email: null,
};
const putkiKy = { ...rakennusVirtanen, companyName: 'Putki ja Lämpö Nieminen Ky', businessId: '1234567-1', companyForm: 'Ky', industryCode: '43220', registrationDate: '2009-02-03', postalCode: '33540', phone: '' };

const b2b = (c: Omit<Extract<Criteria, { kind: 'b2b' }>, 'kind'>): Criteria => ({ kind: 'b2b', ...c });

describe('matchesCriteria', () => {
  test('no criteria match everything', () => {
    expect([rakennusVirtanen, koodiPaja, putkiKy].every((r) => matchesCriteria(r, { kind: 'b2b' }))).toBe(true);
  });

  test('area: postal codes, ranges and municipalities', () => {
    const c = b2b({ area: { postalCodes: ['33100', '33200-33500'] } });
    expect(matchesCriteria(rakennusVirtanen, c)).toBe(true);
    expect(matchesCriteria(putkiKy, c)).toBe(false);
    expect(matchesCriteria(koodiPaja, b2b({ area: { municipalities: ['Helsingfors'] } }))).toBe(true);
    expect(matchesCriteria(putkiKy, b2b({ area: { regions: ['Pirkanmaa'] } }))).toBe(true);
  });

  test('industry: TOL 2008 letter matches both editions; a code matches its twin', () => {
    expect(matchesCriteria(rakennusVirtanen, b2b({ industries: ['F'] }))).toBe(true);
    expect(matchesCriteria(koodiPaja, b2b({ industries: ['F'] }))).toBe(false);
    expect(matchesCriteria(koodiPaja, b2b({ industries: ['J'] }))).toBe(true);
    expect(matchesCriteria(koodiPaja, b2b({ industries: ['62010'] }))).toBe(true);
    expect(matchesCriteria(putkiKy, b2b({ industries: ['4322'] }))).toBe(true);
    expect(matchesCriteria(rakennusVirtanen, b2b({ industries: ['43'] }))).toBe(false);
  });

  test('company form by short form or name as the directory writes it', () => {
    const oy = b2b({ companyForms: ['OY'] });
    expect(matchesCriteria(rakennusVirtanen, oy)).toBe(true);
    expect(matchesCriteria(koodiPaja, oy)).toBe(true);
    expect(matchesCriteria(putkiKy, oy)).toBe(false);
    expect(matchesCriteria(putkiKy, b2b({ companyForms: ['KY', 'AY'] }))).toBe(true);
  });

  test('registration range is inclusive; an unknown date does not pass', () => {
    const c = b2b({ registeredFrom: '2015-01-01', registeredTo: '2021-09-01' });
    expect(matchesCriteria(rakennusVirtanen, c)).toBe(true);
    expect(matchesCriteria(koodiPaja, c)).toBe(true);
    expect(matchesCriteria(putkiKy, c)).toBe(false);
    expect(matchesCriteria({ ...rakennusVirtanen, registrationDate: null }, c)).toBe(false);
    // A date read back from a sheet is an Excel serial.
    expect(matchesCriteria({ ...rakennusVirtanen, registrationDate: 42472 }, c)).toBe(true);
  });

  test('roles by title in any language; phone and email required', () => {
    expect(matchesCriteria(rakennusVirtanen, b2b({ roles: ['CEO'] }))).toBe(true);
    expect(matchesCriteria(koodiPaja, b2b({ roles: ['CEO'] }))).toBe(true);
    expect(matchesCriteria(koodiPaja, b2b({ roles: ['CFO', 'SALES'] }))).toBe(false);
    expect(matchesCriteria(rakennusVirtanen, b2b({ requirePhone: true, requireEmail: true }))).toBe(true);
    expect(matchesCriteria(koodiPaja, b2b({ requirePhone: true }))).toBe(false);
    expect(matchesCriteria(putkiKy, b2b({ requirePhone: true }))).toBe(false);
  });

  test('exclusions take rows out', () => {
    const c = b2b({ exclude: { businessIds: ['FI23456780'], postalCodes: ['00*'] } });
    expect(matchesCriteria(rakennusVirtanen, c)).toBe(false);
    expect(matchesCriteria(koodiPaja, c)).toBe(false);
    expect(matchesCriteria(putkiKy, c)).toBe(true);
    expect(matchesCriteria(putkiKy, b2b({ exclude: { industries: ['43'], companyForms: ['KY'] } }))).toBe(false);
  });

  test('consumers by age group', () => {
    const person = { firstName: 'Aino', lastName: 'Korhonen', ageGroup: '35-44', postalCode: '90100', phone: '+358501112233' };
    const c: Criteria = { kind: 'b2c', area: { municipalities: ['Oulu'] }, ageGroups: ['35-44', '45-54'], requirePhone: true };
    expect(matchesCriteria(person, c)).toBe(true);
    expect(matchesCriteria({ ...person, ageGroup: '65-74' }, c)).toBe(false);
  });

  test('a compiled form gives the same answers', () => {
    const c = b2b({ industries: ['F'], area: { regions: ['Pirkanmaa'] }, companyForms: ['OY'] });
    const compiled = compileCriteria(c);
    for (const r of [rakennusVirtanen, koodiPaja, putkiKy]) expect(compiled.test(r)).toBe(matchesCriteria(r, c));
    expect(compiled.test(rakennusVirtanen)).toBe(true);
  });
});
