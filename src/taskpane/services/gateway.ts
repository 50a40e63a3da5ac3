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
