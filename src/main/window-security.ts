import type { Session, WebContents, WebPreferences } from 'electron';

/** The renderer may load only its own bundled files; nothing remote, no inline script. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/**
 * Only the app's own pages may be shown: the same scheme and host as the app's URL (`app://desk`,
 * or the dev server's origin in development). Node's URL gives custom schemes no origin, hence
 * scheme and host compared.
 */
export function isAppUrl(target: string, appUrl: string): boolean {
  let parsedTarget: URL;
  let parsedApp: URL;
  try {
    parsedTarget = new URL(target);
    parsedApp = new URL(appUrl);
  } catch {
    return false;
  }
  if (parsedApp.protocol === 'file:' || parsedApp.host === '') return false;
  return parsedTarget.protocol === parsedApp.protocol && parsedTarget.host === parsedApp.host;
}

/** A blob the app's own page made (a PO document it downloads): memory of this window, never the network. */
export function isOwnBlob(url: string, appUrl: string): boolean {
  if (!url.startsWith('blob:')) return false;
  return isAppUrl(url.slice('blob:'.length), appUrl);
}

/** Requests the window may make: its own pages, its own blobs and devtools; never `file:`, never the network. */
export const isAllowedRequest = (url: string, appUrl: string): boolean => url.startsWith('devtools:') || isAppUrl(url, appUrl) || isOwnBlob(url, appUrl);

/**
 * Where a download goes: only the app's own blobs (its PO documents) download, straight into the
 * downloads folder under their own file name, with no path the page could steer elsewhere.
 */
export function downloadPath(url: string, fileName: string, appUrl: string, downloadsDir: string): string | null {
  if (!isOwnBlob(url, appUrl)) return null;
  const name = fileName.replace(/[\\/]/g, '_').replace(/^\.+/, '');
  return name === '' ? null : `${downloadsDir.replace(/[\\/]+$/, '')}/${name}`;
}

/** A dev server's URL is trusted only in a development build; a packaged or built app always uses its own files. */
export function chooseAppUrl(devServerUrl: string | undefined, isDevelopmentBuild: boolean, bundledUrl: string): string {
  return isDevelopmentBuild && devServerUrl ? devServerUrl : bundledUrl;
}

/** No navigation away, no redirects, no new windows, no webviews. */
export function hardenWebContents(contents: WebContents, appUrl: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Deny every permission, refuse remote requests, and send the CSP with every response. */
export function hardenSession(session: Session, appUrl: string, downloadsDir: string): void {
  session.on('will-download', (event, item) => {
    const path = downloadPath(item.getURL(), item.getFilename(), appUrl, downloadsDir);
    if (path === null) event.preventDefault();
    else item.setSavePath(path);
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, appUrl) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}
