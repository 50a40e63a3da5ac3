import { deleteList, findExpiredLists } from '../../src/app/retention';
import { createListState, recordStep } from '../../src/app/processingLog';
import { applySuppression } from '../../src/app/suppression';
import { listSheet, memoryWorkbook } from '../support/memoryWorkbook';
import { tampereSettings, testContext } from '../support/context';

const keys = ['firstName', 'lastName', 'phone'];
const rows = [
  ['Matti', 'Meikäläinen', '+358401234567'],
  ['Liisa', 'Virtanen', '+358507654321'],
];

async function listMadeOn(iso: string, months = 12) {
  const wb = memoryWorkbook({ sheets: [listSheet('Kevätkampanja', keys, rows)] });
  const ctx = testContext(wb, { now: iso, settings: tampereSettings({ retentionMonths: months }) });
  const newList = createListState({ name: 'Kevätkampanja', kind: 'b2c', listSheet: 'Kevätkampanja', settings: ctx.settings, now: ctx.now() });
  await recordStep(ctx, { newList, step: { step: 'search', at: iso, rowsOut: 2, params: {}, contacted: [] } });
  return { wb, ctx };
}

describe('findExpiredLists', () => {
  it('flags a list only after its delete-by day', async () => {
    const { wb } = await listMadeOn('2025-03-01T09:00:00Z', 6);
    const state = await wb.readState();
    expect(state!.lists[0]!.deleteBy).toBe('2025-09-01');
    expect(findExpiredLists(state, new Date('2025-09-01T12:00:00Z'))).toEqual([]);
    expect(findExpiredLists(state, new Date('2025-09-02T06:00:00Z')).map((l) => l.name)).toEqual(['Kevätkampanja']);
    expect(findExpiredLists(null, new Date())).toEqual([]);
  });
});

describe('deleteList', () => {
  it('deletes the list and its audit sheets, keeps the notes with the deletion logged', async () => {
    const { wb, ctx } = await listMadeOn('2025-03-01T09:00:00Z', 6);
    await applySuppression(ctx, { listSheet: 'Kevätkampanja', suppression: { name: 'ASML', checkedAt: '2025-03-01', phones: ['+358401234567'] } });
    const before = (await wb.readState())!.lists[0]!;
    expect(before.sheets.audit).toHaveLength(1);

    ctx.clock.now = new Date('2025-10-01T08:00:00Z');
    const deleted = await deleteList(ctx, before.id);
    expect(deleted.deletedAt).toBe('2025-10-01T08:00:00.000Z');
    expect(deleted.log.at(-1)).toMatchObject({ step: 'retention', rowsIn: 1, rowsOut: 0, params: { deleteBy: '2025-09-01', sheetsDeleted: 2 } });
    const names = wb.sheets.map((s) => s.name);
    expect(names).not.toContain('Kevätkampanja');
    expect(names).not.toContain(before.sheets.audit[0]);
    expect(names).toContain(before.sheets.notes);
    expect(names).toContain('Kieltolista ASML');
    const notes = wb.sheet(before.sheets.notes!)!.rows.map((r) => r.join(' ')).join('\n');
    expect(notes).toContain('Listan taulukot poistettu 1.10.2025');
    expect(notes).toContain('Poisto säilytysajan päätyttyä');
    expect(findExpiredLists(await wb.readState(), ctx.now())).toEqual([]);
    await expect(deleteList(ctx, before.id)).rejects.toThrow('on jo poistettu');
  });
});
