import { emptyState, parseState, stateFromXml, stateToXml, workbookStateSchema } from '../../../src/core/state/workbookState';

describe('machine-readable workbook state', () => {
  const state = workbookStateSchema.parse({
    version: 1,
    lists: [
      {
        id: 'l1',
        name: 'Tampere rakentaminen',
        kind: 'b2b',
        createdAt: '2026-11-27T10:00:00.000Z',
        deleteBy: '2027-11-27',
        sheets: { list: 'Tampere rakentaminen' },
        // Untrusted text in the state must survive the XML wrapping, CDATA terminators included.
        criteria: { kind: 'b2b', name: 'x ]]> <y> & "z"' },
        log: [{ step: 'search', at: '2026-11-27T10:00:00.000Z', rowsOut: 120, params: { source: 'demo' } }],
      },
    ],
  });

  it('round-trips through the custom XML part', () => {
    const xml = stateToXml(state);
    expect(xml).toMatch(/^<\?xml/);
    expect(stateFromXml(xml)).toEqual(state);
  });

  it('fills defaults for an empty state', () => {
    expect(workbookStateSchema.parse({ version: 1 })).toEqual(emptyState());
  });

  it('rejects damaged data with a clear message', () => {
    expect(() => parseState('{not json')).toThrow(/not valid JSON/);
    expect(() => stateFromXml('<rajaus/>')).toThrow(/holds no data/);
    expect(() => parseState(JSON.stringify({ version: 2 }))).toThrow();
  });
});
