/**
 * Issue 13, item 6: undoing the customer removal after building data was added warns first:
 * the rows brought back have no building data. "Älä palauta" leaves the workbook as it is;
 * "Palauta silti" brings the rows back. Real flow in a 320 px pane: match → move → building
 * data from a local replay of Helsinki's register → undo.
 */
import { openPane } from './support';
import { startReplay, type Replay } from '../sources/buildings/replayServer';
import { statePart, stateOf, textTable } from './workbooks';
import { openStep, paneText, setPaneWidth } from './paneSteps';

const LIST = 'Helsinki 5.10.2026';
const ROWS = [
  ['Nimi', 'Puhelin', 'Katuosoite', 'Postinumero', 'Postitoimipaikka'],
  ['Aino Virtanen', '040 123 4501', 'Kaarnatie 2', '00410', 'HELSINKI'],
  ['Mikko Korhonen', '040 123 4502', 'KAARNATIE 4', '00410', 'HELSINKI'],
  ['Juha Mäkinen', '040 123 4504', 'Topeliuksenkatu 3 A 12', '00250', 'HELSINKI'],
];

let replay: Replay;
beforeAll(async () => {
  replay = await startReplay({ cors: true }); // the address typed stands for a proxy that answers the pane
});
afterAll(() => replay.close());

it('warns before bringing back rows without building data, and does nothing when told not to', async () => {
  const s = await openPane({
    preload: {
      activeSheet: LIST,
      sheets: [
        textTable(LIST, ROWS, 'Lista_Helsinki'),
        { name: 'Asiakkaat', values: [['Nimi', 'Puhelin'], ['Aino Virtanen', '0401234501']] },
      ],
      customXmlParts: [statePart({ name: 'Kotitaloudet Helsinki', kind: 'b2c', sheet: LIST, createdAt: '2026-10-05T09:00:00.000Z', rows: 3 })],
    },
  });
  await s.page.route(`${replay.url}/**`, (route) => route.continue());
  try {
    await setPaneWidth(s, 320);
    await openStep(s, 'match');
    await s.pane.getByTestId('customer-mapping').waitFor();
    await s.pane.getByRole('button', { name: 'Tunnista asiakkaat' }).click();
    await s.pane.getByTestId('removal-preview').waitFor({ timeout: 30_000 });
    await s.pane.getByRole('button', { name: /Siirrä poistettavat/ }).click();
    await s.waitForSnapshot((x) => stateOf(x).lists[0]!.log.some((l) => l.step === 'match'), 20_000);

    await openStep(s, 'buildings');
    await s.pane.getByRole('textbox', { name: /Palvelun osoite/ }).fill(`${replay.url}/hki/wfs`);
    await s.pane.getByTestId('buildings-step').getByRole('button', { name: 'Lisää rakennustiedot' }).click();
    await s.pane.getByTestId('buildings-summary').waitFor({ timeout: 20_000 });

    await openStep(s, 'match');
    const before = await s.snapshot();
    await s.pane.getByRole('button', { name: 'Peru viimeisin tunnistus' }).click();
    const warning = s.pane.getByTestId('undo-warning');
    await warning.waitFor();
    expect(await warning.innerText()).toMatch(/rakennustiedot.*1 rivillä rakennustietoja ei ole/s);
    await s.screenshot('match-undo-warning');
    await warning.getByRole('button', { name: 'Älä palauta' }).click();
    await warning.waitFor({ state: 'detached' });
    expect(await s.snapshot()).toEqual(before);

    await s.pane.getByRole('button', { name: 'Peru viimeisin tunnistus' }).click();
    await warning.getByRole('button', { name: 'Palauta silti' }).click();
    const after = await s.waitForSnapshot((x) => stateOf(x).lists[0]!.log.at(-1)!.step === 'matchUndo', 20_000);
    const list = after.sheets.find((x) => x.name === LIST)!;
    expect(list.values.filter((r) => r[0] === 'Aino Virtanen')).toHaveLength(1);
    expect(s.errors).toEqual([]);
  } catch (e) {
    await s.screenshot('undo-failure');
    throw new Error(`${(e as Error).message}\nPane: ${await paneText(s)}\nErrors: ${s.errors.join('; ')}`);
  } finally {
    await s.close();
  }
}, 120_000);
