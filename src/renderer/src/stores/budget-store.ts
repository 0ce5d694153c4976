import { create } from 'zustand';
import { formatMoney } from '../../../shared/locale-format';
import type { LocaleCode } from '../../../shared/locales';
import type { BudgetView, BudgetViewRow } from '../../../shared/purchasing-controls-schemas';
import { api } from '../api';
import { placeRefusal } from '../components/field-errors';
import {
  BUDGET_FIELDS,
  type BudgetDraft,
  type BudgetField,
  budgetInputOf,
  draftOfBudget,
  newBudgetDraft,
  readTotal,
  sameBudgetDraft,
} from '../features/budgets/budget-draft';
import { currentLocale } from '../hooks/useLocaleFormat';
import { useSessionStore } from './session-store';

export interface BudgetOutcome {
  kind: 'saved' | 'refused';
  message: string;
}

interface BudgetState {
  view: BudgetView | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadError: string | null;
  /** The budget order whose POs and chart are shown. */
  selectedId: number | null;
  draft: BudgetDraft | null;
  fieldErrors: Partial<Record<BudgetField, string>>;
  formMessage: string | null;
  saving: boolean;
  outcome: BudgetOutcome | null;

  load(): Promise<void>;
  select(id: number): void;
  startNew(): void;
  startEdit(row: BudgetViewRow): void;
  edit(patch: Partial<Omit<BudgetDraft, 'id' | 'total'>>): void;
  editTotal(text: string): void;
  /** Leaving the total: a readable amount is shown as it will be stored; an unreadable one is explained and kept. */
  checkTotal(): void;
  /** The operator's own format changed: a readable total is re-shown in it. */
  relocale(locale: LocaleCode): void;
  cancelEdit(): void;
  /** Sends the form; answers the id saved, or null when refused. */
  save(): Promise<number | null>;
  hasUnsavedChanges(): boolean;
  discard(): void;
  reset(): void;
}

const CLOSED = { draft: null, fieldErrors: {}, formMessage: null, saving: false } satisfies Partial<BudgetState>;
const EMPTY = { view: null, status: 'idle', loadError: null, selectedId: null, ...CLOSED, outcome: null } satisfies Partial<BudgetState>;

/** The budget view: every budget order with its figures, its POs and use over time; admins add and change them. */
export const useBudgetStore = create<BudgetState>()((set, get) => ({
  ...EMPTY,

  async load() {
    set((state) => ({ status: state.view ? state.status : 'loading' }));
    const result = await api.budgetView({});
    if (!result.ok) {
      if (result.error.code === 'not-signed-in') void useSessionStore.getState().refreshOperator();
      set({ status: 'error', loadError: result.error.message });
      return;
    }
    const view = result.value;
    const selected = get().selectedId;
    set({
      view,
      status: 'ready',
      loadError: null,
      selectedId: view.budgets.some((row) => row.id === selected) ? selected : (view.budgets[0]?.id ?? null),
    });
  },

  select(id) {
    set({ selectedId: id });
  },

  startNew() {
    set({ ...CLOSED, draft: newBudgetDraft(currentLocale()), outcome: null });
  },

  startEdit(row) {
    set({ ...CLOSED, draft: draftOfBudget(row, currentLocale()), outcome: null, selectedId: row.id });
  },

  edit(patch) {
    const draft = get().draft;
    if (!draft) return;
    const errors = { ...get().fieldErrors };
    for (const key of Object.keys(patch)) delete errors[key as BudgetField];
    set({ draft: { ...draft, ...patch }, fieldErrors: errors, formMessage: null });
  },

  editTotal(text) {
    const draft = get().draft;
    if (!draft) return;
    const { totalMinor: _cleared, ...errors } = get().fieldErrors;
    set({ draft: { ...draft, total: { text, locale: currentLocale() } }, fieldErrors: errors, formMessage: null });
  },

  checkTotal() {
    const draft = get().draft;
    if (!draft || draft.total.text.trim() === '') return;
    const reading = readTotal(draft.total);
    if (!reading.ok) {
      set({ fieldErrors: { ...get().fieldErrors, totalMinor: reading.message } });
      return;
    }
    const locale = currentLocale();
    set({ draft: { ...draft, total: { text: formatMoney(reading.value, locale), locale } } });
  },

  relocale(locale) {
    const draft = get().draft;
    if (!draft || draft.total.locale === locale) return;
    const reading = readTotal(draft.total);
    if (reading.ok) set({ draft: { ...draft, total: { text: formatMoney(reading.value, locale), locale } } });
  },

  cancelEdit() {
    if (!get().saving) set({ ...CLOSED });
  },

  async save() {
    const draft = get().draft;
    if (!draft || get().saving) return null;
    const reading = budgetInputOf(draft);
    if (!reading.ok) {
      set({ fieldErrors: { ...get().fieldErrors, totalMinor: reading.message }, formMessage: null });
      return null;
    }
    set({ saving: true, formMessage: null });
    const result = await api.saveBudgetOrder(reading.input);
    if (!result.ok) {
      const { error } = result;
      if (error.code === 'not-signed-in') void useSessionStore.getState().refreshOperator();
      const { errors, message } = placeRefusal(error, BUDGET_FIELDS);
      set({ saving: false, fieldErrors: errors, formMessage: message });
      return null;
    }
    const number = draft.number.trim().toUpperCase();
    const saved = result.value.budgets.find((row) => row.number === number) ?? null;
    set({
      ...CLOSED,
      view: result.value,
      selectedId: saved?.id ?? get().selectedId,
      outcome: { kind: 'saved', message: `${draft.id === null ? 'Added' : 'Saved'} budget order ${number}; recorded in the audit log.` },
    });
    return saved?.id ?? null;
  },

  hasUnsavedChanges() {
    const { draft, view } = get();
    if (!draft) return false;
    const stored = view?.budgets.find((row) => row.id === draft.id);
    return !sameBudgetDraft(draft, stored ? draftOfBudget(stored, draft.total.locale) : newBudgetDraft(draft.total.locale));
  },

  discard() {
    set({ ...CLOSED });
  },

  reset() {
    set({ ...EMPTY });
  },
}));

// Another operator signing in on this desk starts from what main answers them.
useSessionStore.subscribe((state, previous) => {
  if (state.operator?.id !== previous.operator?.id) useBudgetStore.getState().reset();
});
