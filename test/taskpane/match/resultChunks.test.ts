import { deserialize, serialize } from 'node:v8';
import { matchCustomers, type MatchedRow } from '../../../src/app/removeCustomers';
import { listFromGrid } from '../../../src/core/list/listTable';
import { demoDirectory } from '../../../src/sources/demo/directory';
import { consumerRecord } from '../../../src/sources/demo/demoDirectorySource';
import { RESULT_CHUNK, resultChunks, sharedDetails } from '../../../src/taskpane/match/resultChunks';

// The result rows of a real matching: demo consumers against every 25th of them typed as a
// customer register (the shape of the pane's 100,000-row browser test, smaller).
function matchedRows(n: number): MatchedRow[] {
  const consumers = demoDirectory()
    .consumers.slice(0, n)
    .map((c) => consumerRecord(c));
  const headers = ['Etunimi', 'Sukunimi', 'Puhelin', 'Katuosoite', 'Postinumero'];
  const row = (r: ReturnType<typeof consumerRecord>) =>
    [r.firstName, r.lastName, r.phoneNational ?? '', r.streetAddress, r.postalCode].map((v) => String(v ?? ''));
  const list = listFromGrid('Lista', headers, consumers.map(row), {}, 2);
  const customers = listFromGrid('Asiakkaat', headers, consumers.filter((_, i) => i % 25 === 0).map(row), {}, 2);
  return matchCustomers(list, customers, { lang: 'fi', guessColumns: false }).rows;
}

/** Distinct objects among the rows' weight lists and comparisons. */
function distinctObjects(rows: readonly MatchedRow[]): number {
  return new Set(rows.flatMap((r) => [r.weights, ...(r.comparison ? [r.comparison] : [])])).size;
}

describe('the matching result on its way from the worker to the pane (resultChunks)', () => {
  const rows = matchedRows(3000);

  it('keeps every row as it was, through a structured clone', () => {
    expect(rows.some((r) => r.outcome === 'removed')).toBe(true);
    const cloned = deserialize(serialize(sharedDetails(rows))) as MatchedRow[];
    expect(cloned).toEqual(rows);
  });

  it('sends one object per distinct weight list and comparison, and the clone keeps the sharing', () => {
    const shared = sharedDetails(rows);
    const distinctValues = new Set(
      rows.flatMap((r) => [JSON.stringify(r.weights), ...(r.comparison ? [JSON.stringify(r.comparison)] : [])]),
    );
    expect(distinctObjects(shared)).toBe(distinctValues.size);
    // As matching makes them (this round), rows share some (the empty weight list) but not
    // most: hundreds of objects for a few dozen values, each cloned on the pane's thread.
    expect(distinctObjects(rows)).toBeGreaterThanOrEqual(distinctValues.size);
    const cloned = deserialize(serialize(shared)) as MatchedRow[];
    expect(distinctObjects(cloned)).toBe(distinctValues.size);
    expect(serialize(shared).length).toBeLessThan(serialize(rows).length);
  });

  it('does not take different numbers for equal (NaN, ±Infinity and null keys differ)', () => {
    const base = rows.find((r) => r.weights.length > 0)!;
    const odd = [NaN, Infinity, -Infinity].map((weight, k) => ({
      ...base,
      listIndex: k,
      weights: [{ ...base.weights[0]!, weight }],
      comparison: base.comparison && { ...base.comparison, nameSimilarity: weight },
    }));
    const shared = sharedDetails(odd);
    expect(shared.map((r) => r.weights[0]!.weight)).toEqual([NaN, Infinity, -Infinity]);
    expect(shared.map((r) => r.comparison?.nameSimilarity)).toEqual(
      base.comparison ? [NaN, Infinity, -Infinity] : [undefined, undefined, undefined],
    );
  });

  it('splits the rows in order into chunks of at most RESULT_CHUNK', () => {
    const many = Array.from({ length: 2 * RESULT_CHUNK + 7 }, (_, i) => ({ ...rows[i % rows.length]!, listIndex: i }));
    const chunks = [...resultChunks(many)];
    expect(chunks.map((c) => c.length)).toEqual([RESULT_CHUNK, RESULT_CHUNK, 7]);
    expect(chunks.flat()).toEqual(many);
  });
});
