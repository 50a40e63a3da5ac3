/**
 * Where the time of a run goes: with RAJAUS_TIMING=1 in the environment, each thread prints
 * one line per phase to stderr ("[timing] main list read 1234 ms"), in milliseconds since the
 * process started (process.uptime(), the same clock in every thread), so the two threads of
 * `rajaus match` line up, with the process's resident memory and the thread's heap. Off by default; the README's breakdown of a run is made with it (a
 * profiler's overhead moves tight loops too much to say where the time goes).
 */
const enabled = process.env.RAJAUS_TIMING === '1';

export function phase(thread: string, name: string): void {
  if (!enabled) return;
  const mb = (n: number) => Math.round(n / 1048576);
  const m = process.memoryUsage();
  // RSS is the whole process's; the heap is this thread's.
  process.stderr.write(`[timing] ${thread} ${name} ${Math.round(process.uptime() * 1000)} ms, rss ${mb(m.rss)} MB, heap ${mb(m.heapUsed)} MB\n`);
}
