/**
 * Retention (säilytysaika): a list past its delete-by date is flagged when the pane opens, and
 * deleted with one click. Deletion removes the list's sheets (the list and its audit sheets)
 * but keeps its notes sheet, with the deletion logged, as the record that the data was
 * processed and then erased.
 */
import { UserError } from '../core/errors';
import { defineMessages } from '../core/i18n/lang';
import { isPastDeleteBy } from '../core/notes/notesSheet';
import { emptyState, type ListState, type WorkbookState } from '../core/state/workbookState';
import { recordStep } from './processingLog';
import type { StepContext } from './stepContext';

const t = defineMessages({
  fi: { unknownList: 'Työkirjassa ei ole listaa tunnisteella {id}.', alreadyDeleted: 'Lista "{name}" on jo poistettu.' },
  en: { unknownList: 'The workbook has no list with id {id}.', alreadyDeleted: 'The list "{name}" has already been deleted.' },
  sv: { unknownList: 'Arbetsboken har ingen lista med id {id}.', alreadyDeleted: 'Listan "{name}" har redan raderats.' },
});

/** Lists whose delete-by date has passed and whose sheets are still in the workbook's state. */
export function findExpiredLists(state: WorkbookState | null, now: Date): ListState[] {
  return (state?.lists ?? []).filter((l) => !l.deletedAt && isPastDeleteBy(l, now));
}

export async function deleteList(ctx: StepContext, listId: string): Promise<ListState> {
  const state = structuredClone((await ctx.workbook.readState()) ?? emptyState());
  const list = state.lists.find((l) => l.id === listId);
  if (!list) throw new UserError(t(ctx.lang, 'unknownList', { id: listId }));
  if (list.deletedAt) throw new UserError(t(ctx.lang, 'alreadyDeleted', { name: list.name }));
  const sheets = await ctx.workbook.listSheets();
  const present = new Map(sheets.map((s) => [s.name.toLowerCase(), s]));
  const own = [list.sheets.list, ...list.sheets.audit].filter((n) => present.has(n.toLowerCase()));
  const listInfo = present.get(list.sheets.list.toLowerCase());
  // Rows held when deleted: the used range less its header row.
  const rowsIn = listInfo ? Math.max(0, listInfo.rowCount - 1) : undefined;
  const now = ctx.now();
  list.deletedAt = now.toISOString();
  return recordStep(ctx, {
    listId,
    step: {
      step: 'retention',
      at: now.toISOString(),
      rowsIn,
      rowsOut: 0,
      params: { deleteBy: list.deleteBy, sheetsDeleted: own.length },
      contacted: [],
    },
    change: { remove: own, state, activate: list.sheets.notes },
  });
}
