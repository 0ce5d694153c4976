import { formatDate } from '../../../../shared/locale-format';
import { api } from '../../api';
import { currentLocale } from '../../hooks/useLocaleFormat';
import { useSessionStore } from '../session-store';
import { normalCode, withoutKeys } from './draft-mapping';
import type { BudgetSlice, PoEntrySlice } from './state';
import { tracking } from './tracking';

/** Latest picker and headroom questions: a slow answer never overwrites a newer one. */
const asked = { picker: 0, headroom: 0, total: null as number | null };

/**
 * The budget order a PO draws on: the picker's list (open budget orders valid on the PO's date, with
 * total and unallocated), the choice, and what the PO as typed would leave unallocated. Main judges
 * every figure and every warning; this slice only asks and keeps the answers in order.
 */
export const createBudgetSlice: PoEntrySlice<BudgetSlice> = (set, get) => ({
  budgetOrderText: '',
  budgetOrderId: null,
  budgetPicker: null,
  budgetPickerError: null,
  headroom: null,

  async loadBudgetPicker() {
    const po = get().po;
    const seq = ++asked.picker;
    const result = await api.budgetOrderPicker(po ? { poId: po.id } : {});
    if (seq !== asked.picker || get().po?.id !== po?.id) return;
    if (!result.ok) {
      if (result.error.code === 'not-signed-in') void useSessionStore.getState().refreshOperator();
      set({ budgetPickerError: result.error.message });
      return;
    }
    set({ budgetPicker: result.value, budgetPickerError: null });
  },

  setBudgetOrderText(text) {
    tracking.editSeq++;
    set((state) => ({ budgetOrderText: text, fieldErrors: withoutKeys(state.fieldErrors, ['budgetOrder']), dirty: true, notice: null }));
  },

  commitBudgetOrder(text) {
    const number = normalCode(text);
    const state = get();
    if (number === '') {
      set({ budgetOrderText: '', budgetOrderId: null, headroom: null });
      return;
    }
    const option = state.budgetPicker?.options.find((candidate) => candidate.number === number);
    const stored = state.po?.budgetOrder;
    if (option) {
      set({ budgetOrderText: option.number, budgetOrderId: option.id });
    } else if (stored && stored.number === number) {
      // The PO's own budget order may no longer be offered (closed, or the PO's date outside it); it stays, and main judges it on save.
      set({ budgetOrderText: stored.number, budgetOrderId: stored.id });
    } else {
      const date = state.budgetPicker?.date;
      const offered = state.budgetPicker?.options.map((candidate) => candidate.number) ?? [];
      const choices = offered.length > 0 ? ` Choose one of ${offered.join(', ')}.` : ' No budget order is open on it.';
      set((current) => ({
        budgetOrderText: number,
        budgetOrderId: null,
        headroom: null,
        fieldErrors: {
          ...current.fieldErrors,
          budgetOrder: `Budget order ${number} is not open on this PO's date${date ? `, ${formatDate(date, currentLocale())}` : ''}.${choices}`,
        },
      }));
    }
  },

  async checkHeadroom(totalMinor) {
    const { budgetOrderId, po } = get();
    const seq = ++asked.headroom;
    // A save refused for the total it had: once the total changes that refusal no longer stands; what the PO leaves now says the rest.
    if (asked.total !== null && asked.total !== totalMinor && budgetOrderId !== null && get().fieldErrors.budgetOrder) {
      set((state) => ({ fieldErrors: withoutKeys(state.fieldErrors, ['budgetOrder']) }));
    }
    asked.total = totalMinor;
    if (budgetOrderId === null) {
      if (get().headroom !== null) set({ headroom: null });
      return;
    }
    const result = await api.budgetOrderHeadroom({ budgetOrderId, totalMinor, ...(po ? { poId: po.id } : {}) });
    if (seq !== asked.headroom || get().budgetOrderId !== budgetOrderId) return;
    if (!result.ok) {
      if (result.error.code === 'not-signed-in') void useSessionStore.getState().refreshOperator();
      set((state) => ({ headroom: null, fieldErrors: { ...state.fieldErrors, budgetOrder: result.error.message } }));
      return;
    }
    set({ headroom: result.value });
  },
});
