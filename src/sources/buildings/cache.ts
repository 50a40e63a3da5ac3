/**
 * The session cache: buildings per source and postal code, in memory for as long as the pane
 * or the CLI process lives, so a second run on the same area asks nothing again.
 */
import type { BuildingRecord } from '../../core/buildings/building';
import { normalizePostalCode } from '../../core/buildings/join';
import type { RunOptions } from '../../core/progress';
import { batches, type BuildingFetch } from './source';

const sessionCache = new Map<string, BuildingRecord[]>();

export function clearBuildingCache(): void {
  sessionCache.clear();
}

/**
 * Fetches the uncached postal codes in batches with `fetchBatch` and returns the buildings of
 * every code asked. A building with addresses in two codes is cached under both.
 */
export async function fetchPerPostalCode(
  cacheKey: string,
  postalCodes: readonly string[],
  batchSize: number,
  fetchBatch: (codes: string[], opts: RunOptions) => Promise<BuildingRecord[]>,
  opts: RunOptions = {},
): Promise<BuildingFetch> {
  const codes = [...new Set(postalCodes.map(normalizePostalCode).filter(Boolean))].sort();
  const missing = codes.filter((c) => !sessionCache.has(`${cacheKey}|${c}`));
  const groups = batches(missing, batchSize);
  let done = 0;
  opts.progress?.(0, groups.length);
  for (const group of groups) {
    const records = await fetchBatch(group, opts);
    const byCode = new Map<string, BuildingRecord[]>(group.map((c) => [c, []]));
    for (const b of records) {
      for (const code of new Set(b.addresses.map((a) => a.postalCode))) byCode.get(code)?.push(b);
    }
    for (const [code, list] of byCode) sessionCache.set(`${cacheKey}|${code}`, list);
    opts.progress?.(++done, groups.length);
  }
  const seen = new Set<BuildingRecord>();
  for (const c of codes) for (const b of sessionCache.get(`${cacheKey}|${c}`) ?? []) seen.add(b);
  return { buildings: [...seen], sent: missing };
}
