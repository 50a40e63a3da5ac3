/** Every command of `rajaus`, in the order `--help` lists them. Add one import per command. */
import type { Command } from '../command';
import { demoCommand } from './demo';
import { buildCommand } from './build';
import { exportCommand } from './export';
import { dncCommand } from './dnc';
import { buildingsCommand } from './buildings';
import { searchCommand } from './search';
import { matchCommand } from './match';

export const COMMANDS: Command[] = [demoCommand, buildCommand, searchCommand, matchCommand, exportCommand, dncCommand, buildingsCommand];
