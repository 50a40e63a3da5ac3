// Writes the quality harness's labelled data sets to a folder, one subfolder each with the list,
// the register (as a user would have them) and truth.csv (list id; register ids, space-separated, or empty):
//   node bench/write-quality-data.mjs OUT_DIR [name …]
// Names: febrl3-all, febrl3-half, blind-companies-10k, … (test/quality/dataSets.ts). No names: all.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const [out, ...names] = process.argv.slice(2);
if (!out) {
  console.error('usage: node bench/write-quality-data.mjs OUT_DIR [name …]');
  process.exit(1);
}
const work = mkdtempSync(path.join(tmpdir(), 'rajaus-quality-data-'));
const bundle = path.join(work, 'dataSets.mjs');
await build({
  entryPoints: [path.join(root, 'test/quality/dataSets.ts')],
  outfile: bundle,
  bundle: true,
  format: 'esm',
  platform: 'node',
  logLevel: 'warning',
});
const { namedDataSets } = await import(pathToFileURL(bundle).href);
rmSync(work, { recursive: true, force: true });
const all = namedDataSets(root);
for (const name of names.length ? names : Object.keys(all)) {
  if (!all[name]) {
    console.error(`unknown data set '${name}'; known: ${Object.keys(all).join(', ')}`);
    process.exit(1);
  }
  const set = all[name]();
  const dir = path.join(out, set.name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, set.listFile), set.list);
  writeFileSync(path.join(dir, set.registerFile), set.register);
  const truth = [`${set.listIdHeader};${set.registerIdHeader}`, ...[...set.truth].map(([l, r]) => `${l};${r.join(' ')}`)];
  writeFileSync(path.join(dir, 'truth.csv'), truth.join('\r\n') + '\r\n');
  console.log(
    `${set.name}: ${dir} (${set.truth.size} list rows, ${[...set.truth.values()].filter((v) => v.length > 0).length} with a true customer)`,
  );
}
