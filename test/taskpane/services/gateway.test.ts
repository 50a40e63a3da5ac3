import { findGateway, gatewayBaseUrl } from '../../../src/taskpane/services/gateway';

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
