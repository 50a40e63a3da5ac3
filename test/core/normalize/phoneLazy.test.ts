/**
 * libphonenumber-js is loaded only for a number the Finnish fast path cannot read: `rajaus match`
 * reads a register of Finnish numbers without it (its max metadata cost each thread 45–80 ms
 * of start-up, before the first byte was read).
 */
// Counted on globalThis: the factory may run while the imports below are evaluated, before
// this module's own variables exist.
const loads = () => (globalThis as { phoneLibraryLoads?: number }).phoneLibraryLoads ?? 0;
jest.mock('libphonenumber-js/max', () => {
  const g = globalThis as { phoneLibraryLoads?: number };
  g.phoneLibraryLoads = (g.phoneLibraryLoads ?? 0) + 1;
  return jest.requireActual('libphonenumber-js/max');
});
import { normalizePhone, phoneKey, phoneMatchNumber } from '../../../src/core/normalize/phone';

describe('phone normalizing loads libphonenumber-js on demand', () => {
  it('not at all for the Finnish spellings the fast path reads', () => {
    expect(phoneMatchNumber('040 1234567')).toBe(358401234567);
    expect(phoneKey('+358 9 123 4567')).toBe('+35891234567');
    expect(loads()).toBe(0);
  });

  it('once, for the first number that needs it, with the same answers', () => {
    expect(normalizePhone('+44 20 7946 0958')).toMatchObject({ e164: '+442079460958', valid: true });
    expect(phoneMatchNumber('+1 212 555 0100')).toBe(12125550100);
    expect(loads()).toBe(1);
  });
});
