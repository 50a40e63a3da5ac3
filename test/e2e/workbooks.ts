/**
 * The workbooks the browser tests open: a list an earlier search wrote (an Excel table of text
 * cells, as Rajaus writes them) and Rajaus's state, saved in the workbook, that knows the list.
 */
import {
  emptyState,
  stateFromXml,
  stateToXml,
  STATE_NAMESPACE,
  type ListState,
  type WorkbookState,
} from '../../src/core/state/workbookState';
import type { WorkbookInit, WorkbookSnapshot } from '../excel-simulator';

type SheetInit = WorkbookInit['sheets'][number];

export interface SavedList {
  name: string;
  kind: ListState['kind'];
  /** The list's sheet. */
  sheet: string;
  /** When the search ran (ISO); the delete-by date is a year later unless given. */
  createdAt: string;
  deleteBy?: string;
  /** Rows the search wrote. */
  rows: number;
  id?: string;
  sources?: ListState['sources'];
  /** The processing log; by default the one search. */
  log?: ListState['log'];
}

/** The state part of a workbook holding these lists. */
export function statePart(...lists: SavedList[]): string {
  return stateToXml({
    ...emptyState(),
    lists: lists.map((l) => ({
      id: l.id ?? 'list-1',
      name: l.name,
      kind: l.kind,
      createdAt: l.createdAt,
      deleteBy: l.deleteBy ?? `${Number(l.createdAt.slice(0, 4)) + 1}${l.createdAt.slice(4, 10)}`,
      sheets: { list: l.sheet, audit: [] },
      sources: l.sources ?? [],
      log: l.log ?? [{ step: 'search', at: l.createdAt, rowsOut: l.rows, params: {}, contacted: [] }],
    })),
  });
}

/** A sheet of text cells holding one Excel table over all of `values`, its header row frozen. */
export function textTable(name: string, values: unknown[][], tableName: string, more: Partial<SheetInit> = {}): SheetInit {
  const last = String.fromCharCode(64 + values[0]!.length);
  return {
    name,
    frozenRows: 1,
    values,
    numberFormats: values.map((r) => r.map(() => '@')),
    tables: [{ name: tableName, range: `A1:${last}${values.length}` }],
    ...more,
  };
}

/** The workbook holds Rajaus's state with a list (the pane writes it after the list's rows). */
export function hasState(snap: WorkbookSnapshot): boolean {
  return snap.customXmlParts.some((p) => p.namespaceUri === STATE_NAMESPACE || p.xml.includes(STATE_NAMESPACE)) && stateOf(snap).lists.length > 0;
}

/** Rajaus's state as the workbook holds it now. */
export function stateOf(snap: WorkbookSnapshot): WorkbookState {
  const part = snap.customXmlParts.find((p) => p.namespaceUri === STATE_NAMESPACE || p.xml.includes(STATE_NAMESPACE));
  return stateFromXml(part!.xml);
}

/** The Helsinki household list of the issue-13 tests (two rows), known to the state; `phones: false` leaves the phones empty. */
export const HELSINKI_LIST = 'Helsinki 5.10.2026';
export function helsinkiHouseholds({ phones = true }: { phones?: boolean } = {}): WorkbookInit {
  return {
    activeSheet: HELSINKI_LIST,
    sheets: [
      textTable(
        HELSINKI_LIST,
        [
          ['Nimi', 'Puhelin', 'Katuosoite', 'Postinumero', 'Postitoimipaikka'],
          ['Aino Virtanen', phones ? '040 123 4501' : '', 'Kaarnatie 2', '00410', 'HELSINKI'],
          ['Juha Mäkinen', phones ? '040 123 4504' : '', 'Topeliuksenkatu 3 A 12', '00250', 'HELSINKI'],
        ],
        'Lista_Helsinki',
      ),
    ],
    customXmlParts: [
      statePart({ name: 'Kotitaloudet Helsinki', kind: 'b2c', sheet: HELSINKI_LIST, createdAt: '2026-10-05T09:00:00.000Z', rows: 2 }),
    ],
  };
}
