/**
 * Step 4 in the pane, in Chromium beside the simulated workbook: a workbook saved last month
 * with a list's machine-readable state shows that list's history; a data subject erasure
 * removes the person from the list sheet, puts their phone on the do-not-contact list and
 * logs the request by counts only. Screenshots: test-results/notes-*.png.
 */
import { openPane, type PaneSession } from './support';
import { setPaneWidth } from './paneSteps';
import { statePart, stateOf, textTable } from './workbooks';
import type { WorkbookInit } from '../excel-simulator';
import { DemoDirectorySource } from '../../src/sources/demo/demoDirectorySource';

const LIST = 'Hervanta kuluttajat';
const ROWS = [
  ['Etunimi', 'Sukunimi', 'Puhelin', 'Katuosoite', 'Postinumero', 'Postitoimipaikka'],
  ['Matti', 'Meikäläinen', '+358401234567', 'Hervannan valtaväylä 10', '33720', 'Tampere'],
  ['Liisa', 'Virtanen', '+358507654321', 'Insinöörinkatu 5 B 12', '33720', 'Tampere'],
  ['Pekka', 'Korhonen', '+35831234567', 'Teekkarinkatu 3', '33720', 'Tampere'],
];

/** The workbook as saved last month; `deleteBy` moves the list's delete-by date. */
function savedWorkbook(deleteBy?: string): WorkbookInit {
  const saved = statePart({
    id: 'list-saved',
    name: LIST,
    kind: 'b2c',
    sheet: LIST,
    createdAt: '2026-10-20T09:00:00.000Z',
    deleteBy,
    rows: 4,
    sources: [
      {
        id: 'demo',
        name: 'Rajaus-demohakemisto',
        controller: 'Rajaus (keksitty aineisto)',
        licence: 'demo',
        extractedAt: '2026-10-20T09:00:00.000Z',
        demo: true,
      },
    ],
    log: [
      { step: 'search', at: '2026-10-20T09:00:00.000Z', rowsOut: 4, params: { source: 'demo' }, contacted: [] },
      {
        step: 'dnc',
        at: '2026-10-20T09:05:00.000Z',
        rowsIn: 4,
        rowsOut: 3,
        rowsMoved: 1,
        params: { name: 'ASML 2026-10', checkedAt: '2026-10-15' },
        contacted: [],
      },
    ],
  });
  return { activeSheet: LIST, sheets: [textTable(LIST, ROWS, 'Hervanta')], customXmlParts: [saved] };
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
      // The README's screenshot is taken here: a pane of 320 px, as on a laptop (issue 13).
      await setPaneWidth(s, 320);
      await openNotes(s);
      const history = s.pane.getByTestId('processing-history');
      await history.waitFor();
      await expect(history.getByText(/Haku — ulos 4 riviä/).count()).resolves.toBe(1);
      await expect(history.getByText(/Kieltolistatarkistus — sisään 4 · ulos 3 · siirretty 1 riviä/).count()).resolves.toBe(1);
      await history.scrollIntoViewIfNeeded();
      await history.evaluate((el) => el.scrollIntoView({ block: 'start' }));
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

  it('erases a person found by a search, and the next search leaves them out', async () => {
    // A real person of the demo directory, found as the pane's search would find them.
    const criteria = { kind: 'b2c' as const, area: { postalCodes: ['00250'] }, requirePhone: true };
    const found = await new DemoDirectorySource().search(criteria);
    const person = found.records[0]!;
    const phone = String(person.phone);
    const listName = 'Taka-Töölö kuluttajat';
    const header = ['Etunimi', 'Sukunimi', 'Puhelin', 'Katuosoite', 'Postinumero', 'Postitoimipaikka'];
    const row = [person.firstName, person.lastName, phone, person.streetAddress, person.postalCode, person.postOffice].map(String);
    const s = await openPane({
      preload: {
        activeSheet: listName,
        sheets: [textTable(listName, [header, row], 'Toolo')],
        customXmlParts: [
          statePart({
            id: 'list-toolo',
            name: listName,
            kind: 'b2c',
            sheet: listName,
            createdAt: '2026-11-02T09:00:00.000Z',
            rows: 1,
            log: [{ step: 'search', at: '2026-11-02T09:00:00.000Z', rowsOut: 1, params: { source: 'demo' }, contacted: [] }],
          }),
        ],
      },
    });
    try {
      await openNotes(s);
      await s.pane.getByTestId('notes-step').getByRole('button', { name: 'Rekisteröidyn pyynnöt', exact: true }).click();
      await s.pane.getByTestId('dsr-phone').fill(phone);
      await s.pane.getByTestId('dsr-find').click();
      await s.pane.getByText('Löytyi 1 riviä:').waitFor();
      await s.pane.getByTestId('dsr-erase').click();
      await s.pane.getByTestId('dsr-erase-confirm').click();
      await s.waitForSnapshot((x) => stateOf(x).doNotContact.phones.includes(phone));

      // The same search again, in the pane: everyone in 00250 with a phone, but not them.
      const search = s.pane.locator('[data-step="search"]').getByRole('button').first();
      if ((await search.getAttribute('aria-expanded')) !== 'true') await search.click();
      await s.pane.getByTestId('search-step').waitFor({ timeout: 20_000 });
      await s.pane.getByRole('radio', { name: 'Kuluttajat (B2C)' }).check();
      const area = s.pane.getByTestId('area-input');
      await area.fill('00250');
      await area.press('Enter');
      await s.pane.getByTestId('area-chips').getByText('00250').waitFor();
      await s.pane.getByRole('checkbox', { name: 'Vain puhelinnumerolliset' }).check();
      await s.pane.getByText(/^Hakuehtoja vastaa \d/).waitFor({ timeout: 30_000 });
      await s.pane.getByTestId('search-run').click();
      const snap = await s.waitForSnapshot((x) => stateOf(x).lists.length === 2, 30_000);
      const second = stateOf(snap).lists[1]!;
      const sheet = snap.sheets.find((x) => x.name === second.sheets.list)!;
      const phones = sheet.values.slice(1).map((r) => String(r[(sheet.values[0] as string[]).indexOf('Puhelin')]));
      expect(phones).toHaveLength(found.total - 1);
      expect(phones).not.toContain(phone);
      expect(second.log[0]!.params.doNotContactRemoved).toBe(1);
      await s.showSheet(sheet.name);
      await s.screenshot('notes-search-after-erasure');
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  }, 120_000);

  it('flags a list past its delete-by date when the pane opens, and deletes its sheets in one click', async () => {
    const s = await openPane({ preload: savedWorkbook('2026-01-31') }); // long past: the pane's clock is today
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
