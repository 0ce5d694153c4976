import type { SortingState } from '@tanstack/react-table';
import { create } from 'zustand';
import type { PoSummary } from '../../../shared/contracts';
import { api } from '../api';

interface PoListState {
  rows: PoSummary[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /** Kept here so the filter and sort survive a trip to the entry screen. */
  filter: string;
  sorting: SortingState;

  load(): Promise<void>;
  setFilter(filter: string): void;
  setSorting(sorting: SortingState): void;
  reset(): void;
}

let loadSeq = 0;

export const usePoListStore = create<PoListState>()((set) => ({
  rows: [],
  status: 'idle',
  error: null,
  filter: '',
  sorting: [{ id: 'number', desc: true }],

  async load() {
    const seq = ++loadSeq;
    set((state) => ({ status: state.status === 'ready' ? 'ready' : 'loading' }));
    const result = await api.listPos({ pageSize: 200 });
    if (seq !== loadSeq) return;
    if (result.ok) set({ rows: result.value.rows, status: 'ready', error: null });
    else set({ status: 'error', error: result.error.message });
  },

  setFilter(filter) {
    set({ filter });
  },

  setSorting(sorting) {
    set({ sorting });
  },

  reset() {
    loadSeq++;
    set({ rows: [], status: 'idle', error: null, filter: '', sorting: [{ id: 'number', desc: true }] });
  },
}));
