/**
 * Issue 17 item 2 for `rajaus dnc`: the do-not-call numbers are normalized and the list checked
 * in pieces with pauses between them, so that Ctrl-C is heard (one pass each: 0.75 s and 3.4 s of
 * CPU at 200,000 numbers and 400,000 rows). The pieces give what one pass gave. How soon a signal
 * is heard: test/cli/integrity/interruptBig.test.ts.
 */
import { readDoNotCallFile, suppressList, suppressListInPieces } from '../../src/app/suppression';
import { listFromGrid } from '../../src/core/list/listTable';

const numbers = ['Puhelin', 'Matkapuhelin'];
const lines = [numbers.join(';')];
for (let i = 0; i < 12_000; i++) lines.push(`040 ${1_000_000 + (i % 9000)};${i % 7 === 0 ? '040-12' : `050${2_000_000 + i}`}`);
const file = new TextEncoder().encode(lines.join('\r\n'));

it('the numbers normalized in pieces are those of one pass, in order, with the same invalid lines', async () => {
  let pauses = 0;
  const inPieces = await readDoNotCallFile(file, 'numerot.csv', 'fi', () => {
    pauses++;
    return undefined;
  });
  expect(inPieces).toEqual(await readDoNotCallFile(file, 'numerot.csv', 'fi'));
  expect(inPieces.invalid.length).toBeGreaterThan(0);
  expect(pauses).toBeGreaterThan(2);
});

it('the list checked in pieces gives the one-pass kept and suppressed rows', async () => {
  const rows = Array.from({ length: 12_000 }, (_, i) => [`Yritys ${i} Oy`, `040${1_000_000 + i}`]);
  const list = listFromGrid('Lista', ['Yritys', 'Puhelin'], rows);
  const suppression = { name: 'ASML', checkedAt: '2026-12-01', phones: Array.from({ length: 3000 }, (_, i) => `+35840${1_000_000 + i * 3}`) };
  const at = new Date('2026-12-07T10:00:00Z');
  const once = suppressList(list, suppression, at, 'fi');
  let pauses = 0;
  const inPieces = await suppressListInPieces(list, suppression, at, 'fi', () => {
    pauses++;
    return undefined;
  });
  expect(inPieces).toEqual(once);
  expect(once.suppressed.rows.length).toBe(3000);
  expect(pauses).toBe(4); // three pieces of the list, one of the audit rows
});
