import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DeskApi } from '../shared/api';
import { CHANGE_CHANNEL, channels } from '../shared/channels';
import type { ChangeNotice } from '../shared/contracts';

// Exposes exactly one object, one function per contract; the renderer never sees ipcRenderer.
const calls = Object.fromEntries(
  Object.entries(channels).map(([name, channel]) => [name, (input: unknown) => ipcRenderer.invoke(channel, input)]),
);

const api = {
  ...calls,
  onChanged(listener: (notice: ChangeNotice) => void) {
    const relay = (_event: IpcRendererEvent, notice: ChangeNotice) => listener(notice);
    ipcRenderer.on(CHANGE_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(CHANGE_CHANNEL, relay);
    };
  },
} as DeskApi;

contextBridge.exposeInMainWorld('api', api);
