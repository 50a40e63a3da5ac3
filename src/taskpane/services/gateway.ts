/**
 * Is this pane served by `rajaus serve`? The server puts `<meta name="rajaus-gateway"
 * content="api/">` in taskpane.html (src/server/static.ts), so the answer is known at once,
 * with no request and nothing for the user to fill in. Then PRH and the building services are
 * asked through that same-origin gateway, which browsers allow without CORS; otherwise the
 * pane calls them directly, or through a proxy the user has set.
 */
import type { GatewayUse } from '../../app/gateway';

export type GatewayService = 'prh' | 'helsinki' | 'hsy' | 'ryhti';

export interface PaneGateway extends GatewayUse {
  /** Absolute URL of the gateway root, ending in '/': https://host/path/api/ */
  root: string;
}

/** The gateway that served this page, or null. */
export function findGateway(doc: Pick<Document, 'querySelector' | 'baseURI'> | undefined = globalThis.document): PaneGateway | null {
  const meta = doc?.querySelector?.('meta[name="rajaus-gateway"]');
  const content = meta?.getAttribute('content');
  if (!content) return null;
  let root: URL;
  try {
    root = new URL(content, doc!.baseURI);
  } catch {
    return null;
  }
  // Only a gateway of the page's own origin: a meta tag can never send queries elsewhere.
  if (root.origin !== new URL(doc!.baseURI).origin) return null;
  const href = root.href.endsWith('/') ? root.href : `${root.href}/`;
  return { root: href, host: root.host };
}

/** The base URL a source takes for one service behind the gateway. */
export function gatewayBaseUrl(gw: PaneGateway, service: GatewayService): string {
  return service === 'helsinki' || service === 'hsy' ? `${gw.root}${service}/wfs` : `${gw.root}${service}`;
}

/**
 * Where a source is asked, from the address the user set (a proxy or a mirror) and the gateway
 * that served the pane. Without a gateway: the user's address, else the service itself. With
 * one, the pane's CSP (src/server/headers.ts) lets it connect to its own origin only, so an
 * address on another origin could never be reached (the search would fail with "the service
 * did not answer"): the gateway is asked instead. An address on the pane's own origin is kept.
 */
export function sourceRoute(userUrl: string | undefined, gw: PaneGateway | null): { userUrl?: string; gateway: PaneGateway | null } {
  const own = userUrl?.trim() || undefined;
  if (!gw) return { userUrl: own, gateway: null };
  if (!own) return { gateway: gw };
  let origin: string;
  try {
    origin = new URL(own, gw.root).origin;
  } catch {
    return { gateway: gw };
  }
  return origin === new URL(gw.root).origin ? { userUrl: own, gateway: null } : { gateway: gw };
}
