/**
 * Issue 13, item 4 (step 2's dead ends) and item 10 (blank and total rows), at a 320 px pane:
 * - a customer sheet added while the pane is open appears in the dropdown (re-read on focus);
 * - a sheet with a title above its headers: the header row is detected (row 3) and can be
 *   chosen; a row without known headers is reported as "Taulukon …", not "Tiedostossa…";
 * - on a consumer list, "Asiakas" is read as the person's name, not the company's;
 * - the preview table and the mapping dropdowns fit the pane;
 * - the blank row and the "Yhteensä" row are not counted as customers in the log.
 */
import { openPane, type PaneSession } from './support';
import { statePart, stateOf, textTable } from './workbooks';
import { openStep, paneText, setPaneWidth } from './paneSteps';
import type { WorkbookInit } from '../excel-simulator';

const LIST = 'Helsinki 5.10.2026';
const LIST_ROWS = [
  ['Nimi', 'Puhelin', 'Katuosoite', 'Postinumero', 'Postitoimipaikka'],
  ['Aino Virtanen', '+358401234501', 'Kaarnatie 2', '00410', 'HELSINKI'],
  ['Juha Mäkinen', '+358401234504', 'Topeliuksenkatu 3 A 12', '00250', 'HELSINKI'],
  ['Sanna Laine', '+358401234505', 'Topeliuksenkatu 5', '00250', 'HELSINKI'],
];
function listOnly(): WorkbookInit {
  return {
    activeSheet: LIST,
    sheets: [textTable(LIST, LIST_ROWS, 'Lista_Helsinki')],
    customXmlParts: [statePart({ name: 'Kotitaloudet Helsinki', kind: 'b2c', sheet: LIST, createdAt: '2026-10-05T09:00:00.000Z', rows: 3 })],
  };
}
const CUSTOMERS = {
  name: 'Asiakkaat',
  values: [
    ['Asiakasrekisteri 2026', null, null],
    [null, null, null],
    ['Asiakas', 'Puh.', 'Postinro'],
    ['Aino Virtanen', '040 123 4501', '00410'],
    ['Matti Meikäläinen', '050 765 4321', '00100'],
    [null, null, null],
    ['Yhteensä', '2', null],
  ],
};

async function withPane(body: (s: PaneSession) => Promise<void>): Promise<void> {
  const s = await openPane({ preload: listOnly() });
  try {
    await setPaneWidth(s, 320);
    await body(s);
  } catch (e) {
    await s.screenshot('customer-sheet-failure');
    throw new Error(`${(e as Error).message}\nPane: ${await paneText(s)}\nErrors: ${s.errors.join('; ')}`);
  } finally {
    await s.close();
  }
}

/** Elements of the step that reach past the pane's right edge, or cells whose text overprints. */
async function clipped(s: PaneSession): Promise<string[]> {
  return s.paneFrame.evaluate(() => {
    const width = window.innerWidth;
    const bad: string[] = [];
    for (const el of Array.from(document.querySelectorAll('[data-testid="customer-mapping"] select, [data-testid="customer-preview"]'))) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 0.5) bad.push(`past the edge: ${el.tagName} ${Math.round(r.right)} > ${width}`);
    }
    for (const cell of Array.from(document.querySelectorAll('[data-testid="customer-preview"] th, [data-testid="customer-preview"] td'))) {
      const el = cell as HTMLElement;
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible') bad.push(`overprints: ${el.textContent}`);
    }
    return bad;
  });
}

describe('step 2 customer sheet (Chromium, Excel simulator, 320 px pane)', () => {
  it('a sheet added while the pane is open, headers under a title, "Asiakas" as a person, blank and total rows not counted', async () => {
    await withPane(async (s) => {
      await openStep(s, 'match');
      const select = s.pane.getByRole('combobox', { name: 'Asiakastaulukko' });
      await select.waitFor();
      expect(await select.locator('option').count()).toBe(0);

      // The user goes to Excel and adds the customer sheet, then comes back to the pane.
      await s.page.locator('.sheet').first().click();
      const snap = await s.snapshot();
      await s.page.evaluate(
        ({ snap, customers }) => {
          const sim = (window as unknown as { __rajausSimulator: { load(init: unknown): void } }).__rajausSimulator;
          sim.load({ ...snap, sheets: [...snap.sheets, customers] });
        },
        { snap, customers: CUSTOMERS },
      );
      await select.click();
      await select.locator('option', { hasText: 'Asiakkaat' }).waitFor({ state: 'attached' });
      await select.selectOption('Asiakkaat');

      // Row 3 holds the headers; rows 1–2 are a title and a blank.
      const headerRow = s.pane.getByTestId('header-row');
      await s.pane.getByTestId('customer-mapping').waitFor();
      expect(await headerRow.inputValue()).toBe('3');
      const asiakas = s.pane.getByTestId('customer-mapping').getByRole('combobox', { name: 'Asiakas' });
      expect(await asiakas.inputValue()).toBe('fullName');
      expect(await s.pane.getByText(/2 tyhjää riviä tai yhteensä-riviä/).count()).toBe(1);
      expect(await clipped(s)).toEqual([]);
      await s.screenshot('customer-sheet-mapping');

      // The title row as headers: nothing to match by, said about the sheet, not a file.
      await headerRow.selectOption('1');
      const unrecognised = s.pane.getByTestId('customers-unrecognised');
      expect(await unrecognised.innerText()).toMatch(/^Taulukon "Asiakkaat" rivillä 1 /);
      expect(await s.pane.getByRole('button', { name: 'Tunnista asiakkaat' }).isDisabled()).toBe(true);
      await headerRow.selectOption('3');
      await unrecognised.waitFor({ state: 'detached' });

      await s.pane.getByRole('button', { name: 'Tunnista asiakkaat' }).click();
      await s.pane.getByTestId('match-summary').waitFor({ timeout: 30_000 });
      expect(await s.pane.getByTestId('match-summary').innerText()).toMatch(/Poistetaan 1,/);
      await s.pane.getByRole('button', { name: /Siirrä poistettavat/ }).click();
      const after = await s.waitForSnapshot((x) => stateOf(x).lists[0]!.log.some((l) => l.step === 'match'), 20_000);
      const step = stateOf(after).lists[0]!.log.find((l) => l.step === 'match')!;
      expect(step.params).toMatchObject({ customerRows: 2 });
      expect(s.errors).toEqual([]);
    });
  }, 90_000);

  it('shows who would be removed, ten at a time, before anything is moved', async () => {
    const people = Array.from({ length: 15 }, (_, i) => [`Henkilö ${String.fromCharCode(65 + i)} Testinen`, `+3584012345${String(10 + i)}`, `Kaarnatie ${i + 1}`, '00410', 'HELSINKI']);
    const customers = people.slice(0, 12).map((p) => [p[0], p[1]!.replace('+358', '0'), p[3]]);
    const s = await openPane({
      preload: {
        activeSheet: LIST,
        sheets: [
          textTable(LIST, [LIST_ROWS[0]!, ...people], 'Lista_Helsinki'),
          { name: 'Asiakkaat', values: [['Nimi', 'Puhelin', 'Postinumero'], ...customers] },
        ],
        customXmlParts: [statePart({ name: 'Kotitaloudet Helsinki', kind: 'b2c', sheet: LIST, createdAt: '2026-10-05T09:00:00.000Z', rows: 15 })],
      },
    });
    try {
      await setPaneWidth(s, 320);
      await openStep(s, 'match');
      await s.pane.getByTestId('customer-mapping').waitFor();
      await s.pane.getByRole('button', { name: 'Tunnista asiakkaat' }).click();
      const preview = s.pane.getByTestId('removal-preview');
      await preview.waitFor({ timeout: 30_000 });
      expect(await preview.getByTestId('removal-row').count()).toBe(10);
      expect(await preview.getByTestId('removal-page').innerText()).toBe('Rivit 1–10 / 12');
      expect(await preview.getByTestId('removal-row').first().innerText()).toMatch(/^Rivi 2: Henkilö A Testinen/);
      await preview.getByRole('button', { name: 'Seuraavat' }).click();
      expect(await preview.getByTestId('removal-row').count()).toBe(2);
      expect(await preview.getByTestId('removal-page').innerText()).toBe('Rivit 11–12 / 12');
      expect(await preview.getByTestId('removal-row').last().innerText()).toMatch(/Henkilö L Testinen[\s\S]*Asiakasrekisterin rivi 13/);
      await s.screenshot('match-removal-preview');
      // Only a preview: the list still has its 15 rows, and no audit sheet exists.
      const snap = await s.snapshot();
      expect(snap.sheets.map((x) => x.name)).toEqual([LIST, 'Asiakkaat']);
      expect(snap.sheets[0]!.values.length).toBe(16);
      expect(s.errors).toEqual([]);
    } catch (e) {
      await s.screenshot('customer-sheet-failure');
      throw new Error(`${(e as Error).message}\nPane: ${await paneText(s)}`);
    } finally {
      await s.close();
    }
  }, 90_000);
});
