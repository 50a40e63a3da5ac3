/**
 * Issue 12, third round: what no single field may defeat, measured on Febrl 3 and the second
 * generator (README, "Black-box matching quality"). Each case is a pair of one person written
 * as registers do, that the blocking of the round before never compared or compared wrongly.
 */
import { matchCustomers } from '../../../src/app/removeCustomers';
import { listFromGrid } from '../../../src/core/list/listTable';
import { BlockIndex, MAX_WEAK_BLOCK } from '../../../src/core/matching/blocking';
import { compareRows } from '../../../src/core/matching/comparison';
import { estimateModel } from '../../../src/core/matching/estimate';
import { decidePair, DEFAULT_MODEL } from '../../../src/core/matching/model';
import { toMatchTable, Vocabulary } from '../../../src/core/matching/record';

const KEYS = ['firstName', 'lastName', 'streetAddress', 'postalCode', 'postOffice'] as const;

/** The list row and the customer as match tables of one vocabulary, with the customer's index. */
function pair(list: string[], customer: string[]) {
  const v = new Vocabulary();
  const l = toMatchTable([...KEYS], [list], v);
  const c = toMatchTable([...KEYS], [customer], v);
  return { l, c, candidates: new BlockIndex(c).candidates(l, 0), vector: compareRows(l, 0, c, 0) };
}

describe('blocking that no single field defeats (third round)', () => {
  it('a Swedish town name is the Finnish one: a middle name, a transposed postal code and the street in Swedish still meet', () => {
    const p = pair(
      ['Matti Juhani', 'Virtanen', 'Björngatan 29 B as. 24', '08358', 'Lojo'],
      ['Matti', 'Virtanen', 'Karhunkatu 29 as 24', '08350', 'Lohja'],
    );
    expect(p.candidates).toEqual([0]);
    expect(p.vector.area).toBe('near');
  });

  it('Posti’s abbreviation of a town is the town', () => {
    // Postal codes two digits swapped: "near" only when the towns do not differ.
    const p = pair(['Henrik', 'Koskinen', '', '50106', 'MLI'], ['Henrik', 'Koskinen', 'Joutsentie 11', '50160', 'Mikkeli']);
    expect(p.vector.area).toBe('near');
    expect(pair(['Henrik', 'Koskinen', '', '', 'HKI'], ['Henrik', 'Koskinen', 'Joutsentie 11', '00160', 'Helsinki']).vector.area).toBe(
      'sameTown',
    );
  });

  it('a town mistyped or spaced otherwise is the same town', () => {
    expect(
      pair(['Madison', 'Dixson', 'Sanford Place 37', '5047', 'Ringwoid'], ['Madison', 'Dixon', 'Sanford Place 37', '5074', 'Ringwood'])
        .vector.area,
    ).toBe('near');
    expect(
      pair(['Nathan', 'Prise', 'Banks Street 363', '4579', 'Malverneast'], ['Nathan', 'Priest', 'Banks Street 363', '4570', 'Malvern East'])
        .vector.area,
    ).toBe('near');
    expect(
      pair(['Nathan', 'Prise', 'Banks Street 363', '', 'Malverneast'], ['Nathan', 'Priest', 'Banks Street 363', '4570', 'Malvern East'])
        .vector.area,
    ).toBe('sameTown');
    // Two towns that merely share letters stay two towns.
    expect(pair(['Aino', 'Mäki', 'Rantatie 7', '15100', 'Lahti'], ['Aino', 'Mäki', 'Rantatie 7', '08100', 'Lohja']).vector.area).toBe(
      'different',
    );
  });

  it('a street mistyped after its beginning still meets the same house in the same area', () => {
    const p = pair(
      ['Timothy', 'Masdn', 'Barrierwstreet 18', '2029', 'Parkholme'],
      ['Alec', 'Mason', 'Barrier Street 18', '2029', 'Park Holme'],
    );
    expect(p.candidates).toEqual([0]);
  });

  it('a house number mistyped and the name mistyped at the same street still meet (street beginning + initial)', () => {
    const p = pair(
      ['Stephatnie', 'Spogn', 'Kenyon Circuit 119', '3182', 'Normannhurst'],
      ['Stephanie', 'Spong', 'Kenyon Circuit 14', '3182', 'Normanhurst'],
    );
    expect(p.candidates).toEqual([0]);
  });

  it('a house number alone names no street: nothing to compare, not another address', () => {
    const p = pair(['Madison', 'Dixson', '37', '5047', 'Ringwoid'], ['Madison', 'Dixon', 'Sanford Place 37', '5047', 'Ringwood']);
    expect(p.vector.address).toBeNull();
  });

  it('a contracted first name is the same first name, not another one at the address', () => {
    const p = pair(
      ['Katri', 'Korhonen', 'Kalliotie 31', '33400', 'Tampere'],
      ['Katariina', 'Korhonen', 'Kalliotie 31', '33400', 'Tampere'],
    );
    expect(p.vector.name).not.toBe('otherFirstName');
    // A family member is still another first name.
    expect(
      pair(['Matti', 'Korhonen', 'Kalliotie 31', '33400', 'Tampere'], ['Liisa', 'Korhonen', 'Kalliotie 31', '33400', 'Tampere']).vector
        .name,
    ).toBe('otherFirstName');
  });

  it('a surname that begins like a first name is no first name: two first names at one address stay two people (fourth round)', () => {
    // "heikkilä" begins with "Heikki", "karlsson" with "Karl": Jaro-Winkler 0.9-0.95 from the
    // shared start, but a slip adds or drops one letter, not two or four.
    for (const [a, b] of [
      [
        ['Helena', 'Heikkilä', 'Koulukuja 6', '42300', 'Jämsänkoski'],
        ['Juhani', 'Heikkilä', 'Koulukuja 6', '42300', 'Jämsänkoski'],
      ],
      [
        ['Antti', 'Karlsnon', 'Koivukuja 8', '07110', 'Hinthaara'],
        ['Aino', 'Karlsson', 'Koivukuja 8', '07110', 'Hinthaara'],
      ],
    ]) {
      expect(pair(a!, b!).vector.name).toBe('otherFirstName');
    }
    // A first name mistyped by one letter is still read as the first name ("Pftteri" / "Petteri").
    expect(
      pair(['Pftteri', 'Heikkilä', 'Koulukuja 6', '42300', 'Jämsänkoski'], ['Liisa', 'Heikkilä', 'Koulukuja 6', '42300', 'Jämsänkoski'])
        .vector.name,
    ).toBe('otherFirstName');
  });

  it('a weak key’s block of namesakes larger than its limit is skipped, a smaller one is compared', () => {
    const candidates = (namesakes: number) => {
      const v = new Vocabulary();
      const c = toMatchTable(
        [...KEYS],
        Array.from({ length: namesakes }, (_, k) => ['Matti', 'Virtanen', `Koulukatu ${k + 1}`, '00100', 'Helsinki']),
        v,
      );
      // Mistyped, at another postal code, no street: only the weak keys (a word's sound and
      // another's initial in the town) bring these together.
      const l = toMatchTable([...KEYS], [['Mati', 'Virtanen', '', '00990', 'Helsinki']], v);
      return new BlockIndex(c).candidates(l, 0).length;
    };
    expect(candidates(MAX_WEAK_BLOCK)).toBe(MAX_WEAK_BLOCK);
    expect(candidates(MAX_WEAK_BLOCK + 1)).toBe(0);
  });
});

describe('estimation on each row’s best candidate (third round)', () => {
  it('runs EM on at most one pair a sampled row, and counts every candidate', () => {
    const v = new Vocabulary();
    const rows = Array.from({ length: 600 }, (_, k) => [
      'Matti',
      `Virtanen${k % 40}`,
      `Koulukatu ${k % 30}`,
      String(10000 + (k % 20) * 10).padStart(5, '0'),
      'Helsinki',
    ]);
    const c = toMatchTable([...KEYS], rows, v);
    const l = toMatchTable([...KEYS], rows.slice(0, 400), v);
    const { fit } = estimateModel(l, new BlockIndex(c), DEFAULT_MODEL);
    expect(fit.fellBack).toBe(false);
    expect(fit.pairs).toBeLessThanOrEqual(fit.sampledRows);
    expect(fit.candidatePairs!).toBeGreaterThan(fit.pairs);
  });
});

describe('a chain’s branch (third round)', () => {
  const H = ['Yritys', 'Y-tunnus', 'Puhelin', 'Katuosoite', 'Postinumero', 'Postitoimipaikka'];
  const run = (list: string[], customer: string[]) =>
    matchCustomers(listFromGrid('lista.csv', H, [list]), listFromGrid('asiakkaat.csv', H, [customer]), { lang: 'fi' }).rows[0]!;

  it('a name holding the customer’s and more, at another address, with the chain’s switchboard, is asked, not removed', () => {
    const v = new Vocabulary();
    const keys = ['companyName', 'businessId', 'phone', 'streetAddress', 'postalCode', 'postOffice'] as const;
    const l = toMatchTable([...keys], [['Rautia Lahti Matinkylä', '2417517-1', '020 555 0359', 'Myllynrinne 74', '15680', 'Lahti']], v);
    const c = toMatchTable([...keys], [['Rautia Lahti', '', '+358 20 555 0359', 'Tehtaankuja 2', '15850', 'Lahti']], v);
    const vector = compareRows(l, 0, c, 0);
    expect(vector).toMatchObject({ name: 'subset', phone: 'same', address: 'different' });
    // However sure the weights (a register whose estimate makes the switchboard decisive).
    expect(decidePair(0.999, vector)).toBe('review');
    // The same branch at the customer's own address is the customer.
    expect(decidePair(0.999, { ...vector, address: 'exact' })).toBe('removed');
  });

  it('the same business id still removes it', () => {
    const r = run(
      ['Rautia Lahti Matinkylä', '2417517-1', '020 555 0359', 'Myllynrinne 74', '15680', 'Lahti'],
      ['Rautia Lahti', '2417517-1', '+358 20 555 0359', 'Tehtaankuja 2', '15850', 'Lahti'],
    );
    expect(r.outcome).toBe('removed');
  });
});
