import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { APP_ENTRY_URL, APP_SCHEME, serveAppProtocol } from './app-protocol';
import { resolveDataLocation, wantsDemoData } from './data-location';
import { registerIpc } from './ipc/electron-ipc';
import { openStore } from './open-store';
import { createDesk } from './services/desk';
import { CONNECTION_FILE_NAME, defaultChoice } from './team/connection-choice';
import { DeskConnection } from './team/desk-connection';
import { REVIEW_COPY_FILE_NAME } from './team/review-copy/offline-review';
import { CHANGE_CHANNEL, CONNECTION_CHANNEL } from '../shared/channels';
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
  hardenSession(session.defaultSession, appUrl, app.getPath('downloads'));
  const broadcast = (channel: string, message: unknown) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(channel, message);
  };
  // Local mode opens this computer's database as always; team mode opens none and forwards every call.
  const connection = await DeskConnection.open({
    choiceFile: join(location.userDataDir, CONNECTION_FILE_NAME),
    defaultChoice: defaultChoice(process.env, existsSync(location.databaseFile)),
    openLocalDesk: async () => createDesk(await openStore(location.databaseFile, { demoData: wantsDemoData(process.env) })),
    notifyChange: (notice) => broadcast(CHANGE_CHANNEL, notice),
    notifyConnection: (state) => broadcast(CONNECTION_CHANNEL, state),
    // Team mode only: a supervisor's review copy and the decisions kept while the server is away.
    reviewCopyFile: join(location.userDataDir, REVIEW_COPY_FILE_NAME),
  });
  registerIpc(connection, ipcMain, appUrl);
  createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
  app.on('before-quit', () => void connection.close());
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

start().catch((error: unknown) => {
  console.error('The purchasing desk could not start:', error);
  app.exit(1);
});
