import { create } from 'zustand';
import type { AuditEntry, AuditFilter } from '../../../shared/contracts';
import { api } from '../api';
import { useSessionStore } from './session-store';

export interface AuditFilterDraft {
  poNumber: string;
  signInName: string;
  action: string;
  rule: string;
  from: string;
  to: string;
}

export const BLANK_AUDIT_FILTER: AuditFilterDraft = { poNumber: '', signInName: '', action: '', rule: '', from: '', to: '' };
export const AUDIT_LIMIT = 500;

interface AuditState {
  draft: AuditFilterDraft;
  /** The filter the shown rows answer; refetches after change notices reuse it. */
  applied: AuditFilterDraft;
  rows: AuditEntry[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  setDraft(patch: Partial<AuditFilterDraft>): void;
  apply(): Promise<void>;
  clear(): Promise<void>;
  refresh(): Promise<void>;
  reset(): void;
}

let loadSeq = 0;

const toFilter = (draft: AuditFilterDraft): AuditFilter => {
  const filter: AuditFilter = { limit: AUDIT_LIMIT };
  for (const key of Object.keys(draft) as (keyof AuditFilterDraft)[]) {
    const value = draft[key].trim();
    if (value !== '') filter[key] = value;
  }
  return filter;
};

/** The supervisors' audit log: a filter form and the newest matching entries. */
export const useAuditStore = create<AuditState>()((set, get) => {
  async function load(filter: AuditFilterDraft): Promise<void> {
    const seq = ++loadSeq;
    set((state) => ({ status: state.status === 'ready' ? 'ready' : 'loading', applied: filter }));
    const result = await api.listAudit(toFilter(filter));
    if (seq !== loadSeq) return;
    if (result.ok) {
      set({ rows: result.value, status: 'ready', error: null });
      return;
    }
    if (result.error.code === 'not-signed-in') void useSessionStore.getState().refreshOperator();
    set({ status: 'error', error: result.error.message });
  }

  return {
    draft: BLANK_AUDIT_FILTER,
    applied: BLANK_AUDIT_FILTER,
    rows: [],
    status: 'idle',
    error: null,
    setDraft(patch) {
      set((state) => ({ draft: { ...state.draft, ...patch } }));
    },
    apply: () => load(get().draft),
    async clear() {
      set({ draft: BLANK_AUDIT_FILTER });
      await load(BLANK_AUDIT_FILTER);
    },
    refresh: () => load(get().applied),
    reset() {
      loadSeq++;
      set({ draft: BLANK_AUDIT_FILTER, applied: BLANK_AUDIT_FILTER, rows: [], status: 'idle', error: null });
    },
  };
});
