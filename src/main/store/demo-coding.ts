import type { Db } from './connect';
import type { RequirementColumn, SupplierTypeColumn } from './schema-coding';

/**
 * The demo's order-row coding: cost units and projects (global, copied into the default
 * organisation MAIN), product groups for the demo items, supplier groups and types for the demo
 * vendors, a matrix, the chart's requirements, standard and payables accounts. Mandatory coding is
 * off and the row-above setting on, so every demo PO stays valid: account 5100 makes a project
 * Mandatory, which only a save under "mandatory coding on order rows" enforces.
 */
const costUnits: [string, string][] = [
  ['CU-N', 'North crews'],
  ['CU-S', 'South crews'],
  ['CU-F', 'Fleet'],
];
const projects: [string, string][] = [
  ['P-QUAY', 'Quay wall repair'],
  ['P-ROOF', 'Depot roof renewal'],
  ['P-YARD', 'Fleet yard resurfacing'],
];
const productGroups: [code: string, name: string, items: string[]][] = [
  ['FASTENERS', 'Fasteners', ['BOLT-M8']],
  ['PPE', 'Protective equipment', ['GLOVE-L']],
  ['HYDRAULICS', 'Hydraulics', ['FILTER-H']],
  ['PAINT', 'Paint and coatings', ['PAINT-5L']],
  ['TYRES', 'Tyres', ['TYRE-22']],
];
const supplierGroups: [code: string, name: string, vendors: [string, SupplierTypeColumn][]][] = [
  ['LOCAL', 'Local suppliers', [['ACME', 'domestic'], ['BOLT', 'domestic'], ['GENERAL', 'domestic']]],
  ['MARINE', 'Marine suppliers', [['HARBOUR', 'eu']]],
  ['FLEET', 'Fleet suppliers', [['FLEETCO', 'import']]],
];
/** [product group, supplier group (null: every), domestic, EU, import, cost unit, project] */
const matrix: [string, string | null, string, string, string, string | null, string | null][] = [
  ['FASTENERS', null, '5000', '5000', '5000', null, null],
  ['PPE', null, '5000', '5000', '5000', 'CU-N', null],
  ['HYDRAULICS', null, '5100', '5100', '5100', null, null],
  ['PAINT', null, '5000', '5000', '5000', null, null],
  ['PAINT', 'MARINE', '5100', '5100', '5100', null, 'P-QUAY'],
  ['TYRES', null, '5200', '5200', '5200', 'CU-F', null],
];
/** [account, cost center, cost unit, project] */
const chart: [string, RequirementColumn, RequirementColumn, RequirementColumn][] = [
  ['5000', 'yes', 'yes', 'yes'],
  ['5100', 'yes', 'yes', 'mandatory'],
  ['5200', 'yes', 'yes', 'no'],
  ['1400', 'yes', 'no', 'yes'],
  ['1410', 'yes', 'no', 'yes'],
  ['2440', 'no', 'no', 'no'],
];

export async function seedCodingDemo(db: Db): Promise<void> {
  await db.insertInto('gl_accounts').values({ code: '2440', description: 'Trade payables', wip: 0 }).execute();
  const organisation = await db.selectFrom('coding_organisations').select('id').where('is_default', '=', 1).executeTakeFirstOrThrow();
  for (const scope of [0, organisation.id]) {
    await db
      .insertInto('coding_dimension_values')
      .values([
        ...costUnits.map(([code, name]) => ({ scope_id: scope, type_code: 'cost-unit', code, name, origin: 'global' as const, active: 1 })),
        ...projects.map(([code, name]) => ({ scope_id: scope, type_code: 'project', code, name, origin: 'global' as const, active: 1 })),
      ])
      .execute();
  }
  const ids = async (table: 'items' | 'vendors' | 'gl_accounts') => new Map((await db.selectFrom(table).select(['id', 'code']).execute()).map((row) => [row.code, row.id]));
  const [items, vendors, accounts] = await Promise.all([ids('items'), ids('vendors'), ids('gl_accounts')]);
  const productGroupIds = new Map<string, number>();
  for (const [code, name, members] of productGroups) {
    const { id } = await db.insertInto('coding_product_groups').values({ code, name, active: 1 }).returning('id').executeTakeFirstOrThrow();
    productGroupIds.set(code, id);
    for (const item of members) await db.insertInto('coding_items').values({ item_id: items.get(item) as number, product_group_id: id, setup_part_item_id: null }).execute();
  }
  const supplierGroupIds = new Map<string, number>();
  for (const [code, name, members] of supplierGroups) {
    const { id } = await db.insertInto('coding_supplier_groups').values({ code, name, active: 1 }).returning('id').executeTakeFirstOrThrow();
    supplierGroupIds.set(code, id);
    for (const [vendor, type] of members) await db.insertInto('coding_vendors').values({ vendor_id: vendors.get(vendor) as number, supplier_group_id: id, supplier_type: type, payables_account_id: null }).execute();
  }
  await db
    .insertInto('coding_matrix_cells')
    .values(
      matrix.map(([group, supplierGroup, domestic, eu, imported, costUnit, project]) => ({
        product_group_id: productGroupIds.get(group) as number,
        supplier_group_id: supplierGroup === null ? 0 : (supplierGroupIds.get(supplierGroup) as number),
        domestic_account: domestic,
        eu_account: eu,
        import_account: imported,
        cost_center: null,
        cost_unit: costUnit,
        project,
      })),
    )
    .execute();
  await db
    .insertInto('coding_chart_accounts')
    .values(chart.map(([code, costCenter, costUnit, project]) => ({ gl_account_id: accounts.get(code) as number, active: code === '2440' ? 0 : 1, cost_center: costCenter, cost_unit: costUnit, project })))
    .execute();
  await db
    .insertInto('coding_supplier_type_accounts')
    .values((['domestic', 'eu', 'import'] as const).map((type) => ({ supplier_type: type, standard_account_id: accounts.get('5000') as number, payables_account_id: accounts.get('2440') as number })))
    .execute();
  await db.insertInto('settings').values({ key: 'row_coding_settings', value: JSON.stringify({ codingFromRowAbove: true }) }).execute();
}
