/** The file source for the CLI: a local path (or a URL, fetched like in the pane). */
import { readFile } from 'node:fs/promises';
import { UserError } from '../../core/errors';
import type { Lang } from '../../core/i18n/lang';
import { fileSource, urlFileSource } from './file';
import type { BuildingSource } from './source';

export function fileSourceFromSpec(spec: string, lang: Lang = 'fi'): BuildingSource {
  if (/^https?:\/\//i.test(spec)) return urlFileSource(spec, { lang });
  return fileSource(
    spec,
    async () => {
      try {
        return await readFile(spec, 'utf8');
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new UserError(code === 'ENOENT' ? 'file not found' : (e as Error).message, { file: spec });
      }
    },
    lang,
  );
}
