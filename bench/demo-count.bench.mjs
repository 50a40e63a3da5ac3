// Live count of the demo directory (issue 3: under 300 ms): bundles src/sources/demo with
// esbuild, times the first generation, then count() for 20 varied criteria after a warm-up.
// Prints generation time, median and p95, and writes bench/results/demo-count.json.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = mkdtempSync(path.join(tmpdir(), 'rajaus-demo-bench-'));
const outfile = path.join(outDir, 'demo.mjs');
await build({ entryPoints: [path.join(root, 'src/sources/demo/index.ts')], bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'warning' });
const demo = await import(pathToFileURL(outfile).href);

const criteria = [
  { kind: 'b2b', area: { postalCodes: ['33100', '33200', '33500'] } },
  { kind: 'b2b', industries: ['F'] },
  { kind: 'b2b', industries: ['43220'], area: { municipalities: ['Tampere'] } },
  { kind: 'b2b', industries: ['62010', '62100'], companyForms: ['OY'] },
  { kind: 'b2b', area: { regions: ['Pirkanmaa'] }, roles: ['CEO', 'CFO'] },
  { kind: 'b2b', registeredFrom: '2015-01-01', registeredTo: '2024-12-31', requirePhone: true },
  { kind: 'b2b', area: { postalCodes: ['00*'] }, industries: ['G', 'I'], sizeClasses: ['0-4', '5-9'] },
  { kind: 'b2b', area: { municipalities: ['Helsingfors', 'Esbo'] }, requireEmail: true, roles: ['SALES', 'MARKETING'] },
  { kind: 'b2b', industries: ['56'], exclude: { postalCodes: ['00100-00190'], companyForms: ['TMI'] } },
  { kind: 'b2b' },
  { kind: 'b2b', companyForms: ['TMI'], area: { postalCodes: ['90100-90900'] } },
  { kind: 'b2b', industries: ['M'], exclude: { industries: ['70220'] }, limit: 500 },
  { kind: 'b2c' },
  { kind: 'b2c', area: { municipalities: ['Helsinki'] }, ageGroups: ['35-44', '45-54'] },
  { kind: 'b2c', area: { postalCodes: ['33*'] }, requirePhone: true },
  { kind: 'b2c', area: { regions: ['Uusimaa'] }, ageGroups: ['65-74', '75+'] },
  { kind: 'b2c', area: { postalCodes: ['02100-02999'] }, exclude: { postalCodes: ['02700'] } },
  { kind: 'b2c', area: { municipalities: ['Oulu', 'Kuopio', 'Jyväskylä'] } },
  { kind: 'b2c', ageGroups: ['18-24'], requirePhone: true },
  { kind: 'b2c', area: { regions: ['Lappi'] }, limit: 100 },
];

const source = new demo.DemoDirectorySource();
let t = performance.now();
const cpu0 = process.cpuUsage();
await source.count({ kind: 'b2b', area: { postalCodes: ['33100'] } });
const firstCountMs = performance.now() - t;
// CPU time as well as wall time: on a shared 2-core machine the wall clock includes waiting.
const cpu = process.cpuUsage(cpu0);
const firstCountCpuMs = (cpu.user + cpu.system) / 1000;
const generationMs = demo.demoDirectory().generationMs;

for (const c of criteria) await source.count(c); // warm-up
const times = [];
const counts = [];
for (let round = 0; round < 3; round++) {
  for (const c of criteria) {
    t = performance.now();
    const r = await source.count(c);
    times.push(performance.now() - t);
    if (round === 0) counts.push(r.count);
  }
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)];
const max = times[times.length - 1];
console.log(`demo generation: ${generationMs.toFixed(0)} ms (first count incl. generation and indexes: ${firstCountMs.toFixed(0)} ms wall, ${firstCountCpuMs.toFixed(0)} ms CPU)`);
console.log(`count() over ${criteria.length} criteria × 3: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${max.toFixed(1)} ms`);
console.log(`counts: ${counts.join(', ')}`);
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(
  path.join(root, 'bench/results/demo-count.json'),
  JSON.stringify({ generationMs, firstCountMs, firstCountCpuMs, medianMs: median, p95Ms: p95, maxMs: max, criteria: criteria.length, counts, measuredAt: new Date().toISOString() }, null, 2),
);
if (p95 > 300) {
  console.error('p95 over the 300 ms budget');
  process.exit(1);
}
