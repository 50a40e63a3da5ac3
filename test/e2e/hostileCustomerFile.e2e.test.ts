/**
 * Issue 17 items 3, 6 and 7 on the pane's path: a customer file chosen in step 2 goes through
 * the same reader as the CLI's (parseTabular), and the pane must say what the CLI says, in
 * its own language:
 * - an opening quote never closed is refused at the file picker, naming the row where it opened
 *   (before, a 1,000-row register read as 5 rows; then the message came in English);
 * - a UTF-8 file with one Windows-1252 row keeps ä and € everywhere and names that row in the
 *   step's message; two "Huom" columns and an empty header are three columns in the preview.
 */
import { HELSINKI_LIST, helsinkiHouseholds } from './workbooks';
import { openStep, withNarrowPane } from './paneSteps';
import type { PaneSession } from './support';

const withPane = (body: (s: PaneSession) => Promise<void>) =>
  withNarrowPane({ preload: helsinkiHouseholds({ phones: true }) }, `hostile-customer-file-failure-${Date.now()}`, body);

async function chooseFile(s: PaneSession, name: string, buffer: Buffer): Promise<void> {
  await openStep(s, 'match');
  await s.pane.getByRole('radio', { name: /tiedostosta|Tiedosto/i }).check();
  await s.pane.getByTestId('customer-file').setInputFiles({ name, mimeType: 'text/csv', buffer });
}

const HEADER = 'Nimi;Puhelin;Katuosoite;Postinumero\r\n';
const rows = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, k) => `Asiakas ${from + k};040${1_000_000 + from + k};Kotikatu ${from + k};00100\r\n`).join('');

describe(`hostile customer files in step 2 (Chromium, Excel simulator, 320 px pane, list ${HELSINKI_LIST})`, () => {
  it('an opening quote never closed: refused at the file picker, in Finnish, naming the row where it opened', async () => {
    await withPane(async (s) => {
      const text = HEADER + rows(1, 3) + '"Rikki Oy;0401234567;Kotikatu 4;00100\r\n' + rows(5, 1000);
      await chooseFile(s, 'asiakkaat.csv', Buffer.from(text, 'utf8'));
      const field = s.pane.locator('.fui-Field', { has: s.pane.getByTestId('customer-file') });
      const message = field.locator('.fui-Field__validationMessage');
      await message.waitFor();
      expect(await message.innerText()).toMatch(
        /^asiakkaat\.csv, rivi 5: lainausmerkki \("\) aloittaa tässä arvon eikä sulkeudu, joten sen jälkeiset 997 riviä luettaisiin yhdeksi soluksi/,
      );
      // Nothing to match against: no preview of a five-row register.
      expect(await s.pane.getByTestId('customer-preview').count()).toBe(0);
      expect(await s.pane.getByRole('button', { name: 'Tunnista asiakkaat' }).isDisabled()).toBe(true);
    });
  }, 60_000);

  it('one Windows-1252 row in a UTF-8 file, two "Huom" columns and an empty header: every column, ä and € kept, the row named', async () => {
    await withPane(async (s) => {
      const bytes = Buffer.concat([
        Buffer.from('Nimi;Puhelin;Postinumero;Huom;;Huom\r\nAino Virtanen;0401234501;00410;eka;toinen;kolmas\r\n', 'utf8'),
        // Windows-1252: ä as 0xE4, € as 0x80 (Latin-1 has no €).
        Buffer.from('Jyrki Mäkelä;0507654321;00100;neljäs;viides;kuudes ', 'latin1'),
        Buffer.from([0x80, 0x0d, 0x0a]),
        Buffer.from('Sanna Äijälä;0451112222;00250;seitsemäs;kahdeksas;yhdeksäs\r\n', 'utf8'),
      ]);
      await chooseFile(s, 'asiakkaat.csv', bytes);
      const preview = s.pane.getByTestId('customer-preview');
      await preview.waitFor();
      const text = await preview.innerText();
      for (const value of ['Jyrki Mäkelä', 'Sanna Äijälä', 'kuudes €', 'eka', 'toinen', 'kolmas']) expect(text).toContain(value);
      expect(text).not.toMatch(/Ã|�/);
      expect(await preview.locator('th').allInnerTexts()).toEqual(expect.arrayContaining(['Huom', 'Huom']));
      expect((await preview.locator('tr').first().locator('th, td').allInnerTexts()).length).toBeGreaterThanOrEqual(6);
      // The warning, in Finnish, in step 2.
      const warning = s.pane.locator('[data-step="match"] .fui-MessageBar', { hasText: 'asiakkaat.csv' });
      await warning.waitFor();
      expect(await warning.innerText()).toMatch(/asiakkaat\.csv: rivi 3 ei ole UTF-8-merkistöä kuten muu tiedosto/);
      expect(s.errors).toEqual([]);
    });
  }, 60_000);
});
