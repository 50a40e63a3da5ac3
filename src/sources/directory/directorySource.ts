/**
 * One interface for every directory (the demo directory, PRH's API, PRH's bulk file, a vendor's
 * export). A source counts and searches by criteria; what it cannot filter itself is filtered
 * locally by the caller, and `localFilters` tells the user so.
 */
import type { Criteria } from '../../core/criteria/criteria';
import type { CellValue } from '../../core/workbook/cells';
import type { RunOptions } from '../../core/progress';

/** A found row keyed by catalogue keys (companyName, businessId, phone, postalCode, …). */
export type DirectoryRecord = Record<string, CellValue>;

export interface SourceInfo {
  /** 'demo', 'prh', 'prh-bulk', 'file:<name>' */
  id: string;
  /** Name as shown in the source column and the notes. */
  name: string;
  /** Controller of the source register (compliance.md). */
  controller: string;
  licence: string;
  /** Terms of use to carry with the list, e.g. "for telemarketing only". */
  terms?: string;
  /** Attribution text required by the licence, if any. */
  attribution?: string;
  /** True for fictional data: labelled as such in the source column and the notes. */
  demo?: boolean;
}

export interface SearchResult {
  records: DirectoryRecord[];
  /** Total that matched before `limit`. */
  total: number;
  /** Criteria the source could not apply itself and that were applied locally, in words. */
  appliedLocally: string[];
  /** Parties contacted and what was sent to them (for the processing log). */
  contacted: { party: string; sent: string }[];
}

export interface DirectorySource {
  info: SourceInfo;
  kinds: readonly ('b2b' | 'b2c')[];
  count(criteria: Criteria, opts?: RunOptions): Promise<{ count: number; exact: boolean }>;
  search(criteria: Criteria, opts?: RunOptions): Promise<SearchResult>;
}
