/**
 * Security headers of every response. The pane runs inside Office: on the web in an iframe of
 * Office's own domains (frame-ancestors below), on desktop in a webview. It loads Office.js
 * from Microsoft's CDN and talks only to its own origin (the gateway), so the CSP allows
 * scripts from 'self' and appsforoffice.microsoft.com and connections to 'self' and that CDN.
 * Fluent UI v9 (Griffel) inserts <style> elements at run time, hence 'unsafe-inline' for
 * styles only; no inline or eval'd script is allowed.
 */
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';

/** Where Office hosts add-in panes (Excel on the web, Teams/Microsoft 365 app, SharePoint). */
export const OFFICE_FRAME_ANCESTORS = [
  'https://*.officeapps.live.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
  'https://*.sharepoint.com',
  'https://*.outlook.com',
  'https://*.live.com',
];

export function contentSecurityPolicy(extraConnect: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_CDN}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: ${OFFICE_CDN}`,
    "font-src 'self' data:",
    ['connect-src', "'self'", OFFICE_CDN, ...extraConnect].join(' '),
    `frame-src 'self' ${OFFICE_CDN}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    ['frame-ancestors', "'self'", ...OFFICE_FRAME_ANCESTORS].join(' '),
  ].join('; ');
}

/** Headers every response carries; HSTS only when the client reached us over HTTPS. */
export function securityHeaders(o: { https: boolean; extraConnect?: readonly string[] }): Record<string, string> {
  const h: Record<string, string> = {
    'content-security-policy': contentSecurityPolicy(o.extraConnect),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin-allow-popups',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  };
  if (o.https) h['strict-transport-security'] = 'max-age=31536000';
  return h;
}
