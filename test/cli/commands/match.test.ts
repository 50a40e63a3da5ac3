/** `rajaus match` on real files: outputs, headers by language, columns carried through. */
import { mkdtemp, readFile, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchCommand } from '../../../src/cli/commands/match';
import type { CliIo } from '../../../src/cli/command';
import { generateCompanies, tableToCsv } from '../../fixtures/matching/generate';

function io(cwd: string, lang: 'fi' | 'en' | 'sv' = 'fi'): CliIo {
  return { info: () => undefined, warn: () => undefined, cwd, lang, quiet: true, now: () => new Date('2026-11-20T10:00:00Z') };
}

const parse = (csv: string) => csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((l) => l.split(';'));

describe('rajaus match', () => {
  it('writes kept, removed, review and summary with every input column in order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rajaus-match-'));
    const set = generateCompanies({ seed: 11, customers: 400, list: 400 });
    await writeFile(join(dir, 'lista.csv'), tableToCsv(set.list));
    await writeFile(join(dir, 'asiakkaat.csv'), tableToCsv(set.customers));
    await matchCommand.run({ list: 'lista.csv', customers: 'asiakkaat.csv', out: 'tulos' }, [], io(dir, 'en'));

    expect((await readdir(join(dir, 'tulos'))).sort()).toEqual(['kept.csv', 'removed.csv', 'review.csv', 'summary.json']);
    const summary = JSON.parse(await readFile(join(dir, 'tulos', 'summary.json'), 'utf8'));
    expect(summary.rows).toBe(400);
    expect(summary.removed + summary.kept).toBe(400);
    expect(summary.elapsedMs).toBeGreaterThanOrEqual(0);

    const removed = parse(await readFile(join(dir, 'tulos', 'removed.csv'), 'utf8'));
    expect(removed[0]).toEqual([...set.list.headers, 'Matched customer row', 'Match reason', 'Match score']);
    expect(removed.length - 1).toBe(summary.removed);
    // Each removed row points at the customer it is a copy of (header row = 1).
    const byName = new Map(set.list.rows.map((r, i) => [r.join(';'), i]));
    let checked = 0;
    for (const row of removed.slice(1)) {
      const i = byName.get(row.slice(0, set.list.headers.length).join(';'));
      if (i === undefined) continue; // a value that needed quoting
      expect(Number(row[set.list.headers.length])).toBe(set.truth[i]! + 2);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);

    const kept = parse(await readFile(join(dir, 'tulos', 'kept.csv'), 'utf8'));
    expect(kept[0]).toEqual(set.list.headers);
    expect(kept.length - 1).toBe(summary.kept);
  });

  it('names the added columns in Finnish by default', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rajaus-match-'));
    await writeFile(join(dir, 'l.csv'), 'Yritys;Y-tunnus\nVirtasen Rakennus Oy;2345678-0\n');
    await writeFile(join(dir, 'a.csv'), 'Asiakas;Y-tunnus\nVirtasen Rakennus Oy;FI23456780\n');
    await matchCommand.run({ list: 'l.csv', customers: 'a.csv', out: 'o' }, [], io(dir));
    const removed = parse(await readFile(join(dir, 'o', 'removed.csv'), 'utf8'));
    expect(removed[0]).toEqual(['Yritys', 'Y-tunnus', 'Asiakasrekisterin rivi', 'Tunnistamisen syy', 'Tunnistamisen varmuus']);
    expect(removed[1]!.slice(2, 4)).toEqual(['2', 'Sama Y-tunnus + sama nimi']);
  });

  it('maps a column with --map and fails clearly on a customer file it cannot match by', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rajaus-match-'));
    await writeFile(join(dir, 'l.csv'), 'Yritys;GSM\nNieminen Oy;040 765 4321\n');
    await writeFile(join(dir, 'a.csv'), 'Asiakas;GSM\nNieminen Oy;0407654321\n');
    await matchCommand.run({ list: 'l.csv', customers: 'a.csv', out: 'o', map: ['GSM=phone'] }, [], io(dir));
    expect(JSON.parse(await readFile(join(dir, 'o', 'summary.json'), 'utf8')).removed).toBe(1);

    await writeFile(join(dir, 'bad.csv'), 'Muistiinpano;Summa\nsoita;12\n');
    await expect(matchCommand.run({ list: 'l.csv', customers: 'bad.csv', out: 'o2' }, [], io(dir))).rejects.toThrow(/bad.csv: .*Sarakkeet: Muistiinpano, Summa/);
    await expect(matchCommand.run({ list: 'l.csv', customers: 'a.csv', map: ['Puhelin työ=phone'] }, [], io(dir))).rejects.toThrow(/neither file/);
  });
});
