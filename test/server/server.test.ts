/**
 * `rajaus serve`'s server: the built pane and its manifest at the public address, the security
 * headers, HTTPS with given files, the proxy's headers trusted only when told, and the command.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRajausServer, type RunningServer } from '../../src/server/server';

const ROOT = join(__dirname, '..', '..');
const DIST = mkdtempSync(join(tmpdir(), 'rajaus-serve-'));
writeFileSync(join(DIST, 'taskpane.html'), '<!doctype html><html><head><title>Rajaus</title></head><body></body></html>');
writeFileSync(join(DIST, 'manifest.xml'), readFileSync(join(ROOT, 'manifest.xml')));
writeFileSync(join(DIST, 'cli.js'), '// the CLI bundle');
writeFileSync(join(DIST, 'taskpane.0123abcd.js'), 'console.log(1)');
mkdirSync(join(DIST, 'assets'));
writeFileSync(join(DIST, 'assets', 'icon-32.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('rajaus serve over plain HTTP behind a proxy', () => {
  it('serves the pane with the gateway meta tag, the CSP Office needs, and no HSTS on plain HTTP', async () => {
    server = await startRajausServer({ port: 0, distDir: DIST, behindProxy: true });
    const res = await fetch(`${server.url}/taskpane.html`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<head><meta name="rajaus-gateway" content="api/">');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/\*\.officeapps\.live\.com .*https:\/\/\*\.office\.com/);
    expect(csp).toContain("connect-src 'self' https://appsforoffice.microsoft.com");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${server.url}/taskpane.0123abcd.js`)).headers.get('cache-control')).toMatch(/immutable/);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
  });

  it("rewrites the manifest to the proxy's public address, trusting X-Forwarded-* because it was told to", async () => {
    server = await startRajausServer({ port: 0, distDir: DIST, behindProxy: true });
    const res = await fetch(`${server.url}/manifest.xml`, {
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'rajaus.example.fi' },
    });
    const xml = await res.text();
    expect(xml).toContain('<SourceLocation DefaultValue="https://rajaus.example.fi/taskpane.html"/>');
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });

  it('ignores X-Forwarded-* when not behind a proxy, and --public-url wins over both', async () => {
    server = await startRajausServer({ port: 0, distDir: DIST });
    const forged = await (
      await fetch(`${server.url}/manifest.xml`, { headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' } })
    ).text();
    expect(forged).not.toContain('evil.example');
    expect(forged).toContain(`DefaultValue="${server.url}/taskpane.html"`);
    await server.close();
    server = await startRajausServer({ port: 0, distDir: DIST, behindProxy: true, publicUrl: 'https://tools.example.fi/rajaus/' });
    const xml = await (await fetch(`${server.url}/manifest.xml`, { headers: { 'x-forwarded-host': 'evil.example' } })).text();
    expect(xml).toContain('DefaultValue="https://tools.example.fi/rajaus/taskpane.html"');
  });

  it("does not hand out the command line's bundle, dotfiles or directories", async () => {
    server = await startRajausServer({ port: 0, distDir: DIST });
    expect((await fetch(`${server.url}/cli.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/assets`)).status).toBe(404);
    expect((await fetch(`${server.url}/assets/icon-32.png`)).headers.get('content-type')).toBe('image/png');
    expect((await fetch(`${server.url}/taskpane.html`, { method: 'POST' })).status).toBe(405);
  });
});

describe('rajaus serve over HTTPS', () => {
  it('speaks TLS with the given certificate and key, with HSTS', async () => {
    const tlsDir = join(ROOT, 'test', 'fixtures', 'tls');
    server = await startRajausServer({
      port: 0,
      distDir: DIST,
      tls: { cert: readFileSync(join(tlsDir, 'localhost-cert.pem')), key: readFileSync(join(tlsDir, 'localhost-key.pem')) },
    });
    expect(server.url).toMatch(/^https:/);
    const ca = readFileSync(join(tlsDir, 'localhost-cert.pem'));
    const { status, headers, body } = await new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
      (resolve, reject) => {
        const req = request(`${server!.url}/manifest.xml`, { ca }, (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
        });
        req.on('error', reject);
        req.end();
      },
    );
    expect(status).toBe(200);
    expect(headers['strict-transport-security']).toBe('max-age=31536000');
    expect(body).toContain(`DefaultValue="${server.url}/taskpane.html"`);
  });
});

describe('the command', () => {
  it('`rajaus serve --behind-proxy --port 0` starts, answers /api/health and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'rajaus.js'), 'serve', '--behind-proxy', '--port', '0', '--host', '127.0.0.1', '--dist', DIST],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
          const m = /listening on (http:\/\/[^;\s]+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.stderr.on('data', (d) => (out += d));
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      expect(await (await fetch(`${url}/api/health`)).json()).toMatchObject({ ok: true });
      const exit = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses half a certificate and a bad --public-url in one line', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; err: string }>((resolve) => {
        const child = spawn(process.execPath, [join(ROOT, 'bin', 'rajaus.js'), 'serve', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        child.stderr.on('data', (d) => (err += d));
        child.on('exit', (code) => resolve({ code, err }));
      });
    expect(await run(['--cert', 'x.pem'])).toEqual({ code: 1, err: 'rajaus serve: --cert and --key go together\n' });
    expect(await run(['--behind-proxy', '--public-url', 'file:///etc/', '--dist', DIST])).toEqual({
      code: 1,
      err: "rajaus serve: --public-url must be an http(s) URL, not 'file:///etc/'\n",
    });
  });
});
