/**
 * When the pane is served by `rajaus serve`, its PRH and building queries go through the
 * server's same-origin gateway (src/server/gateway/). The gateway then receives what the
 * source receives (the criteria, or postal codes) and is a processor in its own right: the
 * notes name it beside the source, with what it received. These wrappers say so in the
 * `contacted` entries of the processing log; the sources themselves only get its base URL.
 */
import { defineMessages, type Lang } from '../core/i18n/lang';
import type { BuildingSource } from '../sources/buildings/source';
import type { DirectorySource, SearchResult } from '../sources/directory/directorySource';

const t = defineMessages({
  fi: {
    gateway: 'Rajaus-palvelimen yhdyskäytävä {host} (käsittelijä: välitti kyselyn lähteelle; ei tallenna listaa)',
    via: 'yhdyskäytävän {host} kautta',
  },
  en: {
    gateway: "Rajaus server's gateway {host} (processor: passed the query on to the source; keeps no list)",
    via: 'through the gateway {host}',
  },
  sv: {
    gateway: 'Rajaus-serverns gateway {host} (biträde: förmedlade frågan till källan; sparar ingen lista)',
    via: 'via gatewayen {host}',
  },
});

/** The gateway as the pane found it: its host as users reach it. */
export interface GatewayUse {
  host: string;
}

/** The gateway as a party: the entry the notes show for it. */
export function gatewayParty(gw: GatewayUse, lang: Lang): string {
  return t(lang, 'gateway', { host: gw.host });
}

/** A source's party as reached through the gateway: "PRH (avoindata…)" is not who was asked. */
function viaGateway(party: string, gw: GatewayUse, lang: Lang): string {
  const suffix = `(${gw.host})`;
  const base = party.endsWith(suffix) ? party.slice(0, -suffix.length).trimEnd() : party;
  return `${base} (${t(lang, 'via', { host: gw.host })})`;
}

/** Each contact through the gateway becomes two: the gateway, then the source, each with what was sent. */
export function throughGateway(contacted: SearchResult['contacted'], gw: GatewayUse, lang: Lang): SearchResult['contacted'] {
  return contacted.flatMap((c) => [
    { party: gatewayParty(gw, lang), sent: c.sent },
    { party: viaGateway(c.party, gw, lang), sent: c.sent },
  ]);
}

export function directoryThroughGateway(source: DirectorySource, gw: GatewayUse, lang: Lang): DirectorySource {
  return {
    ...source,
    count: (criteria, opts) => source.count(criteria, opts),
    search: async (criteria, opts) => {
      const r = await source.search(criteria, opts);
      return { ...r, contacted: throughGateway(r.contacted, gw, lang) };
    },
  };
}

export function buildingsThroughGateway(source: BuildingSource, gw: GatewayUse, lang: Lang): BuildingSource {
  if (!source.party) return source;
  return { ...source, party: viaGateway(source.party, gw, lang), relayedBy: gatewayParty(gw, lang) };
}
