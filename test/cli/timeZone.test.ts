/**
 * The CLI's date-times are Finnish time on a machine in UTC (issue 13): "Poimittu" of a search
 * at 00:44 UTC on 7 December is 02.44 in Helsinki, as the pane writes it there. Runs the built
 * CLI in a process of its own (Jest's process.env is a copy, so TZ set in a test does nothing).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { buildCli, ROOT } from './integrity/process';

beforeAll(buildCli, 120_000);

/** Runs the CLI's main (here `--version`) with TZ as given, then reads an instant's local hour and Excel serial. */
function hourAfterMain(tz: string): { hour: number; serialMinutes: number } {
  const script = `
    const cli = require(${JSON.stringify(join(ROOT, 'lib', 'cli.js'))});
    cli.main(['--version']).then(() => {
      const at = new Date('2026-12-07T00:44:00.000Z');
      process.stdout.write(JSON.stringify({ hour: at.getHours(), serialMinutes: at.getHours() * 60 + at.getMinutes() }));
    });`;
  const out = execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
  return JSON.parse(out.slice(out.indexOf('{')));
}

describe('the CLI time zone', () => {
  it('is Europe/Helsinki when TZ is not set, so date-times read as Finnish wall-clock time', () => {
    expect(hourAfterMain('')).toEqual({ hour: 2, serialMinutes: 2 * 60 + 44 });
  });

  it('keeps a zone the user set', () => {
    expect(hourAfterMain('UTC').hour).toBe(0);
  });
});
