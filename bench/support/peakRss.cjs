// Preloaded into a benchmarked process (node -r): at exit, writes the process's peak resident
// set size (all threads: the match worker included) to the file named by RAJAUS_PEAK_RSS_FILE.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  const file = process.env.RAJAUS_PEAK_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
});
