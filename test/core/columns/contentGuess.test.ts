/**
 * Column meaning from contents (issue 12, miss 3): "Nimi" holding company names is read as the
 * company name, a column of phone numbers under an unknown header as the phone; columns mapped
 * by hand are never guessed.
 */
import { guessColumnsFromContents } from '../../../src/core/columns/contentGuess';
import { mapHeaders } from '../../../src/core/columns/headerMapping';

const companies = ['Koivun Putki Oy Ab', 'Mäki IT-Palvelu Ky', 'Tmi Jari Koskinen', 'Hiekkalan Kyläyhdistys ry', 'Lahden Laatta Oy', 'Savon Sähkö', 'Asunto Oy Kotikatu 1', 'Oy Nordic Tech Ab', 'Rakennus Lehto Ky', 'Puutarha Virtanen Oy', 'Kahvila Aamu Oy', 'Turun Tili Oy'];
const persons = ['Virtanen Matti', 'Anna-Liisa Korhonen', 'Mäkinen Pekka', 'Laine Sari', 'Heikkinen Juha', 'Koskinen Jari', 'Järvinen Leena', 'Lehtonen Mika', 'Saarinen Tiina', 'Salminen Ville', 'Niemi Oskari', 'Hämäläinen Aino'];

describe('guessColumnsFromContents', () => {
  it('reads a "Nimi" column of company names as the company name, and a person "Nimi" as a person', () => {
    const { keys } = mapHeaders(['Nimi', 'Postinumero']);
    expect(keys[0]).toBe('fullName');
    const g = guessColumnsFromContents(keys, companies.map((n) => [n, '00100']));
    expect(g.keys[0]).toBe('companyName');
    expect(g.guesses).toEqual([{ column: 0, from: 'fullName', to: 'companyName', share: expect.any(Number) }]);
    expect(g.guesses[0]!.share).toBeGreaterThanOrEqual(0.75);
    expect(guessColumnsFromContents(keys, persons.map((n) => [n, '00100'])).keys[0]).toBe('fullName');
  });

  it('reads a company column ("Asiakas") of persons\' names as a person\'s name, and keeps one of companies', () => {
    const { keys } = mapHeaders(['Asiakas', 'Postinumero']);
    expect(keys[0]).toBe('companyName');
    const g = guessColumnsFromContents(keys, persons.map((n) => [n, '00100']));
    expect(g.keys[0]).toBe('fullName');
    expect(g.guesses).toEqual([{ column: 0, from: 'companyName', to: 'fullName', share: expect.any(Number) }]);
    expect(guessColumnsFromContents(keys, companies.map((n) => [n, '00100'])).keys[0]).toBe('companyName');
    // Not when the register has persons' names already (the column is then the employer).
    const both = mapHeaders(['Asiakas', 'Etunimi', 'Sukunimi']).keys;
    expect(guessColumnsFromContents(both, persons.map((n) => [n, 'Matti', 'Virtanen'])).keys[0]).toBe('companyName');
  });

  it('reads an unknown column of phone numbers as the phone, not one of ids or postal codes', () => {
    const { keys } = mapHeaders(['Yritys', 'Numero', 'Koodi', 'Tunnus']);
    const rows = companies.map((n, i) => [n, `040 12${i} 45${i % 10}6`, `0010${i % 10}`, `123456${i % 10}-${i % 10}`]);
    const g = guessColumnsFromContents(keys, rows);
    expect(g.keys).toEqual(['companyName', 'phone', keys[2], keys[3]]);
  });

  it('never guesses a column mapped by hand', () => {
    const { keys } = mapHeaders(['Nimi', 'Numero']);
    const rows = companies.map((n, i) => [n, `040 12${i} 4567`]);
    expect(guessColumnsFromContents(keys, rows, new Set([0, 1])).keys).toEqual(keys);
  });
});
