import type { CostCenter, OperatorScope } from '../domain/cost-center-rules';
import { type OverrideFacts, type PoMode, poCostCenters, type ScopedList } from '../domain/line-security';
import type { Db } from '../store/connect';
import { overrideCostCenters } from '../store/repositories/cost-center-repo';
import { overridesForKeys } from '../store/repositories/distribution-code-repo';
import type { StoredLine } from '../store/repositories/po-repo';

export interface PoSecurity {
  list: ScopedList;
  warehouseOverride: OverrideFacts | null;
  siteOverride: OverrideFacts | null;
}

/**
 * Rule 4 for a PO: the warehouse override, and in change mode the override for the site the stored
 * PO uses — the first line's job or work-order site that the scheme has an override for. A caller
 * that has already read the scheme's override for this warehouse code passes it as `knownWarehouseList`
 * (null: the scheme has none), and it is not read again.
 */
export async function loadPoSecurity(
  db: Db,
  scope: OperatorScope,
  schemeId: number | null,
  mode: PoMode,
  warehouseCode: string,
  storedLines: readonly StoredLine[],
  knownWarehouseList?: readonly CostCenter[] | null,
): Promise<PoSecurity> {
  const sites = mode === 'change' ? storedLines.map((line) => line.siteAddress).filter((site) => site !== '') : [];
  const [warehouseList, siteLists] = await Promise.all([
    warehouseCode === '' ? null : knownWarehouseList !== undefined ? knownWarehouseList : overrideCostCenters(db, schemeId, 'warehouse', warehouseCode),
    overridesForKeys(db, schemeId, 'site', sites),
  ]);
  const site = sites.find((address) => siteLists.has(address));
  const warehouseOverride = warehouseList === null ? null : { key: warehouseCode, costCenters: warehouseList };
  const siteOverride = site === undefined ? null : { key: site, costCenters: siteLists.get(site) ?? [] };
  return { list: poCostCenters(mode, { operator: scope, warehouseOverride, siteOverride }), warehouseOverride, siteOverride };
}
