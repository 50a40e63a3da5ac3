import { fromCellByKey } from '../../src/core/workbook/cells';
/**
 * The use case over an in-memory workbook: the list loses its customers to the audit sheet in
 * one change, the customer sheet is untouched, review verdicts are honoured, the step is in
 * the processing log, and undo brings the rows back.
 */
import { removeCustomers, undoLastMatching } from '../../src/app/removeCustomers';
import { parseState } from '../../src/core/state/workbookState';
import { stepText } from '../../src/core/notes/notesSheet';
import { listSheet, memoryWorkbook } from '../support/memoryWorkbook';
import { testContext } from '../support/context';

const LIST_KEYS = ['companyName', 'businessId', 'phone', 'streetAddress', 'postalCode', 'postOffice', 'extra:Muistiinpanot'];
const LIST_ROWS = [
  ['Virtasen Rakennus Oy', '2345678-0', '+358401234567', 'Hämeenkatu 12', '33100', 'Tampere', 'soitettu 3.11.'],
  ['Pirkanmaan Mainostoimisto Oy', '', '+358449876543', 'Hämeenkatu 12', '33100', 'Tampere', ''],
  ['Kiinteistöhuolto Laine', '', '+35832123456', 'Teollisuustie 8', '33720', 'Tampere', ''],
  ['Laineen Kiinteistöpalvelu', '', '+35832123456', 'Teollisuustie 8', '33720', 'Tampere', 'sama vaihde?'],
  ['=HYPERLINK("http://x","klikkaa")', '', '', '', '00100', 'Helsinki', ''],
];
const CUSTOMER_KEYS = ['extra:Asiakasnumero', 'companyName', 'businessId', 'phone', 'streetAddress', 'postalCode'];
const CUSTOMER_ROWS = [
  ['A1001', 'Virtasen Rakennus Oy', '2345678-0', '040 123 4567', 'Hämeenkatu 12 A 5', '33100'],
  ['A1003', 'Kiinteistöhuolto Laine Ky', '', '03 2123 456', 'Teollisuustie 8', '33720'],
];

function workbook() {
  return memoryWorkbook({ sheets: [listSheet('Tampere LVI', LIST_KEYS, LIST_ROWS), listSheet('Asiakkaat', CUSTOMER_KEYS, CUSTOMER_ROWS)] });
}

describe('removeCustomers', () => {
  it('moves certain matches to "Poistetut asiakkaat" with reason, score and customer row, in one change', async () => {
    const wb = workbook();
    const customersBefore = JSON.stringify(wb.sheet('Asiakkaat'));
    const summary = await removeCustomers(testContext(wb), { listSheet: 'Tampere LVI', customers: { sheet: 'Asiakkaat' } });

    expect(summary).toMatchObject({ rowsIn: 5, removed: 2, auditSheet: 'Poistetut asiakkaat' });
    expect(wb.applied).toHaveLength(1);
    expect(JSON.stringify(wb.sheet('Asiakkaat'))).toBe(customersBefore);

    const audit = wb.sheet('Poistetut asiakkaat')!;
    expect(audit.role).toBe('audit');
    expect(audit.columns.map((c) => c.header)).toEqual([
      'Yritys',
      'Y-tunnus',
      'Puhelin',
      'Katuosoite',
      'Postinumero',
      'Postitoimipaikka',
      'Muistiinpanot',
      'Asiakasrekisterin rivi',
      'Tunnistamisen syy',
      'Tunnistamisen varmuus',
      'Listan rivi',
      'Siirretty',
      'Siirron vaihe',
    ]);
    const first = audit.rows[0]!;
    expect(first[0]).toBe('Virtasen Rakennus Oy');
    expect(first[6]).toBe('soitettu 3.11.');
    expect(first[7]).toBe(2);
    expect(String(first[8])).toMatch(/^Y-tunnus sama/);
    expect(first[9]).toBeGreaterThan(0.97);
    // The probability reads as a per cent in Excel ("98 %"), as the pane says it (issue 13).
    expect(audit.columns[9]!.numberFormat).toBe('0 %');
    expect(first[10]).toBe(2);
    expect(fromCellByKey('removedAt', first[11])).toBe('2026-11-20T10:15:00.000Z');
    expect(audit.rows[1]![10]).toBe(4);

    const list = wb.sheet('Tampere LVI')!;
    expect(list.rows.map((r) => r[0])).toEqual([
      'Pirkanmaan Mainostoimisto Oy',
      'Laineen Kiinteistöpalvelu',
      '=HYPERLINK("http://x","klikkaa")',
    ]);
    // The list keeps its text formats: an untrusted formula stays text.
    expect(list.columns[0]!.numberFormat).toBe('@');

    const state = parseState(wb.stateJson!);
    const step = state.lists[0]!.log.at(-1)!;
    expect(step).toMatchObject({ step: 'match', rowsIn: 5, rowsOut: 3, rowsMoved: 2 });
    expect(step.params.customerSource).toBe('Asiakkaat');
    expect(state.lists[0]!.sheets.audit).toContain('Poistetut asiakkaat');
  });

  it('removes a review pair only when a person confirms it', async () => {
    const wb = workbook();
    const ctx = testContext(wb, { lang: 'en' });
    const { matchCustomers } = await import('../../src/app/removeCustomers');
    const { listFromGrid } = await import('../../src/core/list/listTable');
    // Make row 4 (a shared switchboard look-alike) a review pair by a stricter model.
    const { DEFAULT_MODEL } = await import('../../src/core/matching/model');
    const model = { ...DEFAULT_MODEL, removeAt: 0.999999, reviewAt: 0.01 };
    const list = listFromGrid(
      'Tampere LVI',
      wb.sheet('Tampere LVI')!.columns.map((c) => c.header),
      LIST_ROWS,
    );
    const customers = listFromGrid(
      'Asiakkaat',
      wb.sheet('Asiakkaat')!.columns.map((c) => c.header),
      CUSTOMER_ROWS,
    );
    const result = matchCustomers(list, customers, { lang: 'en', model });
    const review = result.rows.filter((r) => r.outcome === 'review').map((r) => r.listIndex);
    expect(review.length).toBeGreaterThanOrEqual(2);

    const summary = await removeCustomers(ctx, {
      listSheet: 'Tampere LVI',
      customers: { sheet: 'Asiakkaat' },
      result,
      decisions: [
        { listIndex: review[0]!, confirmed: true },
        { listIndex: review[1]!, confirmed: false },
      ],
    });
    expect(summary.reviewConfirmed).toBe(1);
    expect(summary.reviewRejected).toBe(1);
    expect(summary.auditSheet).toBe('Removed customers');
    const audit = wb.sheet('Removed customers')!;
    expect(audit.rows.some((r) => r.at(-1) === 'Customer matching (reviewed)')).toBe(true);
    expect(wb.sheet('Tampere LVI')!.rows).toHaveLength(LIST_ROWS.length - summary.removed);
  });

  it('learns from the review decisions: the pair the rejections no longer doubt stays in the list, and the log says so', async () => {
    const P = ['firstName', 'lastName', 'streetAddress', 'postalCode', 'postOffice', 'phone'];
    const people = [
      ['Virtanen', 'Hämeenkatu 12 A 3', '33100', 'Tampere', '03 212 3456'],
      ['Korhonen', 'Rantatie 7', '40520', 'Jyväskylä', '014 612 345'],
      ['Mäkinen', 'Kauppakatu 3 B 12', '70100', 'Kuopio', '017 261 1122'],
      ['Nieminen', 'Koulukatu 21', '90100', 'Oulu', '08 311 2233'],
      ['Lahtinen', 'Kirkkokatu 5', '15100', 'Lahti', '03 781 2233'],
    ];
    const wb = memoryWorkbook({
      sheets: [
        listSheet(
          'Soittolista',
          P,
          people.map((p, i) => [['Matti', 'Pekka', 'Juha', 'Antti', 'Kari'][i]!, ...p]),
        ),
        listSheet(
          'Asiakkaat',
          P,
          people.map((p, i) => [['Liisa', 'Maria', 'Anna', 'Helena', 'Ritva'][i]!, ...p]),
        ),
      ],
    });
    const { matchCustomers } = await import('../../src/app/removeCustomers');
    const { listFromGrid } = await import('../../src/core/list/listTable');
    const grid = (name: string) =>
      listFromGrid(
        name,
        wb.sheet(name)!.columns.map((c) => c.header),
        wb.sheet(name)!.rows as string[][],
      );
    const result = matchCustomers(grid('Soittolista'), grid('Asiakkaat'), { lang: 'fi' });
    expect(result.counts.review).toBe(5);
    const summary = await removeCustomers(testContext(wb), {
      listSheet: 'Soittolista',
      customers: { sheet: 'Asiakkaat' },
      result,
      decisions: [0, 1, 2, 3].map((listIndex) => ({ listIndex, confirmed: false })),
    });
    // Four rejected, the fifth no longer doubted: nothing removed, nothing left in review.
    expect(summary).toMatchObject({ removed: 0, reviewRejected: 4, kept: 5 });
    expect(summary.review).toBe(4);
    const step = parseState(wb.stateJson!).lists[0]!.log.at(-1)!;
    expect(step.params).toMatchObject({ reviewDecisions: 4, modelUpdated: true, learnedRemoved: 0, learnedKept: 1, reviewUndecided: 0 });
  });

  it('refuses to use the list as its own customer register', async () => {
    await expect(
      removeCustomers(testContext(workbook()), { listSheet: 'Tampere LVI', customers: { sheet: 'tampere lvi' } }),
    ).rejects.toThrow(/sama taulukko/);
  });

  it('undo brings the removed rows back to where they were and logs matchUndo', async () => {
    const wb = workbook();
    const ctx = testContext(wb);
    await removeCustomers(ctx, { listSheet: 'Tampere LVI', customers: { sheet: 'Asiakkaat' } });
    const undo = await undoLastMatching(ctx, { listSheet: 'Tampere LVI' });
    expect(undo.restored).toBe(2);
    const list = wb.sheet('Tampere LVI')!;
    // Rows 1 and 3 were removed: the list is back in its own order, not with them at the end.
    expect(list.rows.map((r) => r[0])).toEqual(LIST_ROWS.map((r) => r[0]));
    expect(list.rows.find((r) => r[0] === 'Virtasen Rakennus Oy')![6]).toBe('soitettu 3.11.');
    expect(wb.sheet('Poistetut asiakkaat')).toBeUndefined();
    const log = parseState(wb.stateJson!).lists[0]!.log;
    expect(log.map((s) => s.step)).toEqual(['match', 'matchUndo']);
    await expect(undoLastMatching(ctx, { listSheet: 'Tampere LVI' })).rejects.toThrow(/perua/);
  });
});

describe('the model of the run in the processing log and the notes (issue 12)', () => {
  const sheetText = (wb: ReturnType<typeof memoryWorkbook>, prefix: string) => {
    const sheet = wb.sheets.find((s) => s.name.startsWith(prefix))!;
    return JSON.stringify(sheet.rows);
  };

  it('logs the estimated model and its fit, and the notes say it in the reader\'s language', async () => {
    const { generateCompanies } = await import('../fixtures/matching/generate');
    const { listFromGrid } = await import('../../src/core/list/listTable');
    // A register large enough to estimate from (estimate.ts: MIN_CUSTOMERS, MIN_PAIRS).
    const set = generateCompanies({ seed: 11, customers: 1500, list: 1500 });
    const list = listFromGrid('Lista', set.list.headers, set.list.rows);
    const customers = listFromGrid('Asiakkaat', set.customers.headers, set.customers.rows);
    const wb = memoryWorkbook({ sheets: [listSheet('Lista', list.keys, list.rows), listSheet('Asiakkaat', customers.keys, customers.rows)] });
    await removeCustomers(testContext(wb), { listSheet: 'Lista', customers: { sheet: 'Asiakkaat' } });
    const step = parseState(wb.stateJson!).lists[0]!.log.at(-1)!;
    expect(step.params).toMatchObject({ modelFellBack: false, modelRows: 1500 });
    expect(step.params.modelPairs).toBeGreaterThanOrEqual(500);
    expect(step.params.modelIterations).toBeGreaterThan(0);
    expect(typeof step.params.modelConverged).toBe('boolean');
    expect(step.params.modelLambda).toBeGreaterThan(0);
    expect(step.params.modelLambda).toBeLessThan(1);
    expect(step.params.candidatePairs).toBeGreaterThanOrEqual(step.params.modelPairs as number);
    // The notes sheet written in the same change (Finnish), and the same log entry in English
    // and Swedish.
    const converged = step.params.modelConverged === true;
    const texts = { fi: sheetText(wb, 'Tietosuoja'), en: stepText('en', step), sv: stepText('sv', step) };
    for (const lang of ['fi', 'en', 'sv'] as const) {
      const pairs = new Intl.NumberFormat({ fi: 'fi-FI', en: 'en-GB', sv: 'sv-FI' }[lang]).format(step.params.modelPairs as number);
      const said = {
        fi: `malli estimoitu ${pairs} listarivin parhaista ehdokaspareista (otos 1 500 listariviä): ${step.params.modelIterations} EM-kierrosta, ${converged ? 'konvergoi' : 'ei konvergoinut'}, λ 0,`,
        en: `model estimated from the best candidate pairs of ${pairs} list rows (a sample of 1,500 list rows): ${step.params.modelIterations} EM rounds, ${converged ? 'converged' : 'not converged'}, λ 0.`,
        sv: `modellen skattad från de bästa kandidatparen för ${pairs} listrader (ett urval av 1 500 listrader): ${step.params.modelIterations} EM-varv, ${converged ? 'konvergerade' : 'konvergerade inte'}, λ 0,`,
      }[lang];
      expect(texts[lang]).toContain(said);
    }
  });

  it('logs that the default model was used when the register is too small to estimate from', async () => {
    const wb = workbook();
    await removeCustomers(testContext(wb), { listSheet: 'Tampere LVI', customers: { sheet: 'Asiakkaat' } });
    const step = parseState(wb.stateJson!).lists[0]!.log.at(-1)!;
    expect(step.params).toMatchObject({ modelFellBack: true, modelIterations: 0, modelConverged: false });
    expect(sheetText(wb, 'Tieto')).toContain('malli: oletusmalli (liian vähän aineistoa estimointiin');
  });
});
