/** The quality harness's readers: files in the encodings users have, summary.json in any shape. */
import { findCandidatePairs, readCsv } from './harness';
import { encodeWindows1252 } from '../fixtures/matching-blind/windows1252';

describe('quality harness readers', () => {
  it('reads UTF-8 with a BOM and Windows-1252 alike, quoted line breaks kept in their field', () => {
    const text = 'Asiakasnumero;Yritys;Muistiinpanot\r\n1;Äänekosken Sähkö Oy;"rivi\r\ntoinen"\r\n';
    const expected = [
      ['Asiakasnumero', 'Yritys', 'Muistiinpanot'],
      ['1', 'Äänekosken Sähkö Oy', 'rivi\r\ntoinen'],
    ];
    expect(readCsv(new TextEncoder().encode('\uFEFF' + text))).toEqual(expected);
    expect(readCsv(encodeWindows1252(text))).toEqual(expected);
  });

  it('finds candidate pairs wherever summary.json reports them, and says so when it does not', () => {
    expect(findCandidatePairs({ rows: 10, removed: 2 })).toBeNull();
    expect(findCandidatePairs({ candidatePairs: 1234 })).toBe(1234);
    expect(findCandidatePairs({ model: { fit: { iterations: 9 } }, blocking: { candidate_pairs: 99 } })).toBe(99);
  });
});
