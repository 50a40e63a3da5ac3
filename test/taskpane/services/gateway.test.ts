import { findGateway, gatewayBaseUrl, sourceRoute } from '../../../src/taskpane/services/gateway';

/** The part of a document findGateway reads: the meta tag `rajaus serve` injects, and the page's URL. */
function page(url: string, meta?: string) {
  return {
    baseURI: url,
    querySelector: (sel: string) => (meta !== undefined && sel === 'meta[name="rajaus-gateway"]' ? { getAttribute: () => meta } : null),
  } as unknown as Document;
}

describe('findGateway', () => {
  it('finds the gateway of the server that served the pane, under the path it is served at', () => {
    const gw = findGateway(page('https://tools.example.fi/rajaus/taskpane.html', 'api/'))!;
    expect(gw).toEqual({ root: 'https://tools.example.fi/rajaus/api/', host: 'tools.example.fi' });
    expect(gatewayBaseUrl(gw, 'prh')).toBe('https://tools.example.fi/rajaus/api/prh');
    expect(gatewayBaseUrl(gw, 'helsinki')).toBe('https://tools.example.fi/rajaus/api/helsinki/wfs');
    expect(gatewayBaseUrl(gw, 'hsy')).toBe('https://tools.example.fi/rajaus/api/hsy/wfs');
    expect(gatewayBaseUrl(gw, 'ryhti')).toBe('https://tools.example.fi/rajaus/api/ryhti');
  });

  it('is null without the meta tag (the dev server, another host): the pane calls directly or via the user’s proxy', () => {
    expect(findGateway(page('https://localhost:3000/taskpane.html'))).toBeNull();
    expect(findGateway(undefined)).toBeNull();
  });

  it('never follows a meta tag to another origin', () => {
    expect(findGateway(page('https://tools.example.fi/taskpane.html', 'https://evil.example/api/'))).toBeNull();
    expect(findGateway(page('https://tools.example.fi/taskpane.html', '//evil.example/api/'))).toBeNull();
  });
});

describe('sourceRoute', () => {
  const gw = findGateway(page('https://tools.example.fi/rajaus/taskpane.html', 'api/'))!;

  it('without a gateway: the address the user set, else none (the service itself)', () => {
    expect(sourceRoute('https://proxy.example.fi/prh', null)).toEqual({ userUrl: 'https://proxy.example.fi/prh', gateway: null });
    expect(sourceRoute('  ', null)).toEqual({ userUrl: undefined, gateway: null });
    expect(sourceRoute(undefined, null)).toEqual({ userUrl: undefined, gateway: null });
  });

  it('served by a gateway: the gateway, also over an address on another origin, which the pane’s CSP would block', () => {
    expect(sourceRoute(undefined, gw)).toEqual({ gateway: gw });
    expect(sourceRoute('https://proxy.example.fi/prh', gw)).toEqual({ gateway: gw });
    expect(sourceRoute('http://tools.example.fi/prh', gw)).toEqual({ gateway: gw });
  });

  it('served by a gateway: an address on the pane’s own origin is the user’s choice', () => {
    expect(sourceRoute('https://tools.example.fi/mirror/prh', gw)).toEqual({
      userUrl: 'https://tools.example.fi/mirror/prh',
      gateway: null,
    });
  });
});
