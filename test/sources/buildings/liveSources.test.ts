import { helsinkiSource } from '../../../src/sources/buildings/helsinki';
import { hsySource } from '../../../src/sources/buildings/hsy';
import { ryhtiSource } from '../../../src/sources/buildings/ryhti';
import { UserError } from '../../../src/core/errors';
import type { BuildingRecord } from '../../../src/core/buildings/building';
import { useReplay } from './replayServer';

const replay = useReplay();

const byAddress = (bs: BuildingRecord[], street: string, number: string) =>
  bs.filter((b) => b.addresses.some((a) => a.streetFi === street && a.number === number));

describe('Helsinki WFS', () => {
  it('fetches the buildings of the list\'s postal codes only, page by page, sending nothing but postal codes', async () => {
    const source = helsinkiSource({ baseUrl: `${replay.url}/hki/wfs`, pageSize: 25 });
    const { buildings, sent } = await source.fetchBuildings(['00250', '00980']);
    expect(sent).toEqual(['00250', '00980']);
    expect(buildings.length).toBeGreaterThan(25);
    expect(buildings.every((b) => b.addresses.every((a) => a.postalCode === '00250' || a.postalCode === '00980'))).toBe(true);
    // Several pages of one query: startIndex advances by the page size.
    const starts = replay.requests.map((u) => Number(u.searchParams.get('startIndex')));
    expect(starts).toContain(25);
    for (const u of replay.requests) {
      expect(u.searchParams.get('typeNames')).toBe('avoindata:Rakennukset_alue_rekisteritiedot');
      expect(u.searchParams.get('outputFormat')).toBe('application/json');
      expect(u.searchParams.get('CQL_FILTER')).toBe("postinumero IN ('00250','00980')");
    }
  });

  it('keeps postal codes and codes as text even when the register sends numbers, and drops demolished buildings', async () => {
    const { buildings } = await helsinkiSource({ baseUrl: `${replay.url}/hki/wfs` }).fetchBuildings(['00250']);
    expect(buildings.every((b) => b.addresses[0]!.postalCode === '00250')).toBe(true);
    expect(buildings.every((b) => !b.useCode1994 || /^\d{3}$/.test(b.useCode1994))).toBe(true);
    const raw = require('../../fixtures/buildings/helsinki-extract.json').features.filter((f: any) => String(f.properties.postinumero).padStart(5, '0') === '00250');
    const demolished = raw.filter((f: any) => f.properties.tila === 'Purettu').map((f: any) => f.properties.vtj_prt);
    expect(buildings.some((b) => demolished.includes(b.id))).toBe(false);
    expect(buildings).toHaveLength(raw.length - demolished.length);
  });

  it('asks each postal code once per session (cached)', async () => {
    const source = helsinkiSource({ baseUrl: `${replay.url}/hki/wfs` });
    await source.fetchBuildings(['00250']);
    const before = replay.requests.length;
    const again = await source.fetchBuildings(['00250', '00100']);
    expect(again.sent).toEqual(['00100']);
    expect(replay.requests.slice(before).every((u) => u.searchParams.get('CQL_FILTER') === "postinumero='00100'")).toBe(true);
    expect(again.buildings.some((b) => b.addresses[0]!.postalCode === '00250')).toBe(true);
  });

  it('turns a failing service into an error a person can act on', async () => {
    replay.failNext(503);
    const source = helsinkiSource({ baseUrl: `${replay.url}/hki/wfs` });
    await expect(source.fetchBuildings(['00100'])).rejects.toThrow(UserError);
    replay.failNext(503);
    await expect(source.fetchBuildings(['00100'])).rejects.toThrow(/Helsingin kaupunki, rakennusrekisteri vastasi virheellä 503/);
  });
});

describe('HSY WFS', () => {
  it('reads katu/osno1/oski1/osno2, the year from kavu, and treats 999999999 as missing', async () => {
    const { buildings } = await hsySource({ baseUrl: `${replay.url}/hsy/wfs` }).fetchBuildings(['02210']);
    // A house and its sauna both at 3; 8 with osno2 12 is the range 8-12; 5 with oski1 a/b.
    expect(buildings.map((b) => b.addresses[0]!.number).sort()).toEqual(['3', '3', '5a', '5b', '7', '8-12', '9', '9']);
    const [fiveB] = byAddress(buildings, 'Kuusikallionkuja', '5b');
    expect(fiveB!.completionYear).toBeUndefined();
    const [fiveA] = byAddress(buildings, 'Kuusikallionkuja', '5a');
    expect(fiveA!.floors).toBeUndefined();
    expect(fiveA!.floorArea).toBeUndefined();
    expect(fiveA!.completionYear).toBe(1981);
    expect(byAddress(buildings, 'Kalevalantie', '8-12')[0]!.useText).toBe('Rivitalot');
    expect(replay.requests[0]!.searchParams.get('typeNames')).toBe('asuminen_ja_maankaytto:pks_rakennukset_paivittyva');
  });

  it('leaves out demolished buildings', async () => {
    const { buildings } = await hsySource({ baseUrl: `${replay.url}/hsy/wfs` }).fetchBuildings(['01300']);
    expect(byAddress(buildings, 'Tikkurilantie', '53')).toHaveLength(0);
    expect(byAddress(buildings, 'Tikkurilantie', '51')).toHaveLength(1);
  });
});

describe('Ryhti OGC API Features', () => {
  it('filters with CQL2 text (the service ignores unknown parameters), follows next links, joins addresses by building_key', async () => {
    const source = ryhtiSource({ baseUrl: `${replay.url}/ryhti`, pageSize: 2 });
    const { buildings, sent } = await source.fetchBuildings(['20100', '20810']);
    expect(sent).toEqual(['20100', '20810']);
    // Mikkeli's building (50100) must not come along: the filter worked.
    expect(buildings.some((b) => b.id === '203456794F')).toBe(false);
    const addressCalls = replay.requests.filter((u) => u.pathname.endsWith('/open_address/items'));
    expect(addressCalls.length).toBeGreaterThan(1); // paged through next links
    expect(addressCalls[0]!.searchParams.get('filter')).toBe("postal_code IN ('20100','20810')");
    expect(addressCalls.every((u) => u.searchParams.get('filter-lang') === 'cql2-text')).toBe(true);
    const [puolala] = byAddress(buildings, 'Puolalankatu', '3').filter((b) => b.ryhtiPurpose === '05');
    expect(puolala).toMatchObject({ completionYear: 1962, ryhtiPurpose: '05', floors: 2, codeSystem: 'ryhti', heatingFuelCode: '02' });
    expect(puolala!.addresses[0]!.streetSv).toBe('Puolalagatan');
  });

  it('keeps one record per permanent building id: the latest modification', async () => {
    const { buildings } = await ryhtiSource({ baseUrl: `${replay.url}/ryhti` }).fetchBuildings(['20810']);
    const dup = buildings.filter((b) => b.id === '103456792D');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ completionYear: 1931, heatingFuelCode: '09' });
  });

  it('reads a range address (Aurakatu 10-14) with both names', async () => {
    const { buildings } = await ryhtiSource({ baseUrl: `${replay.url}/ryhti` }).fetchBuildings(['20100']);
    expect(byAddress(buildings, 'Aurakatu', '10-14')[0]).toMatchObject({ completionYear: 1989, ryhtiPurpose: '06' });
  });
});
