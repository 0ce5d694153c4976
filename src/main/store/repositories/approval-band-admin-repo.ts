import type { BandApprovers } from '../../domain/approval-rules';
import type { Db } from '../connect';
import { lockKeysForTransaction } from '../dialect';
import type { RoleColumn } from '../schema';

/**
 * What the admin screen writes: approval bands, their named approvers, and approval limits. The
 * bands are read for every use through loadApprovalBands (approval-band-repo.ts); this file holds
 * the writes and the few reads that only the admin screen needs.
 */

/** A band as it is stored: its scope by cost center id, its approvers by operator id. */
export interface BandRow {
  costCenterId: number | null;
  fromMinor: number;
  approvers: BandApprovers;
  approvalsRequired: number;
  adminRequired: boolean;
}

export interface ApproverCandidate {
  id: number;
  displayName: string;
  role: RoleColumn;
  active: boolean;
  approvalLimitMinor: number | null;
}

/**
 * Band writers queue behind one another for the rest of the transaction, so two admins cannot
 * both find no band from 10,000.00 for 210 and both add one (SQLite's write lock does this anyway).
 */
export async function lockApprovalBands(db: Db): Promise<void> {
  await lockKeysForTransaction(db, ['approval-bands']);
}

const bandValues = (band: BandRow, now: string) => ({
  cost_center_id: band.costCenterId,
  from_minor: band.fromMinor,
  approver_kind: band.approvers.kind,
  approver_role: band.approvers.kind === 'role' ? band.approvers.role : null,
  approvals_required: band.approvalsRequired,
  admin_required: band.adminRequired ? 1 : 0,
  updated_at: now,
});

async function writeNamedApprovers(db: Db, bandId: number, band: BandRow): Promise<void> {
  if (band.approvers.kind !== 'named' || band.approvers.approvers.length === 0) return;
  await db
    .insertInto('approval_band_approvers')
    .values(band.approvers.approvers.map((approver) => ({ band_id: bandId, operator_id: approver.id })))
    .execute();
}

export async function insertApprovalBand(db: Db, band: BandRow, now: string): Promise<number> {
  const { id } = await db.insertInto('approval_bands').values(bandValues(band, now)).returning('id').executeTakeFirstOrThrow();
  await writeNamedApprovers(db, id, band);
  return id;
}

export async function updateApprovalBand(db: Db, id: number, band: BandRow, now: string): Promise<void> {
  await db.updateTable('approval_bands').set(bandValues(band, now)).where('id', '=', id).execute();
  await db.deleteFrom('approval_band_approvers').where('band_id', '=', id).execute();
  await writeNamedApprovers(db, id, band);
}

export async function deleteApprovalBandRow(db: Db, id: number): Promise<void> {
  // Explicitly, not through the cascade: SQLite enforces foreign keys only where the connection turned them on.
  await db.deleteFrom('approval_band_approvers').where('band_id', '=', id).execute();
  await db.deleteFrom('approval_bands').where('id', '=', id).execute();
}

/** Two admins changing one person's limit at once queue, so each audit row's "before" is what the other left. */
export async function lockApprovalLimit(db: Db, operatorId: number): Promise<void> {
  await lockKeysForTransaction(db, [`approval-limit:${operatorId}`]);
}

export async function setOperatorApprovalLimit(db: Db, operatorId: number, limitMinor: number | null): Promise<void> {
  await db.updateTable('operators').set({ approval_limit_minor: limitMinor }).where('id', '=', operatorId).execute();
}

function selectCandidates(db: Db) {
  return db
    .selectFrom('operators')
    .select(['id', 'display_name', 'role', 'active', 'approval_limit_minor'])
    .orderBy('display_name')
    .orderBy('id');
}

const toCandidate = (row: { id: number; display_name: string; role: RoleColumn; active: number; approval_limit_minor: number | null }): ApproverCandidate => ({
  id: row.id,
  displayName: row.display_name,
  role: row.role,
  active: row.active === 1,
  approvalLimitMinor: row.approval_limit_minor,
});

/** The people who may approve: active supervisors and admins, by name. */
export async function listApproverCandidates(db: Db): Promise<ApproverCandidate[]> {
  const rows = await selectCandidates(db).where('role', 'in', ['supervisor', 'admin']).where('active', '=', 1).execute();
  return rows.map(toCandidate);
}

/** These operators, whatever their role or state, so a refusal can name each one. */
export async function findOperatorsForBand(db: Db, ids: readonly number[]): Promise<ApproverCandidate[]> {
  if (ids.length === 0) return [];
  const rows = await selectCandidates(db).where('id', 'in', [...ids]).execute();
  return rows.map(toCandidate);
}

export interface CostCenterChoice {
  id: number;
  code: string;
  description: string;
  active: boolean;
}

/** Every cost center, by code: the scopes a band may take. */
export async function listCostCenterChoices(db: Db): Promise<CostCenterChoice[]> {
  const rows = await db.selectFrom('cost_centers').select(['id', 'code', 'description', 'active']).orderBy('code').execute();
  return rows.map((row) => ({ id: row.id, code: row.code, description: row.description, active: row.active === 1 }));
}
