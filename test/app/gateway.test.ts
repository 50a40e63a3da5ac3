import { buildingsThroughGateway, directoryThroughGateway, throughGateway } from '../../src/app/gateway';
import { contactedOf } from '../../src/app/addBuildings';
import { helsinkiSource } from '../../src/sources/buildings/helsinki';
import { createPrhSource } from '../../src/sources/directory/prh';
import type { DirectorySource } from '../../src/sources/directory/directorySource';

const gw = { host: 'rajaus.example.fi' };

describe('the gateway in the processing log', () => {
  it('names the gateway as a processor with what it received, then the source reached through it', () => {
    const contacted = throughGateway(
      [{ party: 'Patentti- ja rekisterihallitus (PRH) (rajaus.example.fi)', sent: 'hakuehdot: postCode=33100, companyForm=OY' }],
      gw,
      'fi',
    );
    expect(contacted).toEqual([
      {
        party: 'Rajaus-palvelimen yhdyskäytävä rajaus.example.fi (käsittelijä: välitti kyselyn lähteelle; ei tallenna listaa)',
        sent: 'hakuehdot: postCode=33100, companyForm=OY',
      },
      {
        party: 'Patentti- ja rekisterihallitus (PRH) (yhdyskäytävän rajaus.example.fi kautta)',
        sent: 'hakuehdot: postCode=33100, companyForm=OY',
      },
    ]);
  });

  it("a directory search's result carries both entries; the records are the source's", async () => {
    const inner: DirectorySource = {
      ...createPrhSource({ baseUrl: 'https://rajaus.example.fi/api/prh' }),
      search: async () => ({
        records: [],
        total: 0,
        appliedLocally: [],
        contacted: [{ party: 'PRH (rajaus.example.fi)', sent: 'criteria: postCode=00100' }],
      }),
    };
    const r = await directoryThroughGateway(inner, gw, 'en').search({ kind: 'b2b' } as never);
    expect(r.contacted.map((c) => c.party)).toEqual([
      "Rajaus server's gateway rajaus.example.fi (processor: passed the query on to the source; keeps no list)",
      'PRH (through the gateway rajaus.example.fi)',
    ]);
  });

  it('a building source through the gateway: the gateway received the same postal codes', () => {
    const source = buildingsThroughGateway(helsinkiSource({ baseUrl: 'https://rajaus.example.fi/api/helsinki/wfs' }), gw, 'sv');
    expect(contactedOf(source, ['00100', '00250'], 'sv')).toEqual([
      {
        party: 'Rajaus-serverns gateway rajaus.example.fi (biträde: förmedlade frågan till källan; sparar ingen lista)',
        sent: 'postnummer 00100, 00250 (inga personadresser)',
      },
      { party: 'Helsingin kaupunki (via gatewayen rajaus.example.fi)', sent: 'postnummer 00100, 00250 (inga personadresser)' },
    ]);
    // Called directly, only the source.
    expect(contactedOf(helsinkiSource(), ['00100'], 'fi')).toHaveLength(1);
  });
});
