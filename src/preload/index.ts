import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DeskApi } from '../shared/api';
import { CHANGE_CHANNEL, CONNECTION_CHANNEL, channels } from '../shared/channels';
import type { ChangeNotice, ConnectionState } from '../shared/contracts';

// Exposes exactly one object, one function per contract; the renderer never sees ipcRenderer.
const calls = Object.fromEntries(
  Object.entries(channels).map(([name, channel]) => [name, (input: unknown) => ipcRenderer.invoke(channel, input)]),
);

/** A main → renderer channel as a subscription; the listener gets the message, never the IPC event. */
function subscribe<T>(channel: string, listener: (message: T) => void): () => void {
  const relay = (_event: IpcRendererEvent, message: T) => listener(message);
  ipcRenderer.on(channel, relay);
  return () => {
    ipcRenderer.removeListener(channel, relay);
  };
}

const api = {
  ...calls,
  onChanged: (listener: (notice: ChangeNotice) => void) => subscribe(CHANGE_CHANNEL, listener),
  onConnectionChanged: (listener: (state: ConnectionState) => void) => subscribe(CONNECTION_CHANNEL, listener),
} as DeskApi;

contextBridge.exposeInMainWorld('api', api);
