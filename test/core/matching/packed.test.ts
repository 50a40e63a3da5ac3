/**
 * The match tables as they cross between the CLI's two threads: what arrives must compare,
 * block and decide exactly as what was sent, in another thread's vocabulary.
 */
import { listFromGrid } from '../../../src/core/list/listTable';
import { BlockIndex, blockingKeys } from '../../../src/core/matching/blocking';
import { compareRows } from '../../../src/core/matching/comparison';
import { linkRange, linkTables } from '../../../src/core/matching/engine';
import { packRows, packTable, unpackTable } from '../../../src/core/matching/packedTable';
import { toMatchTable, Vocabulary, type MatchTable } from '../../../src/core/matching/record';
import { generateCompanies, generatePersons } from '../../fixtures/matching/generate';

function tables(set: ReturnType<typeof generateCompanies>) {
  const list = listFromGrid('lista.csv', set.list.headers, set.list.rows);
  const customers = listFromGrid('asiakkaat.csv', set.customers.headers, set.customers.rows);
  return { list, customers };
}

/** A generated list and register of `n` rows each, normalized with one vocabulary. */
function normalized(seed: number, n: number) {
  const { list, customers } = tables(generateCompanies({ seed, customers: n, list: n }));
  const vocabulary = new Vocabulary();
  return {
    list,
    customers,
    ct: toMatchTable(customers.keys, customers.rows, vocabulary),
    lt: toMatchTable(list.keys, list.rows, vocabulary),
  };
}

/** A vocabulary that has seen other strings first, so its ids differ from the sender's. */
function otherVocabulary(): Vocabulary {
  const v = new Vocabulary();
  for (const s of ['mannerheimintie', 'helsinki', 'B 12', 'tampere', 'hameenkatu']) v.id(s);
  return v;
}

/** Row i of a table in words, vocabulary ids resolved: what must survive the crossing. */
function rowOf(t: MatchTable, i: number) {
  const text = (id: number) => (id < 0 ? null : t.text(id));
  return {
    businessId: t.businessId[i],
    phone: t.phone[i],
    email: t.email[i],
    emailDomain: t.emailDomain[i],
    companyWords: t.companyWords[i],
    compact: t.compact[i],
    legalForm: t.legalForm[i],
    personWords: t.personWords[i],
    street: text(t.street[i]!),
    house: t.house[i],
    unit: text(t.unit[i]!),
    postalCode: t.postalCode[i],
    town: text(t.town[i]!),
  };
}

describe('a packed match table', () => {
  it.each([
    ['companies', generateCompanies({ seed: 21, customers: 800, list: 800 })],
    ['persons', generatePersons({ seed: 22, customers: 800, list: 800 })],
  ])('arrives with the same values, keys and comparisons in another vocabulary (%s)', (_kind, set) => {
    const { list, customers } = tables(set);
    const sent = toMatchTable(customers.keys, customers.rows);
    const { packed } = packTable(sent, 100, 700);
    const got = unpackTable(packed, otherVocabulary());
    expect(got.size).toBe(600);
    for (let i = 0; i < got.size; i++) {
      expect(rowOf(got, i)).toEqual(rowOf(sent, 100 + i));
      // Blocking keys are made of strings' hashes, not of vocabulary ids: the two threads'
      // keys must meet in one index.
      expect(blockingKeys(got, i)).toEqual(blockingKeys(sent, 100 + i));
    }
    // The whole register, as the CLI's worker sends it: the same comparisons, the frequency of
    // an exact name (which is the whole table's) included.
    const whole = unpackTable(packTable(sent).packed, otherVocabulary());
    const listHere = toMatchTable(list.keys, list.rows, whole.vocabulary);
    const listThere = toMatchTable(list.keys, list.rows, sent.vocabulary);
    for (let r = 0; r < 200; r++) {
      for (let c = 0; c < 800; c += 37) expect(compareRows(listHere, r, whole, c)).toEqual(compareRows(listThere, r, sent, c));
    }
  });

  it('sends each distinct word and person once, and rows of one person share one array again', () => {
    const rows = [
      ['Kivi Oy', 'matti@kivi.fi', 'Matti Virtanen'],
      ['Kivi ja Puu Ky', 'anna@kivi.fi', 'Matti Virtanen'],
      ['', 'x@gmail.com', 'Aino Haapalahti'],
      ['Puu Oy', '', 'Matti Virtanen'],
      ['', '', ''],
      ['Oy', 'bad address', 'Virtanen Matti'],
    ];
    const sent = toMatchTable(['companyName', 'email', 'fullName'], rows);
    const { packed } = packTable(sent);
    expect([...packed.words].sort()).toEqual(['aino', 'haapalahti', 'kivi', 'matti', 'puu', 'virtanen']);
    // Two names: "Matti Virtanen" (three rows) and "Aino Haapalahti"; "Virtanen Matti" is a third.
    expect(packed.personStart.length - 1).toBe(3);
    const got = unpackTable(packed, otherVocabulary());
    for (let i = 0; i < rows.length; i++) expect(rowOf(got, i)).toEqual(rowOf(sent, i));
    expect(got.personWords[1]).toBe(got.personWords[0]);
    expect(got.personWords[3]).toBe(got.personWords[0]);
    // The receiver's one copy of each word (Vocabulary.word).
    const there = otherVocabulary();
    const a = unpackTable(packed, there);
    const b = unpackTable(packTable(sent, 3, 4).packed, there);
    expect(b.companyWords[0]![0]).toBe(a.companyWords[3]![0]);
    expect([a.emailDomain[0], a.emailDomain[1], a.emailDomain[2]]).toEqual(['kivi.fi', 'kivi.fi', null]);
    expect(b.personWords[0]).toEqual(a.personWords[0]);
  });

  it("brings the whole table's name frequencies as the receiver would count them, and a part's none", () => {
    const { customers } = tables(generatePersons({ seed: 26, customers: 600, list: 10 }));
    const sent = toMatchTable(customers.keys, customers.rows);
    const { packed } = packTable(sent);
    expect(packed.nameFrequency).not.toBeNull();
    const got = unpackTable(packed, otherVocabulary());
    // Counted again from the rows that arrived (the same packed rows, without the sender's counts).
    const counted = unpackTable({ ...packTable(sent).packed, nameFrequency: null }, otherVocabulary());
    expect([...got.nameFrequencies()]).toEqual([...counted.nameFrequencies()]);
    expect(got.nameFrequencies().some((f) => f > 0 && f < 1)).toBe(true);
    // A part of the table has its own frequencies, not the whole table's: none are sent.
    const part = packTable(sent, 0, 300).packed;
    expect(part.nameFrequency).toBeNull();
    expect(packRows(sent, [5, 6, 7]).packed.nameFrequency).toBeNull();
    const partHere = unpackTable(part, otherVocabulary());
    expect(partHere.nameFrequency(0)).toBe(toMatchTable(customers.keys, customers.rows.slice(0, 300)).nameFrequency(0));
  });

  it.each([
    ['companies', generateCompanies({ seed: 27, customers: 400, list: 10 })],
    ['persons', generatePersons({ seed: 28, customers: 400, list: 10 })],
  ])('arrives the same with its name words as text, as the rows the main thread sends (%s)', (_kind, set) => {
    const { customers } = tables(set);
    const sent = toMatchTable(customers.keys, customers.rows);
    const rows = Array.from({ length: 150 }, (_, k) => (k * 7) % sent.size);
    const { packed } = packRows(sent, rows);
    expect(packed.names).toBe('text');
    const got = unpackTable(packed, otherVocabulary());
    rows.forEach((r, k) => expect(rowOf(got, k)).toEqual(rowOf(sent, r)));
    const asText = unpackTable(packTable(sent, 0, sent.size, { names: 'text' }).packed, otherVocabulary());
    const indexed = unpackTable(packTable(sent).packed, otherVocabulary());
    for (let i = 0; i < sent.size; i++) {
      expect(rowOf(asText, i)).toEqual(rowOf(sent, i));
      expect(rowOf(indexed, i)).toEqual(rowOf(sent, i));
      expect(asText.nameFrequency(i)).toBe(sent.nameFrequency(i));
    }
  });

  it('leaves the table it was made from usable (its columns are copied, not moved)', () => {
    const { customers } = tables(generateCompanies({ seed: 23, customers: 50, list: 50 }));
    const t = toMatchTable(customers.keys, customers.rows);
    const before = rowOf(t, 10);
    const { transfer } = packTable(t);
    structuredClone(transfer, { transfer });
    expect(rowOf(t, 10)).toEqual(before);
  });
});

describe('decisions in another thread', () => {
  it('of a range of the list, linked there, are those of the whole list', () => {
    const { customers, lt, ct } = normalized(25, 1000);
    const whole = linkTables(lt, ct);
    // The other thread: its own vocabulary, the customers as it read them, the rows it was sent.
    const there = new Vocabulary();
    const theirCustomers = toMatchTable(customers.keys, customers.rows, there);
    const theirRows = unpackTable(packTable(lt, 400, 1000).packed, there);
    const theirs = linkRange(theirRows, new BlockIndex(theirCustomers), 0, theirRows.size);
    // This thread links the first part with the other thread's index of the customers.
    const theirIndex = new BlockIndex(theirCustomers);
    const ours = linkRange(lt, new BlockIndex(ct, theirIndex.arrays), 0, 400);
    expect([...ours, ...theirs]).toEqual(whole);
  });
});
