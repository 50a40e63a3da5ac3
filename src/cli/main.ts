/**
 * `rajaus <command>`: the same use cases as the task pane, run headless on files.
 * Exit codes: 0 done, 1 bad input or a failed step (one clear line on stderr), 2 bad usage,
 * 130 cancelled (Ctrl-C). Outputs are written to a temporary name and renamed at the end, so a
 * failed run never leaves a half-written file.
 */
import { parseArgs } from 'node:util';
import { COMMANDS } from './commands/index';
import { COMMON_OPTIONS, type CliIo, type Command } from './command';
import { UserError, isCancel, userMessage } from '../core/errors';
import { DEFAULT_LANG, isLang, type Lang } from '../core/i18n/lang';
import { CANCELLED_EXIT, listenForCancel, runCleanups } from './io/cancel';
import { preloadFor } from './io/preload';

const VERSION = '0.1.0';

/**
 * The CLI writes instants as Excel date-times ("Poimittu", "Siirretty"), which have no zone, and
 * the notes say "klo 12.00": both in the machine's zone. Servers and containers run in UTC, so
 * a list built there read two or three hours off to its Finnish users (issue 13). Finnish time
 * unless the user set TZ; Node reads a TZ set while it runs.
 */
export function finnishTimeUnlessSet(env: NodeJS.ProcessEnv): void {
  if (!env.TZ) env.TZ = 'Europe/Helsinki';
}

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'rajaus: build Finnish contact lists from the command line (the same steps as the Excel add-in).',
    '',
    'Usage: rajaus <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Common options:',
    '  --lang fi|en|sv   language of headers and notes (default fi)',
    '  --quiet           print nothing but errors',
    '  --help            help for a command: rajaus <command> --help',
    '',
    'Inputs may be CSV (UTF-8 with or without BOM, or Windows-1252; "," ";" or tab) or .xlsx',
    '(first sheet, or --sheet NAME). Headers are recognised in Finnish, Swedish and English;',
    'override with --map "Column header=key".',
  ].join('\n');
}

function commandHelp(c: Command, summary: string): string {
  return `rajaus ${c.name}: ${summary}\n\n${c.usage.trimEnd()}\n\nCommon options: --lang fi|en|sv, --quiet, --help`;
}

export async function main(argv: string[]): Promise<number> {
  finnishTimeUnlessSet(process.env);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(mainHelp());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    console.log(VERSION);
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    console.error(`rajaus: unknown command '${name}'. Commands: ${COMMANDS.map((c) => c.name).join(', ')}`);
    return 2;
  }
  const command = await entry.load();
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { ...COMMON_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
  } catch (e) {
    console.error(`rajaus ${name}: ${(e as Error).message}. See: rajaus ${name} --help`);
    return 2;
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  if (values.help) {
    console.log(commandHelp(command, entry.summary));
    return 0;
  }
  const langValue = (values.lang as string | undefined) ?? DEFAULT_LANG;
  if (!isLang(langValue)) {
    console.error(`rajaus ${name}: --lang must be fi, en or sv, not '${langValue}'`);
    return 2;
  }
  const quiet = Boolean(values.quiet);
  // Heavy modules first, while a signal still ends the process at once (io/preload.ts).
  await preloadFor(name, values);
  const cancel = listenForCancel();
  const io: CliIo = {
    signal: cancel.signal,
    info: (line) => {
      if (!quiet) console.log(line);
    },
    warn: (line) => console.error(line),
    cwd: process.cwd(),
    lang: langValue as Lang,
    quiet,
    now: () => new Date(),
  };
  try {
    await command.run(values, parsed.positionals, io);
    return 0;
  } catch (e) {
    if (isCancel(e)) {
      console.error(`rajaus ${name}: cancelled; nothing was written`);
      return CANCELLED_EXIT;
    }
    if (e instanceof UserError) {
      // One line; the technical particulars (a service's address) stay on it for a command line.
      // The location ("rivi 12") in the user's language, whatever the thrower knew.
      console.error(`rajaus ${name}: ${userMessage(e, io.lang)}${e.details ? ` (${e.details})` : ''}`);
      return 1;
    }
    // zod is loaded here, when an error may be its, not at every run's start (12–30 ms on
    // this host; commands whose modules use zod load it with them).
    const { ZodError } = await import('zod');
    if (e instanceof ZodError) {
      const issue = e.issues[0]!;
      console.error(`rajaus ${name}: ${issue.path.join('.') || 'input'}: ${issue.message}`);
      return 1;
    }
    console.error(`rajaus ${name}: internal error: ${(e as Error).stack ?? e}`);
    return 1;
  } finally {
    // Whatever a failed or cancelled command staged and did not swap in goes now.
    runCleanups();
    cancel.dispose();
  }
}
