/**
 * The catalogue keys matching reads; every other column travels along untouched. Its own tiny
 * module so the pane can list them without loading the normalizers (libphonenumber-js).
 */
export const MATCH_KEYS = [
  'businessId',
  'phone',
  'email',
  'companyName',
  'firstName',
  'lastName',
  'fullName',
  'streetAddress',
  'addressLine2',
  'postalCode',
  'postOffice',
  'municipality',
] as const;
export type MatchKey = (typeof MATCH_KEYS)[number];
