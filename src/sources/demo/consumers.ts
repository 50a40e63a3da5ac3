/**
 * Fictional consumers (the B2C side of a directory: subscriber data). Households are placed into
 * buildings, so a block of flats has many residents with staircase and apartment ("B 12") and a
 * detached house a couple with the same surname. Age groups are estimates, as a directory's are.
 */
import { AGE_GROUPS, type AgeGroup } from '../../core/criteria/criteria';
import { pickFirstName, pickSurname } from './companies';
import type { DemoPostalArea } from './geography';
import { pickPostalArea, postOfficeOf } from './geography';
import type { DemoPhone, PhoneBook } from './phones';
import type { DemoBuilding, Places } from './places';
import { residentAddress } from './places';
import { Rng, weighted } from './random';

// Builtins in module scope: global lookups are slow inside Jest's vm context (see random.ts).
const M = Math;
const Str = String;

export interface DemoConsumer {
  /** The demo directory's record id ("P000123"). */
  id: string;
  firstName: string;
  lastName: string;
  male: boolean;
  ageGroup: AgeGroup;
  building: DemoBuilding;
  /** Which dwelling of the building: the apartment ("B 12") is derived from it. */
  slot: number;
  area: DemoPostalArea;
  postOffice: string;
  phone: DemoPhone | null;
}

const AGE_PICKER = weighted<AgeGroup>([
  ['18-24', 10],
  ['25-34', 16],
  ['35-44', 16],
  ['45-54', 15],
  ['55-64', 16],
  ['65-74', 15],
  ['75+', 12],
]);

function neighbourAge(rng: Rng, age: AgeGroup): AgeGroup {
  const i = AGE_GROUPS.indexOf(age) + rng.int(-1, 1);
  return AGE_GROUPS[M.max(0, M.min(AGE_GROUPS.length - 1, i))]!;
}

/** "Koivutie 5 B 12" and the apartment "B 12" (null in a house). Derived, not stored: 100,000 strings. */
export function consumerAddress(c: DemoConsumer): { street: string; apartment: string | null } {
  return residentAddress(c.building, c.slot);
}

/**
 * generateConsumers a household at a time: yields the count so far after each, returns them
 * all. A caller that must hear a Ctrl-C pauses between households (loadDemoDirectory); the
 * consumers are the same, in the same order, from the same random streams.
 */
export function* consumerHouseholds(count: number, places: Places, phones: PhoneBook): Generator<number, DemoConsumer[]> {
  const rng = new Rng('demo:consumers');
  const out: DemoConsumer[] = [];
  while (out.length < count) {
    const area = pickPostalArea(rng);
    const { building, slot } = places.placeResident(area, rng);
    // A household: one person, or a couple sharing the address and often the surname.
    const size = M.min(count - out.length, rng.chance(0.4) ? 2 : 1);
    const first: { lastName: string; age: AgeGroup; male: boolean } = {
      lastName: pickSurname(rng),
      age: AGE_PICKER.pick(rng),
      male: rng.chance(0.5),
    };
    for (let i = 0; i < size; i++) {
      const male = i === 0 ? first.male : rng.chance(0.85) ? !first.male : first.male;
      const ageGroup = i === 0 ? first.age : neighbourAge(rng, first.age);
      const lastName = i === 0 || rng.chance(0.7) ? first.lastName : pickSurname(rng);
      const older = AGE_GROUPS.indexOf(ageGroup) >= 4; // 55+: more landlines, fewer numbers listed
      const r = rng.next();
      const phone = r < (older ? 0.7 : 0.84) ? phones.mobile(rng) : r < (older ? 0.85 : 0.87) ? phones.landline(rng, area.regionFi) : null;
      out.push({
        id: `P${Str(out.length + 1).padStart(6, '0')}`,
        firstName: pickFirstName(rng, male),
        lastName,
        male,
        ageGroup,
        building,
        slot,
        area,
        postOffice: postOfficeOf(area),
        phone,
      });
    }
    yield out.length;
  }
  return out;
}

export function generateConsumers(count: number, places: Places, phones: PhoneBook): DemoConsumer[] {
  const households = consumerHouseholds(count, places, phones);
  for (;;) {
    const step = households.next();
    if (step.done) return step.value;
  }
}
