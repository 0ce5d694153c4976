import type { ChartAccount, ChartOfAccounts, Requirement } from '../../domain/coding/chart-of-accounts';
import type { DimensionSet, DimensionType, DimensionValue } from '../../domain/coding/dimensions';
import type { MatrixCell, PurchaseAccountMatrix, StandardAccounts, SupplierType } from '../../domain/coding/purchase-account-matrix';
import type { RowCodingValues } from '../../domain/coding/row-coding';
import type { Db } from '../connect';

/**
 * Reads of order-row coding (migration 0011). Scope 0 is the global dimension set; an organisation's
 * set is stored under its id. Purchase-account values are the G/L accounts and cost-center values
 * the cost centers: setOf adds them to the stored types and values, so the domain sees one set.
 */

export const GLOBAL_SCOPE = 0;

export interface OrganisationRow {
  id: number;
  code: string;
  name: string;
  active: boolean;
  isDefault: boolean;
}

export async function listOrganisations(db: Db): Promise<OrganisationRow[]> {
  const rows = await db.selectFrom('coding_organisations').select(['id', 'code', 'name', 'active', 'is_default']).orderBy('code').execute();
  return rows.map((row) => ({ id: row.id, code: row.code, name: row.name, active: row.active === 1, isDefault: row.is_default === 1 }));
}

/** The organisation by code (any case), or the default one for null. */
export async function findOrganisation(db: Db, code: string | null): Promise<OrganisationRow | undefined> {
  const all = await listOrganisations(db);
  if (code === null) return all.find((row) => row.isDefault) ?? all[0];
  return all.find((row) => row.code.toLowerCase() === code.toLowerCase());
}

/** The stored types and values of a scope, without the two lists kept elsewhere. */
export async function storedSet(db: Db, scopeId: number): Promise<DimensionSet> {
  const [types, values] = await Promise.all([
    db.selectFrom('coding_dimension_types').selectAll().where('scope_id', '=', scopeId).orderBy('position').execute(),
    db.selectFrom('coding_dimension_values').selectAll().where('scope_id', '=', scopeId).orderBy('type_code').orderBy('code').execute(),
  ]);
  return {
    types: types.map((row): DimensionType => ({ code: row.code, name: row.name, origin: row.origin, active: row.active === 1, defaultValueCode: row.default_value_code })),
    values: values.map((row): DimensionValue => ({ typeCode: row.type_code, code: row.code, name: row.name, origin: row.origin, active: row.active === 1 })),
  };
}

/** A scope's set as the rules use it: its stored values plus the chart's accounts and the installation's cost centers. */
export async function setOf(db: Db, scopeId: number): Promise<DimensionSet> {
  const [stored, chart, costCenters] = await Promise.all([storedSet(db, scopeId), readChart(db), db.selectFrom('cost_centers').select(['code', 'description', 'active']).orderBy('code').execute()]);
  const accounts = chart.accounts.map((account): DimensionValue => ({ typeCode: 'purchase-account', code: account.code, name: account.name, origin: 'global', active: account.active }));
  const centers = costCenters.map((row): DimensionValue => ({ typeCode: 'cost-center', code: row.code, name: row.description, origin: 'global', active: row.active === 1 }));
  const others = stored.values.filter((value) => value.typeCode !== 'purchase-account' && value.typeCode !== 'cost-center');
  return { types: stored.types, values: [...accounts, ...centers, ...others] };
}

export interface ChartRow extends ChartAccount {
  glAccountId: number;
  /** A requirement row is stored. */
  configured: boolean;
}

/** Every G/L account with its requirements; one not configured is an active account that asks nothing. */
export async function readChartRows(db: Db): Promise<ChartRow[]> {
  const rows = await db
    .selectFrom('gl_accounts as gl')
    .leftJoin('coding_chart_accounts as ca', 'ca.gl_account_id', 'gl.id')
    .select(['gl.id', 'gl.code', 'gl.description', 'ca.gl_account_id as configured', 'ca.active', 'ca.cost_center', 'ca.cost_unit', 'ca.project'])
    .orderBy('gl.code')
    .execute();
  return rows.map((row) => {
    const requirements: Partial<Record<string, Requirement>> = row.configured === null ? {} : { 'cost-center': row.cost_center ?? 'yes', 'cost-unit': row.cost_unit ?? 'yes', project: row.project ?? 'yes' };
    return { glAccountId: row.id, code: row.code, name: row.description, active: row.configured === null ? true : row.active === 1, requirements, configured: row.configured !== null };
  });
}

export async function readChart(db: Db): Promise<ChartOfAccounts> {
  return { accounts: await readChartRows(db) };
}

export interface GroupRow {
  id: number;
  code: string;
  name: string;
  active: boolean;
}

export async function listGroups(db: Db, table: 'coding_product_groups' | 'coding_supplier_groups'): Promise<GroupRow[]> {
  const rows = await db.selectFrom(table).select(['id', 'code', 'name', 'active']).orderBy('code').execute();
  return rows.map((row) => ({ ...row, active: row.active === 1 }));
}

export interface MatrixRow extends MatrixCell {
  productGroupId: number;
  supplierGroupId: number;
}

export async function readMatrix(db: Db): Promise<MatrixRow[]> {
  const rows = await db
    .selectFrom('coding_matrix_cells as m')
    .innerJoin('coding_product_groups as pg', 'pg.id', 'm.product_group_id')
    .leftJoin('coding_supplier_groups as sg', 'sg.id', 'm.supplier_group_id')
    .select(['m.product_group_id', 'm.supplier_group_id', 'pg.code as productGroup', 'sg.code as supplierGroup', 'm.domestic_account', 'm.eu_account', 'm.import_account', 'm.cost_center', 'm.cost_unit', 'm.project'])
    .orderBy('pg.code')
    .orderBy('m.supplier_group_id')
    .execute();
  return rows.map((row) => {
    const accounts: Partial<Record<SupplierType, string>> = {};
    if (row.domestic_account !== null) accounts.domestic = row.domestic_account;
    if (row.eu_account !== null) accounts.eu = row.eu_account;
    if (row.import_account !== null) accounts.import = row.import_account;
    return {
      productGroupId: row.product_group_id,
      supplierGroupId: row.supplier_group_id,
      productGroup: row.productGroup,
      supplierGroup: row.supplier_group_id === 0 ? null : (row.supplierGroup ?? null),
      accounts,
      costCenter: row.cost_center,
      costUnit: row.cost_unit,
      project: row.project,
    };
  });
}

export async function readMatrixForRules(db: Db): Promise<PurchaseAccountMatrix> {
  return { cells: await readMatrix(db) };
}

export interface SupplierTypeAccounts {
  standard: StandardAccounts;
  payables: Partial<Record<SupplierType, string>>;
}

export async function readSupplierTypeAccounts(db: Db): Promise<SupplierTypeAccounts> {
  const rows = await db
    .selectFrom('coding_supplier_type_accounts as s')
    .leftJoin('gl_accounts as std', 'std.id', 's.standard_account_id')
    .leftJoin('gl_accounts as pay', 'pay.id', 's.payables_account_id')
    .select(['s.supplier_type', 'std.code as standard', 'pay.code as payables'])
    .execute();
  const standard: Partial<Record<SupplierType, string>> = {};
  const payables: Partial<Record<SupplierType, string>> = {};
  for (const row of rows) {
    if (row.standard) standard[row.supplier_type] = row.standard;
    if (row.payables) payables[row.supplier_type] = row.payables;
  }
  return { standard, payables };
}

export interface VendorCodingRow {
  vendorId: number;
  vendorCode: string;
  vendorName: string;
  supplierGroup: string | null;
  supplierType: SupplierType;
  payablesAccount: string | null;
  values: Record<string, string>;
}

/** Every vendor with its coding; a vendor never set up is domestic, in no group, with no values. */
export async function listVendorCoding(db: Db, vendorIds?: readonly number[]): Promise<VendorCodingRow[]> {
  let query = db
    .selectFrom('vendors as v')
    .leftJoin('coding_vendors as cv', 'cv.vendor_id', 'v.id')
    .leftJoin('coding_supplier_groups as sg', 'sg.id', 'cv.supplier_group_id')
    .leftJoin('gl_accounts as pay', 'pay.id', 'cv.payables_account_id')
    .select(['v.id', 'v.code', 'v.name', 'sg.code as supplierGroup', 'cv.supplier_type', 'pay.code as payables'])
    .orderBy('v.code');
  if (vendorIds) {
    if (vendorIds.length === 0) return [];
    query = query.where('v.id', 'in', [...vendorIds]);
  }
  const rows = await query.execute();
  let valuesQuery = db.selectFrom('coding_vendor_values').selectAll();
  if (vendorIds) valuesQuery = valuesQuery.where('vendor_id', 'in', [...vendorIds]);
  const values = await valuesQuery.execute();
  return rows.map((row) => ({
    vendorId: row.id,
    vendorCode: row.code,
    vendorName: row.name,
    supplierGroup: row.supplierGroup ?? null,
    supplierType: row.supplier_type ?? 'domestic',
    payablesAccount: row.payables ?? null,
    values: Object.fromEntries(values.filter((value) => value.vendor_id === row.id).map((value) => [value.dimension_code, value.value_code])),
  }));
}

export async function findVendorIdByCode(db: Db, code: string): Promise<number | undefined> {
  const row = await db.selectFrom('vendors').select('id').where('code', '=', code.toUpperCase()).executeTakeFirst();
  return row?.id;
}

export interface ItemCodingRow {
  itemId: number;
  itemCode: string;
  description: string;
  productGroup: string | null;
  setupPartCode: string | null;
  setupPartProductGroup: string | null;
}

export async function listItemCoding(db: Db, codes?: readonly string[]): Promise<ItemCodingRow[]> {
  let query = db
    .selectFrom('items as i')
    .leftJoin('coding_items as ci', 'ci.item_id', 'i.id')
    .leftJoin('coding_product_groups as pg', 'pg.id', 'ci.product_group_id')
    .leftJoin('items as part', 'part.id', 'ci.setup_part_item_id')
    .leftJoin('coding_items as pci', 'pci.item_id', 'part.id')
    .leftJoin('coding_product_groups as ppg', 'ppg.id', 'pci.product_group_id')
    .select(['i.id', 'i.code', 'i.description', 'pg.code as productGroup', 'part.code as partCode', 'ppg.code as partGroup'])
    .orderBy('i.code');
  if (codes) {
    if (codes.length === 0) return [];
    query = query.where('i.code', 'in', [...new Set(codes.map((code) => code.toUpperCase()))]);
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    itemId: row.id,
    itemCode: row.code,
    description: row.description,
    productGroup: row.productGroup ?? null,
    setupPartCode: row.partCode ?? null,
    setupPartProductGroup: row.partGroup ?? null,
  }));
}

/** A PO's organisation id and header values; undefined organisation when the PO was saved before coding. */
export async function readPoHeaderCoding(db: Db, poId: number): Promise<{ organisationId: number | undefined; values: Record<string, string> }> {
  const [org, values] = await Promise.all([
    db.selectFrom('po_coding').select('organisation_id').where('po_id', '=', poId).executeTakeFirst(),
    db.selectFrom('po_header_coding').select(['dimension_code', 'value_code']).where('po_id', '=', poId).execute(),
  ]);
  return { organisationId: org?.organisation_id, values: Object.fromEntries(values.map((row) => [row.dimension_code, row.value_code])) };
}

/** Each line's PO-row values, by po_lines.id. */
export async function readLineCoding(db: Db, lineIds: readonly number[]): Promise<Map<number, RowCodingValues>> {
  const map = new Map<number, Record<string, { value: string; via: import('../../domain/coding/row-coding').RowVia }>>();
  if (lineIds.length === 0) return map;
  const rows = await db.selectFrom('po_line_coding').selectAll().where('line_id', 'in', [...lineIds]).execute();
  for (const row of rows) {
    const entry = map.get(row.line_id) ?? {};
    entry[row.dimension_code] = { value: row.value_code, via: row.via };
    map.set(row.line_id, entry);
  }
  return map;
}

/** Replaces a PO's organisation and header values. */
export async function writePoHeaderCoding(db: Db, poId: number, organisationId: number, values: Readonly<Record<string, string>>): Promise<void> {
  await db.deleteFrom('po_header_coding').where('po_id', '=', poId).execute();
  await db.insertInto('po_coding').values({ po_id: poId, organisation_id: organisationId }).onConflict((c) => c.column('po_id').doUpdateSet({ organisation_id: organisationId })).execute();
  const rows = Object.entries(values).map(([dimension_code, value_code]) => ({ po_id: poId, dimension_code, value_code }));
  if (rows.length > 0) await db.insertInto('po_header_coding').values(rows).execute();
}

/** Replaces the PO-row values of the given lines. */
export async function writeLineCoding(db: Db, coding: ReadonlyMap<number, RowCodingValues>): Promise<void> {
  const ids = [...coding.keys()];
  if (ids.length === 0) return;
  await db.deleteFrom('po_line_coding').where('line_id', 'in', ids).execute();
  const rows = [...coding].flatMap(([line_id, values]) =>
    Object.entries(values).flatMap(([dimension_code, entry]) => (entry ? [{ line_id, dimension_code, value_code: entry.value, via: entry.via }] : [])),
  );
  for (let start = 0; start < rows.length; start += 500) await db.insertInto('po_line_coding').values(rows.slice(start, start + 500)).execute();
}

/** The row-coding settings, kept as one JSON value in `settings`; absent keys take the defaults given. */
export const ROW_CODING_SETTINGS = 'row_coding_settings';

export async function readRowCodingSettingsJson(db: Db): Promise<Record<string, unknown>> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', ROW_CODING_SETTINGS).executeTakeFirst();
  if (!row) return {};
  try {
    const parsed: unknown = JSON.parse(row.value);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export async function writeRowCodingSettingsJson(db: Db, value: Readonly<Record<string, unknown>>): Promise<void> {
  const text = JSON.stringify(value);
  await db.insertInto('settings').values({ key: ROW_CODING_SETTINGS, value: text }).onConflict((c) => c.column('key').doUpdateSet({ value: text })).execute();
}
