import { create } from 'zustand';
import type { CodingSetup } from '../../../shared/coding-schemas';
import type { AppError, Result } from '../../../shared/result';
import { type FormContext, type FormKindName, type FormValues, fieldOfPath, fieldsOf, formKindOf } from '../features/coding-admin/admin-forms';
import { issuesOf } from '../components/field-errors';
import { api } from '../api';
import { useCodingSetupStore } from './coding-setup-store';
import { useSessionStore } from './session-store';

export interface OpenForm {
  kind: FormKindName;
  /** The stored record's key (its code), or null for a new one. */
  editing: string | null;
  values: FormValues;
  /** The values as the form opened, to tell unsaved changes from none. */
  opened: string;
  context: FormContext;
}

/** The deletes the admin screens offer, each asked first. */
export type DeleteCall = 'deleteDimensionType' | 'deleteDimensionValue' | 'deleteMatrixCell';

export interface PendingDelete {
  /** The section it belongs to: its outcome is shown there. */
  kind: FormKindName;
  call: DeleteCall;
  input: unknown;
  /** "the matrix cell FASTENERS × every supplier group". */
  what: string;
  /** The question's sentence. */
  message: string;
  /** Where the cursor goes once the record is gone: the section's Add button. */
  focusAfter: string;
}

interface CodingAdminState {
  form: OpenForm | null;
  errors: Record<string, string>;
  /** A refusal that names no field of the form. */
  formMessage: string | null;
  saving: boolean;
  /** The last save's sentence, under the section it belongs to. */
  outcome: { kind: FormKindName | 'settings'; status: 'saved' | 'refused'; message: string; fromDelete?: boolean } | null;
  /** The dimension type whose values are listed. */
  typeCode: string;
  /** A delete being asked about. */
  deleting: PendingDelete | null;
  /** `organisationCode` in `context`: the scope the record is in (null: the global set); absent: the organisation shown. */
  open(kind: FormKindName, values: FormValues | null, editing: string | null, context?: Partial<FormContext>): void;
  askDelete(pending: PendingDelete): void;
  cancelDelete(): void;
  /** Sends the delete asked about; true when main deleted it, false when it refused (the reason is the section's outcome). */
  confirmDelete(): Promise<boolean>;
  edit(key: string, value: string | boolean): void;
  cancel(): void;
  /** Sends the form; true when main took it. */
  save(): Promise<boolean>;
  saveSettings(change: Partial<CodingSetup['settings']>): Promise<boolean>;
  chooseType(code: string): void;
  reset(): void;
}

const CLOSED = { form: null, errors: {}, formMessage: null, saving: false } as const;

function refusal(error: AppError, kind: FormKindName): { errors: Record<string, string>; message: string | null } {
  const errors: Record<string, string> = {};
  const fields = fieldsOf(formKindOf(kind), useCodingSetupStore.getState().setup);
  for (const issue of issuesOf(error)) {
    const field = fieldOfPath(fields, issue.path);
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return { errors, message: Object.keys(errors).length > 0 ? null : error.message };
}

type SaveFn = (input: unknown) => Promise<Result<CodingSetup>>;

/** The Row coding admin screen's forms: one open at a time, main's refusals beside its fields, the fresh setup after each save. */
export const useCodingAdminStore = create<CodingAdminState>()((set, get) => ({
  ...CLOSED,
  outcome: null,
  typeCode: 'cost-unit',
  deleting: null,

  open(kind, values, editing, scope) {
    const setup = useCodingSetupStore.getState().setup;
    if (!setup) return;
    const context: FormContext = { organisationCode: setup.organisationCode, typeCode: get().typeCode, ...scope };
    const start = values ?? formKindOf(kind).blank(setup, context);
    set({ ...CLOSED, outcome: null, form: { kind, editing, context, values: start, opened: JSON.stringify(start) } });
  },

  edit(key, value) {
    const form = get().form;
    if (!form) return;
    const errors = { ...get().errors };
    delete errors[key];
    set({ form: { ...form, values: { ...form.values, [key]: value } }, errors, formMessage: null });
  },

  cancel() {
    if (!get().saving) set({ ...CLOSED });
  },

  async save() {
    const form = get().form;
    if (!form || get().saving) return false;
    const kind = formKindOf(form.kind);
    set({ saving: true, formMessage: null });
    const call = api[kind.call] as unknown as SaveFn;
    const result = await call(kind.input(form.values, form.context));
    if (!result.ok) {
      if (result.error.code === 'not-signed-in') void useSessionStore.getState().refreshOperator();
      const { errors, message } = refusal(result.error, form.kind);
      set({ saving: false, errors, formMessage: message });
      return false;
    }
    useCodingSetupStore.getState().replace(result.value);
    const what = form.editing === null && form.kind !== 'standardAccounts' ? 'Added' : 'Saved';
    set({ ...CLOSED, outcome: { kind: form.kind, status: 'saved', message: `${what} the ${kind.noun}; recorded in the audit log.` } });
    return true;
  },

  async saveSettings(change) {
    if (get().saving) return false;
    set({ saving: true });
    const result = await api.saveRowCodingSettings(change);
    if (!result.ok) {
      set({ saving: false, outcome: { kind: 'settings', status: 'refused', message: `Not saved: ${result.error.message}` } });
      return false;
    }
    useCodingSetupStore.getState().replace(result.value);
    set({ saving: false, outcome: { kind: 'settings', status: 'saved', message: 'Saved the row-coding settings; recorded in the audit log.' } });
    return true;
  },

  askDelete(pending) {
    if (get().saving) return;
    set({ ...CLOSED, outcome: null, deleting: pending });
  },

  cancelDelete() {
    if (!get().saving) set({ deleting: null });
  },

  async confirmDelete() {
    const pending = get().deleting;
    if (!pending || get().saving) return false;
    set({ saving: true });
    const call = api[pending.call] as unknown as SaveFn;
    const result = await call(pending.input);
    if (!result.ok) {
      if (result.error.code === 'not-signed-in') void useSessionStore.getState().refreshOperator();
      set({ saving: false, deleting: null, outcome: { kind: pending.kind, status: 'refused', message: `Not deleted: ${result.error.message}`, fromDelete: true } });
      return false;
    }
    useCodingSetupStore.getState().replace(result.value);
    set({ saving: false, deleting: null, outcome: { kind: pending.kind, status: 'saved', message: `Deleted ${pending.what}; recorded in the audit log.`, fromDelete: true } });
    return true;
  },

  chooseType(code) {
    set({ typeCode: code });
  },

  reset() {
    set({ ...CLOSED, outcome: null, typeCode: 'cost-unit', deleting: null });
  },
}));

useSessionStore.subscribe((state, previous) => {
  if (state.operator?.id !== previous.operator?.id) useCodingAdminStore.getState().reset();
});
