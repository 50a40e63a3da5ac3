/**
 * `file:PATH`: a directory export bought from a vendor (CSV or .xlsx). Reading and header
 * mapping are parseTabular's (encodings, delimiters, Finnish/Swedish/English headers); this
 * source applies the criteria locally, row by row, with matchesCriteria. The vendor's own
 * columns travel with the rows under their `extra:` keys.
 */
import { isExtraKey } from '../../core/columns/catalogue';
import type { Criteria } from '../../core/criteria/criteria';
import { compileCriteria } from '../../core/criteria/filter';
import { companyFormOf } from '../../core/criteria/labels';
import { summarizeCriteria } from '../../core/criteria/summary';
import { throwIfAborted } from '../../core/errors';
import { defineMessages, type Lang } from '../../core/i18n/lang';
import type { ListTable } from '../../core/list/listTable';
import type { RunOptions } from '../../core/progress';
import type { DirectoryRecord, DirectorySource, SearchResult } from './directorySource';

const t = defineMessages({
  fi: {
    controller: 'tiedoston toimittaja (katso sopimus)',
    licence: 'toimittajan sopimuksen mukaan',
    local: 'kaikki ehdot tarkistettiin paikallisesti tiedostosta {file}: {what}',
  },
  en: {
    controller: 'the supplier of the file (see the contract)',
    licence: "per the supplier's contract",
    local: 'every criterion was checked locally in the file {file}: {what}',
  },
  sv: {
    controller: 'filens leverantör (se avtalet)',
    licence: 'enligt leverantörens avtal',
    local: 'alla kriterier kontrollerades lokalt i filen {file}: {what}',
  },
});

export interface FileSourceOptions {
  /** The file's name as the user knows it ("yritykset_pirkanmaa.csv"). */
  fileName: string;
  /** Reads the file (CLI: readListFile; pane: parseTabular over the picked file's bytes). */
  load: () => Promise<ListTable>;
  lang?: Lang;
  /** Terms of use from the vendor's contract, carried into the notes. */
  terms?: string;
}

const COMPANY_KEYS = new Set(['companyName', 'businessId', 'companyForm', 'industryCode']);

/** A row of the file as a record: catalogue keys and the vendor's own columns; row number kept. */
export function rowToRecord(list: ListTable, row: readonly unknown[], index: number, fileName = list.origin.name): DirectoryRecord {
  const r: DirectoryRecord = {};
  list.keys.forEach((key, c) => {
    const v = row[c];
    r[key] = v === undefined ? null : (v as DirectoryRecord[string]);
  });
  if (typeof r.companyForm === 'string') r.companyForm = companyFormOf(r.companyForm) ?? r.companyForm;
  // Postal codes that lost their leading zero in a spreadsheet ("180" → "00180").
  if (r.postalCode !== null && r.postalCode !== undefined && /^\d{3,4}$/.test(String(r.postalCode).trim()))
    r.postalCode = String(r.postalCode).trim().padStart(5, '0');
  if (!r.sourceId) r.sourceId = `${fileName}:${list.origin.firstDataRow + index}`;
  return r;
}

export function createFileSource(opts: FileSourceOptions): DirectorySource {
  const lang = opts.lang ?? 'fi';
  let loaded: Promise<ListTable> | null = null;
  const load = () => (loaded ??= opts.load());
  const info = {
    id: `file:${opts.fileName}`,
    name: opts.fileName,
    controller: t(lang, 'controller'),
    licence: t(lang, 'licence'),
    terms: opts.terms,
  };

  async function matching(criteria: Criteria, runOpts: RunOptions, visit: (r: DirectoryRecord) => void): Promise<ListTable> {
    const list = await load();
    const compiled = compileCriteria(criteria);
    for (let i = 0; i < list.rows.length; i++) {
      if ((i & 4095) === 0) {
        throwIfAborted(runOpts.signal);
        runOpts.progress?.(i, list.rows.length, opts.fileName);
      }
      const record = rowToRecord(list, list.rows[i]!, i, opts.fileName);
      if (compiled.test(record)) visit(record);
    }
    runOpts.progress?.(list.rows.length, list.rows.length, opts.fileName);
    return list;
  }

  return {
    info,
    // A vendor file is of companies or of consumers; criteria of either kind are checked locally.
    kinds: ['b2b', 'b2c'],
    async count(criteria, runOpts: RunOptions = {}) {
      let count = 0;
      await matching(criteria, runOpts, () => void count++);
      return { count, exact: true };
    },
    async search(criteria, runOpts: RunOptions = {}): Promise<SearchResult> {
      const records: DirectoryRecord[] = [];
      let total = 0;
      const limit = criteria.limit ?? Infinity;
      await matching(criteria, runOpts, (r) => {
        total++;
        if (records.length < limit) records.push(r);
      });
      return {
        records,
        total,
        appliedLocally: [t(lang, 'local', { file: opts.fileName, what: summarizeCriteria(criteria, lang) })],
        contacted: [],
      };
    },
  };
}

/** The file's own columns (not in the catalogue), in their order, for the results sheet. */
export function extraKeysOf(list: Pick<ListTable, 'keys'>): string[] {
  return list.keys.filter(isExtraKey);
}

/** True when the file is about companies (it has company columns). */
export function isCompanyFile(list: Pick<ListTable, 'keys'>): boolean {
  return list.keys.some((k) => COMPANY_KEYS.has(k));
}
