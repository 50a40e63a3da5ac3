// Bundles the command line into lib/cli.js with esbuild (apart from dist/, which holds only
// what the pane deploys): one file, fast start-up (the
// matching and building budgets are for the whole process), no TypeScript at run time.
// Runs on `npm ci` (prepare) so that `npx rajaus` works right after install.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  // Node built-ins and big libraries stay external: they load from node_modules as usual.
  packages: 'external',
  logLevel: 'warning',
};
await Promise.all([
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'lib/cli.js' }),
  // The worker thread of `rajaus match` (src/cli/io/matchWorker.ts): its own small bundle,
  // so that it starts without loading the whole CLI.
  build({ ...common, entryPoints: ['src/cli/workers/match.worker.ts'], outfile: 'lib/match-worker.js' }),
  // The worker thread that writes a finished workbook as .xlsx (src/cli/io/xlsxWriter.ts), so
  // that a Ctrl-C during ExcelJS's long synchronous write is heard at once.
  build({ ...common, entryPoints: ['src/cli/workers/xlsx.worker.ts'], outfile: 'lib/xlsx-worker.js' }),
]);
