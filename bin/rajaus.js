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
// Ctrl-C while the CLI is still loading: stop at once (nothing has been written yet). Once a
// command runs, its own handler (src/cli/io/cancel.ts) is there too and this one stands aside.
const early = (signal) => {
  if (process.listenerCount(signal) > 1) return;
  finished = true;
  process.stderr.write('rajaus: cancelled; nothing was written\n');
  process.exit(130);
};
process.on('SIGINT', early);
process.on('SIGTERM', early);
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
