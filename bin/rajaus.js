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
let finished = false;
require(cli)
  .main(process.argv.slice(2))
  .then((code) => {
    finished = true;
    process.exitCode = code;
  });
// Nothing left to run while main() still waits (a lost worker reply): a bug, never a success.
process.on('exit', () => {
  if (!finished) {
    console.error('rajaus: internal error: stopped before the command finished; its outputs may be missing');
    process.exitCode = 1;
  }
});
