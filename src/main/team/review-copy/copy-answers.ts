import { z } from 'zod';
import { type ReviewDetail, reviewDetailSchema, type ReviewPackage, reviewPackageSchema } from '../../../shared/contracts';
import { type ReviewOutcome, type ReviewQueueRow, reviewQueueRowSchema } from '../../../shared/lifecycle-schemas';
import type { AppError, Result } from '../../../shared/result';

/**
 * How the review desk is answered from a supervisor's copy while the team server is away. Pure:
 * the copy and the outbox go in, answers come out; reading and writing the file is elsewhere.
 */

/** What one supervisor's copy holds: the queue as the server listed it and every PO's review, as the server made them. */
export const storedCopySchema = z.object({
  copiedAt: z.string(),
  rows: z.array(reviewQueueRowSchema),
  package: reviewPackageSchema,
});
export type StoredCopy = z.infer<typeof storedCopySchema>;

/** A decision in the outbox, in the order it was taken. */
export interface OutboxRow {
  decisionId: string;
  poId: number;
  poNumber: string;
  revision: number;
  version: number;
  decision: 'approve' | 'reject';
  reason: string | null;
  decidedAt: string;
  /** queued: not sent yet; sending: sent, no answer yet (or the app stopped meanwhile); sent: applied on the server. */
  state: 'queued' | 'sending' | 'sent';
}

export const KEPT_MESSAGE = 'Decision kept on this workstation; it is sent when the team server answers again.';

/** A copy written by another version of the app, or damaged, is no copy: nothing is guessed from it. */
export function parseStoredCopy(content: unknown): StoredCopy | null {
  const parsed = storedCopySchema.safeParse(content);
  return parsed.success ? parsed.data : null;
}

/** Builds what is stored from the server's two answers, keeping only POs both of them list at the same version. */
export function makeCopy(rows: ReviewQueueRow[], reviewPackage: ReviewPackage): StoredCopy {
  const versions = new Map(reviewPackage.items.map((item) => [item.po.id, item.po.version]));
  return { copiedAt: reviewPackage.madeAt, rows: rows.filter((row) => versions.get(row.id) === row.version), package: reviewPackage };
}

/** The local decision on this PO as the copy shows it (same version), if one was taken here. */
export function decidedHere(outbox: readonly OutboxRow[], poId: number, version: number): OutboxRow | undefined {
  return outbox.find((row) => row.poId === poId && row.version === version);
}

/** The queue the copy shows, oldest first as the server listed it, without the POs decided here. */
export function queueFromCopy(copy: StoredCopy, outbox: readonly OutboxRow[]): ReviewQueueRow[] {
  return withoutDecidedHere(copy.rows, outbox);
}

/** The server's own queue while the outbox is still being sent: what was decided here is not offered again. */
export function withoutDecidedHere(rows: ReviewQueueRow[], outbox: readonly OutboxRow[]): ReviewQueueRow[] {
  return rows.filter((row) => !decidedHere(outbox, row.id, row.version));
}

export function reviewFromCopy(copy: StoredCopy, outbox: readonly OutboxRow[], poId: number): Result<ReviewDetail> {
  const item = copy.package.items.find((candidate) => candidate.po.id === poId);
  if (!item) return { ok: false, error: notInCopy() };
  const decided = decidedHere(outbox, poId, item.po.version);
  return { ok: true, value: decided ? closedForDecision(item, decided) : item };
}

/** A PO decided here shows read-only: deciding it again before the first decision reached the server would race it. */
export function closedForDecision(detail: ReviewDetail, decided: OutboxRow): ReviewDetail {
  const reason =
    decided.state === 'sent'
      ? `You ${pastTense(decided.decision)} ${decided.poNumber} on this workstation; the team server has applied it.`
      : `You ${pastTense(decided.decision)} ${decided.poNumber} on this workstation; the decision is sent when the team server answers again.`;
  return reviewDetailSchema.parse({ ...detail, canApprove: { allowed: false, reason }, canReject: { allowed: false, reason } });
}

export interface OfflineDecisionInput {
  id: number;
  revision: number;
  version: number;
  decision: 'approve' | 'reject';
  reason?: string | undefined;
  decisionId: string;
  decidedAt?: string | undefined;
}

export type OfflineDecisionCheck =
  | { kind: 'keep'; row: Omit<OutboxRow, 'state'> }
  /** The same decision id again (a double press, a retried call): answered as before, kept once. */
  | { kind: 'kept-before'; row: OutboxRow }
  | { kind: 'refuse'; error: AppError };

/**
 * Whether a decision taken while the server is away can go into the outbox: the PO is in the copy
 * at the revision and version the supervisor read, the copy allowed this decision, a rejection has
 * its reason, and the PO was not decided here already. The server checks all of it again at replay.
 */
export function checkOfflineDecision(copy: StoredCopy, outbox: readonly OutboxRow[], input: OfflineDecisionInput, now: string): OfflineDecisionCheck {
  const again = outbox.find((row) => row.decisionId === input.decisionId);
  if (again) return { kind: 'kept-before', row: again };
  const item = copy.package.items.find((candidate) => candidate.po.id === input.id);
  if (!item) return { kind: 'refuse', error: notInCopy() };
  const po = item.po;
  const earlier = decidedHere(outbox, po.id, po.version);
  if (earlier) {
    return {
      kind: 'refuse',
      error: { code: 'conflict', message: `You already ${pastTense(earlier.decision)} ${po.number} on this workstation; that decision is sent when the team server answers again.` },
    };
  }
  if (po.revision !== input.revision || po.version !== input.version) {
    return {
      kind: 'refuse',
      error: {
        code: 'conflict',
        message: `${po.number} is not the one you read: this workstation’s copy holds revision ${po.revision} (version ${po.version}), you decided on revision ${input.revision} (version ${input.version}). Open it again.`,
      },
    };
  }
  const allowed = input.decision === 'approve' ? item.canApprove : item.canReject;
  if (!allowed.allowed) return { kind: 'refuse', error: { code: 'refused', message: allowed.reason } };
  const reason = input.reason?.trim() ?? '';
  if (input.decision === 'reject' && reason === '') {
    return { kind: 'refuse', error: { code: 'refused', field: 'reason', message: `Give a reason to reject ${po.number}; its operator reads it.` } };
  }
  return {
    kind: 'keep',
    row: {
      decisionId: input.decisionId,
      poId: po.id,
      poNumber: po.number,
      revision: po.revision,
      version: po.version,
      decision: input.decision,
      reason: reason === '' ? null : reason,
      decidedAt: input.decidedAt ?? now,
    },
  };
}

/** The answer to a decision kept in the outbox: the PO stands where the copy shows it until the server applies it. */
export function keptOutcome(row: Pick<OutboxRow, 'decisionId' | 'poId' | 'poNumber'>, status: ReviewOutcome['status']): ReviewOutcome {
  return { decisionId: row.decisionId, poId: row.poId, poNumber: row.poNumber, outcome: 'applied', status, message: KEPT_MESSAGE };
}

/** The outbox row as the server's decideReview takes it: the original id, revision, version and time. */
export function replayInput(row: OutboxRow) {
  return {
    id: row.poId,
    revision: row.revision,
    version: row.version,
    decision: row.decision,
    ...(row.reason === null ? {} : { reason: row.reason }),
    decisionId: row.decisionId,
    decidedAt: row.decidedAt,
  };
}

const pastTense = (decision: 'approve' | 'reject') => (decision === 'approve' ? 'approved' : 'rejected');

function notInCopy(): AppError {
  return {
    code: 'not-found',
    message: `This PO is not in the review copy this workstation keeps, so it cannot be reviewed until the team server answers again.`,
  };
}
