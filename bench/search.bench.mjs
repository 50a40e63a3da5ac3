// prh-bulk memory and speed (issue 3): generates PRH's all_companies file of the real company
// shape (test/fixtures/prh/generate.ts, 200,000 companies by default; RAJAUS_BENCH_COMPANIES to
// change) as a zip in a temp dir, then runs `rajaus search --source prh-bulk:FILE` as a whole
// process under /usr/bin/time for wall time and peak RSS. Writes bench/results/search.json.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const COUNT = Number(process.env.RAJAUS_BENCH_COMPANIES ?? 200_000);
const dir = mkdtempSync(path.join(tmpdir(), 'rajaus-prhbulk-bench-'));
try {
  const gen = path.join(dir, 'generate.mjs');
  await build({ entryPoints: [path.join(root, 'test/fixtures/prh/generate.ts')], bundle: true, format: 'esm', platform: 'node', outfile: gen, logLevel: 'warning' });
  const { generateCompanies } = await import(pathToFileURL(gen).href);

  // Written in batches so the generator never holds the register in memory either.
  const jsonPath = path.join(dir, 'all_companies.json');
  const out = createWriteStream(jsonPath);
  const write = (s) => new Promise((resolve) => (out.write(s) ? resolve() : out.once('drain', resolve)));
  let t = performance.now();
  await write('[');
  const batch = 10_000;
  for (let i = 0; i < COUNT; i += batch) {
    const companies = generateCompanies({ count: Math.min(batch, COUNT - i), seed: 1000 + i, firstId: 2_000_000 + i * 2 });
    await write((i ? ',' : '') + companies.map((c) => JSON.stringify(c)).join(','));
  }
  await write(']');
  await new Promise((resolve) => out.end(resolve));
  const jsonBytes = statSync(jsonPath).size;
  const zipPath = path.join(dir, 'all_companies.zip');
  const z = spawnSync('zip', ['-q', '-j', '-1', zipPath, jsonPath]);
  if (z.status !== 0) throw new Error(`zip failed: ${z.stderr}`);
  rmSync(jsonPath);
  const generateMs = performance.now() - t;
  console.log(`generated ${COUNT.toLocaleString('en')} companies: ${(jsonBytes / 1e6).toFixed(0)} MB JSON, ${(statSync(zipPath).size / 1e6).toFixed(0)} MB zipped (${(generateMs / 1000).toFixed(1)} s)`);

  const runs = {
    area: { kind: 'b2b', area: { postalCodes: ['33100', '33200', '33500'] }, companyForms: ['OY'] },
    wholeRegister: { kind: 'b2b', industries: ['F'] },
  };
  const results = {};
  for (const [name, criteria] of Object.entries(runs)) {
    const c = path.join(dir, `${name}.json`);
    writeFileSync(c, JSON.stringify(criteria));
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M %U', process.execPath, path.join(root, 'bin/rajaus.js'), 'search', '--quiet', '--criteria', c, '--source', `prh-bulk:${zipPath}`, '--out', path.join(dir, `${name}.csv`)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${name}: ${r.stderr}`);
    const [wall, rssKb, user] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
    const rows = spawnSync('wc', ['-l', path.join(dir, `${name}.csv`)], { encoding: 'utf8' }).stdout.split(' ')[0] - 1;
    results[name] = { criteria, rows, wallS: wall, userCpuS: user, peakRssMb: Math.round(rssKb / 1024) };
    console.log(`${name}: ${rows} rows, ${wall} s wall (${user} s CPU), peak RSS ${Math.round(rssKb / 1024)} MB`);
  }
  mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  writeFileSync(path.join(root, 'bench/results/search.json'), JSON.stringify({ companies: COUNT, jsonMb: Math.round(jsonBytes / 1e6), generateMs: Math.round(generateMs), ...results }, null, 2) + '\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
