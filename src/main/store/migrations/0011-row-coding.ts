import { type Kysely, sql } from 'kysely';
import { schemaTypes } from '../dialect';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Order-row coding (issue 11), in side tables only: no existing table gains a column, so every
 * stored PO, its rows and the PO list's plans stay exactly as they were.
 *
 * - Organisations, and dimension types and values per scope: scope 0 is the global set an admin
 *   keeps, any other scope is an organisation's id (its copy of the global set and its own). The
 *   purchase-account values are the G/L accounts and the cost-center values the cost centers, so
 *   those two lists are never copied: they stay one list each.
 * - Product and supplier groups; a vendor's and an item's coding beside them.
 * - The purchase-account matrix: product group × supplier group (0: every supplier group).
 * - The chart of accounts' requirements beside gl_accounts; standard and payables accounts per supplier type.
 * - A PO's organisation and header values; a PO row's values with how each got there.
 */
export async function up(db: AnyDb): Promise<void> {
  const { integer, text, identity } = schemaTypes(db);
  const requirement = (column: string) => sql`${sql.ref(column)} in ('no', 'yes', 'mandatory')`;
  const supplierType = sql`supplier_type in ('domestic', 'eu', 'import')`;

  await db.schema
    .createTable('coding_organisations')
    .addColumn('id', integer, identity)
    .addColumn('code', text, (c) => c.notNull().unique())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('active', integer, (c) => c.notNull().defaultTo(1))
    .addColumn('is_default', integer, (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('coding_dimension_types')
    .addColumn('scope_id', integer, (c) => c.notNull())
    .addColumn('code', text, (c) => c.notNull())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('origin', text, (c) => c.notNull().check(sql`origin in ('global', 'organisation')`))
    .addColumn('active', integer, (c) => c.notNull().defaultTo(1))
    .addColumn('default_value_code', text)
    .addColumn('position', integer, (c) => c.notNull())
    .addPrimaryKeyConstraint('coding_dimension_types_pk', ['scope_id', 'code'])
    .execute();

  await db.schema
    .createTable('coding_dimension_values')
    .addColumn('scope_id', integer, (c) => c.notNull())
    .addColumn('type_code', text, (c) => c.notNull())
    .addColumn('code', text, (c) => c.notNull())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('origin', text, (c) => c.notNull().check(sql`origin in ('global', 'organisation')`))
    .addColumn('active', integer, (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('coding_dimension_values_pk', ['scope_id', 'type_code', 'code'])
    .execute();

  for (const table of ['coding_product_groups', 'coding_supplier_groups']) {
    await db.schema
      .createTable(table)
      .addColumn('id', integer, identity)
      .addColumn('code', text, (c) => c.notNull().unique())
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('active', integer, (c) => c.notNull().defaultTo(1))
      .execute();
  }

  await db.schema
    .createTable('coding_vendors')
    .addColumn('vendor_id', integer, (c) => c.primaryKey().references('vendors.id').onDelete('cascade'))
    .addColumn('supplier_group_id', integer, (c) => c.references('coding_supplier_groups.id'))
    .addColumn('supplier_type', text, (c) => c.notNull().check(supplierType))
    .addColumn('payables_account_id', integer, (c) => c.references('gl_accounts.id'))
    .execute();
  await db.schema
    .createTable('coding_vendor_values')
    .addColumn('vendor_id', integer, (c) => c.notNull().references('vendors.id').onDelete('cascade'))
    .addColumn('dimension_code', text, (c) => c.notNull())
    .addColumn('value_code', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('coding_vendor_values_pk', ['vendor_id', 'dimension_code'])
    .execute();

  await db.schema
    .createTable('coding_items')
    .addColumn('item_id', integer, (c) => c.primaryKey().references('items.id').onDelete('cascade'))
    .addColumn('product_group_id', integer, (c) => c.references('coding_product_groups.id'))
    .addColumn('setup_part_item_id', integer, (c) => c.references('items.id'))
    .execute();

  await db.schema
    .createTable('coding_matrix_cells')
    .addColumn('product_group_id', integer, (c) => c.notNull().references('coding_product_groups.id'))
    // 0: every supplier group without a cell of its own (a key column, so it cannot be null).
    .addColumn('supplier_group_id', integer, (c) => c.notNull())
    .addColumn('domestic_account', text)
    .addColumn('eu_account', text)
    .addColumn('import_account', text)
    .addColumn('cost_center', text)
    .addColumn('cost_unit', text)
    .addColumn('project', text)
    .addPrimaryKeyConstraint('coding_matrix_cells_pk', ['product_group_id', 'supplier_group_id'])
    .execute();

  await db.schema
    .createTable('coding_chart_accounts')
    .addColumn('gl_account_id', integer, (c) => c.primaryKey().references('gl_accounts.id').onDelete('cascade'))
    .addColumn('active', integer, (c) => c.notNull().defaultTo(1))
    .addColumn('cost_center', text, (c) => c.notNull().check(requirement('cost_center')))
    .addColumn('cost_unit', text, (c) => c.notNull().check(requirement('cost_unit')))
    .addColumn('project', text, (c) => c.notNull().check(requirement('project')))
    .execute();

  await db.schema
    .createTable('coding_supplier_type_accounts')
    .addColumn('supplier_type', text, (c) => c.primaryKey().check(supplierType))
    .addColumn('standard_account_id', integer, (c) => c.references('gl_accounts.id'))
    .addColumn('payables_account_id', integer, (c) => c.references('gl_accounts.id'))
    .execute();

  await db.schema
    .createTable('po_coding')
    .addColumn('po_id', integer, (c) => c.primaryKey().references('purchase_orders.id').onDelete('cascade'))
    .addColumn('organisation_id', integer, (c) => c.notNull().references('coding_organisations.id'))
    .execute();
  await db.schema
    .createTable('po_header_coding')
    .addColumn('po_id', integer, (c) => c.notNull().references('purchase_orders.id').onDelete('cascade'))
    .addColumn('dimension_code', text, (c) => c.notNull())
    .addColumn('value_code', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('po_header_coding_pk', ['po_id', 'dimension_code'])
    .execute();
  await db.schema
    .createTable('po_line_coding')
    .addColumn('line_id', integer, (c) => c.notNull().references('po_lines.id').onDelete('cascade'))
    .addColumn('dimension_code', text, (c) => c.notNull())
    .addColumn('value_code', text, (c) => c.notNull())
    .addColumn('via', text, (c) => c.notNull().check(sql`via in ('matrix', 'row-above', 'standard-account', 'setup-part', 'entered')`))
    .addPrimaryKeyConstraint('po_line_coding_pk', ['line_id', 'dimension_code'])
    .execute();

  // Every installation codes by the four core dimensions, globally and in its one default
  // organisation, so POs saved before an admin sets anything up are coded (by nothing) all the same.
  const { id: organisationId } = await db.insertInto('coding_organisations').values({ code: 'MAIN', name: 'Main organisation', active: 1, is_default: 1 }).returning('id').executeTakeFirstOrThrow();
  const core = [
    ['purchase-account', 'Purchase account'],
    ['cost-center', 'Cost center'],
    ['cost-unit', 'Cost unit'],
    ['project', 'Project'],
  ];
  for (const scope of [0, organisationId as number]) {
    await db
      .insertInto('coding_dimension_types')
      .values(core.map(([code, name], position) => ({ scope_id: scope, code, name, origin: 'global', active: 1, default_value_code: null, position })))
      .execute();
  }
}

export async function down(): Promise<void> {
  throw new Error('The row-coding migration cannot be undone; restore a backup instead.');
}
