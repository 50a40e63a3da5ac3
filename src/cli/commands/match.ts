/**
 * `rajaus match`: removes own customers from a list. Every list row is matched against the
 * customer register (business id, phone, email, name, address) and written to one of
 * DIR/kept.csv (the list to go on with: every input column, in order), DIR/removed.csv (matched
 * customers) or DIR/review.csv (uncertain pairs for a person), the latter two with the matched
 * customer row, the reason and the score; DIR/summary.json holds the counts and elapsedMs.
 */
import { join, resolve } from 'node:path';
import { blockIndexSteps, MATCH_COLUMNS, requireMatchable } from '../../app/removeCustomers';
import { pauser, runStepsWithPauses } from '../../core/progress';
import { displayHeader } from '../../core/columns/catalogue';
import { normalizeHeader, parseMapOverrides } from '../../core/columns/headerMapping';
import { UserError } from '../../core/errors';
import { csvLine, csvLineOf, phoneColumnsOf } from '../../core/export/csv';
import { formatCount } from '../../core/i18n/lang';
import type { TableHead } from '../../sources/tabular/parseTabular';
import { matchableKeys, Vocabulary } from '../../core/matching/record';
import { DEFAULT_MODEL } from '../../core/matching/model';
import {
  addCounts,
  claimedDrawCounts,
  countWithinFileSteps,
  type FileCounts,
  planDraws,
  planPairs,
  describeFit,
  finishEstimate,
  fitSteps,
  MIN_CUSTOMERS,
  modelWeights,
  randomPairU,
  type Estimate,
} from '../../core/matching/estimate';

const round2 = (x: number) => Math.round(x * 100) / 100;
import type { Command } from '../command';
import { RunOutputs } from '../io/outputs';
import { MATCH_CSV, MatchCsvs, OUTCOME_CODE, preparedFields, type OutcomeCode } from '../io/matchCsvs';
import { RecordStore } from '../io/recordStore';
import { refuseInputAsOutput, sameFile } from '../io/files';
import { LINKED_PIECE, MatchWorker, type CustomerTable, type LinkedPiece } from '../io/matchWorker';
import { PieceClaims, pieceSize } from '../io/pieceClaims';
import { readMatchTable, type FileRequest } from '../io/matchTableFile';
import { decideRow } from '../../core/matching/engine';
import { phase } from '../io/phaseClock';

const USAGE = `rajaus match --list FILE --customers FILE [options]

  --list FILE             the list to clean: CSV or .xlsx
  --customers FILE        your customer register: CSV or .xlsx (only read, never changed)
  --out DIR               writes DIR/kept.csv, DIR/removed.csv, DIR/review.csv, DIR/summary.json
                          (default: out)
  --map "Header=key"      maps a column of either file to a key (repeatable), e.g.
                          --map "Asiakkaan nimi=companyName" --map "GSM=phone"
  --sheet NAME            the sheet of an .xlsx list
  --customers-sheet NAME  the sheet of an .xlsx customer register

Rows are matched by business ID, phone, email, name and address. Certain matches go to
removed.csv, uncertain ones to review.csv (they stay in kept.csv until a person decides),
each with the customer row (header row = 1), the reason and a score from 0 to 1.`;

/**
 * The model's random pairs are compared in pieces of this many, claimed by the two threads
 * (pieceClaims.ts): the worker has nothing else to do then, where this thread first fits the
 * model to the candidates (EM), and how long each takes depends on the host and on how warm
 * the comparison code is. 40,000 pairs make 40 pieces.
 */
const DRAW_PIECE = 1000;

/** The customer file read and normalized in this thread (no worker bundle: Jest). */
async function readCustomersHere(request: FileRequest, vocabulary: Vocabulary, warn: (line: string) => void): Promise<CustomerTable> {
  const file = await readMatchTable(request, vocabulary, { onWarning: warn });
  return { info: file.head, rowCount: file.rowCount, table: file.table, guesses: file.guesses };
}

/**
 * List rows linked, worded and written between two looks at the clock (pauser): half a million
 * rows linked in one call held the thread for tens of seconds, deaf to Ctrl-C. decideRow
 * decides each row on its own, so the decisions are those of one call of linkRange.
 */
const PIECE = 2000;

/** summary.json. */
interface MatchSummary {
  list: string;
  customers: string;
  rows: number;
  customerRows: number;
  removed: number;
  review: number;
  kept: number;
  keptWithoutReview: number;
  thresholds: { removeAt: number; reviewAt: number };
  candidatePairs: number;
  model: { fit: Estimate['fit']; priorBits: number; weights: ReturnType<typeof modelWeights> };
  columnsFromContents: { file: string; column: string; key: string }[];
  elapsedMs: number;
}

export const matchCommand: Command = {
  name: 'match',
  usage: USAGE,
  options: {
    list: { type: 'string' },
    customers: { type: 'string' },
    out: { type: 'string' },
    map: { type: 'string', multiple: true },
    sheet: { type: 'string' },
    'customers-sheet': { type: 'string' },
  },
  async run(values, _positionals, io) {
    const started = Date.now();
    const listPath = values.list as string | undefined;
    const customersPath = values.customers as string | undefined;
    if (!listPath) throw new UserError('--list FILE is required (the list to clean)');
    if (!customersPath) throw new UserError('--customers FILE is required (your customer register)');
    const map = parseMapOverrides((values.map as string[] | undefined) ?? []);
    const request = { path: resolve(io.cwd, customersPath), sheet: values['customers-sheet'] as string | undefined, map, lang: io.lang };
    const outDir = resolve(io.cwd, (values.out as string | undefined) ?? 'out');
    const inputs = [resolve(io.cwd, listPath), request.path];
    refuseInputAsOutput(
      ['kept.csv', 'removed.csv', 'review.csv', 'summary.json'].map((n) => join(outDir, n)),
      inputs,
    );
    if (sameFile(inputs[0]!, inputs[1]!) && (values.sheet as string | undefined) === request.sheet) {
      io.warn(
        `rajaus match: warning: --list and --customers are the same file (${listPath}); every row will be removed as its own customer`,
      );
    }
    // Long loops of this thread go in pieces, and Ctrl-C is heard between them.
    const pause = pauser(io.signal);
    // Two threads (src/cli/io/matchWorker.ts): the worker reads the customers while this one
    // reads the list, then each links part of the list.
    const worker = MatchWorker.start(request, io.signal);
    let list: TableHead;
    let guessed: { file: string; column: string; key: string }[] = [];
    let estimate: Estimate;
    let candidatePairs = 0;
    let outputs: RunOutputs | undefined;
    let csvs: MatchCsvs | undefined;
    let summary: MatchSummary;
    try {
      const vocabulary = new Vocabulary();
      const customersRead = worker ? worker.customers(vocabulary) : readCustomersHere(request, vocabulary, io.warn);
      // Awaited below; a failed list read must not leave its rejection unhandled meanwhile.
      customersRead.catch(() => undefined);
      // Each list row is kept only as its CSV record (made while its cells are fresh): it goes to
      // kept.csv, removed.csv or review.csv as it is.
      const records = new RecordStore();
      const listFile = await readMatchTable(
        { path: resolve(io.cwd, listPath), sheet: values.sheet as string | undefined, map, lang: io.lang },
        vocabulary,
        {
          rows: (head, _expected, csv) => {
            const opts = { ...MATCH_CSV, phoneColumns: phoneColumnsOf(head.keys) };
            // A CSV list's record as read, when writing it again would change nothing.
            if (csv) return (row, _i, line) => records.push(csvLineOf(row, opts, line, csv.delimiter));
            return (row) => records.push(csvLine(row, opts));
          },
          onWarning: io.warn,
          signal: io.signal,
        },
      );
      phase('main', 'list read');
      list = listFile.head;
      const listTable = matchableKeys(list.keys).length ? listFile.table : null;
      // The two threads link the list in pieces, claimed from its two ends (pieceClaims.ts). The
      // model of this run is estimated once the index is there (estimate.ts); the worker is sent
      // the pieces it may claim now and the model then.
      // EM over the sampled rows' candidates in the worker (matchWorker.ts fit): it has the
      // customers and their index already, and this thread has the worker's part of the list to
      // pack, the list to count and the customers to unpack meanwhile.
      const fitted = worker && listTable ? worker.fit(listTable, DEFAULT_MODEL) : null;
      fitted?.catch(() => undefined);
      const size = listTable ? listTable.size : 0;
      const pieceRows = pieceSize(size, worker ? LINKED_PIECE : PIECE);
      const linkTheirs = worker && listTable ? worker.link(listTable, pieceRows) : null;
      // The list's share of the model's counts while the worker still reads the customers, a
      // pass at a time (six passes over 400,000 rows held the thread for a second, deaf to Ctrl-C).
      let listCounts: FileCounts | undefined;
      if (listTable) {
        listCounts = [];
        for (const counts of countWithinFileSteps(listTable)) {
          listCounts.push(counts);
          await pause();
        }
      }
      const customers = await customersRead;
      phase('main', 'customers unpacked');
      // A --map column found in neither file is a typo the user wants to hear about.
      const known = new Set([...list.headers, ...customers.info.headers].map(normalizeHeader));
      for (const h of Object.keys(map)) {
        if (!known.has(normalizeHeader(h))) throw new UserError(`--map names a column that is in neither file: '${h}'`);
      }
      // Messages name the files as the user typed them.
      list.origin = { ...list.origin, name: listPath };
      const customerInfo = { ...customers.info, origin: { ...customers.info.origin, name: customersPath } };
      requireMatchable(customerInfo, io.lang);
      requireMatchable(list, io.lang);
      // The model of the run (estimate.ts): EM over the candidates (in the worker when there is
      // one), and the random pairs that give u, claimed in pieces by this thread from the plan's
      // start and by the worker from its end once it has fitted EM (pieceClaims.ts). The counts
      // within each file come from the thread that read it. The worker is always asked for its
      // pairs, with none when the model falls back.
      const estimated = customers.table.size >= MIN_CUSTOMERS;
      const plan = estimated ? planDraws(listTable!, customers.table) : { anywhere: new Int32Array(0), sameArea: new Int32Array(0) };
      const drawClaims = PieceClaims.create(Math.ceil(planPairs(plan) / DRAW_PIECE));
      const theirDraws = worker ? worker.draws(listTable!, plan, drawClaims, DRAW_PIECE) : null;
      theirDraws?.catch(() => undefined);
      await pause();
      const index = worker ? await worker.index(customers.table) : await runStepsWithPauses(blockIndexSteps(customers.table), pause);
      phase('main', 'index');
      // In pieces (a second or more in one pass at 400,000 × 100,000): Ctrl-C is heard.
      const fit = fitted ? null : await runStepsWithPauses(fitSteps(listTable!, index, DEFAULT_MODEL), pause);
      const ourDraws = claimedDrawCounts(listTable!, customers.table, plan, DRAW_PIECE, () => drawClaims.claimFirst());
      let draws = await runStepsWithPauses(ourDraws, pause);
      phase('main', 'own random pairs');
      if (theirDraws) draws = addCounts(await theirDraws, draws);
      const customerCounts = worker ? await worker.counts() : undefined;
      phase('main', 'random pairs');
      const theFit = fit ?? (await fitted!);
      estimate =
        'model' in theFit
          ? theFit
          : finishEstimate(
              theFit,
              listTable!,
              customers.table,
              DEFAULT_MODEL,
              randomPairU(listTable!, customers.table, DEFAULT_MODEL.tables, listCounts, customerCounts, draws),
            );
      const model = estimate.model;
      phase('main', 'model estimated');
      const theirPieces = linkTheirs ? linkTheirs.run(model) : null;
      const tables = { list: listTable!, customers: customers.table };
      const firstDataRow = customerInfo.origin.firstDataRow;
      guessed = [
        ...listFile.guesses.map((g) => ({ file: listPath, column: list.headers[g.column]!, key: g.to })),
        ...customers.guesses.map((g) => ({ file: customersPath, column: customers.info.headers[g.column]!, key: g.to })),
      ];
      // The three CSVs and the summary as one unit: all new, or (cancelled, failed) all as they
      // were. The CSVs are written while the list is linked, in list order: this thread's part
      // a piece at a time, then the worker's pieces as they came (matchCsvs.ts).
      outputs = new RunOutputs(outDir, { signal: io.signal });
      const headers = [...list.headers, ...MATCH_COLUMNS.map((k) => displayHeader(k, io.lang))];
      csvs = new MatchCsvs(outputs, list.headers, headers, records, MATCH_CSV);
      // This thread's pieces come from the start of the list, in order: each row is written as
      // it is decided (a piece's decisions held as objects outlived young collections, and the
      // old generation kept them until its next full one).
      // Without a worker, this thread claims every piece.
      const claims = linkTheirs?.claims ?? PieceClaims.create(Math.ceil(size / pieceRows));
      let ours = 0;
      // Rows from here on are the worker's to link, and this thread's copy of them is let go
      // (a quarter of a GB for half of a million-row list; the worker has its own).
      let forgotten = size;
      for (let p = claims.claimFirst(); p >= 0; p = claims.claimFirst()) {
        ours = Math.min(size, (p + 1) * pieceRows);
        for (let i = p * pieceRows; i < ours; i++) {
          const d = decideRow(listTable!, i, index, model);
          csvs.addPrepared(i, OUTCOME_CODE[d.outcome], preparedFields(d, firstDataRow, io.lang, { ...tables, listIndex: i }, model));
        }
        if (linkTheirs) {
          const theirs = Math.min(size, claims.firstFromEnd() * pieceRows);
          if (theirs < forgotten) listTable!.forgetRows(theirs, forgotten);
          forgotten = Math.min(forgotten, theirs);
        }
        await csvs.drain();
        await pause();
      }
      phase('main', 'own part linked and written');
      if (theirPieces) {
        // The worker's pieces come from the last down: written once all are in, in list order.
        const pieces: LinkedPiece[] = [];
        for await (const piece of theirPieces) pieces.push(piece);
        pieces.reverse();
        for (const piece of pieces) {
          if (piece.first !== ours) throw new Error(`rajaus match: the worker's rows start at ${piece.first}, not ${ours}`);
          let f = 0;
          for (let k = 0; k < piece.size; k++) {
            const outcome = piece.outcomes[k] as OutcomeCode;
            csvs.addPrepared(piece.first + k, outcome, outcome === OUTCOME_CODE.kept ? '' : piece.fields[f++]!);
          }
          ours += piece.size;
          await csvs.drain();
          await pause();
        }
        if (ours !== size) throw new Error(`rajaus match: ${ours} of ${size} list rows linked`);
      }
      phase('main', 'worker part written');
      candidatePairs = index.pairs + (linkTheirs?.candidatePairs() ?? 0);
      const counts = csvs.counts;
      summary = {
        list: listPath,
        customers: customersPath,
        rows: counts.rows,
        customerRows: customers.rowCount,
        removed: counts.removed,
        review: counts.review,
        kept: counts.kept + counts.review,
        keptWithoutReview: counts.kept,
        thresholds: { removeAt: DEFAULT_MODEL.removeAt, reviewAt: DEFAULT_MODEL.reviewAt },
        // Pairs of list row and customer that blocking brought together and compared.
        candidatePairs,
        // The model estimated from these two files (estimate.ts): its fit and weights in bits.
        model: { fit: estimate.fit, priorBits: round2(estimate.model.priorBits), weights: modelWeights(estimate.model) },
        // Columns read by their contents rather than their headers (override with --map).
        columnsFromContents: guessed,
        elapsedMs: 0,
      };
      await csvs.close();
      summary.elapsedMs = Date.now() - started;
      await outputs.write('summary.json', JSON.stringify(summary, null, 2) + '\n');
    } catch (e) {
      await csvs?.destroy();
      await outputs?.discard();
      throw e;
    } finally {
      worker?.stop();
    }
    await outputs.commit();
    phase('main', 'outputs written');
    for (const g of guessed) {
      io.info(`${g.file}: column '${g.column}' read as ${g.key} from its contents (override: --map "${g.column}=KEY")`);
    }
    io.info(`${listPath}: ${describeFit(estimate!.fit)}; ${formatCount(io.lang, candidatePairs)} candidate pairs`);
    io.info(
      `${listPath}: ${formatCount(io.lang, summary.rows)} rows against ${formatCount(io.lang, summary.customerRows)} customers: ` +
        `${formatCount(io.lang, summary.removed)} removed → ${join(outDir, 'removed.csv')}, ` +
        `${formatCount(io.lang, summary.review)} for review → ${join(outDir, 'review.csv')}, ` +
        `${formatCount(io.lang, summary.kept)} kept → ${join(outDir, 'kept.csv')} (${summary.elapsedMs} ms)`,
    );
  },
};
