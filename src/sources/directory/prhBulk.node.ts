/**
 * `prh-bulk:FILE`: the whole trade register as PRH publishes it (GET /all_companies: a zip of
 * one JSON array of company objects, ~96 MB zipped, ~1.45 GB unzipped, ~460,000 companies),
 * searched locally. The file is streamed out of the zip (yauzl) and split element by element
 * (JsonArraySplitter), so memory holds one company plus the matches, never the file.
 *
 * Why not stream-json: version 3 is ESM-only (the CLI bundle and Jest run CommonJS), and a
 * token-level parser in JavaScript is several times slower than splitting bytes and handing each
 * company to the native JSON.parse.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { CancelledError, UserError } from '../../core/errors';
import { defineMessages, type Lang } from '../../core/i18n/lang';
import type { RunOptions } from '../../core/progress';
import type { Criteria } from '../../core/criteria/criteria';
import { compileCriteria, type CompiledCriteria } from '../../core/criteria/filter';
import { summarizeCriteria } from '../../core/criteria/summary';
import type { DirectoryRecord, DirectorySource, SearchResult } from './directorySource';
import { JsonArraySplitter } from './jsonArraySplitter';
import { companyToRecord, isActiveCompany } from './prhCompany';
import { prhCompanySchema } from './prhSchema';
import { PRH_INFO } from './prh';

const t = defineMessages({
  fi: {
    open: 'PRH:n rekisteritiedostoa ei voi avata: {why}',
    noJson: 'zip-tiedostossa ei ole JSON-tiedostoa (PRH:n all_companies-tiedosto)',
    broken: 'PRH:n rekisteritiedosto on rikki: {why}',
    company: 'yritys nro {n} ei ole PRH:n muotoa: {why}',
    local: 'kaikki ehdot tarkistettiin paikallisesti PRH:n rekisteritiedostosta: {what}',
    noPhones: 'PRH:n avoimessa datassa ei ole puhelinnumeroita, sähköposteja eikä henkilöitä: "{what}" jättää tuloksen tyhjäksi.',
    b2c: 'PRH:n rekisterissä on vain yrityksiä ja yhteisöjä, ei kuluttajia.',
  },
  en: {
    open: "Cannot open PRH's register file: {why}",
    noJson: "the zip holds no JSON file (PRH's all_companies file)",
    broken: "PRH's register file is damaged: {why}",
    company: "company no. {n} is not in PRH's shape: {why}",
    local: "every criterion was checked locally in PRH's register file: {what}",
    noPhones: 'PRH\'s open data has no phone numbers, emails or persons: "{what}" leaves the result empty.',
    b2c: "PRH's register holds companies and organisations only, not consumers.",
  },
  sv: {
    open: 'PRH:s registerfil kan inte öppnas: {why}',
    noJson: 'zip-filen innehåller ingen JSON-fil (PRH:s all_companies-fil)',
    broken: 'PRH:s registerfil är skadad: {why}',
    company: 'företag nr {n} har inte PRH:s form: {why}',
    local: 'alla kriterier kontrollerades lokalt i PRH:s registerfil: {what}',
    noPhones: 'PRH:s öppna data har inga telefonnummer, e-postadresser eller personer: "{what}" ger ett tomt resultat.',
    b2c: 'PRH:s register innehåller bara företag och sammanslutningar, inga konsumenter.',
  },
});

export interface PrhBulkOptions {
  /** The all_companies zip as downloaded, or the JSON inside it. */
  file: string;
  lang?: Lang;
}

function openZipEntry(file: string, lang: Lang): Promise<{ stream: Readable; size: number }> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true }, (err, zip) => {
      if (err || !zip) return reject(new UserError(t(lang, 'open', { why: err?.message ?? 'unknown' }), { file }));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!/\.json$/i.test(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(new UserError(t(lang, 'broken', { why: e?.message ?? 'unknown' }), { file }));
          resolve({ stream, size: entry.uncompressedSize });
        });
      });
      zip.on('end', () => reject(new UserError(t(lang, 'noJson'), { file })));
      zip.on('error', (e: Error) => reject(new UserError(t(lang, 'broken', { why: e.message }), { file })));
      zip.readEntry();
    });
  });
}

async function openCompanies(file: string, lang: Lang): Promise<{ stream: Readable; size: number }> {
  if (/\.json$/i.test(file)) {
    const { stat } = await import('node:fs/promises');
    const size = await stat(file).then(
      (s) => s.size,
      (e: NodeJS.ErrnoException) => {
        throw new UserError(t(lang, 'open', { why: e.code === 'ENOENT' ? 'file not found' : e.message }), { file });
      },
    );
    return { stream: createReadStream(file, { highWaterMark: 1 << 20 }), size };
  }
  return openZipEntry(file, lang);
}

/** Quick look at the raw object before validation: is any of its postal codes in the area? */
function rawPostCodes(raw: unknown): string[] {
  const addresses = (raw as { addresses?: { postCode?: unknown }[] } | null)?.addresses;
  return Array.isArray(addresses) ? addresses.map((a) => String(a?.postCode ?? '')) : [];
}

/**
 * Streams every company of the file through `visit` (validated, active only). `visit` returns
 * nothing; the scan stops on cancel. Companies whose postal codes are all outside the area are
 * skipped before validation, which is most of them for a local search.
 */
async function scan(
  file: string,
  lang: Lang,
  compiled: CompiledCriteria,
  visit: (record: DirectoryRecord) => void,
  opts: RunOptions,
): Promise<void> {
  const { stream, size } = await openCompanies(file, lang);
  const splitter = new JsonArraySplitter();
  const area = compiled.area.postalCodes;
  let n = 0;
  let lastProgress = 0;
  const onElement = (json: string) => {
    n++;
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch (e) {
      throw new UserError(t(lang, 'company', { n, why: (e as Error).message }), { file: basename(file) });
    }
    if (area && !rawPostCodes(raw).some((pc) => area.has(pc))) return;
    const parsed = prhCompanySchema.safeParse(raw);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw new UserError(t(lang, 'company', { n, why: `${i.path.join('.')}: ${i.message}` }), { file: basename(file) });
    }
    if (!isActiveCompany(parsed.data)) return;
    const record = companyToRecord(parsed.data, lang);
    if (compiled.test(record)) visit(record);
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (opts.signal?.aborted) throw new CancelledError();
      try {
        splitter.push(chunk, onElement);
      } catch (e) {
        if (e instanceof UserError) throw e;
        throw new UserError(t(lang, 'broken', { why: (e as Error).message }), { file: basename(file) });
      }
      if (opts.progress && splitter.bytes - lastProgress > 8 << 20) {
        lastProgress = splitter.bytes;
        opts.progress(splitter.bytes, size, basename(file));
      }
    }
    try {
      splitter.end();
    } catch (e) {
      throw new UserError(t(lang, 'broken', { why: (e as Error).message }), { file: basename(file) });
    }
    opts.progress?.(size, size, basename(file));
  } finally {
    stream.destroy();
  }
}

/** Criteria PRH's data cannot meet at all (no phones, persons or consumers in it). */
function impossible(criteria: Criteria, lang: Lang): string | undefined {
  if (criteria.kind !== 'b2b') return t(lang, 'b2c');
  if (criteria.requirePhone || criteria.requireEmail || criteria.roles?.length || criteria.sizeClasses?.length) {
    const what = summarizeCriteria(
      {
        kind: 'b2b',
        requirePhone: criteria.requirePhone,
        requireEmail: criteria.requireEmail,
        roles: criteria.roles,
        sizeClasses: criteria.sizeClasses,
      },
      lang,
    );
    return t(lang, 'noPhones', { what });
  }
  return undefined;
}

export function createPrhBulkSource(opts: PrhBulkOptions): DirectorySource {
  const lang = opts.lang ?? 'fi';
  const info = { ...PRH_INFO, id: 'prh-bulk', name: `${PRH_INFO.name} (${basename(opts.file)})` };
  return {
    info,
    kinds: ['b2b'],
    async count(criteria, runOpts: RunOptions = {}) {
      if (impossible(criteria, lang)) return { count: 0, exact: true };
      let count = 0;
      await scan(opts.file, lang, compileCriteria(criteria), () => void count++, runOpts);
      return { count, exact: true };
    },
    async search(criteria, runOpts: RunOptions = {}): Promise<SearchResult> {
      const none = impossible(criteria, lang);
      if (none) return { records: [], total: 0, appliedLocally: [none], contacted: [] };
      const records: DirectoryRecord[] = [];
      let total = 0;
      const limit = criteria.limit ?? Infinity;
      await scan(
        opts.file,
        lang,
        compileCriteria(criteria),
        (r) => {
          total++;
          if (records.length < limit) records.push(r);
        },
        runOpts,
      );
      return { records, total, appliedLocally: [t(lang, 'local', { what: summarizeCriteria(criteria, lang) })], contacted: [] };
    },
  };
}
