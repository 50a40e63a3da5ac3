/**
 * The live count: each change of the criteria schedules a count after a short pause (250 ms);
 * a newer change cancels the pending or running one (AbortController), so only the latest
 * criteria's answer is ever shown.
 */
export interface CountAnswer {
  count: number;
  exact: boolean;
}

export type CountState =
  { status: 'idle' } | { status: 'counting' } | { status: 'done'; answer: CountAnswer; ms: number } | { status: 'error'; error: unknown };

export interface LiveCounter {
  /** New criteria (or null when they are invalid: nothing is counted). */
  update(criteria: unknown | null): void;
  dispose(): void;
}

export function createLiveCounter(args: {
  count: (criteria: unknown, signal: AbortSignal) => Promise<CountAnswer>;
  onState: (state: CountState) => void;
  delayMs?: number;
  now?: () => number;
}): LiveCounter {
  const delay = args.delayMs ?? 250;
  const now = args.now ?? (() => Date.now());
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: AbortController | undefined;
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    running?.abort();
    running = undefined;
  };
  return {
    update(criteria) {
      cancel();
      if (criteria === null) {
        args.onState({ status: 'idle' });
        return;
      }
      args.onState({ status: 'counting' });
      timer = setTimeout(() => {
        timer = undefined;
        const ctl = new AbortController();
        running = ctl;
        const started = now();
        args.count(criteria, ctl.signal).then(
          (answer) => {
            if (ctl.signal.aborted) return;
            running = undefined;
            args.onState({ status: 'done', answer, ms: now() - started });
          },
          (error) => {
            if (ctl.signal.aborted) return;
            running = undefined;
            args.onState({ status: 'error', error });
          },
        );
      }, delay);
    },
    dispose: cancel,
  };
}
