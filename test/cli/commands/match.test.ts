/** `rajaus match` on real files: outputs, headers by language, columns carried through. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchCommand } from '../../../src/cli/commands/match';
import type { CliIo } from '../../../src/cli/command';
import { generateCompanies, tableToCsv } from '../../fixtures/matching/generate';

function io(cwd: string, lang: 'fi' | 'en' | 'sv' = 'fi'): CliIo {
  return { info: () => undefined, warn: () => undefined, cwd, lang, quiet: true, now: () => new Date('2026-11-20T10:00:00Z') };
}

const parse = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((l) => l.split(';'));

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
    expect(removed[1]!.slice(2, 4)).toEqual(['2', 'Y-tunnus sama, nimi sama, yhtiömuoto sama']);
  });

  it('maps a column with --map and fails clearly on a customer file it cannot match by', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rajaus-match-'));
    await writeFile(join(dir, 'l.csv'), 'Yritys;GSM\nNieminen Oy;040 765 4321\n');
    await writeFile(join(dir, 'a.csv'), 'Asiakas;GSM\nNieminen Oy;0407654321\n');
    await matchCommand.run({ list: 'l.csv', customers: 'a.csv', out: 'o', map: ['GSM=phone'] }, [], io(dir));
    expect(JSON.parse(await readFile(join(dir, 'o', 'summary.json'), 'utf8')).removed).toBe(1);

    await writeFile(join(dir, 'bad.csv'), 'Muistiinpano;Summa\nsoita;12\n');
    await expect(matchCommand.run({ list: 'l.csv', customers: 'bad.csv', out: 'o2' }, [], io(dir))).rejects.toThrow(
      /bad.csv: .*Sarakkeet: Muistiinpano, Summa/,
    );
    await expect(matchCommand.run({ list: 'l.csv', customers: 'a.csv', map: ['Puhelin työ=phone'] }, [], io(dir))).rejects.toThrow(
      /neither file/,
    );
  });
});

describe('rajaus match as a process (two threads)', () => {
  const ROOT = join(__dirname, '..', '..', '..');
  const rajaus = (dir: string, args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'bin', 'rajaus.js'), 'match', ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });

  beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
    // The built CLI reads the customers in its worker bundle; without it this would test one thread twice.
    expect(existsSync(join(ROOT, 'lib', 'match-worker.js'))).toBe(true);
  });

  // The two threads claim pieces of the list from its two ends (pieceClaims.ts, matchWorker.ts
  // LINKED_PIECE): at the default size the list is one piece, which either thread may take; at
  // 300 rows it is 14 pieces, the last 11 of which the worker may claim.
  it.each([
    ['in one piece', undefined],
    ['in pieces of 300 rows', '300'],
  ])('writes byte for byte what one thread writes (the worker answering %s)', async (_name, piece) => {
    const dir = await mkdtemp(join(tmpdir(), 'rajaus-match-'));
    const set = generateCompanies({ seed: 12, customers: 4000, list: 4000 });
    await writeFile(join(dir, 'lista.csv'), tableToCsv(set.list));
    await writeFile(join(dir, 'asiakkaat.csv'), tableToCsv(set.customers));
    // In this process: the sources under Jest have no worker bundle beside them.
    await matchCommand.run({ list: 'lista.csv', customers: 'asiakkaat.csv', out: 'yksi' }, [], io(dir));
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'rajaus.js'), 'match', '--list', 'lista.csv', '--customers', 'asiakkaat.csv', '--out', 'kaksi'],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, RAJAUS_LINKED_PIECE: piece ?? '' },
      },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const f of ['kept.csv', 'removed.csv', 'review.csv']) {
      const two = await readFile(join(dir, 'kaksi', f));
      expect(two.equals(await readFile(join(dir, 'yksi', f)))).toBe(true);
    }
    const one = JSON.parse(await readFile(join(dir, 'yksi', 'summary.json'), 'utf8'));
    const summary = JSON.parse(await readFile(join(dir, 'kaksi', 'summary.json'), 'utf8'));
    expect(summary.removed).toBeGreaterThan(1000);
    expect(summary.customerRows).toBe(4000);
    expect({ ...summary, elapsedMs: 0 }).toEqual({ ...one, elapsedMs: 0 });
  });

  it('reads an address second line in both threads: the street on either line is found (issue 12)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rajaus-match-'));
    const FIRST = ['Aino', 'Juha', 'Sanna', 'Pekka', 'Liisa', 'Matti', 'Anne', 'Timo', 'Kaisa', 'Jari'];
    const LAST = ['Virtanen', 'Korhonen', 'Mäkinen', 'Nieminen', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen'];
    const people = Array.from({ length: 40 }, (_, i) => ({
      name: `${FIRST[i % 10]} ${LAST[i % 8]}`,
      street: `${['Koivu', 'Mänty', 'Kuusi', 'Haapa', 'Leppä'][i % 5]}${['tie', 'kuja', 'polku'][i % 3]} ${i + 1}`,
      building: `As Oy ${['Kaarna', 'Kallio', 'Ranta', 'Metsä'][i % 4]}hovi`,
      postal: `00${String(100 + (i % 7) * 10)}`,
    }));
    // The register writes the building first and the street second for every other customer
    // ("Kaarnahovi 5" / "Koivutie"), the list the street alone on line 1; and the other way round.
    const number = (street: string) => street.split(' ').pop();
    const streetName = (street: string) => street.split(' ').slice(0, -1).join(' ');
    const register = people.map((p, i) =>
      i % 2
        ? [p.name, p.street, p.building, p.postal, 'Helsinki']
        : [p.name, `${p.building} ${number(p.street)}`, streetName(p.street), p.postal, 'Helsinki'],
    );
    const list = people.map((p, i) =>
      i % 2
        ? [p.name, `${p.building} ${number(p.street)}`, streetName(p.street), p.postal, 'HELSINKI']
        : [p.name, p.street, '', p.postal, 'HELSINKI'],
    );
    const csv = (rows: string[][]) =>
      ['Nimi;Katuosoite;Osoitteen lisätieto;Postinumero;Postitoimipaikka', ...rows.map((r) => r.join(';'))].join('\r\n');
    await writeFile(join(dir, 'lista.csv'), csv(list));
    await writeFile(join(dir, 'asiakkaat.csv'), csv(register));
    await matchCommand.run({ list: 'lista.csv', customers: 'asiakkaat.csv', out: 'yksi' }, [], io(dir));
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'rajaus.js'), 'match', '--list', 'lista.csv', '--customers', 'asiakkaat.csv', '--out', 'kaksi'],
      // Pieces of 5 rows: the worker links part of the list, sent to it with its other lines.
      { cwd: dir, encoding: 'utf8', timeout: 120_000, env: { ...process.env, RAJAUS_LINKED_PIECE: '5' } },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const f of ['kept.csv', 'removed.csv', 'review.csv']) {
      expect((await readFile(join(dir, 'kaksi', f))).equals(await readFile(join(dir, 'yksi', f)))).toBe(true);
    }
    const removed = parse(await readFile(join(dir, 'kaksi', 'removed.csv'), 'utf8'));
    expect(removed.length - 1).toBe(40);
    for (const row of removed.slice(1)) expect(row[6]).toMatch(/katuosoite sama/);
  });

  it('starts its worker before the CLI loads its modules, and loads the phone library only for a number that needs it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rajaus-match-'));
    await writeFile(join(dir, 'l.csv'), 'Yritys;Y-tunnus;Puhelin\nVirtasen Rakennus Oy;2345678-0;040 1234567\n');
    await writeFile(join(dir, 'a.csv'), 'Asiakas;Y-tunnus;Puhelin\nVirtasen Rakennus Oy;FI23456780;+358 40 123 4567\n');
    // Preloaded into the process: says when a worker thread is made, when the CLI's bundle loads
    // and when libphonenumber-js does (scripts/build-cli.mjs loads it on first use).
    const hook = join(dir, 'order.js');
    await writeFile(
      hook,
      [
        "const threads = require('node:worker_threads'); const Module = require('node:module');",
        "const W = threads.Worker; threads.Worker = class extends W { constructor(...a) { process.stderr.write('worker\\n'); super(...a); } };",
        'const load = Module._load; Module._load = function (r, ...rest) {',
        "  if (/lib[\\\\/]cli\\.js$/.test(r)) process.stderr.write('cli\\n');",
        "  if (r === 'libphonenumber-js/max') process.stderr.write('phone library\\n');",
        '  return load.call(this, r, ...rest);',
        '};',
      ].join('\n'),
    );
    const traced = (args: string[]) =>
      spawnSync(process.execPath, ['-r', hook, join(ROOT, 'bin', 'rajaus.js'), 'match', ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    let r = traced(['--list', 'l.csv', '--customers', 'a.csv', '--out', 'o', '--quiet']);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: 'worker\ncli\n' });
    expect(JSON.parse(await readFile(join(dir, 'o', 'summary.json'), 'utf8')).removed).toBe(1);
    // A number the Finnish fast path cannot read: the library is loaded (in each thread that
    // meets one) and the numbers meet.
    await writeFile(join(dir, 'l2.csv'), 'Yritys;Puhelin\nVirtasen Rakennus Oy;+44 20 7946 0958\n');
    await writeFile(join(dir, 'a2.csv'), 'Asiakas;Puhelin\nVirtasen Rakennus Oy;0044 20 7946 0958\n');
    r = traced(['--list', 'l2.csv', '--customers', 'a2.csv', '--out', 'o2', '--quiet']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^worker\ncli\n(phone library\n){2}$/);
    expect(await readFile(join(dir, 'o2', 'removed.csv'), 'utf8')).toMatch(/Puhelin sama/);
    // Started, never asked: --help and a usage error end as before.
    r = traced(['--help']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('worker\ncli\n');
    r = traced(['--no-such-option']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^worker\ncli\nrajaus match: /);
  });

  it('says what is wrong with either file, and writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rajaus-match-'));
    await writeFile(join(dir, 'l.csv'), 'Yritys;Y-tunnus\nVirtasen Rakennus Oy;2345678-0\n');
    await writeFile(join(dir, 'a.csv'), 'Asiakas;Y-tunnus\nVirtasen Rakennus Oy;FI23456780\n');
    await writeFile(join(dir, 'bad.csv'), 'Muistiinpano;Summa\nsoita;12\n');
    await writeFile(join(dir, 'broken.xlsx'), 'not a zip');

    // The worker's errors: the customer file is missing, unreadable, or has nothing to match by.
    let r = rajaus(dir, ['--list', 'l.csv', '--customers', 'puuttuu.csv', '--out', 'o']);
    expect({ status: r.status, stderr: r.stderr }).toEqual({
      status: 1,
      stderr: expect.stringMatching(/^rajaus match: .*puuttuu\.csv: file not found\n$/),
    });
    r = rajaus(dir, ['--list', 'l.csv', '--customers', 'broken.xlsx', '--out', 'o']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^rajaus match: .*broken\.xlsx/);
    expect(r.stderr).not.toMatch(/internal error/);
    r = rajaus(dir, ['--list', 'l.csv', '--customers', 'bad.csv', '--out', 'o']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.csv: .*Sarakkeet: Muistiinpano, Summa/);
    // This thread's error while the worker still reads the customers: the process ends at once.
    r = rajaus(dir, ['--list', 'puuttuu.csv', '--customers', 'a.csv', '--out', 'o']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/puuttuu\.csv: file not found/);
    expect(existsSync(join(dir, 'o'))).toBe(false);
  });
});
