import { create } from 'zustand';
import { AUDIT_ACTIONS, AUDIT_RULES, vocabularyOf } from '../../../shared/audit-vocabulary';
import type { AuditEntry, AuditFilter, AuditVocabulary } from '../../../shared/contracts';
import type { AppError } from '../../../shared/result';
import { api } from '../api';
import { useSessionStore } from './session-store';

/** What the filter form holds: plain strings, blank meaning "any". */
export interface AuditFilterDraft {
  poNumber: string;
  signInName: string;
  action: string;
  rule: string;
  from: string;
  to: string;
}

export type AuditFilterField = keyof AuditFilterDraft;

export const AUDIT_FILTER_FIELDS: readonly AuditFilterField[] = ['poNumber', 'signInName', 'action', 'rule', 'from', 'to'];

export const BLANK_AUDIT_FILTER: AuditFilterDraft = { poNumber: '', signInName: '', action: '', rule: '', from: '', to: '' };

/** The most entries shown at once; main allows up to 2000 and defaults to 500. */
export const AUDIT_LIMIT = 500;

export interface AuditProblem {
  message: string;
  /** The filter field the problem belongs to, so the screen can mark it and put focus there. */
  field: AuditFilterField | null;
  code: AppError['code'] | 'client';
}

interface AuditState {
  draft: AuditFilterDraft;
  /** The filter the shown rows answer; refetches after change notices reuse it. */
  applied: AuditFilterDraft;
  rows: AuditEntry[];
  /** More entries match than are shown (the limit was reached). */
  truncated: boolean;
  status: 'idle' | 'loading' | 'ready' | 'error';
  problem: AuditProblem | null;
  /** Every action and rule, labelled, for the filter pick-lists; main's answer adds any older terms the log holds. */
  vocabulary: AuditVocabulary;

  setDraft(patch: Partial<AuditFilterDraft>): void;
  /** Fetches with the form's filter; a problem found before asking main is shown the same way. */
  apply(): Promise<void>;
  /** Empties the form and shows everything. */
  clear(): Promise<void>;
  /** The screen opens: the form shows the filter the rows answer, and the rows are fetched afresh. */
  open(): Promise<void>;
  /** Fetches again with the filter the rows already answer (after change notices). */
  refresh(): Promise<void>;
  /** A problem the screen found itself (a half-typed date). */
  reportProblem(field: AuditFilterField, message: string): void;
  reset(): void;
}

const isFilterField = (field: string | undefined): field is AuditFilterField =>
  field !== undefined && (AUDIT_FILTER_FIELDS as readonly string[]).includes(field);

export const isFilterBlank = (draft: AuditFilterDraft): boolean => AUDIT_FILTER_FIELDS.every((key) => draft[key].trim() === '');

/** Only the fields that say something; one more than the limit, to know whether there are more. */
export const toAuditFilter = (draft: AuditFilterDraft): AuditFilter => {
  const filter: AuditFilter = { limit: AUDIT_LIMIT + 1 };
  for (const key of AUDIT_FILTER_FIELDS) {
    const value = draft[key].trim();
    if (value !== '') filter[key] = value;
  }
  return filter;
};

/** What the desk knows before main answers, so the pick-lists are never empty. */
export const KNOWN_VOCABULARY: AuditVocabulary = { actions: vocabularyOf(AUDIT_ACTIONS, []), rules: vocabularyOf(AUDIT_RULES, []) };

/** Checks main would not make (it would just answer nothing); null when the draft is fine. */
export function checkDraft(draft: AuditFilterDraft): AuditProblem | null {
  const from = draft.from.trim();
  const to = draft.to.trim();
  if (from !== '' && to !== '' && from > to) return { message: 'To must be on or after From.', field: 'to', code: 'client' };
  return null;
}

/** Main's message names the field ("from: From must be a date"); the issue's own message reads better. */
function toProblem(error: AppError): AuditProblem {
  const field = isFilterField(error.field) ? error.field : null;
  const issue = error.issues?.find((each) => each.path === error.field);
  return { message: field && issue ? issue.message : error.message, field, code: error.code };
}

let loadSeq = 0;

/** The supervisors' audit log: a filter form and the newest matching entries. */
export const useAuditStore = create<AuditState>()((set, get) => {
  async function load(filter: AuditFilterDraft): Promise<void> {
    const seq = ++loadSeq;
    set((state) => ({ status: state.status === 'ready' ? 'ready' : 'loading' }));
    const result = await api.listAudit(toAuditFilter(filter));
    if (seq !== loadSeq) return;
    if (result.ok) {
      set({
        rows: result.value.slice(0, AUDIT_LIMIT),
        truncated: result.value.length > AUDIT_LIMIT,
        applied: filter,
        status: 'ready',
        problem: null,
      });
      return;
    }
    if (result.error.code === 'not-signed-in') void useSessionStore.getState().refreshOperator();
    const problem = toProblem(result.error);
    // A filter main refuses leaves the rows answering the last good filter; anything else empties them.
    if (problem.field && get().status === 'ready') set({ status: 'ready', problem });
    else set({ rows: [], truncated: false, status: 'error', problem });
  }

  async function loadVocabulary(): Promise<void> {
    const result = await api.auditVocabulary({});
    // Without main's answer the known terms still cover everything main writes today.
    if (result.ok) set({ vocabulary: result.value });
  }

  return {
    draft: BLANK_AUDIT_FILTER,
    applied: BLANK_AUDIT_FILTER,
    rows: [],
    truncated: false,
    status: 'idle',
    problem: null,
    vocabulary: KNOWN_VOCABULARY,

    setDraft(patch) {
      set((state) => ({ draft: { ...state.draft, ...patch } }));
    },

    async apply() {
      const draft = get().draft;
      const problem = checkDraft(draft);
      if (problem) {
        loadSeq++;
        set((state) => ({ problem, status: state.status === 'loading' ? 'idle' : state.status }));
        return;
      }
      await load(draft);
    },

    async clear() {
      set({ draft: BLANK_AUDIT_FILTER, problem: null });
      await load(BLANK_AUDIT_FILTER);
    },

    async open() {
      set((state) => ({ draft: state.applied, problem: null }));
      await Promise.all([load(get().applied), loadVocabulary()]);
    },

    refresh: () => load(get().applied),

    reportProblem(field, message) {
      loadSeq++;
      set((state) => ({ problem: { message, field, code: 'client' }, status: state.status === 'loading' ? 'idle' : state.status }));
    },

    reset() {
      loadSeq++;
      set({ draft: BLANK_AUDIT_FILTER, applied: BLANK_AUDIT_FILTER, rows: [], truncated: false, status: 'idle', problem: null, vocabulary: KNOWN_VOCABULARY });
    },
  };
});
