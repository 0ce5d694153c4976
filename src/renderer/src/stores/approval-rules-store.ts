import { create } from 'zustand';
import type { ApprovalBandView, ApprovalRulesView } from '../../../shared/lifecycle-schemas';
import type { LocaleCode } from '../../../shared/locales';
import { api } from '../api';
import { limitText, limitWords, readLimit } from '../features/approval-rules/approval-limit';
import {
  type BandDraft,
  type BandField,
  draftDiffers,
  draftOfBand,
  newBandDraft,
  placeRefusal,
  readBandDraft,
  readFrom,
} from '../features/approval-rules/band-draft';
import { formatMoney } from '../../../shared/locale-format';
import { currentLocale } from '../hooks/useLocaleFormat';
import { useSessionStore } from './session-store';

export interface RulesOutcome {
  kind: 'saved' | 'refused';
  /** Which table the sentence is shown under. */
  about: 'bands' | 'limits';
  message: string;
}

interface LimitEdit {
  text: string;
  locale: LocaleCode;
}

interface ApprovalRulesState {
  view: ApprovalRulesView | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  loadError: string | null;
  /** The add/edit form; null while closed. */
  draft: BandDraft | null;
  fieldErrors: Partial<Record<BandField, string>>;
  /** A refusal of the form that belongs to no one field. */
  formMessage: string | null;
  saving: boolean;
  /** What the last save, delete or limit change did, for the status line. */
  outcome: RulesOutcome | null;
  /** The band a delete is asking about. */
  pendingDelete: ApprovalBandView | null;
  /** Limits as typed, per approver id; an approver not here shows the stored limit. */
  limitEdits: Record<number, LimitEdit>;
  limitErrors: Record<number, string>;
  limitSaving: number | null;

  load(): Promise<void>;
  startNew(): void;
  startEdit(band: ApprovalBandView): void;
  edit(patch: Partial<Omit<BandDraft, 'id' | 'from'>>): void;
  editFrom(text: string): void;
  /** Leaving the amount: a readable one is shown as it will be stored; an unreadable one is explained and kept. */
  checkFrom(): void;
  toggleNamed(id: number, on: boolean): void;
  cancelEdit(): void;
  /** Sends the form; answers the band saved (its id) or null when refused. */
  save(): Promise<number | null>;
  askDelete(band: ApprovalBandView): void;
  cancelDelete(): void;
  confirmDelete(): Promise<void>;
  editLimit(operatorId: number, text: string): void;
  checkLimit(operatorId: number): void;
  /** Sends one approver's limit; answers whether it was stored. */
  saveLimit(operatorId: number): Promise<boolean>;
  hasUnsavedChanges(): boolean;
  discard(): void;
  reset(): void;
}

const CLOSED_FORM = { draft: null, fieldErrors: {}, formMessage: null, saving: false } satisfies Partial<ApprovalRulesState>;
const EMPTY = {
  view: null,
  status: 'idle',
  loadError: null,
  ...CLOSED_FORM,
  outcome: null,
  pendingDelete: null,
  limitEdits: {},
  limitErrors: {},
  limitSaving: null,
} satisfies Partial<ApprovalRulesState>;

const without = <T>(record: Record<number, T>, key: number): Record<number, T> => {
  const { [key]: _dropped, ...rest } = record;
  return rest;
};

/** The approval rules screen: the bands and approvers main answers, the add/edit form, and the limits being typed. */
export const useApprovalRulesStore = create<ApprovalRulesState>()((set, get) => ({
  ...EMPTY,

  async load() {
    set((state) => ({ status: state.view ? state.status : 'loading' }));
    const result = await api.listApprovalRules({});
    if (result.ok) set({ view: result.value, status: 'ready', loadError: null });
    else set({ status: 'error', loadError: result.error.message });
  },

  startNew() {
    set({ ...CLOSED_FORM, draft: newBandDraft(currentLocale()), outcome: null });
  },

  startEdit(band) {
    set({ ...CLOSED_FORM, draft: draftOfBand(band, currentLocale()), outcome: null });
  },

  edit(patch) {
    const draft = get().draft;
    if (!draft) return;
    const cleared = { ...get().fieldErrors };
    for (const key of Object.keys(patch)) {
      if (key === 'scope') delete cleared.scope;
      if (key === 'approvalsRequired') delete cleared.approvalsRequired;
      if (key === 'adminRequired') delete cleared.adminRequired;
      if (key === 'approverChoice' || key === 'namedIds') delete cleared.approvers;
    }
    set({ draft: { ...draft, ...patch }, fieldErrors: cleared, formMessage: null });
  },

  editFrom(text) {
    const draft = get().draft;
    if (!draft) return;
    const { from: _from, ...others } = get().fieldErrors;
    set({ draft: { ...draft, from: { text, locale: currentLocale() } }, fieldErrors: others, formMessage: null });
  },

  checkFrom() {
    const draft = get().draft;
    if (!draft || draft.from.text.trim() === '') return;
    const reading = readFrom(draft.from);
    if (!reading.ok) {
      set({ fieldErrors: { ...get().fieldErrors, from: reading.message } });
      return;
    }
    const locale = currentLocale();
    set({ draft: { ...draft, from: { text: formatMoney(reading.value, locale), locale } } });
  },

  toggleNamed(id, on) {
    const draft = get().draft;
    if (!draft) return;
    const namedIds = on ? [...new Set([...draft.namedIds, id])] : draft.namedIds.filter((named) => named !== id);
    get().edit({ namedIds });
  },

  cancelEdit() {
    if (!get().saving) set({ ...CLOSED_FORM });
  },

  async save() {
    const draft = get().draft;
    if (!draft || get().saving) return null;
    const reading = readBandDraft(draft);
    if (!reading.ok) {
      set({ fieldErrors: { ...get().fieldErrors, [reading.field]: reading.message }, formMessage: null });
      return null;
    }
    set({ saving: true, formMessage: null });
    const before = get().view;
    const result = await api.saveApprovalBand(reading.input);
    if (!result.ok) {
      const placed = placeRefusal(result.error);
      set({ saving: false, ...placed });
      if (result.error.code === 'not-found') void get().load();
      return null;
    }
    const view = result.value;
    const savedId = draft.id ?? view.bands.find((band) => !before?.bands.some((b) => b.id === band.id))?.id ?? null;
    const label = view.bands.find((band) => band.id === savedId)?.label;
    const verb = draft.id === null ? 'Added' : 'Saved';
    set({
      ...CLOSED_FORM,
      view,
      status: 'ready',
      outcome: { kind: 'saved', about: 'bands', message: label ? `${verb} the band ${label}. Recorded in the audit log.` : `${verb}. Recorded in the audit log.` },
    });
    return savedId;
  },

  askDelete(band) {
    set({ pendingDelete: band, outcome: null });
  },

  cancelDelete() {
    if (!get().saving) set({ pendingDelete: null });
  },

  async confirmDelete() {
    const band = get().pendingDelete;
    if (!band || get().saving) return;
    set({ saving: true });
    const result = await api.deleteApprovalBand({ id: band.id });
    if (!result.ok) {
      set({ saving: false, pendingDelete: null, outcome: { kind: 'refused', about: 'bands', message: `Not deleted: ${result.error.message}` } });
      if (result.error.code === 'not-found') void get().load();
      return;
    }
    // A form open on the deleted band has nothing left to save.
    const formGone = get().draft?.id === band.id;
    set({
      ...(formGone ? CLOSED_FORM : {}),
      saving: false,
      pendingDelete: null,
      view: result.value,
      outcome: { kind: 'saved', about: 'bands', message: `Deleted the band ${band.label}. Recorded in the audit log.` },
    });
  },

  editLimit(operatorId, text) {
    set((state) => ({ limitEdits: { ...state.limitEdits, [operatorId]: { text, locale: currentLocale() } }, limitErrors: without(state.limitErrors, operatorId), outcome: null }));
  },

  checkLimit(operatorId) {
    const typed = get().limitEdits[operatorId];
    if (!typed) return;
    const reading = readLimit(typed.text, typed.locale);
    if (!reading.ok) {
      set((state) => ({ limitErrors: { ...state.limitErrors, [operatorId]: reading.message } }));
      return;
    }
    const locale = currentLocale();
    set((state) => ({ limitEdits: { ...state.limitEdits, [operatorId]: { text: limitText(reading.value, locale), locale } } }));
  },

  async saveLimit(operatorId) {
    const { view, limitEdits, limitSaving } = get();
    const approver = view?.approvers.find((a) => a.id === operatorId);
    if (!approver || limitSaving !== null) return false;
    const typed = limitEdits[operatorId] ?? { text: limitText(approver.approvalLimitMinor, currentLocale()), locale: currentLocale() };
    const reading = readLimit(typed.text, typed.locale);
    if (!reading.ok) {
      set((state) => ({ limitErrors: { ...state.limitErrors, [operatorId]: reading.message } }));
      return false;
    }
    if (reading.value === approver.approvalLimitMinor) {
      set((state) => ({
        limitEdits: without(state.limitEdits, operatorId),
        outcome: { kind: 'saved', about: 'limits', message: `Nothing to save: ${approver.displayName} already has ${reading.value === null ? 'no approval limit' : `an approval limit of ${limitWords(reading.value, currentLocale())}`}.` },
      }));
      return true;
    }
    set({ limitSaving: operatorId });
    const result = await api.setApprovalLimit({ operatorId, approvalLimitMinor: reading.value });
    if (!result.ok) {
      set((state) => ({ limitSaving: null, limitErrors: { ...state.limitErrors, [operatorId]: result.error.message } }));
      return false;
    }
    const words = reading.value === null ? 'now has no approval limit' : `may now approve POs up to ${limitWords(reading.value, currentLocale())}`;
    set((state) => ({
      limitSaving: null,
      view: result.value,
      limitEdits: without(state.limitEdits, operatorId),
      outcome: { kind: 'saved', about: 'limits', message: `${approver.displayName} ${words}. Recorded in the audit log.` },
    }));
    return true;
  },

  hasUnsavedChanges() {
    const { draft, view, limitEdits } = get();
    if (draft && draftDiffers(draft, view)) return true;
    return Object.entries(limitEdits).some(([id, typed]) => {
      const stored = view?.approvers.find((a) => a.id === Number(id));
      const reading = readLimit(typed.text, typed.locale);
      return !stored || !reading.ok || reading.value !== stored.approvalLimitMinor;
    });
  },

  discard() {
    set({ ...CLOSED_FORM, limitEdits: {}, limitErrors: {}, pendingDelete: null });
  },

  reset() {
    set({ ...EMPTY });
  },
}));

// Another operator signing in on this desk starts from nothing: what one may read, another may not.
useSessionStore.subscribe((state, previous) => {
  if (state.operator?.id !== previous.operator?.id) useApprovalRulesStore.getState().reset();
});
