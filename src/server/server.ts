/**
 * `rajaus serve`: one Node process that hosts the add-in for a team. It serves the built pane
 * (dist/), the manifest rewritten to its public address, and the same-origin gateway under
 * /api/ (gateway/gateway.ts). HTTPS with a given certificate and key (or
 * office-addin-dev-certs for a local try), or plain HTTP behind a TLS-terminating proxy. It
 * keeps no state but its cache, so more instances behind a load balancer scale it.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createGateway, type Gateway, type GatewayOptions } from './gateway/gateway';
import { securityHeaders } from './headers';
import { staticFile } from './static';

export interface ServeOptions {
  distDir: string;
  /** TLS certificate and key (PEM); without them the server speaks plain HTTP. */
  tls?: { cert: string | Buffer; key: string | Buffer; ca?: string | Buffer };
  /** Trust X-Forwarded-Proto and X-Forwarded-Host for the public address (only behind a proxy). */
  behindProxy?: boolean;
  /** The address users reach the add-in at, e.g. https://rajaus.example.fi/ (overrides the rest). */
  publicUrl?: string;
  gateway?: GatewayOptions;
  log?: (line: string) => void;
}

export interface RunningServer {
  server: Server;
  gateway: Gateway;
  /** The address it listens on, e.g. https://127.0.0.1:3443. */
  url: string;
  close(): Promise<void>;
}

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** The public base of one request: --public-url, else the proxy's forwarded headers (if trusted), else the Host. */
export function publicBaseOf(
  req: IncomingMessage,
  o: Pick<ServeOptions, 'publicUrl' | 'behindProxy'>,
  tls: boolean,
): { base: string; https: boolean } {
  if (o.publicUrl) {
    const u = new URL(o.publicUrl);
    return { base: u.href.endsWith('/') ? u.href : `${u.href}/`, https: u.protocol === 'https:' };
  }
  let proto = tls ? 'https' : 'http';
  let host = req.headers.host ?? 'localhost';
  if (o.behindProxy) {
    const fProto = String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]!
      .trim();
    const fHost = String(req.headers['x-forwarded-host'] ?? '')
      .split(',')[0]!
      .trim();
    if (fProto === 'https' || fProto === 'http') proto = fProto;
    if (fHost) host = fHost;
  }
  if (!HOST.test(host)) host = 'localhost';
  return { base: `${proto}://${host}/`, https: proto === 'https' };
}

export function createRajausServer(o: ServeOptions): { server: Server; gateway: Gateway } {
  const log = o.log ?? (() => undefined);
  const gateway = createGateway({ log, ...o.gateway });
  const tls = Boolean(o.tls);
  const distDir = o.distDir.replace(/[\\/]+$/, '');

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { base, https } = publicBaseOf(req, o, tls);
    for (const [k, v] of Object.entries(securityHeaders({ https }))) res.setHeader(k, v);
    const target = req.url ?? '/';
    if (target.startsWith('/api/') || target === '/api') {
      await gateway.handle(req, res, { publicBase: base, https });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed\n');
      return;
    }
    if (!target.startsWith('/')) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request target\n');
      return;
    }
    const path = target.split('?')[0]!;
    const file = await staticFile(distDir, path, base);
    res.writeHead(file.status, { ...file.headers, 'content-length': String(file.body.length) });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((e) => {
      log(`serve: internal error: ${(e as Error).stack ?? e}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error\n');
    });
  };
  const server = o.tls ? createHttpsServer({ cert: o.tls.cert, key: o.tls.key, ca: o.tls.ca }, listener) : createHttpServer(listener);
  // Slow clients do not hold sockets for ever.
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  server.keepAliveTimeout = 5_000;
  return { server, gateway };
}

/** Starts listening; port 0 picks a free one. */
export async function startRajausServer(o: ServeOptions & { port: number; host?: string }): Promise<RunningServer> {
  const { server, gateway } = createRajausServer(o);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host ?? '127.0.0.1', () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    server,
    gateway,
    url: `${o.tls ? 'https' : 'http'}://${host}:${addr.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
