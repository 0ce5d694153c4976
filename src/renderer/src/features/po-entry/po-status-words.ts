import type { PoStatus } from '../../../../shared/contracts';
import type { PoActionOption, PoStep } from '../../../../shared/lifecycle-schemas';

/** A status as the screens name it; the list, its filter and the PO's own status bar use the same words. */
export const STATUS_LABEL: Readonly<Record<PoStatus, string>> = {
  draft: 'Draft',
  submitted: 'Submitted',
  approved: 'Approved',
  released: 'Released',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

export const STATUS_ORDER: readonly PoStatus[] = ['draft', 'submitted', 'approved', 'released', 'closed', 'cancelled'];

/** "Draft — Rejected by Sam Patel: price too high": where a PO stands and why, in one line. */
export const standingText = (status: PoStatus, statusNote: string | null): string =>
  statusNote ? `${STATUS_LABEL[status]} — ${statusNote}` : STATUS_LABEL[status];

export const STEP_LABEL: Readonly<Record<PoStep, string>> = {
  submit: 'Submit',
  recall: 'Recall to draft',
  release: 'Release',
  close: 'Close PO',
  cancel: 'Cancel PO…',
  'change-order': 'Change order',
};

/**
 * The buttons the status bar offers at each status, in the order they are most likely wanted.
 * Only which buttons to lay out is decided here; whether each may be pressed, and why not, is
 * main's answer in `standing.actions`. Approving and rejecting belong to the review desk.
 */
export const STEPS_AT: Readonly<Record<PoStatus, readonly PoStep[]>> = {
  draft: ['submit', 'cancel'],
  submitted: ['recall', 'cancel'],
  approved: ['release', 'recall', 'cancel'],
  released: ['close', 'change-order'],
  closed: [],
  cancelled: [],
};

/** What the notice says once a step is done. */
export const STEP_DONE: Readonly<Record<PoStep, (number: string, revision: number) => string>> = {
  submit: (n) => `${n} submitted.`,
  recall: (n) => `${n} recalled to draft.`,
  release: (n, r) => `${n} revision ${r} released to the vendor.`,
  close: (n) => `${n} closed.`,
  cancel: (n) => `${n} cancelled.`,
  'change-order': (n, r) => `Change order started: ${n} revision ${r} is a draft to edit.`,
};

/** Main's word on one step, if main offers it at all. */
export const optionOf = (actions: readonly PoActionOption[], step: PoStep): PoActionOption | undefined =>
  actions.find((option) => option.action === step);
