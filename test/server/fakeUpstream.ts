/**
 * A programmable stand-in for an open-data service on 127.0.0.1, for the gateway's tests. Like
 * the real services may, it sends no CORS headers. Each request is recorded; `reply` decides
 * the answer (status, headers, body, or a raw socket for hangs and cut-off bodies).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeUpstream {
  url: string;
  requests: { url: URL; at: number; headers: IncomingMessage['headers'] }[];
  reply: (req: IncomingMessage, res: ServerResponse) => void;
  close(): Promise<void>;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
}

export async function startFakeUpstream(): Promise<FakeUpstream> {
  const fake: FakeUpstream = {
    url: '',
    requests: [],
    reply: (_req, res) => json(res, 200, { totalResults: 0, companies: [] }),
    close: async () => undefined,
  };
  const server = createServer((req, res) => {
    fake.requests.push({ url: new URL(req.url ?? '/', 'http://upstream.invalid'), at: Date.now(), headers: req.headers });
    fake.reply(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((r) => {
      server.close(() => r());
      server.closeAllConnections();
    });
  return fake;
}
