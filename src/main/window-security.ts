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

/** Only the app's own page may be shown: same file, or same dev-server origin. */
export function isAppUrl(target: string, appUrl: string): boolean {
  let parsedTarget: URL;
  let parsedApp: URL;
  try {
    parsedTarget = new URL(target);
    parsedApp = new URL(appUrl);
  } catch {
    return false;
  }
  if (parsedApp.protocol === 'file:') return parsedTarget.protocol === 'file:' && parsedTarget.pathname === parsedApp.pathname;
  return parsedTarget.origin === parsedApp.origin;
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
export function hardenSession(session: Session, appUrl: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const local = details.url.startsWith('file:') || details.url.startsWith('devtools:') || isAppUrl(details.url, appUrl);
    callback({ cancel: !local });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}
