/**
 * The pane build's configuration (webpack.config.js): what a deployment gets in dist/ (the pane
 * and the function file, never the browser tests' harness), the type check that fails the build,
 * and RAJAUS_PUBLIC_URL checked before anything is built. The build itself was run by hand for
 * the README ("Deploying"); building here would take minutes on the shared machine.
 */
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require(join(ROOT, 'webpack.config.js')) as (
  env: Record<string, unknown>,
  options: { mode: string },
) => Promise<{ entry: Record<string, string>; output: { path: string; clean: unknown }; plugins: { constructor: { name: string } }[] }>;

async function configWith(env: Record<string, unknown>, publicUrl?: string) {
  const before = process.env.RAJAUS_PUBLIC_URL;
  if (publicUrl === undefined) delete process.env.RAJAUS_PUBLIC_URL;
  else process.env.RAJAUS_PUBLIC_URL = publicUrl;
  try {
    return await makeConfig(env, { mode: 'production' });
  } finally {
    if (before === undefined) delete process.env.RAJAUS_PUBLIC_URL;
    else process.env.RAJAUS_PUBLIC_URL = before;
  }
}

const pluginNames = (c: Awaited<ReturnType<typeof makeConfig>>) => c.plugins.map((p) => p.constructor.name);

describe('webpack.config.js', () => {
  it('builds the pane and the function file into a clean dist/, with the type check', async () => {
    const c = await configWith({});
    expect(Object.keys(c.entry).sort()).toEqual(['commands', 'taskpane']);
    expect(c.output.path).toBe(join(ROOT, 'dist'));
    expect(c.output.clean).toBe(true);
    expect(pluginNames(c)).toContain('ForkTsCheckerWebpackPlugin');
  });

  it('adds the harness only for the tests, and never to a deployment', async () => {
    const test = await configWith({ harness: true, notypecheck: true });
    expect(Object.keys(test.entry).sort()).toEqual(['commands', 'harness', 'taskpane']);
    expect(pluginNames(test)).not.toContain('ForkTsCheckerWebpackPlugin');
    const deploy = await configWith({ harness: true }, 'https://lists.example.fi/rajaus/');
    expect(Object.keys(deploy.entry).sort()).toEqual(['commands', 'taskpane']);
  });

  it('refuses a public URL without https or without the trailing slash, and build:prod without one', async () => {
    await expect(configWith({}, 'https://lists.example.fi/rajaus')).rejects.toThrow(/must end with "\/"/);
    await expect(configWith({}, 'http://lists.example.fi/rajaus/')).rejects.toThrow(/must use https/);
    await expect(configWith({ prod: true })).rejects.toThrow(/build:prod needs RAJAUS_PUBLIC_URL/);
  });
});
