import { create } from 'zustand';
import type { ConnectionChoice, ConnectionState, ConnectionTest } from '../../../shared/contracts';
import type { Result } from '../../../shared/result';
import { api } from '../api';
import { useSessionStore } from './session-store';

interface ConnectionStoreState {
  /** How this screen reaches its desk; null until main (or the browser bridge) has said. */
  connection: ConnectionState | null;
  /** The operator opened the choice from the sign-in screen. */
  choosing: boolean;
  init(): Promise<void>;
  test(url: string): Promise<Result<ConnectionTest>>;
  /** Applies a choice; the desk it leads to starts with nobody signed in, so the session starts over. */
  choose(choice: ConnectionChoice): Promise<Result<ConnectionState>>;
  startChoosing(): void;
  stopChoosing(): void;
}

let listening = false;

/** The workstation's connection: this computer only, a team server, or the server a browser page came from. */
export const useConnectionStore = create<ConnectionStoreState>()((set, get) => ({
  connection: null,
  choosing: false,

  async init() {
    if (!listening) {
      listening = true;
      api.onConnectionChanged((connection) => {
        const wasReachable = get().connection?.reachable ?? true;
        set({ connection });
        // Back after a start without its server: the sign-in screen drops the stale "cannot be reached" and asks again.
        const session = useSessionStore.getState();
        if (connection.reachable && !wasReachable && !session.operator) void session.init();
      });
    }
    const result = await api.connectionState({});
    if (result.ok) set({ connection: result.value });
    // Only a browser page can fail to ask (its server is away); the bridge says when it is back.
    else set({ connection: { mode: 'browser', serverUrl: null, reachable: false, canChoose: false, problem: null } });
  },

  test: (url) => api.testConnection({ url }),

  async choose(choice) {
    const result = await api.chooseConnection(choice);
    if (!result.ok) return result;
    set({ connection: result.value, choosing: false });
    await useSessionStore.getState().init();
    return result;
  },

  startChoosing() {
    set({ choosing: true });
  },

  stopChoosing() {
    set({ choosing: false });
  },
}));
