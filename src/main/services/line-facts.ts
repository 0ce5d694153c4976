import type { PoLineInput } from '../../shared/contracts';
import type { SaveReferences } from '../domain/line-references';
import type { Db } from '../store/connect';
import {
  type CostCenterWithId,
  type CostTypeRecord,
  findCostCentersByCodes,
  findCostTypesByCodes,
  findGlAccountsByCodes,
  findJobsByCodes,
  findWorkOrdersByCodes,
  type GlAccountRecord,
  type JobRecord,
  overridesForKeys,
  type WorkOrderRecord,
} from '../store/repositories/distribution-code-repo';
import { findItemRefsByCodes, type ItemRef } from '../store/repositories/item-repo';
import type { StoredLine } from '../store/repositories/po-repo';

/** Every record the payload's lines name, looked up in a handful of batched queries. */
export interface LineReferences extends SaveReferences {
  items: Map<string, ItemRef>;
  glAccounts: Map<string, GlAccountRecord>;
  jobs: Map<string, JobRecord>;
  workOrders: Map<string, WorkOrderRecord>;
  costTypes: Map<string, CostTypeRecord>;
  costCenters: Map<string, CostCenterWithId>;
}

export async function loadLineReferences(
  db: Db,
  schemeId: number | null,
  lines: readonly PoLineInput[],
  stored: readonly StoredLine[],
  headerCostCenterCode: string | null,
): Promise<LineReferences> {
  const [items, glAccounts, jobs, workOrders, costTypes] = await Promise.all([
    findItemRefsByCodes(db, lines.flatMap((line) => (line.itemCode ? [line.itemCode] : []))),
    findGlAccountsByCodes(db, lines.map((line) => line.glAccountCode)),
    findJobsByCodes(db, lines.map((line) => line.jobCode)),
    findWorkOrdersByCodes(db, lines.map((line) => line.workOrderCode)),
    findCostTypesByCodes(db, lines.map((line) => line.costTypeCode)),
  ]);
  const wipCodes = [
    ...[...glAccounts.values()].filter((account) => account.wip).map((account) => account.code),
    ...stored.filter((line) => line.glAccountWip).map((line) => line.glAccountCode),
  ];
  const [costCenters, glWipOverrides] = await Promise.all([
    findCostCentersByCodes(db, [
      headerCostCenterCode,
      ...lines.map((line) => line.costCenterCode),
      ...[...workOrders.values()].map((workOrder) => workOrder.costCenterCode),
    ]),
    overridesForKeys(db, schemeId, 'gl-wip', wipCodes),
  ]);
  return { items, glAccounts, jobs, workOrders, costTypes, costCenters, glWipOverrides };
}
