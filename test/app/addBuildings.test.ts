import { addBuildings, applyBuildingFilters, joinBuildings, joinBuildingsPaused, postalCodesOf, suggestBuildingSource } from '../../src/app/addBuildings';
import type { StepContext } from '../../src/app/stepContext';
import { buildingFiltersSchema } from '../../src/core/buildings/filters';
import { CancelledError } from '../../src/core/errors';
import { listFromGrid } from '../../src/core/list/listTable';
import { defaultSettings } from '../../src/core/settings/settings';
import { helsinkiSource } from '../../src/sources/buildings/helsinki';
import { listSheet, memoryWorkbook } from '../support/memoryWorkbook';
import { useReplay } from '../sources/buildings/replayServer';

const fixture = require('../fixtures/buildings/helsinki-extract.json');
type Props = Record<string, any>;
const props: Props[] = fixture.features.map((f: any) => f.properties);
const living = props.filter((p) => p.tila !== 'Purettu');
/** A register building's address as a person would write it, with staircase and apartment. */
const written = (p: Props, suffix = ' B 12') => `${p.katunimi_suomi} ${p.osoitenumero}${suffix}`;
const code = (p: Props) => String(p.postinumero).padStart(5, '0');

// A list in two areas: detached houses in Malminkartano (00410) and flats in Taka-Töölö (00250).
const houses = living.filter((p) => code(p) === '00410' && String(p.c_kayttark).padStart(3, '0') === '011' && p.c_valmpvm).slice(0, 6);
const flats = living.filter((p) => code(p) === '00250' && String(p.c_kayttark).padStart(3, '0') === '039').slice(0, 4);
const KEYS = ['firstName', 'lastName', 'streetAddress', 'postalCode', 'phone', 'extra:Asiakasnro'];
const rows = [...houses, ...flats].map((p, i) => ['Aino', 'Virtanen', written(p, i % 2 ? '' : ' A 3'), code(p), `+35840123${String(4500 + i)}`, `K-${100 + i}`]);
rows.push(['Matti', 'Mäkinen', 'Olematon tie 5', '00410', '+358401239999', 'K-999']);

const replay = useReplay();

function context(wb: ReturnType<typeof memoryWorkbook>, signal?: AbortSignal): StepContext {
  return { workbook: wb, lang: 'fi', settings: defaultSettings(), now: () => new Date('2026-10-05T09:00:00Z'), signal };
}

describe('addBuildings', () => {
  it('joins, filters and writes the list, the filtered rows and the log in one atomic change', async () => {
    const wb = memoryWorkbook({ sheets: [listSheet('Asiakkaat 2026', KEYS, rows)] });
    const filters = buildingFiltersSchema.parse({ classes: ['detached'] });
    const result = await addBuildings(context(wb), { listSheet: 'Asiakkaat 2026', source: helsinkiSource({ baseUrl: `${replay.url}/hki/wfs` }), filters });

    expect(wb.applied).toHaveLength(1);
    const list = wb.sheet('Asiakkaat 2026')!;
    const keys = list.columns.map((c) => c.key);
    expect(keys.slice(0, KEYS.length)).toEqual(KEYS);
    expect(keys).toEqual(expect.arrayContaining(['buildingYear', 'buildingUse', 'heatingFuel', 'buildingMatch']));
    expect(list.columns.find((c) => c.key === 'buildingYear')!.header).toBe('Rakennusvuosi');
    expect(list.rows).toHaveLength(houses.length);
    expect(list.rows.every((r) => r[keys.indexOf('buildingUse')] === 'Yhden asunnon talot')).toBe(true);

    const filtered = wb.sheet(result.filteredSheet!)!;
    expect(result.filteredSheet).toBe('Rajatut rakennukset');
    expect(filtered.role).toBe('filtered');
    expect(filtered.rows).toHaveLength(flats.length + 1);
    const reasonAt = filtered.columns.findIndex((c) => c.key === 'removedBy');
    expect(filtered.rows.map((r) => r[reasonAt])).toContain('Rakennusluokka ei tiedossa');
    expect(filtered.rows.every((r) => String(r[filtered.columns.findIndex((c) => c.key === 'extra:Asiakasnro')]).startsWith('K-'))).toBe(true);

    const state = (await wb.readState())!;
    const step = state.lists[0]!.log.at(-1)!;
    expect(step).toMatchObject({ step: 'buildings', rowsIn: rows.length, rowsOut: houses.length, rowsMoved: flats.length + 1 });
    expect(step.params).toMatchObject({ source: 'helsinki', licence: 'CC BY 4.0', matchedExact: houses.length + flats.length, unmatched: 1, classes: 'detached' });
    expect(step.contacted).toEqual([{ party: expect.stringContaining('Helsingin kaupunki'), sent: 'postinumerot 00250, 00410 (ei henkilöiden osoitteita)' }]);
    expect(state.lists[0]!.sources.map((s) => s.id)).toEqual(['helsinki']);
    // The person's address never left: only the postal codes are in any request.
    for (const u of replay.requests) expect(u.toString()).not.toMatch(/Olematon|Kaarnatie|Topeliuksenkatu/);
  });

  it('appends to the filtered sheet on a second run, so rows filtered earlier are never lost', async () => {
    const wb = memoryWorkbook({ sheets: [listSheet('Lista', KEYS, rows)] });
    const source = helsinkiSource({ baseUrl: `${replay.url}/hki/wfs` });
    await addBuildings(context(wb), { listSheet: 'Lista', source, filters: { match: ['exact'] } });
    expect(wb.sheet('Rajatut rakennukset')!.rows).toHaveLength(1);
    const years = houses.map((p) => new Date(Date.parse(p.c_valmpvm) + 2 * 3600_000).getUTCFullYear()).sort();
    const cut = years[Math.floor(years.length / 2)]!;
    const second = await addBuildings(context(wb), { listSheet: 'Lista', source, filters: { yearFrom: cut } });
    const filtered = wb.sheet('Rajatut rakennukset')!;
    expect(filtered.rows).toHaveLength(1 + second.rowsFiltered);
    expect(wb.sheet('Lista')!.rows.length + filtered.rows.length).toBe(rows.length);
    expect(wb.sheets.filter((s) => s.role === 'filtered')).toHaveLength(1);
  });

  it('leaves the workbook as it was when cancelled', async () => {
    const wb = memoryWorkbook({ sheets: [listSheet('Lista', KEYS, rows)] });
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(addBuildings(context(wb, ctrl.signal), { listSheet: 'Lista', source: helsinkiSource({ baseUrl: `${replay.url}/hki/wfs` }) })).rejects.toThrow(CancelledError);
    expect(wb.applied).toHaveLength(0);
  });

  it('says what is missing when the list has no street address', async () => {
    const wb = memoryWorkbook({ sheets: [listSheet('Lista', ['fullName', 'phone'], [['Aino Virtanen', '+358401234567']])] });
    await expect(addBuildings(context(wb), { listSheet: 'Lista', source: helsinkiSource({ baseUrl: `${replay.url}/hki/wfs` }) })).rejects.toThrow(/Katuosoite/);
  });
});

describe('joinBuildings and filters (pure)', () => {
  const list = listFromGrid('lista.csv', ['Nimi', 'Osoite', 'Postinumero'], [['Aino', 'Kielotie 16', '01300'], ['Ville', 'Kielotie 14 B 2', '01300']]);
  const buildings = [
    { id: '1', source: 'hsy', addresses: [{ streetFi: 'Kielotie', number: '16', postalCode: '01300' }], completionYear: 1955, useText: 'Yhden asunnon talot', heatingFuelText: 'Kevyt polttoöljy' },
    { id: '2', source: 'hsy', addresses: [{ streetFi: 'Kielotie', number: '14', postalCode: '01300' }], completionYear: 1991, useText: 'Liikerakennukset', heatingFuelText: 'Kauko- tai aluelämpö' },
  ];

  it('passes HSY text through and filters oil-heated detached houses built 1950–1970', () => {
    const { list: joined, matches, summary } = joinBuildings(list, buildings, 'en');
    expect(summary.byLevel).toEqual({ exact: 2, 'street-number': 0, none: 0 });
    expect(joined.headers.slice(3)).toEqual(['Building year', 'Building use', 'Building class 2018', 'Floors', 'Heating method', 'Heating fuel', 'Building material', 'Building match']);
    const { kept, filtered } = applyBuildingFilters(joined, matches, { yearFrom: 1950, yearTo: 1970, classes: ['detached'], fuels: ['oil'] }, 'en', new Date('2026-10-05T09:00:00Z'));
    expect(kept.rows.map((r) => r[0])).toEqual(['Aino']);
    expect(filtered.rows[0]!.at(-1)).toBe('Completion year 1991 is not within 1950–1970');
  });

  it('joins the same in pieces for the pane, handing the thread back between them and hearing a cancel (issue 13)', async () => {
    const many = listFromGrid('iso', ['Nimi', 'Osoite', 'Postinumero'], Array.from({ length: 100_000 }, (_, i) => [`N${i}`, `Kielotie ${i % 2 ? 14 : 16}`, '01300']));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const paused = await joinBuildingsPaused(many, buildings, 'fi');
    clearInterval(timer);
    expect(paused).toEqual(joinBuildings(many, buildings, 'fi'));
    // Timers ran while it joined: it gave the thread back (the join itself takes well over 50 ms).
    expect(ticks).toBeGreaterThan(0);
    const ctl = new AbortController();
    ctl.abort();
    await expect(joinBuildingsPaused(many, buildings, 'fi', ctl.signal)).rejects.toBeInstanceOf(CancelledError);
  });

  it('tells the pane how far the join is: 0 before its first piece, then the rows joined at each pause', async () => {
    const many = listFromGrid('iso', ['Nimi', 'Osoite', 'Postinumero'], Array.from({ length: 20_000 }, (_, i) => [`N${i}`, `Kielotie ${i % 2 ? 14 : 16}`, '01300']));
    const seen: [number, number][] = [];
    const joined = await joinBuildingsPaused(many, buildings, 'fi', undefined, (done, total) => seen.push([done, total]));
    expect(joined.summary.rows).toBe(20_000);
    expect(seen[0]).toEqual([0, 20_000]);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]![1]).toBe(20_000);
      expect(seen[i]![0]).toBeGreaterThan(seen[i - 1]![0]);
      expect(seen[i]![0]).toBeLessThanOrEqual(20_000);
    }
    // A cancel clicked while "0" shows is heard before the first piece.
    const ctl = new AbortController();
    await expect(joinBuildingsPaused(many, buildings, 'fi', ctl.signal, () => ctl.abort())).rejects.toBeInstanceOf(CancelledError);
  });

  it('reads postal codes from the column or, failing that, from the address text', () => {
    const l = listFromGrid('l', ['Osoite', 'Postinumero'], [['Kielotie 16', '1300'], ['Mannerheimintie 5, 00100 Helsinki', null]]);
    expect(postalCodesOf(l)).toEqual(['00100', '01300']);
  });
});

describe('suggestBuildingSource', () => {
  it('suggests Helsinki for Helsinki codes, HSY for the capital region and Ryhti elsewhere', () => {
    expect(suggestBuildingSource(['00250', '00980'])).toBe('helsinki');
    expect(suggestBuildingSource(['00250', '02210', '01300'])).toBe('hsy');
    expect(suggestBuildingSource(['00250', '20100'])).toBe('ryhti');
    expect(suggestBuildingSource([])).toBe('ryhti');
  });
});
