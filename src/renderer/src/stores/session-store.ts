import { create } from 'zustand';
import type { OperatorSummary, Settings, SettingsChange } from '../../../shared/contracts';
import type { LocaleCode } from '../../../shared/locales';
import type { Result } from '../../../shared/result';
import { api, hasApi } from '../api';
import type { ChangeMyPasswordInput, MyAccount } from '../../../shared/operator-admin-schemas';

export type AppState = 'loading' | 'ready' | 'unavailable';
export type View = 'list' | 'entry' | 'audit' | 'settings' | 'review' | 'budgets' | 'admin' | 'invoices';

interface SessionState {
  appState: AppState;
  operator: OperatorSummary | null;
  settings: Settings | null;
  view: View;
  /** A problem reaching main at start or on a later refresh; shown above everything. */
  problem: string | null;
  signingIn: boolean;
  signInError: string | null;
  /**
   * Signed in with a password an admin set: the sign-in screen asks for a new one before anything
   * else, and `operator` stays null until it is changed (main refuses every other call meanwhile).
   */
  passwordChange: { operator: OperatorSummary; account: NonNullable<MyAccount> } | null;

  init(): Promise<void>;
  signIn(signInName: string, password: string): Promise<boolean>;
  signOut(): Promise<void>;
  refreshOperator(): Promise<void>;
  /** The operator's own password; after the "choose a new password" step it lets them in. */
  changeMyPassword(input: ChangeMyPasswordInput): Promise<Result<{ changed: true; reason: string }>>;
  refreshSettings(): Promise<void>;
  /** An admin's confirmed change to installation settings; the session shows main's answer at once. */
  updateSettings(change: SettingsChange): Promise<Result<Settings>>;
  /** The operator's own number and date format; null follows the installation's. */
  setMyLocale(locale: LocaleCode | null): Promise<Result<OperatorSummary>>;
  showList(): void;
  showEntry(): void;
  showAudit(): void;
  showSettings(): void;
  /** The review desk: supervisors and admins only (main refuses anyone else). */
  showReview(): void;
  /** The budget view: every signed-in operator reads it; admins change budget orders there. */
  showBudgets(): void;
  /** Administration: master data, operators, imports, coding and the access simulator (admins change, supervisors read). */
  showAdmin(): void;
  /** Supplier invoices against released POs and their accounting entries. */
  showInvoices(): void;
}

/** What the screens show of an operator; a change in any of these must reach them. */
const sameOperator = (a: OperatorSummary, b: OperatorSummary): boolean =>
  a.id === b.id && a.displayName === b.displayName && a.schemeName === b.schemeName && a.role === b.role && a.locale === b.locale;

/** Whether the operator just signed in must replace a password an admin set; null when not (or when main cannot say). */
async function passwordToChange(operator: OperatorSummary): Promise<SessionState['passwordChange']> {
  const account = await api.myAccount({});
  return account.ok && account.value?.mustChangePassword ? { operator, account: account.value } : null;
}

/** Who is signed in, the installation settings, and which screen is showing. */
export const useSessionStore = create<SessionState>()((set, get) => ({
  appState: 'loading',
  operator: null,
  settings: null,
  view: 'list',
  problem: null,
  signingIn: false,
  signInError: null,
  passwordChange: null,

  async init() {
    if (!hasApi()) {
      set({ appState: 'unavailable', problem: 'The purchasing desk service is not reachable. Restart the app.' });
      return;
    }
    const [operator, settings] = await Promise.all([api.currentOperator({}), api.getSettings({})]);
    const signedIn = operator.ok ? operator.value : null;
    const pending = signedIn ? await passwordToChange(signedIn) : null;
    set({
      appState: 'ready',
      operator: pending ? null : signedIn,
      passwordChange: pending,
      settings: settings.ok ? settings.value : null,
      problem: !operator.ok ? operator.error.message : !settings.ok ? settings.error.message : null,
      view: 'list',
    });
  },

  async signIn(signInName, password) {
    if (get().signingIn) return false;
    set({ signingIn: true, signInError: null });
    const result = await api.signIn({ signInName, password });
    if (!result.ok) {
      set({ signingIn: false, signInError: result.error.message });
      return false;
    }
    const [settings, pending] = await Promise.all([api.getSettings({}), passwordToChange(result.value)]);
    set({
      signingIn: false,
      operator: pending ? null : result.value,
      passwordChange: pending,
      settings: settings.ok ? settings.value : get().settings,
      view: 'list',
      problem: null,
    });
    return true;
  },

  async signOut() {
    const result = await api.signOut({});
    if (!result.ok) {
      set({ problem: result.error.message });
      return;
    }
    set({ operator: null, passwordChange: null, view: 'list', signInError: null, problem: null });
  },

  async changeMyPassword(input) {
    const result = await api.changeMyPassword(input);
    if (result.ok) {
      const pending = get().passwordChange;
      if (pending) set({ passwordChange: null, operator: pending.operator, view: 'list', signInError: null });
    } else if (result.error.code === 'not-signed-in') {
      set({ passwordChange: null });
      void get().refreshOperator();
    }
    return result;
  },

  async refreshOperator() {
    const result = await api.currentOperator({});
    if (!result.ok) return;
    const current = get().operator;
    const next = result.value;
    if (next === null) {
      if (current !== null || get().passwordChange !== null) set({ operator: null, passwordChange: null, view: 'list' });
      return;
    }
    // An admin reset this operator's password while they worked: main has ended the session, so next is null above; this is a new sign-in.
    const pending = await passwordToChange(next);
    if (pending) {
      set({ operator: null, passwordChange: pending });
      return;
    }
    if (!current || !sameOperator(current, next)) {
      set({ operator: next, ...(current?.id !== next.id ? { view: 'list' as View } : {}) });
    }
  },

  async refreshSettings() {
    const result = await api.getSettings({});
    if (result.ok) set({ settings: result.value });
  },

  async updateSettings(change) {
    const result = await api.updateSettings(change);
    if (result.ok) set({ settings: result.value });
    else if (result.error.code === 'not-signed-in') void get().refreshOperator();
    return result;
  },

  async setMyLocale(locale) {
    const result = await api.setMyLocale({ locale });
    if (result.ok) set({ operator: result.value });
    else if (result.error.code === 'not-signed-in') void get().refreshOperator();
    return result;
  },

  showList() {
    set({ view: 'list' });
  },

  showAudit() {
    set({ view: 'audit' });
  },

  showEntry() {
    set({ view: 'entry' });
  },

  showSettings() {
    set({ view: 'settings' });
  },

  showReview() {
    set({ view: 'review' });
  },

  showBudgets() {
    set({ view: 'budgets' });
  },

  showAdmin() {
    set({ view: 'admin' });
  },

  showInvoices() {
    set({ view: 'invoices' });
  },
}));
