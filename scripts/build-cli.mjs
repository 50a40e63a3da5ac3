// Bundles the command line into lib/cli.js with esbuild (apart from dist/, which holds only
// what the pane deploys): one file, fast start-up (the
// matching and building budgets are for the whole process), no TypeScript at run time.
// Runs on `npm ci` (prepare) so that `npx rajaus` works right after install.
import { build } from 'esbuild';
import { createRequire } from 'node:module';

/**
 * libphonenumber-js (max metadata) loaded on its first use instead of at start-up: it took
 * 45–80 ms of each thread of `rajaus match` before the first byte was read, and a register of
 * Finnish numbers never needs it (src/core/normalize/phone.ts reads them by its fast path).
 * The bundles import a stand-in whose exports are getters that require the library when first
 * read; the sources keep their plain import, so the pane's webpack build still tree-shakes it.
 */
const LAZY = 'libphonenumber-js/max';
const lazyNames = Object.keys(createRequire(import.meta.url)(LAZY));
const lazyLibrary = {
  name: 'lazy-libphonenumber',
  setup(b) {
    b.onResolve({ filter: /^libphonenumber-js\/max$/ }, (args) =>
      args.namespace === 'lazy' ? { path: LAZY, external: true } : { path: LAZY, namespace: 'lazy' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      loader: 'js',
      contents: [
        'let library;',
        `const load = () => (library ??= require(${JSON.stringify(LAZY)}));`,
        ...lazyNames.map(
          (n) => `Object.defineProperty(exports, ${JSON.stringify(n)}, { enumerable: true, get: () => load()[${JSON.stringify(n)}] });`,
        ),
      ].join('\n'),
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  // Node built-ins and big libraries stay external: they load from node_modules as usual.
  packages: 'external',
  logLevel: 'warning',
  plugins: [lazyLibrary],
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
