/**
 * Browser end-to-end tests: the built task pane (dist/) in a Chromium-family browser, with the Excel
 * simulator standing in for Excel. Import this module in a `*.e2e.test.ts` file and call
 * openPane():
 *
 *   import { openPane } from './support';
 *
 *   it('writes the results sheet', async () => {
 *     const s = await openPane({ lang: 'en' });
 *     try {
 *       await s.pane.getByRole('button', { name: /Search/ }).click();
 *       const snap = await s.waitForSnapshot((snap) => snap.sheets.length > 1);
 *       await s.showSheet('Results');
 *       await s.screenshot('search-results');      // → test-results/search-results.png
 *       expect(s.errors).toEqual([]);
 *     } finally {
 *       await s.close();
 *     }
 *   });
 *
 * What happens:
 * - dist/ is served from 127.0.0.1 on a random port. `npm test` builds it first (build:test:
 *   the production build plus the harness page); when dist/taskpane.html or the harness is
 *   missing or older than the sources, this module runs that build itself (once, under a lock)
 *   before the first test. RAJAUS_E2E_BUILD=never turns that off.
 * - One Chromium (found by test/support/chromium.ts, headless) per test file; each openPane() gets a fresh
 *   browser context (empty localStorage) and closes it with close().
 * - The page is dist/harness/index.html: the simulated workbook drawn as a spreadsheet (tabs,
 *   grid, table styles, frozen header) beside the pane in a 350 px iframe. The pane's request
 *   for Microsoft's office.js is answered with a script that installs the harness's simulator
 *   as window.Excel / window.Office in the pane, before the pane's bundle runs. Requests to
 *   127.0.0.1 / localhost (any port: fake services a test starts) pass; every other request is
 *   blocked, so tests never touch the network.
 * - window.__rajausSimulator on the page is the simulator (snapshot(), load(), onChange()).
 */
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type Browser, type Frame, type FrameLocator, type Page } from 'playwright-core';
import type { WorkbookInit, WorkbookSnapshot } from '../excel-simulator';
import type { Lang } from '../../src/core/i18n/lang';
import { findChromium, planForMissing } from '../support/chromium';

export type SimulatorSnapshot = WorkbookSnapshot;

export const ROOT = resolve(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist');
export const RESULTS = join(ROOT, 'test-results');
/** The browser Jest's globalSetup found (test/support/chromium.ts), or the search run here. */
export const CHROMIUM =
  process.env.RAJAUS_CHROMIUM ?? findChromium({ platform: process.platform, env: process.env, exists: existsSync })?.path ?? '';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Time for the first build of dist/ when it is missing (about 10 s on two cores). */
export const BUILD_TIMEOUT_MS = 300_000;

export interface OpenPaneOptions {
  /** The language the user picked before (as if remembered in localStorage). */
  lang?: Lang;
  /** localStorage of the pane's origin before it starts, e.g. saved settings:
   *  { 'rajaus.settings.v1': JSON.stringify(settings) } (keys: src/taskpane/services/storage.ts). */
  storage?: Record<string, string>;
  /** Office.context.displayLanguage; default 'fi-FI'. */
  displayLanguage?: string;
  /** A workbook the user already has: a simulator snapshot, or just sheet names and values. */
  preload?: WorkbookInit;
  /** Delay of each simulated sync in ms (default 0). */
  latencyMs?: number;
  /** Requirement sets the simulated Excel offers (default ExcelApi 1.17); { ExcelApi: '1.7' } is Office 2019. */
  requirementSets?: Record<string, string>;
  /** Browser viewport; default 1280 × 800, which shows ~10 columns beside the pane. */
  viewport?: { width: number; height: number };
  /** Redraw the harness's grid on every change (default true); see test/e2e-harness/harness.ts. */
  drawChanges?: boolean;
  /** Simulated Excel answers each sync in a later task, as Excel does (default false: at once). */
  answerInLaterTask?: boolean;
  /** Another server of dist/ to open the pane from (e.g. `rajaus serve` on 127.0.0.1), instead of this module's. */
  origin?: string;
}

export interface PaneSession {
  page: Page;
  /** The task pane: use its locators (getByRole, getByText…) as on a page. */
  pane: FrameLocator;
  /** The pane's frame, for evaluate() inside the pane. */
  paneFrame: Frame;
  /** The simulated workbook as it is now. */
  snapshot(): Promise<SimulatorSnapshot>;
  /** Polls the snapshot until `predicate` holds (default 10 s); returns that snapshot. */
  waitForSnapshot(predicate: (snapshot: SimulatorSnapshot) => boolean, timeoutMs?: number): Promise<SimulatorSnapshot>;
  /** Shows a sheet in the harness's drawing (the workbook itself is not changed). */
  showSheet(name: string): Promise<void>;
  /** Saves test-results/<name>.png of the whole page and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Uncaught errors and console errors of the page and the pane, so far. */
  errors: string[];
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// The build

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Why dist/ must be (re)built, or null when it is up to date. */
function buildReason(): string | null {
  const html = join(DIST, 'taskpane.html');
  if (!existsSync(html) || !existsSync(join(DIST, 'harness', 'index.html'))) return 'dist/taskpane.html or dist/harness/index.html is missing';
  const built = statSync(html).mtimeMs;
  const inputs = ['src', 'assets', join('test', 'e2e-harness'), join('test', 'excel-simulator')].map((d) => newestMtime(join(ROOT, d)));
  const configs = ['webpack.config.js', 'manifest.xml'].map((f) => (existsSync(join(ROOT, f)) ? statSync(join(ROOT, f)).mtimeMs : 0));
  return Math.max(...inputs, ...configs) > built ? 'sources are newer than dist/' : null;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Builds dist/ with the production webpack config when it is missing or stale. Test files run
 * in parallel workers; a lock directory makes one of them build while the others wait.
 */
export async function ensureBuilt(): Promise<void> {
  if (process.env.RAJAUS_E2E_BUILD === 'never') {
    if (!existsSync(join(DIST, 'taskpane.html'))) throw new Error('dist/taskpane.html is missing: run `npm run build` (RAJAUS_E2E_BUILD=never is set)');
    return;
  }
  const lock = join(ROOT, '.cache', 'e2e-build.lock');
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A stale lock (a killed run) is older than any build takes.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > BUILD_TIMEOUT_MS) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited too long for another test's build (${lock})`);
      await sleep(250);
    }
  }
  try {
    const reason = buildReason();
    if (!reason) return;
    process.stderr.write(`e2e: ${reason}; building the task pane with the harness (npm run build:test's webpack)…\n`);
    // The harness page is built only on request (--env harness), never for a deployment; the
    // types were checked by `npm test`'s typecheck (--env notypecheck).
    const webpackArgs = ['--mode', 'production', '--env', 'harness', '--env', 'notypecheck'];
    const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), ...webpackArgs], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: BUILD_TIMEOUT_MS,
    });
    if (result.status !== 0) {
      throw new Error(`The task pane build failed (npm run build:test), so the browser tests cannot run:\n${(result.stdout + result.stderr).slice(-4000)}`);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// The server and the browser, one each per test file

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
};

let serverPromise: Promise<{ server: Server; origin: string }> | null = null;
let browserPromise: Promise<Browser> | null = null;

function startServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let path = normalize(join(DIST, decodeURIComponent(url.pathname)));
    if (path !== DIST && !path.startsWith(DIST + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${url.pathname}`);
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(path));
  });
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolveServer({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}

async function launchBrowser(): Promise<Browser> {
  if (!CHROMIUM || !existsSync(CHROMIUM)) {
    const plan = planForMissing({ platform: process.platform }, null, undefined);
    throw new Error(process.env.RAJAUS_CHROMIUM_MISSING ?? (plan.action === 'stop' ? plan.message : 'no Chromium found'));
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Closes the browser and the server. Registered with afterAll for every file importing this. */
export async function shutdown(): Promise<void> {
  const b = browserPromise;
  const s = serverPromise;
  browserPromise = null;
  serverPromise = null;
  if (b) await (await b.catch(() => null))?.close();
  if (s) {
    const { server } = await s;
    await new Promise<void>((r) => server.close(() => r()));
  }
}

if (typeof beforeAll === 'function') beforeAll(ensureBuilt, BUILD_TIMEOUT_MS);
if (typeof afterAll === 'function') afterAll(shutdown);

// ---------------------------------------------------------------------------------------------
// The pane

const OFFICE_JS = /^https:\/\/appsforoffice\.microsoft\.com\/.*office\.js$/;
const LOCAL = /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//;
/** What the pane gets instead of Microsoft's office.js: the simulator from the harness page. */
const OFFICE_JS_STAND_IN = 'parent.__rajausHarness.install(window);';

/**
 * Opens the harness page with the pane beside the simulated workbook and waits until the pane
 * has rendered. Close the session when done (in `finally`).
 */
export async function openPane(options: OpenPaneOptions = {}): Promise<PaneSession> {
  if (!options.origin) serverPromise ??= startServer();
  browserPromise ??= launchBrowser();
  const [served, browser] = await Promise.all([options.origin ? { origin: options.origin } : serverPromise!, browserPromise]);
  const origin = served.origin;

  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    locale: 'fi-FI',
    timezoneId: 'Europe/Helsinki',
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (OFFICE_JS.test(url)) return route.fulfill({ status: 200, contentType: 'text/javascript', body: OFFICE_JS_STAND_IN });
    // Local servers a test starts itself (a fake PRH or WFS on another port) are allowed too.
    if (LOCAL.test(url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    return route.abort('blockedbyclient');
  });
  const config = {
    displayLanguage: options.displayLanguage ?? 'fi-FI',
    preload: options.preload ?? null,
    latencyMs: options.latencyMs ?? 0,
    requirementSets: options.requirementSets ?? null,
    drawChanges: options.drawChanges ?? true,
    answerInLaterTask: options.answerInLaterTask ?? false,
  };
  await context.addInitScript(
    ({ config, storage }) => {
      const w = window as unknown as { __rajausHarnessConfig?: unknown };
      w.__rajausHarnessConfig = {
        displayLanguage: config.displayLanguage,
        preload: config.preload ?? undefined,
        latencyMs: config.latencyMs,
        requirementSets: config.requirementSets ?? undefined,
        drawChanges: config.drawChanges,
        answerInLaterTask: config.answerInLaterTask,
      };
      // Runs in every frame before any page script; the top frame seeds the shared storage
      // once, as if the user had used the pane before (picked a language, saved settings).
      if (window === window.top) for (const [k, v] of Object.entries(storage)) window.localStorage.setItem(k, v);
    },
    { config, storage: { ...(options.lang ? { 'rajaus.lang': options.lang } : {}), ...(options.storage ?? {}) } },
  );

  // Shorter than Jest's 30 s, so a missing element fails with the locator's name, not a timeout.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });

  await page.goto(`${origin}/harness/index.html`);
  const pane = page.frameLocator('#pane');
  await pane.locator('[data-testid="rajaus-pane"], [role="alert"], .fui-MessageBar').first().waitFor({ timeout: 20_000 });
  const paneFrame = page.frames().find((f) => f.url().includes('/taskpane.html'));
  if (!paneFrame) throw new Error('the pane frame did not load taskpane.html');

  const snapshot = () => page.evaluate(() => (window as unknown as { __rajausSimulator: { snapshot(): unknown } }).__rajausSimulator.snapshot()) as Promise<SimulatorSnapshot>;

  return {
    page,
    pane,
    paneFrame,
    errors,
    snapshot,
    async waitForSnapshot(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const snap = await snapshot();
        if (predicate(snap)) return snap;
        if (Date.now() > deadline) throw new Error(`waitForSnapshot: condition not met within ${timeoutMs} ms`);
        await sleep(100);
      }
    },
    async showSheet(name) {
      await page.evaluate((n) => (window as unknown as { __rajausHarness: { showSheet(n: string): void } }).__rajausHarness.showSheet(n), name);
    },
    async screenshot(name) {
      mkdirSync(RESULTS, { recursive: true });
      const path = join(RESULTS, `${name}.png`);
      await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
      return path;
    },
    async close() {
      await context.close();
    },
  };
}
