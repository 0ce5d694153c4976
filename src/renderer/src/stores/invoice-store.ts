import { create } from 'zustand';
import type { InvoiceDetail, InvoiceDraft, InvoiceSummary } from '../../../shared/invoice-schemas';
import { errorsOfRefusal, type FormErrors, type InvoiceFormDraft, type InvoiceRowDraft, newInvoiceForm, NO_ERRORS, readInvoiceForm, todayIso } from '../features/invoices/invoice-draft';
import { currentLocale } from '../hooks/useLocaleFormat';
import { api } from '../api';
import { useSessionStore } from './session-store';

/** The Invoices view: the list, the invoice shown with its entry, and the form registering a new one. */

export type InvoiceFilter = { number: string; vendorCode: string };

interface RegisterState {
  /** The PO number as typed, before its rows are read. */
  poNumber: string;
  poError: string | null;
  finding: boolean;
  draft: InvoiceDraft | null;
  form: InvoiceFormDraft | null;
  errors: FormErrors;
  /** Main's sentence for the whole refusal. */
  message: string | null;
  saving: boolean;
}

interface InvoiceState {
  invoices: InvoiceSummary[] | null;
  canRegister: boolean;
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadError: string | null;
  filter: InvoiceFilter;
  selectedId: number | null;
  detail: InvoiceDetail | null;
  detailError: string | null;
  /** What the last registration, export or report said. */
  notice: { kind: 'done' | 'refused'; message: string } | null;
  register: RegisterState | null;

  load(): Promise<void>;
  setFilter(patch: Partial<InvoiceFilter>): void;
  select(id: number): Promise<void>;
  startRegister(poNumber?: string): void;
  editPoNumber(text: string): void;
  findPo(): Promise<boolean>;
  editForm(patch: Partial<Pick<InvoiceFormDraft, 'number' | 'date' | 'total'>>): void;
  editRow(rowNumber: number, patch: Partial<Omit<InvoiceRowDraft, 'rowNumber'>>): void;
  /** Sends the invoice; answers the registered invoice's id, or null when refused. */
  submit(): Promise<number | null>;
  cancelRegister(): void;
  setNotice(notice: InvoiceState['notice']): void;
  reset(): void;
}

const EMPTY_REGISTER: RegisterState = { poNumber: '', poError: null, finding: false, draft: null, form: null, errors: NO_ERRORS, message: null, saving: false };
const EMPTY = {
  invoices: null,
  canRegister: false,
  status: 'idle',
  loadError: null,
  filter: { number: '', vendorCode: '' },
  selectedId: null,
  detail: null,
  detailError: null,
  notice: null,
  register: null,
} satisfies Partial<InvoiceState>;

const signedOut = (code: string) => {
  if (code === 'not-signed-in') void useSessionStore.getState().refreshOperator();
};

export const useInvoiceStore = create<InvoiceState>()((set, get) => ({
  ...EMPTY,

  async load() {
    set((state) => ({ status: state.invoices ? state.status : 'loading' }));
    const { filter } = get();
    const result = await api.listSupplierInvoices({ ...(filter.number.trim() ? { number: filter.number } : {}), ...(filter.vendorCode.trim() ? { vendorCode: filter.vendorCode } : {}) });
    if (!result.ok) {
      signedOut(result.error.code);
      set({ status: 'error', loadError: result.error.message });
      return;
    }
    set({ invoices: result.value.invoices, canRegister: result.value.canRegister, status: 'ready', loadError: null });
    const selected = get().selectedId;
    if (selected !== null && result.value.invoices.some((invoice) => invoice.id === selected)) await get().select(selected);
  },

  setFilter(patch) {
    set((state) => ({ filter: { ...state.filter, ...patch } }));
  },

  async select(id) {
    set({ selectedId: id, detailError: null });
    const result = await api.openSupplierInvoice({ id });
    if (get().selectedId !== id) return;
    if (!result.ok) {
      signedOut(result.error.code);
      set({ detail: null, detailError: result.error.message });
      return;
    }
    set((state) => ({ detail: { ...result.value, registeredReason: state.detail?.invoice.id === id ? state.detail.registeredReason : null } }));
  },

  startRegister(poNumber = '') {
    set({ register: { ...EMPTY_REGISTER, poNumber }, notice: null });
  },

  editPoNumber(text) {
    set((state) => (state.register ? { register: { ...state.register, poNumber: text, poError: null } } : {}));
  },

  async findPo() {
    const register = get().register;
    if (!register) return false;
    if (register.poNumber.trim() === '') {
      set({ register: { ...register, poError: 'Enter the number of the released PO the invoice is for, e.g. PO-000123.' } });
      return false;
    }
    set({ register: { ...register, finding: true, poError: null } });
    const result = await api.invoiceDraftForPo({ poNumber: register.poNumber });
    const now = get().register;
    if (!now) return false;
    if (!result.ok) {
      signedOut(result.error.code);
      set({ register: { ...now, finding: false, draft: null, form: null, poError: result.error.message } });
      return false;
    }
    const draft = result.value;
    if (!draft.invoiceable) {
      set({ register: { ...now, finding: false, draft: null, form: null, poError: draft.reason } });
      return false;
    }
    set({ register: { ...now, finding: false, draft, form: newInvoiceForm(draft, currentLocale(), todayIso()), errors: NO_ERRORS, message: null } });
    return true;
  },

  editForm(patch) {
    set((state) => {
      const register = state.register;
      if (!register?.form) return {};
      const fields = { ...register.errors.fields };
      if ('number' in patch) delete fields.number;
      if ('date' in patch) delete fields.date;
      if ('total' in patch) delete fields.totalMinor;
      return { register: { ...register, form: { ...register.form, ...patch }, errors: { ...register.errors, fields } } };
    });
  },

  editRow(rowNumber, patch) {
    set((state) => {
      const register = state.register;
      if (!register?.form) return {};
      const rows = { ...register.errors.rows };
      delete rows[rowNumber];
      const fields = { ...register.errors.fields };
      delete fields.lines;
      return {
        register: {
          ...register,
          form: { ...register.form, rows: register.form.rows.map((row) => (row.rowNumber === rowNumber ? { ...row, ...patch } : row)) },
          errors: { fields, rows },
        },
      };
    });
  },

  async submit() {
    const register = get().register;
    if (!register?.form || register.saving) return null;
    const reading = readInvoiceForm(register.form);
    if (!reading.ok) {
      set({ register: { ...register, errors: reading.errors, message: 'Nothing was registered: correct what is marked.' } });
      return null;
    }
    set({ register: { ...register, saving: true, message: null } });
    const result = await api.registerSupplierInvoice(reading.input);
    const now = get().register;
    if (!now) return null;
    if (!result.ok) {
      signedOut(result.error.code);
      const errors = result.error.code === 'refused' ? errorsOfRefusal(result.error.issues ?? [], reading.rowNumbers, result.error.message) : NO_ERRORS;
      set({ register: { ...now, saving: false, errors, message: `Nothing was registered. ${result.error.message}` } });
      return null;
    }
    const detail = result.value;
    set({ register: null, selectedId: detail.invoice.id, detail, detailError: null, notice: { kind: 'done', message: detail.registeredReason ?? `Invoice ${detail.invoice.number} registered.` } });
    void get().load();
    return detail.invoice.id;
  },

  cancelRegister() {
    set({ register: null });
  },

  setNotice(notice) {
    set({ notice });
  },

  reset() {
    set({ ...EMPTY });
  },
}));
