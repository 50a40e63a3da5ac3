// Preloaded into a benchmarked process (node -r): at exit, writes the process's peak resident
// set size (all threads: the match worker included) and its CPU time to the file named by
// RAJAUS_PEAK_RSS_FILE, as JSON. CPU time is reported besides wall time because the bench
// machine is shared: wall time there says as much about the neighbours as about Rajaus.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  const file = process.env.RAJAUS_PEAK_RSS_FILE;
  if (!file) return;
  const u = process.resourceUsage();
  writeFileSync(file, JSON.stringify({ peakRss: u.maxRSS * 1024, cpuMs: Math.round((u.userCPUTime + u.systemCPUTime) / 1000) }));
});
