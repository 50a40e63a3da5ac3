/**
 * Measuring the pane's main thread in the browser tests (issue 13, item 5): Chromium's
 * 'longtask' entries (tasks over 50 ms) of the harness page, whose thread the pane's
 * same-origin iframe shares, plus the largest gap a 10 ms timer saw.
 *
 * The simulated Excel runs on that thread too, while Excel runs requests in its own process:
 * the time the simulator spent executing requests (RequestRecord.excelStart/excelMs) is taken
 * off the tasks it falls in, so that `longestTask` is the pane's own (serializing requests,
 * reading answers, React, GC included). `longestRawTask` keeps the figure with Excel's share.
 */
import type { PaneSession } from './support';

export interface MainThreadReport {
  /** The pane's longest task, ms: the longest long task less the simulated Excel's time in it. */
  longestTask: number;
  /** The longest long task as Chromium reported it, ms (0 when none over 50 ms). */
  longestRawTask: number;
  /** The longest time the 10 ms timer waited beyond its 10 ms, ms. */
  longestGap: number;
  /** Each long task: [raw ms, pane's ms]. */
  tasks: [number, number][];
}

interface Recording {
  tasks: { start: number; duration: number }[];
  gap: number;
  timer: number;
  obs: PerformanceObserver;
  fromRequest: number;
}

/** Starts recording; call stop() on the result for the figures since then. */
export async function watchMainThread(s: PaneSession): Promise<{ stop(): Promise<MainThreadReport> }> {
  await s.page.evaluate(() => {
    const w = window as unknown as { __mt?: Recording; __rajausSimulator: { requests: readonly unknown[] } };
    const tasks: Recording['tasks'] = [];
    const obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    });
    obs.observe({ type: 'longtask' });
    let last = performance.now();
    const rec: Recording = { tasks, gap: 0, timer: 0, obs, fromRequest: w.__rajausSimulator.requests.length };
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
        const w = window as unknown as {
          __mt: Recording;
          __rajausSimulator: { requests: readonly { excelStart?: number; excelMs?: number }[] };
        };
        const rec = w.__mt;
        for (const e of rec.obs.takeRecords()) rec.tasks.push({ start: e.startTime, duration: e.duration });
        rec.obs.disconnect();
        clearInterval(rec.timer);
        const excel = w.__rajausSimulator.requests
          .slice(rec.fromRequest)
          .filter((r) => r.excelStart !== undefined)
          .map((r) => [r.excelStart!, r.excelStart! + (r.excelMs ?? 0)] as const);
        const tasks = rec.tasks.map((t): [number, number] => {
          const end = t.start + t.duration;
          let inExcel = 0;
          for (const [a, b] of excel) inExcel += Math.max(0, Math.min(b, end) - Math.max(a, t.start));
          return [Math.round(t.duration), Math.round(t.duration - inExcel)];
        });
        return {
          longestTask: Math.max(0, ...tasks.map((t) => t[1])),
          longestRawTask: Math.max(0, ...tasks.map((t) => t[0])),
          longestGap: Math.round(rec.gap),
          tasks,
        };
      });
    },
  };
}
