import type { HeaderResolution } from '../../shared/contracts';
import type { BillingEntityOption } from '../../shared/purchasing-controls-schemas';
import { originText } from '../domain/cost-center-origin';
import type { HeaderFacts } from '../domain/cost-center-rules';
import { type ControlsVerdict, resolveHeaderControls } from '../domain/header-controls';
import { findPoControls } from '../store/repositories/po-controls-repo';
import { loadControlFacts } from './header-controls-facts';
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
  billingEntityCode?: string | null;
  projectCode?: string | null;
  noCostCenter?: boolean;
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

export function toResolution(controls: ControlsVerdict, codingMode: HeaderResolution['codingMode'], known: readonly CostCenterRecord[], entities: BillingEntityOption[]): HeaderResolution {
  const verdict = controls.header;
  const description = (code: string) => known.find((costCenter) => costCenter.code === code)?.description ?? '';
  const { rule: _entityRule, ...billingEntity } = controls.billingEntity;
  const { rule: _projectRule, ...projectCode } = controls.projectCode;
  return {
    costCentersEnabled: verdict.costCentersEnabled,
    codingMode,
    vendor: { status: verdict.vendor.status, code: verdict.vendor.code, name: verdict.vendor.name, reason: verdict.vendor.reason },
    warehouse: verdict.warehouse,
    costCenter: verdict.costCenter,
    choices: verdict.choices.map((code) => ({ code, description: description(code) })),
    costCenterList: controls.costCenterList,
    billingEntities: entities,
    billingEntity,
    projectCode,
  };
}

/**
 * The header as the screen shows it. For a stored PO whose cost center is unchanged, the reason is
 * the one recorded at save (entered by whom, or which default), not "as you entered it".
 */
export async function resolvePoHeader(db: Db, caller: Caller, draft: HeaderDraftValues & { poId?: number }): Promise<HeaderResolution> {
  const [loaded, stored, storedControls] = await Promise.all([
    loadHeader(db, caller, draft),
    draft.poId === undefined ? undefined : findPoCostCenterOrigin(db, draft.poId),
    draft.poId === undefined ? undefined : findPoControls(db, draft.poId),
  ]);
  const controls = await loadControlFacts(
    db,
    caller,
    { billingEntityCode: draft.billingEntityCode ?? null, projectCode: draft.projectCode ?? null, noCostCenter: draft.noCostCenter ?? false },
    storedControls ?? null,
  );
  const linked = Object.values(controls.facts.entityCostCenters).flat();
  const known = [...loaded.knownCostCenters, ...linked.map((costCenter) => ({ id: 0, ...costCenter }))];
  const resolution = toResolution(resolveHeaderControls(loaded.facts, controls.facts), controls.facts.codingMode, known, controls.options);
  const { costCenter } = resolution;
  if (stored && costCenter.status === 'ok' && costCenter.code !== null && costCenter.code === stored.costCenterCode) {
    resolution.costCenter = { ...costCenter, source: 'stored', reason: originText(stored.source, stored.costCenterCode, stored.enteredBy) };
  }
  return resolution;
}
