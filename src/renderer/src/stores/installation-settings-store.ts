import { create } from 'zustand';
import type { SettingsChange } from '../../../shared/contracts';
import type { LocaleCode } from '../../../shared/locales';
import {
  describeSettingChanges,
  type InstallationEdits,
  largePoText,
  readInstallationDraft,
  readLargePo,
  type SettingChangeDescription,
} from '../features/settings/setting-changes';
import { currentLocale } from '../hooks/useLocaleFormat';
import { useSessionStore } from './session-store';

export interface PendingSettingsChange {
  change: SettingsChange;
  /** What the confirmation says will change, one per setting. */
  descriptions: SettingChangeDescription[];
}

export interface SettingsOutcome {
  kind: 'saved' | 'unchanged' | 'refused';
  message: string;
}

interface InstallationSettingsState {
  edits: InstallationEdits;
  /** Why the large-PO text was refused; the text itself stays as typed. */
  largePoError: string | null;
  /** Asked for confirmation and not yet answered. */
  pending: PendingSettingsChange | null;
  saving: boolean;
  outcome: SettingsOutcome | null;

  edit(patch: Omit<InstallationEdits, 'largePo'>): void;
  editLargePo(text: string): void;
  /** Leaving the field: a readable amount is shown as it will be stored; an unreadable one is explained. */
  checkLargePo(): void;
  /** The admin's own format changed: a readable amount is re-shown in it, so it keeps its meaning. */
  relocale(locale: LocaleCode): void;
  /** Save pressed: asks for confirmation of exactly what changes, or says why it cannot. */
  review(): void;
  cancel(): void;
  confirm(): Promise<void>;
  discard(): void;
  hasUnsavedChanges(): boolean;
  reset(): void;
}

const EMPTY = { edits: {}, largePoError: null, pending: null, saving: false, outcome: null } satisfies Partial<InstallationSettingsState>;

/** The admin's installation-settings form: edits over the stored settings, one confirmed save, audited by main. */
export const useInstallationSettingsStore = create<InstallationSettingsState>()((set, get) => ({
  ...EMPTY,

  edit(patch) {
    set((state) => ({ edits: { ...state.edits, ...patch }, outcome: null }));
  },

  editLargePo(text) {
    set((state) => ({ edits: { ...state.edits, largePo: { text, locale: currentLocale() } }, largePoError: null, outcome: null }));
  },

  checkLargePo() {
    const typed = get().edits.largePo;
    if (!typed) return;
    const reading = readLargePo(typed.text, typed.locale);
    if (!reading.ok) {
      set({ largePoError: reading.message });
      return;
    }
    const locale = currentLocale();
    set((state) => ({ edits: { ...state.edits, largePo: { text: largePoText(reading.value, locale), locale } }, largePoError: null }));
  },

  relocale(locale) {
    const typed = get().edits.largePo;
    if (!typed || typed.locale === locale) return;
    const reading = readLargePo(typed.text, typed.locale);
    // Unreadable text stays exactly as typed, still read in the format it was typed in.
    if (reading.ok) set((state) => ({ edits: { ...state.edits, largePo: { text: largePoText(reading.value, locale), locale } } }));
  },

  review() {
    const settings = useSessionStore.getState().settings;
    if (!settings || get().saving) return;
    const reading = readInstallationDraft(settings, get().edits);
    if (!reading.ok) {
      set({ largePoError: reading.message, outcome: null });
      return;
    }
    const descriptions = describeSettingChanges(settings, reading.change, currentLocale());
    if (descriptions.length === 0) {
      set({ outcome: { kind: 'unchanged', message: 'Nothing to save: these are the stored settings.' } });
      return;
    }
    set({ pending: { change: reading.change, descriptions }, outcome: null });
  },

  cancel() {
    if (!get().saving) set({ pending: null });
  },

  async confirm() {
    const pending = get().pending;
    if (!pending || get().saving) return;
    set({ saving: true });
    const result = await useSessionStore.getState().updateSettings(pending.change);
    if (result.ok) {
      const summaries = pending.descriptions.map((description) => description.summary).join('; ');
      set({ ...EMPTY, outcome: { kind: 'saved', message: `Saved and recorded in the audit log: ${summaries}.` } });
      return;
    }
    const { error } = result;
    const onLargePo = error.field === 'largePoAmountMinor';
    set({
      saving: false,
      pending: null,
      largePoError: onLargePo ? (error.issues?.find((issue) => issue.path === error.field)?.message ?? error.message) : get().largePoError,
      outcome: onLargePo ? null : { kind: 'refused', message: `Not saved: ${error.message}` },
    });
  },

  discard() {
    set({ ...EMPTY });
  },

  hasUnsavedChanges() {
    const settings = useSessionStore.getState().settings;
    if (!settings) return false;
    const reading = readInstallationDraft(settings, get().edits);
    return !reading.ok || Object.keys(reading.change).length > 0;
  },

  reset() {
    set({ ...EMPTY });
  },
}));

// Another operator signing in on this desk starts from the stored settings.
useSessionStore.subscribe((state, previous) => {
  if (state.operator?.id !== previous.operator?.id) useInstallationSettingsStore.getState().reset();
});
