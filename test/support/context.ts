/** A StepContext over an in-memory workbook with a pinned clock, for use-case tests. */
import type { StepContext } from '../../src/app/stepContext';
import type { Lang } from '../../src/core/i18n/lang';
import { settingsSchema, type Settings } from '../../src/core/settings/settings';
import type { WorkbookPort } from '../../src/core/workbook/port';

/** Settings of a realistic (fictional) controller. */
export function tampereSettings(overrides: Partial<Settings> = {}): Settings {
  return settingsSchema.parse({
    controller: {
      organisation: 'Pirkanmaan Lämpöremontti Oy',
      businessId: '2345678-0',
      address: 'Hämeenkatu 12 A, 33100 Tampere',
      contactPerson: 'Sanna Virtanen',
      email: 'tietosuoja@lampoemontti.example',
      phone: '+358 3 123 4567',
    },
    purpose: 'telemarketing',
    channel: 'phone',
    retentionMonths: 12,
    listService: { name: 'Esimerkki Listapalvelu Oy', businessId: '1975253-6' },
    sourceTerms: { demo: 'Vain puhelinmarkkinointiin, ei kotikäynteihin.' },
    ...overrides,
  });
}

export function testContext(workbook: WorkbookPort, opts: { lang?: Lang; settings?: Settings; now?: string } = {}): StepContext & { clock: { now: Date } } {
  const clock = { now: new Date(opts.now ?? '2026-11-20T10:15:00Z') };
  return {
    workbook,
    lang: opts.lang ?? 'fi',
    settings: opts.settings ?? tampereSettings(),
    now: () => clock.now,
    clock,
  };
}
