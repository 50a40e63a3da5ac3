/**
 * Quality of the matcher on a labelled data set, in process (no CLI): precision, recall and
 * review share of the decisions, and blocking recall (the share of true pairs among the
 * candidates) with the number of candidate pairs. Used by the quality tests and to print the
 * README's table (`node` on an esbuild bundle of this file's `main`).
 */
import { matchCustomers } from '../../src/app/removeCustomers';
import { listFromGrid, type ListTable } from '../../src/core/list/listTable';
import { BlockIndex } from '../../src/core/matching/blocking';
import { MatchTableBuilder, Vocabulary } from '../../src/core/matching/record';
import { DEFAULT_MODEL } from '../../src/core/matching/model';
import { parseTabular } from '../../src/sources/tabular/parseTabular';
import type { LabelledSet } from '../fixtures/matching/generate';
import type { QualityDataSet } from './dataSets';

export interface Measured {
  rows: number;
  positives: number;
  precision: number;
  recall: number;
  reviewShare: number;
  /** Share of true pairs that blocking made candidates. */
  blockingRecall: number;
  candidatePairs: number;
}

/** Truth as list row → register rows of the same customer (empty or null: not a customer). */
export function measure(list: ListTable, customers: ListTable, truth: readonly (readonly number[] | number | null)[]): Measured {
  const result = matchCustomers(list, customers, { lang: 'fi', model: process.env.PRIOR_ONLY ? DEFAULT_MODEL : undefined });
  const vocabulary = new Vocabulary();
  const cb = new MatchTableBuilder(customers.keys, vocabulary, undefined, customers.rows.length, {});
  for (const r of customers.rows) cb.add(r);
  const lb = new MatchTableBuilder(list.keys, vocabulary, undefined, list.rows.length, {});
  for (const r of list.rows) lb.add(r);
  const index = new BlockIndex(cb.finish());
  const lt = lb.finish();
  let positives = 0;
  let blocked = 0;
  let removed = 0;
  let tp = 0;
  let review = 0;
  const buf: number[] = [];
  for (let i = 0; i < list.rows.length; i++) {
    const raw = truth[i] ?? null;
    const t = raw === null ? [] : typeof raw === 'number' ? [raw] : raw;
    const cands = index.candidates(lt, i, buf);
    if (t.length) {
      positives++;
      if (t.some((c) => cands.includes(c))) blocked++;
    }
    const r = result.rows[i]!;
    if (r.outcome === 'removed') {
      removed++;
      if (r.customerIndex !== null && t.includes(r.customerIndex)) tp++;
    } else if (r.outcome === 'review') review++;
  }
  return {
    rows: list.rows.length,
    positives,
    precision: removed ? tp / removed : 1,
    recall: positives ? tp / positives : 1,
    reviewShare: review / list.rows.length,
    blockingRecall: positives ? blocked / positives : 1,
    candidatePairs: index.pairs,
  };
}

export function measureGenerated(set: LabelledSet): Measured {
  const list = listFromGrid('lista.csv', set.list.headers, set.list.rows);
  const customers = listFromGrid('asiakkaat.csv', set.customers.headers, set.customers.rows);
  return measure(list, customers, set.truth);
}

/** A data set of files (QualityDataSet): read as the CLI reads them, truth by the id columns. */
export async function measureFiles(ds: QualityDataSet): Promise<Measured> {
  const list = await parseTabular(ds.list, ds.listFile);
  const customers = await parseTabular(ds.register, ds.registerFile);
  const lid = list.headers.indexOf(ds.listIdHeader);
  const rid = customers.headers.indexOf(ds.registerIdHeader);
  const rowOf = new Map(customers.rows.map((r, i) => [String(r[rid]), i]));
  const truth = list.rows.map((r) => (ds.truth.get(String(r[lid])) ?? []).flatMap((c) => (rowOf.has(c) ? [rowOf.get(c)!] : [])));
  return measure(list, customers, truth);
}
