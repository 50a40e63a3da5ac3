#!/usr/bin/env node
'use strict';
// The `rajaus` command (package bin). The CLI is bundled into lib/cli.js by `npm ci`
// (prepare) or `npm run build:cli`; see src/cli/main.ts.
const path = require('path');
const fs = require('fs');
const cli = path.join(__dirname, '..', 'lib', 'cli.js');
if (!fs.existsSync(cli)) {
  require('child_process').execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build-cli.mjs')], {
    stdio: 'inherit',
    cwd: path.join(__dirname, '..'),
  });
}
// `rajaus match` reads the customer file in a worker thread (src/cli/io/matchWorker.ts): started
// here, it loads while the CLI's modules do (0.1-0.2 s) instead of after them, and waits for the
// command to say what to read. Unref'd until then: a run that never asks for it (--help, a
// usage error) ends as it would without it.
if (process.argv[2] === 'match') {
  const workerFile = path.join(__dirname, '..', 'lib', 'match-worker.js');
  if (fs.existsSync(workerFile)) {
    const early = { worker: new (require('node:worker_threads').Worker)(workerFile), gone: false };
    early.worker.unref();
    const gone = () => (early.gone = true);
    early.worker.on('error', gone).on('exit', gone);
    globalThis[Symbol.for('rajaus.earlyMatchWorker')] = early;
  }
}
// Ctrl-C while the CLI is still loading its modules: no handler of ours yet, so the signal's
// default action ends the process at once (the shell shows 130 for Ctrl-C, 143 for SIGTERM).
// Nothing has been written or started by then. A handler here could not do better: JavaScript
// hears a signal only between pieces of work, and loading ExcelJS is one synchronous pass
// (0.3-0.6 s on a quiet machine, 1-2 s on a busy one); a signal waited for it. Once a command
// runs, src/cli/io/cancel.ts listens: exit 130 and "cancelled; nothing was written".
let finished = false;
require(cli)
  .main(process.argv.slice(2))
  .then((code) => {
    finished = true;
    process.exitCode = code;
  });
// Nothing left to run while main() still waits (a lost worker reply): a bug, never a success.
process.on('exit', (code) => {
  // 130: cancelled (src/cli/io/cancel.ts), which says so itself.
  if (!finished && code !== 130) {
    console.error('rajaus: internal error: stopped before the command finished; its outputs may be missing');
    process.exitCode = 1;
  }
});
