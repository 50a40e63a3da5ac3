/** The match columns of removed.csv and review.csv, made by either thread of `rajaus match` (matchCsvs.ts). */
import { matchedRows } from '../../../src/app/removeCustomers';
import { decisionFields, matchFields } from '../../../src/cli/io/matchCsvs';
import { listFromGrid } from '../../../src/core/list/listTable';
import { linkTables, reasonOf } from '../../../src/core/matching/engine';
import { toMatchTable, Vocabulary } from '../../../src/core/matching/record';
import { generatePersons } from '../../fixtures/matching/generate';

describe('decisionFields', () => {
  it("are what this thread writes after a record: the worker's rows are prepared so", () => {
    const set = generatePersons({ seed: 31, customers: 1500, list: 1500 });
    const list = listFromGrid('lista.csv', set.list.headers, set.list.rows);
    const customers = listFromGrid('asiakkaat.csv', set.customers.headers, set.customers.rows);
    const v = new Vocabulary();
    const tables = { list: toMatchTable(list.keys, list.rows, v), customers: toMatchTable(customers.keys, customers.rows, v) };
    const decisions = linkTables(tables.list, tables.customers);
    const shown = decisions.flatMap((d, i) => (d.outcome === 'kept' ? [] : [{ d, i }]));
    expect(new Set(shown.map(({ d }) => d.outcome))).toEqual(new Set(['removed', 'review']));
    for (const { d, i } of shown) {
      const [row] = matchedRows([d], i, customers, 'sv', tables);
      const reason = reasonOf(d, 'sv', { ...tables, listIndex: i });
      expect(decisionFields(d, customers.origin.firstDataRow, reason)).toBe(matchFields(row!));
    }
    expect(decisionFields(shown[0]!.d, 2, 'syy; "lainaus"')).toMatch(/^;\d+;"syy; ""lainaus""";[\d.]+\r\n$/);
  });
});
