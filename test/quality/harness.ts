/**
 * Black-box quality of `rajaus match`: writes a labelled data set's files to a folder, runs the
 * built CLI as a user would (`node bin/rajaus.js match --list … --customers … --out …`, no
 * --map), and reads the truth back from kept/removed/review.csv and summary.json.
 *
 * How truth is counted (issue 12 does not say otherwise):
 * - a removed row whose matched customer row is one of its true register rows: true positive;
 * - a removed row matched to another row, or with no true customer at all: false positive;
 * - review rows are neither removed nor kept for precision, and count as misses for recall
 *   (the list still holds them until a person decides); how many of them point at the true
 *   customer is reported beside.
 */
import Papa from 'papaparse';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { headerOf } from '../../src/core/columns/catalogue';
import type { Entity, QualityDataSet } from './dataSets';

/** One noise class: how its customers fared (recall) and how many of its rows were wrongly removed. */
export interface LabelFigures {
  label: string;
  rows: number;
  /** Rows with a true customer, and of those removed with it. */
  customers: number;
  found: number;
  review: number;
  falsePositives: number;
}

export interface QualityFigures {
  name: string;
  entity: Entity;
  listRows: number;
  registerRows: number;
  /** List rows that have a true customer in the register. */
  truePairs: number;
  removed: number;
  truePositives: number;
  falsePositives: number;
  review: number;
  /** Review rows whose suggested customer is the true one. */
  reviewTrue: number;
  precision: number;
  recall: number;
  reviewShare: number;
  /** Candidate pairs, if summary.json reports them (null otherwise). */
  candidatePairs: number | null;
  /** Whole process, wall clock. */
  elapsedMs: number;
  /** By noise class, when the data set labels its rows (most missed first). */
  byLabel: LabelFigures[];
  summary: Record<string, unknown>;
}

/** A CSV the user or the CLI wrote: UTF-8 (with or without BOM) or else Windows-1252. */
export function readCsv(bytes: Uint8Array): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, '').trimEnd(), { skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`CSV: ${parsed.errors[0]!.message} (row ${parsed.errors[0]!.row})`);
  return parsed.data;
}

function column(header: readonly string[], name: string, file: string): number {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`${file}: no column '${name}' (columns: ${header.join(', ')})`);
  return i;
}

/** The first number under a key that speaks of candidate pairs, wherever summary.json puts it. */
export function findCandidatePairs(summary: unknown): number | null {
  if (!summary || typeof summary !== 'object') return null;
  for (const [k, v] of Object.entries(summary)) {
    if (/candidate/i.test(k) && typeof v === 'number') return v;
  }
  for (const v of Object.values(summary)) {
    const found = findCandidatePairs(v);
    if (found !== null) return found;
  }
  return null;
}

export interface RunOptions {
  /** The repository (bin/rajaus.js and a built lib/cli.js). */
  root: string;
  /** A folder of its own for this run; the data set goes in a subfolder. */
  workDir: string;
  /** Remove the subfolder afterwards (default true). */
  cleanUp?: boolean;
}

export function runQuality(set: QualityDataSet, opts: RunOptions): QualityFigures {
  const dir = path.join(opts.workDir, set.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, set.listFile), set.list);
  writeFileSync(path.join(dir, set.registerFile), set.register);
  const t0 = process.hrtime.bigint();
  const run = spawnSync(
    process.execPath,
    [path.join(opts.root, 'bin/rajaus.js'), 'match', '--list', set.listFile, '--customers', set.registerFile, '--out', 'out', '--quiet'],
    { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const elapsedMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (run.status !== 0) throw new Error(`rajaus match on ${set.name} exited ${run.status}: ${run.stderr.trim()}`);

  const out = path.join(dir, 'out');
  const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as Record<string, unknown>;
  const register = readCsv(readFileSync(path.join(dir, set.registerFile)));
  const registerId = column(register[0]!, set.registerIdHeader, set.registerFile);
  /** Customer row as the CLI numbers it (header row = 1) → register id. */
  const idOfRow = (row: number) => register[row - 1]?.[registerId];

  const matchedHeader = headerOf('matchedCustomerRow', 'fi');
  const outcome = (file: string) => {
    const p = path.join(out, file);
    if (!existsSync(p)) return [];
    const rows = readCsv(readFileSync(p));
    if (!rows.length) return [];
    const id = column(rows[0]!, set.listIdHeader, file);
    const matched = column(rows[0]!, matchedHeader, file);
    return rows.slice(1).map((r) => ({ listId: r[id]!, registerId: idOfRow(Number(r[matched])) }));
  };
  const removed = outcome('removed.csv');
  const review = outcome('review.csv');

  let tp = 0;
  let fp = 0;
  for (const r of removed) {
    const truth = set.truth.get(r.listId);
    if (!truth) throw new Error(`${set.name}: removed.csv names a list row '${r.listId}' that the list does not have`);
    if (r.registerId !== undefined && truth.includes(r.registerId)) tp++;
    else fp++;
  }
  const byLabel = set.labels ? breakdown(set, removed, review) : [];
  const reviewTrue = review.filter((r) => r.registerId !== undefined && (set.truth.get(r.listId) ?? []).includes(r.registerId)).length;
  const truePairs = [...set.truth.values()].filter((t) => t.length > 0).length;
  if (opts.cleanUp ?? true) rmSync(dir, { recursive: true, force: true });
  return {
    name: set.name,
    entity: set.entity,
    listRows: set.truth.size,
    registerRows: register.length - 1,
    truePairs,
    removed: removed.length,
    truePositives: tp,
    falsePositives: fp,
    review: review.length,
    reviewTrue,
    precision: removed.length ? tp / removed.length : 1,
    recall: truePairs ? tp / truePairs : 1,
    reviewShare: review.length / set.truth.size,
    candidatePairs: findCandidatePairs(summary),
    elapsedMs,
    byLabel,
    summary,
  };
}

type Outcome = { listId: string; registerId: string | undefined };

function breakdown(set: QualityDataSet, removed: Outcome[], review: Outcome[]): LabelFigures[] {
  const removedWith = new Map(removed.map((r) => [r.listId, r.registerId]));
  const inReview = new Set(review.map((r) => r.listId));
  const by = new Map<string, LabelFigures>();
  for (const [listId, truth] of set.truth) {
    const matched = removedWith.get(listId);
    const right = removedWith.has(listId) && matched !== undefined && truth.includes(matched);
    for (const label of new Set(set.labels!.get(listId) ?? [])) {
      let f = by.get(label);
      if (!f) by.set(label, (f = { label, rows: 0, customers: 0, found: 0, review: 0, falsePositives: 0 }));
      f.rows++;
      if (truth.length) f.customers++;
      if (right) f.found++;
      else if (removedWith.has(listId)) f.falsePositives++;
      if (inReview.has(listId)) f.review++;
    }
  }
  const recall = (f: LabelFigures) => (f.customers ? f.found / f.customers : 1);
  return [...by.values()].sort((a, b) => recall(a) - recall(b) || b.falsePositives - a.falsePositives || a.label.localeCompare(b.label));
}

/** The breakdown as lines: recall of each class's customers, rows wrongly removed. */
export function formatBreakdown(f: QualityFigures): string {
  return f.byLabel
    .map((l) => {
      const what = l.customers
        ? `recall ${(l.found / l.customers).toFixed(3)} (${l.found}/${l.customers}, review ${l.review})`
        : `${l.rows} rows`;
      return `    ${l.label.padEnd(52)} ${what}${l.falsePositives ? `, wrongly removed ${l.falsePositives}` : ''}`;
    })
    .join('\n');
}

/** Issue 12's targets. */
export const TARGETS: Record<Entity, { precision: number; recall: number; reviewShare: number }> = {
  companies: { precision: 0.998, recall: 0.985, reviewShare: 0.02 },
  persons: { precision: 0.995, recall: 0.97, reviewShare: 0.03 },
};

export function formatFigures(f: QualityFigures): string {
  const t = TARGETS[f.entity];
  const mark = (ok: boolean) => (ok ? '' : ' ✗');
  return [
    f.name.padEnd(40),
    `${f.listRows} × ${f.registerRows}`.padEnd(14),
    `precision ${f.precision.toFixed(4)}${mark(f.precision >= t.precision)}`.padEnd(20),
    `recall ${f.recall.toFixed(4)}${mark(f.recall >= t.recall)}`.padEnd(17),
    `review ${(f.reviewShare * 100).toFixed(2)} %${mark(f.reviewShare <= t.reviewShare)}`.padEnd(17),
    `(TP ${f.truePositives}, FP ${f.falsePositives}, true pairs ${f.truePairs}, review ${f.review} of which true ${f.reviewTrue})`,
    f.candidatePairs === null ? 'candidate pairs: not reported' : `candidate pairs ${f.candidatePairs}`,
    `${(f.elapsedMs / 1000).toFixed(2)} s`,
  ].join('  ');
}
