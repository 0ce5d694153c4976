import { create } from 'zustand';
import type { CodingSetup } from '../../../shared/coding-schemas';
import { api } from '../api';
import { useSessionStore } from './session-store';

/**
 * The row-coding setup as main answers it for one organisation: the dimensions the coding box
 * shows, their values, the chart of accounts, the settings and the caller's rights. Read by the
 * entry screen (pickers, "coding only in extra row info") and the admin screens (every list).
 */
interface CodingSetupState {
  setup: CodingSetup | null;
  /** The organisation asked for; null: the default one. */
  organisationCode: string | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load(organisationCode?: string | null): Promise<void>;
  /** A write answered the fresh setup: it replaces what was read. */
  replace(setup: CodingSetup): void;
  reset(): void;
}

let seq = 0;

export const useCodingSetupStore = create<CodingSetupState>()((set, get) => ({
  setup: null,
  organisationCode: null,
  status: 'idle',
  error: null,

  async load(organisationCode) {
    const code = organisationCode === undefined ? get().organisationCode : organisationCode;
    const mine = ++seq;
    set((state) => ({ organisationCode: code, status: state.setup ? state.status : 'loading' }));
    const result = await api.codingSetup(code ? { organisationCode: code } : {});
    if (mine !== seq) return;
    if (result.ok) set({ setup: result.value, status: 'ready', error: null });
    else {
      if (result.error.code === 'not-signed-in') void useSessionStore.getState().refreshOperator();
      set({ status: 'error', error: result.error.message });
    }
  },

  replace(setup) {
    seq++;
    set({ setup, status: 'ready', error: null });
  },

  reset() {
    seq++;
    set({ setup: null, organisationCode: null, status: 'idle', error: null });
  },
}));

// Another operator signing in reads the setup (and their rights) afresh.
useSessionStore.subscribe((state, previous) => {
  if (state.operator?.id !== previous.operator?.id) useCodingSetupStore.getState().reset();
});
