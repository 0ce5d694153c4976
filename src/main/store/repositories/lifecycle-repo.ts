import type { ApprovalRecord } from '../../domain/approval-rules';
import type { Db } from '../connect';
import type { PoStatusColumn, RoleColumn } from '../schema';

/** The facts of a stored PO that its life cycle and its review read. */
export interface LifecycleRow {
  id: number;
  number: string;
  status: PoStatusColumn;
  revision: number;
  version: number;
  operatorId: number;
  operatorName: string;
  lastReleasedRevision: number | null;
  totalMinor: number;
  headerCostCenterCode: string | null;
  statusNote: string | null;
  statusChangedAt: string | null;
  submittedAt: string | null;
  /** JSON of the band the revision was submitted under. */
  submittedBand: string | null;
  vendorCode: string;
  vendorName: string;
  warehouseCode: string;
}

function selectLifecycle(db: Db) {
  return db
    .selectFrom('purchase_orders as po')
    .innerJoin('operators as o', 'o.id', 'po.created_by')
    .innerJoin('vendors as v', 'v.id', 'po.vendor_id')
    .innerJoin('warehouses as w', 'w.id', 'po.warehouse_id')
    .leftJoin('cost_centers as cc', 'cc.id', 'po.cost_center_id')
    .select([
      'po.id',
      'po.number',
      'po.status',
      'po.revision',
      'po.version',
      'po.created_by as operatorId',
      'o.display_name as operatorName',
      'po.last_released_revision as lastReleasedRevision',
      'po.total_minor as totalMinor',
      'cc.code as headerCostCenterCode',
      'po.status_note as statusNote',
      'po.status_changed_at as statusChangedAt',
      'po.submitted_at as submittedAt',
      'po.submitted_band as submittedBand',
      'v.code as vendorCode',
      'v.name as vendorName',
      'w.code as warehouseCode',
    ]);
}

export async function findLifecyclePo(db: Db, id: number): Promise<LifecycleRow | undefined> {
  return selectLifecycle(db).where('po.id', '=', id).executeTakeFirst();
}

/** Submitted POs, oldest submission first: the review desk's queue before it is narrowed to one supervisor. */
export async function listSubmittedPos(db: Db): Promise<LifecycleRow[]> {
  return selectLifecycle(db).where('po.status', '=', 'submitted').orderBy('po.submitted_at').orderBy('po.id').execute();
}

export interface StoredApproval extends ApprovalRecord {
  id: number;
  at: string;
}

export async function loadApprovals(db: Db, poId: number): Promise<StoredApproval[]> {
  const rows = await db
    .selectFrom('po_approvals as a')
    .innerJoin('operators as o', 'o.id', 'a.approver_id')
    .select(['a.id', 'a.approver_id', 'o.display_name', 'a.approver_role', 'a.revision', 'a.at', 'a.voided_at'])
    .where('a.po_id', '=', poId)
    .orderBy('a.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    approverId: row.approver_id,
    approverName: row.display_name,
    approverRole: row.approver_role,
    revision: row.revision,
    voided: row.voided_at !== null,
    at: row.at,
  }));
}

export async function insertApproval(db: Db, values: { poId: number; revision: number; approverId: number; approverRole: RoleColumn; at: string }): Promise<void> {
  await db
    .insertInto('po_approvals')
    .values({ po_id: values.poId, revision: values.revision, approver_id: values.approverId, approver_role: values.approverRole, at: values.at })
    .execute();
}

export async function voidApprovals(db: Db, poId: number, revision: number, at: string, reason: string): Promise<void> {
  await db
    .updateTable('po_approvals')
    .set({ voided_at: at, void_reason: reason })
    .where('po_id', '=', poId)
    .where('revision', '=', revision)
    .where('voided_at', 'is', null)
    .execute();
}

export interface StatusChange {
  status: PoStatusColumn;
  revision: number;
  lastReleasedRevision: number | null;
  statusNote: string | null;
  at: string;
  /** Set at submit, kept while submitted, cleared when the PO leaves review. */
  submittedAt: string | null;
  submittedBand: string | null;
}

/** Moves the PO on only if nobody saved or decided since `expectedVersion`; false means the screen was stale. */
export async function updatePoStatus(db: Db, id: number, expectedVersion: number, change: StatusChange): Promise<boolean> {
  const result = await db
    .updateTable('purchase_orders')
    .set({
      status: change.status,
      revision: change.revision,
      last_released_revision: change.lastReleasedRevision,
      status_note: change.statusNote,
      status_changed_at: change.at,
      submitted_at: change.submittedAt,
      submitted_band: change.submittedBand,
      updated_at: change.at,
      version: expectedVersion + 1,
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Who saved a revision; saving twice records one row. */
export async function recordRevisionEditor(db: Db, poId: number, revision: number, operatorId: number): Promise<void> {
  await db
    .insertInto('po_revision_editors')
    .values({ po_id: poId, revision, operator_id: operatorId })
    .onConflict((oc) => oc.columns(['po_id', 'revision', 'operator_id']).doNothing())
    .execute();
}

export async function revisionEditors(db: Db, poId: number, revision: number): Promise<number[]> {
  const rows = await db.selectFrom('po_revision_editors').select('operator_id').where('po_id', '=', poId).where('revision', '=', revision).execute();
  return rows.map((row) => row.operator_id);
}

export async function insertRevision(db: Db, values: { poId: number; revision: number; snapshot: string; totalMinor: number; releasedAt: string; document: Buffer | null }): Promise<void> {
  await db
    .insertInto('po_revisions')
    .values({ po_id: values.poId, revision: values.revision, snapshot: values.snapshot, total_minor: values.totalMinor, released_at: values.releasedAt, document: values.document })
    .execute();
}

export async function findRevision(db: Db, poId: number, revision: number) {
  return db
    .selectFrom('po_revisions')
    .select(['revision', 'snapshot', 'total_minor as totalMinor', 'released_at as releasedAt', 'document'])
    .where('po_id', '=', poId)
    .where('revision', '=', revision)
    .executeTakeFirst();
}

export async function listRevisions(db: Db, poId: number): Promise<{ revision: number; releasedAt: string }[]> {
  return db.selectFrom('po_revisions').select(['revision', 'released_at as releasedAt']).where('po_id', '=', poId).orderBy('revision').execute();
}

/** A decision applied before under this id, if any: a replayed decision is answered, not applied again. */
export async function findDecision(db: Db, decisionId: string) {
  return db.selectFrom('review_decisions').select(['decision_id', 'po_id', 'decided_by', 'decision', 'outcome']).where('decision_id', '=', decisionId).executeTakeFirst();
}

export async function insertDecision(db: Db, values: { decisionId: string; poId: number; decidedBy: number; decision: 'approve' | 'reject'; at: string; outcome: string }): Promise<void> {
  await db
    .insertInto('review_decisions')
    .values({ decision_id: values.decisionId, po_id: values.poId, decided_by: values.decidedBy, decision: values.decision, applied_at: values.at, outcome: values.outcome })
    .execute();
}

export async function approvalLimitOf(db: Db, operatorId: number): Promise<number | null> {
  const row = await db.selectFrom('operators').select('approval_limit_minor').where('id', '=', operatorId).executeTakeFirst();
  return row?.approval_limit_minor ?? null;
}
