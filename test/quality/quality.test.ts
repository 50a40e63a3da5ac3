/**
 * Black-box matching quality: the built `rajaus match` on data it was never tuned on (Febrl 3,
 * the blind generator, our own generator at seeds the model did not see), counted by
 * test/quality/harness.ts. Sizes are kept so that the whole file takes well under a minute;
 * `npm run bench -- quality` runs the full sizes (10k × 5k and 20k × 10k).
 *
 * RAJAUS_QUALITY_TARGETS=1 asserts issue 12's targets (companies: precision ≥ 0.998, recall ≥
 * 0.985, review ≤ 2 %; persons: ≥ 0.995, ≥ 0.97, ≤ 3 %). The companies meet them on every set;
 * the persons do not yet everywhere (figures in the README), so without the variable floors are
 * asserted that sit a little under today's figures, to catch a regression while CI stays green.
 * Raised with the model on the scale of random pairs (issue 12, second round): persons'
 * precision ≥ 0.985 (0.991–1.000 today; it was lowered to 0.95 when u came from the candidates
 * and EM drifted towards "same household"), recall ≥ 0.93 (0.942–0.999), review ≤ 4 %
 * (0.0–3.2 %); companies ≥ 0.995, ≥ 0.98, ≤ 2 %. Raised in the fifth round (name forms, the
 * family rule's first names, a surname changed in the same home): persons' precision ≥ 0.99
 * (0.9937–1.000), recall ≥ 0.95 (0.958–0.999); review still ≤ 4 % (seed 401's 3.5 %, 3.85 %
 * before the round). Raised in the sixth round (a surname changed at the same house, a street
 * name with one slip): persons' recall ≥ 0.955 (0.9583–1.000), review ≤ 3.5 % (seed 401's 3.30 %);
 * precision stays ≥ 0.99 (0.9943–1.000). Lowered in the seventh round (namesakes in one postal
 * code counted within the files): persons' review ≤ 3 %, the target (seed 401's 1.23 %, 3.30 %
 * before). Either way every figure is printed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { blindDataSet, febrl3DataSet, ownDataSet, type Entity, type QualityDataSet } from './dataSets';
import { TARGETS, formatFigures, runQuality, type QualityFigures } from './harness';

const ROOT = path.join(__dirname, '..', '..');
const STRICT = process.env.RAJAUS_QUALITY_TARGETS === '1';
const FLOORS: Record<Entity, { precision: number; recall: number; reviewShare: number }> = {
  companies: { precision: 0.995, recall: 0.98, reviewShare: 0.02 },
  persons: { precision: 0.99, recall: 0.955, reviewShare: 0.03 },
};
let work: string;

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
  work = mkdtempSync(path.join(tmpdir(), 'rajaus-quality-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function check(f: QualityFigures): void {
  console.log(formatFigures(f));
  const bar = STRICT ? TARGETS[f.entity] : FLOORS[f.entity];
  // One expectation with the figures, so a failure prints all of them.
  expect({
    name: f.name,
    precision: f.precision >= bar.precision,
    recall: f.recall >= bar.recall,
    review: f.reviewShare <= bar.reviewShare,
  }).toEqual({
    name: f.name,
    precision: true,
    recall: true,
    review: true,
  });
}

const SETS: [string, () => QualityDataSet][] = [
  [
    'Febrl 3, every original in the register',
    () => febrl3DataSet('all', path.join(ROOT, '..', 'shared', 'data', 'febrl3', 'dataset3.csv')),
  ],
  [
    'Febrl 3, half of the originals in the register',
    () => febrl3DataSet('half', path.join(ROOT, '..', 'shared', 'data', 'febrl3', 'dataset3.csv')),
  ],
  ['blind generator, companies 4,000 × 2,000', () => blindDataSet('companies', 4000, 2000, 301)],
  ['blind generator, persons 4,000 × 2,000', () => blindDataSet('persons', 4000, 2000, 401)],
  ['own generator, companies 3,000 × 3,000', () => ownDataSet('companies', 3000, 7)],
  ['own generator, persons 3,000 × 3,000', () => ownDataSet('persons', 3000, 7)],
];

describe(`rajaus match quality (${STRICT ? "issue 12's targets" : 'floors; RAJAUS_QUALITY_TARGETS=1 for the targets'})`, () => {
  it.each(SETS)('%s', (_, make) => check(runQuality(make(), { root: ROOT, workDir: work })), 60000);
});

describe('the harness counts truth as it says', () => {
  const csv = (s: string) => new TextEncoder().encode(s);
  const tiny = (truth: [string, string[]][]): QualityDataSet => ({
    name: 'tiny',
    entity: 'companies',
    listFile: 'l.csv',
    registerFile: 'r.csv',
    list: csv(
      'Rivitunnus;Yritys;Y-tunnus;Puhelin\nL1;Virtasen Rakennus Oy;2345678-0;040 123 4567\nL2;Kotkan Putki Oy;1234567-1;050 765 4321\n',
    ),
    register: csv(
      'Asiakasnumero;Yritys;Y-tunnus;Puhelin\nC1;Kotkan Putki Oy;1234567-1;050 765 4321\nC2;Virtasen Rakennus Oy;2345678-0;040 123 4567\n',
    ),
    listIdHeader: 'Rivitunnus',
    registerIdHeader: 'Asiakasnumero',
    truth: new Map(truth),
    labels: new Map([
      ['L1', ['typo']],
      ['L2', ['typo', 'phone']],
    ]),
  });

  it('a removed row with its true customer is a true positive, with another row a false positive', () => {
    const right = runQuality(
      tiny([
        ['L1', ['C2']],
        ['L2', ['C1']],
      ]),
      { root: ROOT, workDir: work },
    );
    expect(right).toMatchObject({ removed: 2, truePositives: 2, falsePositives: 0, precision: 1, recall: 1, truePairs: 2 });
    const wrong = runQuality(
      tiny([
        ['L1', ['C1']],
        ['L2', []],
      ]),
      { root: ROOT, workDir: work },
    );
    expect(wrong).toMatchObject({ removed: 2, truePositives: 0, falsePositives: 2, precision: 0, recall: 0, truePairs: 1 });
    // By noise class: each row counts once under each of its labels.
    expect(right.byLabel).toEqual([
      { label: 'phone', rows: 1, customers: 1, found: 1, review: 0, falsePositives: 0 },
      { label: 'typo', rows: 2, customers: 2, found: 2, review: 0, falsePositives: 0 },
    ]);
    expect(wrong.byLabel).toEqual([
      { label: 'typo', rows: 2, customers: 1, found: 0, review: 0, falsePositives: 2 },
      { label: 'phone', rows: 1, customers: 0, found: 0, review: 0, falsePositives: 1 },
    ]);
  });
});
