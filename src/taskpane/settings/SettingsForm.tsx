/**
 * The user's settings: the controller, defaults for purpose and channel, retention, the list
 * service and each source's terms. Saved per user through PaneServices.saveSettings (local
 * storage), never in the workbook; validated with the settings schema before saving.
 */
import { useState } from 'react';
import { Button, Caption1, Field, Input, makeStyles, Select, Subtitle2, Textarea, tokens } from '@fluentui/react-components';
import { settingsSchema, type Settings } from '../../core/settings/settings';
import { usePane } from '../paneContext';
import { normalizeBusinessId } from '../../core/normalize/businessId';
import { t } from './messages';
import { termsToText, textToTerms } from './sourceTerms';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  group: { marginTop: tokens.spacingVerticalS },
});

type ControllerKey = keyof Settings['controller'];
const CONTROLLER_FIELDS: [ControllerKey, 'organisation' | 'businessId' | 'address' | 'contactPerson' | 'email' | 'phone' | 'dpo'][] = [
  ['organisation', 'organisation'],
  ['businessId', 'businessId'],
  ['address', 'address'],
  ['contactPerson', 'contactPerson'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['dataProtectionOfficer', 'dpo'],
];

/** Empty inputs mean "not given", so the notes say the value is missing. */
function blankToUndefined<T extends Record<string, string | undefined>>(o: T): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v && v.trim() ? v.trim() : undefined])) as T;
}

export function SettingsForm(): JSX.Element {
  const styles = useStyles();
  const pane = usePane();
  const lang = pane.lang;
  const [draft, setDraft] = useState<Settings>(pane.settings);
  const [termsText, setTermsText] = useState(() => termsToText(pane.settings.sourceTerms));
  // A business id that fails its check digit is refused at its field: the privacy notes print it.
  const [idErrors, setIdErrors] = useState<{ controller?: string; service?: string }>({});

  const setController = (k: ControllerKey, value: string) => setDraft((d) => ({ ...d, controller: { ...d.controller, [k]: value } }));
  const setService = (k: keyof Settings['listService'], value: string) =>
    setDraft((d) => ({ ...d, listService: { ...d.listService, [k]: value } }));

  const onSave = () => {
    const ids = { controller: draft.controller.businessId?.trim() ?? '', service: draft.listService.businessId?.trim() ?? '' };
    const normal = { controller: normalizeBusinessId(ids.controller), service: normalizeBusinessId(ids.service) };
    const errors = {
      controller: ids.controller && !normal.controller ? t(lang, 'badBusinessId', { value: ids.controller }) : undefined,
      service: ids.service && !normal.service ? t(lang, 'badBusinessId', { value: ids.service }) : undefined,
    };
    setIdErrors(errors);
    const firstError = errors.controller ?? errors.service;
    if (firstError) {
      pane.notify('error', t(lang, 'notSaved', { message: firstError }));
      return;
    }
    const terms = textToTerms(termsText);
    if (terms.badLine !== undefined) {
      pane.notify('error', t(lang, 'invalid', { path: t(lang, 'sourceTerms'), message: t(lang, 'badTermsLine', { line: terms.badLine }) }));
      return;
    }
    const parsed = settingsSchema.safeParse({
      ...draft,
      // Stored in the one form the notes print: "1234567-8".
      controller: blankToUndefined({ ...draft.controller, businessId: normal.controller ?? '' }),
      listService: blankToUndefined({ ...draft.listService, businessId: normal.service ?? '' }),
      disclosures: draft.disclosures?.trim() || undefined,
      transfersOutsideEea: draft.transfersOutsideEea?.trim() || undefined,
      sourceTerms: terms.terms,
      // Saved by the user: no longer the demo's example settings.
      example: undefined,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      pane.notify('error', t(lang, 'invalid', { path: issue.path.join('.'), message: issue.message }));
      return;
    }
    pane.saveSettings(parsed.data);
    setDraft(parsed.data);
    pane.notify('success', t(lang, 'saved'));
  };

  return (
    <form
      className={styles.form}
      data-testid="settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <Caption1>{t(lang, 'help')}</Caption1>
      {pane.settings.example && <Caption1>{t(lang, 'exampleMark')}</Caption1>}
      <Subtitle2 className={styles.group}>{t(lang, 'controller')}</Subtitle2>
      {CONTROLLER_FIELDS.map(([key, label]) => (
        <Field
          key={key}
          label={t(lang, label)}
          validationMessage={key === 'businessId' ? idErrors.controller : undefined}
          validationState={key === 'businessId' && idErrors.controller ? 'error' : 'none'}
        >
          <Input value={draft.controller[key] ?? ''} onChange={(_, d) => setController(key, d.value)} data-testid={`settings-${key}`} />
        </Field>
      ))}
      <Subtitle2 className={styles.group}>{t(lang, 'defaults')}</Subtitle2>
      <Field label={t(lang, 'purpose')}>
        <Select value={draft.purpose} onChange={(_, d) => setDraft((x) => ({ ...x, purpose: d.value as Settings['purpose'] }))}>
          {(['telemarketing', 'directMarketing', 'mailing'] as const).map((p) => (
            <option key={p} value={p}>
              {t(lang, p)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t(lang, 'channel')}>
        <Select value={draft.channel} onChange={(_, d) => setDraft((x) => ({ ...x, channel: d.value as Settings['channel'] }))}>
          {(['phone', 'mail', 'email', 'visit'] as const).map((c) => (
            <option key={c} value={c}>
              {t(lang, `ch_${c}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t(lang, 'retention')}>
        <Input
          type="number"
          min={1}
          max={120}
          value={String(draft.retentionMonths)}
          onChange={(_, d) => setDraft((x) => ({ ...x, retentionMonths: Number(d.value) }))}
        />
      </Field>
      <Subtitle2 className={styles.group}>{t(lang, 'listService')}</Subtitle2>
      <Field label={t(lang, 'serviceName')}>
        <Input value={draft.listService.name ?? ''} onChange={(_, d) => setService('name', d.value)} />
      </Field>
      <Field
        label={t(lang, 'serviceBusinessId')}
        validationMessage={idErrors.service}
        validationState={idErrors.service ? 'error' : 'none'}
      >
        <Input value={draft.listService.businessId ?? ''} onChange={(_, d) => setService('businessId', d.value)} />
      </Field>
      <Field label={t(lang, 'serviceContact')}>
        <Input value={draft.listService.contact ?? ''} onChange={(_, d) => setService('contact', d.value)} />
      </Field>
      <Field label={t(lang, 'sourceTerms')} hint={t(lang, 'sourceTermsHelp')}>
        <Textarea value={termsText} onChange={(_, d) => setTermsText(d.value)} resize="vertical" />
      </Field>
      <Field label={t(lang, 'disclosures')}>
        <Input value={draft.disclosures ?? ''} onChange={(_, d) => setDraft((x) => ({ ...x, disclosures: d.value }))} />
      </Field>
      <Field label={t(lang, 'transfers')}>
        <Input value={draft.transfersOutsideEea ?? ''} onChange={(_, d) => setDraft((x) => ({ ...x, transfersOutsideEea: d.value }))} />
      </Field>
      <Button appearance="primary" type="submit" data-testid="settings-save">
        {t(lang, 'save')}
      </Button>
    </form>
  );
}
