/**
 * Measuring the pane's main thread in the browser tests (issue 13, item 5): Chromium's
 * 'longtask' entries (tasks over 50 ms) of the harness page, which shares its thread with the
 * pane's same-origin iframe, plus the largest gap a 10 ms timer loop saw, so that a freeze is
 * caught even where long-task attribution misses it.
 */
import type { PaneSession } from './support';

export interface MainThreadReport {
  /** The longest task Chromium reported, ms (0 when none over 50 ms). */
  longestTask: number;
  /** The longest time the 10 ms timer waited beyond its 10 ms, ms. */
  longestGap: number;
  tasks: number[];
}

/** Starts recording; call stop() on the result for the figures since then. */
export async function watchMainThread(s: PaneSession): Promise<{ stop(): Promise<MainThreadReport> }> {
  await s.page.evaluate(() => {
    const w = window as unknown as { __mt?: { tasks: number[]; gap: number; timer: number; obs: PerformanceObserver } };
    const tasks: number[] = [];
    const obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push(e.duration);
    });
    obs.observe({ type: 'longtask' });
    let last = performance.now();
    const rec = { tasks, gap: 0, timer: 0, obs };
    rec.timer = window.setInterval(() => {
      const now = performance.now();
      rec.gap = Math.max(rec.gap, now - last - 10);
      last = now;
    }, 10);
    w.__mt = rec;
  });
  return {
    async stop() {
      return s.page.evaluate(() => {
        const w = window as unknown as { __mt: { tasks: number[]; gap: number; timer: number; obs: PerformanceObserver } };
        const rec = w.__mt;
        for (const e of rec.obs.takeRecords()) rec.tasks.push(e.duration);
        rec.obs.disconnect();
        clearInterval(rec.timer);
        return { longestTask: Math.round(Math.max(0, ...rec.tasks)), longestGap: Math.round(rec.gap), tasks: rec.tasks.map(Math.round) };
      });
    },
  };
}
