/* eslint-disable no-undef */
/**
 * The add-in manifest for a deployment: every URL of manifest.xml points at the development
 * server (https://localhost:3000/…, and the AppDomain https://localhost:3000 without a path).
 * A deployment serves the same files under its own https URL. Used by webpack.config.js
 * (RAJAUS_PUBLIC_URL) and by anything else that serves the pane (e.g. `rajaus serve`).
 *
 * CommonJS, so that webpack's config can require() it and ES modules can import it.
 */
'use strict';

const DEV_URL = 'https://localhost:3000/';
const DEV_ORIGIN = 'https://localhost:3000';

/**
 * Checks a public URL for the pane: absolute https, ending in "/" (every manifest URL is this
 * plus a file name), no query or fragment. Returns the URL; throws an Error with one line
 * saying what is wrong.
 */
function checkPublicUrl(value) {
  const text = String(value ?? '').trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`RAJAUS_PUBLIC_URL "${text}" is not a URL: give e.g. https://lists.example.fi/rajaus/`);
  }
  if (url.protocol !== 'https:') throw new Error(`RAJAUS_PUBLIC_URL "${text}" must use https: Office loads add-ins only over https`);
  if (url.search || url.hash) throw new Error(`RAJAUS_PUBLIC_URL "${text}" must not have a query or fragment`);
  if (!text.endsWith('/')) throw new Error(`RAJAUS_PUBLIC_URL "${text}" must end with "/": file names are appended to it (${text}/taskpane.html)`);
  if (url.hostname === 'localhost' || url.hostname === '127.0.0.1') throw new Error(`RAJAUS_PUBLIC_URL "${text}" is a local address, not a deployment`);
  return url.href;
}

/**
 * `xml` with every URL under the development address moved under `baseUrl` (an absolute http(s)
 * URL; a path such as https://host/rajaus/ is kept, a missing final "/" added) and the
 * AppDomain set to its origin. No policy beyond that: the production build adds its own checks
 * (rewriteManifestUrls below), and `rajaus serve` uses this for the address it is served at,
 * which may be plain http behind a TLS-terminating proxy. The one rewriter of both.
 */
function moveManifestUrls(xml, baseUrl) {
  const base = new URL(baseUrl);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new Error(`the manifest's base URL must be http(s), not ${baseUrl}`);
  if (base.search || base.hash) throw new Error(`the manifest's base URL must not have a query or fragment: ${baseUrl}`);
  const target = base.href.endsWith('/') ? base.href : `${base.href}/`;
  // XML text and attribute values: & and quotes in the URL are escaped so the document stays well formed.
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return String(xml).split(DEV_URL).join(esc(target)).split(`<AppDomain>${DEV_ORIGIN}</AppDomain>`).join(`<AppDomain>${esc(base.origin)}</AppDomain>`);
}

/**
 * The production manifest: checkPublicUrl, then moveManifestUrls. Throws when "localhost" is
 * still anywhere in the result (a URL written some other way).
 */
function rewriteManifestUrls(xml, publicUrl) {
  const href = checkPublicUrl(publicUrl);
  const out = moveManifestUrls(xml, href);
  const left = /[^\s<>"]*localhost[^\s<>"]*/i.exec(out);
  if (left) throw new Error(`manifest.xml still refers to "${left[0]}" after rewriting it for ${href}`);
  return out;
}

module.exports = { DEV_URL, DEV_ORIGIN, checkPublicUrl, moveManifestUrls, rewriteManifestUrls };
