import { createLiveCounter, type CountState } from '../../../src/taskpane/search/liveCount';

describe('live count', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('counts once after typing pauses for 250 ms, and only the latest criteria', async () => {
    const asked: unknown[] = [];
    const states: CountState[] = [];
    const counter = createLiveCounter({ count: async (c) => (asked.push(c), { count: 42, exact: true }), onState: (s) => states.push(s) });
    counter.update({ kind: 'b2b', area: { postalCodes: ['3'] } });
    jest.advanceTimersByTime(100);
    counter.update({ kind: 'b2b', area: { postalCodes: ['33'] } });
    jest.advanceTimersByTime(249);
    expect(asked).toEqual([]);
    jest.advanceTimersByTime(1);
    await Promise.resolve();
    await Promise.resolve();
    expect(asked).toEqual([{ kind: 'b2b', area: { postalCodes: ['33'] } }]);
    expect(states.at(-1)).toMatchObject({ status: 'done', answer: { count: 42, exact: true } });
    counter.dispose();
  });

  test('a change while counting aborts the running count and drops its answer', async () => {
    const signals: AbortSignal[] = [];
    let release!: () => void;
    const states: CountState[] = [];
    const counter = createLiveCounter({
      count: (_c, signal) => {
        signals.push(signal);
        return new Promise((resolve) => (release = () => resolve({ count: signals.length, exact: true })));
      },
      onState: (s) => states.push(s),
    });
    counter.update({ kind: 'b2b' });
    jest.advanceTimersByTime(250);
    const firstRelease = release;
    counter.update({ kind: 'b2c' });
    expect(signals[0]!.aborted).toBe(true);
    firstRelease();
    await Promise.resolve();
    expect(states.some((s) => s.status === 'done')).toBe(false);
    jest.advanceTimersByTime(250);
    release();
    await Promise.resolve();
    await Promise.resolve();
    expect(states.at(-1)).toMatchObject({ status: 'done', answer: { count: 2 } });
  });

  test('invalid criteria are not counted', () => {
    const states: CountState[] = [];
    const count = jest.fn();
    createLiveCounter({ count, onState: (s) => states.push(s) }).update(null);
    jest.advanceTimersByTime(1000);
    expect(count).not.toHaveBeenCalled();
    expect(states).toEqual([{ status: 'idle' }]);
  });
});
