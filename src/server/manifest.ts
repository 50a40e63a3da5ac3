/**
 * The manifest as the server hands it out: every URL of the development manifest
 * (https://localhost:3000/…) rewritten to the address the add-in is served at, so that
 * sideloading or Microsoft 365 centralized deployment can point straight at
 * `<public url>/manifest.xml`. The rewriting itself is the production build's
 * (scripts/manifestUrls.js, moveManifestUrls): one rewriter for `npm run build:prod` and
 * `rajaus serve`. The server may be plain http behind a TLS-terminating proxy, so it takes
 * the rewrite without the build's https-only policy.
 */
import { DEV_URL, moveManifestUrls } from '../../scripts/manifestUrls';

/** The address the repository's manifest.xml is written for (webpack's dev server). */
export const DEV_BASE_URL = DEV_URL;

/**
 * `xml` with every URL under the development address moved under `baseUrl` (an absolute
 * http(s) URL; a path such as https://host/rajaus/ is kept) and the AppDomain set to its origin.
 */
export function rewriteManifestUrls(xml: string, baseUrl: string): string {
  return moveManifestUrls(xml, baseUrl);
}
