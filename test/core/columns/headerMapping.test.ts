import { mapHeaders, normalizeHeader, parseMapOverrides } from '../../../src/core/columns/headerMapping';
import { CATALOGUE, displayHeader, headerOf } from '../../../src/core/columns/catalogue';

describe('header mapping from Finnish, Swedish and English names', () => {
  it('maps the headers a Finnish user types to catalogue keys', () => {
    const { keys } = mapHeaders(['Asiakasnumero', 'Yritys', 'Y-tunnus', 'Puh.', 'Lähiosoite', 'Postinro', 'Postitoimipaikka', 'Sähköposti']);
    expect(keys).toEqual(['extra:Asiakasnumero', 'companyName', 'businessId', 'phone', 'streetAddress', 'postalCode', 'postOffice', 'email']);
  });

  it('maps Swedish and English synonyms', () => {
    expect(mapHeaders(['FO-nummer', 'Telefon', 'Postnummer', 'Företag']).keys).toEqual(['businessId', 'phone', 'postalCode', 'companyName']);
    expect(mapHeaders(['Business ID', 'Phone', 'Postal code', 'Company', 'E-mail']).keys).toEqual([
      'businessId',
      'phone',
      'postalCode',
      'companyName',
      'email',
    ]);
  });

  it('reads back every header the catalogue writes, in every language', () => {
    for (const lang of ['fi', 'en', 'sv'] as const) {
      const headers = CATALOGUE.map((c) => headerOf(c.key, lang));
      expect(mapHeaders(headers).keys).toEqual(CATALOGUE.map((c) => c.key));
    }
  });

  it('keeps a second column of the same meaning as the user’s own column, so nothing is lost', () => {
    const { keys } = mapHeaders(['Puhelin', 'Puh. työ']);
    expect(keys[0]).toBe('phone');
    expect(keys[1]).toBe('extra:Puh. työ');
    expect(displayHeader(keys[1]!, 'fi')).toBe('Puh. työ');
  });

  it('ignores case, punctuation and spacing', () => {
    expect(normalizeHeader('  PUH. ')).toBe(normalizeHeader('puh'));
    expect(mapHeaders(['POSTINRO.']).keys).toEqual(['postalCode']);
  });

  it('reads a second address line under the names registers give it, in Finnish, Swedish and English', () => {
    const seconds = [
      'Osoitteen lisätieto',
      'Lisäosoite',
      'Osoite 2',
      'Osoiterivi 2',
      'c/o',
      'C/O-osoite',
      'Adressrad 2',
      'Adresstillägg',
      'Address line 2',
      'Address 2',
      'Address_2',
      'Address2',
      'Street 2',
    ];
    for (const h of seconds) expect([h, mapHeaders(['Katuosoite', h]).keys]).toEqual([h, ['streetAddress', 'addressLine2']]);
    // Numbered lines: the first is the street, the second its extra line.
    expect(mapHeaders(['Osoite 1', 'Osoite 2']).keys).toEqual(['streetAddress', 'addressLine2']);
    expect(mapHeaders(['Address line 1', 'Address line 2']).keys).toEqual(['streetAddress', 'addressLine2']);
    expect(mapHeaders(['Adressrad 1', 'Adressrad 2']).keys).toEqual(['streetAddress', 'addressLine2']);
    // The plain address is still the street.
    expect(mapHeaders(['Osoite', 'Address']).keys).toEqual(['streetAddress', 'extra:Address']);
    expect(headerOf('addressLine2', 'fi')).toBe('Osoitteen lisätieto');
    expect(headerOf('addressLine2', 'sv')).toBe('Adressrad 2');
  });

  it('lets --map override the automatic choice and rejects unknown keys and columns', () => {
    const overrides = parseMapOverrides(['Numero=phone']);
    expect(mapHeaders(['Numero', 'Puhelin'], overrides).keys).toEqual(['phone', 'extra:Puhelin']);
    expect(() => parseMapOverrides(['Numero=telephone'])).toThrow(/unknown key 'telephone'/);
    expect(() => parseMapOverrides(['Numero'])).toThrow(/column=key/);
    expect(() => mapHeaders(['Puhelin'], { Numero: 'phone' }, 'asiakkaat.csv')).toThrow(/asiakkaat.csv.*not in the file: 'numero'/);
  });
});
