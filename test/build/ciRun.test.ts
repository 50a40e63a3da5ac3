/**
 * `.ci/run` is a fresh Debian machine's way to the README's test command: it may install what
 * the machine lacks, but the tests it runs must be the README's `npm ci && npm test`, so a user
 * who follows the README runs what CI runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The README's test command, from the Quick start's code block. */
function readmeTestCommand(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const line = /^(npm ci && npm test)\b.*$/m.exec(readme.slice(readme.indexOf('## Quick start')));
  if (!line) throw new Error("README's Quick start has no `npm ci && npm test` line");
  return line[1]!.split('&&').map((c) => c.trim());
}

/** .ci/run's commands, comments and blank lines left out. */
function ciCommands(): string[] {
  return readFileSync(join(ROOT, '.ci', 'run'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

describe('.ci/run', () => {
  it("runs the README's test command: npm ci, then npm test (with extra reporting options only)", () => {
    const [install, test] = readmeTestCommand();
    expect([install, test]).toEqual(['npm ci', 'npm test']);
    const lines = ciCommands();
    const ci = lines.findIndex((l) => l === install || l.startsWith(`${install} --`));
    const run = lines.findIndex((l) => l === test || l.startsWith(`${test} -- `));
    expect(ci).toBeGreaterThanOrEqual(0);
    expect(run).toBeGreaterThan(ci);
    // Nothing else runs jest or a test script behind the README's back.
    expect(lines.filter((l) => /^(npx |node_modules\/\.bin\/)?jest\b|\bnpm run test/.test(l))).toEqual([]);
  });
});
