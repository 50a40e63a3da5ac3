/**
 * The three CSVs of `rajaus match` (kept, removed, review), written while the list is being
 * linked: each decided row goes to its files at once, in list order, and the list rows' CSV
 * records are let go as they are written (recordStore.ts). Before, every row's decision, its
 * result row and its record waited for the end of the run: a million-row list held them all
 * (issue 16).
 *
 * Where a row goes is routeRows's rule (app/removeCustomers.ts): a removed row to removed.csv;
 * every other row to kept.csv, and a review row to review.csv as well.
 */
import { join } from 'node:path';
import type { MatchCounts, MatchedRow } from '../../app/removeCustomers';
import { csvField, csvOfRecords, type CsvOptions } from '../../core/export/csv';
import type { RunOutputs } from './outputs';
import { TextFileWriter } from './textFileWriter';
import type { RecordStore } from './recordStore';

export class MatchCsvs {
  readonly counts: MatchCounts = { rows: 0, removed: 0, review: 0, kept: 0 };
  private readonly kept: TextFileWriter;
  private readonly removed: TextFileWriter;
  private readonly review: TextFileWriter;

  /**
   * `records` are the list rows as CSV records (made while the list was read), by list index.
   * `listHeaders` head kept.csv, `matchHeaders` (the list's and the match columns) the other two.
   */
  constructor(
    outputs: RunOutputs,
    listHeaders: readonly string[],
    matchHeaders: readonly string[],
    private readonly records: RecordStore,
    private readonly csv: CsvOptions,
  ) {
    const writer = (name: string) => new TextFileWriter(() => outputs.stagedPath(name), join(outputs.dir, name));
    this.kept = writer('kept.csv');
    this.removed = writer('removed.csv');
    this.review = writer('review.csv');
    this.kept.write(csvOfRecords(listHeaders, [], csv));
    this.removed.write(csvOfRecords(matchHeaders, [], csv));
    this.review.write(csvOfRecords(matchHeaders, [], csv));
  }

  /** Rows in list order, following those added before. */
  add(rows: readonly MatchedRow[]): void {
    const { csv, records } = this;
    for (const r of rows) {
      // The record's bytes as they were stored, not decoded and encoded again.
      const record = records.takeBytes(r.listIndex);
      this.counts.rows++;
      this.counts[r.outcome]++;
      if (r.outcome === 'removed') {
        this.removed.writeBytes(record);
        this.removed.write(matchFields(r, csv));
        continue;
      }
      this.kept.writeBytes(record);
      this.kept.write(csv.eol);
      if (r.outcome === 'review') {
        this.review.writeBytes(record);
        this.review.write(matchFields(r, csv));
      }
    }
  }

  /** Hands what is buffered to the files, waiting while the disk is behind. */
  async drain(): Promise<void> {
    await this.kept.drain();
    await this.removed.drain();
    await this.review.drain();
  }

  async close(): Promise<void> {
    await this.kept.close();
    await this.removed.close();
    await this.review.close();
  }

  /** Closes the files without finishing them (a failed or cancelled run). */
  async destroy(): Promise<void> {
    await this.kept.destroy();
    await this.removed.destroy();
    await this.review.destroy();
  }
}

/** The list row's record with the matched customer's row number, the reason and the score. */
/** What follows a list record in removed.csv and review.csv: the match columns, and the line's end. */
function matchFields(r: MatchedRow, csv: CsvOptions): string {
  const d = csv.delimiter;
  return d + csvField(r.customerRow, csv) + d + csvField(r.reason, csv) + d + csvField(r.score, csv) + csv.eol;
}
