/**
 * The CLI and a slow or unwilling service (issue 16 items 3 and 4): a Retry-After is counted
 * down on stdout and the search carries on; one over the cap ends at once with one line and
 * leaves the existing output as it was.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { resetPrhThrottle } from '../../../src/sources/directory/prh';
import { useCliSandbox } from '../../support/cliSandbox';
import { startFaultServer, type FaultServer } from '../../support/faultServer';

const sandbox = useCliSandbox('net');
const prhPage = JSON.parse(readFileSync(join(__dirname, '../../fixtures/prh/search-supercell.json'), 'utf8'));
let server: FaultServer;

beforeAll(async () => {
  server = await startFaultServer(() => ({ body: prhPage }));
});
afterAll(() => server.close());
beforeEach(() => resetPrhThrottle());

async function search(): Promise<number> {
  writeFileSync(join(sandbox.dir, 'c.json'), JSON.stringify({ kind: 'b2b', area: { postalCodes: ['00180'] } }));
  return main([
    'search',
    '--criteria',
    join(sandbox.dir, 'c.json'),
    '--source',
    'prh',
    '--prh-base',
    server.url,
    '--out',
    join(sandbox.dir, 'r.csv'),
    '--lang',
    'en',
  ]);
}

describe('rajaus search and a PRH that asks to wait', () => {
  it('counts a short Retry-After down on stdout, then writes the result', async () => {
    server.queue = [{ kind: 'status', status: 429, headers: { 'retry-after': '2' } }];
    expect(await search()).toBe(0);
    expect(sandbox.out.filter((l) => /PRH asked to wait/.test(l))).toEqual(['PRH asked to wait: 2 s…', 'PRH asked to wait: 1 s…']);
    expect(existsSync(join(sandbox.dir, 'r.csv'))).toBe(true);
  });

  it('ends at once, with one line and the numbers, when the wait is longer than Rajaus waits', async () => {
    writeFileSync(join(sandbox.dir, 'r.csv'), 'vanha tulos\r\n');
    server.queue = [{ kind: 'status', status: 429, headers: { 'retry-after': '600' } }];
    // Jest's 5 s test timeout would end a run that waited.
    expect(await search()).not.toBe(0);
    expect(sandbox.err).toEqual([
      'rajaus search: PRH asked to wait 600 s before trying again; Rajaus waits at most 60 s. Try again later.',
    ]);
    expect(readFileSync(join(sandbox.dir, 'r.csv'), 'utf8')).toBe('vanha tulos\r\n');
  });
});
