import { create } from 'zustand';
import { useApprovalRulesStore } from './approval-rules-store';
import { useBudgetStore } from './budget-store';
import { useInstallationSettingsStore } from './installation-settings-store';
import { usePurchasingControlsStore } from './purchasing-controls-store';
import { useReviewStore } from './review-store';
import { usePoEntryStore } from './po-entry-store';
import { useSessionStore } from './session-store';
import { unsavedFormSummary } from './unsaved-forms';

/**
 * Leaving a screen with unsaved work asks first (new PO, another view, sign-out); the question
 * says what would be lost. Reload and window close are asked by the browser or Electron.
 */
interface LeaveGuardState {
  question: { summary: string; proceed: () => void; discard: () => void } | null;
  stay(): void;
  leave(): void;
}

export const useLeaveGuardStore = create<LeaveGuardState>()((set, get) => ({
  question: null,
  stay() {
    set({ question: null });
  },
  leave() {
    const question = get().question;
    set({ question: null });
    if (!question) return;
    question.discard();
    question.proceed();
  },
}));

/** What the screen now showing would lose, and how to drop it; null when it holds nothing unsaved. */
function unsavedWork(): { summary: string; discard: () => void } | null {
  const form = unsavedFormSummary();
  // Such a form's draft lives in the form itself, so leaving (which unmounts it) is all the discarding it needs.
  if (form !== null) return { summary: form, discard: () => {} };
  const view = useSessionStore.getState().view;
  if (view === 'entry') {
    const entry = usePoEntryStore.getState();
    const summary = entry.unsavedSummary();
    return summary === null ? null : { summary, discard: entry.discard };
  }
  if (view === 'settings') {
    const settings = useInstallationSettingsStore.getState();
    if (settings.hasUnsavedChanges()) return { summary: 'Leaving now discards the installation settings you changed but have not saved.', discard: settings.discard };
    const controls = usePurchasingControlsStore.getState();
    if (controls.hasUnsavedChanges()) return { summary: 'Leaving now discards the billing entity or user group you changed but have not saved.', discard: controls.discard };
    const rules = useApprovalRulesStore.getState();
    return rules.hasUnsavedChanges()
      ? { summary: 'Leaving now discards the approval band or limit you changed but have not saved.', discard: rules.discard }
      : null;
  }
  if (view === 'budgets') {
    const budgets = useBudgetStore.getState();
    return budgets.hasUnsavedChanges() ? { summary: 'Leaving now discards the budget order you changed but have not saved.', discard: budgets.discard } : null;
  }
  if (view === 'review') {
    const review = useReviewStore.getState();
    const reason = review.pending?.decision === 'reject' ? review.pending.reason.trim() : '';
    return reason === '' ? null : { summary: `Leaving now discards the reason you typed for rejecting ${review.pending?.poNumber ?? 'this PO'}; nothing was sent.`, discard: review.cancelDecision };
  }
  return null;
}

/** Runs `proceed` at once when nothing is unsaved; otherwise asks, and runs it only on "leave". */
export function leaveScreenThen(proceed: () => void): void {
  const work = unsavedWork();
  if (work === null) {
    proceed();
    return;
  }
  useLeaveGuardStore.setState({ question: { ...work, proceed } });
}
