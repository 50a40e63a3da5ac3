import { createListState, recordStep, addMonthsIso, inferKind } from '../../src/app/processingLog';
import type { ProcessingStep, SourceUse } from '../../src/core/state/workbookState';
import { tablePlan } from '../../src/core/workbook/sheetPlan';
import { UserError } from '../../src/core/errors';
import { listSheet, memoryWorkbook } from '../support/memoryWorkbook';
import { tampereSettings, testContext } from '../support/context';

const prh: SourceUse = {
  id: 'prh',
  name: 'YTJ avoin data',
  controller: 'Patentti- ja rekisterihallitus (PRH)',
  licence: 'CC BY 4.0',
  extractedAt: '2026-11-20T10:14:00Z',
  attribution: 'Patentti- ja rekisterihallitus (PRH), YTJ avoin data, CC BY 4.0',
};

const companyKeys = ['companyName', 'businessId', 'phone', 'postalCode', 'postOffice'];
const companies = [
  ['Tampereen Putkityö Oy', '1234567-1', '+358401234567', '33100', 'Tampere'],
  ['Hervannan Sähkö Oy', '2345678-0', '+358501112223', '33720', 'Tampere'],
  ['Kalevan LVI Ky', '1975253-6', '+35832223334', '33500', 'Tampere'],
];

function step(step: ProcessingStep['step'], extra: Partial<ProcessingStep> = {}): ProcessingStep {
  return { step, at: '2026-11-20T10:15:00Z', params: {}, contacted: [], ...extra };
}

function allText(rows: unknown[][]): string {
  return rows.map((r) => r.filter((v) => v !== null).join(' ')).join('\n');
}

describe('recordStep', () => {
  it('registers a new list from the search step, writes its sheet, notes and state in one change', async () => {
    const wb = memoryWorkbook();
    const ctx = testContext(wb);
    const newList = createListState({
      name: 'Tampere LVI',
      kind: 'b2b',
      listSheet: 'Tampere LVI',
      settings: ctx.settings,
      now: ctx.now(),
      criteria: { kind: 'b2b', area: { municipalities: ['Tampere'] }, industries: ['43220'] },
    });
    const sheet = listSheet('Tampere LVI', companyKeys, companies);
    const list = await recordStep(ctx, {
      newList,
      step: step('search', { rowsOut: 3, params: { source: 'prh' }, contacted: [{ party: 'PRH', sent: 'hakuehdot: toimiala 43220, Tampere' }] }),
      change: { write: [sheet], activate: 'Tampere LVI' },
      sources: [prh],
    });

    expect(wb.applied).toHaveLength(1);
    const change = wb.applied[0]!;
    expect(change.write!.map((w) => [w.name, w.role])).toEqual([
      ['Tampere LVI', 'list'],
      ['Tietosuoja – Tampere LVI', 'notes'],
    ]);
    expect(change.activate).toBe('Tampere LVI');
    expect(list.sheets.notes).toBe('Tietosuoja – Tampere LVI');
    expect(list.deleteBy).toBe('2027-11-20');
    expect(list.log.map((s) => s.step)).toEqual(['search']);
    expect(list.sources).toEqual([prh]);

    const state = (await wb.readState())!;
    expect(state.lists).toHaveLength(1);
    expect(state.lists[0]).toEqual(list);
    const notes = wb.sheet('Tietosuoja – Tampere LVI')!;
    expect(notes.layout).toBe('document');
    expect(notes.print).toEqual({ orientation: 'portrait', repeatHeaderRow: true, fitToWidth: true });
    const text = allText(notes.rows);
    expect(text).toContain('Pirkanmaan Lämpöremontti Oy');
    expect(text).toContain('Patentti- ja rekisterihallitus (PRH)');
    expect(text).toContain('Yritys, Y-tunnus, Puhelin, Postinumero, Postitoimipaikka');
    expect(text).toContain('PRH: hakuehdot: toimiala 43220, Tampere');
  });

  it('appends later steps to the same list, tracks audit sheets and keeps the notes sheet name', async () => {
    const wb = memoryWorkbook();
    const ctx = testContext(wb);
    const newList = createListState({ name: 'Tampere LVI', kind: 'b2b', listSheet: 'Tampere LVI', settings: ctx.settings, now: ctx.now() });
    await recordStep(ctx, { newList, step: step('search', { rowsOut: 3 }), change: { write: [listSheet('Tampere LVI', companyKeys, companies)] } });

    ctx.clock.now = new Date('2026-11-21T08:00:00Z');
    const removed = tablePlan({ name: 'Poistetut asiakkaat', role: 'audit', keys: companyKeys, rows: [companies[1]!], lang: 'fi', tableName: 'Poistetut' });
    const review = tablePlan({ name: 'Tarkistettavat', role: 'review', keys: companyKeys, rows: [], lang: 'fi', tableName: 'Tarkistettavat' });
    const kept = listSheet('Tampere LVI', companyKeys, [companies[0]!, companies[2]!]);
    const list = await recordStep(ctx, {
      listSheet: 'Tampere LVI',
      step: step('match', { at: '2026-11-21T08:00:00Z', rowsIn: 3, rowsOut: 2, rowsMoved: 1, params: { customerSheet: 'Asiakkaat' } }),
      change: { write: [kept, removed, review] },
    });

    expect(list.log.map((s) => s.step)).toEqual(['search', 'match']);
    expect(list.sheets.audit).toEqual(['Poistetut asiakkaat', 'Tarkistettavat']);
    expect(list.sheets.notes).toBe('Tietosuoja – Tampere LVI');
    expect(wb.applied).toHaveLength(2);
    const text = allText(wb.sheet('Tietosuoja – Tampere LVI')!.rows);
    expect(text).toContain('Omien asiakkaiden poisto — sisään 3 · ulos 2 · siirretty 1 riviä — customerSheet: Asiakkaat');
    expect(wb.sheets.filter((s) => s.role === 'notes')).toHaveLength(1);

    // The match step undone: the audit sheets go and the list forgets them.
    const undone = await recordStep(ctx, {
      listId: list.id,
      step: step('matchUndo', { rowsIn: 2, rowsOut: 3 }),
      change: { write: [listSheet('Tampere LVI', companyKeys, companies)], remove: ['Poistetut asiakkaat', 'Tarkistettavat'] },
    });
    expect(undone.sheets.audit).toEqual([]);
    expect(wb.sheet('Poistetut asiakkaat')).toBeUndefined();
  });

  it('registers a list the user brought, inferring consumers from its columns', async () => {
    const wb = memoryWorkbook({
      sheets: [listSheet('Omat kontaktit', ['firstName', 'lastName', 'phone', 'postalCode'], [['Matti', 'Meikäläinen', '+358401234567', '00100']])],
    });
    const ctx = testContext(wb, { settings: tampereSettings({ retentionMonths: 6 }) });
    const list = await recordStep(ctx, { listSheet: 'Omat kontaktit', step: step('export', { rowsIn: 1, rowsOut: 1, params: { format: 'leaddesk', file: 'kontaktit.csv' } }) });
    expect(list.kind).toBe('b2c');
    expect(list.name).toBe('Omat kontaktit');
    expect(list.createdAt).toBe('2026-11-20T10:15:00.000Z');
    expect(list.deleteBy).toBe('2027-05-20');
    expect(list.sheets).toEqual({ list: 'Omat kontaktit', notes: 'Tietosuoja – Omat kontaktit', audit: [] });
    const again = await recordStep(ctx, { listSheet: 'omat KONTAKTIT', step: step('export') });
    expect(again.id).toBe(list.id);
    expect((await wb.readState())!.lists).toHaveLength(1);
  });

  it('writes nothing when the change fails: state and sheets stay as they were', async () => {
    const wb = memoryWorkbook({ sheets: [listSheet('Lista', companyKeys, companies)] });
    const ctx = testContext(wb);
    wb.failNextApply();
    await expect(recordStep(ctx, { listSheet: 'Lista', step: step('export') })).rejects.toThrow('simulated failure');
    expect(await wb.readState()).toBeNull();
    expect(wb.sheets.map((s) => s.name)).toEqual(['Lista']);
  });

  it('says which sheet is missing when an unknown sheet is named', async () => {
    const ctx = testContext(memoryWorkbook());
    await expect(recordStep(ctx, { listSheet: 'Ei ole', step: step('export') })).rejects.toThrow(UserError);
    await expect(recordStep(ctx, { listSheet: 'Ei ole', step: step('export') })).rejects.toThrow('Taulukkoa "Ei ole" ei löydy');
  });

  it('keeps a notes sheet name free of clashes and within Excel’s 31 characters', async () => {
    const long = 'Pirkanmaa rakennusliikkeet 2026';
    const wb = memoryWorkbook({ sheets: [listSheet(long, companyKeys, companies)] });
    const ctx = testContext(wb);
    const list = await recordStep(ctx, { listSheet: long, step: step('export') });
    expect(list.sheets.notes!.length).toBeLessThanOrEqual(31);
    expect(list.sheets.notes!.startsWith('Tietosuoja – Pirkanmaa')).toBe(true);
  });
});

describe('helpers', () => {
  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addMonthsIso(new Date('2026-01-31T12:00:00Z'), 1)).toBe('2026-02-28');
    expect(addMonthsIso(new Date('2026-11-20T10:00:00Z'), 12)).toBe('2027-11-20');
  });
  it('infers B2B from company columns', () => {
    expect(inferKind(['companyName', 'phone'])).toBe('b2b');
    expect(inferKind(['fullName', 'phone'])).toBe('b2c');
  });
});

describe('refreshNotes', () => {
  it('re-renders the notes from new settings without adding a step', async () => {
    const wb = memoryWorkbook({ sheets: [listSheet('Lista', companyKeys, companies)] });
    const bare = testContext(wb, { settings: tampereSettings({ controller: {} }) });
    const list = await recordStep(bare, { listSheet: 'Lista', step: step('export') });
    const notesText = () => allText(wb.sheet(list.sheets.notes!)!.rows);
    expect(notesText()).toContain('Organisaatio puuttuu – täydennä asetuksiin');
    const { refreshNotes } = await import('../../src/app/processingLog');
    const after = await refreshNotes(testContext(wb), list.id);
    expect(after.log).toHaveLength(1);
    expect(notesText()).toContain('Organisaatio Pirkanmaan Lämpöremontti Oy');
  });
});
