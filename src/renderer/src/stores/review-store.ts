import { create } from 'zustand';
import type { ReviewDetail, ReviewPackage } from '../../../shared/contracts';
import type { CarriedDecision, CarriedOutcome, DecisionsFile, OfflineReviewState, ReviewDecisionKind, ReviewQueueRow } from '../../../shared/lifecycle-schemas';
import { decisionsFileOf, packageRows, readDecisionsFile, readReviewPackage } from '../features/review/review-files';
import { api } from '../api';
import { useSessionStore } from './session-store';

/**
 * The review desk: the supervisor's queue from main (or a review package opened from a file), the
 * PO on screen, the decision waiting for Enter, and this workstation's offline copy and conflicts.
 *
 * At the desk a decision goes to main at once (main answers from its offline copy when the team
 * server is away). With a package open nothing is sent: decisions are collected here and saved as
 * a decisions file, which takes effect only when its supervisor imports it at the desk.
 */

export type ReviewSource = 'desk' | 'package';

/** A decision asked for and not yet confirmed; its id is made once, so a retried send is applied once. */
export interface PendingReview {
  decision: ReviewDecisionKind;
  decisionId: string;
  poId: number;
  poNumber: string;
  /** What the supervisor read when they pressed the key: a PO changed since is not decided. */
  revision: number;
  version: number;
  totalMinor: number;
  reason: string;
}

type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface OpenedPackage {
  value: ReviewPackage;
  fileName: string;
}

interface ReviewState {
  source: ReviewSource;
  /** The desk's queue, oldest first as main answers it; its length is the top bar's count. */
  deskRows: ReviewQueueRow[];
  /** The open package's POs as queue rows. */
  packageRows: ReviewQueueRow[];
  queueStatus: LoadStatus;
  queueError: string | null;
  selectedId: number | null;
  detail: ReviewDetail | null;
  detailStatus: LoadStatus;
  detailError: string | null;
  pending: PendingReview | null;
  sending: boolean;
  /** Why a decision was not taken (main's refusal, or a blank reason); shown as an alert. */
  decisionProblem: string | null;
  /** What the last decision did, in words; shown as a status message. */
  outcome: string | null;
  /** This workstation's review copy; null until asked (and while nobody is signed in). */
  offline: OfflineReviewState | null;
  pkg: OpenedPackage | null;
  /** The package's decisions in the order taken, one per PO (deciding again replaces). */
  packageDecisions: CarriedDecision[];
  /** Every package decision is in a saved decisions file. */
  packageSaved: boolean;
  importResults: { fileName: string; results: CarriedOutcome[] } | null;
  /** A file that could not be read or written, or a call about files main refused. */
  fileProblem: string | null;

  loadQueue(): Promise<void>;
  /** Shows a PO: at the desk it is read fresh from main, from a package it is the package's copy. */
  select(id: number): Promise<void>;
  move(step: 1 | -1): void;
  startDecision(decision: ReviewDecisionKind): void;
  setReason(reason: string): void;
  cancelDecision(): void;
  confirmDecision(): Promise<void>;
  loadOffline(): Promise<void>;
  dismissConflict(decisionId: string): Promise<void>;
  /** A conflict's PO, read fresh, to decide again. */
  decideAgain(poId: number): Promise<void>;
  exportPackage(): Promise<ReviewPackage | null>;
  importDecisions(text: string, fileName: string): Promise<void>;
  openPackage(text: string, fileName: string): boolean;
  closePackage(): void;
  /** The decisions file to save; from then on the package's decisions count as saved. */
  takeDecisionsFile(): DecisionsFile | null;
  clearImportResults(): void;
  reset(): void;
}

export const isApprover = (role: string | undefined): boolean => role === 'supervisor' || role === 'admin';

/** The rows the queue shows now; stable references, so a selector may return them. */
export const shownRows = (state: Pick<ReviewState, 'source' | 'deskRows' | 'packageRows'>): ReviewQueueRow[] =>
  state.source === 'package' ? state.packageRows : state.deskRows;

const refuseWhy = (detail: ReviewDetail, decision: ReviewDecisionKind) => (decision === 'approve' ? detail.canApprove : detail.canReject);

/** Main's refusals that mean the PO is not what the supervisor read: show it afresh rather than retry. */
const FACTS_CHANGED = new Set(['conflict', 'refused', 'not-found', 'forbidden']);

const EMPTY = {
  source: 'desk' as ReviewSource,
  deskRows: [],
  packageRows: [],
  queueStatus: 'idle' as LoadStatus,
  queueError: null,
  selectedId: null,
  detail: null,
  detailStatus: 'idle' as LoadStatus,
  detailError: null,
  pending: null,
  sending: false,
  decisionProblem: null,
  outcome: null,
  offline: null,
  pkg: null,
  packageDecisions: [],
  packageSaved: true,
  importResults: null,
  fileProblem: null,
};

let queueSeq = 0;
let detailSeq = 0;

export const useReviewStore = create<ReviewState>()((set, get) => {
  const signedOut = (code: string) => {
    if (code === 'not-signed-in') void useSessionStore.getState().refreshOperator();
  };

  /** After a decision or a refetch: the PO at the same place in the queue, else the last one. */
  const selectNear = async (rows: ReviewQueueRow[], index: number) => {
    const next = rows[Math.min(index, rows.length - 1)];
    if (next) await get().select(next.id);
    else set({ selectedId: null, detail: null, detailStatus: 'idle', detailError: null });
  };

  const loadDetail = async (id: number) => {
    const seq = ++detailSeq;
    set((state) => ({ detailStatus: state.detail?.po.id === id ? 'ready' : 'loading', detailError: null }));
    const result = await api.openReview({ id });
    if (seq !== detailSeq) return;
    if (!result.ok) {
      signedOut(result.error.code);
      set({ detail: null, detailStatus: 'error', detailError: result.error.message });
      return;
    }
    const pending = get().pending;
    const changed = pending !== null && pending.poId === id && (pending.version !== result.value.po.version || pending.revision !== result.value.po.revision);
    set({
      detail: result.value,
      detailStatus: 'ready',
      ...(changed
        ? { pending: null, decisionProblem: `${result.value.po.number} changed while you were deciding; nothing was sent. Read it again, then decide.` }
        : {}),
    });
  };

  const decideInPackage = (pending: PendingReview) => {
    const { pkg, packageDecisions, packageRows: rows } = get();
    if (!pkg) return;
    const carried: CarriedDecision = {
      decisionId: pending.decisionId,
      poId: pending.poId,
      poNumber: pending.poNumber,
      revision: pending.revision,
      version: pending.version,
      decision: pending.decision,
      reason: pending.decision === 'reject' ? pending.reason.trim() : null,
      decidedAt: new Date().toISOString(),
    };
    const kept = packageDecisions.filter((each) => each.poId !== pending.poId);
    const what = pending.decision === 'approve' ? 'Approval' : 'Rejection';
    set({
      pending: null,
      decisionProblem: null,
      packageDecisions: [...kept, carried],
      packageSaved: false,
      outcome: `${what} of ${pending.poNumber} kept for the decisions file. It takes effect only when ${pkg.value.supervisor.displayName} imports that file at the desk.`,
    });
    const index = rows.findIndex((row) => row.id === pending.poId);
    const next = rows[index + 1];
    if (next) void get().select(next.id);
  };

  const decideAtDesk = async (pending: PendingReview) => {
    set({ sending: true, decisionProblem: null });
    const result = await api.decideReview({
      id: pending.poId,
      revision: pending.revision,
      version: pending.version,
      decision: pending.decision,
      decisionId: pending.decisionId,
      ...(pending.decision === 'reject' ? { reason: pending.reason.trim() } : {}),
    });
    if (!result.ok) {
      signedOut(result.error.code);
      // A refusal of the reason itself keeps the reason box open to mend it.
      const factsChanged = FACTS_CHANGED.has(result.error.code) && result.error.field !== 'reason';
      // Unreachable or internal: the same decision (same id) may be sent again with Enter.
      set({ sending: false, decisionProblem: result.error.message, ...(factsChanged ? { pending: null } : {}) });
      if (factsChanged) await loadDetail(pending.poId);
      return;
    }
    const index = get().deskRows.findIndex((row) => row.id === pending.poId);
    // Still "sending" while the queue is read again, so the refetch leaves the next selection to this step.
    set({ pending: null, outcome: result.value.message });
    // The conflict this PO was decided again for is settled now.
    for (const conflict of get().offline?.conflicts ?? []) {
      if (conflict.poId === pending.poId) await get().dismissConflict(conflict.decisionId);
    }
    await get().loadQueue();
    set({ sending: false });
    const rows = get().deskRows.filter((row) => row.id !== pending.poId);
    await selectNear(rows, Math.max(0, index));
  };

  return {
    ...EMPTY,

    async loadQueue() {
      const seq = ++queueSeq;
      set((state) => ({ queueStatus: state.queueStatus === 'ready' ? 'ready' : 'loading' }));
      const result = await api.reviewQueue({});
      if (seq !== queueSeq) return;
      if (!result.ok) {
        signedOut(result.error.code);
        set({ queueStatus: 'error', queueError: result.error.message });
        return;
      }
      const rows = result.value.rows;
      const previous = get().deskRows;
      set({ deskRows: rows, queueStatus: 'ready', queueError: null });
      const { source, selectedId, pending, sending } = get();
      // Elsewhere in the app only the count matters; the PO is opened when the desk is shown.
      if (source !== 'desk' || sending || useSessionStore.getState().view !== 'review') return;
      if (selectedId === null) {
        if (rows[0]) await get().select(rows[0].id);
        return;
      }
      // Someone else's decision or a recall took the PO on screen out of the queue: show its neighbour.
      if (!rows.some((row) => row.id === selectedId) && pending === null && previous.some((row) => row.id === selectedId)) {
        await selectNear(rows, Math.max(0, previous.findIndex((row) => row.id === selectedId)));
        return;
      }
      if (rows.some((row) => row.id === selectedId)) await loadDetail(selectedId);
    },

    async select(id) {
      const { source, pkg, pending } = get();
      set({ selectedId: id, ...(pending && pending.poId !== id ? { pending: null } : {}), decisionProblem: null });
      if (source === 'package') {
        const item = pkg?.value.items.find((each) => each.po.id === id) ?? null;
        set({ detail: item, detailStatus: item ? 'ready' : 'error', detailError: item ? null : 'This PO is not in the package.' });
        return;
      }
      await loadDetail(id);
    },

    move(step) {
      const state = get();
      const rows = shownRows(state);
      if (rows.length === 0) return;
      const at = rows.findIndex((row) => row.id === state.selectedId);
      const next = rows[at === -1 ? 0 : Math.min(rows.length - 1, Math.max(0, at + step))];
      if (next && next.id !== state.selectedId) void get().select(next.id);
    },

    startDecision(decision) {
      const { detail, detailStatus, sending, pending } = get();
      if (!detail || detailStatus !== 'ready' || sending) return;
      const allowed = refuseWhy(detail, decision);
      if (!allowed.allowed) {
        set({ decisionProblem: allowed.reason });
        return;
      }
      const { po } = detail;
      set({
        decisionProblem: null,
        outcome: null,
        pending: {
          decision,
          // A new decision gets a new id; switching between approve and reject keeps nothing of the other.
          decisionId: pending?.decision === decision && pending.poId === po.id ? pending.decisionId : crypto.randomUUID(),
          poId: po.id,
          poNumber: po.number,
          revision: po.revision,
          version: po.version,
          totalMinor: po.totalMinor,
          reason: pending?.poId === po.id ? pending.reason : '',
        },
      });
    },

    setReason(reason) {
      // Typing a reason answers "write why": that alert has done its job.
      set((state) => (state.pending ? { pending: { ...state.pending, reason }, ...(reason.trim() !== '' && state.pending.reason.trim() === '' ? { decisionProblem: null } : {}) } : {}));
    },

    cancelDecision() {
      if (get().sending) return;
      set({ pending: null, decisionProblem: null });
    },

    async confirmDecision() {
      const { pending, sending, source } = get();
      if (!pending || sending) return;
      if (pending.decision === 'reject' && pending.reason.trim() === '') {
        set({ decisionProblem: `Write why ${pending.poNumber} is rejected: its operator reads the reason in their list.` });
        return;
      }
      if (source === 'package') decideInPackage(pending);
      else await decideAtDesk(pending);
    },

    async loadOffline() {
      if (!useSessionStore.getState().operator) return;
      const result = await api.offlineReviewState({});
      if (result.ok) set({ offline: result.value });
    },

    async dismissConflict(decisionId) {
      const result = await api.dismissReviewConflict({ decisionId });
      if (result.ok) set({ offline: result.value });
      else set({ fileProblem: result.error.message });
    },

    async decideAgain(poId) {
      if (get().source === 'package') get().closePackage();
      set({ outcome: null });
      await get().select(poId);
    },

    async exportPackage() {
      set({ fileProblem: null });
      const result = await api.reviewPackage({});
      if (!result.ok) {
        signedOut(result.error.code);
        set({ fileProblem: result.error.message });
        return null;
      }
      return result.value;
    },

    async importDecisions(text, fileName) {
      set({ fileProblem: null, importResults: null });
      const read = readDecisionsFile(text, fileName);
      if (!read.ok) {
        set({ fileProblem: read.message });
        return;
      }
      const result = await api.importReviewDecisions({ file: read.value });
      if (!result.ok) {
        signedOut(result.error.code);
        set({ fileProblem: result.error.message });
        return;
      }
      set({ importResults: { fileName, results: result.value.results } });
      await Promise.all([get().loadQueue(), get().loadOffline()]);
    },

    openPackage(text, fileName) {
      const read = readReviewPackage(text, fileName);
      if (!read.ok) {
        set({ fileProblem: read.message });
        return false;
      }
      detailSeq++;
      const rows = packageRows(read.value);
      const first = read.value.items[0] ?? null;
      set({
        source: 'package',
        pkg: { value: read.value, fileName },
        packageRows: rows,
        packageDecisions: [],
        packageSaved: true,
        selectedId: first?.po.id ?? null,
        detail: first,
        detailStatus: first ? 'ready' : 'idle',
        detailError: null,
        pending: null,
        decisionProblem: null,
        outcome: null,
        fileProblem: null,
        importResults: null,
      });
      return true;
    },

    closePackage() {
      detailSeq++;
      set({
        source: 'desk',
        pkg: null,
        packageRows: [],
        packageDecisions: [],
        packageSaved: true,
        selectedId: null,
        detail: null,
        detailStatus: 'idle',
        pending: null,
        decisionProblem: null,
        outcome: null,
        fileProblem: null,
      });
      const first = get().deskRows[0];
      if (first && useSessionStore.getState().operator) void get().select(first.id);
    },

    takeDecisionsFile() {
      const { pkg, packageDecisions } = get();
      if (!pkg) return null;
      set({ packageSaved: true });
      return decisionsFileOf(pkg.value, packageDecisions, new Date());
    },

    clearImportResults() {
      set({ importResults: null });
    },

    reset() {
      queueSeq++;
      detailSeq++;
      set(EMPTY);
    },
  };
});
