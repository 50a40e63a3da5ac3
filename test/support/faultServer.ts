/**
 * A fault-injection HTTP server on 127.0.0.1 (never another interface), used by the tests of
 * every network source (PRH, Helsinki, HSY, Ryhti, a building file behind a URL). Each request
 * takes the next fault from the queue; with the queue empty it gets the normal answer the test
 * gave. Faults are what real services and proxies do on a bad day: hang after accepting the
 * connection, drip the body a byte at a time, 429 with Retry-After, 500, reset the connection,
 * cut the body short, send malformed JSON or an HTML page, or a body far too large.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  /** Accept the connection and the request, never answer. */
  | { kind: 'hang' }
  /** Headers at once, then the body one byte every `intervalMs`. */
  | { kind: 'drip'; intervalMs: number }
  /** A status with headers and a body (429 + Retry-After, 500, 503…). */
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  /** Close the connection without an answer (ECONNRESET / "other side closed"). */
  | { kind: 'reset' }
  /** Half of the normal body, announced with its full Content-Length, then the connection closes. */
  | { kind: 'truncated' }
  /** Half of the normal body without a Content-Length, ended cleanly (a proxy that gave up). */
  | { kind: 'cut' }
  /** 200 with a body that is not JSON at all. */
  | { kind: 'malformed' }
  /** 200 with an HTML page (a proxy's login or maintenance page). */
  | { kind: 'html' }
  /** 200 with `bytes` of JSON-looking data; `declared`: with a Content-Length header. */
  | { kind: 'huge'; bytes: number; declared: boolean };

export interface NormalAnswer {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface FaultServer {
  url: string;
  /** Faults for the next requests, one each, in order. */
  queue: Fault[];
  /** Every request's URL, in order. */
  requests: URL[];
  /** The answer when no fault is queued. */
  normal: (url: URL) => NormalAnswer;
  close(): Promise<void>;
}

export async function startFaultServer(normal: (url: URL) => NormalAnswer): Promise<FaultServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const state: FaultServer = {
    url: '',
    queue: [],
    requests: [],
    normal,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearInterval(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };

  const answer = (url: URL) => {
    const a = state.normal(url);
    return { status: a.status ?? 200, text: JSON.stringify(a.body), headers: a.headers ?? {} };
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    state.requests.push(url);
    const fault = state.queue.shift();
    const json = { 'content-type': 'application/json;charset=UTF-8' };
    if (!fault) {
      const a = answer(url);
      res.writeHead(a.status, { ...json, ...a.headers });
      res.end(a.text);
      return;
    }
    switch (fault.kind) {
      case 'hang':
        return; // the socket stays open until the client gives up or the server closes
      case 'drip': {
        const bytes = Buffer.from(answer(url).text);
        res.writeHead(200, json);
        let i = 0;
        const timer = setInterval(() => {
          if (i >= bytes.length || res.destroyed) {
            clearInterval(timer);
            timers.delete(timer);
            res.end();
            return;
          }
          res.write(bytes.subarray(i, i + 1));
          i++;
        }, fault.intervalMs);
        timers.add(timer);
        return;
      }
      case 'status':
        res.writeHead(fault.status, { ...json, ...fault.headers });
        res.end(fault.body ?? JSON.stringify({ message: `HTTP ${fault.status}` }));
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'truncated': {
        const bytes = Buffer.from(answer(url).text);
        res.writeHead(200, { ...json, 'content-length': String(bytes.length) });
        res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => req.socket.destroy());
        return;
      }
      case 'cut': {
        const text = answer(url).text;
        res.writeHead(200, json);
        res.end(text.slice(0, Math.floor(text.length / 2)));
        return;
      }
      case 'malformed':
        res.writeHead(200, json);
        res.end('{"type": "FeatureCollection", "features": [}, "oops": 1}');
        return;
      case 'html':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<!DOCTYPE html><html><head><title>Kirjaudu sisään</title></head><body>Huoltokatko</body></html>');
        return;
      case 'huge': {
        res.writeHead(200, fault.declared ? { ...json, 'content-length': String(fault.bytes) } : json);
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const more = () => {
          while (sent < fault.bytes && !res.destroyed) {
            const n = Math.min(chunk.length, fault.bytes - sent);
            sent += n;
            if (!res.write(chunk.subarray(0, n))) return void res.once('drain', more);
          }
          if (!res.destroyed) res.end();
        };
        res.on('error', () => undefined);
        more();
        return;
      }
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
