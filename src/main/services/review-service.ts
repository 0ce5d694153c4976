import type { ParsedInputOf, PoDetail, ReviewDetail, ReviewPackage } from '../../shared/contracts';
import { type CarriedOutcome, REVIEW_PACKAGE_FORMAT, type ReviewOutcome, type ReviewQueueRow } from '../../shared/lifecycle-schemas';
import type { LocaleCode } from '../../shared/locales';
import { approvalProgress, approvalsInForce, checkApprover, checkRejecter, decideApproval, decideRejection, describeBand, poCostCenterCodes } from '../domain/approval-rules';
import { STATUS_TEXT } from '../domain/po-lifecycle';
import { appendAudit, appendAuditEntries, searchAudit } from '../store/repositories/audit-repo';
import { findDecision, findLifecyclePo, insertApproval, insertDecision, type LifecycleRow, listSubmittedPos, loadApprovals, updatePoStatus, voidApprovals } from '../store/repositories/lifecycle-repo';
import { readCostCentersEnabled } from '../store/repositories/settings-repo';
import { inRetriedTransaction } from '../store/transaction';
import { actorOf, loadApprover, loadReviewPo, submittedBandOf } from './approval-facts';
import { AppFailure, conflict, forbidden, notFound, refused } from './app-failure';
import { localeOf } from './caller-locale';
import type { Caller, Desk } from './desk';
import { auditDetail } from './lifecycle-service';
import { syncBudgetShares } from './budget-checks-in-transaction';
import { loadPoDetail } from './po-access-service';

const REVIEWERS_ONLY = 'Only supervisors and admins review POs; you are an operator.';

/** Everything the approver rules read for one submitted PO and this reviewer. */
async function reviewFacts(desk: Desk, caller: Caller, row: LifecycleRow, locale: LocaleCode) {
  const [po, approver, approvals, enabled] = await Promise.all([loadReviewPo(desk.db, row), loadApprover(desk.db, caller), loadApprovals(desk.db, row.id), readCostCentersEnabled(desk.db)]);
  return { po, approver, band: submittedBandOf(row), approvals, costCentersEnabled: enabled, locale };
}

/**
 * "Needs my review": every submitted PO this person may approve now, oldest submission first. A PO
 * they may not approve (their own, outside their scheme, over their limit, or already approved by
 * them) is someone else's to review and is left out.
 */
export async function listReviewQueue(desk: Desk, caller: Caller): Promise<{ rows: ReviewQueueRow[] }> {
  if (caller.operator.role === 'operator') throw forbidden(REVIEWERS_ONLY);
  const locale = await localeOf(desk.db, caller);
  const rows: ReviewQueueRow[] = [];
  for (const row of await listSubmittedPos(desk.db)) {
    const facts = await reviewFacts(desk, caller, row, locale);
    if (!checkApprover(facts).allowed) continue;
    const band = facts.band;
    rows.push({
      id: row.id,
      number: row.number,
      revision: row.revision,
      version: row.version,
      vendorCode: row.vendorCode,
      vendorName: row.vendorName,
      totalMinor: row.totalMinor,
      costCenterCodes: poCostCenterCodes(facts.po),
      operatorName: row.operatorName,
      submittedAt: row.submittedAt ?? row.statusChangedAt ?? '',
      band: band === null ? null : describeBand(band, locale),
      progress: band === null ? null : approvalProgress(band, approvalsInForce(facts.approvals, row.revision)).summary,
    });
  }
  return { rows };
}

/** Why the header and each line carry their cost center, as a reviewer reads it. */
function costCenterReasons(detail: PoDetail): ReviewDetail['costCenterReasons'] {
  const reasons: ReviewDetail['costCenterReasons'] = [{ lineNumber: null, costCenterCode: detail.costCenterCode, reason: detail.costCenterOrigin.text }];
  for (const line of detail.lines) {
    let reason: string;
    if (line.costCenterCode === null) reason = 'No cost center on this line.';
    else if (line.distributionType === 'direct-wo-cost') reason = `Cost center ${line.costCenterCode} from work order ${line.workOrderCode ?? ''}: a direct work-order cost line takes the work order's.`;
    else if (line.workOrderCode !== null) reason = `Cost center ${line.costCenterCode} from work order ${line.workOrderCode}.`;
    else if (line.costCenterCode === detail.costCenterCode) reason = `Cost center ${line.costCenterCode}, the PO's own.`;
    else reason = `Cost center ${line.costCenterCode}, entered on the line.`;
    reasons.push({ lineNumber: line.lineNumber, costCenterCode: line.costCenterCode, reason });
  }
  return reasons;
}

/** A PO as the review desk opens it, read-only, whether or not this person may decide it (the answer says why). */
export async function openReview(desk: Desk, caller: Caller, id: number): Promise<ReviewDetail> {
  if (caller.operator.role === 'operator') throw forbidden(REVIEWERS_ONLY);
  const row = await findLifecyclePo(desk.db, id);
  if (!row) throw notFound(`Purchase order ${id} does not exist.`);
  const locale = await localeOf(desk.db, caller);
  const [{ judged: _judged, ...po }, facts, audit] = await Promise.all([
    loadPoDetail(desk.db, caller, id, 'view'),
    reviewFacts(desk, caller, row, locale),
    searchAudit(desk.db, { poId: id, limit: 200 }),
  ]);
  const notSubmitted = row.status !== 'submitted' ? `${row.number} is ${STATUS_TEXT[row.status]}, not waiting for a decision.` : null;
  const approve = checkApprover(facts);
  const reject = checkRejecter(facts);
  return {
    po,
    costCenterReasons: costCenterReasons(po),
    audit,
    canApprove: { allowed: notSubmitted === null && approve.allowed, reason: notSubmitted ?? approve.reason },
    canReject: { allowed: notSubmitted === null && reject.allowed, reason: notSubmitted ?? reject.reason },
  };
}

/** What changed between the revision and version a decision was made on and the PO now, in words. */
function changedSince(row: LifecycleRow, input: { revision: number; version: number }): string | null {
  if (row.status === 'submitted' && row.revision === input.revision && row.version === input.version) return null;
  const now = `it is now ${STATUS_TEXT[row.status]}${row.revision !== input.revision ? `, at revision ${row.revision}` : ''}`;
  const why = row.statusNote ? ` ${row.statusNote}` : '';
  if (row.status === 'submitted' && row.revision === input.revision) {
    return `${row.number} changed after you read it (version ${input.version}; now ${row.version}): it was submitted again or decided by someone else.${why} Read it again and decide.`;
  }
  return `${row.number} changed after you read revision ${input.revision}: ${now}.${why} Nothing was decided.`;
}

/**
 * Approve or reject, on the revision and version the reviewer read. A decision id already applied
 * answers as such and changes nothing, so a workstation replaying its outbox after a crash applies
 * each decision once; the id is written in the same transaction as the decision.
 */
export async function decideReview(desk: Desk, caller: Caller, input: ParsedInputOf<'decideReview'>): Promise<ReviewOutcome> {
  const { db } = desk;
  if (caller.operator.role === 'operator') throw forbidden(REVIEWERS_ONLY);
  const earlier = await findDecision(db, input.decisionId);
  if (earlier) return alreadyApplied(desk, caller, input, earlier);
  const row = await findLifecyclePo(db, input.id);
  if (!row) throw notFound(`Purchase order ${input.id} does not exist.`);
  const locale = await localeOf(db, caller);
  const audit = { operatorId: caller.operator.id, poId: row.id, vendorCode: row.vendorCode, warehouseCode: row.warehouseCode };
  const changed = changedSince(row, input);
  if (changed) {
    await appendAudit(db, { ...audit, action: `po-${input.decision === 'approve' ? 'approval' : 'rejection'}-refused`, rule: 'revision-current', before: `${input.revision}/${input.version}`, after: `${row.revision}/${row.version}`, detail: changed }, desk.now());
    throw conflict(changed);
  }
  const facts = await reviewFacts(desk, caller, row, locale);
  const decision = input.decision === 'approve' ? decideApproval(facts) : decideRejection({ ...facts, reason: input.reason ?? '' });
  if (decision.kind === 'refused') {
    await appendAudit(db, { ...audit, action: decision.audit.action, rule: decision.rule, detail: auditDetail(decision.audit, locale) }, desk.now());
    throw refused(decision.reason, decision.rule === 'reason-required' ? 'reason' : undefined);
  }
  const { transition } = decision;
  const at = desk.now();
  const offline = input.decidedAt && input.decidedAt.slice(0, 16) !== at.slice(0, 16) ? ` Decided at ${input.decidedAt}, away from the desk.` : '';
  const actor = actorOf(caller);
  const note =
    input.decision === 'reject'
      ? `Rejected by ${actor.displayName} on revision ${row.revision}: ${(input.reason ?? '').trim()}`
      : transition.to === 'approved'
        ? `Approved by ${actor.displayName}. ${'progress' in decision ? decision.progress.summary : ''}`.trim()
        : `${'progress' in decision ? decision.progress.summary : transition.reason}`;
  await inRetriedTransaction(db, async (trx) => {
    const moved = await updatePoStatus(trx, row.id, row.version, {
      status: transition.to,
      revision: row.revision,
      lastReleasedRevision: row.lastReleasedRevision,
      statusNote: note,
      at,
      submittedAt: transition.to === 'submitted' ? row.submittedAt : null,
      submittedBand: transition.to === 'submitted' ? row.submittedBand : null,
    });
    if (!moved) throw conflict(`Someone decided or changed ${row.number} at the same moment; nothing of yours was decided. Read it again and decide.`);
    if (input.decision === 'approve') await insertApproval(trx, { poId: row.id, revision: row.revision, approverId: actor.id, approverRole: actor.role, at });
    else await voidApprovals(trx, row.id, row.revision, at, transition.reason);
    await insertDecision(trx, { decisionId: input.decisionId, poId: row.id, decidedBy: actor.id, decision: input.decision, at, outcome: transition.to });
    // A rejection turns the allocated amount back into a draft's provisional one; the final approval of a change order settles it.
    await syncBudgetShares(trx, row.id, at);
    await appendAuditEntries(trx, [{ ...audit, action: transition.auditAction, before: row.status, after: transition.to, detail: `${auditDetail(decision.audit, locale)}${offline}` }], at);
  });
  return { decisionId: input.decisionId, poId: row.id, poNumber: row.number, outcome: 'applied', status: transition.to, message: transition.reason };
}

async function alreadyApplied(desk: Desk, caller: Caller, input: ParsedInputOf<'decideReview'>, earlier: NonNullable<Awaited<ReturnType<typeof findDecision>>>): Promise<ReviewOutcome> {
  if (earlier.decided_by !== caller.operator.id || earlier.po_id !== input.id) {
    throw refused('This decision’s id was already used for another decision; nothing was decided. Decide again from the review desk.');
  }
  const row = await findLifecyclePo(desk.db, input.id);
  if (!row) throw notFound(`Purchase order ${input.id} does not exist.`);
  const verb = earlier.decision === 'approve' ? 'approval' : 'rejection';
  return { decisionId: input.decisionId, poId: row.id, poNumber: row.number, outcome: 'already-applied', status: row.status, message: `Your ${verb} of ${row.number} was applied before; it is not applied twice.` };
}

/** Every PO waiting for this supervisor, with everything the review desk shows, for a file or a workstation's copy. */
export async function makeReviewPackage(desk: Desk, caller: Caller): Promise<ReviewPackage> {
  const { rows } = await listReviewQueue(desk, caller);
  const items: ReviewDetail[] = [];
  for (const row of rows) items.push(await openReview(desk, caller, row.id));
  const { id, signInName, displayName } = caller.operator;
  return { format: REVIEW_PACKAGE_FORMAT, formatVersion: 1, supervisor: { id, signInName, displayName }, madeAt: desk.now(), items };
}

/**
 * Decisions made on another computer, applied in the order they were made with the same checks
 * as at the desk. Only the supervisor the package was made for imports them, signed in here.
 */
export async function importReviewDecisions(desk: Desk, caller: Caller, input: ParsedInputOf<'importReviewDecisions'>): Promise<{ results: CarriedOutcome[] }> {
  const { file } = input;
  if (file.supervisor.id !== caller.operator.id || file.supervisor.signInName !== caller.operator.signInName) {
    throw forbidden(`These decisions were made by ${file.supervisor.displayName} (${file.supervisor.signInName}); only they may import them, signed in as themselves.`);
  }
  const ordered = [...file.decisions].sort((a, b) => a.decidedAt.localeCompare(b.decidedAt));
  const results: CarriedOutcome[] = [];
  for (const carried of ordered) {
    const base = { decisionId: carried.decisionId, poId: carried.poId, poNumber: carried.poNumber, decision: carried.decision };
    try {
      const outcome = await decideReview(desk, caller, { ...carried, id: carried.poId, reason: carried.reason ?? undefined });
      results.push({ ...base, outcome: outcome.outcome, message: outcome.message });
    } catch (error) {
      if (!(error instanceof AppFailure)) throw error;
      results.push({ ...base, outcome: error.error.code === 'conflict' ? 'conflict' : 'refused', message: error.error.message });
    }
  }
  return { results };
}
