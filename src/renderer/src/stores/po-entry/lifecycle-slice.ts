import type { PoDetail } from '../../../../shared/contracts';
import type { PoStep } from '../../../../shared/lifecycle-schemas';
import { api } from '../../api';
import { downloadBase64 } from '../../components/download';
import { optionOf, STATUS_LABEL, STEP_DONE } from '../../features/po-entry/po-status-words';
import { currentLocale } from '../../hooks/useLocaleFormat';
import { useSessionStore } from '../session-store';
import { formOf } from './draft-mapping';
import { blankForm } from './form-slice';
import { TITLE_ID } from './save-slice';
import type { LifecycleSlice, PoEntrySlice } from './state';
import { forgetPending, tracking } from './tracking';

/** Steps that cannot be taken back ask for a yes first; cancel asks for its reason. */
const ASKS_FIRST: ReadonlySet<PoStep> = new Set(['release', 'close', 'change-order']);

/**
 * The PO's life from its own screen: submit, recall, release, close, cancel and change orders,
 * its document, and its stored revisions. Main decides every step; this slice asks, saves first
 * where the step needs the screen's edits stored, and shows main's answer.
 */
export const createLifecycleSlice: PoEntrySlice<LifecycleSlice> = (set, get) => {
  /** The form as main now has the PO, after a step: nothing is unsaved, every field is main's. */
  function showDetail(detail: PoDetail, notice: string | null): void {
    forgetPending();
    set({ ...blankForm(), ...formOf(detail, currentLocale()), notice });
    void get().resolve(true);
  }

  return {
    stepQuestion: null,
    submitAfterSave: false,
    documentBusy: false,
    revisionView: null,

    requestStep(step) {
      const { po, busy, dirty } = get();
      if (busy !== 'idle') return;
      if (!po) {
        // A new PO is never saved and submitted by one key press: saving a new PO is its own decision.
        set({ notice: 'Save the PO first (Ctrl+S); once it is stored, Submit (Ctrl+Enter) sends it on.' });
        return;
      }
      const option = optionOf(po.standing.actions, step);
      if (!option?.allowed) {
        set({ alert: option?.reason ?? `${po.number} offers no such step now.`, notice: null });
        return;
      }
      if (step === 'submit' && dirty && po.mode === 'change') {
        // Main is never asked to submit what it has not stored: the edits are saved, then submitted.
        set({ submitAfterSave: true });
        void get().save();
        return;
      }
      if (step === 'cancel') set({ stepQuestion: { step: 'cancel', error: null } });
      else if (ASKS_FIRST.has(step)) set({ stepQuestion: { step: step as 'release' | 'close' | 'change-order' } });
      else void get().takeStep(step);
    },

    async takeStep(step, reason) {
      const { po, busy } = get();
      if (!po || busy !== 'idle') return;
      if (step === 'cancel' && (reason ?? '').trim() === '') {
        set({ stepQuestion: { step: 'cancel', error: `Give a reason for cancelling ${po.number}: it goes to the audit log.` } });
        return;
      }
      set({ busy: 'stepping', alert: null, notice: null, submitAfterSave: false });
      const result = await api.changePoStatus({ id: po.id, version: po.version, step, ...(reason !== undefined ? { reason: reason.trim() } : {}) });
      if (get().po?.id !== po.id) return;
      if (!result.ok) {
        if (result.error.code === 'not-signed-in') void useSessionStore.getState().refreshOperator();
        // A refused cancel is answered in its dialog, beside the reason the operator can change.
        if (get().stepQuestion?.step === 'cancel') set({ busy: 'idle', stepQuestion: { step: 'cancel', error: result.error.message } });
        else set({ busy: 'idle', stepQuestion: null, alert: result.error.message });
        return;
      }
      const detail = result.value;
      // The why stands on the status bar; the notice says only what was done and, for a submit, where it went.
      const where = step === 'submit' ? ` It is now ${STATUS_LABEL[detail.status].toLowerCase()}: see why above.` : '';
      const done = `${STEP_DONE[step](detail.number, detail.standing.revision)}${where}`;
      const editable = detail.status === 'draft' && detail.access.mode === 'view' && detail.access.canChange;
      if (editable && (step === 'recall' || step === 'change-order')) {
        // The operator recalled or started a change order to edit it: the draft opens for change.
        if (await get().open(detail.id, 'change')) set({ notice: done });
        return;
      }
      showDetail(detail, done);
      get().requestFocus(TITLE_ID);
    },

    clearStepError() {
      const question = get().stepQuestion;
      if (question?.step === 'cancel' && question.error !== null) set({ stepQuestion: { step: 'cancel', error: null } });
    },

    dismissStepQuestion() {
      if (get().busy === 'stepping') return;
      set({ stepQuestion: null });
    },

    async saveDocument(revision) {
      const { po, dirty, documentBusy } = get();
      if (documentBusy) return;
      if (!po) {
        set({ notice: 'Save the PO first: its document is made from the stored PO.' });
        return;
      }
      set({ documentBusy: true, alert: null });
      const result = await api.poDocument({ id: po.id, ...(revision !== undefined ? { revision } : {}) });
      set({ documentBusy: false });
      if (get().po?.id !== po.id) return;
      if (!result.ok) {
        if (result.error.code === 'not-signed-in') void useSessionStore.getState().refreshOperator();
        set({ alert: result.error.message, notice: null });
        return;
      }
      const document = result.value;
      downloadBase64(document.fileName, document.contentBase64, 'application/pdf');
      const kind = document.kind === 'released' ? 'released' : 'draft preview';
      const unsaved = dirty && po.mode === 'change' && revision === undefined ? ' It shows the PO as stored, without your unsaved changes.' : '';
      set({ notice: `${po.number} revision ${document.revision} document saved (${kind}) as ${document.fileName}.${unsaved}` });
    },

    async showRevision(revision) {
      const po = get().po;
      if (!po) return;
      set({ revisionView: { revision, loaded: null, error: null } });
      const result = await api.poRevision({ id: po.id, revision });
      const shown = get().revisionView;
      if (get().po?.id !== po.id || shown?.revision !== revision) return;
      set({ revisionView: result.ok ? { revision, loaded: result.value, error: null } : { revision, loaded: null, error: result.error.message } });
    },

    closeRevision() {
      set({ revisionView: null });
    },

    async refreshStanding() {
      const { po, dirty, busy, stepQuestion, revisionView } = get();
      // Nothing the operator is in the middle of is swept away: edits, a step, a dialog.
      if (!po || dirty || busy !== 'idle' || stepQuestion || revisionView) return;
      const startedAt = tracking.editSeq;
      // Asked in view mode: opening for change is audited, and a notice is no reason to write to the audit log.
      const result = await api.openPo({ id: po.id, mode: 'view' });
      const now = get();
      if (!result.ok || now.po?.id !== po.id || now.dirty || now.busy !== 'idle' || now.stepQuestion || now.revisionView || tracking.editSeq !== startedAt) return;
      if (result.value.version === now.po.version) return;
      // Changed elsewhere while open for change with nothing typed: open for change again, or to view saying why not.
      if (now.po.mode === 'change') {
        void get().open(po.id, 'change');
        return;
      }
      const { notice, alert } = now;
      showDetail(result.value, notice);
      set({ alert });
    },
  };
};
