/**
 * Issue 17 item 10 on the command line: with "Asunto Oy Helsingin Kotikatu 1" as a customer and
 * no business ids, "… Kotikatu 3" and "… 41" in the same postal code were removed at 0.976
 * ("Nimi 98 % + sama postinumero"). A different number is a different company: `rajaus match`
 * keeps them, and removes the customer itself written "As Oy". (The engine's own test:
 * test/core/matching/estimate.test.ts.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, rajaus, useTempDir } from './process';

const box = useTempDir('numbered');
beforeAll(buildCli, 120_000);

const HEADER = 'Yritys;Puhelin;Katuosoite;Postinumero;Postitoimipaikka\r\n';

test('rajaus match keeps the housing companies numbered 3 and 41 and removes number 1', () => {
  writeFileSync(join(box.dir, 'asiakkaat.csv'), HEADER + 'Asunto Oy Helsingin Kotikatu 1;09 123 4567;Kotikatu 1;00100;Helsinki\r\n');
  writeFileSync(
    join(box.dir, 'lista.csv'),
    HEADER +
      'Asunto Oy Helsingin Kotikatu 3;09 765 4321;Kotikatu 3;00100;Helsinki\r\n' +
      'Asunto Oy Helsingin Kotikatu 41;;;00100;Helsinki\r\n' +
      'As Oy Helsingin Kotikatu 1;09 123 4567;Kotikatu 1;00100;Helsinki\r\n',
  );
  const r = rajaus(box.dir, ['match', '--list', 'lista.csv', '--customers', 'asiakkaat.csv', '--out', 'm']);
  expect(r.status).toBe(0);
  const kept = readFileSync(join(box.dir, 'm', 'kept.csv'), 'utf8');
  const removed = readFileSync(join(box.dir, 'm', 'removed.csv'), 'utf8');
  expect(kept).toContain('Asunto Oy Helsingin Kotikatu 3;');
  expect(kept).toContain('Asunto Oy Helsingin Kotikatu 41;');
  expect(removed).toContain('As Oy Helsingin Kotikatu 1;');
  expect(removed).not.toContain('Kotikatu 3;');
  expect(removed).not.toContain('Kotikatu 41;');
}, 60_000);
