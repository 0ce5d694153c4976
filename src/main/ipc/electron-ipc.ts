import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANGE_CHANNEL } from '../../shared/channels';
import { type ChangeNotice, contracts } from '../../shared/contracts';
import type { Desk } from '../services/desk';
import { isAppUrl } from '../window-security';
import { dispatch } from './dispatch';

/**
 * Binds every contract to ipcMain. A call from any frame but the app's own page is refused
 * before its payload is even read; the session is keyed by the calling window.
 */
export function registerIpc(desk: Desk, ipcMain: IpcMain, appUrl: string, broadcast: (channel: string, notice: ChangeNotice) => void): void {
  for (const [name, contract] of Object.entries(contracts)) {
    ipcMain.handle(contract.channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isAppUrl(frameUrl, appUrl) || event.senderFrame?.parent) {
        return { ok: false, error: { code: 'forbidden', message: 'This request did not come from the purchasing desk window.' } };
      }
      return dispatch(desk, `window-${event.sender.id}`, name as keyof typeof contracts, payload, {
        notify: (notice) => broadcast(CHANGE_CHANNEL, notice),
      });
    });
  }
}
