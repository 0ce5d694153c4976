import type { CostCenterOption, DistributionCodes } from '../../../../shared/contracts';
import type { CodeCell } from './line-rules';

export const CODE_LIST_IDS: Record<CodeCell, string> = {
  job: 'codes-jobs',
  workOrder: 'codes-work-orders',
  costType: 'codes-cost-types',
  glAccount: 'codes-gl-accounts',
  costCenter: 'codes-cost-centers',
};

/** One datalist per coding cell, shared by every line: typing a code offers the known ones with descriptions. */
export function CodeLists({ codes, costCenters }: { codes: DistributionCodes | null; costCenters: readonly CostCenterOption[] }) {
  return (
    <>
      <datalist id={CODE_LIST_IDS.job}>
        {codes?.jobs.map((job) => (
          <option key={job.code} value={job.code}>{`${job.description} · ${job.siteAddress}`}</option>
        ))}
      </datalist>
      <datalist id={CODE_LIST_IDS.workOrder}>
        {codes?.workOrders.map((workOrder) => (
          <option key={workOrder.code} value={workOrder.code}>{`${workOrder.description} · cost center ${workOrder.costCenterCode}`}</option>
        ))}
      </datalist>
      <datalist id={CODE_LIST_IDS.costType}>
        {codes?.costTypes.map((costType) => (
          <option key={costType.code} value={costType.code}>
            {costType.description}
          </option>
        ))}
      </datalist>
      <datalist id={CODE_LIST_IDS.glAccount}>
        {codes?.glAccounts.map((account) => (
          <option key={account.code} value={account.code}>{`${account.description}${account.wip ? ' · WIP' : ''}`}</option>
        ))}
      </datalist>
      <datalist id={CODE_LIST_IDS.costCenter}>
        {costCenters.map((costCenter) => (
          <option key={costCenter.code} value={costCenter.code}>
            {costCenter.description}
          </option>
        ))}
      </datalist>
    </>
  );
}
