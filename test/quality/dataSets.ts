/**
 * The labelled data sets the quality harness runs `rajaus match` on, each as the files a user
 * would have (list and register, as bytes) and the truth (list id → register id of the true
 * customer, or null). Ids travel in a column of each file that the CLI carries through as the
 * user's own column, so the truth is read back from the outputs without trusting row order.
 */
import { readFebrl3, splitFebrl3, type Febrl3Variant } from '../fixtures/febrl3/split';
import { generateBlind } from '../fixtures/matching-blind/generate';
import { generateCompanies, generatePersons, tableToCsv } from '../fixtures/matching/generate';

export type Entity = 'companies' | 'persons';

export interface QualityDataSet {
  name: string;
  entity: Entity;
  /** File names as a user would save them (the extension tells the CLI the format). */
  listFile: string;
  registerFile: string;
  list: Uint8Array;
  register: Uint8Array;
  /** The header of the id column in the list and in the register. */
  listIdHeader: string;
  registerIdHeader: string;
  /** List id → register ids of the same customer (empty: not a customer). */
  truth: ReadonlyMap<string, readonly string[]>;
  /** List id → the noise classes of the row, when the generator tells them (for a breakdown). */
  labels?: ReadonlyMap<string, readonly string[]>;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

export function febrl3DataSet(variant: Febrl3Variant, file?: string): QualityDataSet {
  const s = splitFebrl3(readFebrl3(file), variant);
  return {
    name: `febrl3-${variant}`,
    entity: 'persons',
    listFile: 'lista.csv',
    registerFile: 'asiakkaat.csv',
    list: utf8(s.listCsv),
    register: utf8(s.registerCsv),
    listIdHeader: 'Rivitunnus',
    registerIdHeader: 'Asiakasnumero',
    truth: new Map([...s.truth].map(([l, r]) => [l, r === null ? [] : [r]])),
  };
}

/** The blind generator's companies or persons: `list` rows against `register` rows. */
export function blindDataSet(entity: Entity, list: number, register: number, seed: number): QualityDataSet {
  const b = generateBlind({ seed, entity, listRows: list, registerRows: register });
  return {
    name: `blind-${entity}-${list / 1000}k-vs-${register / 1000}k-seed${seed}`,
    entity,
    listFile: b.listFile,
    registerFile: b.registerFile,
    list: b.list,
    register: b.register,
    listIdHeader: b.listIdHeader,
    registerIdHeader: b.registerIdHeader,
    truth: b.truth,
    labels: b.labels,
  };
}

/**
 * Our first generator (test/fixtures/matching/generate.ts) through its exported tables, with an
 * id column put in front of each so truth is read back the same way. Used as a black box: only
 * its exported functions and the truth's shape (customer index or null) are relied on.
 */
export function ownDataSet(entity: Entity, size: number, seed: number): QualityDataSet {
  const set = (entity === 'companies' ? generateCompanies : generatePersons)({ seed, customers: size, list: size });
  const withId = (t: { headers: string[]; rows: string[][] }, header: string, prefix: string) =>
    tableToCsv({ ...t, headers: [header, ...t.headers], rows: t.rows.map((r, i) => [`${prefix}${i + 1}`, ...r]) });
  return {
    name: `own-${entity}-${size / 1000}k-seed${seed}`,
    entity,
    listFile: 'lista.csv',
    registerFile: 'asiakkaat.csv',
    list: utf8(withId(set.list, 'Rivitunnus', 'L')),
    register: utf8(withId(set.customers, 'Asiakasnumero', 'C')),
    listIdHeader: 'Rivitunnus',
    registerIdHeader: 'Asiakasnumero',
    truth: new Map(set.list.rows.map((_, i) => [`L${i + 1}`, set.truth[i] == null ? [] : [`C${set.truth[i]! + 1}`]])),
  };
}

/** Every data set by name, made on demand (some are large). `root`: the repository. */
export function namedDataSets(root: string): Record<string, () => QualityDataSet> {
  const febrl = `${root}/../shared/data/febrl3/dataset3.csv`;
  return {
    'febrl3-all': () => febrl3DataSet('all', febrl),
    'febrl3-half': () => febrl3DataSet('half', febrl),
    'blind-companies-10k': () => blindDataSet('companies', 10000, 5000, 101),
    'blind-companies-20k': () => blindDataSet('companies', 20000, 10000, 102),
    'blind-persons-10k': () => blindDataSet('persons', 10000, 5000, 201),
    'blind-persons-20k': () => blindDataSet('persons', 20000, 10000, 202),
    'own-companies-10k': () => ownDataSet('companies', 10000, 42),
    'own-persons-10k': () => ownDataSet('persons', 10000, 42),
  };
}
