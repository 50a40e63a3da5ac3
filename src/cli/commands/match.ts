/**
 * `rajaus match`: removes own customers from a list. Every list row is matched against the
 * customer register (business id, phone, email, name, address) and written to one of
 * DIR/kept.csv (the list to go on with: every input column, in order), DIR/removed.csv (matched
 * customers) or DIR/review.csv (uncertain pairs for a person), the latter two with the matched
 * customer row, the reason and the score; DIR/summary.json holds the counts and elapsedMs.
 */
import { join, resolve } from 'node:path';
import { matchCustomers, splitByOutcome } from '../../app/removeCustomers';
import { normalizeHeader, parseMapOverrides } from '../../core/columns/headerMapping';
import { UserError } from '../../core/errors';
import { csvBytes, listToCsv } from '../../core/export/csv';
import { formatCount } from '../../core/i18n/lang';
import type { ListTable } from '../../core/list/listTable';
import { DEFAULT_MODEL } from '../../core/matching/model';
import type { Command } from '../command';
import { readBytes, writeFileAtomic } from '../io/files';
import { parseTabular } from '../../sources/tabular/parseTabular';

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

/** The --map overrides that name a column of this file (the option serves both files). */
function overridesFor(map: Record<string, string>, headers: readonly string[]): Record<string, string> {
  const present = new Set(headers.map(normalizeHeader));
  return Object.fromEntries(Object.entries(map).filter(([h]) => present.has(normalizeHeader(h))));
}

async function readWithMap(path: string, sheet: string | undefined, map: Record<string, string>): Promise<ListTable> {
  const bytes = await readBytes(path);
  if (!Object.keys(map).length) return parseTabular(bytes, path, { sheet });
  // Map only what this file has: peek at the headers first (cheap next to the match).
  const headers = (await parseTabular(bytes, path, { sheet })).headers;
  return parseTabular(bytes, path, { sheet, map: overridesFor(map, headers) });
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
    const [list, customers] = await Promise.all([
      readWithMap(resolve(io.cwd, listPath), values.sheet as string | undefined, map),
      readWithMap(resolve(io.cwd, customersPath), values['customers-sheet'] as string | undefined, map),
    ]);
    // A --map column found in neither file is a typo the user wants to hear about.
    const known = new Set([...list.headers, ...customers.headers].map(normalizeHeader));
    for (const h of Object.keys(map)) {
      if (!known.has(normalizeHeader(h))) throw new UserError(`--map names a column that is in neither file: '${h}'`);
    }
    // Messages name the files as the user typed them.
    list.origin = { ...list.origin, name: listPath };
    customers.origin = { ...customers.origin, name: customersPath };

    const result = matchCustomers(list, customers, { lang: io.lang });
    const split = splitByOutcome(list, result, io.lang);
    const dir = resolve(io.cwd, (values.out as string | undefined) ?? 'out');
    const csv = { delimiter: ';' as const, bom: true, eol: '\r\n' as const, neutralizeFormulas: true };
    const summary = {
      list: listPath,
      customers: customersPath,
      rows: result.counts.rows,
      customerRows: customers.rows.length,
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
