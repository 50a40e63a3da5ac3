/**
 * Every table name the adapter gives Excel passes Excel's name grammar, whatever the plan asks
 * for and whatever tables and defined names the workbook already has (issue 14). The simulator
 * refuses what Excel refuses (names that read as A1 or R1C1 references, TRUE/FALSE, R, C,
 * clashes with a table or defined name, ignoring case), so a name that slipped through would
 * make `apply` fail here; the names that arrive are checked against the grammar and the taken
 * names as well. test/core/workbook/sheetNames.test.ts checks makeTableName itself.
 */
import fc from 'fast-check';
import { tablePlan } from '../../../src/core/workbook/sheetPlan';
import { createOfficeWorkbook } from '../../../src/workbook/officejs/officeWorkbook';
import { createExcelSimulator, tableNameError } from '../../excel-simulator';
import { LIST_KEYS, listRows } from './fixtures';

/** Texts a table name is made from: sheet names users type, and some that read as references. */
const base = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    'R2 kampanja',
    'C1 asiakkaat',
    'TRUE',
    'false',
    'RC',
    'R1C1',
    'r',
    'c',
    'A1',
    'xfd1048576',
    'Lista',
    '2026 lista',
    'Ähtäri',
  ),
  fc
    .tuple(fc.constantFrom('R', 'C', 'A', 'XF', 'r'), fc.nat(2000), fc.constantFrom('', '_x', '.y', ' z'))
    .map(([a, n, b]) => `${a}${n}${b}`),
);
/** Names already in the workbook: valid names, some of them what a base would become. */
const existing = fc.uniqueArray(
  fc.oneof(fc.constantFrom('Lista', 'T_A1', 'T_R1C1', 'Ahtari', 'T_TRUE', 'Lista_2', 'Kampanja'), fc.stringMatching(/^[A-Z][a-z]{2,8}$/)),
  { maxLength: 4, selector: (n) => n.toLowerCase() },
);

describe('table names the adapter writes', () => {
  it('are accepted by Excel’s grammar and free of the workbook’s tables and defined names, for any plan', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(base, { minLength: 1, maxLength: 3 }), existing, existing, async (bases, tables, names) => {
        const sim = createExcelSimulator();
        const takenNames = names.filter((n) => !tables.some((t) => t.toLowerCase() === n.toLowerCase()));
        sim.simulator.load({
          // A workbook always has a sheet; the user's tables on sheets of their own.
          sheets: [
            { name: 'Taul1', values: [['']], active: true },
            ...tables.map((t, i) => ({ name: `Vanha ${i + 1}`, values: [['Yritys'], ['X Oy']], tables: [{ name: t, range: 'A1:A2' }] })),
          ],
          names: Object.fromEntries(takenNames.map((n) => [n, '=Taul1!$A$1'])),
        });
        const workbook = createOfficeWorkbook({ run: sim.Excel.run as unknown as typeof Excel.run });
        await workbook.apply({
          write: bases.map((b, i) =>
            tablePlan({ name: `Uusi ${i + 1}`, role: 'list', keys: LIST_KEYS, rows: listRows(2, i + 1), lang: 'fi', tableName: b }),
          ),
        });
        const snap = sim.simulator.snapshot();
        const made = snap.sheets.filter((s) => s.name.startsWith('Uusi ')).flatMap((s) => s.tables.map((t) => t.name));
        expect(made).toHaveLength(bases.length);
        for (const name of made) expect({ name, problem: tableNameError(name) }).toEqual({ name, problem: null });
        const taken = [...tables, ...takenNames].map((n) => n.toLowerCase());
        expect(made.filter((n) => taken.includes(n.toLowerCase()))).toEqual([]);
        expect(new Set(made.map((n) => n.toLowerCase())).size).toBe(made.length);
        expect(snap.sheets.filter((s) => s.name.startsWith('~rajaus'))).toEqual([]);
      }),
      { numRuns: 120 },
    );
  });
});
