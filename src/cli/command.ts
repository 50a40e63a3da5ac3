/**
 * A CLI command: its name, usage text and option spec for node:util's parseArgs, and the
 * function that runs it. Commands live in src/cli/commands/, one file each, and are listed with
 * their one-line summaries in src/cli/commands/index.ts.
 */
import type { ParseArgsConfig } from 'node:util';
import type { Lang } from '../core/i18n/lang';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CliIo {
  /** Progress and results for people; silent with --quiet. */
  info(line: string): void;
  /** Always printed (stderr). */
  warn(line: string): void;
  cwd: string;
  lang: Lang;
  quiet: boolean;
  now: () => Date;
  /** Aborted on Ctrl-C (SIGINT) or SIGTERM: every long step checks it (io/cancel.ts). */
  signal?: AbortSignal;
}

export interface Command {
  name: string;
  /** Usage lines shown by `rajaus <name> --help`. */
  usage: string;
  options: OptionSpec;
  run(values: Record<string, string | boolean | string[] | undefined>, positionals: string[], io: CliIo): Promise<void>;
}

/** Options every command takes (design.md). */
export const COMMON_OPTIONS: OptionSpec = {
  lang: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};
