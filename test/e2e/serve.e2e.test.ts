/**
 * The pane as a team gets it from `rajaus serve`: the command runs on a random port against local
 * fakes of PRH and Helsinki's WFS that, like the real services may, send NO CORS headers. The
 * pane finds the server's gateway by itself (nothing to fill in), runs a PRH search and a
 * Helsinki building join through it and writes the results; the notes name the gateway as a
 * processor with what it received. Opened from a plain server without a gateway, the same PRH
 * call made directly from the browser is blocked, and the pane says so.
 * Screenshots: test-results/serve-*.png.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { DIST, ROOT, ensureBuilt, openPane } from './support';
import { startReplay, type Replay } from '../sources/buildings/replayServer';
import { generateCompanies } from '../fixtures/prh/generate';
import { startFakePrh, type FakePrh } from '../fixtures/prh/fakePrhServer';
import { hasState, statePart, stateOf, textTable } from './workbooks';

let prh: FakePrh;
let replay: Replay;
let serve: ChildProcess;
let serveUrl: string;
const serveLog: string[] = [];

beforeAll(async () => {
  await ensureBuilt();
  prh = await startFakePrh(generateCompanies({ count: 400, seed: 15 }));
  replay = await startReplay(); // no CORS headers
  serve = spawn(
    process.execPath,
    [
      join(ROOT, 'bin', 'rajaus.js'),
      'serve',
      '--behind-proxy',
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--dist',
      DIST,
      '--prh-url',
      prh.base,
      '--helsinki-url',
      `${replay.url}/hki/wfs`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  serveUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    serve.stdout!.on('data', (d: Buffer) => {
      out += d;
      serveLog.push(...d.toString().split('\n').filter(Boolean));
      const m = /listening on (http:\/\/[^;\s]+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    serve.stderr!.on('data', (d: Buffer) => (out += d));
    serve.on('exit', (code) => reject(new Error(`rajaus serve exited (${code}): ${out}`)));
  });
}, 300_000);

afterAll(async () => {
  if (serve && serve.exitCode === null) {
    const exited = new Promise((r) => serve.on('exit', r));
    serve.kill('SIGTERM');
    await exited;
  }
  await prh?.close();
  await replay?.close();
});

async function openStep(s: Awaited<ReturnType<typeof openPane>>, step: 'search' | 'buildings'): Promise<void> {
  // The shared 2-core machine can be slow: more time than support's 10 s, still under Jest's.
  s.page.context().setDefaultTimeout(25_000);
  const header = s.pane.locator(`[data-step="${step}"]`).getByRole('button').first();
  await header.waitFor();
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await s.pane.getByTestId(`${step}-step`).waitFor({ timeout: 20_000 });
}

async function prhSearch(s: Awaited<ReturnType<typeof openPane>>, prhBase?: string): Promise<void> {
  await openStep(s, 'search');
  await s.pane.getByRole('combobox', { name: 'Hakemisto' }).selectOption('prh');
  if (prhBase) {
    const input = s.pane.getByRole('textbox', { name: /PRH/ });
    await input.fill(prhBase);
    await input.blur();
  }
  const area = s.pane.getByTestId('area-input');
  await area.fill('33100');
  await area.press('Enter');
  await s.pane.getByTestId('area-chips').getByText('33100').waitFor();
  await s.pane.getByTestId('search-run').click();
}

describe('the pane served by rajaus serve (Chromium, Excel simulator)', () => {
  it('runs a PRH search through the same-origin gateway and writes the results; the notes name the gateway', async () => {
    const s = await openPane({ origin: serveUrl });
    try {
      const before = prh.requests.length;
      await prhSearch(s);
      // The table and the list's state: the pane writes the rows in pieces and the state last.
      const snap = await s.waitForSnapshot(
        (x) => x.sheets.some((sh) => sh.tables.some((t) => t.name.startsWith('Rajaus_'))) && hasState(x),
        30_000,
      );
      const sheet = snap.sheets.find((sh) => sh.tables.some((t) => t.name.startsWith('Rajaus_')))!;
      const rows = sheet.values.slice(1).filter((r) => r.some((v) => v !== ''));
      expect(rows.length).toBeGreaterThan(0);
      // Every row is a company of 33100 in the fake register, its postal code text.
      const header = sheet.values[0]!.map(String);
      const postal = header.findIndex((h) => h === 'Postinumero');
      expect(rows.every((r) => r[postal] === '33100')).toBe(true);
      // PRH was asked only by the gateway (the pane never learnt the fake's address).
      const asked = prh.requests.slice(before);
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.every((u) => u.searchParams.get('postCode') === '33100')).toBe(true);

      const step = stateOf(snap).lists[0]!.log[0]!;
      const host = new URL(serveUrl).host;
      expect(step.contacted).toEqual([
        {
          party: `Rajaus-palvelimen yhdyskäytävä ${host} (käsittelijä: välitti kyselyn lähteelle; ei tallenna listaa)`,
          sent: 'hakuehdot: postCode=33100',
        },
        { party: `Patentti- ja rekisterihallitus (PRH) (yhdyskäytävän ${host} kautta)`, sent: 'hakuehdot: postCode=33100' },
      ]);
      await s.showSheet(sheet.name);
      await s.screenshot('serve-prh-search');
      expect(s.errors).toEqual([]);
    } catch (e) {
      await s.screenshot('serve-prh-failure');
      throw new Error(`${(e as Error).message}\nPane: ${await s.pane.locator('body').innerText()}\nErrors: ${s.errors.join('; ')}`);
    } finally {
      await s.close();
    }
  }, 90_000);

  it('joins Helsinki building data through the gateway with no address to fill in; only postal codes leave', async () => {
    const LIST = 'Helsinki 5.10.2026';
    const s = await openPane({
      origin: serveUrl,
      preload: {
        activeSheet: LIST,
        sheets: [
          textTable(
            LIST,
            [
              ['Nimi', 'Puhelin', 'Katuosoite', 'Postinumero', 'Postitoimipaikka'],
              ['Aino Virtanen', '040 123 4501', 'Kaarnatie 2', '00410', 'HELSINKI'],
              ['Juha Mäkinen', '040 123 4504', 'Topeliuksenkatu 3 A 12', '00250', 'HELSINKI'],
              ['Pekka Lehtonen', '040 123 4506', 'Olematon tie 5', '00250', 'HELSINKI'],
            ],
            'Lista_Helsinki',
          ),
        ],
        customXmlParts: [
          statePart({ name: 'Kotitaloudet Helsinki', kind: 'b2c', sheet: LIST, createdAt: '2026-10-05T09:00:00.000Z', rows: 3 }),
        ],
      },
    });
    try {
      const before = replay.requests.length;
      await openStep(s, 'buildings');
      await s.pane.getByRole('radio', { name: /Helsingin kaupunki, rakennusrekisteri \(ehdotettu/ }).waitFor();
      await s.pane.getByTestId('buildings-step').getByRole('button', { name: 'Lisää rakennustiedot' }).click();
      const summary = s.pane.getByTestId('buildings-summary');
      await summary.waitFor({ timeout: 20_000 });
      const text = (await summary.textContent())!;
      expect(text).toMatch(/Rakennus löytyi 2 rivistä 3:stä/);
      expect(text).toContain(`Rajaus-palvelimen yhdyskäytävä ${new URL(serveUrl).host}`);
      const snap = await s.waitForSnapshot((x) => stateOf(x).lists[0]!.log.some((l) => l.step === 'buildings'));
      const list = snap.sheets.find((sh) => sh.name === LIST)!;
      const header = list.values[0]!.map(String);
      expect(header).toContain('Rakennusvuosi');
      const asked = replay.requests.slice(before);
      expect(asked.length).toBeGreaterThan(0);
      for (const u of asked) expect(decodeURIComponent(u.search)).not.toMatch(/Kaarnatie|Topeliuksen|Olematon/);
      await s.showSheet(LIST);
      await s.screenshot('serve-buildings');
      expect(s.errors).toEqual([]);
    } catch (e) {
      await s.screenshot('serve-buildings-failure');
      throw new Error(`${(e as Error).message}\nPane: ${await s.pane.locator('body').innerText()}\nErrors: ${s.errors.join('; ')}`);
    } finally {
      await s.close();
    }
  }, 90_000);

  it('asks through the gateway even when the user has set a PRH address on another origin, which the CSP would block', async () => {
    const s = await openPane({ origin: serveUrl });
    try {
      // The fake PRH's own address: another origin, sending no CORS headers.
      await prhSearch(s, prh.base);
      const snap = await s.waitForSnapshot(
        (x) => x.sheets.some((sh) => sh.tables.some((t) => t.name.startsWith('Rajaus_'))) && hasState(x),
        30_000,
      );
      const step = stateOf(snap).lists[0]!.log[0]!;
      expect(step.contacted.map((c) => c.party)[0]).toMatch(/^Rajaus-palvelimen yhdyskäytävä /);
      expect(s.errors).toEqual([]);
    } catch (e) {
      await s.screenshot('serve-user-proxy-failure');
      throw new Error(`${(e as Error).message}\nPane: ${await s.pane.locator('body').innerText()}\nErrors: ${s.errors.join('; ')}`);
    } finally {
      await s.close();
    }
  }, 90_000);

  it("logs counts, durations and postal codes, never a person's address", () => {
    const gateway = serveLog.filter((l) => l.startsWith('gateway '));
    expect(gateway.length).toBeGreaterThan(0);
    expect(gateway.join('\n')).toMatch(/gateway GET prh (miss|hit|shared) 200 \d+ ms codes=33100/);
    expect(serveLog.join('\n')).not.toMatch(/Kaarnatie|Topeliuksen|Virtanen/);
  });
});

describe('without the gateway', () => {
  it('the direct PRH call from the browser is blocked (no CORS headers) and the pane says why', async () => {
    const s = await openPane();
    try {
      await prhSearch(s, prh.base);
      // In plain words (no "CORS"): the service did not answer, and the proxy setting is the way out.
      const alert = s.pane.getByText(/PRH:n palvelu ei vastannut\. Tarkista verkkoyhteys/).first();
      await alert.waitFor({ timeout: 20_000 });
      const snap = await s.snapshot();
      expect(snap.sheets.some((sh) => sh.tables.some((t) => t.name.startsWith('Rajaus_')))).toBe(false);
      await s.screenshot('serve-direct-cors');
    } finally {
      await s.close();
    }
  }, 60_000);
});
