import type { ApprovalBand, Approver, ReviewPo } from '../domain/approval-rules';
import type { Actor, LifecyclePo, RevisionFacts } from '../domain/po-lifecycle';
import type { Db } from '../store/connect';
import { schemeCostCenters } from '../store/repositories/cost-center-repo';
import { approvalLimitOf, type LifecycleRow, revisionEditors } from '../store/repositories/lifecycle-repo';
import { findRevision } from '../store/repositories/lifecycle-repo';
import { findStoredLines } from '../store/repositories/po-repo';
import type { PoRevisionSnapshot } from './po-revision-snapshot';
import type { Caller } from './desk';

/** Loads what the life-cycle and approval rules read about a PO, an approver, and the revision last approved. */

export const actorOf = (caller: Caller): Actor => ({ id: caller.operator.id, displayName: caller.operator.displayName, role: caller.operator.role });

export const lifecyclePoOf = (row: LifecycleRow): LifecyclePo => ({
  number: row.number,
  status: row.status,
  revision: row.revision,
  operatorId: row.operatorId,
  operatorName: row.operatorName,
  lastReleasedRevision: row.lastReleasedRevision,
});

/**
 * The PO as approval judges it: its current revision's total and cost centers, and who changed that
 * revision. A caller that has just read the PO's lines passes them, so they are not read twice.
 */
export async function loadReviewPo(db: Db, row: LifecycleRow, knownLines?: readonly { id: number; lineNumber: number; costCenterCode: string | null }[]): Promise<ReviewPo> {
  const [lines, changedByIds] = await Promise.all([knownLines ?? findStoredLines(db, row.id), revisionEditors(db, row.id, row.revision)]);
  return {
    ...lifecyclePoOf(row),
    totalMinor: row.totalMinor,
    headerCostCenterCode: row.headerCostCenterCode,
    lines: lines.map((line) => ({ lineKey: line.id, lineNumber: line.lineNumber, costCenterCode: line.costCenterCode })),
    changedByIds,
  };
}

export async function loadApprover(db: Db, caller: Caller): Promise<Approver> {
  const [costCenters, limit] = await Promise.all([schemeCostCenters(db, caller.operator.schemeId), approvalLimitOf(db, caller.operator.id)]);
  return { ...actorOf(caller), schemeName: caller.operator.schemeName, schemeCostCenters: costCenters, approvalLimitMinor: limit };
}

/** The band stored with the submitted revision; null when none applied or the PO is not in review. */
export function submittedBandOf(row: LifecycleRow): ApprovalBand | null {
  return row.submittedBand === null ? null : (JSON.parse(row.submittedBand) as ApprovalBand);
}

/** The facts of the revision last released (and so approved), which a change order is compared with; null before the first release. */
export async function loadApprovedRevision(db: Db, row: LifecycleRow): Promise<RevisionFacts | null> {
  if (row.lastReleasedRevision === null) return null;
  const stored = await findRevision(db, row.id, row.lastReleasedRevision);
  // POs released before revisions were kept (migration 0009) have no snapshot; their current lines are that revision's.
  if (!stored) {
    if (row.revision !== row.lastReleasedRevision) return null;
    const lines = await findStoredLines(db, row.id);
    return {
      revision: row.revision,
      totalMinor: row.totalMinor,
      headerCostCenterCode: row.headerCostCenterCode,
      lines: lines.map((line) => ({ lineKey: line.id, lineNumber: line.lineNumber, costCenterCode: line.costCenterCode })),
    };
  }
  const snapshot = JSON.parse(stored.snapshot) as PoRevisionSnapshot;
  return {
    revision: stored.revision,
    totalMinor: stored.totalMinor,
    headerCostCenterCode: snapshot.costCenterCode,
    lines: snapshot.lines.map((line) => ({ lineKey: line.id, lineNumber: line.lineNumber, costCenterCode: line.costCenterCode })),
  };
}
