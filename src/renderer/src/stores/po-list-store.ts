import { create } from 'zustand';
import type { PoListQuery, PoListSort, PoStatus, PoSummary } from '../../../shared/contracts';
import { api } from '../api';

/** Rows per page; main pages, sorts and filters, so the screen holds one page at a time. */
export const PO_LIST_PAGE_SIZE = 50;

/** How long typing pauses before the search is sent to main. */
export const SEARCH_DEBOUNCE_MS = 200;

export type SortDirection = 'asc' | 'desc';

/** Where a first click on a column starts: newest, largest and latest first; names and codes A→Z. */
const FIRST_DIRECTION: Record<PoListSort, SortDirection> = {
  number: 'desc',
  vendor: 'asc',
  warehouse: 'asc',
  costCenter: 'asc',
  status: 'asc',
  total: 'desc',
  createdBy: 'asc',
  updatedAt: 'desc',
};

/** What the rows on screen were asked with; kept so the list survives a trip to the entry screen. */
export interface PoListAsk {
  page: number;
  sort: PoListSort;
  direction: SortDirection;
  status: PoStatus | null;
  /** The search main was asked for (the box may hold newer text still waiting out the debounce). */
  search: string;
  mine: boolean;
}

const FIRST_ASK: PoListAsk = { page: 1, sort: 'number', direction: 'desc', status: null, search: '', mine: false };

interface PoListState {
  ask: PoListAsk;
  /** The search box as typed. */
  searchText: string;
  rows: PoSummary[];
  /** POs matching the filter over all pages, as main last counted them. */
  total: number;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /** Index of the selected row on this page. */
  selected: number;

  /** Asks main again for the page on screen (also after change notices). */
  load(): Promise<void>;
  /** A column header: the same column turns the order round; another starts at its first direction. */
  sortBy(sort: PoListSort): void;
  setStatusFilter(status: PoStatus | null): void;
  setMine(mine: boolean): void;
  /** Typing in the search box; main is asked once typing pauses. */
  setSearchText(text: string): void;
  /** Sends the search box now (Enter), without waiting for the pause. */
  applySearch(): void;
  clearFilters(): void;
  /** Another page; the selection lands on its first row, or its last with `selectLast`. */
  goToPage(page: number, options?: { selectLast?: boolean }): void;
  select(index: number): void;
  reset(): void;
}

export const pageCount = (total: number): number => Math.max(1, Math.ceil(total / PO_LIST_PAGE_SIZE));

export const hasFilter = (ask: PoListAsk): boolean => ask.status !== null || ask.search !== '' || ask.mine;

const toQuery = (ask: PoListAsk): PoListQuery => ({
  page: ask.page,
  pageSize: PO_LIST_PAGE_SIZE,
  sort: ask.sort,
  direction: ask.direction,
  mine: ask.mine,
  ...(ask.status ? { status: ask.status } : {}),
  ...(ask.search ? { search: ask.search } : {}),
});

let loadSeq = 0;
let searchTimer: ReturnType<typeof setTimeout> | undefined;
/** Where the selection lands once the next page arrives. */
let selectOnArrival: 'first' | 'last' | 'keep' = 'keep';

const cancelPendingSearch = () => {
  if (searchTimer !== undefined) clearTimeout(searchTimer);
  searchTimer = undefined;
};

export const usePoListStore = create<PoListState>()((set, get) => {
  /** A new question for main: the filter or order changed, or another page. */
  const ask = (patch: Partial<PoListAsk>) => {
    set((state) => ({ ask: { ...state.ask, ...patch } }));
    void get().load();
  };

  return {
    ask: FIRST_ASK,
    searchText: '',
    rows: [],
    total: 0,
    status: 'idle',
    error: null,
    selected: 0,

    async load() {
      const seq = ++loadSeq;
      const asked = get().ask;
      set((state) => ({ status: state.status === 'ready' ? 'ready' : 'loading' }));
      const result = await api.listPos(toQuery(asked));
      if (seq !== loadSeq) return;
      if (!result.ok) {
        set({ status: 'error', error: result.error.message });
        return;
      }
      const { rows, total, page } = result.value;
      const landing = selectOnArrival;
      selectOnArrival = 'keep';
      set((state) => ({
        rows,
        total,
        // Main answers the last page when the list shrank below the one asked for.
        ask: page === state.ask.page ? state.ask : { ...state.ask, page },
        status: 'ready',
        error: null,
        selected: landing === 'first' ? 0 : landing === 'last' ? Math.max(0, rows.length - 1) : Math.min(state.selected, Math.max(0, rows.length - 1)),
      }));
    },

    sortBy(sort) {
      const current = get().ask;
      const direction = current.sort === sort ? (current.direction === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[sort];
      selectOnArrival = 'first';
      ask({ sort, direction, page: 1 });
    },

    setStatusFilter(status) {
      selectOnArrival = 'first';
      ask({ status, page: 1 });
    },

    setMine(mine) {
      selectOnArrival = 'first';
      ask({ mine, page: 1 });
    },

    setSearchText(text) {
      set({ searchText: text });
      cancelPendingSearch();
      searchTimer = setTimeout(() => get().applySearch(), SEARCH_DEBOUNCE_MS);
    },

    applySearch() {
      cancelPendingSearch();
      const search = get().searchText.trim();
      if (search === get().ask.search) return;
      selectOnArrival = 'first';
      ask({ search, page: 1 });
    },

    clearFilters() {
      cancelPendingSearch();
      set({ searchText: '' });
      selectOnArrival = 'first';
      ask({ status: null, search: '', mine: false, page: 1 });
    },

    goToPage(page, options = {}) {
      const last = pageCount(get().total);
      const target = Math.min(Math.max(1, page), last);
      if (target === get().ask.page) return;
      selectOnArrival = options.selectLast ? 'last' : 'first';
      ask({ page: target });
    },

    select(index) {
      const { rows } = get();
      set({ selected: Math.min(Math.max(0, index), Math.max(0, rows.length - 1)) });
    },

    reset() {
      loadSeq++;
      cancelPendingSearch();
      selectOnArrival = 'keep';
      set({ ask: FIRST_ASK, searchText: '', rows: [], total: 0, status: 'idle', error: null, selected: 0 });
    },
  };
});
