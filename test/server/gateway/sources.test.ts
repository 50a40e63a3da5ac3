/**
 * Rajaus's own clients through the gateway: every query the PRH, Helsinki, HSY and Ryhti sources
 * send passes the gateway's allow-list unchanged (Ryhti's paging links included), and the
 * buildings and companies that come back are the same as from the service itself.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRajausServer, type RunningServer } from '../../../src/server/server';
import { clearBuildingCache } from '../../../src/sources/buildings/cache';
import { helsinkiSource } from '../../../src/sources/buildings/helsinki';
import { hsySource } from '../../../src/sources/buildings/hsy';
import { ryhtiSource } from '../../../src/sources/buildings/ryhti';
import { createPrhSource, resetPrhThrottle } from '../../../src/sources/directory/prh';
import { startReplay, type Replay } from '../../sources/buildings/replayServer';
import { generateCompanies } from '../../fixtures/prh/generate';
import { startFakePrh, type FakePrh } from '../../fixtures/prh/fakePrhServer';

const DIST = mkdtempSync(join(tmpdir(), 'rajaus-gw-src-'));
writeFileSync(join(DIST, 'taskpane.html'), '<!doctype html><html><head></head><body></body></html>');

let replay: Replay;
let prh: FakePrh;
let server: RunningServer;
const logs: string[] = [];

beforeAll(async () => {
  replay = await startReplay();
  prh = await startFakePrh(generateCompanies({ count: 300, seed: 7 }));
  server = await startRajausServer({
    port: 0,
    distDir: DIST,
    log: (l) => logs.push(l),
    gateway: {
      upstreams: { prh: prh.base, helsinki: `${replay.url}/hki/wfs`, hsy: `${replay.url}/hsy/wfs`, ryhti: `${replay.url}/ryhti` },
      prhPerMinute: 60_000,
    },
  });
});
afterAll(async () => {
  await server.close();
  await replay.close();
  await prh.close();
});
beforeEach(() => {
  clearBuildingCache();
  resetPrhThrottle();
});

const ids = (bs: { id: string }[]) => bs.map((b) => b.id).sort();
const refused = () => logs.filter((l) => /gateway GET \S+ 4\d\d/.test(l));

describe('the sources through the gateway', () => {
  it('Helsinki WFS (paged, field list): the same buildings as directly', async () => {
    const direct = await helsinkiSource({ baseUrl: `${replay.url}/hki/wfs`, pageSize: 25 }).fetchBuildings(['00250', '00410', '00980']);
    clearBuildingCache();
    const via = await helsinkiSource({ baseUrl: `${server.url}/api/helsinki/wfs`, pageSize: 25 }).fetchBuildings([
      '00250',
      '00410',
      '00980',
    ]);
    expect(via.buildings.length).toBeGreaterThan(0);
    expect(ids(via.buildings)).toEqual(ids(direct.buildings));
    expect(refused()).toEqual([]);
  });

  it('HSY WFS: the same buildings as directly', async () => {
    const direct = await hsySource({ baseUrl: `${replay.url}/hsy/wfs` }).fetchBuildings(['02210', '01300']);
    clearBuildingCache();
    const via = await hsySource({ baseUrl: `${server.url}/api/hsy/wfs` }).fetchBuildings(['02210', '01300']);
    expect(via.buildings.length).toBeGreaterThan(0);
    expect(ids(via.buildings)).toEqual(ids(direct.buildings));
    expect(refused()).toEqual([]);
  });

  it('Ryhti OGC API: addresses by postal code, buildings by key, following next links through the gateway', async () => {
    const direct = await ryhtiSource({ baseUrl: `${replay.url}/ryhti`, pageSize: 2 }).fetchBuildings(['20100', '20810']);
    clearBuildingCache();
    const before = replay.requests.length;
    const via = await ryhtiSource({ baseUrl: `${server.url}/api/ryhti`, pageSize: 2 }).fetchBuildings(['20100', '20810']);
    expect(via.buildings.length).toBeGreaterThan(0);
    expect(ids(via.buildings)).toEqual(ids(direct.buildings));
    // Paged: more than one address page, each asked by the gateway (the links were rewritten).
    expect(replay.requests.slice(before).filter((u) => u.pathname.endsWith('/open_address/items')).length).toBeGreaterThan(1);
    expect(refused()).toEqual([]);
  });

  it('PRH companies by postal codes and company form: the same companies as directly', async () => {
    const criteria = { kind: 'b2b' as const, area: { postalCodes: ['33100', '00100'] }, companyForms: ['OY'] };
    const direct = await createPrhSource({ baseUrl: prh.base, minIntervalMs: 0 }).search(criteria);
    const via = await createPrhSource({ baseUrl: `${server.url}/api/prh`, minIntervalMs: 0 }).search(criteria);
    expect(via.records.length).toBeGreaterThan(0);
    expect(via.records.map((r) => r.businessId)).toEqual(direct.records.map((r) => r.businessId));
    expect(refused()).toEqual([]);
  });
});
