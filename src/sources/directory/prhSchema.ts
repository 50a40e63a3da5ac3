/**
 * PRH YTJ open data API v3: the response shapes, validated at the boundary. Written from real
 * responses (/companies search and business id lookup); fields Rajaus does not use are let
 * through untouched so that PRH adding a field never breaks a search.
 */
import { z } from 'zod';

/** Language codes in PRH's descriptions: 1 Finnish, 2 Swedish, 3 English. */
export const PRH_LANG = { fi: '1', sv: '2', en: '3' } as const;

const description = z.object({ languageCode: z.string(), description: z.string() }).passthrough();

export const prhNameSchema = z
  .object({
    name: z.string(),
    /** 1 name, 2 parallel name, 3 auxiliary name. */
    type: z.coerce.string(),
    registrationDate: z.string().optional(),
    endDate: z.string().nullish(),
  })
  .passthrough();

export const prhAddressSchema = z
  .object({
    /** 1 visiting address, 2 postal address. */
    type: z.coerce.number(),
    street: z.string().nullish(),
    postCode: z.string().nullish(),
    postOffices: z
      .array(z.object({ city: z.string(), languageCode: z.string(), municipalityCode: z.string().nullish() }).passthrough())
      .nullish(),
    postOfficeBox: z.string().nullish(),
    buildingNumber: z.string().nullish(),
    entrance: z.string().nullish(),
    apartmentNumber: z.string().nullish(),
    apartmentIdSuffix: z.string().nullish(),
    co: z.string().nullish(),
    registrationDate: z.string().nullish(),
  })
  .passthrough();

const coded = z
  .object({
    type: z.coerce.string(),
    descriptions: z.array(description).default([]),
    registrationDate: z.string().nullish(),
    endDate: z.string().nullish(),
  })
  .passthrough();

export const prhCompanySchema = z
  .object({
    businessId: z.object({ value: z.string(), registrationDate: z.string().nullish() }).passthrough(),
    names: z.array(prhNameSchema).default([]),
    mainBusinessLine: coded.extend({ typeCodeSet: z.string().nullish() }).nullish(),
    website: z.object({ url: z.string().nullish() }).passthrough().nullish(),
    companyForms: z.array(coded).default([]),
    companySituations: z.array(coded).default([]),
    addresses: z.array(prhAddressSchema).default([]),
    tradeRegisterStatus: z.string().nullish(),
    /** 2 registered, 3 ended. */
    status: z.coerce.string().nullish(),
    registrationDate: z.string().nullish(),
    endDate: z.string().nullish(),
    lastModified: z.string().nullish(),
  })
  .passthrough();

export const prhSearchResponseSchema = z
  .object({
    totalResults: z.number().int().nonnegative(),
    companies: z.array(prhCompanySchema),
  })
  .passthrough();

/** PRH's error body on 400, 429, 500 and 503. */
export const prhErrorSchema = z
  .object({ timestamp: z.string().optional(), message: z.string().optional(), errorcode: z.union([z.string(), z.number()]).optional() })
  .passthrough();

export type PrhCompany = z.infer<typeof prhCompanySchema>;
export type PrhAddress = z.infer<typeof prhAddressSchema>;
export type PrhSearchResponse = z.infer<typeof prhSearchResponseSchema>;
