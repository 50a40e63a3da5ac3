/**
 * `rajaus serve`: hosts the add-in for a team (src/server/server.ts): the built pane, its
 * manifest rewritten to the public address, and the same-origin gateway to PRH, Helsinki, HSY
 * and Ryhti under /api/. Runs until Ctrl-C (SIGINT) or SIGTERM.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from '../command';
import { UserError } from '../../core/errors';
import { startRajausServer, type ServeOptions } from '../../server/server';
import type { ServiceId } from '../../server/gateway/services';

const USAGE = `rajaus serve [--port N] [--host ADDR] (--cert FILE --key FILE | --behind-proxy | --dev-certs) [options]

  --port N             port to listen on (default 3443)
  --host ADDR          address to listen on (default 0.0.0.0; 127.0.0.1 for this machine only)
  --cert FILE          TLS certificate (PEM, with its chain) …
  --key FILE           … and its private key: the server speaks HTTPS
  --dev-certs          HTTPS with office-addin-dev-certs' localhost certificate (a local try;
                       the default when neither --cert nor --behind-proxy is given)
  --behind-proxy       plain HTTP behind a TLS-terminating proxy; X-Forwarded-Proto and
                       X-Forwarded-Host then give the public address
  --public-url URL     the address users reach the add-in at (https://rajaus.example.fi/);
                       the manifest's URLs and the gateway's own origin follow it
  --dist DIR           the built pane (default: this package's dist/, built if missing)
  --prh-url URL        upstream bases, for mirrors and tests (defaults: the public services)
  --helsinki-url URL
  --hsy-url URL
  --ryhti-url URL
  --prh-per-minute N   PRH queries a minute for this process (default 300, PRH's shared limit;
                       divide it by the number of instances)
  --timeout SECONDS    longest upstream call (default 30)

The manifest is at <public url>/manifest.xml: sideload it, or give it to Microsoft 365 admin
centre (Integrated apps ▸ Upload custom apps). The log has counts and durations only (of query
values, postal codes and industry codes).`;

/** The pane's build: dist/ of the package the CLI bundle (lib/cli.js) or the sources belong to. */
function defaultDist(): { dir: string; root: string } {
  for (const root of [resolve(__dirname, '..'), resolve(__dirname, '..', '..', '..')]) {
    if (existsSync(join(root, 'package.json')) && existsSync(join(root, 'webpack.config.js'))) return { dir: join(root, 'dist'), root };
  }
  return { dir: resolve(__dirname), root: resolve(__dirname, '..') };
}

/** A fresh clone has only the CLI built (npm ci's prepare): build the pane once, as npm run build:pane does. */
function ensurePaneBuilt(dist: { dir: string; root: string }, info: (line: string) => void): void {
  if (existsSync(join(dist.dir, 'taskpane.html'))) return;
  const webpack = join(dist.root, 'node_modules', 'webpack', 'bin', 'webpack.js');
  if (!existsSync(webpack)) throw new UserError(`${join(dist.dir, 'taskpane.html')} is missing: run \`npm run build\` first`);
  info('rajaus serve: building the task pane (webpack --mode production, about a minute)…');
  const r = spawnSync(process.execPath, [webpack, '--mode', 'production'], { cwd: dist.root, stdio: 'inherit' });
  if (r.status !== 0) throw new UserError('the task pane build failed: run `npm run build:pane` to see why');
}

function readPem(path: string, what: string, cwd: string): Buffer {
  try {
    return readFileSync(resolve(cwd, path));
  } catch (e) {
    throw new UserError(`${what} ${path} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

function url(value: unknown, option: string): string | undefined {
  if (value === undefined) return undefined;
  let u: URL;
  try {
    u = new URL(String(value));
  } catch {
    throw new UserError(`${option} must be an http(s) URL, not '${value}'`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new UserError(`${option} must be an http(s) URL, not '${value}'`);
  return u.href;
}

function positive(value: unknown, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UserError(`${option} must be a positive number, not '${value}'`);
  return n;
}

export const serveCommand: Command = {
  name: 'serve',
  usage: USAGE,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    cert: { type: 'string' },
    key: { type: 'string' },
    'dev-certs': { type: 'boolean' },
    'behind-proxy': { type: 'boolean' },
    'public-url': { type: 'string' },
    dist: { type: 'string' },
    'prh-url': { type: 'string' },
    'helsinki-url': { type: 'string' },
    'hsy-url': { type: 'string' },
    'ryhti-url': { type: 'string' },
    'prh-per-minute': { type: 'string' },
    timeout: { type: 'string' },
  },
  async run(values, _positionals, io) {
    const port = Number(values.port ?? 3443);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port must be a port number, not '${values.port}'`);
    const behindProxy = Boolean(values['behind-proxy']);
    if ((values.cert === undefined) !== (values.key === undefined)) throw new UserError('--cert and --key go together');
    if (values.cert && behindProxy)
      throw new UserError('--behind-proxy is plain HTTP: leave out --cert and --key (the proxy holds the certificate)');

    let tls: ServeOptions['tls'];
    if (values.cert) tls = { cert: readPem(values.cert as string, '--cert', io.cwd), key: readPem(values.key as string, '--key', io.cwd) };
    else if (!behindProxy) {
      try {
        const devCerts = (await import('office-addin-dev-certs')) as {
          getHttpsServerOptions(): Promise<{ cert: Buffer; key: Buffer; ca: Buffer }>;
        };
        const o = await devCerts.getHttpsServerOptions();
        tls = { cert: o.cert, key: o.key, ca: o.ca };
      } catch (e) {
        const why = String((e as Error).message)
          .split('\n')[0]!
          .trim();
        // The certificates are made before the CA is installed (which needs sudo on Linux):
        // use them, and say that Office will not trust them until the CA is.
        const dir = join(homedir(), '.office-addin-dev-certs');
        if (existsSync(join(dir, 'localhost.crt')) && existsSync(join(dir, 'localhost.key'))) {
          io.warn(
            `rajaus serve: the development CA is not installed (${why}); browsers and Office will not trust https://localhost until it is: npx office-addin-dev-certs install`,
          );
          tls = { cert: readFileSync(join(dir, 'localhost.crt')), key: readFileSync(join(dir, 'localhost.key')) };
        } else {
          throw new UserError(
            `no certificate: give --cert FILE --key FILE, or --behind-proxy behind a TLS-terminating proxy (office-addin-dev-certs: ${why})`,
          );
        }
      }
    }
    const dist = values.dist ? { dir: resolve(io.cwd, values.dist as string), root: io.cwd } : defaultDist();
    if (!values.dist) ensurePaneBuilt(dist, io.info);
    if (!existsSync(join(dist.dir, 'taskpane.html')))
      throw new UserError(`${join(dist.dir, 'taskpane.html')} is missing: run \`npm run build\` first`);

    const upstreams: Partial<Record<ServiceId, string>> = {};
    for (const id of ['prh', 'helsinki', 'hsy', 'ryhti'] as const) {
      const u = url(values[`${id}-url`], `--${id}-url`);
      if (u) upstreams[id] = u;
    }
    const publicUrl = url(values['public-url'], '--public-url');
    const running = await startRajausServer({
      port,
      host: (values.host as string | undefined) ?? '0.0.0.0',
      distDir: dist.dir,
      tls,
      behindProxy,
      publicUrl,
      gateway: {
        upstreams,
        prhPerMinute: positive(values['prh-per-minute'], '--prh-per-minute', 300),
        timeoutMs: positive(values.timeout, '--timeout', 30) * 1000,
      },
      log: io.info,
    }).catch((e: NodeJS.ErrnoException) => {
      throw new UserError(`cannot listen on port ${port}: ${e.code ?? e.message}`);
    });
    const shown = publicUrl ?? running.url.replace('0.0.0.0', 'localhost');
    // The one line a test or a supervisor waits for: where it listens.
    console.log(`rajaus serve: listening on ${running.url}; manifest ${shown.replace(/\/$/, '')}/manifest.xml`);
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        io.info('rajaus serve: stopping');
        void running.close().then(done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  },
};
