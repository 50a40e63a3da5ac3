/**
 * The whole demo directory, generated once on first use and kept (memoized): companies with
 * decision-makers, consumers, and the buildings they are placed in. Deterministic: the same
 * bytes on every run, in Node and in the task pane.
 */
import { CompanyFactory, type DemoCompany } from './companies';
import { consumerHouseholds, generateConsumers, type DemoConsumer } from './consumers';
import { PhoneBook } from './phones';
import { Places } from './places';
import { Rng } from './random';
import { pauser } from '../../core/progress';

export const DEMO_COMPANY_COUNT = 50_000;
export const DEMO_CONSUMER_COUNT = 100_000;

export interface DemoDirectory {
  companies: DemoCompany[];
  consumers: DemoConsumer[];
  places: Places;
  phones: PhoneBook;
  factory: CompanyFactory;
  /** Milliseconds the generation took (for the benchmark). */
  generationMs: number;
}

let cached: DemoDirectory | null = null;

export function demoDirectory(): DemoDirectory {
  if (cached) return cached;
  const t0 = typeof performance !== 'undefined' ? performance.now() : 0;
  const places = new Places();
  const phones = new PhoneBook();
  const factory = new CompanyFactory(places, phones);
  const rng = new Rng('demo:companies');
  const companies: DemoCompany[] = [];
  for (let i = 0; i < DEMO_COMPANY_COUNT; i++) companies.push(factory.create(rng));
  const consumers = generateConsumers(DEMO_CONSUMER_COUNT, places, phones);
  const generationMs = typeof performance !== 'undefined' ? performance.now() - t0 : 0;
  cached = { companies, consumers, places, phones, factory, generationMs };
  return cached;
}

/**
 * demoDirectory for a run that can be cancelled: the companies are made in slices with a pause
 * between (core/progress.ts pauser), so that a Ctrl-C or the pane's Cancel is heard during the
 * second or so the first generation takes. The same bytes as demoDirectory (same order, same
 * random streams); the result is the shared cached directory.
 */
export async function loadDemoDirectory(signal?: AbortSignal): Promise<DemoDirectory> {
  if (cached) return cached;
  const pause = pauser(signal);
  const t0 = typeof performance !== 'undefined' ? performance.now() : 0;
  const places = new Places();
  const phones = new PhoneBook();
  const factory = new CompanyFactory(places, phones);
  const rng = new Rng('demo:companies');
  const companies: DemoCompany[] = [];
  for (let i = 0; i < DEMO_COMPANY_COUNT; i++) {
    companies.push(factory.create(rng));
    if (i % 256 === 0) await pause();
  }
  await pause();
  if (cached) return cached;
  // The consumers in slices too: 100,000 of them in one pass held a Ctrl-C of `rajaus demo` for
  // seconds (8.5–9.5 s on the loaded development machine).
  const households = consumerHouseholds(DEMO_CONSUMER_COUNT, places, phones);
  let step = households.next();
  for (let n = 1; !step.done; n++) {
    if (n % 256 === 0) await pause();
    step = households.next();
  }
  const consumers = step.value;
  const generationMs = typeof performance !== 'undefined' ? performance.now() - t0 : 0;
  cached = { companies, consumers, places, phones, factory, generationMs };
  return cached;
}
