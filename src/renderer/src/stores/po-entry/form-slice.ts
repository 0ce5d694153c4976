import { api } from '../../api';
import { HEADER_IDS } from '../../features/po-entry/field-ids';
import { isBlankLine, isEditable, newLine } from '../../features/po-entry/line-rules';
import { currentLocale } from '../../hooks/useLocaleFormat';
import { useCodingSetupStore } from '../coding-setup-store';
import { useSessionStore } from '../session-store';
import { formOf } from './draft-mapping';
import type { FormSlice, PoEntrySlice, PoEntryState } from './state';
import { forgetPending, tracking } from './tracking';

/** Every field of a form with nothing in it; the lists loaded from main survive a new form. */
export const blankForm = (): Partial<PoEntryState> => ({
  po: null,
  vendorText: '',
  warehouseCode: '',
  costCenterText: '',
  costCenterExplicit: false,
  costCenterTyped: false,
  noCostCenter: false,
  billingEntityText: '',
  projectCodeText: '',
  resolution: null,
  budgetOrderText: '',
  budgetOrderId: null,
  budgetPicker: null,
  budgetPickerError: null,
  headroom: null,
  lines: [newLine()],
  touched: {},
  submitted: false,
  fieldErrors: {},
  problems: [],
  largePo: null,
  alert: null,
  notice: null,
  busy: 'idle',
  dirty: false,
  pendingRemoval: null,
  stepQuestion: null,
  submitAfterSave: false,
  revisionView: null,
  organisationCode: null,
  headerCoding: {},
  codingBox: null,
  codingText: {},
});

/** Loading, starting and resetting the form; where focus should go next. */
export const createFormSlice: PoEntrySlice<FormSlice> = (set, get) => {
  const requestFocus = (id: string) => set({ focus: { id, seq: ++tracking.focusSeq } });
  return {
    po: null,
    alert: null,
    notice: null,
    busy: 'idle',
    dirty: false,
    focus: null,
    warehouses: [],
    codes: null,

    newPo() {
      forgetPending();
      set(blankForm());
      requestFocus(HEADER_IDS.vendor);
      void get().resolve(true);
      if (get().warehouses.length === 0) void get().loadWarehouses();
      void get().loadCodes();
      void useCodingSetupStore.getState().load(null);
    },

    async open(id, mode = 'change') {
      forgetPending();
      set({ ...blankForm(), busy: 'loading' });
      void get().loadCodes();
      let result = await api.openPo({ id, mode });
      let refusal: string | null = null;
      if (!result.ok && result.error.code === 'refused' && mode === 'change') {
        // Change mode refused (rule 5): the PO still opens to view, with main's reason on top.
        refusal = result.error.message;
        result = await api.openPo({ id, mode: 'view' });
      }
      if (!result.ok) {
        set({ busy: 'idle', alert: result.error.message });
        if (result.error.code === 'not-signed-in') void useSessionStore.getState().refreshOperator();
        return false;
      }
      const detail = result.value;
      set({ ...blankForm(), ...formOf(detail, currentLocale()), alert: refusal });
      const firstEditable = get().lines.find((line) => isEditable(line, detail.access.mode === 'view'));
      requestFocus(detail.access.mode === 'view' || !firstEditable ? 'po-entry-title' : HEADER_IDS.vendor);
      void get().resolve(true);
      void useCodingSetupStore.getState().load(get().organisationCode);
      if (get().warehouses.length === 0) void get().loadWarehouses();
      return true;
    },

    async loadCodes() {
      if (get().codes) return;
      const result = await api.listDistributionCodes({});
      if (result.ok) set({ codes: result.value });
    },

    async loadWarehouses() {
      const result = await api.listWarehouses({});
      if (result.ok) set({ warehouses: result.value });
    },

    requestFocus,

    settingsChanged() {
      void get().resolve(true);
      void get().loadBudgetPicker();
    },

    discard() {
      forgetPending();
      set(blankForm());
    },

    unsavedSummary() {
      const state = get();
      if (!state.dirty || state.po?.mode === 'view') return null;
      const typed = state.lines.filter((line) => !isBlankLine(line)).length;
      const what = state.po ? `your changes to ${state.po.number}` : 'the new PO you are entering';
      const lines = typed === 0 ? '' : ` (${typed} line${typed === 1 ? '' : 's'})`;
      return `Leaving now discards ${what}${lines}: nothing of it has been saved.`;
    },

    reset() {
      forgetPending();
      set({ ...blankForm(), focus: null, warehouses: [] });
    },
  };
};
