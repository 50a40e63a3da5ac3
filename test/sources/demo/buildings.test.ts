import { demoBuildings, demoBuildingsAsHelsinkiWfs, helsinkiMidnightUtc } from '../../../src/sources/demo/buildings';
import { consumerAddress } from '../../../src/sources/demo/consumers';
import { demoDirectory } from '../../../src/sources/demo/directory';
import { buildingIdCheck } from '../../../src/sources/demo/places';

const buildings = demoBuildings();

describe('demo buildings', () => {
  it('exist for the addresses of consumers in the capital region', () => {
    const keys = new Set(buildings.flatMap((b) => b.addresses.map((a) => `${a.streetFi}|${a.number}|${a.postalCode}`)));
    const capital = demoDirectory().consumers.filter((p) => ['Helsinki', 'Espoo', 'Vantaa', 'Kauniainen'].includes(p.area.municipalityFi));
    expect(capital.length).toBeGreaterThan(10_000);
    const missing = capital.filter((p) => !keys.has(`${p.building.street.fi}|${p.building.number}|${p.area.code}`));
    expect(missing).toHaveLength(0);
    // And the building's address is a prefix of what the consumer's address says.
    expect(capital.every((p) => consumerAddress(p).street.startsWith(`${p.building.street.fi} ${p.building.number}`))).toBe(true);
  });

  it('carry permanent building ids with their check character, none twice', () => {
    const ids = buildings.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^\d{9}[0-9A-Y]$/.test(id) || buildingIdCheck(id.slice(0, 9)) !== id[9])).toEqual([]);
  });

  it('keep use class, 2018 class and floors consistent with each other', () => {
    const pairs: Record<string, string[]> = { '011': ['0110'], '012': ['0111'], '021': ['0112'], '022': ['0112'], '032': ['0120', '0121'], '151': ['0400'], '119': ['0319'], '691': ['0910'], '931': ['1910'], '941': ['1911'] };
    const wrong = buildings.filter((b) => !pairs[b.useCode1994!]?.includes(b.class2018!) || (b.useCode1994 === '011' && b.floors! > 2) || (b.useCode1994 === '032' && b.floors! < 3) || b.completionYear! < 1900 || b.completionYear! > 2025);
    expect(wrong).toEqual([]);
  });

  it('heat blocks of flats with district heat and many 1960–1985 houses with oil', () => {
    const blocks = buildings.filter((b) => b.useCode1994 === '032');
    expect(blocks.filter((b) => b.heatingFuelCode === '1').length / blocks.length).toBeGreaterThan(0.85);
    const oldHouses = buildings.filter((b) => b.useCode1994 === '011' && b.completionYear! >= 1960 && b.completionYear! <= 1985);
    expect(oldHouses.length).toBeGreaterThan(50);
    expect(oldHouses.filter((b) => b.heatingFuelCode === '2').length / oldHouses.length).toBeGreaterThan(0.3);
    const newHouses = buildings.filter((b) => b.useCode1994 === '011' && b.completionYear! >= 2005);
    expect(newHouses.filter((b) => b.heatingFuelCode === '9').length / newHouses.length).toBeGreaterThan(0.4);
  });

  it('have Swedish street names in the bilingual capital region, letters and ranges in numbers, and saunas beside some houses', () => {
    const espoo = buildings.filter((b) => b.addresses[0]!.municipality === 'Espoo');
    expect(espoo.every((b) => !!b.addresses[0]!.streetSv)).toBe(true);
    expect(buildings.some((b) => /^\d+[a-d]$/.test(b.addresses[0]!.number))).toBe(true);
    expect(buildings.some((b) => /^\d+-\d+$/.test(b.addresses[0]!.number))).toBe(true);
    const saunas = buildings.filter((b) => b.useCode1994 === '931');
    expect(saunas.length).toBeGreaterThan(10);
    const mains = new Set(buildings.filter((b) => b.useCode1994 === '011').map((b) => JSON.stringify(b.addresses[0])));
    expect(saunas.every((s) => mains.has(JSON.stringify(s.addresses[0])))).toBe(true);
  });
});

describe('Helsinki WFS layout', () => {
  it('writes local midnight in Helsinki as a UTC timestamp, summer time included', () => {
    expect(helsinkiMidnightUtc('1988-12-31')).toBe('1988-12-30T22:00:00Z');
    expect(helsinkiMidnightUtc('1988-07-01')).toBe('1988-06-30T21:00:00Z');
    expect(helsinkiMidnightUtc('1975-07-01')).toBe('1975-06-30T22:00:00Z');
    expect(helsinkiMidnightUtc('2024-01-01')).toBe('2023-12-31T22:00:00Z');
  });

  it('holds the Helsinki buildings only, with text codes as the city writes them', () => {
    const fc = demoBuildingsAsHelsinkiWfs();
    const helsinki = buildings.filter((b) => b.addresses[0]!.municipality === 'Helsinki');
    expect(fc.features).toHaveLength(helsinki.length);
    const byId = new Map(helsinki.map((b) => [b.id, b]));
    for (const f of fc.features.slice(0, 2000)) {
      const p = f.properties;
      const b = byId.get(String(p.vtj_prt))!;
      expect(p.katunimi_suomi).toBe(b.addresses[0]!.streetFi);
      expect(p.katunimi_ruotsi).toBe(b.addresses[0]!.streetSv);
      expect(p.osoitenumero).toBe(b.addresses[0]!.number);
      expect(p.postinumero).toMatch(/^00\d{3}$/);
      expect(p.c_kayttark).toBe(b.useCode1994);
      expect(p.c_rakennusluokka).toBe(b.class2018);
      expect(p.i_kerrlkm).toBe(b.floors);
      // The year in Helsinki time is the record's year, even for 1 January completions.
      const local = new Date(Date.parse(String(p.c_valmpvm)) + 3 * 3_600_000);
      expect(local.getUTCFullYear()).toBe(b.completionYear);
    }
    expect(fc.features.some((f) => String(f.properties.c_valmpvm).includes('-12-31T2'))).toBe(true);
  });
});
