/**
 * Helpers of the issue-13 browser tests: a narrow pane (the harness's pane is 350 px; users of
 * Excel on a laptop often have 300–320 px), opening a step, and reading the step's own status.
 */
import { openPane, type PaneSession } from './support';

export type StepId = 'search' | 'match' | 'buildings' | 'notes' | 'export';

/** Sets the width of the pane's iframe in the harness, as a user dragging the pane's edge. */
export async function setPaneWidth(s: PaneSession, px: number): Promise<void> {
  // These tests run beside six other engineers' builds on two cores: a click's acknowledgement
  // can take longer than support.ts's 10 s when the machine is loaded.
  s.page.context().setDefaultTimeout(30_000);
  // The pane's box has a 1 px left border; the iframe (the pane's window) gets the rest.
  await s.page.evaluate((w) => document.documentElement.style.setProperty('--pane-w', `${w + 1}px`), px);
  await s.page.waitForFunction((w) => (document.querySelector('#pane') as HTMLIFrameElement | null)?.contentWindow?.innerWidth === w, px, {
    timeout: 30_000,
  });
}

/** Opens a step of the flow (if it is not open) and waits for its panel. */
export async function openStep(s: PaneSession, step: StepId): Promise<void> {
  const header = s.pane.locator(`[data-step="${step}"]`).getByRole('button').first();
  await header.waitFor();
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await s.pane.getByTestId(`${step}-step`).waitFor({ timeout: 20_000 });
}

/** The pane's text, for failure messages. */
export async function paneText(s: PaneSession): Promise<string> {
  return s.pane.locator('body').innerText();
}

/** Where the focus is in the pane: the closest data-step or data-testid around it. */
export async function focusPlace(s: PaneSession): Promise<{ step: string | null; testId: string | null; tag: string }> {
  return s.paneFrame.evaluate(() => {
    const el = document.activeElement;
    return {
      step: el?.closest('[data-step]')?.getAttribute('data-step') ?? null,
      testId: el?.closest('[data-testid]')?.getAttribute('data-testid') ?? null,
      tag: el?.tagName ?? '',
    };
  });
}

/**
 * Opens the pane at 320 px, runs `body`, and on failure saves test-results/<failureShot>.png and
 * adds the pane's text and the page's errors to the message; closes the pane either way.
 */
export async function withNarrowPane(
  options: Parameters<typeof openPane>[0],
  failureShot: string,
  body: (s: PaneSession) => Promise<void>,
): Promise<void> {
  const s = await openPane(options);
  try {
    await setPaneWidth(s, 320);
    await body(s);
  } catch (e) {
    await s.screenshot(failureShot);
    throw new Error(`${(e as Error).message}\nPane: ${await paneText(s)}\nErrors: ${s.errors.join('; ')}`);
  } finally {
    await s.close();
  }
}
