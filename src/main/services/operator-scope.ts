import type { OperatorScope } from '../domain/cost-center-rules';
import type { Db } from '../store/connect';
import { type CostCenterRecord, schemeCostCenters } from '../store/repositories/cost-center-repo';
import type { Caller } from './desk';

/** The caller's scheme as the rules see it, with the records behind it for descriptions and ids. */
export async function loadOperatorScope(db: Db, caller: Caller): Promise<{ scope: OperatorScope; schemeList: CostCenterRecord[] }> {
  const schemeList = await schemeCostCenters(db, caller.operator.schemeId);
  return {
    scope: {
      displayName: caller.operator.displayName,
      schemeName: caller.operator.schemeName,
      schemeCostCenters: schemeList,
      stickyCostCenterCode: caller.session.stickyCostCenterCode,
    },
    schemeList,
  };
}
