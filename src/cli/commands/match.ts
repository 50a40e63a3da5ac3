/**
 * `rajaus match`: removes own customers from a list. Every list row is matched against the
 * customer register (business id, phone, email, name, address) and written to one of
 * DIR/kept.csv (the list to go on with: every input column, in order), DIR/removed.csv (matched
 * customers) or DIR/review.csv (uncertain pairs for a person), the latter two with the matched
 * customer row, the reason and the score; DIR/summary.json holds the counts and elapsedMs.
 */
import { join, resolve } from 'node:path';
import { requireMatchable, resultOf, splitByOutcome, type MatchResult } from '../../app/removeCustomers';
import { normalizeHeader, parseMapOverrides } from '../../core/columns/headerMapping';
import { UserError } from '../../core/errors';
import { csvBytes, listToCsv } from '../../core/export/csv';
import { formatCount } from '../../core/i18n/lang';
import type { ListTable } from '../../core/list/listTable';
import { matchableKeys, Vocabulary } from '../../core/matching/record';
import { DEFAULT_MODEL } from '../../core/matching/model';
import type { Command } from '../command';
import { writeFileAtomic } from '../io/files';
import { MatchWorker, type CustomerTable } from '../io/matchWorker';
import { readMatchTable, type FileRequest } from '../io/matchTableFile';
import { BlockIndex } from '../../core/matching/blocking';
import { linkRange } from '../../core/matching/engine';

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
 * The share of the list this thread links; the worker links the rest. Under half: the worker is
 * done with its customers first (this thread still unpacks them), and the list rows it gets are
 * unpacked there faster than the customers here.
 */
const OUR_SHARE = 0.5;

/** The customer file read and normalized in this thread (no worker bundle: Jest). */
async function readCustomersHere(request: FileRequest, vocabulary: Vocabulary): Promise<CustomerTable> {
  const file = await readMatchTable(request, vocabulary, false);
  return { info: file.head, rowCount: file.rowCount, table: file.table };
}

export const matchCommand: Command = {
  name: 'match',
  summary: 'remove own customers from a list (kept.csv, removed.csv, review.csv with reasons)',
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
    const request = { path: resolve(io.cwd, customersPath), sheet: values['customers-sheet'] as string | undefined, map };
    // Two threads (src/cli/io/matchWorker.ts): the worker reads the customers while this one
    // reads the list, then each links part of the list.
    const worker = MatchWorker.start(request);
    let list: ListTable;
    let result: MatchResult;
    let customerRows: number;
    try {
      const vocabulary = new Vocabulary();
      const customersRead = worker ? worker.customers(vocabulary) : readCustomersHere(request, vocabulary);
      // Awaited below; a failed list read must not leave its rejection unhandled meanwhile.
      customersRead.catch(() => undefined);
      const listFile = await readMatchTable(
        { path: resolve(io.cwd, listPath), sheet: values.sheet as string | undefined, map },
        vocabulary,
        true,
      );
      list = { ...listFile.head, rows: listFile.rows! };
      const listTable = matchableKeys(list.keys).length ? listFile.table : null;
      // The worker's part of the list goes now: it links as soon as its own customers are done.
      const ourPart = worker && listTable ? Math.floor(listTable.size * OUR_SHARE) : list.rows.length;
      const theirs = worker && listTable ? worker.link(listTable, ourPart, listTable.size) : Promise.resolve([]);
      theirs.catch(() => undefined);
      const customers = await customersRead;
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
      const index = worker ? await worker.index(customers.table) : new BlockIndex(customers.table);
      const ours = linkRange(listTable!, index, 0, ourPart);
      result = resultOf(ours.concat(await theirs), customerInfo, io.lang);
      customerRows = customers.rowCount;
    } finally {
      worker?.stop();
    }
    const split = splitByOutcome(list, result, io.lang);
    const dir = resolve(io.cwd, (values.out as string | undefined) ?? 'out');
    const csv = { delimiter: ';' as const, bom: true, eol: '\r\n' as const, neutralizeFormulas: true };
    const summary = {
      list: listPath,
      customers: customersPath,
      rows: result.counts.rows,
      customerRows,
      removed: result.counts.removed,
      review: result.counts.review,
      kept: result.counts.kept + result.counts.review,
      keptWithoutReview: result.counts.kept,
      thresholds: { removeAt: DEFAULT_MODEL.removeAt, reviewAt: DEFAULT_MODEL.reviewAt },
      elapsedMs: 0,
    };
    // Three CSVs and the summary, each written atomically; the summary last, when all is there.
    await Promise.all([
      writeFileAtomic(join(dir, 'kept.csv'), csvBytes(listToCsv(split.kept, csv))),
      writeFileAtomic(join(dir, 'removed.csv'), csvBytes(listToCsv(split.removed, csv))),
      writeFileAtomic(join(dir, 'review.csv'), csvBytes(listToCsv(split.review, csv))),
    ]);
    summary.elapsedMs = Date.now() - started;
    await writeFileAtomic(join(dir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
    io.info(
      `${listPath}: ${formatCount(io.lang, summary.rows)} rows against ${formatCount(io.lang, summary.customerRows)} customers: ` +
        `${formatCount(io.lang, summary.removed)} removed → ${join(dir, 'removed.csv')}, ` +
        `${formatCount(io.lang, summary.review)} for review → ${join(dir, 'review.csv')}, ` +
        `${formatCount(io.lang, summary.kept)} kept → ${join(dir, 'kept.csv')} (${summary.elapsedMs} ms)`,
    );
  },
};
