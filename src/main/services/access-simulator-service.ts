import type { ParsedInputOf } from '../../shared/contracts';
import type { AccessSimulation, SchemeComparisonView, SimulatorChoices } from '../../shared/operator-admin-schemas';
import { compareSchemes, simulateAccess as simulate } from '../domain/admin/access-simulator';
import { poEntryReadiness, type SchemeFacts } from '../domain/admin/scheme-lists';
import type { Db } from '../store/connect';
import { findOperatorAccount, schemeChoices } from '../store/repositories/operator-admin-repo';
import {
  listOpenPoNumbers,
  loadCostCenterCatalogue,
  loadSchemeFacts,
  loadSimulatedPos,
  loadVendorFacts,
  loadWarehouseChoices,
  schemeIdByCode,
} from '../store/repositories/operator-admin-facts-repo';
import { notFound, refused } from './app-failure';
import { localeOf } from './caller-locale';
import type { Caller, Desk } from './desk';
import { requireReader } from './operator-admin-service';
import { getSettings } from './settings-service';

/**
 * "What may this operator do?" for admins and supervisors: the facts are read from the store
 * (the operator's scheme with its overrides, the catalogue, vendors' shared cost centers,
 * warehouses, the PO and its lines) and judged by the domain (access-simulator.ts, scheme-move.ts),
 * which asks the very functions PO entry and change mode use. Nothing is written.
 */

/** Vendors judged one by one on the screen; the chosen vendor is always among them. */
const VENDORS_SHOWN = 200;
/** Vendors a scheme move compares; beyond this the comparison says only the first were compared. */
const VENDORS_COMPARED = 2000;
const POS_OFFERED = 200;

const costCentersInUse = async (db: Db) => (await getSettings(db)).codingMode === 'cost-centers';

async function operatorWithScheme(db: Db, operatorId: number) {
  const account = await findOperatorAccount(db, operatorId);
  if (!account) throw notFound(`There is no operator with id ${operatorId}; choose one from the list.`);
  const scheme = account.schemeId === null ? null : ((await loadSchemeFacts(db, [account.schemeId])).get(account.schemeId) ?? null);
  return { account, scheme };
}

export async function simulatorChoices(desk: Desk, caller: Caller): Promise<SimulatorChoices> {
  requireReader(caller, 'use the access simulator');
  const db = desk.db;
  const [operators, vendors, warehouses, pos, schemes] = await Promise.all([
    db.selectFrom('operators as o').leftJoin('schemes as s', 's.id', 'o.scheme_id').select(['o.id', 'o.sign_in_name', 'o.display_name', 's.name as scheme_name', 'o.active']).orderBy('o.display_name').execute(),
    db.selectFrom('vendors').select(['code', 'name']).orderBy('code').limit(VENDORS_SHOWN).execute(),
    loadWarehouseChoices(db),
    listOpenPoNumbers(db, POS_OFFERED),
    schemeChoices(db),
  ]);
  return {
    operators: operators.map((o) => ({ id: o.id, signInName: o.sign_in_name, displayName: o.display_name, schemeCode: o.scheme_name, active: o.active === 1 })),
    vendors,
    warehouses,
    pos,
    schemes: schemes.map(({ code, description }) => ({ code, description })),
  };
}

export async function simulateAccess(desk: Desk, caller: Caller, input: ParsedInputOf<'simulateAccess'>): Promise<AccessSimulation> {
  requireReader(caller, 'use the access simulator');
  const db = desk.db;
  const vendorCode = input.vendorCode || null;
  const warehouseCode = input.warehouseCode || null;
  const poNumber = input.poNumber || null;
  const { account, scheme } = await operatorWithScheme(db, input.operatorId);
  const [enabled, costCenters, vendorFacts, warehouses, pos] = await Promise.all([
    costCentersInUse(db),
    loadCostCenterCatalogue(db),
    loadVendorFacts(db, VENDORS_SHOWN, vendorCode),
    loadWarehouseChoices(db),
    poNumber === null ? Promise.resolve([]) : loadSimulatedPos(db, { number: poNumber }),
  ]);
  if (vendorCode !== null && !vendorFacts.vendors.some((vendor) => vendor.code === vendorCode)) throw refused(`There is no vendor ${vendorCode}; choose one from the list.`, 'vendorCode');
  if (warehouseCode !== null && !warehouses.some((warehouse) => warehouse.code === warehouseCode)) throw refused(`There is no warehouse ${warehouseCode}; choose one from the list.`, 'warehouseCode');
  const [po] = pos;
  if (poNumber !== null && po === undefined) throw refused(`There is no PO ${poNumber}; choose one from the list.`, 'poNumber');
  if (po && input.lineNumber != null && !po.lines.some((line) => line.lineNumber === input.lineNumber)) {
    throw refused(`PO ${po.number} has no line ${input.lineNumber}; it has lines ${po.lines.map((line) => line.lineNumber).join(', ') || 'none'}.`, 'lineNumber');
  }
  const result = simulate({
    costCentersEnabled: enabled,
    operator: { displayName: account.displayName, role: account.role, active: account.active, scheme },
    costCenters,
    vendors: vendorFacts.vendors,
    warehouses,
    vendorCode,
    warehouseCode,
    po: po ?? null,
  });
  return {
    operator: { id: account.id, displayName: account.displayName, signInName: account.signInName, role: account.role, schemeCode: account.schemeCode, active: account.active },
    inactiveNote: result.inactiveNote,
    entry: { ...result.entry, codes: [...result.entry.codes] },
    list: { ...result.list, codes: [...result.list.codes] },
    costCenters: result.costCenters,
    vendors: result.vendors.map((vendor) => ({ ...vendor, shared: [...vendor.shared] })),
    warehouses: result.warehouses,
    header: result.header && {
      vendor: { status: result.header.vendor.status, reason: result.header.vendor.reason },
      warehouse: { status: result.header.warehouse.status, reason: result.header.warehouse.reason },
      costCenter: { code: result.header.costCenter.code, status: result.header.costCenter.status, reason: result.header.costCenter.reason },
      choices: [...result.header.choices],
    },
    po:
      result.po && po
        ? {
            number: result.po.number,
            status: po.status,
            change: result.po.change,
            lines: input.lineNumber == null ? result.po.lines : result.po.lines.filter((line) => line.lineNumber === input.lineNumber),
          }
        : null,
  } as AccessSimulation;
}

export async function compareSchemeMove(desk: Desk, caller: Caller, input: ParsedInputOf<'compareSchemeMove'>): Promise<SchemeComparisonView> {
  requireReader(caller, 'compare schemes');
  const db = desk.db;
  const { account, scheme: before } = await operatorWithScheme(db, input.operatorId);
  const code = (input.schemeCode ?? '').trim().toUpperCase();
  let after: SchemeFacts | null = null;
  if (code !== '') {
    const id = await schemeIdByCode(db, code);
    if (id === undefined) throw refused(`There is no scheme ${code}; choose one from the list.`, 'schemeCode');
    after = (await loadSchemeFacts(db, [id])).get(id) ?? null;
  }
  const [enabled, openPos, vendorFacts, warehouses, locale] = await Promise.all([
    costCentersInUse(db),
    loadSimulatedPos(db, 'open'),
    loadVendorFacts(db, VENDORS_COMPARED),
    loadWarehouseChoices(db),
    localeOf(db, caller),
  ]);
  const comparison = compareSchemes(before, after, openPos, { operatorName: account.displayName, costCentersEnabled: enabled, vendors: vendorFacts.vendors, warehouses, locale });
  const partial = vendorFacts.total > vendorFacts.vendors.length ? ` Vendors: the first ${vendorFacts.vendors.length} of ${vendorFacts.total} by code were compared.` : '';
  const entryAfter = poEntryReadiness({ costCentersEnabled: enabled, operatorName: account.displayName, scheme: after, audience: 'admin' });
  return { ...comparison, summary: `${comparison.summary}${partial}`, entryAfter: { ...entryAfter, codes: [...entryAfter.codes] } };
}
