/**
 * The manifest as the server hands it out: every URL of the development manifest
 * (https://localhost:3000/…) rewritten to the address the add-in is served at, so that
 * sideloading or Microsoft 365 centralized deployment can point straight at
 * `<public url>/manifest.xml`. Pure: the same function serves `rajaus serve` and a build-time
 * rewrite of dist/manifest.xml.
 */

/** The address the repository's manifest.xml is written for (webpack's dev server). */
export const DEV_BASE_URL = 'https://localhost:3000/';

/**
 * `xml` with every URL under `from` moved under `baseUrl` (which must be an absolute http(s)
 * URL; a path such as https://host/rajaus/ is kept) and the AppDomain set to its origin.
 */
export function rewriteManifestUrls(xml: string, baseUrl: string, from: string = DEV_BASE_URL): string {
  const base = new URL(baseUrl);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new Error(`the manifest's base URL must be http(s), not ${baseUrl}`);
  if (base.search || base.hash) throw new Error(`the manifest's base URL must not have a query or fragment: ${baseUrl}`);
  const target = base.href.endsWith('/') ? base.href : `${base.href}/`;
  const fromOrigin = new URL(from).origin;
  // XML attribute values: & and quotes in the URL are escaped so the document stays well formed.
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return xml
    .split(from)
    .join(esc(target))
    .replace(
      new RegExp(`<AppDomain>${fromOrigin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</AppDomain>`, 'g'),
      `<AppDomain>${esc(base.origin)}</AppDomain>`,
    );
}
