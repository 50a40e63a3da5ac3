/**
 * Issue 12: a customer sheet with a second address line. The pane's mapping guesses
 * "Osoite 2" as the address's extra line ("Osoitteen lisätieto") from its header, the user can
 * set it to their own column and back, and the matcher reads the street from whichever line
 * holds it: a customer whose first line is the building's name ("Kaarnahovi") and whose street
 * is on the second line is recognised only with the column mapped.
 */
import { openPane } from './support';
import { statePart, textTable } from './workbooks';
import { openStep, paneText, setPaneWidth } from './paneSteps';

const LIST = 'Helsinki 5.10.2026';
const LIST_ROWS = [
  ['Nimi', 'Puhelin', 'Katuosoite', 'Postinumero', 'Postitoimipaikka'],
  ['Aino Virtanen', '+358401234501', 'Kaarnatie 2', '00410', 'HELSINKI'],
  ['Juha Mäkinen', '+358401234504', 'Topeliuksenkatu 3 A 12', '00250', 'HELSINKI'],
  ['Sanna Laine', '+358401234505', 'Topeliuksenkatu 5', '00250', 'HELSINKI'],
];
const CUSTOMERS = {
  name: 'Asiakkaat',
  values: [
    ['Nimi', 'Katuosoite', 'Osoite 2', 'Postinumero', 'Postitoimipaikka'],
    ['Aino Virtanen', 'Kaarnahovi', 'Kaarnatie 2', '00410', 'Helsinki'],
    ['Matti Meikäläinen', 'Mannerheimintie 5', 'c/o Virtanen', '00100', 'Helsinki'],
  ],
};

describe('step 2: a second address line in the customer sheet (Chromium, Excel simulator)', () => {
  it('is guessed from its header, can be changed, and finds the street on either line', async () => {
    const s = await openPane({
      preload: {
        activeSheet: LIST,
        sheets: [textTable(LIST, LIST_ROWS, 'Lista_Helsinki'), CUSTOMERS],
        customXmlParts: [
          statePart({ name: 'Kotitaloudet Helsinki', kind: 'b2c', sheet: LIST, createdAt: '2026-10-05T09:00:00.000Z', rows: 3 }),
        ],
      },
    });
    try {
      await setPaneWidth(s, 320);
      await openStep(s, 'match');
      const mapping = s.pane.getByTestId('customer-mapping');
      await mapping.waitFor();
      const line2 = mapping.getByRole('combobox', { name: 'Osoite 2' });
      expect(await line2.inputValue()).toBe('addressLine2');
      expect(await line2.locator('option:checked').innerText()).toBe('Osoitteen lisätieto');
      expect(await mapping.getByRole('combobox', { name: 'Katuosoite' }).inputValue()).toBe('streetAddress');
      await line2.scrollIntoViewIfNeeded();
      await s.screenshot('address-line2-mapping');

      const run = async () => {
        await s.pane.getByRole('button', { name: 'Tunnista asiakkaat' }).click();
        const summary = s.pane.getByTestId('match-summary');
        await summary.waitFor({ timeout: 30_000 });
        return summary.innerText();
      };

      // The user says the column is their own: the customer's street is then only "Kaarnahovi".
      await line2.selectOption('');
      expect(await line2.inputValue()).toBe('');
      const without = await run();
      expect(without).not.toMatch(/Poistetaan 1,/);

      // And back: the street on the second line is found.
      await line2.selectOption('addressLine2');
      await s.pane.getByTestId('match-summary').waitFor({ state: 'detached' });
      const withLine2 = await run();
      expect(withLine2).toMatch(/Poistetaan 1,/);
      const preview = s.pane.getByTestId('removal-preview');
      await preview.waitFor();
      expect(await preview.getByTestId('removal-row').first().innerText()).toMatch(/Aino Virtanen[\s\S]*katuosoite sama/);
      await s.screenshot('address-line2-matched');
      expect(s.errors).toEqual([]);
    } catch (e) {
      await s.screenshot('address-line2-failure');
      throw new Error(`${(e as Error).message}\nPane: ${await paneText(s)}\nErrors: ${s.errors.join('; ')}`);
    } finally {
      await s.close();
    }
  }, 120_000);
});
