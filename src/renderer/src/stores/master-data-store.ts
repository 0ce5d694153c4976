import { create } from 'zustand';
import type { MasterDataKind, MasterList } from '../../../shared/admin-schemas';
import { api } from '../api';
import { useSessionStore } from './session-store';

/**
 * The master-data screen's list: which kind, the filter, the page, and what main answered. A
 * record being edited lives in its form; after a save or delete the list is read again.
 */

export const PAGE_SIZES = [25, 50, 100, 200] as const;

/** What the screen shows beside the list. */
export type MasterMode = { view: 'list' } | { view: 'form'; code: string | null } | { view: 'scheme'; code: string | null };

interface MasterDataState {
  kind: MasterDataKind;
  filter: string;
  offset: number;
  limit: number;
  list: MasterList | null;
  loading: boolean;
  loadError: string | null;
  mode: MasterMode;
  /** The last save's or delete's outcome, read out once. */
  outcome: string | null;
  setKind(kind: MasterDataKind): void;
  setFilter(filter: string): void;
  setPage(offset: number): void;
  setLimit(limit: number): void;
  load(): Promise<void>;
  open(mode: MasterMode): void;
  close(outcome?: string | null): void;
}

let loadSeq = 0;

const INITIAL = { kind: 'cost-center', filter: '', offset: 0, limit: 50, list: null, loading: false, loadError: null, mode: { view: 'list' }, outcome: null } as const;

export const useMasterDataStore = create<MasterDataState>((set, get) => ({
  ...INITIAL,
  setKind(kind) {
    // The kind shown, from its list: nothing to do; from one of its records' forms: back to its list.
    if (kind === get().kind && get().mode.view === 'list') return;
    set({ kind, filter: '', offset: 0, list: null, mode: { view: 'list' }, outcome: null });
    void get().load();
  },
  setFilter(filter) {
    set({ filter, offset: 0 });
    void get().load();
  },
  setPage(offset) {
    set({ offset: Math.max(0, offset) });
    void get().load();
  },
  setLimit(limit) {
    set({ limit, offset: 0 });
    void get().load();
  },
  async load() {
    const seq = ++loadSeq;
    const { kind, filter, offset, limit } = get();
    set({ loading: true });
    const result = await api.listMasterData({ kind, filter, offset, limit });
    // A later request (the admin typed on) wins over an earlier answer.
    if (seq !== loadSeq) return;
    if (result.ok) set({ list: result.value, loading: false, loadError: null });
    else set({ loading: false, loadError: result.error.message });
  },
  open(mode) {
    set({ mode, outcome: null });
  },
  close(outcome = null) {
    set({ mode: { view: 'list' }, outcome });
    void get().load();
  },
}));

// Another operator signing in starts from the first kind, with no filter and nothing read yet.
useSessionStore.subscribe((state, previous) => {
  if (state.operator?.id !== previous.operator?.id) {
    loadSeq++;
    useMasterDataStore.setState({ ...INITIAL });
  }
});
