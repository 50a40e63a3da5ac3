import { renamedColumns } from '../../src/app/knownColumns';
import { emptyState, type WorkbookState } from '../../src/core/state/workbookState';

function stateWith(columns: { key: string; header: string }[]): WorkbookState {
  const state = emptyState();
  state.lists.push({
    id: 'l1',
    name: 'Tampere LVI',
    kind: 'b2b',
    createdAt: '2026-11-20T09:00:00.000Z',
    deleteBy: '2027-11-20',
    sheets: { list: 'Lista', audit: [] },
    sources: [],
    log: [],
    columns: { lista: columns },
  });
  return state;
}

const WRITTEN = [
  { key: 'companyName', header: 'Yritys' },
  { key: 'phone', header: 'Puhelin' },
  { key: 'extra:Muistiinpanot', header: 'Muistiinpanot' },
];

describe('renamedColumns: a column Rajaus wrote keeps its key when the user renames it', () => {
  it('reads a renamed column as the key it was written with', () => {
    expect(renamedColumns(stateWith(WRITTEN), 'Lista', ['Yritys', 'Numero', 'Muistiinpanot'])).toEqual({ Numero: 'phone' });
  });

  it('leaves the user’s own columns, unchanged headers and other sheets alone', () => {
    expect(renamedColumns(stateWith(WRITTEN), 'Lista', ['Yritys', 'Puhelin', 'Huom'])).toEqual({});
    expect(renamedColumns(stateWith(WRITTEN), 'Muu', ['Yritys', 'Numero', 'Muistiinpanot'])).toEqual({});
    expect(renamedColumns(null, 'Lista', ['Yritys', 'Numero', 'Muistiinpanot'])).toEqual({});
  });

  it('does not guess when columns were inserted or deleted since (places no longer say which is which)', () => {
    expect(renamedColumns(stateWith(WRITTEN), 'Lista', ['Yritys', 'Oma', 'Numero', 'Muistiinpanot'])).toEqual({});
  });
});
