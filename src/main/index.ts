import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { APP_ENTRY_URL, APP_SCHEME, serveAppProtocol } from './app-protocol';
import { resolveDataLocation, wantsDemoData } from './data-location';
import { registerIpc } from './ipc/electron-ipc';
import { openStore } from './open-store';
import { createDesk } from './services/desk';
import { askBeforeDiscardingUnsavedWork } from './unsaved-changes';
import { chooseAppUrl, hardenSession, hardenWebContents, secureWebPreferences } from './window-security';

const location = resolveDataLocation(process.env, app.getPath('userData'));
app.setPath('userData', location.userDataDir);
app.enableSandbox();

const rendererDir = join(__dirname, '../renderer');
// A packaged app carries the icon beside app.asar (electron-builder's extraResources); a dev or out/ build reads resources/.
const windowIcon = app.isPackaged ? join(process.resourcesPath, 'icon.png') : join(__dirname, '../../resources/icon.png');
// electron-vite's dev server exists only in `electron-vite dev`; a built app never trusts the variable.
const appUrl = chooseAppUrl(process.env.ELECTRON_RENDERER_URL, import.meta.env.DEV, APP_ENTRY_URL);

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appUrl));

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'Purchasing desk',
    icon: windowIcon,
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  askBeforeDiscardingUnsavedWork(window, dialog);
  void window.loadURL(appUrl);
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  serveAppProtocol(protocol, rendererDir);
  hardenSession(session.defaultSession, appUrl);
  const desk = createDesk(await openStore(location.databaseFile, { demoData: wantsDemoData(process.env) }));
  registerIpc(desk, ipcMain, appUrl, (channel, notice) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(channel, notice);
  });
  createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
  app.on('before-quit', () => void desk.db.destroy());
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

start().catch((error: unknown) => {
  console.error('The purchasing desk could not start:', error);
  app.exit(1);
});
