/**
 * Issue 17 item 8 through the pane: a do-not-call file whose numbers are in a second phone
 * column ("Puhelin;Matkapuhelin"), or second in a cell, suppresses those people too. Before,
 * only the first phone column and the first number of a cell counted, and they stayed on the
 * call list. The reader is tested in test/app/suppression.test.ts; this is the notes step's
 * import in the built pane.
 */
import { openPane } from './support';
import { openStep, setPaneWidth } from './paneSteps';
import { statePart, textTable } from './workbooks';
import type { WorkbookInit } from '../excel-simulator';

const LIST = 'Helsinki 5.10.2026';
function workbook(): WorkbookInit {
  return {
    activeSheet: LIST,
    sheets: [
      textTable(
        LIST,
        [
          ['Nimi', 'Puhelin', 'Katuosoite', 'Postinumero', 'Postitoimipaikka'],
          ['Aino Virtanen', '040 123 4501', 'Kaarnatie 2', '00410', 'HELSINKI'],
          ['Mikko Korhonen', '040 123 4502', 'Kaarnatie 4', '00410', 'HELSINKI'],
          ['Juha Mäkinen', '040 123 4504', 'Topeliuksenkatu 3', '00250', 'HELSINKI'],
          ['Sanna Laine', '040 123 4505', 'Topeliuksenkatu 5', '00250', 'HELSINKI'],
        ],
        'Lista_Helsinki',
      ),
    ],
    customXmlParts: [
      statePart({ name: 'Kotitaloudet Helsinki', kind: 'b2c', sheet: LIST, createdAt: '2026-10-05T09:00:00.000Z', rows: 4 }),
    ],
  };
}

it('a do-not-call file: the second phone column and the second number in a cell count too', async () => {
  const s = await openPane({ preload: workbook() });
  try {
    await setPaneWidth(s, 320);
    await openStep(s, 'notes');
    const dnc = s.pane.getByRole('button', { name: 'Kieltolistatarkistus' });
    if ((await dnc.getAttribute('aria-expanded')) !== 'true') await dnc.click();
    // Aino by her first column; Mikko only in the second column; Juha second in a cell.
    const file = 'Nimi;Puhelin;Matkapuhelin\r\nA V;0401234501;\r\nM K;;+358401234502\r\nJ M;0509999999, 040-1234504;\r\n';
    await s.pane.getByTestId('dnc-file').setInputFiles({ name: 'kiellot.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') });
    await s.pane.getByTestId('dnc-import').getByRole('button', { name: 'Tarkista lista' }).click();
    const status = s.pane.getByTestId('dnc-status').locator('.fui-MessageBar', { hasText: 'siirretty' });
    await status.waitFor({ timeout: 20_000 });
    expect(await status.innerText()).toMatch(/3 riviä siirretty taulukolle "[^"]+"; listalle jäi 1 riviä/);
    const snap = await s.waitForSnapshot(
      (x) => (x.sheets.find((sh) => sh.name === LIST)?.values ?? []).filter((r) => r.some((v) => v)).length === 2,
    );
    const names = snap.sheets
      .find((sh) => sh.name === LIST)!
      .values!.slice(1)
      .map((r) => r[0])
      .filter(Boolean);
    expect(names).toEqual(['Sanna Laine']);
    expect(s.errors).toEqual([]);
  } catch (e) {
    await s.screenshot('dnc-every-phone-failure');
    throw new Error(`${(e as Error).message}\nPane: ${await s.pane.locator('body').innerText()}\nErrors: ${s.errors.join('; ')}`);
  } finally {
    await s.close();
  }
}, 60_000);
