/** Every command of `rajaus`, in the order `--help` lists them. Add one import per command. */
import type { Command } from '../command';

export const COMMANDS: Command[] = [];
