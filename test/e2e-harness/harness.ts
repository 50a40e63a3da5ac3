/**
 * The browser tests' page: the Excel simulator, a drawing of its workbook, and the built task
 * pane in an iframe beside it (dist/harness/index.html; driven by test/e2e/support.ts).
 *
 * Order matters: the simulator is created here first; then the iframe loads ../taskpane.html,
 * whose office.js request the test answers with `parent.__rajausHarness.install(window)`, so
 * window.Excel / window.Office exist before the pane's bundle runs — as in Excel.
 *
 * Configuration arrives as window.__rajausHarnessConfig (set by the test before this script):
 *   { displayLanguage?: string; preload?: snapshot; latencyMs?: number; requirementSets?: { ExcelApi: '1.7' } }
 */
import { createExcelSimulator, installGlobals, type WorkbookInit } from '../excel-simulator';
import { renderSheet, renderTabs, displayText } from './grid';
import { toView, type WorkbookView } from './view';

interface HarnessConfig {
  displayLanguage?: string;
  preload?: WorkbookInit;
  /** Delay of each sync in ms, to watch progress by eye; 0 in tests. */
  latencyMs?: number;
  /** Requirement sets the simulated host offers, e.g. { ExcelApi: '1.7' } for Office 2019. */
  requirementSets?: Record<string, string>;
  /**
   * Redraw the grid on changes (default true). The main-thread tests turn it off: Excel draws
   * in its own process, but this page shares its thread with the pane's iframe, so its layout
   * would count as the pane's. showSheet() still draws.
   */
  drawChanges?: boolean;
  /** Answer each sync in a later task, as Excel does (the simulator's answerInLaterTask). */
  answerInLaterTask?: boolean;
}

type Sim = ReturnType<typeof createExcelSimulator>;

declare global {
  interface Window {
    __rajausHarnessConfig?: HarnessConfig;
    __rajausSimulator?: Sim['simulator'];
    __rajausHarness?: {
      install(target: Window): void;
      showSheet(name: string): void;
      shownSheet(): string | undefined;
      render(): void;
      /** Number of renders so far (tests wait for a change with it). */
      renders: number;
    };
  }
}

const config: HarnessConfig = window.__rajausHarnessConfig ?? {};
const displayLanguage = config.displayLanguage ?? 'fi-FI';
const sim = createExcelSimulator({ displayLanguage, latencyMs: config.latencyMs ?? 0, answerInLaterTask: config.answerInLaterTask, initialSheets: ['Taul1'], requirementSets: config.requirementSets });
if (config.preload) sim.simulator.load(config.preload);

const sheetEl = document.getElementById('sheet')!;
const tabsEl = document.getElementById('tabs')!;
const nameBox = document.getElementById('namebox')!;
const formulaEl = document.getElementById('formula-content')!;

/** The sheet shown: the one clicked, until the workbook activates another. */
let picked: string | undefined;
let lastActive: string | undefined;
let renders = 0;


function shown(view: WorkbookView): string | undefined {
  if (view.activeSheet !== lastActive) {
    lastActive = view.activeSheet;
    picked = undefined;
  }
  const name = picked ?? view.activeSheet;
  return view.sheets.some((s) => s.name === name) ? name : view.sheets[0]?.name;
}

/** Rows the grid draws (grid.ts MAX_ROWS) and one more, so that it knows there are more. */
const DRAWN_ROWS = 121;

function render(): void {
  // Only the rows the grid draws: copying a 100,000-row sheet on every change took seconds of
  // the thread the pane shares with this page (Excel draws in its own process).
  const view = toView(sim.simulator.snapshot({ maxRows: DRAWN_ROWS }));
  const name = shown(view);
  renderSheet(
    sheetEl,
    view.sheets.find((s) => s.name === name),
    (address, cell) => {
      nameBox.textContent = address;
      formulaEl.textContent = cell?.formula ?? displayText(cell);
    },
  );
  renderTabs(tabsEl, view, name, (n) => {
    picked = n;
    render();
  });
  nameBox.textContent = 'A1';
  formulaEl.textContent = '';
  renders++;
  if (window.__rajausHarness) window.__rajausHarness.renders = renders;
  document.body.dataset.shownSheet = name ?? '';
}

window.__rajausSimulator = sim.simulator;
window.__rajausHarness = {
  install(target: Window) {
    installGlobals(sim, target);
  },
  showSheet(name: string) {
    picked = name;
    render();
  },
  shownSheet: () => document.body.dataset.shownSheet || undefined,
  render,
  renders: 0,
};

// Each change is drawn at once, as the tests' screenshots expect; the main-thread tests turn
// this off (drawChanges: false).
sim.simulator.onChange(() => {
  if (config.drawChanges !== false) render();
});
render();

const pane = document.getElementById('pane') as HTMLIFrameElement;
pane.src = '../taskpane.html';
