import type { UsageEntry } from '../../domain/admin/in-use';
import type { MasterDataKind } from '../../../shared/admin-schemas';
import type { Db } from '../connect';

/**
 * Where order-row coding names a master-data record (issue 11's tables): the purchase-account
 * matrix, the chart of accounts' standard and payables accounts, a vendor's payables account or
 * coding values, an item's setup-price part. Each is named so the admin knows where to take it off.
 */

const SUPPLIER_TYPE_WORD: Readonly<Record<string, string>> = { domestic: 'domestic', eu: 'EU', import: 'import' };

async function accountPlaces(db: Db, id: number, code: string): Promise<string[]> {
  const [matrix, vendors, typeAccounts] = await Promise.all([
    db
      .selectFrom('coding_matrix_cells as m')
      .innerJoin('coding_product_groups as p', 'p.id', 'm.product_group_id')
      .leftJoin('coding_supplier_groups as s', 's.id', 'm.supplier_group_id')
      .select(['p.code as product', 's.code as supplier'])
      .where((eb) => eb.or([eb('m.domestic_account', '=', code), eb('m.eu_account', '=', code), eb('m.import_account', '=', code)]))
      .orderBy('p.code')
      .execute(),
    db.selectFrom('coding_vendors as c').innerJoin('vendors as v', 'v.id', 'c.vendor_id').select('v.code').where('c.payables_account_id', '=', id).orderBy('v.code').execute(),
    db
      .selectFrom('coding_supplier_type_accounts')
      .select(['supplier_type', 'standard_account_id', 'payables_account_id'])
      .where((eb) => eb.or([eb('standard_account_id', '=', id), eb('payables_account_id', '=', id)]))
      .orderBy('supplier_type')
      .execute(),
  ]);
  return [
    ...matrix.map((cell) => `the matrix cell ${cell.product} × ${cell.supplier ?? 'every supplier group'}`),
    ...vendors.map((vendor) => `vendor ${vendor.code}'s payables account`),
    ...typeAccounts.flatMap((row) => [
      ...(row.standard_account_id === id ? [`the standard account for ${SUPPLIER_TYPE_WORD[row.supplier_type] ?? row.supplier_type} suppliers`] : []),
      ...(row.payables_account_id === id ? [`the payables account for ${SUPPLIER_TYPE_WORD[row.supplier_type] ?? row.supplier_type} suppliers`] : []),
    ]),
  ];
}

async function costCenterPlaces(db: Db, code: string): Promise<string[]> {
  const [matrix, vendors] = await Promise.all([
    db
      .selectFrom('coding_matrix_cells as m')
      .innerJoin('coding_product_groups as p', 'p.id', 'm.product_group_id')
      .leftJoin('coding_supplier_groups as s', 's.id', 'm.supplier_group_id')
      .select(['p.code as product', 's.code as supplier'])
      .where('m.cost_center', '=', code)
      .orderBy('p.code')
      .execute(),
    db
      .selectFrom('coding_vendor_values as c')
      .innerJoin('vendors as v', 'v.id', 'c.vendor_id')
      .select('v.code')
      .where('c.dimension_code', '=', 'cost-center')
      .where('c.value_code', '=', code)
      .orderBy('v.code')
      .execute(),
  ]);
  return [...matrix.map((cell) => `the matrix cell ${cell.product} × ${cell.supplier ?? 'every supplier group'}`), ...vendors.map((vendor) => `vendor ${vendor.code}'s coding`)];
}

async function itemPlaces(db: Db, id: number): Promise<string[]> {
  const rows = await db.selectFrom('coding_items as c').innerJoin('items as i', 'i.id', 'c.item_id').select('i.code').where('c.setup_part_item_id', '=', id).orderBy('i.code').execute();
  return rows.map((row) => `item ${row.code}'s setup-price part`);
}

/** The coding places naming the record, as one usage entry (count 0 when none). */
export async function codingUsage(db: Db, kind: MasterDataKind, id: number, code: string): Promise<UsageEntry> {
  const names = kind === 'gl-account' ? await accountPlaces(db, id, code) : kind === 'cost-center' ? await costCenterPlaces(db, code) : kind === 'item' ? await itemPlaces(db, id) : [];
  return { place: 'row-coding', count: names.length, names };
}
