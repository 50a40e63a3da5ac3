/**
 * Search criteria (rajauskriteerit): the JSON contract of design.md, validated with zod.
 * Unknown keys and invalid values are rejected with a message that names the key.
 */
import { z } from 'zod';

const postalCode = z.string().regex(/^\d{5}$/, 'postal code must be five digits, e.g. "00100"');
/** "33100", "33200-33500" (a range), or "33*" / "33" (a prefix). */
const postalCodeSpec = z
  .string()
  .trim()
  .regex(/^(\d{5}-\d{5}|\d{1,5}\*?)$/, 'postal codes are five digits ("33100"), a range ("33200-33500") or a prefix ("33*")');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be yyyy-mm-dd');

export const areaSchema = z
  .object({
    postalCodes: z.array(postalCodeSpec).optional(),
    municipalities: z.array(z.string().trim().min(1)).optional(),
    /** Regions (maakunta) by Finnish or Swedish name, e.g. "Pirkanmaa". */
    regions: z.array(z.string().trim().min(1)).optional(),
  })
  .strict();

export const AGE_GROUPS = ['18-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+'] as const;
export const ROLES = ['CEO', 'CFO', 'CTO', 'SALES', 'MARKETING', 'HR', 'PURCHASING', 'OWNER', 'BOARD_CHAIR'] as const;
export const SIZE_CLASSES = ['0-4', '5-9', '10-19', '20-49', '50-99', '100-249', '250+'] as const;

const exclusionsSchema = z
  .object({
    businessIds: z.array(z.string()).optional(),
    postalCodes: z.array(postalCodeSpec).optional(),
    industries: z.array(z.string()).optional(),
    companyForms: z.array(z.string()).optional(),
  })
  .strict();

const common = {
  area: areaSchema.optional(),
  requirePhone: z.boolean().optional(),
  limit: z.number().int().positive().max(1_048_575).optional(),
  name: z.string().optional(),
};

export const b2bCriteriaSchema = z
  .object({
    kind: z.literal('b2b'),
    ...common,
    /** TOL 2008 section letters ("F"), TOL 2008 or TOL 2025 codes or prefixes ("43", "43220", "62100"). */
    industries: z
      .array(
        z
          .string()
          .trim()
          .regex(/^([A-Ua-u]|\d{2,5})$/, 'industry is a TOL section letter (F) or a code (43, 43220)'),
      )
      .optional(),
    companyForms: z.array(z.string().trim().min(1)).optional(),
    registeredFrom: isoDate.optional(),
    registeredTo: isoDate.optional(),
    sizeClasses: z.array(z.enum(SIZE_CLASSES)).optional(),
    roles: z.array(z.enum(ROLES)).optional(),
    requireEmail: z.boolean().optional(),
    exclude: exclusionsSchema.optional(),
  })
  .strict();

export const b2cCriteriaSchema = z
  .object({
    kind: z.literal('b2c'),
    ...common,
    ageGroups: z.array(z.enum(AGE_GROUPS)).optional(),
    exclude: exclusionsSchema.pick({ postalCodes: true }).optional(),
  })
  .strict();

export const criteriaSchema = z.discriminatedUnion('kind', [b2bCriteriaSchema, b2cCriteriaSchema]);

export type Criteria = z.infer<typeof criteriaSchema>;
export type B2BCriteria = z.infer<typeof b2bCriteriaSchema>;
export type B2CCriteria = z.infer<typeof b2cCriteriaSchema>;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export type Role = (typeof ROLES)[number];

export { postalCode as postalCodeSchema };
