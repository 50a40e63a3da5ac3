import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildingsFromText, fileSource } from '../../../src/sources/buildings/file';
import { helsinkiYear } from '../../../src/sources/buildings/layouts';
import { UserError } from '../../../src/core/errors';

const dir = path.join(__dirname, '../../fixtures/buildings');
const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');

describe('helsinkiYear: the register stores local midnight as a UTC timestamp', () => {
  it.each([
    ['1988-12-30T22:00:00Z', 1988], // 31 Dec 1988 in Helsinki
    ['1987-12-31T22:00:00Z', 1988], // 1 Jan 1988 in Helsinki
    ['1975-06-14T21:00:00Z', 1975], // summer time, UTC+3
    ['1920-01-01Z', 1920], // a plain date, as Ryhti and GeoServer dates are written
    ['1962', 1962],
  ])('%s → %i', (value, year) => expect(helsinkiYear(value)).toBe(year));
  it('drops impossible dates', () => {
    expect(helsinkiYear('2999-01-01T00:00:00Z')).toBeUndefined();
    expect(helsinkiYear('1066-10-14Z')).toBeUndefined();
    expect(helsinkiYear(null)).toBeUndefined();
  });
  it('reads every UTC form the register writes as the year in Helsinki', () => {
    // The fast path (no Date) against the year of the instant in Europe/Helsinki (since 1921:
    // the city kept its own mean time before that, and the register's +2 h rule is kept there).
    const local = (iso: string) => Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Helsinki', year: 'numeric' }).format(new Date(iso)));
    for (const year of [1921, 1959, 1960, 1985, 1999, 2000, 2019]) {
      for (const [date, time] of [['12-31', '21:59:59'], ['12-31', '22:00:00'], ['12-31', '23:30'], ['01-01', '00:00:00.000'], ['06-30', '21:00:00.5'], ['12-30', '22:00:00']]) {
        const iso = `${year}-${date}T${time}Z`;
        expect([iso, helsinkiYear(iso)]).toEqual([iso, local(iso)]);
      }
    }
    expect(helsinkiYear('1988-13-01T22:00:00Z')).toBe(1988);
    expect(helsinkiYear('1988-12-31T22:00:00+02:00')).toBe(1988);
  });
});

describe('buildingsFromText: saved responses and tables in any source layout', () => {
  it('reads a saved Helsinki WFS response', () => {
    const buildings = buildingsFromText(read('helsinki-extract.json'), 'hki.json');
    expect(buildings.length).toBeGreaterThan(200);
    expect(buildings.every((b) => b.codeSystem === '1994' && b.source === 'helsinki')).toBe(true);
  });

  it('reads saved Ryhti responses of both collections and joins them', () => {
    const text = JSON.stringify([JSON.parse(read('ryhti-open_building.json')), JSON.parse(read('ryhti-open_address.json'))]);
    const buildings = buildingsFromText(text, 'ryhti.json');
    const martin = buildings.filter((b) => b.addresses.some((a) => a.streetFi === 'Martinkatu' && a.number === '7a'));
    expect(martin).toHaveLength(1);
    expect(martin[0]!.completionYear).toBe(1931);
  });

  it('reads a CSV in HSY\'s layout, treating 999999999 as missing', () => {
    const csv = 'katu,osno1,oski1,osno2,oski2,postinumero,kunta,kavu,kayttarks,kerrosten_lkm,lammitystapa_s,lammitysaine_s\n' +
      'Kielotie,16,,,,01300,Vantaa,1955,Yhden asunnon talot,999999999,Vesikeskuslämmitys,Kevyt polttoöljy\n';
    const [b] = buildingsFromText(csv, 'hsy.csv');
    expect(b).toMatchObject({ completionYear: 1955, useText: 'Yhden asunnon talot', heatingFuelText: 'Kevyt polttoöljy' });
    expect(b!.floors).toBeUndefined();
  });

  it('reads a plain Finnish table (osoite, postinumero, valmistumisvuosi)', () => {
    const csv = '\uFEFFOsoite,Postinumero,Valmistumisvuosi,Lämmitysaine\n"Mikkolantie 34a",00640,1967,Kauko- tai aluelämpö\n';
    const [b] = buildingsFromText(csv, 'oma.csv');
    expect(b!.addresses[0]).toMatchObject({ streetFi: 'Mikkolantie', number: '34a', postalCode: '00640' });
    expect(b!.completionYear).toBe(1967);
  });

  it('names the file and the columns when it cannot tell what the file is', () => {
    expect(() => buildingsFromText('a,b\n1,2\n', 'outo.csv')).toThrow(UserError);
    expect(() => buildingsFromText('a,b\n1,2\n', 'outo.csv')).toThrow(/outo\.csv.*Sarakkeet: a, b/);
    expect(() => buildingsFromText('{"type": "FeatureCollection", "features": [', 'rikki.json')).toThrow(/rikki\.json: Rakennustiedosto on rikki tai kesken, eikä sitä voi lukea \(.+\)$/);
    // Every feature is checked, not only the first ones: a bad one far down is named by its number.
    const features = Array.from({ length: 300 }, (_, i) => ({ type: 'Feature', geometry: null, properties: { vtj_prt: `1${i}X`, katunimi_suomi: 'Koivutie', osoitenumero: String(i + 1), postinumero: '00100' } }));
    (features[249]!.properties as Record<string, unknown>).osoitenumero = { value: 250 };
    expect(() => buildingsFromText(JSON.stringify({ type: 'FeatureCollection', features }), 'hki.json')).toThrow(/hki\.json.*rivi 250.*osoitenumero/);
  });

  it('a file source returns the buildings of the postal codes asked and sends nothing', async () => {
    const source = fileSource('hki.json', async () => read('helsinki-extract.json'));
    const { buildings, sent } = await source.fetchBuildings(['00410']);
    expect(sent).toEqual([]);
    expect(source.party).toBeUndefined();
    expect(buildings.length).toBeGreaterThan(10);
    expect(buildings.every((b) => b.addresses.some((a) => a.postalCode === '00410'))).toBe(true);
  });
});
