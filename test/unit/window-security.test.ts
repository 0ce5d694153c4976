import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, appFileFor } from '../../src/main/app-protocol';
import { CONTENT_SECURITY_POLICY, chooseAppUrl, downloadPath, isAllowedRequest, isAppUrl, secureWebPreferences } from '../../src/main/window-security';

describe('Electron window security', () => {
  it('isolates and sandboxes the renderer with no Node access', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('sends a strict CSP: own files only, no inline script, no remote content', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('puts the same CSP in the renderer page itself', () => {
    const html = readFileSync(join(__dirname, '../../src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta?.[1]?.replace(/;\s*/g, '; ').trim()).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    ['app://desk/index.html', APP_ENTRY_URL, true],
    ['app://desk/assets/index-abc.js', APP_ENTRY_URL, true],
    ['app://desk/index.html#/po/3', APP_ENTRY_URL, true],
    ['app://other/index.html', APP_ENTRY_URL, false],
    ['file:///app/out/renderer/index.html', APP_ENTRY_URL, false],
    ['file:///etc/passwd', APP_ENTRY_URL, false],
    ['file:///etc/passwd', 'file:///app/out/renderer/index.html', false],
    ['https://example.com/', APP_ENTRY_URL, false],
    ['http://localhost:5173/po', 'http://localhost:5173/', true],
    ['http://localhost:5174/', 'http://localhost:5173/', false],
    ['http://evil.localhost:5173/', 'http://localhost:5173/', false],
    ['not a url', APP_ENTRY_URL, false],
  ])('navigation to %s from %s allowed: %s', (target, app, allowed) => {
    expect(isAppUrl(target, app)).toBe(allowed);
  });

  it.each([
    ['app://desk/assets/index.js', true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['file:///app/out/renderer/index.html', false],
    ['file:///home/operator/.ssh/id_rsa', false],
    ['https://cdn.example.com/x.js', false],
    ['http://127.0.0.1:5174/', false],
    ['blob:app://desk/7d1c2f0e-5b7a-4c1e-9a61-3b2f1d0c9e88', true],
    ['blob:https://evil.example/7d1c2f0e', false],
    ['blob:file:///etc/passwd', false],
  ])('the request filter lets %s through: %s', (url, allowed) => {
    expect(isAllowedRequest(url, APP_ENTRY_URL)).toBe(allowed);
  });

  it.each([
    ['blob:app://desk/abc', 'PO-000001-rev1.pdf', '/home/pat/Downloads/PO-000001-rev1.pdf'],
    ['blob:app://desk/abc', '../../.bashrc', '/home/pat/Downloads/_.._.bashrc'],
    ['blob:app://desk/abc', '...', null],
    ['blob:https://evil.example/abc', 'PO-000001-rev1.pdf', null],
    ['https://evil.example/x.exe', 'x.exe', null],
  ])('a download of %s named %s goes to %s', (url, name, path) => {
    expect(downloadPath(url, name, APP_ENTRY_URL, '/home/pat/Downloads/')).toBe(path);
  });

  it.each([
    ['app://desk/index.html', '/app/out/renderer/index.html'],
    ['app://desk/', '/app/out/renderer/index.html'],
    ['app://desk/assets/a%20b.js', '/app/out/renderer/assets/a b.js'],
    ['app://desk/../../etc/passwd', '/app/out/renderer/etc/passwd'],
    ['app://desk/%2e%2e/%2e%2e/etc/passwd', '/app/out/renderer/etc/passwd'],
    ['app://desk/..%2f..%2fetc/passwd', null],
    ['app://desk/%E0%A4%A', null],
    ['app://desk/a%00.js', null],
    ['app://other/index.html', null],
    ['file:///etc/passwd', null],
    ['not a url', null],
  ])('the app protocol maps %s to %s', (url, file) => {
    expect(appFileFor('/app/out/renderer', url)).toBe(file);
  });

  it('trusts a dev server URL only in a development build', () => {
    expect(chooseAppUrl('http://localhost:5173/', true, APP_ENTRY_URL)).toBe('http://localhost:5173/');
    expect(chooseAppUrl('http://evil.example/', false, APP_ENTRY_URL)).toBe(APP_ENTRY_URL);
    expect(chooseAppUrl(undefined, true, APP_ENTRY_URL)).toBe(APP_ENTRY_URL);
  });
});
