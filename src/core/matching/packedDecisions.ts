/**
 * Row decisions as typed arrays, for a worker thread that linked part of the list (the CLI,
 * src/cli/io/matchWorker.ts): per row the best customer, the exact score and the comparison
 * levels as small codes. The receiver rebuilds each RowDecision with the same model, so its
 * outcome, weights and reason are the ones the sender would have given.
 */
import type { ComparisonVector } from './comparison';
import { decisionOf, NO_MATCH, type RowDecision } from './engine';
import { DEFAULT_MODEL, type MatchModel } from './model';

export interface PackedDecisions {
  /** Best customer per row, −1 when no customer was a candidate. */
  customer: Int32Array;
  score: Float64Array;
  nameSimilarity: Float64Array;
  nameFrequency: Float64Array;
  /** LEVEL_FIELDS.length codes per row: 0 = no level, else 1 + the level's place in its list. */
  levels: Uint8Array;
}

/** Each field of a ComparisonVector with a level, and its levels in order. */
const LEVEL_FIELDS: readonly [keyof ComparisonVector, readonly string[]][] = [
  ['businessId', ['same', 'different']],
  ['phone', ['same', 'different', 'otherKind']],
  ['email', ['same', 'sameDomain', 'different']],
  ['name', ['exact', 'close', 'subset', 'partial', 'different', 'otherFirstName', 'otherNumber', 'otherSurname']],
  ['nameKind', ['company', 'person']],
  ['legalForm', ['same', 'different']],
  ['contact', ['exact', 'close', 'subset', 'partial', 'different']],
  ['address', ['exact', 'house', 'otherUnit', 'street', 'different', 'otherStreet']],
  ['area', ['same', 'sameTown', 'different', 'near']],
];
const WIDTH = LEVEL_FIELDS.length;

/** Room for `n` rows' decisions. */
export function emptyPackedDecisions(n: number): PackedDecisions {
  return {
    customer: new Int32Array(n),
    score: new Float64Array(n),
    nameSimilarity: new Float64Array(n),
    nameFrequency: new Float64Array(n),
    levels: new Uint8Array(n * WIDTH),
  };
}

/**
 * Row `i`'s decision into `packed`. The worker packs each row as it is decided: a piece's
 * decisions held as objects until packed outlived young collections, and the old generation
 * kept them until its next full one (issue 16's memory).
 */
export function packDecision(packed: PackedDecisions, i: number, d: RowDecision): void {
  packed.customer[i] = d.customerIndex ?? -1;
  packed.score[i] = d.score;
  packed.nameSimilarity[i] = d.nameSimilarity;
  packed.nameFrequency[i] = d.comparison?.nameFrequency ?? 0;
  const v = d.comparison;
  if (!v) return;
  for (let f = 0; f < WIDTH; f++) {
    const [field, levels] = LEVEL_FIELDS[f]!;
    const level = v[field];
    packed.levels[i * WIDTH + f] = level === null ? 0 : levels.indexOf(level as string) + 1;
  }
}

/** The buffers of `packed`, to transfer with it. */
export function packedBuffers(packed: PackedDecisions): ArrayBuffer[] {
  return [
    packed.customer.buffer,
    packed.score.buffer,
    packed.nameSimilarity.buffer,
    packed.nameFrequency.buffer,
    packed.levels.buffer,
  ] as ArrayBuffer[];
}

/** Row `i`'s decision, rebuilt with `model` (its outcome, weights and reason as the sender's). */
export function unpackDecision(p: PackedDecisions, i: number, model: MatchModel = DEFAULT_MODEL): RowDecision {
  const customer = p.customer[i]!;
  if (customer < 0) return NO_MATCH;
  const v: Record<string, unknown> = { nameSimilarity: p.nameSimilarity[i]!, nameFrequency: p.nameFrequency[i]! };
  for (let f = 0; f < WIDTH; f++) {
    const [field, levels] = LEVEL_FIELDS[f]!;
    const code = p.levels[i * WIDTH + f]!;
    v[field] = code === 0 ? null : levels[code - 1]!;
  }
  return decisionOf(p.score[i]!, customer, v as unknown as ComparisonVector, model);
}
