/**
 * Downloads from the task pane: a Blob and an anchor with `download`, which works in Excel on
 * the web and in Excel desktop on Windows (WebView2). Excel for Mac and iPad (WKWebView) do not
 * download from add-ins, so there the export goes to a sheet instead (see ExportStep).
 */

/** False where the host is known to block downloads or the browser lacks what they need. */
export function downloadsLikelyWork(): boolean {
  if (typeof document === 'undefined' || typeof Blob === 'undefined' || typeof URL?.createObjectURL !== 'function') return false;
  if (!('download' in document.createElement('a'))) return false;
  const office = (globalThis as unknown as { Office?: { context?: { diagnostics?: { platform?: unknown } } } }).Office;
  const platform = String(office?.context?.diagnostics?.platform ?? '');
  return platform !== 'Mac' && platform !== 'iOS';
}

/** Starts a download of `bytes` as `name`; throws when the browser refuses. */
export function downloadFile(name: string, bytes: Uint8Array, type = 'text/csv;charset=utf-8'): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Revoked later: the browser reads the blob after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
