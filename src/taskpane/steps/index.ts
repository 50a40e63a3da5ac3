/** The five steps of the flow, in order. Each step lives in its own file. */
import { searchStep } from './SearchStep';
import { matchStep } from './MatchStep';
import { buildingsStep } from './BuildingsStep';
import { notesStep } from './NotesStep';
import { exportStep } from './ExportStep';
import type { StepDefinition } from '../paneContext';

export const STEPS: StepDefinition[] = [searchStep, matchStep, buildingsStep, notesStep, exportStep];
