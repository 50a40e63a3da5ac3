/**
 * The worker thread of `rajaus match` (see src/cli/io/matchWorker.ts): reads and normalizes
 * the customer file, posts the table and then its block index, then links the list rows it is
 * sent and posts their decisions.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../../core/errors';
import { BlockIndex, IndexKeys } from '../../core/matching/blocking';
import { decideRow } from '../../core/matching/engine';
import { packTable, unpackTable } from '../../core/matching/packedTable';
import { Vocabulary, type MatchTable } from '../../core/matching/record';
import type { FileRequest } from '../io/matchTableFile';
import {
  LINKED_PIECE,
  FIELDS_SEPARATOR,
  type DrawsRequest,
  type FitRequest,
  type LinkRequest,
  type ModelRequest,
  type PiecesRequest,
  type StartRequest,
  type WorkerReply,
} from '../io/matchWorker';
import { PieceClaims } from '../io/pieceClaims';
import { OUTCOME_CODE, preparedFields } from '../io/matchCsvs';
import { readMatchTable } from '../io/matchTableFile';
import { phase } from '../io/phaseClock';
import { claimedDrawCounts, countWithinFileSteps, fitSteps, type FileCounts } from '../../core/matching/estimate';
import { DEFAULT_MODEL } from '../../core/matching/model';
import { runSteps } from '../../core/progress';

const port = parentPort!;

function post(reply: WorkerReply, transfer: ArrayBuffer[] = []): void {
  port.postMessage(reply, transfer);
}

function postError(e: unknown): void {
  const error = e instanceof Error ? e : new Error(String(e));
  post({
    type: 'error',
    error: {
      name: error.name,
      message: error.message,
      location: error instanceof UserError ? error.location : undefined,
      text: error instanceof UserError ? error.text : undefined,
      stack: error.stack,
    },
  });
}

type Request = DrawsRequest | FitRequest | PiecesRequest | LinkRequest | ModelRequest;

async function run(request: FileRequest): Promise<void> {
  // Listening from the start: the list rows may come while the customers are being read, the
  // model of the run once this thread's index is there and the list was sampled.
  const messages: Request[] = [];
  let wake: (() => void) | null = null;
  port.on('message', (m: Request) => {
    messages.push(m);
    wake?.();
  });
  /** The first message of `type` not taken yet, taken (waiting for it if none came yet). */
  const take = async <T extends Request['type']>(type: T): Promise<Extract<Request, { type: T }>> => {
    for (;;) {
      const k = messages.findIndex((m) => m.type === type);
      if (k >= 0) return messages.splice(k, 1)[0] as Extract<Request, { type: T }>;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  let customers: MatchTable;
  let firstDataRow: number;
  // The blocking keys of each customer are taken as it is read (IndexKeys).
  const indexKeys = new IndexKeys();
  try {
    const file = await readMatchTable(request, new Vocabulary(), {
      onNormalized: (t, i) => indexKeys.add(t, i),
      // A worker's stderr is the command's stderr.
      onWarning: (line) => console.error(line),
    });
    customers = file.table;
    firstDataRow = file.head.origin.firstDataRow;
    phase('worker', 'customers read');
    const { packed, transfer } = packTable(customers);
    post({ type: 'customers', info: file.head, rowCount: file.rowCount, packed, guesses: file.guesses }, transfer);
  } catch (e) {
    postError(e);
    return;
  }
  // One index for both threads: built here while the other thread unpacks the customers, and
  // posted before the customers' counts, which the other thread needs only after its EM.
  phase('worker', 'customers posted');
  const index = new BlockIndex(customers, indexKeys.arrays());
  phase('worker', 'index sorted');
  const a = index.arrays;
  const copies = { ...a, bucketStart: a.bucketStart.slice(), keys: a.keys.slice(), members: a.members.slice(), runEnd: a.runEnd.slice() };
  post({ type: 'index', arrays: copies }, [
    copies.bucketStart.buffer,
    copies.keys.buffer,
    copies.members.buffer,
    copies.runEnd.buffer,
  ] as ArrayBuffer[]);
  // EM over the candidates of the list's sampled rows, as soon as they come (the other thread
  // sends them once it has read the list, then packs this thread's part of the list, counts
  // the list and unpacks the customers meanwhile); the customers' counts, which it needs only
  // after its random pairs, while they have not come.
  let fitted = false;
  const fitHere = async (): Promise<void> => {
    fitted = true;
    const sample = unpackTable((await take('fit')).list, customers.vocabulary);
    const fit = runSteps(fitSteps(sample, index, DEFAULT_MODEL));
    post('model' in fit ? { type: 'fitted', fit: null, fellBack: fit.fit } : { type: 'fitted', fit, fellBack: null });
    phase('worker', 'candidates fitted');
  };
  try {
    const counts: FileCounts = [];
    const steps = countWithinFileSteps(customers);
    for (;;) {
      await nextTurn();
      if (!fitted && messages.some((m) => m.type === 'fit')) await fitHere();
      const step = steps.next();
      if (step.done) break;
      counts.push(step.value);
    }
    post({ type: 'counts', counts });
    phase('worker', 'counts posted');
    if (!fitted) await fitHere();
  } catch (e) {
    postError(e);
    return;
  }
  // The pieces of the list this thread may claim come at once, packed, from the last piece
  // down, as soon as the other thread has read the list (matchWorker.ts link). A piece is
  // unpacked only shortly before it is linked, and let go once its decisions are posted: the
  // rows of half a million-row list unpacked at once took a quarter of a GB here (issue 16).
  // While the other thread unpacks the customers and estimates the model, the last pieces (the
  // first this thread claims) are unpacked ahead, up to UNPACK_AHEAD rows.
  type Piece = { piece: number; list: MatchTable };
  const ahead: Piece[] = [];
  let model: ModelRequest['model'];
  let claims: PieceClaims;
  let floor: number;
  try {
    const pieces = await take('pieces');
    claims = new PieceClaims(pieces.claims);
    floor = pieces.floor;
    let rowsAhead = 0;
    /** Unpacks the next piece come while `more()` and there is room; false when none was. */
    const unpackAhead = (more: () => boolean): boolean => {
      const k = messages.findIndex((m) => m.type === 'link');
      if (!more() || rowsAhead >= UNPACK_AHEAD || k < 0) return false;
      const request = messages.splice(k, 1)[0] as LinkRequest;
      ahead.push({ piece: request.piece, list: unpackTable(request.list, customers.vocabulary) });
      rowsAhead += ahead.at(-1)!.list.size;
      return true;
    };
    // Part of the model's random pairs (always asked, with none when the model falls back);
    // pieces unpacked while they have not come.
    while (unpackAhead(() => !messages.some((m) => m.type === 'draws'))) await nextTurn();
    const draws = await take('draws');
    const drawn = unpackTable(draws.list, customers.vocabulary);
    const drawClaims = new PieceClaims(draws.claims);
    post({ type: 'drawn', counts: runSteps(claimedDrawCounts(drawn, customers, draws.plan, draws.piece, () => drawClaims.claimLast())) });
    phase('worker', 'random pairs');
    while (unpackAhead(() => !messages.some((m) => m.type === 'model'))) await nextTurn();
    phase('worker', 'list pieces unpacked ahead');
    model = (await take('model')).model;
  } catch (e) {
    postError(e);
    return;
  }
  const unpackNext = async (): Promise<Piece> => {
    const request = await take('link');
    return { piece: request.piece, list: unpackTable(request.list, customers.vocabulary) };
  };
  phase('worker', 'model received');
  try {
    // Each piece's decisions are posted as soon as they are linked and worded: the other thread
    // writes them out once its own part is written.
    const lang = request.lang ?? 'fi';
    for (let p = claims.claimLast(floor); p >= 0; p = claims.claimLast(floor)) {
      // Pieces are claimed and sent in the same order, from the last down: the next one sent is
      // the one claimed.
      const { piece, list } = ahead.shift() ?? (await unpackNext());
      if (piece !== p) throw new Error(`match worker: claimed piece ${p}, next sent ${piece}`);
      // Each row's outcome, and for a row not kept what follows its record in removed.csv or
      // review.csv, made here as the other thread makes its own (the reason in words too): it
      // then only copies bytes, and the worker's part is no serial tail at the end.
      const outcomes = new Uint8Array(list.size);
      const fields: string[] = [];
      for (let i = 0; i < list.size; i++) {
        const d = decideRow(list, i, index, model);
        outcomes[i] = OUTCOME_CODE[d.outcome];
        if (d.outcome !== 'kept') fields.push(preparedFields(d, firstDataRow, lang, { list, customers, listIndex: i }, model));
      }
      post({ type: 'decisions', piece: p, outcomes, fields: fields.join(FIELDS_SEPARATOR), candidatePairs: index.pairs, last: false }, [
        outcomes.buffer as ArrayBuffer,
      ]);
    }
    // The pieces the other thread claimed first are never linked here.
    ahead.length = 0;
    post({ type: 'decisions', piece: -1, outcomes: new Uint8Array(0), fields: '', candidatePairs: index.pairs, last: true });
    phase('worker', 'part linked and explained');
  } catch (e) {
    postError(e);
  }
}

/** A turn of the event loop: messages that came meanwhile are taken in (setImmediate runs after them). */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** List rows the worker unpacks ahead while it waits for the model of the run (100,000). */
const UNPACK_AHEAD = 20 * LINKED_PIECE;

// Started by bin/rajaus.js before the CLI's modules load, without workerData: what to read
// comes as the first message (matchWorker.ts MatchWorker.start).
if (workerData) void run(workerData as FileRequest);
else port.once('message', (m: StartRequest) => void run(m.request));
