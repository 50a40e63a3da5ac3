/**
 * The same-origin gateway under /api/: the pane served by `rajaus serve` asks its own origin,
 * and the gateway asks PRH, Helsinki, HSY or Ryhti, which were made for servers and need not
 * answer a browser of another origin (CORS). Narrow on purpose, never an open proxy:
 *
 * - only GET, only the paths and parameters of services.ts (validated with zod), only to the
 *   configured upstream bases; redirects are not followed;
 * - a browser of another origin is refused (CORS is granted to our own origin only);
 * - request URL and upstream answer size are limited, upstream calls time out;
 * - a JSON service's answer must be JSON (an HTML error page or a cut-off body is a 502);
 * - one throttle per upstream for all users (PRH ≈ 300 a minute), Retry-After honoured and
 *   capped, and an in-memory cache with Cache-Control so a CDN in front may cache too;
 * - the log has counts, statuses and durations, and of query values only postal codes and
 *   industry codes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ResponseCache } from './cache';
import { DEFAULT_UPSTREAMS, SERVICES, SERVICE_IDS, loggableValues, type Route, type ServiceId, type ServiceSpec } from './services';
import { Busy, Throttle, parseRetryAfter } from './throttle';

export interface GatewayOptions {
  /** Upstream bases (mirrors, or local fakes in tests); the defaults are the public services. */
  upstreams?: Partial<Record<ServiceId, string>>;
  /** Longest one upstream call may take, answer included. */
  timeoutMs?: number;
  /** Largest upstream answer passed on. */
  maxResponseBytes?: number;
  /** Longest request target (path and query) accepted. */
  maxUrlBytes?: number;
  /** PRH queries a minute for this whole process (PRH's shared quota is about 300). */
  prhPerMinute?: number;
  /** Longest a request waits for its upstream slot before it is told to come back. */
  maxQueueMs?: number;
  /** Retry-After values above this are cut to it. */
  retryAfterCapMs?: number;
  /** The gateway itself waits out a Retry-After this short and tries once more. */
  maxRetryWaitMs?: number;
  /** Size of the in-memory cache. */
  cacheBytes?: number;
  log?: (line: string) => void;
  fetch?: typeof fetch;
}

export interface GatewayStats {
  requests: number;
  refused: number;
  cacheHits: number;
  cacheMisses: number;
  upstreamCalls: number;
  upstreamErrors: number;
  cache: { entries: number; bytes: number };
}

/** Where this request came from, as the server worked it out (public URL, own origin). */
export interface RequestContext {
  /** e.g. https://rajaus.example.fi/ (with the path the add-in is served under). */
  publicBase: string;
  https: boolean;
}

class GatewayError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

interface UpstreamAnswer {
  status: number;
  contentType: string;
  body: Buffer;
}

const MB = 1024 * 1024;

export function createGateway(o: GatewayOptions = {}) {
  const upstreams: Record<ServiceId, string> = { ...DEFAULT_UPSTREAMS };
  for (const id of SERVICE_IDS) {
    const base = o.upstreams?.[id];
    if (!base) continue;
    const u = new URL(base);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error(`upstream for ${id} must be http(s): ${base}`);
    upstreams[id] = base.replace(/\/+$/, '');
  }
  const timeoutMs = o.timeoutMs ?? 30_000;
  const maxResponseBytes = o.maxResponseBytes ?? 32 * MB;
  const maxUrlBytes = o.maxUrlBytes ?? 8192;
  const retryAfterCapMs = o.retryAfterCapMs ?? 30_000;
  const maxRetryWaitMs = o.maxRetryWaitMs ?? 5000;
  const log = o.log ?? (() => undefined);
  const doFetch = o.fetch ?? fetch;
  const maxQueueMs = o.maxQueueMs ?? 20_000;
  const throttles: Record<ServiceId, Throttle> = {
    prh: new Throttle({ minIntervalMs: 60_000 / (o.prhPerMinute ?? 300), maxQueueMs }),
    helsinki: new Throttle({ minIntervalMs: 0, maxQueueMs }),
    hsy: new Throttle({ minIntervalMs: 0, maxQueueMs }),
    ryhti: new Throttle({ minIntervalMs: 0, maxQueueMs }),
  };
  const cache = new ResponseCache(o.cacheBytes ?? 64 * MB);
  const inFlight = new Map<string, Promise<UpstreamAnswer>>();
  const stats = { requests: 0, refused: 0, upstreamCalls: 0, upstreamErrors: 0 };

  /** Reads at most maxResponseBytes of the answer; a body cut off mid-way is an error too. */
  async function readBody(res: Response, service: ServiceSpec): Promise<Buffer> {
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > maxResponseBytes) {
      await res.body?.cancel();
      throw new GatewayError(
        502,
        `${service.name}: the answer is larger than the gateway passes on (${maxResponseBytes} bytes)`,
        'too_large',
      );
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    if (!res.body) return Buffer.alloc(0);
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxResponseBytes) {
        await reader.cancel();
        throw new GatewayError(
          502,
          `${service.name}: the answer is larger than the gateway passes on (${maxResponseBytes} bytes)`,
          'too_large',
        );
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks, total);
  }

  async function callUpstream(service: ServiceSpec, route: Route, url: string): Promise<UpstreamAnswer> {
    const throttle = throttles[service.id];
    for (let attempt = 1; ; attempt++) {
      try {
        await throttle.acquire(maxRetryWaitMs);
      } catch (e) {
        if (e instanceof Busy) throw busy(service, e.retryAfterMs);
        throw e;
      }
      stats.upstreamCalls++;
      let res: Response;
      let body: Buffer;
      try {
        res = await doFetch(url, {
          headers: {
            accept: route.body === 'json' ? 'application/json, application/geo+json' : 'text/plain, text/tab-separated-values, */*',
          },
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        body = await readBody(res, service);
      } catch (e) {
        stats.upstreamErrors++;
        if (e instanceof GatewayError) throw e;
        const name = (e as Error).name;
        if (name === 'TimeoutError' || name === 'AbortError')
          throw new GatewayError(504, `${service.name} did not answer within ${Math.round(timeoutMs / 1000)} s`, 'timeout');
        const cause = (e as { cause?: { code?: string } }).cause?.code;
        throw new GatewayError(
          502,
          `${service.name} could not be reached or its answer was cut off (${cause ?? (e as Error).message})`,
          'unreachable',
        );
      }
      if (res.status === 429 || res.status === 503) {
        stats.upstreamErrors++;
        const asked = parseRetryAfter(res.headers.get('retry-after'), Date.now()) ?? 2000;
        const wait = Math.min(asked, retryAfterCapMs);
        throttle.holdFor(wait);
        if (attempt === 1 && wait <= maxRetryWaitMs) continue;
        throw busy(service, wait);
      }
      if (res.status >= 300 && res.status < 400) {
        stats.upstreamErrors++;
        throw new GatewayError(502, `${service.name} answered with a redirect, which the gateway does not follow`, 'redirect');
      }
      const contentType = res.headers.get('content-type') ?? 'application/octet-stream';
      if (res.status >= 500) {
        stats.upstreamErrors++;
        throw new GatewayError(502, `${service.name} failed (HTTP ${res.status})`, 'upstream_error');
      }
      if (res.status >= 400) {
        // PRH explains a refused query in a small JSON body: pass it on as it is.
        if (isJson(contentType, body)) return { status: res.status, contentType: 'application/json', body };
        throw new GatewayError(
          res.status === 404 ? 404 : 502,
          `${service.name} refused the query (HTTP ${res.status})`,
          'upstream_refused',
        );
      }
      if (route.body === 'json' && !isJson(contentType, body)) {
        stats.upstreamErrors++;
        const what =
          /html/i.test(contentType) || /^\s*</.test(body.subarray(0, 64).toString()) ? 'an HTML page' : 'something that is not valid JSON';
        throw new GatewayError(502, `${service.name} returned ${what} instead of JSON`, 'not_json');
      }
      if (/html/i.test(contentType)) throw new GatewayError(502, `${service.name} returned an HTML page`, 'not_json');
      return { status: res.status, contentType: route.body === 'json' ? 'application/json; charset=utf-8' : contentType, body };
    }
  }

  function busy(service: ServiceSpec, ms: number): GatewayError {
    const secs = Math.max(1, Math.ceil(ms / 1000));
    return new GatewayError(503, `${service.name} is busy: try again in ${secs} s`, 'busy', { 'retry-after': String(secs) });
  }

  function isJson(contentType: string, body: Buffer): boolean {
    if (/html/i.test(contentType)) return false;
    try {
      JSON.parse(body.toString('utf8'));
      return true;
    } catch {
      return false;
    }
  }

  /** Resolves /api/<service><rest>?query to its service, route and validated query, or refuses. */
  function resolve(rawTarget: string): { service: ServiceSpec; route: Route; rest: string; query: Record<string, string> } {
    const q = rawTarget.indexOf('?');
    const rawPath = q < 0 ? rawTarget : rawTarget.slice(0, q);
    const rawQuery = q < 0 ? '' : rawTarget.slice(q + 1);
    // Plain segments only: no dots, percent-escapes, backslashes or empty segments, so no
    // traversal however the upstream would decode it.
    const m = /^\/api\/(prh|helsinki|hsy|ryhti)((?:\/[A-Za-z0-9_-]+)*)$/.exec(rawPath);
    if (!m) throw new GatewayError(404, 'not a gateway path: /api/prh/…, /api/helsinki/wfs, /api/hsy/wfs or /api/ryhti/…', 'not_found');
    const service = SERVICES[m[1] as ServiceId];
    let rest = m[2]!;
    // The WFS services are one URL each; their gateway path is /api/<id>/wfs.
    if (service.id === 'helsinki' || service.id === 'hsy') {
      if (rest !== '/wfs') throw new GatewayError(404, `not a ${service.name} path: /api/${service.id}/wfs`, 'not_found');
      rest = '';
    }
    const route = service.routes.find((r) => r.path.test(rest));
    if (!route) throw new GatewayError(404, `not a ${service.name} path the gateway passes on`, 'not_found');
    const params = new URLSearchParams(rawQuery);
    const query: Record<string, string> = {};
    for (const [k, v] of params) {
      if (k in query) throw new GatewayError(400, `parameter '${k}' is given twice`, 'bad_query');
      query[k] = v;
    }
    const parsed = route.query.safeParse(query);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const key = issue.path.join('.') || (issue as { keys?: string[] }).keys?.join(', ') || 'query';
      // The message names the parameter, never echoes its value.
      throw new GatewayError(400, `${service.name}: parameter ${key} is not accepted (${issue.message})`, 'bad_query');
    }
    return { service, route, rest, query: parsed.data };
  }

  function send(res: ServerResponse, status: number, headers: Record<string, string>, body: Buffer | string, head: boolean): void {
    res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
    res.end(head ? undefined : body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, ctx: RequestContext): Promise<void> {
    const started = performance.now();
    stats.requests++;
    const ownOrigin = new URL(ctx.publicBase).origin;
    const origin = req.headers.origin;
    const cors: Record<string, string> = { vary: 'Origin' };
    if (origin === ownOrigin) cors['access-control-allow-origin'] = ownOrigin;
    const rawTarget = req.url ?? '';
    let service = '-';
    let outcome = '';
    let codes: string[] = [];
    try {
      if (!rawTarget.startsWith('/api/')) throw new GatewayError(400, 'only paths under /api/ are passed on', 'bad_target');
      if (Buffer.byteLength(rawTarget) > maxUrlBytes)
        throw new GatewayError(414, `the request is longer than ${maxUrlBytes} bytes`, 'too_long');
      // Browsers send Origin on cross-origin requests: only our own pages may use the gateway.
      if ((origin !== undefined && origin !== ownOrigin) || req.headers['sec-fetch-site'] === 'cross-site')
        throw new GatewayError(403, 'the gateway answers only pages of its own origin', 'cross_origin');
      if (req.method === 'OPTIONS') {
        send(
          res,
          204,
          {
            ...cors,
            'access-control-allow-methods': 'GET, HEAD',
            'access-control-allow-headers': 'accept',
            'access-control-max-age': '600',
          },
          '',
          true,
        );
        outcome = 'preflight';
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD')
        throw new GatewayError(405, 'only GET is passed on', 'method', { allow: 'GET, HEAD' });
      const declaredBody = Number(req.headers['content-length'] ?? 0);
      if (declaredBody > 0 || req.headers['transfer-encoding'])
        throw new GatewayError(413, 'requests to the gateway carry no body', 'body');
      if (rawTarget === '/api/health' || rawTarget.startsWith('/api/health?')) {
        send(
          res,
          200,
          { ...cors, 'content-type': 'application/json', 'cache-control': 'no-store' },
          JSON.stringify({ ok: true, gateway: 'rajaus', services: SERVICE_IDS, stats: statsNow() }),
          req.method === 'HEAD',
        );
        outcome = 'health';
        return;
      }
      const r = resolve(rawTarget);
      service = r.service.id;
      codes = loggableValues(r.query);
      const canonical = new URLSearchParams(Object.entries(r.query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))).toString();
      const upstreamUrl = `${upstreams[r.service.id]}${r.rest}${canonical ? `?${canonical}` : ''}`;
      const key = `${r.service.id}${r.rest}?${canonical}`;
      let answer: UpstreamAnswer | undefined = cache.get(key);
      let cached = Boolean(answer);
      if (answer) {
        outcome = 'hit';
      } else {
        outcome = 'miss';
        let pending = inFlight.get(key);
        if (pending) {
          // Someone asked the same a moment ago: share that call.
          outcome = 'shared';
          cached = true;
        } else {
          pending = callUpstream(r.service, r.route, upstreamUrl);
          inFlight.set(key, pending);
          pending.then(
            (a) => {
              inFlight.delete(key);
              if (a.status === 200) cache.set(key, { ...a, expires: Date.now() + r.service.ttlSeconds * 1000 });
            },
            () => inFlight.delete(key),
          );
        }
        answer = await pending;
      }
      if (cached) cache.hits++;
      else cache.misses++;
      let body = answer.body;
      // Ryhti's paging links point at the upstream; the pane must follow them through us.
      if (r.service.id === 'ryhti') body = rewriteLinks(body, upstreams.ryhti, `${ctx.publicBase.replace(/\/$/, '')}/api/ryhti`);
      const fresh = answer.status === 200 ? `public, max-age=${r.service.ttlSeconds}` : 'no-store';
      send(
        res,
        answer.status,
        { ...cors, 'content-type': answer.contentType, 'cache-control': fresh, 'x-cache': cached ? 'HIT' : 'MISS' },
        body,
        req.method === 'HEAD',
      );
      outcome += ` ${answer.status}`;
    } catch (e) {
      const err = e instanceof GatewayError ? e : new GatewayError(500, 'the gateway failed', 'internal');
      if (!(e instanceof GatewayError)) log(`gateway internal error: ${(e as Error).stack ?? e}`);
      if (err.status < 500 || err.code === 'method') stats.refused++;
      outcome = `${err.status} ${err.code}`;
      const body = JSON.stringify({ timestamp: new Date().toISOString(), message: err.message, errorcode: `gateway.${err.code}` });
      send(
        res,
        err.status,
        { ...cors, ...err.headers, 'content-type': 'application/json', 'cache-control': 'no-store' },
        body,
        req.method === 'HEAD',
      );
    } finally {
      const ms = (performance.now() - started).toFixed(0);
      // Values of postal codes and industry codes only; everything else is just counted.
      log(`gateway ${req.method} ${service} ${outcome} ${ms} ms${codes.length ? ` codes=${codes.join(',')}` : ''}`);
    }
  }

  /** Counts only (no query values): safe to show on /api/health for a load balancer or a bench. */
  function statsNow(): GatewayStats {
    return { ...stats, cacheHits: cache.hits, cacheMisses: cache.misses, cache: cache.size };
  }

  return { handle, upstreams, stats: statsNow };
}

export type Gateway = ReturnType<typeof createGateway>;

/** The upstream base in a JSON answer's links moved to the gateway's (both slash forms). */
export function rewriteLinks(body: Buffer, upstreamBase: string, gatewayBase: string): Buffer {
  const text = body.toString('utf8');
  if (!text.includes(upstreamBase) && !text.includes(upstreamBase.replace(/\//g, '\\/'))) return body;
  return Buffer.from(
    text.split(upstreamBase).join(gatewayBase).split(upstreamBase.replace(/\//g, '\\/')).join(gatewayBase.replace(/\//g, '\\/')),
    'utf8',
  );
}
