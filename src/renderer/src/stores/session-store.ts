import { create } from 'zustand';
import type { OperatorSummary, Settings } from '../../../shared/contracts';
import { api, hasApi } from '../api';

export type AppState = 'loading' | 'ready' | 'unavailable';
export type View = 'list' | 'entry' | 'audit';

interface SessionState {
  appState: AppState;
  operator: OperatorSummary | null;
  settings: Settings | null;
  view: View;
  /** A problem reaching main at start or on a later refresh; shown above everything. */
  problem: string | null;
  signingIn: boolean;
  signInError: string | null;

  init(): Promise<void>;
  signIn(signInName: string, password: string): Promise<boolean>;
  signOut(): Promise<void>;
  refreshOperator(): Promise<void>;
  refreshSettings(): Promise<void>;
  setCostCentersEnabled(enabled: boolean): Promise<void>;
  showList(): void;
  showEntry(): void;
  showAudit(): void;
}

/** Who is signed in, the installation settings, and which screen is showing. */
export const useSessionStore = create<SessionState>()((set, get) => ({
  appState: 'loading',
  operator: null,
  settings: null,
  view: 'list',
  problem: null,
  signingIn: false,
  signInError: null,

  async init() {
    if (!hasApi()) {
      set({ appState: 'unavailable', problem: 'The purchasing desk service is not reachable. Restart the app.' });
      return;
    }
    const [operator, settings] = await Promise.all([api.currentOperator({}), api.getSettings({})]);
    set({
      appState: 'ready',
      operator: operator.ok ? operator.value : null,
      settings: settings.ok ? settings.value : null,
      problem: !operator.ok ? operator.error.message : !settings.ok ? settings.error.message : null,
      view: 'list',
    });
  },

  async signIn(signInName, password) {
    if (get().signingIn) return false;
    set({ signingIn: true, signInError: null });
    const result = await api.signIn({ signInName, password });
    if (!result.ok) {
      set({ signingIn: false, signInError: result.error.message });
      return false;
    }
    const settings = await api.getSettings({});
    set({
      signingIn: false,
      operator: result.value,
      settings: settings.ok ? settings.value : get().settings,
      view: 'list',
      problem: null,
    });
    return true;
  },

  async signOut() {
    const result = await api.signOut({});
    if (!result.ok) {
      set({ problem: result.error.message });
      return;
    }
    set({ operator: null, view: 'list', signInError: null, problem: null });
  },

  async refreshOperator() {
    const result = await api.currentOperator({});
    if (!result.ok) return;
    const current = get().operator;
    const next = result.value;
    if (next === null) {
      if (current !== null) set({ operator: null, view: 'list' });
      return;
    }
    if (!current || current.id !== next.id || current.displayName !== next.displayName || current.schemeName !== next.schemeName) {
      set({ operator: next, ...(current?.id !== next.id ? { view: 'list' as View } : {}) });
    }
  },

  async refreshSettings() {
    const result = await api.getSettings({});
    if (result.ok) set({ settings: result.value });
  },

  async setCostCentersEnabled(enabled) {
    const before = get().settings;
    // Shown at once; put back if main refuses.
    if (before) set({ settings: { ...before, costCentersEnabled: enabled } });
    const result = await api.updateSettings({ costCentersEnabled: enabled });
    if (result.ok) set({ settings: result.value, problem: null });
    else set({ settings: before, problem: result.error.message });
  },

  showList() {
    set({ view: 'list' });
  },

  showAudit() {
    set({ view: 'audit' });
  },

  showEntry() {
    set({ view: 'entry' });
  },
}));
