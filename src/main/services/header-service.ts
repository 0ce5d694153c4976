import type { HeaderResolution } from '../../shared/contracts';
import { originText } from '../domain/cost-center-origin';
import { type HeaderFacts, type HeaderVerdict, resolveHeader } from '../domain/cost-center-rules';
import type { Db } from '../store/connect';
import { type CostCenterRecord, findCostCenterByCode, overrideCostCenters, schemeCostCenters } from '../store/repositories/cost-center-repo';
import { readCostCentersEnabled } from '../store/repositories/settings-repo';
import { findVendorByCode, type VendorRecord } from '../store/repositories/vendor-repo';
import { findWarehouseByCode, type WarehouseRecord } from '../store/repositories/warehouse-repo';
import { findPoCostCenterOrigin } from '../store/repositories/po-repo';
import type { Caller } from './desk';

export interface HeaderDraftValues {
  vendorCode: string;
  warehouseCode: string;
  costCenterCode: string | null;
}

/** A header's facts as read from the store, with the records a save needs to write ids. */
export interface LoadedHeader {
  facts: HeaderFacts;
  vendor: VendorRecord | undefined;
  warehouse: WarehouseRecord | undefined;
  enteredCostCenter: CostCenterRecord | undefined;
  /** Cost centers known from the operator's lists, for showing descriptions beside codes. */
  knownCostCenters: CostCenterRecord[];
}

export async function loadHeader(db: Db, caller: Caller, draft: HeaderDraftValues): Promise<LoadedHeader> {
  const { operator, session } = caller;
  const [costCentersEnabled, schemeList, vendor, warehouse, enteredCostCenter] = await Promise.all([
    readCostCentersEnabled(db),
    schemeCostCenters(db, operator.schemeId),
    findVendorByCode(db, draft.vendorCode),
    findWarehouseByCode(db, draft.warehouseCode),
    draft.costCenterCode === null ? undefined : findCostCenterByCode(db, draft.costCenterCode),
  ]);
  const overrideList = warehouse ? await overrideCostCenters(db, operator.schemeId, 'warehouse', warehouse.code) : null;
  return {
    facts: {
      costCentersEnabled,
      operator: {
        displayName: operator.displayName,
        schemeName: operator.schemeName,
        schemeCostCenters: schemeList,
        stickyCostCenterCode: session.stickyCostCenterCode,
      },
      vendorCode: draft.vendorCode,
      vendor,
      warehouseCode: draft.warehouseCode,
      warehouse: warehouse && { code: warehouse.code, name: warehouse.name, overrideCostCenters: overrideList },
      enteredCostCenterCode: draft.costCenterCode,
      enteredCostCenter,
    },
    vendor,
    warehouse,
    enteredCostCenter,
    knownCostCenters: [...schemeList, ...(overrideList ?? [])],
  };
}

export function toResolution(verdict: HeaderVerdict, known: readonly CostCenterRecord[]): HeaderResolution {
  const description = (code: string) => known.find((costCenter) => costCenter.code === code)?.description ?? '';
  return {
    costCentersEnabled: verdict.costCentersEnabled,
    vendor: { status: verdict.vendor.status, code: verdict.vendor.code, name: verdict.vendor.name, reason: verdict.vendor.reason },
    warehouse: verdict.warehouse,
    costCenter: verdict.costCenter,
    choices: verdict.choices.map((code) => ({ code, description: description(code) })),
  };
}

/**
 * The header as the screen shows it. For a stored PO whose cost center is unchanged, the reason is
 * the one recorded at save (entered by whom, or which default), not "as you entered it".
 */
export async function resolvePoHeader(db: Db, caller: Caller, draft: HeaderDraftValues & { poId?: number }): Promise<HeaderResolution> {
  const [loaded, stored] = await Promise.all([
    loadHeader(db, caller, draft),
    draft.poId === undefined ? undefined : findPoCostCenterOrigin(db, draft.poId),
  ]);
  const resolution = toResolution(resolveHeader(loaded.facts), loaded.knownCostCenters);
  const { costCenter } = resolution;
  if (stored && costCenter.status === 'ok' && costCenter.code !== null && costCenter.code === stored.costCenterCode) {
    resolution.costCenter = { ...costCenter, source: 'stored', reason: originText(stored.source, stored.costCenterCode, stored.enteredBy) };
  }
  return resolution;
}
