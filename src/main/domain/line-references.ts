import type { DistributionType, PoLineInput } from '../../shared/contracts';
import type { CostCenter } from './cost-center-rules';
import type { LineDraftFacts, StoredLineFacts } from './distribution-rules';
import type { OverrideFacts } from './line-security';

/** Every record a save's lines name, by code, as main read them before judging. */
export interface SaveReferences {
  items: Map<string, { id: number; code: string }>;
  glAccounts: Map<string, { id: number; code: string; description: string; wip: boolean }>;
  jobs: Map<string, { id: number; code: string; description: string; siteAddress: string }>;
  workOrders: Map<
    string,
    { id: number; code: string; costCenterId: number; costCenterCode: string; jobId: number | null; jobCode: string | null; siteAddress: string }
  >;
  costTypes: Map<string, { id: number; code: string }>;
  costCenters: Map<string, CostCenter & { id: number }>;
  /** The scheme's WIP overrides, by G/L account code. */
  glWipOverrides: Map<string, CostCenter[]>;
}

/** A stored line with its distribution's codes and ids, as change mode judges and keeps it. */
export interface StoredLineRecord {
  id: number;
  lineNumber: number;
  itemCode: string | null;
  description: string;
  quantityMilli: number;
  unitCostMinor: number;
  distributionType: DistributionType;
  jobCode: string | null;
  workOrderCode: string | null;
  costTypeCode: string | null;
  glAccountCode: string | null;
  glAccountWip: boolean;
  costCenterCode: string | null;
  costCenterId: number | null;
  jobId: number | null;
  workOrderId: number | null;
  costTypeId: number | null;
  glAccountId: number | null;
}

const lookup = <T>(map: Map<string, T>, code: string | null): T | undefined => (code === null ? undefined : map.get(code));

export function draftFacts(line: PoLineInput, lineNumber: number, refs: SaveReferences): LineDraftFacts {
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

export function storedFacts(line: StoredLineRecord): StoredLineFacts {
  return {
    lineNumber: line.lineNumber,
    workOrderCode: line.workOrderCode,
    glAccount: line.glAccountCode === null ? undefined : { code: line.glAccountCode, description: '', wip: line.glAccountWip },
    costCenterCode: line.costCenterCode,
  };
}

/** The WIP override that governs a line with this G/L account, if the account is WIP-flagged and the scheme has one. */
export function wipOverrideFor(refs: SaveReferences, glAccountCode: string | null, wip: boolean): OverrideFacts | null {
  if (!wip || glAccountCode === null) return null;
  const costCenters = refs.glWipOverrides.get(glAccountCode);
  return costCenters ? { key: glAccountCode, costCenters } : null;
}

/** A payload line that says exactly what is stored: change mode leaves it unchecked (rule 5 re-checks changed lines only). */
export function isUnchanged(line: PoLineInput, stored: StoredLineRecord): boolean {
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
