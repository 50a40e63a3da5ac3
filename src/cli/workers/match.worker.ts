/**
 * The worker thread of `rajaus match` (see src/cli/io/matchWorker.ts): reads and normalizes
 * the customer file, posts the table and then its block index, then links the list rows it is
 * sent and posts their decisions.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../../core/errors';
import { BlockIndex, IndexKeys } from '../../core/matching/blocking';
import { linkRange, reasonOf } from '../../core/matching/engine';
import { packDecisions } from '../../core/matching/packedDecisions';
import { packTable, unpackTable } from '../../core/matching/packedTable';
import { Vocabulary, type MatchTable } from '../../core/matching/record';
import type { FileRequest } from '../io/matchTableFile';
import { REASON_SEPARATOR, type DrawsRequest, type LinkRequest, type ModelRequest, type WorkerReply } from '../io/matchWorker';
import { readMatchTable } from '../io/matchTableFile';
import { phase } from '../io/phaseClock';
import { countDraws, countWithinFile } from '../../core/matching/estimate';

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
      stack: error.stack,
    },
  });
}

async function run(request: FileRequest): Promise<void> {
  // Listening from the start: the list rows may come while the customers are being read, the
  // model of the run once this thread's index is there and the list was sampled.
  const messages: (DrawsRequest | LinkRequest | ModelRequest)[] = [];
  let wake: (() => void) | null = null;
  port.on('message', (m: DrawsRequest | LinkRequest | ModelRequest) => {
    messages.push(m);
    wake?.();
  });
  const message = async <T extends (DrawsRequest | LinkRequest | ModelRequest)['type']>(
    type: T,
  ): Promise<Extract<DrawsRequest | LinkRequest | ModelRequest, { type: T }>> => {
    for (;;) {
      const found = messages.find((m) => m.type === type);
      if (found) return found as Extract<DrawsRequest | LinkRequest | ModelRequest, { type: T }>;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  let customers: MatchTable;
  // The blocking keys of each customer are taken as it is read (IndexKeys).
  const indexKeys = new IndexKeys();
  try {
    const file = await readMatchTable(request, new Vocabulary(), {
      onNormalized: (t, i) => indexKeys.add(t, i),
      // A worker's stderr is the command's stderr.
      onWarning: (line) => console.error(line),
    });
    customers = file.table;
    phase('worker', 'customers read');
    const { packed, transfer } = packTable(customers);
    post({ type: 'customers', info: file.head, rowCount: file.rowCount, packed, guesses: file.guesses }, transfer);
  } catch (e) {
    postError(e);
    return;
  }
  // One index for both threads: built here while the other thread unpacks the customers.
  phase('worker', 'customers posted');
  // The customers' counts for the model, then the index: the other thread needs them in that order.
  post({ type: 'counts', counts: countWithinFile(customers) });
  phase('worker', 'counts posted');
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
  // Half of the model's random pairs (always asked, with none when the model is not estimated).
  const draws = await message('draws');
  try {
    post({ type: 'drawn', counts: countDraws(unpackTable(draws.list, customers.vocabulary), customers, draws.plan) });
  } catch (e) {
    postError(e);
    return;
  }
  phase('worker', 'random pairs');
  const linkRequest = await message('link');
  let list: MatchTable;
  try {
    // Unpacked while the other thread estimates the model of the run, not after.
    list = unpackTable(linkRequest.list, customers.vocabulary);
  } catch (e) {
    postError(e);
    return;
  }
  phase('worker', 'list part unpacked');
  const { model } = await message('model');
  phase('worker', 'model received');
  try {
    const decisions = linkRange(list, index, 0, list.size, { model });
    phase('worker', 'part linked');
    // The reasons in words made here, while the other thread makes those of its own part.
    const lang = request.lang ?? 'fi';
    const reasons = decisions.map((d, i) => (d.outcome === 'kept' ? '' : reasonOf(d, lang, { list, customers, listIndex: i }, model)));
    const { packed, transfer } = packDecisions(decisions);
    phase('worker', 'part explained');
    post({ type: 'decisions', packed, candidatePairs: index.pairs, reasons: reasons.join(REASON_SEPARATOR) }, transfer);
  } catch (e) {
    postError(e);
  }
}

void run(workerData as FileRequest);
