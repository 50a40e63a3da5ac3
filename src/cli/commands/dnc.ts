/**
 * `rajaus dnc`: checks a list file against a do-not-call file (ASML's Puhelin-Robinson list or
 * own opt-outs; CSV, .xlsx or plain text, numbers in any written form). Writes kept.csv,
 * suppressed.csv (every list column + when, by which step and why) and summary.json.
 */
import { resolve, join } from 'node:path';
import type { Command } from '../command';
import { parseMapOverrides } from '../../core/columns/headerMapping';
import { UserError } from '../../core/errors';
import { pauser } from '../../core/progress';
import { listToCsvBytesInPieces } from '../io/csvInPieces';
import { formatCount } from '../../core/i18n/lang';
import { helsinkiDate } from '../../core/notes/format';
import { describeInvalid } from '../../core/suppression/doNotCall';
import { readDoNotCallFile, suppressListInPieces } from '../../app/suppression';
import { readBytes, readListFile, refuseInputAsOutput, sameFile } from '../io/files';
import { RunOutputs } from '../io/outputs';

const USAGE = `rajaus dnc --list FILE --numbers FILE --out DIR [options]

  --list FILE        the list: CSV or .xlsx (--sheet NAME for another sheet than the first)
  --numbers FILE     the do-not-call numbers: CSV, .xlsx or text, one number per line, in any
                     written form (040-1234567, +358 40 123 4567, 00358…); lines that are not
                     numbers are reported with their line numbers
  --name TEXT        name of the do-not-call list for the notes (default: the file's name)
  --date yyyy-mm-dd  date of the do-not-call list (default: today)
  --out DIR          writes DIR/kept.csv, DIR/suppressed.csv, DIR/summary.json
  --map "Header=key" header mapping override for the list (repeatable)`;

export const dncCommand: Command = {
  name: 'dnc',
  usage: USAGE,
  options: {
    list: { type: 'string' },
    sheet: { type: 'string' },
    numbers: { type: 'string' },
    name: { type: 'string' },
    date: { type: 'string' },
    out: { type: 'string' },
    map: { type: 'string', multiple: true },
  },
  async run(values, _positionals, io) {
    const started = Date.now();
    const listPath = values.list as string | undefined;
    const numbersPath = values.numbers as string | undefined;
    const out = values.out as string | undefined;
    if (!listPath || !numbersPath || !out) throw new UserError('--list, --numbers and --out are required. See: rajaus dnc --help');
    const date = (values.date as string | undefined) ?? helsinkiDate(io.now());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UserError(`--date must be yyyy-mm-dd, not '${date}'`);
    const map = parseMapOverrides((values.map as string[] | undefined) ?? []);
    refuseInputAsOutput(
      ['kept.csv', 'suppressed.csv', 'summary.json'].map((n) => join(resolve(io.cwd, out), n)),
      [resolve(io.cwd, listPath), resolve(io.cwd, numbersPath)],
    );
    // The list given as its own do-not-call file: every row with a phone would be suppressed.
    if (sameFile(resolve(io.cwd, listPath), resolve(io.cwd, numbersPath))) {
      io.warn(`rajaus dnc: warning: --list and --numbers are the same file (${listPath}); every row with a phone will be suppressed`);
    }
    const list = await readListFile(resolve(io.cwd, listPath), {
      sheet: values.sheet as string | undefined,
      map,
      onWarning: io.warn,
      lang: io.lang,
      signal: io.signal,
    });
    const pause = pauser(io.signal);
    const numbers = await readDoNotCallFile(await readBytes(resolve(io.cwd, numbersPath)), numbersPath, io.lang, pause);
    if (numbers.invalid.length) io.warn(`${numbersPath}: ${describeInvalid(numbers.invalid, io.lang)}`);
    const name = (values.name as string | undefined) ?? numbersPath.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
    // In pieces: 3.4 s of CPU in one pass at 400,000 rows against 200,000 numbers, deaf to Ctrl-C.
    const result = await suppressListInPieces(list, { name, checkedAt: date, phones: numbers.phones }, io.now(), io.lang, pause);

    const dir = resolve(io.cwd, out);
    const csv = { delimiter: ';' as const, bom: true, eol: '\r\n' as const, neutralizeFormulas: true };
    const outputs = new RunOutputs(dir, { signal: io.signal });
    await outputs.write('kept.csv', await listToCsvBytesInPieces(result.kept, csv, pause));
    await outputs.write('suppressed.csv', await listToCsvBytesInPieces(result.suppressed, csv, pause));
    const summary = {
      doNotCallList: { name, checkedAt: date, numbers: numbers.phones.length, invalidLines: numbers.invalid.map((i) => i.line) },
      rowsIn: list.rows.length,
      kept: result.kept.rows.length,
      suppressed: result.suppressed.rows.length,
      elapsedMs: Date.now() - started,
    };
    await outputs.write('summary.json', JSON.stringify(summary, null, 2) + '\n');
    await outputs.commit();
    io.info(
      `${listPath}: ${formatCount(io.lang, summary.rowsIn)} rows, ${formatCount(io.lang, summary.suppressed)} on '${name}' → ${join(out, 'suppressed.csv')}, ${formatCount(io.lang, summary.kept)} kept → ${join(out, 'kept.csv')}`,
    );
  },
};
