#!/usr/bin/env node
'use strict';
// The `rajaus` command (package bin). The CLI is bundled into dist/cli.js by `npm ci`
// (prepare) or `npm run build:cli`; see src/cli/main.ts.
const path = require('path');
const fs = require('fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  require('child_process').execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build-cli.mjs')], {
    stdio: 'inherit',
    cwd: path.join(__dirname, '..'),
  });
}
require(cli)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
