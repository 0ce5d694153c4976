/// <reference types="vite/client" />
import type { DeskApi } from '../../shared/api';

declare global {
  interface Window {
    /** Injected by preload (Electron) or by the browser bridge script (browser mode). */
    api: DeskApi;
  }
}

export {};
