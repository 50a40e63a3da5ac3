// `npm run bench -- quality`: black-box matching quality of the built `rajaus match` on every
// labelled data set (test/quality/dataSets.ts): Febrl 3 (all / half of the originals in the
// register), the blind generator's companies and persons at 10k × 5k and 20k × 10k, and our own
// generator. Each set's files go to a temporary folder, the CLI runs as a user would run it, and
// precision, recall, review share and candidate pairs (when summary.json reports them) are read
// back from kept/removed/review.csv, and for the blind sets recall and wrong removals by noise
// class (QUALITY_BREAKDOWN=0 leaves that out). QUALITY_SETS=name,name runs some of them.
// Writes bench/results/quality.json.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(tmpdir(), 'rajaus-quality-bench-'));
const entry = path.join(work, 'entry.ts');
writeFileSync(
  entry,
  `export * from ${JSON.stringify(path.join(root, 'test/quality/harness.ts'))};\nexport * from ${JSON.stringify(path.join(root, 'test/quality/dataSets.ts'))};\n`,
);
const bundle = path.join(work, 'quality.mjs');
await build({ entryPoints: [entry], outfile: bundle, bundle: true, format: 'esm', platform: 'node', logLevel: 'warning' });
const { namedDataSets, runQuality, formatFigures, formatBreakdown, TARGETS } = await import(pathToFileURL(bundle).href);

const all = namedDataSets(root);
const names = process.env.QUALITY_SETS ? process.env.QUALITY_SETS.split(',') : Object.keys(all);
const results = [];
try {
  for (const name of names) {
    if (!all[name]) throw new Error(`unknown data set '${name}'; known: ${Object.keys(all).join(', ')}`);
    const f = runQuality(all[name](), { root, workDir: work });
    delete f.summary.list;
    delete f.summary.customers;
    results.push(f);
    console.log(formatFigures(f));
    if (f.byLabel.length && process.env.QUALITY_BREAKDOWN !== '0') console.log(formatBreakdown(f));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const missed = results.filter((f) => {
  const t = TARGETS[f.entity];
  return f.precision < t.precision || f.recall < t.recall || f.reviewShare > t.reviewShare;
});
console.log(
  `targets (issue 12): companies precision ≥ 0.998, recall ≥ 0.985, review ≤ 2 %; persons ≥ 0.995, ≥ 0.97, ≤ 3 % — ${missed.length ? `NOT met on ${missed.map((f) => f.name).join(', ')}` : 'met on every set'}`,
);
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(path.join(root, 'bench/results/quality.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2) + '\n');
