/**
 * The demo: every step on the embedded, fictional demo data, as a user would run them. The
 * workbook starts with the user's own customer registers (typed as people type them), then two
 * lists are built:
 *  - a B2B list (construction and property-maintenance companies in Pirkanmaa and Uusimaa)
 *    with the company customers matched out and a LeadDesk export;
 *  - a B2C list (consumers aged 35–64 in Espoo, Helsinki and Vantaa) with the consumer customers
 *    matched out, building data joined (small houses only), a do-not-call check and mailing
 *    labels.
 * Used by `rajaus demo`. The demo modules are imported lazily, so that a use case importing
 * this file does not pay for generating the directory until it runs.
 */
import type { Criteria } from '../core/criteria/criteria';
import { mapHeaders } from '../core/columns/headerMapping';
import { defineMessages } from '../core/i18n/lang';
import type { SheetPlan } from '../core/workbook/sheetPlan';
import { tablePlan } from '../core/workbook/sheetPlan';
import { makeTableName } from '../core/workbook/sheetNames';
import type { BuildingSource } from '../sources/buildings/source';
import { runPipeline, type PipelineReport } from './pipeline';
import type { StepContext } from './stepContext';

const t = defineMessages({
  fi: {
    companies: 'Asiakasrekisteri',
    consumers: 'Kuluttaja-asiakkaat',
    dnc: 'Demo-kieltolista (keksitty)',
    buildings: 'Rajaus demo-rakennukset (keksitty data)',
    buildingsController: 'Rajaus demo (keksitty rekisteri)',
    buildingsLicence: 'Keksitty demoaineisto',
    b2bList: 'Rakennus- ja kiinteistöyritykset',
    b2cList: 'Pientalot pääkaupunkiseutu',
  },
  en: {
    companies: 'Customer register',
    consumers: 'Consumer customers',
    dnc: 'Demo do-not-call list (fictional)',
    buildings: 'Rajaus demo buildings (fictional data)',
    buildingsController: 'Rajaus demo (fictional register)',
    buildingsLicence: 'Fictional demo data',
    b2bList: 'Building and property',
    b2cList: 'Capital region houses',
  },
  sv: {
    companies: 'Kundregister',
    consumers: 'Konsumentkunder',
    dnc: 'Demo-spärrlista (påhittad)',
    buildings: 'Rajaus demobyggnader (påhittade data)',
    buildingsController: 'Rajaus demo (påhittat register)',
    buildingsLicence: 'Påhittade demodata',
    b2bList: 'Bygg och fastigheter',
    b2cList: 'Småhus i huvudstaden',
  },
});

/**
 * The demo's B2B criteria, the list's name in the run's language. The English and Swedish names
 * fit a sheet name with its date (21 characters), so the sheet shows them whole.
 */
export function demoB2BCriteria(lang: StepContext['lang'] = 'fi'): Criteria {
  return {
    kind: 'b2b',
    name: t(lang, 'b2bList'),
    area: { regions: ['Pirkanmaa', 'Uusimaa'] },
    industries: ['F', '68', '81'],
    requirePhone: true,
  };
}

export function demoB2CCriteria(lang: StepContext['lang'] = 'fi'): Criteria {
  return {
    kind: 'b2c',
    name: t(lang, 'b2cList'),
    area: { municipalities: ['Espoo', 'Helsinki', 'Vantaa'] },
    ageGroups: ['35-44', '45-54', '55-64'],
    requirePhone: true,
  };
}

/** A customer register as a user has it: their own headers, every value as they typed it. */
export function customerSheetPlan(name: string, grid: { headers: string[]; rows: string[][] }, lang: StepContext['lang']): SheetPlan {
  const { keys } = mapHeaders(grid.headers);
  return tablePlan({
    name,
    role: 'customers',
    keys,
    headers: grid.headers,
    rows: grid.rows,
    lang,
    tableName: makeTableName(name, []),
    tabColor: '#5C6BC0',
  });
}

/** The demo's building register, served for the postal codes asked like a real source would. */
export async function demoBuildingSource(lang: StepContext['lang']): Promise<BuildingSource> {
  const { demoBuildings } = await import('../sources/demo/buildings');
  return {
    // Not 'demo': that is the demo directory's id, and the notes list each source by its id.
    id: 'demo-buildings',
    name: t(lang, 'buildings'),
    controller: t(lang, 'buildingsController'),
    licence: t(lang, 'buildingsLicence'),
    attribution: t(lang, 'buildings'),
    async fetchBuildings(postalCodes) {
      const wanted = new Set(postalCodes);
      const buildings = demoBuildings().filter((b) => b.addresses.some((a) => wanted.has(a.postalCode)));
      return { buildings, sent: [] };
    },
  };
}

/**
 * A do-not-call list for the demo: deterministic numbers of the directory's consumers in the
 * list's area (every 97th), so the suppression step has rows to move.
 */
async function demoDoNotCall(lang: StepContext['lang'], checkedAt: string) {
  const { DemoDirectorySource } = await import('../sources/demo/demoDirectorySource');
  const found = await new DemoDirectorySource(lang).search(demoB2CCriteria(lang));
  const phones = found.records
    .map((r) => r.phone)
    .filter((p): p is string => typeof p === 'string' && p.startsWith('+'))
    .filter((_, i) => i % 97 === 0);
  return { name: t(lang, 'dnc'), checkedAt, phones };
}

export interface DemoReport {
  b2b: PipelineReport;
  b2c: PipelineReport;
}

export async function runDemo(ctx: StepContext, say: (line: string) => void = () => undefined): Promise<DemoReport> {
  const demo = await import('../sources/demo/index');
  const companiesSheet = t(ctx.lang, 'companies');
  const consumersSheet = t(ctx.lang, 'consumers');
  await ctx.workbook.apply({
    write: [
      customerSheetPlan(companiesSheet, demo.demoCustomers(), ctx.lang),
      customerSheetPlan(consumersSheet, demo.demoConsumerCustomers(), ctx.lang),
    ],
  });
  const source = new demo.DemoDirectorySource(ctx.lang);
  const today = ctx.now().toISOString().slice(0, 10);

  const b2b = await runPipeline(
    ctx,
    {
      criteria: demoB2BCriteria(ctx.lang),
      source,
      customers: { sheet: companiesSheet },
      exports: [{ format: 'leaddesk', allowDemo: true, fileName: 'demo-leaddesk' }],
    },
    say,
  );
  const b2c = await runPipeline(
    ctx,
    {
      criteria: demoB2CCriteria(ctx.lang),
      source,
      customers: { sheet: consumersSheet },
      buildings: { source: await demoBuildingSource(ctx.lang), filters: { classes: ['detached', 'row'] } },
      doNotCall: await demoDoNotCall(ctx.lang, today),
      exports: [
        { format: 'leaddesk', allowDemo: true, fileName: 'demo-kuluttajat-leaddesk' },
        { format: 'mailing', allowDemo: true, fileName: 'demo-osoitetarrat' },
      ],
    },
    say,
  );
  return { b2b, b2c };
}
