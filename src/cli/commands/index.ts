/**
 * Every command of `rajaus`, in the order `--help` lists them: name and summary here, the rest
 * loaded when the command runs. A command's module and what it imports (ExcelJS, the building
 * sources, the directory clients) are then read only by the command that needs them: start-up
 * counts in the matching budget (design.md), and `rajaus match` starts its worker sooner.
 * Add one line per command.
 */
import type { Command } from '../command';

export interface CommandEntry {
  name: string;
  /** One line for `rajaus --help`. */
  summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: CommandEntry[] = [
  {
    name: 'demo',
    summary: 'run every step on the embedded demo data and write out/demo.xlsx',
    load: async () => (await import('./demo')).demoCommand,
  },
  {
    name: 'build',
    summary: 'run every step on one list into one workbook (search, customers, buildings, do-not-call, export)',
    load: async () => (await import('./build')).buildCommand,
  },
  {
    name: 'search',
    summary: 'step 1: search a directory by criteria; results to .csv or .xlsx',
    load: async () => (await import('./search')).searchCommand,
  },
  {
    name: 'match',
    summary: 'remove own customers from a list (kept.csv, removed.csv, review.csv with reasons)',
    load: async () => (await import('./match')).matchCommand,
  },
  {
    name: 'export',
    summary: 'export a list for a dialer (LeadDesk, CSV), as a do-not-call list or as mailing labels',
    load: async () => (await import('./export')).exportCommand,
  },
  {
    name: 'dnc',
    summary: 'check a list against a do-not-call list (ASML Puhelin-Robinson, own opt-outs)',
    load: async () => (await import('./dnc')).dncCommand,
  },
  {
    name: 'buildings',
    summary: 'add building age, use, floors and heating by address (Helsinki, HSY, Ryhti or a file)',
    load: async () => (await import('./buildings')).buildingsCommand,
  },
  {
    name: 'serve',
    summary: 'host the add-in for a team: the pane, its manifest and a same-origin gateway to PRH, Helsinki, HSY and Ryhti',
    load: async () => (await import('./serve')).serveCommand,
  },
];
