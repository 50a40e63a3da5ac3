/**
 * The pane in Swedish and English at 320 px (issue 13: every string in the chosen language,
 * nothing clipped): the search step with criteria and its count, and the matching step with its
 * result. Nothing in the pane is wider than the pane, no placeholder or chosen option is longer
 * than its box, and none of the Finnish UI texts these steps show in a Finnish pane appear.
 * Screenshots: test-results/{sv,en}-search.png, {sv,en}-match.png.
 */
import { openPane, type PaneSession } from './support';
import { openStep, setPaneWidth } from './paneSteps';
import { statePart, textTable } from './workbooks';

const LIST = 'Tammerfors VVS 20.11.2026';
const LIST_ROWS = [
  ['Företag', 'FO-nummer', 'Telefon', 'Gatuadress', 'Postnummer', 'Postanstalt'],
  ['OY VIRTASEN RAKENNUS', 'FI23456780', '+358 40 123 4567', 'Hämeenkatu 12 A 5', '33100', 'TAMPERE'],
  ['Kiinteistöhuolto Laine', '', '+358 3 2123 456', 'Satakunnankatu 10', '33210', 'Tampere'],
  ['Tmi Pekka Nieminen', '', '050 111 2233', 'Pispalan valtatie 9', '33250', 'Tampere'],
  ['Mäkelän LVI-huolto Ky', '', '045 555 7788', 'Sammonkatu 40', '33540', 'Tampere'],
];
const CUSTOMER_ROWS = [
  ['Kundnummer', 'Kund', 'FO-nummer', 'Telefon', 'Gatuadress', 'Postnummer'],
  ['A1001', 'Virtasen Rakennus Oy', '2345678-0', '040 123 4567', 'Hämeenkatu 12 A 5', '33100'],
  ['A1002', 'Tmi Matti Nieminen', '', '050 765 4321', 'Pispalan valtatie 9', '33250'],
  ['A1004', 'Mäkelän LVI-huolto Ky', '', '045 555 7788', 'Hervannan valtaväylä 2', '33720'],
];

/** Finnish UI texts of the search and matching steps (the user's data may be Finnish). */
const FINNISH_UI = [/Hakuehtoja vastaa/, /Peruuta/, /Tunnista asiakkaat/, /Toimiala/, /Yritykset \(B2B\)/, /Siirrä/, /riviä/, /Tarkistettavat/];

/** Elements of the pane that reach past its right edge (clipped at 320 px), as "tag.class: text". */
async function overflowing(s: PaneSession): Promise<string[]> {
  return s.paneFrame.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // Inside a scroller of its own (the preview table) an element may be wider: it scrolls.
      let scroller = el.parentElement;
      let scrolls = false;
      while (scroller && scroller !== document.body) {
        const ox = getComputedStyle(scroller).overflowX;
        if (ox === 'auto' || ox === 'scroll' || ox === 'hidden') {
          scrolls = true;
          break;
        }
        scroller = scroller.parentElement;
      }
      if (!scrolls && r.right > width + 1) out.push(`${el.tagName.toLowerCase()}: ${(el.textContent ?? '').trim().slice(0, 60)} (right ${Math.round(r.right)})`);
    }
    // A placeholder or a chosen option longer than its box is cut off where it cannot wrap.
    const ruler = document.createElement('canvas').getContext('2d')!;
    for (const el of Array.from(document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[placeholder], select'))) {
      if (el.getBoundingClientRect().width === 0) continue;
      const cs = getComputedStyle(el);
      ruler.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const text = el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.text ?? '') : el.placeholder;
      const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      const need = ruler.measureText(text).width;
      if (need > room + 1) out.push(`${el.tagName.toLowerCase()} cuts "${text}" (${Math.round(need)} px in ${Math.round(room)} px)`);
    }
    return out;
  });
}

async function expectTranslatedAndUnclipped(s: PaneSession, step: string): Promise<void> {
  const text = await s.pane.getByTestId(`${step}-step`).innerText();
  for (const fi of FINNISH_UI) expect({ step, fi: fi.source, found: fi.test(text) }).toEqual({ step, fi: fi.source, found: false });
  expect(await overflowing(s)).toEqual([]);
}

const LANGS = [
  { lang: 'sv', industry: 'bygg', count: /motsvarar kriterierna$/, run: 'Identifiera kunder' },
  { lang: 'en', industry: 'constr', count: /match the criteria$/, run: 'Match customers' },
] as const;

describe.each(LANGS)('the pane in $lang at 320 px (Chromium, Excel simulator)', ({ lang, industry, count, run }) => {
  it('search and matching: in that language throughout, nothing wider than the pane or its box', async () => {
    const s = await openPane({
      lang,
      preload: {
        activeSheet: LIST,
        sheets: [textTable(LIST, LIST_ROWS, 'Lista_Tammerfors'), textTable('Kunder', CUSTOMER_ROWS, 'Kunder')],
        customXmlParts: [statePart({ name: 'Tammerfors VVS', kind: 'b2b', sheet: LIST, createdAt: '2026-11-20T09:00:00.000Z', rows: LIST_ROWS.length - 1 })],
      },
    });
    try {
      await setPaneWidth(s, 320);
      await openStep(s, 'search');
      const area = s.pane.getByTestId('area-input');
      await area.fill('33100');
      await area.press('Enter');
      await s.pane.getByTestId('area-chips').getByText('33100').waitFor();
      await s.pane.getByTestId('industry-input').fill(industry);
      await s.pane.getByRole('option', { name: /^F\s+/ }).first().click();
      await s.pane.getByText(count).waitFor({ timeout: 30_000 });
      await s.screenshot(`${lang}-search`);
      await s.pane.getByTestId('search-run').scrollIntoViewIfNeeded();
      await s.screenshot(`${lang}-search-run`);
      await expectTranslatedAndUnclipped(s, 'search');

      await openStep(s, 'match');
      const step = s.pane.getByTestId('match-step');
      await step.getByRole('button', { name: run }).click();
      await step.getByTestId('match-summary').waitFor({ timeout: 30_000 });
      await step.getByTestId('match-summary').scrollIntoViewIfNeeded();
      await s.screenshot(`${lang}-match`);
      await step.getByRole('button', { name: /^(Flytta|Move)/ }).scrollIntoViewIfNeeded();
      await s.screenshot(`${lang}-match-review`);
      await expectTranslatedAndUnclipped(s, 'match');
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
