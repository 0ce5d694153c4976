import type { ItemOption, VendorOption, WarehouseOption } from '../../shared/contracts';
import { allowedCostCenters, checkVendor } from '../domain/cost-center-rules';
import type { Db } from '../store/connect';
import { schemeCostCenters } from '../store/repositories/cost-center-repo';
import { searchItems as findItems } from '../store/repositories/item-repo';
import { readCostCentersEnabled } from '../store/repositories/settings-repo';
import { searchVendors as findVendors } from '../store/repositories/vendor-repo';
import { listWarehouses as readWarehouses } from '../store/repositories/warehouse-repo';
import type { Caller } from './desk';

const LOOKUP_LIMIT = 20;

/** Vendor look-up by code or name, each marked with whether this operator may order from it and why. */
export async function searchVendors(db: Db, caller: Caller, query: string): Promise<VendorOption[]> {
  const [enabled, vendors, schemeList] = await Promise.all([
    readCostCentersEnabled(db),
    findVendors(db, query, LOOKUP_LIMIT),
    schemeCostCenters(db, caller.operator.schemeId),
  ]);
  const allowed = allowedCostCenters({
    displayName: caller.operator.displayName,
    schemeName: caller.operator.schemeName,
    schemeCostCenters: schemeList,
    stickyCostCenterCode: null,
  });
  return vendors.map((vendor) => {
    const verdict = enabled ? checkVendor(vendor.code, vendor, allowed) : undefined;
    return {
      code: vendor.code,
      name: vendor.name,
      costCenters: [...vendor.costCenterCodes],
      allowed: verdict === undefined || verdict.status === 'ok',
      reason: verdict?.reason ?? `Vendor ${vendor.code}, ${vendor.name}.`,
    };
  });
}

export async function listWarehouses(db: Db): Promise<WarehouseOption[]> {
  const rows = await readWarehouses(db);
  return rows.map(({ code, name }) => ({ code, name }));
}

export async function searchItems(db: Db, query: string): Promise<ItemOption[]> {
  const rows = await findItems(db, query, LOOKUP_LIMIT);
  return rows.map(({ code, description, unitCostMinor }) => ({ code, description, unitCostMinor }));
}
