/**
 * The user's settings: who the controller is, defaults for purpose and channel, retention,
 * the list service's details and each source's terms. Kept per user (the pane's local storage,
 * the CLI's --settings file), never in the workbook: what belongs to a list is copied into its
 * notes. Holds no secrets; API keys, if a source ever needs one, live outside these settings.
 */
import { z } from 'zod';

const optionalText = z.string().trim().optional();

export const settingsSchema = z
  .object({
    controller: z
      .object({
        organisation: optionalText,
        businessId: optionalText,
        address: optionalText,
        contactPerson: optionalText,
        email: optionalText,
        phone: optionalText,
        dataProtectionOfficer: optionalText,
      })
      .strict()
      .default({}),
    purpose: z.enum(['directMarketing', 'telemarketing', 'mailing']).default('telemarketing'),
    channel: z.enum(['phone', 'mail', 'email', 'visit']).default('phone'),
    retentionMonths: z.number().int().min(1).max(120).default(12),
    /** The list service that filtered the directory on the controller's instructions. */
    listService: z.object({ name: optionalText, businessId: optionalText, contact: optionalText }).strict().default({}),
    /** Terms of use per source id ("demo", "prh", "file:…"), carried into the notes. */
    sourceTerms: z.record(z.string()).default({}),
    /** Disclosures and transfers outside the EU/EEA; default none. */
    disclosures: optionalText,
    transfersOutsideEea: optionalText,
    /**
     * Base URL of PRH's open data API, or of a proxy in front of it: a browser may block direct
     * calls (CORS). Default https://avoindata.prh.fi/opendata-ytj-api/v3.
     */
    prhBaseUrl: z.string().trim().url().optional(),
    /** True for the demo's example settings: the notes mark them as examples. */
    example: z.boolean().optional(),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}
