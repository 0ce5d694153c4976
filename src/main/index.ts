import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { resolveDataLocation } from './data-location';
import { registerIpc } from './ipc/electron-ipc';
import { openStore } from './open-store';
import { createDesk } from './services/desk';
import { hardenSession, hardenWebContents, secureWebPreferences } from './window-security';

const location = resolveDataLocation(process.env, app.getPath('userData'));
app.setPath('userData', location.userDataDir);
app.enableSandbox();

const rendererFile = join(__dirname, '../renderer/index.html');
const appUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(rendererFile).href;

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appUrl));

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'Purchasing desk',
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  if (process.env.ELECTRON_RENDERER_URL) void window.loadURL(appUrl);
  else void window.loadFile(rendererFile);
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession, appUrl);
  const desk = createDesk(await openStore(location.databaseFile));
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
