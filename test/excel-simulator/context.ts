/**
 * Request batching as Office.js does it: proxy calls only queue operations; `context.sync()`
 * sends them as one request, executes them in order against the model, and brings loaded
 * values back. The simulator records every request's size and enforces the 5 MB limits.
 */
import { utf8Bytes } from './cells';
import { BLOCKED_MESSAGES, ErrorCodes, SimOfficeError, propertyNotLoaded } from './errors';
import type { WorkbookModel } from './model';
import type { SimWorkbook } from './proxies';

export interface RequestRecord {
  /** UTF-8 bytes of the queued operations as JSON, values arrays included. */
  payloadBytes: number;
  /** UTF-8 bytes of the loaded data as JSON. */
  responseBytes: number;
  operationCount: number;
  /**
   * When Excel's side of the request began (performance.now()) and how long it ran: executing
   * the operations and answering. In Excel that runs outside the pane's thread; here it shares
   * it, so the main-thread tests subtract it from the pane's tasks.
   */
  excelStart?: number;
  excelMs?: number;
  /** Error code when the request failed. */
  failed?: string;
}

export interface InjectedFailure {
  /** Operations of the failing request executed before it fails (default 0: none). */
  afterOperations?: number;
  error?: Error;
}

/**
 * A window during which Excel refuses every request: the user is typing in a cell
 * (InvalidOperationInCellEditMode) or another workbook has the focus (InactiveWorkbook).
 * Requests numbered `fromSync`…`toSync` fail, or all from `fromSync` until `untilMs` passes
 * (Date.now()) or the window is closed.
 */
export interface BlockedWindow {
  code: keyof typeof BLOCKED_MESSAGES;
  fromSync: number;
  toSync: number;
  untilMs: number;
}

/** Shared by the simulator's inspection API and every request context. */
export class SimHost {
  requests: RequestRecord[] = [];
  syncCount = 0;
  listeners = new Set<() => void>();
  failures = new Map<number, InjectedFailure>();
  blocked: BlockedWindow | null = null;
  constructor(
    public model: WorkbookModel,
    public options: {
      payloadLimitBytes: number;
      responseLimitBytes: number;
      latencyMs: number;
      answerInLaterTask: boolean;
      /** Highest ExcelApi version the host implements ("1.17"); members above fail at sync. */
      excelApi: string;
    },
  ) {}

  /** The error code with which request `n` is refused, if a window covers it. */
  blockedCode(n: number): BlockedWindow['code'] | null {
    const w = this.blocked;
    if (!w || n < w.fromSync) return null;
    if (n > w.toSync || Date.now() >= w.untilMs) {
      this.blocked = null;
      return null;
    }
    return w.code;
  }

  notify(): void {
    for (const l of this.listeners) l();
  }
}

export interface OpResult {
  /** Data returned to the add-in (counted in the response size). */
  response?: unknown;
  /** Applies loaded values to proxies once the whole response is known to be deliverable. */
  commit?: () => void;
}

interface Operation {
  json: unknown;
  exec: () => OpResult | void;
}

export class SimRequestContext {
  private queue: Operation[] = [];
  private closed = false;
  /** Set right after construction (see index.ts), which keeps this module free of a cycle. */
  workbook!: SimWorkbook;

  constructor(readonly host: SimHost) {}

  /**
   * Marks an API member of ExcelApi `version`: on a host below it the request fails at sync
   * with ApiNotFound, as Excel does when the add-in's office.js knows a member its host lacks.
   */
  _requires(version: string, member: string): void {
    if (versionAtLeast(this.host.options.excelApi, version)) return;
    this._enqueue({ requires: member, version }, () => {
      throw new SimOfficeError(
        ErrorCodes.apiNotFound,
        `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${member} needs ExcelApi ${version}; this host has ${this.host.options.excelApi})`,
      );
    });
  }

  _enqueue(json: unknown, exec: () => OpResult | void): void {
    if (this.closed) {
      throw new SimOfficeError(
        ErrorCodes.invalidObjectPath,
        'The object path is not working for what you are trying to do: the object belongs to an Excel.run that has ended.',
      );
    }
    this.queue.push({ json, exec });
  }

  get _pending(): number {
    return this.queue.length;
  }

  _close(): void {
    this.queue = [];
    this.closed = true;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const ops = this.queue;
    this.queue = [];
    const host = this.host;
    const n = ++host.syncCount;
    const payloadBytes = utf8Bytes(JSON.stringify(ops.map((o) => o.json)));
    const record: RequestRecord = { payloadBytes, responseBytes: 0, operationCount: ops.length };
    host.requests.push(record);
    // A round trip is asynchronous; in the browser page a latency makes progress visible. With
    // answerInLaterTask the answer comes in a later task, as Excel's does (a message from its
    // process); else at once, and a whole step's requests run as one task of the pane's thread.
    await new Promise<void>((resolve) =>
      host.options.latencyMs > 0 ? setTimeout(resolve, host.options.latencyMs) : host.options.answerInLaterTask ? nextTask(resolve) : resolve(),
    );
    if (payloadBytes > host.options.payloadLimitBytes) {
      record.failed = ErrorCodes.requestPayloadSizeLimitExceeded;
      throw new SimOfficeError(
        ErrorCodes.requestPayloadSizeLimitExceeded,
        `The request payload size has exceeded the limit (${payloadBytes} bytes > ${host.options.payloadLimitBytes}). Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".`,
      );
    }
    // Cell-edit mode or an inactive workbook: Excel refuses the whole request, runs nothing.
    const blocked = host.blockedCode(n);
    if (blocked) {
      record.failed = blocked;
      throw new SimOfficeError(blocked, BLOCKED_MESSAGES[blocked]);
    }
    const failure = host.failures.get(n);
    host.failures.delete(n);
    const failAt = failure ? failure.afterOperations ?? 0 : -1;
    const injected = () => failure?.error ?? new SimOfficeError(ErrorCodes.generalException, `Injected failure at sync ${n}`);
    let executed = 0;
    const clock = typeof performance !== 'undefined' ? performance : Date;
    record.excelStart = clock.now();
    const responses: unknown[] = [];
    const commits: (() => void)[] = [];
    try {
      for (const op of ops) {
        if (executed === failAt) throw injected();
        const result = op.exec();
        executed++;
        if (result) {
          if (result.response !== undefined) responses.push(result.response);
          if (result.commit) commits.push(result.commit);
        }
      }
      if (failAt >= executed) throw injected();
      record.responseBytes = utf8Bytes(JSON.stringify(responses));
      if (record.responseBytes > host.options.responseLimitBytes) {
        throw new SimOfficeError(
          ErrorCodes.responsePayloadSizeLimitExceeded,
          `The response payload size has exceeded the limit (${record.responseBytes} bytes > ${host.options.responseLimitBytes}).`,
        );
      }
      for (const commit of commits) commit();
    } catch (error) {
      record.failed = (error as { code?: string }).code ?? (error as Error).message;
      throw error;
    } finally {
      record.excelMs = clock.now() - record.excelStart;
      if (executed > 0) host.notify();
    }
    return passThroughValue as T;
  }
}

/** Runs `fn` in a later task of the event loop (no 4 ms clamp: a MessageChannel in browsers). */
function nextTask(fn: () => void): void {
  if (typeof setImmediate === 'function') {
    setImmediate(fn);
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    fn();
  };
  channel.port2.postMessage(null);
}

/** `ClientResult<T>`: a value that arrives with the next sync. */
export class SimClientResult<T> {
  private _value: T | undefined;
  private _ready = false;
  get value(): T {
    if (!this._ready) throw propertyNotLoaded('value');
    return this._value as T;
  }
  _resolve(value: T): void {
    this._value = value;
    this._ready = true;
  }
}

/** Normalizes load('a,b') / load(['a']) / load({select}) / load({a: true, format: {…}}) to paths. */
export function loadPaths(arg: unknown): string[] {
  if (arg === undefined || arg === null) return [];
  if (typeof arg === 'string') return arg.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => loadPaths(a));
  if (typeof arg === 'object') {
    const o = arg as Record<string, unknown>;
    if (typeof o.select === 'string' || Array.isArray(o.select)) return loadPaths(o.select);
    const out: string[] = [];
    for (const [k, v] of Object.entries(o)) {
      if (k === '$all' || k === 'expand' || k === 'top' || k === 'skip') continue;
      if (v === true) out.push(k);
      else if (v && typeof v === 'object') {
        const nested = loadPaths(v);
        out.push(...(nested.length ? nested.map((p) => `${k}/${p}`) : [k]));
      }
    }
    return out;
  }
  return [];
}

/** "1.9" ≥ "1.7" by numeric parts. */
export function versionAtLeast(have: string, want: string | number | undefined): boolean {
  if (want === undefined || want === '') return true;
  const a = have.split('.').map(Number);
  const b = String(want).split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}
