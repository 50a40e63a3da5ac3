/**
 * Issue 17 item 2 (Ctrl-C heard within a second): the model's estimate is computed in steps,
 * so that the CLI (`rajaus match`, `rajaus build`) can pause between them and hear a signal.
 * It was one synchronous pass (1.3 s of CPU at 400,000 × 100,000). The steps must give exactly
 * what the one pass gave. How soon a signal is heard is proven on the built CLI
 * (test/cli/integrity/interruptBig.test.ts); the block index in steps: test/app/matchInPieces.test.ts.
 */
import { listFromGrid } from '../../../src/core/list/listTable';
import { BlockIndex } from '../../../src/core/matching/blocking';
import { estimateModel, estimateSteps } from '../../../src/core/matching/estimate';
import { DEFAULT_MODEL } from '../../../src/core/matching/model';
import { toMatchTable, Vocabulary } from '../../../src/core/matching/record';
import { runSteps } from '../../../src/core/progress';
import { generatePersons } from '../../fixtures/matching/generate';

function tables(size: number) {
  const set = generatePersons({ seed: 11, customers: size, list: size });
  const v = new Vocabulary();
  const keys = (h: string[]) => listFromGrid('x', h, []).keys;
  return {
    set,
    customers: toMatchTable(keys(set.customers.headers), set.customers.rows, v),
    list: toMatchTable(keys(set.list.headers), set.list.rows, v),
  };
}

/** Runs `steps` to its end; its result and how many times it stopped to let the caller pause. */
function counted<T>(steps: Generator<void, T, void>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const s = steps.next();
    if (s.done) return { value: s.value, pauses };
    pauses++;
  }
}

it('the estimate in steps stops between its phases and gives the one-pass estimate to the last bit', () => {
  const { list, customers } = tables(1000);
  const once = estimateModel(list, new BlockIndex(customers), DEFAULT_MODEL);
  const { value, pauses } = counted(estimateSteps(list, new BlockIndex(customers), DEFAULT_MODEL));
  expect(value.fit.fellBack).toBe(false);
  expect(value).toEqual(once);
  // After the sample, before the random pairs, after the list's counts, the register's counts
  // and the draws.
  expect(pauses).toBeGreaterThanOrEqual(5);
  expect(runSteps(estimateSteps(list, new BlockIndex(customers), DEFAULT_MODEL))).toEqual(once);
});

