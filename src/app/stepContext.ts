/**
 * What every use case gets besides its own inputs: the workbook, the language, the user's
 * settings, a clock (tests pin it), progress and cancellation. The pane and the CLI build one
 * of these and call the same use cases with it.
 */
import type { Lang } from '../core/i18n/lang';
import type { RunOptions } from '../core/progress';
import type { Settings } from '../core/settings/settings';
import type { WorkbookPort } from '../core/workbook/port';

export interface StepContext extends RunOptions {
  workbook: WorkbookPort;
  lang: Lang;
  settings: Settings;
  now: () => Date;
}
