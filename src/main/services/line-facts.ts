import type { PoLineInput } from '../../shared/contracts';
import type { CostCenter } from '../domain/cost-center-rules';
import type { LineDraftFacts, StoredLineFacts } from '../domain/distribution-rules';
import type { OverrideFacts } from '../domain/line-security';
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
export interface LineReferences {
  items: Map<string, ItemRef>;
  glAccounts: Map<string, GlAccountRecord>;
  jobs: Map<string, JobRecord>;
  workOrders: Map<string, WorkOrderRecord>;
  costTypes: Map<string, CostTypeRecord>;
  costCenters: Map<string, CostCenterWithId>;
  /** The scheme's WIP overrides, by G/L account code. */
  glWipOverrides: Map<string, CostCenter[]>;
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

const lookup = <T>(map: Map<string, T>, code: string | null): T | undefined => (code === null ? undefined : map.get(code));

export function draftFacts(line: PoLineInput, lineNumber: number, refs: LineReferences): LineDraftFacts {
  const workOrder = lookup(refs.workOrders, line.workOrderCode);
  const glAccount = lookup(refs.glAccounts, line.glAccountCode);
  return {
    lineNumber,
    distributionType: line.distributionType,
    jobCode: line.jobCode,
    job: lookup(refs.jobs, line.jobCode),
    workOrderCode: line.workOrderCode,
    workOrder: workOrder && {
      code: workOrder.code,
      costCenterCode: workOrder.costCenterCode,
      jobCode: workOrder.jobCode,
      siteAddress: workOrder.siteAddress,
    },
    costTypeCode: line.costTypeCode,
    costTypeKnown: line.costTypeCode !== null && refs.costTypes.has(line.costTypeCode),
    glAccountCode: line.glAccountCode,
    glAccount: glAccount && { code: glAccount.code, description: glAccount.description, wip: glAccount.wip },
    costCenterCode: line.costCenterCode,
  };
}

export function storedFacts(line: StoredLine): StoredLineFacts {
  return {
    lineNumber: line.lineNumber,
    workOrderCode: line.workOrderCode,
    glAccount: line.glAccountCode === null ? undefined : { code: line.glAccountCode, description: '', wip: line.glAccountWip },
    costCenterCode: line.costCenterCode,
  };
}

/** The WIP override that governs a line with this G/L account, if the account is WIP-flagged and the scheme has one. */
export function wipOverrideFor(refs: LineReferences, glAccountCode: string | null, wip: boolean): OverrideFacts | null {
  if (!wip || glAccountCode === null) return null;
  const costCenters = refs.glWipOverrides.get(glAccountCode);
  return costCenters ? { key: glAccountCode, costCenters } : null;
}

/** A payload line that says exactly what is stored: change mode leaves it unchecked (rule 5 re-checks changed lines only). */
export function isUnchanged(line: PoLineInput, stored: StoredLine): boolean {
  return (
    line.itemCode === stored.itemCode &&
    line.description === stored.description &&
    line.quantityMilli === stored.quantityMilli &&
    line.unitCostMinor === stored.unitCostMinor &&
    line.distributionType === stored.distributionType &&
    line.jobCode === stored.jobCode &&
    line.workOrderCode === stored.workOrderCode &&
    line.costTypeCode === stored.costTypeCode &&
    line.glAccountCode === stored.glAccountCode &&
    line.costCenterCode === stored.costCenterCode
  );
}
