import type { ApprovalBand } from '../../domain/approval-rules';
import type { Db } from '../connect';

/** Every approval band in the shape the rules read, named approvers with their current names and roles. */
export async function loadApprovalBands(db: Db): Promise<ApprovalBand[]> {
  const [bands, named] = await Promise.all([
    db
      .selectFrom('approval_bands as b')
      .leftJoin('cost_centers as cc', 'cc.id', 'b.cost_center_id')
      .select(['b.id', 'cc.code as costCenterCode', 'b.from_minor', 'b.approver_kind', 'b.approver_role', 'b.approvals_required', 'b.admin_required'])
      .orderBy('b.from_minor')
      .orderBy('b.id')
      .execute(),
    db
      .selectFrom('approval_band_approvers as a')
      .innerJoin('operators as o', 'o.id', 'a.operator_id')
      .select(['a.band_id', 'o.id', 'o.display_name', 'o.role'])
      .orderBy('o.display_name')
      .execute(),
  ]);
  return bands.map((band) => ({
    id: band.id,
    costCenterCode: band.costCenterCode,
    fromMinor: band.from_minor,
    approvers:
      band.approver_kind === 'named'
        ? { kind: 'named', approvers: named.filter((a) => a.band_id === band.id).map((a) => ({ id: a.id, displayName: a.display_name, role: a.role })) }
        : { kind: 'role', role: band.approver_role ?? 'supervisor' },
    approvalsRequired: band.approvals_required,
    adminRequired: band.admin_required === 1,
  }));
}
