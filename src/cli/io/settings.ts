/** `--settings FILE` for every command that writes notes: a JSON file validated with zod. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../../core/errors';
import type { Lang } from '../../core/i18n/lang';
import { defaultSettings, type Settings } from '../../core/settings/settings';
import { parseSettingsJson } from '../../app/settingsFile';

export { exampleSettings } from '../../app/settingsFile';

/** Reads and validates a settings file; `undefined` gives the defaults (notes show what is missing). */
export async function readSettingsFile(path: string | undefined, opts: { cwd?: string; lang?: Lang } = {}): Promise<Settings> {
  if (!path) return defaultSettings();
  const full = resolve(opts.cwd ?? process.cwd(), path);
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? 'settings file not found' : `cannot read the settings file (${code ?? (e as Error).message})`, {
      file: path,
    });
  }
  return parseSettingsJson(text, path, opts.lang);
}
