/**
 * The built pane (dist/) as files: GET and HEAD only, paths confined to the directory, no
 * dotfiles, the CLI's own bundles left out. taskpane.html gets a meta tag telling the pane that
 * a gateway is at /api/ of its own origin (src/taskpane/services/gateway.ts reads it), and
 * manifest.xml is rewritten to the public address. Hashed bundles are cached for a year,
 * pages and the manifest are revalidated.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { rewriteManifestUrls } from './manifest';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Files in dist/ that are not the pane's: the command line's bundles. */
const NOT_SERVED = /^(cli|match-worker)\.js(\.map)?$/;

export const GATEWAY_META = '<meta name="rajaus-gateway" content="api/">';

export interface StaticFile {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export async function staticFile(distDir: string, rawPath: string, publicBase: string): Promise<StaticFile> {
  const notFound = (why: string): StaticFile => ({
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: Buffer.from(`not found: ${why}\n`),
  });
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return notFound('bad path');
  }
  if (path === '/' || path === '') path = '/taskpane.html';
  if (path.includes('\0') || path.includes('\\') || path.split('/').some((seg) => seg.startsWith('.'))) return notFound('bad path');
  const file = normalize(join(distDir, path));
  if (!file.startsWith(distDir + sep)) return notFound('bad path');
  const name = file.slice(distDir.length + 1);
  if (NOT_SERVED.test(name)) return notFound(path);
  let info;
  try {
    info = await stat(file);
  } catch {
    return notFound(path);
  }
  if (!info.isFile()) return notFound(path);
  let body = await readFile(file);
  const type = MIME[extname(file)] ?? 'application/octet-stream';
  const hashed = /\.[0-9a-f]{8}\.(js|css)$/.test(name);
  const headers: Record<string, string> = {
    'content-type': type,
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (name === 'taskpane.html')
    body = Buffer.from(
      body.toString('utf8').replace(/<head>/i, (h) => `${h}${GATEWAY_META}`),
      'utf8',
    );
  if (name === 'manifest.xml') body = Buffer.from(rewriteManifestUrls(body.toString('utf8'), publicBase), 'utf8');
  return { status: 200, headers, body };
}
