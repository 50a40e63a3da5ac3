/**
 * Step 4 in the pane, in Chromium beside the simulated workbook: a workbook saved last month
 * with a list's machine-readable state shows that list's history; a data subject erasure
 * removes the person from the list sheet, puts their phone on the do-not-contact list and
 * logs the request by counts only. Screenshots: test-results/notes-*.png.
 */
import { openPane, type PaneSession } from './support';
import { emptyState, stateFromXml, stateToXml, STATE_NAMESPACE, type WorkbookState } from '../../src/core/state/workbookState';
import type { WorkbookInit } from '../excel-simulator';

const LIST = 'Hervanta kuluttajat';
const ROWS = [
  ['Etunimi', 'Sukunimi', 'Puhelin', 'Katuosoite', 'Postinumero', 'Postitoimipaikka'],
  ['Matti', 'Meikäläinen', '+358401234567', 'Hervannan valtaväylä 10', '33720', 'Tampere'],
  ['Liisa', 'Virtanen', '+358507654321', 'Insinöörinkatu 5 B 12', '33720', 'Tampere'],
  ['Pekka', 'Korhonen', '+35831234567', 'Teekkarinkatu 3', '33720', 'Tampere'],
];

function savedWorkbook(): WorkbookInit {
  const state: WorkbookState = {
    ...emptyState(),
    lists: [
      {
        id: 'list-saved',
        name: LIST,
        kind: 'b2c',
        createdAt: '2026-10-20T09:00:00.000Z',
        deleteBy: '2027-10-20',
        sheets: { list: LIST, audit: [] },
        sources: [{ id: 'demo', name: 'Rajaus-demohakemisto', controller: 'Rajaus (keksitty aineisto)', licence: 'demo', extractedAt: '2026-10-20T09:00:00.000Z', demo: true }],
        log: [
          { step: 'search', at: '2026-10-20T09:00:00.000Z', rowsOut: 4, params: { source: 'demo' }, contacted: [] },
          { step: 'dnc', at: '2026-10-20T09:05:00.000Z', rowsIn: 4, rowsOut: 3, rowsMoved: 1, params: { name: 'ASML 2026-10', checkedAt: '2026-10-15' }, contacted: [] },
        ],
      },
    ],
  };
  return {
    activeSheet: LIST,
    sheets: [{ name: LIST, frozenRows: 1, values: ROWS, numberFormats: ROWS.map((r) => r.map(() => '@')), tables: [{ name: 'Hervanta', range: 'A1:F4' }] }],
    customXmlParts: [stateToXml(state)],
  };
}

function stateOf(snap: Awaited<ReturnType<PaneSession['snapshot']>>): WorkbookState {
  const part = snap.customXmlParts.find((p) => p.namespaceUri === STATE_NAMESPACE || p.xml.includes(STATE_NAMESPACE));
  return stateFromXml(part!.xml);
}

async function openNotes(s: PaneSession): Promise<void> {
  const header = s.pane.locator('[data-step="notes"]').getByRole('button').first();
  await header.waitFor();
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await s.pane.getByTestId('notes-step').waitFor();
}

describe('notes step (Chromium, Excel simulator)', () => {
  it('shows the history of a saved list, and erases a person on request', async () => {
    const s = await openPane({ preload: savedWorkbook() });
    try {
      await openNotes(s);
      const history = s.pane.getByTestId('processing-history');
      await history.waitFor();
      await expect(history.getByText(/Haku — ulos 4 riviä/).count()).resolves.toBe(1);
      await expect(history.getByText(/Kieltolistatarkistus — sisään 4 · ulos 3 · siirretty 1 riviä/).count()).resolves.toBe(1);
      await s.screenshot('notes-history');

      await s.pane.getByTestId('notes-step').getByRole('button', { name: 'Rekisteröidyn pyynnöt', exact: true }).click();
      await s.pane.getByTestId('dsr-phone').fill('040 123 4567');
      await s.pane.getByTestId('dsr-find').click();
      await s.pane.getByText('Löytyi 1 riviä:').waitFor();
      await s.pane.getByTestId('dsr-erase').click();
      await s.pane.getByTestId('dsr-erase-confirm').click();

      const snap = await s.waitForSnapshot((x) => stateOf(x).doNotContact.phones.length > 0);
      const state = stateOf(snap);
      expect(state.doNotContact.phones).toEqual(['+358401234567']);
      const list = state.lists[0]!;
      expect(list.log.map((x) => x.step)).toEqual(['search', 'dnc', 'dsrErasure']);
      expect(JSON.stringify(list)).not.toContain('Meikäläinen');
      const sheet = snap.sheets.find((x) => x.name === LIST)!;
      expect(JSON.stringify(sheet)).not.toContain('Meikäläinen');
      expect(snap.sheets.some((x) => x.name === list.sheets.notes)).toBe(true);
      await s.showSheet(list.sheets.notes!);
      await s.screenshot('notes-after-erasure');
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('flags a list past its delete-by date when the pane opens, and deletes its sheets in one click', async () => {
    const saved = savedWorkbook();
    const part = saved.customXmlParts![0]!;
    const state = stateFromXml(typeof part === 'string' ? part : part.xml);
    state.lists[0]!.deleteBy = '2026-01-31'; // long past: the pane's clock is today
    const s = await openPane({ preload: { ...saved, customXmlParts: [stateToXml(state)] } });
    try {
      // The banner is at the top of the pane, before any step is opened.
      await s.pane.getByText('Säilytysaika päättynyt').waitFor();
      await s.pane.getByText(`Lista "${LIST}" piti poistaa viimeistään`, { exact: false }).waitFor();
      await s.screenshot('retention-banner');
      await s.pane.getByRole('button', { name: 'Poista listan taulukot' }).click();
      const snap = await s.waitForSnapshot((x) => !x.sheets.some((sheet) => sheet.name === LIST));
      const after = stateOf(snap).lists[0]!;
      expect(after.deletedAt).toBeTruthy();
      expect(after.log.at(-1)!.step).toBe('retention');
      // The notes stay as the record of the deletion.
      expect(snap.sheets.some((x) => x.name === after.sheets.notes)).toBe(true);
      await s.pane.getByText('Säilytysaika päättynyt').waitFor({ state: 'detached' });
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
