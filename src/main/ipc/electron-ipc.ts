import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { type ConnectionContractName, connectionContracts, type ContractName, contracts } from '../../shared/contracts';
import type { DeskConnection } from '../team/desk-connection';
import { isAppUrl } from '../window-security';

/**
 * Binds every contract to ipcMain. A call from any frame but the app's own page is refused
 * before its payload is even read; the session is keyed by the calling window. Desk calls go to
 * the workstation's connection (this computer's database, or the team server); connection calls
 * are answered by main itself.
 */
export function registerIpc(connection: DeskConnection, ipcMain: IpcMain, appUrl: string): void {
  const fromAppWindow = (event: IpcMainInvokeEvent) => isAppUrl(event.senderFrame?.url ?? '', appUrl) && !event.senderFrame?.parent;
  const refused = { ok: false, error: { code: 'forbidden', message: 'This request did not come from the purchasing desk window.' } };
  const seen = new WeakSet<WebContents>();
  const sessionKeyOf = (sender: WebContents) => {
    const key = `window-${sender.id}`;
    if (!seen.has(sender)) {
      seen.add(sender);
      sender.once('destroyed', () => connection.sessionGone(key));
    }
    return key;
  };
  for (const [name, contract] of Object.entries(contracts)) {
    ipcMain.handle(contract.channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!fromAppWindow(event)) return refused;
      return connection.call(sessionKeyOf(event.sender), name as ContractName, payload);
    });
  }
  for (const [name, contract] of Object.entries(connectionContracts)) {
    ipcMain.handle(contract.channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!fromAppWindow(event)) return refused;
      return connection.answer(name as ConnectionContractName, payload, sessionKeyOf(event.sender));
    });
  }
}
