import type { BrowserWindow, Dialog } from 'electron';

/**
 * Electron closes or reloads a window whose page refused to unload (unsaved work) only if main
 * says so: it asks the operator, keyboard-first, with "Stay" as the default and Escape's answer.
 */
export function askBeforeDiscardingUnsavedWork(window: BrowserWindow, dialog: Pick<Dialog, 'showMessageBoxSync'>): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      title: 'Unsaved changes',
      message: 'Leave without saving?',
      detail: 'The PO or settings you are editing have changes that are not saved. Leaving discards them.',
      buttons: ['Stay and keep editing', 'Discard changes'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    // Preventing the event lets the unload go ahead, discarding the page's unsaved work.
    if (choice === 1) event.preventDefault();
  });
}
