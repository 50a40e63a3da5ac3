/**
 * Errors' locations in the user's language: "file, row, column" was English in every language
 * ("asiakkaat.csv, row 5: lainausmerkki …"). Finnish by default, English and Swedish available,
 * and said again in the reader's language where the error is shown (userMessage), also after a
 * worker thread posted it.
 */
import { UserError, formatWithLocation, reviveUserError, userErrorData, userMessage } from '../../src/core/errors';

const where = { file: 'asiakkaat.csv', row: 12, column: 'Puhelin' };

it('says file, row and column in Finnish by default, in English and in Swedish', () => {
  expect(formatWithLocation('virhe', where)).toBe("asiakkaat.csv, rivi 12, sarake 'Puhelin': virhe");
  expect(formatWithLocation('virhe', where, 'fi')).toBe("asiakkaat.csv, rivi 12, sarake 'Puhelin': virhe");
  expect(formatWithLocation('error', where, 'en')).toBe("asiakkaat.csv, row 12, column 'Puhelin': error");
  expect(formatWithLocation('fel', where, 'sv')).toBe("asiakkaat.csv, rad 12, kolumn 'Puhelin': fel");
  expect(formatWithLocation('ei sijaintia', {}, 'sv')).toBe('ei sijaintia');
  expect(formatWithLocation('vain tiedosto', { file: 'x.csv' }, 'en')).toBe('x.csv: vain tiedosto');
});

it('a UserError thrown without a language is shown in the reader\'s', () => {
  const e = new UserError('puhelinnumero puuttuu', where);
  expect(e.message).toBe("asiakkaat.csv, rivi 12, sarake 'Puhelin': puhelinnumero puuttuu");
  expect(e.text).toBe('puhelinnumero puuttuu');
  expect(userMessage(e, 'fi')).toBe("asiakkaat.csv, rivi 12, sarake 'Puhelin': puhelinnumero puuttuu");
  expect(userMessage(new UserError('no phone', where, undefined, 'en'), 'en')).toBe("asiakkaat.csv, row 12, column 'Puhelin': no phone");
  expect(userMessage(new UserError('telefon saknas', where), 'sv')).toBe("asiakkaat.csv, rad 12, kolumn 'Puhelin': telefon saknas");
});

it('keeps text, location and details across a worker thread', () => {
  const e = new UserError('puhelinnumero puuttuu', where, 'https://example.invalid/x');
  const back = reviveUserError(e.message, structuredClone(userErrorData(e)));
  expect(back).toBeInstanceOf(UserError);
  expect(back.location).toEqual(where);
  expect(back.details).toBe('https://example.invalid/x');
  expect(userMessage(back, 'sv')).toBe("asiakkaat.csv, rad 12, kolumn 'Puhelin': puhelinnumero puuttuu");
  // A sender that posts no data: the message as it came.
  expect(reviveUserError('lista.csv: jotain').message).toBe('lista.csv: jotain');
});
