/**
 * Spectrum-style cost-center rules for a PO header. Pure: every fact comes in as an argument,
 * every verdict goes out with a reason a person can read.
 */

export interface CostCenter {
  code: string;
  description: string;
  active: boolean;
}

export interface OperatorScope {
  displayName: string;
  schemeName: string | null;
  /** The scheme's list in its configured order; may hold inactive cost centers. */
  schemeCostCenters: readonly CostCenter[];
  /** First cost center the operator entered on the PO entry screen in this sign-in session. */
  stickyCostCenterCode: string | null;
}

export interface VendorFacts {
  code: string;
  name: string;
  costCenterCodes: readonly string[];
}

export interface WarehouseFacts {
  code: string;
  name: string;
  /** null: the scheme has no override for this warehouse; [] : an override that lists nothing. */
  overrideCostCenters: readonly CostCenter[] | null;
}

export interface EffectiveList {
  codes: readonly string[];
  /** Names the list in messages: "your scheme NORTH" or "the override for warehouse W2". */
  label: string;
  overrideApplied: boolean;
}

export type VerdictStatus = 'blank' | 'ok' | 'refused';

export interface VendorVerdict {
  status: VerdictStatus;
  code: string;
  name: string | null;
  /** Effective cost centers the vendor shares with the operator, in the operator's order. */
  shared: readonly string[];
  reason: string;
}

export interface WarehouseVerdict {
  status: VerdictStatus;
  code: string;
  name: string | null;
  reason: string;
  overrideApplied: boolean;
}

export type CostCenterSource = 'sticky' | 'operator-single' | 'vendor-single' | 'entered' | 'none';

export interface CostCenterVerdict {
  code: string | null;
  source: CostCenterSource;
  status: 'ok' | 'refused' | 'missing' | 'not-used';
  reason: string;
}

export interface HeaderFacts {
  costCentersEnabled: boolean;
  operator: OperatorScope;
  vendorCode: string;
  /** undefined when the code is blank or unknown. */
  vendor: VendorFacts | undefined;
  warehouseCode: string;
  warehouse: WarehouseFacts | undefined;
  /** What the operator has in the field; null asks for the default. */
  enteredCostCenterCode: string | null;
  /** The entered code looked up in the catalogue: undefined when no such cost center exists. */
  enteredCostCenter: CostCenter | undefined;
}

export interface HeaderVerdict {
  costCentersEnabled: boolean;
  vendor: VendorVerdict;
  warehouse: WarehouseVerdict;
  costCenter: CostCenterVerdict;
  /** Codes the operator may pick: effective list ∩ the vendor's shared list. */
  choices: readonly string[];
}

/** The list of an operator with no scheme, as it reads before "allows …". */
export const NO_SCHEME_LABEL = 'your scheme (none assigned)';

export const listCodes = (codes: readonly string[]): string => (codes.length === 0 ? 'none' : codes.join(', '));

/** Active codes of a list, first occurrence only, in the list's order. */
export function activeCodes(costCenters: readonly CostCenter[]): string[] {
  const codes: string[] = [];
  for (const costCenter of costCenters) {
    if (costCenter.active && !codes.includes(costCenter.code)) codes.push(costCenter.code);
  }
  return codes;
}

/** Rule 2: the operator may use the active cost centers of the assigned scheme. */
export function allowedCostCenters(operator: OperatorScope): EffectiveList {
  return {
    codes: activeCodes(operator.schemeCostCenters),
    label: operator.schemeName === null ? NO_SCHEME_LABEL : `your scheme ${operator.schemeName}`,
    overrideApplied: false,
  };
}

/** Rule 6: a warehouse override in the scheme supersedes the scheme's list for that PO. */
export function effectiveCostCenters(operator: OperatorScope, warehouse: WarehouseFacts | undefined): EffectiveList {
  if (!warehouse || warehouse.overrideCostCenters === null) return allowedCostCenters(operator);
  return {
    codes: activeCodes(warehouse.overrideCostCenters),
    label: `the override for warehouse ${warehouse.code}`,
    overrideApplied: true,
  };
}

/** Rule 3: a vendor must exist and share at least one cost center with the operator. */
export function checkVendor(vendorCode: string, vendor: VendorFacts | undefined, allowed: EffectiveList): VendorVerdict {
  if (vendorCode === '') {
    return { status: 'blank', code: '', name: null, shared: [], reason: 'Choose a vendor.' };
  }
  if (!vendor) {
    return { status: 'refused', code: vendorCode, name: null, shared: [], reason: `Vendor ${vendorCode} does not exist.` };
  }
  const shared = allowed.codes.filter((code) => vendor.costCenterCodes.includes(code));
  if (shared.length === 0) {
    return {
      status: 'refused',
      code: vendor.code,
      name: vendor.name,
      shared,
      reason:
        `Vendor ${vendor.code} shares no cost center with you: the vendor uses ${listCodes(vendor.costCenterCodes)}; ` +
        `${allowed.label} allows ${listCodes(allowed.codes)}.`,
    };
  }
  return {
    status: 'ok',
    code: vendor.code,
    name: vendor.name,
    shared,
    reason: `Vendor ${vendor.code} shares ${listCodes(shared)} with you.`,
  };
}

/** Codes a cost center may take on this header: allowed for the operator and, once a vendor is valid, shared by it. */
export function costCenterChoices(allowed: EffectiveList, vendor: VendorVerdict): readonly string[] {
  if (vendor.status === 'ok') return vendor.shared;
  if (vendor.status === 'blank') return allowed.codes;
  return [];
}

/** Rule 4: the default cost center, each candidate taken only if allowed and shared by the vendor. */
export function defaultCostCenter(operator: OperatorScope, allowed: EffectiveList, vendor: VendorVerdict): CostCenterVerdict {
  const choices = costCenterChoices(allowed, vendor);
  const sticky = operator.stickyCostCenterCode;
  if (allowed.codes.length > 1 && sticky !== null && choices.includes(sticky)) {
    return {
      code: sticky,
      source: 'sticky',
      status: 'ok',
      reason: `Cost center ${sticky} because it is the first one you entered this session.`,
    };
  }
  const onlyAllowed = allowed.codes.length === 1 ? allowed.codes[0] : undefined;
  if (onlyAllowed !== undefined && choices.includes(onlyAllowed)) {
    return {
      code: onlyAllowed,
      source: 'operator-single',
      status: 'ok',
      reason: `Cost center ${onlyAllowed} because it is the only one ${allowed.label} allows.`,
    };
  }
  const onlyShared = vendor.status === 'ok' && vendor.shared.length === 1 ? vendor.shared[0] : undefined;
  if (onlyShared !== undefined) {
    return {
      code: onlyShared,
      source: 'vendor-single',
      status: 'ok',
      reason: `Cost center ${onlyShared} because it is the only one vendor ${vendor.code} shares with you.`,
    };
  }
  return { code: null, source: 'none', status: 'missing', reason: missingReason(allowed, vendor, choices) };
}

function missingReason(allowed: EffectiveList, vendor: VendorVerdict, choices: readonly string[]): string {
  if (allowed.codes.length === 0) return `You cannot enter POs: ${allowed.label} allows no active cost center.`;
  // The vendor's own refusal says what is wrong; the cost center field has nothing to add until it is mended.
  if (vendor.status === 'refused') return '';
  if (vendor.status === 'ok') return `Pick a cost center: vendor ${vendor.code} shares ${listCodes(choices)} with you.`;
  return `Pick a cost center from ${listCodes(choices)}.`;
}

/** Rule 5: an entered cost center must be known, active, allowed and shared by the vendor. */
export function checkEnteredCostCenter(
  code: string,
  known: CostCenter | undefined,
  allowed: EffectiveList,
  vendor: VendorVerdict,
): CostCenterVerdict {
  const refuse = (reason: string): CostCenterVerdict => ({ code, source: 'entered', status: 'refused', reason });
  if (!known) return refuse(`Cost center ${code} does not exist.`);
  if (!known.active) return refuse(`Cost center ${code} is inactive.`);
  if (!allowed.codes.includes(code)) {
    return refuse(`Cost center ${code} is not allowed: ${allowed.label} allows ${listCodes(allowed.codes)}.`);
  }
  if (vendor.status === 'ok' && !vendor.shared.includes(code)) {
    return refuse(`Vendor ${vendor.code} does not use cost center ${code}; it shares ${listCodes(vendor.shared)} with you.`);
  }
  return { code, source: 'entered', status: 'ok', reason: `Cost center ${code} as you entered it.` };
}

/**
 * Rule 6: a warehouse whose override cannot hold this PO is refused. A refused warehouse is not
 * applied, so the vendor and cost center are then judged against the scheme's own list.
 */
export function checkWarehouse(
  warehouseCode: string,
  warehouse: WarehouseFacts | undefined,
  operator: OperatorScope,
  vendor: VendorFacts | undefined,
  enteredCostCenter: CostCenter | undefined,
): WarehouseVerdict {
  const verdict = (status: VerdictStatus, reason: string, overrideApplied = false): WarehouseVerdict => ({
    status,
    code: warehouse?.code ?? warehouseCode,
    name: warehouse?.name ?? null,
    reason,
    overrideApplied,
  });
  if (warehouseCode === '') return verdict('blank', 'Choose a warehouse.');
  if (!warehouse) return verdict('refused', `Warehouse ${warehouseCode} does not exist.`);
  if (warehouse.overrideCostCenters === null) {
    return verdict('ok', `Warehouse ${warehouse.code} follows ${allowedCostCenters(operator).label}.`);
  }
  const override = effectiveCostCenters(operator, warehouse);
  const overrideList = `${capitalise(override.label)} allows ${listCodes(override.codes)}`;
  if (override.codes.length === 0) {
    return verdict('refused', `Warehouse ${warehouse.code} is closed to you: ${override.label} allows no active cost center.`);
  }
  if (enteredCostCenter?.active && !override.codes.includes(enteredCostCenter.code)) {
    return verdict('refused', `${overrideList}; this PO's cost center is ${enteredCostCenter.code}.`);
  }
  if (vendor && !override.codes.some((code) => vendor.costCenterCodes.includes(code))) {
    return verdict('refused', `${overrideList}; vendor ${vendor.code} uses ${listCodes(vendor.costCenterCodes)}, none of them.`);
  }
  return verdict('ok', `${overrideList}; it replaces ${allowedCostCenters(operator).label} for this PO.`, true);
}

export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const NOT_USED: CostCenterVerdict = {
  code: null,
  source: 'none',
  status: 'not-used',
  reason: 'Cost centers are turned off for this installation.',
};

/** Rules 1–6 together: what the PO entry header shows and what a save must satisfy. */
export function resolveHeader(facts: HeaderFacts): HeaderVerdict {
  const { operator, vendorCode, vendor, warehouseCode, warehouse, enteredCostCenterCode, enteredCostCenter } = facts;
  if (!facts.costCentersEnabled) {
    return {
      costCentersEnabled: false,
      vendor: existenceOnly(vendorCode, vendor),
      warehouse: warehouseExistenceOnly(warehouseCode, warehouse),
      costCenter: NOT_USED,
      choices: [],
    };
  }
  const warehouseVerdict = checkWarehouse(warehouseCode, warehouse, operator, vendor, enteredCostCenter);
  const allowed = warehouseVerdict.overrideApplied ? effectiveCostCenters(operator, warehouse) : allowedCostCenters(operator);
  const vendorVerdict = checkVendor(vendorCode, vendor, allowed);
  const costCenter =
    enteredCostCenterCode === null
      ? defaultCostCenter(operator, allowed, vendorVerdict)
      : checkEnteredCostCenter(enteredCostCenterCode, enteredCostCenter, allowed, vendorVerdict);
  return {
    costCentersEnabled: true,
    vendor: vendorVerdict,
    warehouse: warehouseVerdict,
    costCenter,
    choices: costCenterChoices(allowed, vendorVerdict),
  };
}

/** Rule 1: with cost centers off, vendor and warehouse only have to exist. */
function existenceOnly(vendorCode: string, vendor: VendorFacts | undefined): VendorVerdict {
  if (vendorCode === '') return { status: 'blank', code: '', name: null, shared: [], reason: 'Choose a vendor.' };
  if (!vendor) return { status: 'refused', code: vendorCode, name: null, shared: [], reason: `Vendor ${vendorCode} does not exist.` };
  return { status: 'ok', code: vendor.code, name: vendor.name, shared: [], reason: `Vendor ${vendor.code}, ${vendor.name}.` };
}

function warehouseExistenceOnly(warehouseCode: string, warehouse: WarehouseFacts | undefined): WarehouseVerdict {
  if (warehouseCode === '') {
    return { status: 'blank', code: '', name: null, reason: 'Choose a warehouse.', overrideApplied: false };
  }
  if (!warehouse) {
    return { status: 'refused', code: warehouseCode, name: null, reason: `Warehouse ${warehouseCode} does not exist.`, overrideApplied: false };
  }
  return { status: 'ok', code: warehouse.code, name: warehouse.name, reason: `Warehouse ${warehouse.code}, ${warehouse.name}.`, overrideApplied: false };
}

/** Whether a header verdict lets a PO be saved; the first blocking problem names the field. */
export function headerBlocker(verdict: HeaderVerdict): { field: 'vendorCode' | 'warehouseCode' | 'costCenterCode'; message: string } | null {
  if (verdict.vendor.status !== 'ok') return { field: 'vendorCode', message: verdict.vendor.reason };
  if (verdict.warehouse.status !== 'ok') return { field: 'warehouseCode', message: verdict.warehouse.reason };
  if (verdict.costCentersEnabled && verdict.costCenter.status !== 'ok') {
    return { field: 'costCenterCode', message: verdict.costCenter.reason };
  }
  return null;
}
