/**
 * "What may this operator do?", pure: an operator's scheme (its list and overrides), the
 * catalogue, and optionally a vendor, a warehouse and a stored PO come in; out go, for every
 * vendor, warehouse and cost center and for each line of the PO, whether the operator may use or
 * change it, the rule and list that decide, and the sentence the operator would read. Nothing is
 * decided here: every verdict comes from cost-center-rules.ts and line-security.ts, the functions
 * PO entry and change mode use, so the simulator cannot drift from what the desk does.
 *
 * | question                         | decided by                                                                 |
 * |----------------------------------|----------------------------------------------------------------------------|
 * | may they enter POs at all        | poEntryReadiness (scheme-lists.ts): a scheme with an active cost center    |
 * | which cost centers               | checkEnteredCostCenter against the list: the scheme's, or the chosen warehouse's override (poCostCenters 'new'), and the chosen vendor's |
 * | which vendors                    | checkVendor: shares a cost center with that list                           |
 * | which warehouses                 | checkWarehouse: its override, if the scheme has one, must leave a cost center (and the chosen vendor) |
 * | the header of a new PO           | resolveHeader, as PO entry: the default cost center and the choices        |
 * | change a stored PO               | checkChangeMode with poCostCenters 'change': the site override of the first line at an overridden site, else the warehouse's, else the scheme |
 * | change or delete a line          | change mode first, then checkLineTouch against the line's list (lineCostCenters: a WIP G/L account's override) |
 *
 * The sentences are the operator's own ("your scheme NORTH allows …"): the admin reads exactly what
 * the operator would be told. An inactive operator is answered as if active, with a note: the
 * answer is what they could do once they sign in again.
 */
import { checkEnteredCostCenter, checkVendor, checkWarehouse, type CostCenter, type HeaderVerdict, resolveHeader, type VendorFacts, type VendorVerdict } from '../cost-center-rules';
import { allowsText, poCostCenters, ruleOfList, type ScopedList } from '../line-security';
import { type Answer, type DecidingList, decidingList, overrideOf, type PoAnswer, scopeOf, type SimulatedOperator, type SimulatedPo, simulatePo } from './po-access-simulation';
import { type EntryReadiness, poEntryReadiness } from './scheme-lists';

export type { Answer, DecidingList, LineAnswer, PoAnswer, SimulatedLine, SimulatedOperator, SimulatedPo } from './po-access-simulation';
export { simulatePo } from './po-access-simulation';
export { compareSchemes, type SchemeComparison, type SchemeMoveContext } from './scheme-move';

export interface SimulationFacts {
  costCentersEnabled: boolean;
  operator: SimulatedOperator;
  /** The cost-center catalogue, in the order to show it. */
  costCenters: readonly CostCenter[];
  vendors: readonly VendorFacts[];
  warehouses: readonly { code: string; name: string }[];
  /** Optional: judge cost centers and warehouses with this vendor chosen. */
  vendorCode?: string | null;
  /** Optional: judge vendors and cost centers with this warehouse chosen. */
  warehouseCode?: string | null;
  po?: SimulatedPo | null;
}

export interface Simulation {
  /** Null when the operator is active; else why the answer is hypothetical. */
  inactiveNote: string | null;
  entry: EntryReadiness;
  /** The list cost centers and vendors are judged against. */
  list: DecidingList;
  costCenters: (Answer & { code: string; description: string })[];
  vendors: (Answer & { code: string; name: string; shared: readonly string[] })[];
  warehouses: (Answer & { code: string; name: string; overrideApplied: boolean })[];
  /** When a vendor or warehouse is chosen: the header as PO entry would resolve it. */
  header: HeaderVerdict | null;
  po: PoAnswer | null;
}

const OFF: Omit<Answer, 'reason'> = { allowed: true, rule: 'cost-centers-off', list: null };
const OFF_REASON = 'Cost centers are turned off for this installation.';

function costCenterAnswer(costCenter: CostCenter, list: ScopedList, vendor: VendorVerdict): Answer {
  const verdict = checkEnteredCostCenter(costCenter.code, costCenter, list, vendor);
  const deciding = decidingList(list);
  if (verdict.status === 'ok') {
    const shared = vendor.status === 'ok' ? `; vendor ${vendor.code} shares it` : '';
    return { allowed: true, rule: deciding.rule, reason: `Cost center ${costCenter.code} may be used: ${allowsText(list)}${shared}.`, list: deciding };
  }
  // The same order checkEnteredCostCenter refuses in, so the rule names the check that refused.
  const rule = !costCenter.active ? 'cost-center-inactive' : !list.codes.includes(costCenter.code) ? deciding.rule : 'vendor-cost-centers';
  return { allowed: false, rule, reason: verdict.reason, list: deciding };
}

/** Everything the operator may use, and the PO they may change, each with the rule and list that decide. */
export function simulateAccess(facts: SimulationFacts): Simulation {
  const { operator, costCentersEnabled: enabled } = facts;
  const scheme = operator.scheme;
  const scope = scopeOf(operator);
  const entry = poEntryReadiness({ costCentersEnabled: enabled, operatorName: operator.displayName, scheme, audience: 'admin' });
  const vendorCode = (facts.vendorCode ?? '').trim().toUpperCase();
  const warehouseCode = (facts.warehouseCode ?? '').trim().toUpperCase();
  const focusVendor = vendorCode === '' ? undefined : facts.vendors.find((vendor) => vendor.code === vendorCode);
  const focusWarehouse = warehouseCode === '' ? undefined : facts.warehouses.find((warehouse) => warehouse.code === warehouseCode);
  const warehouseOverride = focusWarehouse === undefined ? null : overrideOf(scheme, 'warehouse', focusWarehouse.code);
  const list = poCostCenters('new', { operator: scope, warehouseOverride, siteOverride: null });
  const vendorVerdict = checkVendor(vendorCode, vendorCode === '' ? undefined : focusVendor, list);
  const warehouseFacts = (warehouse: { code: string; name: string }) => ({ ...warehouse, overrideCostCenters: overrideOf(scheme, 'warehouse', warehouse.code)?.costCenters ?? null });

  const costCenters = facts.costCenters.map((costCenter) => ({
    code: costCenter.code,
    description: costCenter.description,
    ...(enabled ? costCenterAnswer(costCenter, list, vendorVerdict) : { ...OFF, reason: OFF_REASON }),
  }));
  const vendors = facts.vendors.map((vendor) => {
    if (!enabled) return { code: vendor.code, name: vendor.name, shared: [], ...OFF, reason: OFF_REASON };
    const verdict = checkVendor(vendor.code, vendor, list);
    return { code: vendor.code, name: vendor.name, shared: verdict.shared, allowed: verdict.status === 'ok', rule: 'vendor-cost-centers', reason: verdict.reason, list: decidingList(list) };
  });
  const warehouses = facts.warehouses.map((warehouse) => {
    if (!enabled) return { code: warehouse.code, name: warehouse.name, overrideApplied: false, ...OFF, reason: OFF_REASON };
    const whFacts = warehouseFacts(warehouse);
    const verdict = checkWarehouse(warehouse.code, whFacts, scope, focusVendor, undefined);
    const override = overrideOf(scheme, 'warehouse', warehouse.code);
    const whList = poCostCenters('new', { operator: scope, warehouseOverride: override, siteOverride: null });
    return { code: warehouse.code, name: warehouse.name, overrideApplied: verdict.overrideApplied, allowed: verdict.status === 'ok', rule: ruleOfList(whList), reason: verdict.reason, list: decidingList(whList) };
  });
  const header =
    vendorCode === '' && warehouseCode === ''
      ? null
      : resolveHeader({
          costCentersEnabled: enabled,
          operator: scope,
          vendorCode,
          vendor: focusVendor,
          warehouseCode,
          warehouse: focusWarehouse === undefined ? undefined : warehouseFacts(focusWarehouse),
          enteredCostCenterCode: null,
          enteredCostCenter: undefined,
        });
  return {
    inactiveNote: operator.active ? null : `${operator.displayName} is inactive and cannot sign in; this is what they could do once active again.`,
    entry,
    list: decidingList(list),
    costCenters,
    vendors,
    warehouses,
    header,
    po: facts.po ? simulatePo(enabled, operator, facts.po) : null,
  };
}

