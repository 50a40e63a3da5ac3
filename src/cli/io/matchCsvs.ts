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
import { reasonOf, type ReasonSource, type RowDecision } from '../../core/matching/engine';
import { shownScore, type MatchModel } from '../../core/matching/model';
import type { Lang } from '../../core/i18n/lang';
import { TextFileWriter } from './textFileWriter';
import type { RecordStore } from './recordStore';

/** The three outputs are CSV for Finnish Excel: ";", a BOM, CRLF, formulas neutralized. */
export const MATCH_CSV: CsvOptions = { delimiter: ';', bom: true, eol: '\r\n', neutralizeFormulas: true };

/** A row's outcome as one byte, as the worker sends it (its rows prepared there: MatchCsvs.addPrepared). */
export const OUTCOME_CODE = { kept: 0, review: 1, removed: 2 } as const;
export type OutcomeCode = (typeof OUTCOME_CODE)[keyof typeof OUTCOME_CODE];

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

  /**
   * List row `listIndex` (in list order, following those added before) by its outcome, with
   * what follows its record in removed.csv or review.csv (decisionFields; empty for a kept
   * row): each thread prepares its own rows so, and writing them is copying bytes.
   */
  addPrepared(listIndex: number, outcome: OutcomeCode, fields: string): void {
    // The record's bytes as they were stored, not decoded and encoded again.
    const record = this.records.takeBytes(listIndex);
    this.counts.rows++;
    if (outcome === OUTCOME_CODE.removed) {
      this.counts.removed++;
      this.removed.writeBytes(record);
      this.removed.write(fields);
      return;
    }
    this.kept.writeBytes(record);
    this.kept.write(this.csv.eol);
    if (outcome === OUTCOME_CODE.review) {
      this.counts.review++;
      this.review.writeBytes(record);
      this.review.write(fields);
    } else this.counts.kept++;
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

/**
 * What follows row `source.listIndex`'s record once decided as `d` (MatchCsvs.addPrepared):
 * nothing for a kept row, else its match columns with the reason in words. Both threads
 * prepare their rows so.
 */
export function preparedFields(d: RowDecision, firstDataRow: number, lang: Lang, source: ReasonSource, model: MatchModel): string {
  return d.outcome === 'kept' ? '' : decisionFields(d, firstDataRow, reasonOf(d, lang, source, model));
}

/**
 * matchFields of a decision on a row not kept, as matchedRows (app/removeCustomers.ts) makes
 * its result row: without the result row.
 */
export function decisionFields(d: RowDecision, firstDataRow: number, reason: string, csv: CsvOptions = MATCH_CSV): string {
  return matchFields(
    { customerRow: d.customerIndex === null ? null : firstDataRow + d.customerIndex, reason, score: shownScore(d.score) },
    csv,
  );
}

/** What follows a list record in removed.csv and review.csv: the match columns, and the line's end. */
export function matchFields(r: Pick<MatchedRow, 'customerRow' | 'reason' | 'score'>, csv: CsvOptions = MATCH_CSV): string {
  const d = csv.delimiter;
  return d + csvField(r.customerRow, csv) + d + csvField(r.reason, csv) + d + csvField(r.score, csv) + csv.eol;
}
