/**
 * Settings as a file (the CLI's --settings FILE) and the demo's example settings. Pure: the CLI
 * reads the file (src/cli/io/settings.ts) and hands the text here, so the pane and tests can use
 * the same validation. Errors name the file and the setting so a person can fix them.
 */
import { ZodError } from 'zod';
import { UserError } from '../core/errors';
import { defineMessages, type Lang } from '../core/i18n/lang';
import { settingsSchema, type Settings } from '../core/settings/settings';

const t = defineMessages({
  fi: {
    notJson: 'asetustiedosto ei ole kelvollista JSONia ({detail})',
    invalid: 'asetus {path}: {detail}',
  },
  en: {
    notJson: 'the settings file is not valid JSON ({detail})',
    invalid: 'setting {path}: {detail}',
  },
  sv: {
    notJson: 'inställningsfilen är inte giltig JSON ({detail})',
    invalid: 'inställning {path}: {detail}',
  },
});

/** Parses and validates settings JSON; unknown keys are rejected (a typo must not pass silently). */
export function parseSettingsJson(text: string, file: string, lang: Lang = 'fi'): Settings {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UserError(t(lang, 'notJson', { detail: (e as Error).message }), { file });
  }
  try {
    return settingsSchema.parse(data);
  } catch (e) {
    if (e instanceof ZodError) {
      const issue = e.issues[0]!;
      const path = issue.path.join('.') || '(root)';
      const detail = issue.code === 'unrecognized_keys' ? `${issue.message}` : issue.message;
      throw new UserError(t(lang, 'invalid', { path, detail }), { file });
    }
    throw e;
  }
}

/**
 * The example settings' texts in each language: a fictional organisation of the run's language
 * (a Finnish firm often has a Swedish and an English name too), so that the notes of a Swedish
 * demo are Swedish throughout. The business id, postal code and phone are the same in all.
 */
const example = defineMessages({
  fi: {
    organisation: 'Esimerkki Markkinointi Oy (esimerkki)',
    address: 'Esimerkkikatu 1, 00100 Helsinki',
    contactPerson: 'Maija Esimerkki',
    email: 'tietosuoja@esimerkki.example',
    listService: 'Rajaus-demo (esimerkki)',
    listServiceContact: 'ei todellinen palvelu',
    demoTerms: 'Keksitty demoaineisto: vain kokeiluun, ei oikeaan markkinointiin.',
    prhTerms: 'CC BY 4.0: mainitse lähde "Patentti- ja rekisterihallitus (PRH), YTJ avoin data".',
  },
  en: {
    organisation: 'Example Marketing Ltd (example)',
    address: 'Example Street 1, 00100 Helsinki',
    contactPerson: 'Mary Example',
    email: 'privacy@example-marketing.example',
    listService: 'Rajaus demo service (example)',
    listServiceContact: 'not a real service',
    demoTerms: 'Fictional demo data: for trying out only, not for real marketing.',
    prhTerms: 'CC BY 4.0: credit the source as "Finnish Patent and Registration Office (PRH), YTJ open data".',
  },
  sv: {
    organisation: 'Exempel Marknadsföring Ab (exempel)',
    address: 'Exempelgatan 1, 00100 Helsingfors',
    contactPerson: 'Maja Exempel',
    email: 'dataskydd@exempel-marknadsforing.example',
    listService: 'Rajaus demotjänst (exempel)',
    listServiceContact: 'ingen verklig tjänst',
    demoTerms: 'Påhittade demodata: endast för att prova, inte för verklig marknadsföring.',
    prhTerms: 'CC BY 4.0: ange källan "Patent- och registerstyrelsen (PRS), FODS öppna data".',
  },
});

/**
 * Settings the demo uses: a fictional controller, marked as an example so that the notes say
 * so and nobody mistakes them for a real organisation's details; in the run's language.
 */
export function exampleSettings(lang: Lang = 'fi'): Settings {
  const x = (key: Parameters<typeof example>[1]) => example(lang, key);
  return settingsSchema.parse({
    controller: {
      organisation: x('organisation'),
      businessId: '1234567-1',
      address: x('address'),
      contactPerson: x('contactPerson'),
      email: x('email'),
      phone: '+358 9 1234 5678',
    },
    purpose: 'telemarketing',
    channel: 'phone',
    retentionMonths: 12,
    listService: { name: x('listService'), contact: x('listServiceContact') },
    sourceTerms: { demo: x('demoTerms'), prh: x('prhTerms') },
    example: true,
  });
}
