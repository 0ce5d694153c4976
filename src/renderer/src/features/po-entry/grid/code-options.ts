import type { CodeOption, CostCenterOption, DistributionCodes } from '../../../../../shared/contracts';
import type { CodeCell } from '../line-rules';

export type CodeOptions = Record<CodeCell, (CodeOption & { note?: string })[]>;

/** The known codes each coding cell offers, with what tells them apart. */
export function codeOptionsOf(codes: DistributionCodes | null, costCenters: readonly CostCenterOption[]): CodeOptions {
  return {
    job: codes?.jobs.map((job) => ({ code: job.code, description: job.description, note: job.siteAddress })) ?? [],
    workOrder:
      codes?.workOrders.map((workOrder) => ({ code: workOrder.code, description: workOrder.description, note: `cost center ${workOrder.costCenterCode}` })) ?? [],
    costType: codes?.costTypes.map((costType) => ({ code: costType.code, description: costType.description })) ?? [],
    glAccount: codes?.glAccounts.map((account) => ({ code: account.code, description: account.description, ...(account.wip ? { note: 'WIP' } : {}) })) ?? [],
    costCenter: costCenters.map((costCenter) => ({ code: costCenter.code, description: costCenter.description })),
  };
}
