import { mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dncCommand } from '../../../src/cli/commands/dnc';
import type { CliIo } from '../../../src/cli/command';

describe('rajaus dnc', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rajaus-dnc-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes kept.csv, suppressed.csv with the reason, and summary.json; bad lines are warned', async () => {
    await writeFile(join(dir, 'lista.csv'), 'Etunimi;Sukunimi;Puhelin;Asiakasnumero\nMatti;Meikäläinen;040-1234567;A-1\nLiisa;Virtanen;050 765 4321;A-2\nPekka;Korhonen;(03) 123 4567;A-3\n');
    await writeFile(join(dir, 'robinson.txt'), '+358 40 123 4567\n00358 3 123 4567\n040-12\n');
    const warnings: string[] = [];
    const io: CliIo = { info: () => undefined, warn: (l) => warnings.push(l), cwd: dir, lang: 'fi', quiet: true, now: () => new Date('2026-11-20T10:00:00Z') };
    await dncCommand.run({ list: 'lista.csv', numbers: 'robinson.txt', out: 'tulos', name: 'ASML 2026-11', date: '2026-11-15' }, [], io);

    const kept = (await readFile(join(dir, 'tulos/kept.csv'), 'utf8')).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(kept).toEqual(['Etunimi;Sukunimi;Puhelin;Asiakasnumero', 'Liisa;Virtanen;050 765 4321;A-2']);
    const suppressed = (await readFile(join(dir, 'tulos/suppressed.csv'), 'utf8')).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(suppressed[0]).toBe('Etunimi;Sukunimi;Puhelin;Asiakasnumero;Siirretty;Siirron vaihe;Siirron syy');
    expect(suppressed.slice(1).map((l) => l.split(';').slice(0, 2).join(' '))).toEqual(['Matti Meikäläinen', 'Pekka Korhonen']);
    expect(suppressed[2]).toContain('+35831234567');
    const summary = JSON.parse(await readFile(join(dir, 'tulos/summary.json'), 'utf8'));
    expect(summary).toMatchObject({ rowsIn: 3, kept: 1, suppressed: 2, doNotCallList: { name: 'ASML 2026-11', checkedAt: '2026-11-15', numbers: 2, invalidLines: [3] } });
    expect(warnings).toEqual(['robinson.txt: rivi 3: "040-12" ei ole puhelinnumero']);
  });

  it('requires its inputs', async () => {
    const io: CliIo = { info: () => undefined, warn: () => undefined, cwd: dir, lang: 'fi', quiet: true, now: () => new Date() };
    await expect(dncCommand.run({ list: 'x.csv' }, [], io)).rejects.toThrow('--list, --numbers and --out are required');
  });
});
