// `npm start`: sideloads the add-in into Excel desktop with office-addin-debugging, as in
// Microsoft's template. Excel desktop exists only on Windows and macOS; elsewhere (Linux) this
// prints how to sideload into Excel on the web instead of failing with a stack trace.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = join(root, 'manifest.xml');
const extra = process.argv.slice(2); // e.g. `npm start -- web --document <url>`

const webInstructions = `
Rajaus: sideload into Excel on the web
--------------------------------------
Excel desktop is not available on ${process.platform}. Use Excel on the web:

  1. Start the dev server (keep it running):
       npm run dev-server
     It serves https://localhost:3000 with a certificate from office-addin-dev-certs.
     Open https://localhost:3000/taskpane.html once in the same browser; if the browser
     warns about the certificate, trust it (or run: npx office-addin-dev-certs install).
  2. Open a workbook in Excel on the web (https://www.office.com ▸ Excel).
  3. Home ▸ Add-ins ▸ More add-ins ▸ Upload My Add-in ▸ choose
       ${manifest}
  4. The "Kohderyhmälista" / "Contact list" button appears on the Home tab; it opens the pane.

With a workbook URL, office-addin-debugging can do step 3 for you:
  npx office-addin-debugging start manifest.xml web --document <workbook URL>
`;

function runDebugging(args) {
  const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'office-addin-debugging.cmd' : 'office-addin-debugging');
  if (!existsSync(bin)) {
    console.error('office-addin-debugging is not installed: run `npm ci` first.');
    process.exit(1);
  }
  const child = spawn(bin, ['start', manifest, ...args], { stdio: 'inherit', cwd: root, shell: process.platform === 'win32' });
  child.on('error', (error) => {
    console.error(`Could not start office-addin-debugging: ${error.message}`);
    console.log(webInstructions);
    process.exit(1);
  });
  child.on('exit', (code) => {
    if (code !== 0) {
      console.error(`office-addin-debugging exited with code ${code}. To sideload by hand, see:`);
      console.log(webInstructions);
    }
    process.exit(code ?? 1);
  });
}

const desktop = process.platform === 'win32' || process.platform === 'darwin';
if (desktop || extra[0] === 'web') runDebugging(extra.length ? extra : ['desktop']);
else {
  console.log(webInstructions);
  process.exit(0);
}
