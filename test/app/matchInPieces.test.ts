/**
 * Issue 17 item 2 (Ctrl-C heard within a second): `rajaus build`'s customer removal (and the
 * pane's when it has no Web Worker) builds the customers' block index and explains its
 * decisions in pieces, pausing between them; each was one synchronous pass (0.3–0.5 s of CPU
 * each at 100,000 customers and 87,500 list rows). The pieces must give what the one pass gave.
 * How soon a signal is heard: test/cli/integrity/interruptBig.test.ts.
 */
import { blockIndexSteps, matchCustomers, matchCustomersInPieces } from '../../src/app/removeCustomers';
import { listFromGrid } from '../../src/core/list/listTable';
import { BlockIndex } from '../../src/core/matching/blocking';
import { toMatchTable, Vocabulary } from '../../src/core/matching/record';
import { generatePersons } from '../fixtures/matching/generate';

const set = generatePersons({ seed: 11, customers: 5000, list: 1500 });

it('the block index in steps stops every 2,000 customers and is the one-pass index', () => {
  const keys = listFromGrid('x', set.customers.headers, []).keys;
  const customers = toMatchTable(keys, set.customers.rows, new Vocabulary());
  let pauses = 0;
  const steps = blockIndexSteps(customers);
  let s = steps.next();
  for (; !s.done; s = steps.next()) pauses++;
  const value = s.value;
  expect(value.arrays).toEqual(new BlockIndex(customers).arrays);
  expect(pauses).toBe(3); // after 2,000 and 4,000 customers, and before the sort
});

it('matching in pieces (the CLI build, the pane without workers) gives the one-pass result', async () => {
  const grid = (g: { headers: string[]; rows: string[][] }, name: string) => listFromGrid(name, g.headers, g.rows);
  const list = grid(set.list, 'Lista');
  const customers = grid(set.customers, 'Asiakkaat');
  const once = matchCustomers(list, customers, { lang: 'fi' });
  const inPieces = await matchCustomersInPieces(list, customers, { lang: 'fi' });
  expect(inPieces.counts).toEqual(once.counts);
  expect(inPieces.rows).toEqual(once.rows);
  expect(once.counts.removed).toBeGreaterThan(0);
});
