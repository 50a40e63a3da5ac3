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
 * Settings the demo uses: a fictional controller, marked as an example so that the notes say
 * so and nobody mistakes them for a real organisation's details.
 */
export function exampleSettings(): Settings {
  return settingsSchema.parse({
    controller: {
      organisation: 'Esimerkki Markkinointi Oy (esimerkki)',
      businessId: '1234567-1',
      address: 'Esimerkkikatu 1, 00100 Helsinki',
      contactPerson: 'Maija Esimerkki',
      email: 'tietosuoja@esimerkki.example',
      phone: '+358 9 1234 5678',
    },
    purpose: 'telemarketing',
    channel: 'phone',
    retentionMonths: 12,
    listService: { name: 'Rajaus-demo (esimerkki)', contact: 'ei todellinen palvelu' },
    sourceTerms: {
      demo: 'Keksitty demoaineisto: vain kokeiluun, ei oikeaan markkinointiin.',
      prh: 'CC BY 4.0: mainitse lähde "Patentti- ja rekisterihallitus (PRH), YTJ avoin data".',
    },
    example: true,
  });
}
