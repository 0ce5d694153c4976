import type { CodingSetup } from '../../shared/coding-schemas';
import { CORE_DIMENSIONS, dimensionLabel, isCoreDimension } from '../domain/coding/dimensions';
import { SUPPLIER_TYPES } from '../domain/coding/purchase-account-matrix';
import type { Db } from '../store/connect';
import { GLOBAL_SCOPE, listGroups, listItemCoding, listOrganisations, listVendorCoding, readChartRows, readMatrix, readSupplierTypeAccounts, storedSet } from '../store/repositories/coding-repo';
import { loadCodingContext, readRowCodingSettings, requireOrganisation } from './coding-context';
import type { Caller } from './desk';
import { codingUser, overrideRightText } from './row-coding-view';

/** codingSetup: everything the coding admin screens and the entry screen read, for one organisation beside the global set. */
export async function readCodingSetup(db: Db, caller: Caller, organisationCode: string | null): Promise<CodingSetup> {
  const organisation = await requireOrganisation(db, organisationCode, 'organisationCode');
  const [organisations, globalSet, ownSet, context, productGroups, supplierGroups, vendors, items, matrix, chart, accounts, costCenters, settings] = await Promise.all([
    listOrganisations(db),
    storedSet(db, GLOBAL_SCOPE),
    storedSet(db, organisation.id),
    loadCodingContext(db, organisation),
    listGroups(db, 'coding_product_groups'),
    listGroups(db, 'coding_supplier_groups'),
    listVendorCoding(db),
    listItemCoding(db),
    readMatrix(db),
    readChartRows(db),
    readSupplierTypeAccounts(db),
    db.selectFrom('cost_centers').select(['code', 'description']).where('active', '=', 1).orderBy('code').execute(),
    readRowCodingSettings(db),
  ]);
  const types = [
    ...globalSet.types.map((type) => ({ ...type, organisationCode: null })),
    ...ownSet.types.map((type) => ({ ...type, organisationCode: organisation.code })),
  ].map((type) => ({ code: type.code, name: type.name, organisationCode: type.organisationCode, origin: type.origin, core: isCoreDimension(type.code), active: type.active, defaultValueCode: type.defaultValueCode }));
  const defaultOf = (scope: string | null, typeCode: string) => types.find((type) => type.organisationCode === scope && type.code === typeCode)?.defaultValueCode ?? null;
  const values = [
    ...globalSet.values.map((value) => ({ ...value, organisationCode: null as string | null })),
    ...ownSet.values.map((value) => ({ ...value, organisationCode: organisation.code as string | null })),
  ].map((value) => ({ ...value, isDefault: defaultOf(value.organisationCode, value.typeCode) === value.code }));
  const perType = (record: Partial<Record<(typeof SUPPLIER_TYPES)[number], string>>) => ({ domestic: record.domestic ?? null, eu: record.eu ?? null, import: record.import ?? null });
  const isAdmin = caller.operator.role === 'admin';
  return {
    organisations,
    organisationCode: organisation.code,
    dimensionTypes: types,
    dimensionValues: values,
    dimensions: context.dimensions.map((code) => ({ code, label: dimensionLabel(code, context.set) })),
    productGroups: productGroups.map(({ code, name, active }) => ({ code, name, active })),
    supplierGroups: supplierGroups.map(({ code, name, active }) => ({ code, name, active })),
    vendors: vendors.map((vendor) => ({
      vendorCode: vendor.vendorCode,
      vendorName: vendor.vendorName,
      supplierGroupCode: vendor.supplierGroup,
      supplierType: vendor.supplierType,
      payablesAccountCode: vendor.payablesAccount,
      effectivePayablesAccountCode: vendor.payablesAccount ?? accounts.payables[vendor.supplierType] ?? null,
      values: vendor.values,
    })),
    items: items.map((item) => ({ itemCode: item.itemCode, description: item.description, productGroupCode: item.productGroup, setupPriceForItemCode: item.setupPartCode })),
    matrix: matrix.map((cell) => ({
      productGroupCode: cell.productGroup,
      supplierGroupCode: cell.supplierGroup,
      accounts: perType(cell.accounts),
      costCenterCode: cell.costCenter,
      costUnitCode: cell.costUnit,
      projectCode: cell.project,
    })),
    chart: chart.map((account) => ({
      code: account.code,
      name: account.name,
      active: account.active,
      requirements: { 'cost-center': account.requirements['cost-center'] ?? 'yes', 'cost-unit': account.requirements['cost-unit'] ?? 'yes', project: account.requirements.project ?? 'yes' },
      configured: account.configured,
    })),
    standardAccounts: perType(accounts.standard),
    payablesAccounts: perType(accounts.payables),
    costCenters,
    settings,
    rights: {
      canEdit: isAdmin,
      mayOverrideCoding: codingUser(caller, context).mayOverrideCoding,
      reason: `${isAdmin ? 'As an admin you change the coding master data.' : 'Only admins change the coding master data; you may read it.'} ${overrideRightText(caller, context)}`,
    },
  };
}

export const CORE_TYPE_CODES: readonly string[] = CORE_DIMENSIONS;
