/**
 * Issue 13, item 3: the industry picker at 300–520 px. The A–U sections shown on focus wrap
 * inside their rows (no option overprints the next), the list closes after a pick, on Esc and
 * on a click elsewhere, and its options are no Tab stops (Tab goes from the box to the next
 * control of the form).
 */
import { openPane, type PaneSession } from './support';
import { openStep, paneText, setPaneWidth } from './paneSteps';

async function withPane(body: (s: PaneSession) => Promise<void>): Promise<void> {
  const s = await openPane({ lang: 'fi' });
  try {
    await setPaneWidth(s, 320);
    await body(s);
  } catch (e) {
    await s.screenshot(`industry-picker-failure`);
    throw new Error(`${(e as Error).message}\nPane: ${await paneText(s)}\nErrors: ${s.errors.join('; ')}`);
  } finally {
    await s.close();
  }
}

/** Options whose text spills out of their box, or whose box overlaps the next one. */
async function overprinted(s: PaneSession): Promise<string[]> {
  return s.paneFrame.$$eval('[data-testid="industry-input-list"] [role="option"]', (els) => {
    const bad: string[] = [];
    els.forEach((el, i) => {
      const r = el.getBoundingClientRect();
      if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) bad.push(`spills: ${el.textContent}`);
      const next = els[i + 1]?.getBoundingClientRect();
      if (next && next.top < r.bottom - 0.5) bad.push(`overlaps next: ${el.textContent}`);
      for (const child of Array.from(el.querySelectorAll('*'))) {
        const c = child.getBoundingClientRect();
        if (c.right > r.right + 0.5 || c.bottom > r.bottom + 0.5) bad.push(`child outside: ${el.textContent}`);
      }
    });
    return bad;
  });
}

describe('industry picker (Chromium, Excel simulator, 300–520 px)', () => {
  it('no overprinting at 300, 320, 400 and 520 px', async () => {
    await withPane(async (s) => {
      await openStep(s, 'search');
      for (const w of [300, 320, 400, 520]) {
        await setPaneWidth(s, w);
        const input = s.pane.getByTestId('industry-input');
        await input.click();
        const list = s.pane.getByTestId('industry-input-list');
        await list.waitFor();
        expect(await list.getByRole('option').count()).toBe(21); // sections A–U
        expect(await overprinted(s)).toEqual([]);
        await input.fill('kiinteistö');
        await list.getByRole('option').first().waitFor();
        expect(await overprinted(s)).toEqual([]);
        await input.fill('');
        await input.press('Escape');
      }
      await setPaneWidth(s, 320);
      await s.pane.getByTestId('industry-input').click();
      await s.screenshot('industry-picker-320');
    });
  }, 60_000);

  it('closes after a pick, on Esc and on a click elsewhere; no extra Tab stops', async () => {
    await withPane(async (s) => {
      await openStep(s, 'search');
      await setPaneWidth(s, 320);
      const input = s.pane.getByTestId('industry-input');
      const list = s.pane.getByTestId('industry-input-list');

      await input.click();
      await list.waitFor();
      await list.getByRole('option', { name: /^F\s+Rakentaminen/ }).click();
      await s.pane.getByTestId('industry-chips').getByText(/^F Rakentaminen/).waitFor();
      expect(await list.count()).toBe(0);

      await input.press('ArrowDown');
      await list.waitFor();
      expect(await input.getAttribute('aria-expanded')).toBe('true');
      await input.press('Escape');
      expect(await list.count()).toBe(0);
      // Esc closed the list only, not the step.
      await s.pane.getByTestId('search-step').waitFor();

      await input.press('ArrowDown');
      await list.waitFor();
      await s.pane.getByTestId('search-step').getByText('Yhtiömuoto', { exact: true }).click();
      expect(await list.count()).toBe(0);

      // Keyboard: arrows move through the sections, Enter picks, Tab leaves the picker at once.
      await input.focus();
      await input.press('ArrowDown');
      await input.press('ArrowDown');
      expect(await input.getAttribute('aria-activedescendant')).toBeTruthy();
      await input.press('Enter');
      await s.pane.getByTestId('industry-chips').getByText(/^B /).waitFor();
      await input.press('ArrowDown');
      await list.waitFor();
      const tabbable = await s.paneFrame.$$eval('[data-testid="industry-input-list"] *', (els) =>
        els.filter((e) => (e as HTMLElement).tabIndex >= 0).length,
      );
      expect(tabbable).toBe(0);
      await input.press('Tab');
      const after = await s.paneFrame.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return `${el?.closest('[data-testid]')?.getAttribute('data-testid')} ${el?.outerHTML.slice(0, 200)}`;
      });
      expect(after).toMatch(/^search-company-forms /);
      expect(s.errors).toEqual([]);
    });
  }, 60_000);
});
