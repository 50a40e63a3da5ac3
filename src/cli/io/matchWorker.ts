/**
 * The second thread of `rajaus match`. The machine has two cores, and the work splits in two
 * with little to hand over:
 * 1. The worker reads and normalizes the customer file while this thread does the list.
 * 2. The worker posts its customer MatchTable here (packedTable.ts), then the block index it
 *    builds of them; this thread sends it the list rows EM is fitted to, and the second part of
 *    the list. The worker fits EM while this thread unpacks the customers and counts the list.
 * 3. Both threads link the list, claiming pieces of it from its two ends (pieceClaims.ts); the
 *    worker posts its rows back prepared for the CSVs (matchCsvs.ts addPrepared).
 * The customer rows themselves never cross: the CLI writes no customer row, only its number.
 *
 * The worker is its own small bundle next to the CLI's (lib/match-worker.js, built by
 * scripts/build-cli.mjs from src/cli/workers/match.worker.ts). Where it is not (the TypeScript
 * sources run by Jest), MatchWorker.start returns null and the caller does all in one thread.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TableInfo } from '../../app/removeCustomers';
import { CancelledError, UserError, type Location } from '../../core/errors';
import { BlockIndex, type IndexArrays } from '../../core/matching/blocking';
import { packRows, unpackTable, type PackedTable } from '../../core/matching/packedTable';
import type { MatchTable, Vocabulary } from '../../core/matching/record';
import type { MatchModel } from '../../core/matching/model';
import {
  sampleRows,
  type CandidateFit,
  type DrawPlan,
  type Estimate,
  type FileCounts,
  type LevelCounts,
} from '../../core/matching/estimate';
import type { FileRequest } from './matchTableFile';
import { PieceClaims } from './pieceClaims';
import type { ColumnGuess } from '../../core/columns/contentGuess';

export interface CustomerTable {
  info: TableInfo;
  rowCount: number;
  table: MatchTable;
  /** Columns whose meaning came from their contents (contentGuess.ts). */
  guesses: ColumnGuess[];
}

/**
 * What the worker posts, in this order: the customers, their index, their counts for the
 * model, the levels of its part of the model's random pairs, the decisions; or an error.
 */
export type WorkerReply =
  | { type: 'customers'; info: TableInfo; rowCount: number; packed: PackedTable; guesses: ColumnGuess[] }
  | { type: 'counts'; counts: FileCounts }
  | { type: 'index'; arrays: IndexArrays }
  /** EM over the sampled list rows' candidates (estimate.ts fitSteps); `fellBack` when the prior stays. */
  | { type: 'fitted'; fit: CandidateFit | null; fellBack: Estimate['fit'] | null }
  | { type: 'drawn'; counts: LevelCounts }
  /**
   * A piece the worker claimed and linked (pieces come from the last down); `candidatePairs` so
   * far; `last` (with no rows, piece −1) says the worker claimed no more.
   */
  | { type: 'decisions'; piece: number; outcomes: Uint8Array; fields: string; candidatePairs: number; last: boolean }
  | { type: 'error'; error: { name: string; message: string; text?: string; location?: Location; stack?: string } };

/**
 * What this thread posts: the random pairs for the worker to compare (with the list rows they
 * name), the list rows to link, then the model of the run to link them by.
 */
export interface DrawsRequest {
  type: 'draws';
  list: PackedTable;
  plan: DrawPlan;
  /** Pieces of `piece` pairs of the plan (estimate.ts planRange), claimed by both threads from its two ends. */
  claims: SharedArrayBuffer;
  piece: number;
}
/** The list rows EM is fitted to (estimate.ts sampleRows), as a table of their own. */
export interface FitRequest {
  type: 'fit';
  list: PackedTable;
}
/**
 * The claims on the list's pieces, shared by the two threads, and the first piece the worker is
 * sent: the link requests then come from the last piece down to it.
 */
export interface PiecesRequest {
  type: 'pieces';
  claims: SharedArrayBuffer;
  floor: number;
}
/** What a worker started early (bin/rajaus.js, without workerData) is to read: its first message. */
export interface StartRequest {
  type: 'start';
  request: FileRequest;
}

/**
 * The worker bin/rajaus.js started for `rajaus match` before the CLI's modules loaded (they
 * take 0.1–0.2 s, the worker's own start as long again), under this key of globalThis; `gone`
 * once it failed or stopped. Taken once.
 */
const EARLY_WORKER = Symbol.for('rajaus.earlyMatchWorker');
interface EarlyWorker {
  worker: Worker;
  gone: boolean;
}

function takeEarlyWorker(): Worker | null {
  const g = globalThis as { [EARLY_WORKER]?: EarlyWorker };
  const early = g[EARLY_WORKER];
  delete g[EARLY_WORKER];
  if (!early || early.gone) return null;
  // bin/rajaus.js let it not keep the process alive until a command asked for it.
  early.worker.ref();
  return early.worker;
}

/** The rows of one piece of the list, for the worker to link if it claims the piece. */
export interface LinkRequest {
  type: 'link';
  piece: number;
  list: PackedTable;
}
export interface ModelRequest {
  type: 'model';
  model: MatchModel;
}

export const WORKER_FILE = 'match-worker.js';

/**
 * The list is cut into pieces of this many rows, claimed by the two threads (pieceClaims.ts):
 * small enough that the threads finish within a piece of each other (0.1–0.15 s), large enough
 * that messages are few (at most 150 each way for a 1,000,000-row list) and that a piece's own
 * vocabulary (packRows) stays a small share of it. RAJAUS_LINKED_PIECE sets another size: the
 * tests use it to cut a small list into many pieces.
 */
export const LINKED_PIECE = Number(process.env.RAJAUS_LINKED_PIECE) || 5_000;

/**
 * The share of the list the worker may take at most: it is sent the last pieces of the list
 * up to this share, packed, once the list is read (packing costs this thread, and a piece the
 * worker does not claim is packed for nothing). This thread writes every row of the outputs,
 * so the worker may need more than half.
 */
export const MAX_WORKER_SHARE = 0.75;

/**
 * A piece the worker linked, its rows prepared for the three CSVs (MatchCsvs.addPrepared): each
 * row's outcome, and for each row not kept what follows its record (matchFields), in order.
 */
export interface LinkedPiece {
  /** The piece's first list row. */
  first: number;
  size: number;
  outcomes: Uint8Array;
  fields: string[];
}

/** Between the match columns of the worker's rows, sent as one text (no reason holds it). */
export const FIELDS_SEPARATOR = '\u0001';

type ReplyType = Exclude<WorkerReply['type'], 'error'>;

export class MatchWorker {
  /** Replies not asked for yet, by type. */
  private readonly inbox = new Map<ReplyType, WorkerReply[]>();
  /** Callers waiting for a reply, by the type they wait for. */
  private readonly waiting = new Map<ReplyType, ((reply: WorkerReply) => void)[]>();
  private failure: WorkerReply | null = null;

  private constructor(
    private readonly worker: Worker,
    signal?: AbortSignal,
  ) {
    worker.on('message', (reply: WorkerReply) => this.deliver(reply));
    worker.on('error', (e) => this.fail(e));
    worker.on('exit', (code) => this.fail(new Error(`the matching worker stopped (exit code ${code}) before it answered`)));
    // Ctrl-C while this thread waits for the worker (reading the customers, building the index,
    // linking its part): the wait ends at once, the caller's `stop()` ends the worker. Before,
    // the wait went on until the worker answered or the forced exit came 800 ms later.
    signal?.addEventListener('abort', () => this.fail(new CancelledError()), { once: true });
  }

  /**
   * Starts reading the customer file in a worker thread; null when there is no worker bundle.
   * `signal` cancels every wait for the worker.
   */
  static start(request: FileRequest, signal?: AbortSignal): MatchWorker | null {
    const early = takeEarlyWorker();
    if (early) {
      early.postMessage({ type: 'start', request } satisfies StartRequest);
      return new MatchWorker(early, signal);
    }
    const script = join(__dirname, WORKER_FILE);
    return existsSync(script) ? new MatchWorker(new Worker(script, { workerData: request }), signal) : null;
  }

  /** The customer file, normalized into `vocabulary`'s ids. */
  async customers(vocabulary: Vocabulary): Promise<CustomerTable> {
    const reply = await this.next('customers');
    return { info: reply.info, rowCount: reply.rowCount, table: unpackTable(reply.packed, vocabulary), guesses: reply.guesses };
  }

  /** The counts within the customer file that the model of the run needs (estimate.ts, countWithinFile). */
  async counts(): Promise<FileCounts> {
    return (await this.next('counts')).counts;
  }

  /**
   * The levels of the random pairs of `plan` (estimate.ts, countDraws) that the worker claims,
   * piece by piece from the plan's end (`claims`, pieces of `piece` pairs), while this thread
   * claims from its start: the worker is sent the list rows the whole plan names, as a small
   * table of their own.
   */
  async draws(list: MatchTable, plan: DrawPlan, claims: PieceClaims, piece: number): Promise<LevelCounts> {
    const rows: number[] = [];
    const rowOf = new Map<number, number>();
    const local = (pairs: Int32Array) =>
      pairs.map((v, k) => {
        if (k % 2) return v;
        let r = rowOf.get(v);
        if (r === undefined) {
          rowOf.set(v, (r = rows.length));
          rows.push(v);
        }
        return r;
      });
    const localPlan = { anywhere: local(plan.anywhere), sameArea: local(plan.sameArea) };
    const { packed, transfer } = packRows(list, rows);
    this.worker.postMessage({ type: 'draws', list: packed, plan: localPlan, claims: claims.buffer, piece } satisfies DrawsRequest, [
      ...transfer,
      localPlan.anywhere.buffer as ArrayBuffer,
      localPlan.sameArea.buffer as ArrayBuffer,
    ]);
    return (await this.next('drawn')).counts;
  }

  /**
   * EM fitted in the worker to the candidates of the list's sampled rows (estimate.ts
   * fitSteps): sent as soon as the list is read, fitted while this thread packs the worker's
   * part of the list, counts the list and unpacks the customers. `prior` is the model the
   * worker fits from (its own DEFAULT_MODEL), given back when the fit falls back to it.
   */
  async fit(list: MatchTable, prior: MatchModel): Promise<CandidateFit | Estimate> {
    const { packed, transfer } = packRows(list, sampleRows(list.size));
    this.worker.postMessage({ type: 'fit', list: packed } satisfies FitRequest, transfer);
    const reply = await this.next('fitted');
    return reply.fit ?? { model: prior, fit: reply.fellBack! };
  }

  /** The worker's block index of the customers (built once, for both threads). */
  async index(customers: MatchTable): Promise<BlockIndex> {
    return new BlockIndex(customers, (await this.next('index')).arrays);
  }

  /**
   * Has the worker link pieces of the list, claimed from the end (pieceClaims.ts): the pieces it
   * may claim are sent at once, packed. The function returned sends the model of the run the
   * moment it is called (the worker waits for it) and gives the worker's pieces as it posts
   * them, from the last piece down; the claims say which pieces are left for this thread.
   */
  link(
    list: MatchTable,
    rows: number,
  ): { claims: PieceClaims; run: (model: MatchModel) => AsyncGenerator<LinkedPiece>; candidatePairs: () => number } {
    const pieces = Math.ceil(list.size / rows);
    const claims = PieceClaims.create(pieces);
    const floor = Math.floor(pieces * (1 - MAX_WORKER_SHARE));
    this.worker.postMessage({ type: 'pieces', claims: claims.buffer, floor } satisfies PiecesRequest);
    // Each piece with only the vocabulary its rows use (the worker unpacks a piece shortly
    // before it links it, and answers piece by piece).
    for (let p = pieces - 1; p >= floor; p--) {
      const a = p * rows;
      const piece = new Int32Array(Math.min(list.size, a + rows) - a).map((_, k) => a + k);
      const { packed, transfer } = packRows(list, piece);
      this.worker.postMessage({ type: 'link', piece: p, list: packed } satisfies LinkRequest, transfer);
    }
    const nextPiece = () => this.next('decisions');
    // The worker's candidate pairs, its EM's included, as its last reply gives them (it may
    // have claimed no piece).
    let candidatePairs = 0;
    const run = (model: MatchModel) => {
      this.worker.postMessage({ type: 'model', model } satisfies ModelRequest);
      return (async function* () {
        for (;;) {
          const reply = await nextPiece();
          candidatePairs = reply.candidatePairs;
          if (reply.last) return;
          yield {
            first: reply.piece * rows,
            size: reply.outcomes.length,
            outcomes: reply.outcomes,
            fields: reply.fields.split(FIELDS_SEPARATOR),
          };
        }
      })();
    };
    return { claims, run, candidatePairs: () => candidatePairs };
  }

  stop(): void {
    this.worker.removeAllListeners('exit');
    void this.worker.terminate();
  }

  private async next<T extends ReplyType>(type: T): Promise<Extract<WorkerReply, { type: T }>> {
    const reply =
      this.inbox.get(type)?.shift() ??
      this.failure ??
      (await new Promise<WorkerReply>((resolve) => this.queue(this.waiting, type).push(resolve)));
    if (reply.type === 'error') throw revive(reply.error);
    return reply as Extract<WorkerReply, { type: T }>;
  }

  private queue<V>(map: Map<ReplyType, V[]>, type: ReplyType): V[] {
    let q = map.get(type);
    if (!q) map.set(type, (q = []));
    return q;
  }

  private deliver(reply: WorkerReply): void {
    if (reply.type === 'error') {
      // An error answers every question, asked or to come.
      this.failure ??= reply;
      for (const q of this.waiting.values()) for (const waiting of q.splice(0)) waiting(reply);
      return;
    }
    const waiting = this.waiting.get(reply.type)?.shift();
    if (waiting) waiting(reply);
    else this.queue(this.inbox, reply.type).push(reply);
  }

  private fail(e: Error): void {
    this.deliver({ type: 'error', error: { name: e.name, message: e.message, stack: e.stack } });
  }
}

/** The worker's error as this thread's: a UserError stays one (its message names file and row). */
function revive(e: { name: string; message: string; text?: string; location?: Location; stack?: string }): Error {
  if (e.name === 'CancelledError') return new CancelledError();
  // The message without its location, and the location: shown in the user's language (userMessage).
  if (e.name === 'UserError') return e.text !== undefined ? new UserError(e.text, e.location ?? {}) : new UserError(e.message);
  const error = new Error(e.message);
  error.name = e.name;
  if (e.stack) error.stack = e.stack;
  return error;
}
