import { type Kysely, sql } from 'kysely';
import { makeAppendOnly, schemaTypes } from '../dialect';

// Migrations take Kysely<any> on purpose: they must keep working after the typed schema moves on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const { integer, text, identity } = schemaTypes(db);
  await db.schema
    .createTable('settings')
    .addColumn('key', text, (c) => c.primaryKey())
    .addColumn('value', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('schemes')
    .addColumn('id', integer, identity)
    .addColumn('name', text, (c) => c.notNull().unique())
    .addColumn('description', text, (c) => c.notNull().defaultTo(''))
    .execute();

  await db.schema
    .createTable('cost_centers')
    .addColumn('id', integer, identity)
    .addColumn('code', text, (c) => c.notNull().unique())
    .addColumn('description', text, (c) => c.notNull().defaultTo(''))
    .addColumn('active', integer, (c) => c.notNull().defaultTo(1).check(sql`active in (0, 1)`))
    .execute();

  await db.schema
    .createTable('scheme_cost_centers')
    .addColumn('scheme_id', integer, (c) => c.notNull().references('schemes.id').onDelete('cascade'))
    .addColumn('cost_center_id', integer, (c) => c.notNull().references('cost_centers.id'))
    .addColumn('position', integer, (c) => c.notNull())
    .addPrimaryKeyConstraint('scheme_cost_centers_pk', ['scheme_id', 'cost_center_id'])
    .execute();

  await db.schema
    .createTable('scheme_overrides')
    .addColumn('id', integer, identity)
    .addColumn('scheme_id', integer, (c) => c.notNull().references('schemes.id').onDelete('cascade'))
    .addColumn('kind', text, (c) => c.notNull().check(sql`kind in ('warehouse', 'site', 'gl-wip')`))
    .addColumn('override_key', text, (c) => c.notNull())
    .addUniqueConstraint('scheme_overrides_once', ['scheme_id', 'kind', 'override_key'])
    .execute();

  await db.schema
    .createTable('scheme_override_cost_centers')
    .addColumn('override_id', integer, (c) => c.notNull().references('scheme_overrides.id').onDelete('cascade'))
    .addColumn('cost_center_id', integer, (c) => c.notNull().references('cost_centers.id'))
    .addColumn('position', integer, (c) => c.notNull())
    .addPrimaryKeyConstraint('scheme_override_cost_centers_pk', ['override_id', 'cost_center_id'])
    .execute();

  await db.schema
    .createTable('operators')
    .addColumn('id', integer, identity)
    .addColumn('sign_in_name', text, (c) => c.notNull().unique())
    .addColumn('display_name', text, (c) => c.notNull())
    .addColumn('role', text, (c) => c.notNull().check(sql`role in ('operator', 'supervisor', 'admin')`))
    .addColumn('password_hash', text, (c) => c.notNull())
    .addColumn('scheme_id', integer, (c) => c.references('schemes.id'))
    .addColumn('active', integer, (c) => c.notNull().defaultTo(1).check(sql`active in (0, 1)`))
    .execute();

  await db.schema
    .createTable('vendors')
    .addColumn('id', integer, identity)
    .addColumn('code', text, (c) => c.notNull().unique())
    .addColumn('name', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('vendor_cost_centers')
    .addColumn('vendor_id', integer, (c) => c.notNull().references('vendors.id').onDelete('cascade'))
    .addColumn('cost_center_id', integer, (c) => c.notNull().references('cost_centers.id'))
    .addPrimaryKeyConstraint('vendor_cost_centers_pk', ['vendor_id', 'cost_center_id'])
    .execute();

  await db.schema
    .createTable('warehouses')
    .addColumn('id', integer, identity)
    .addColumn('code', text, (c) => c.notNull().unique())
    .addColumn('name', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', integer, identity)
    .addColumn('code', text, (c) => c.notNull().unique())
    .addColumn('description', text, (c) => c.notNull().defaultTo(''))
    .addColumn('site_address', text, (c) => c.notNull().defaultTo(''))
    .execute();

  await db.schema
    .createTable('work_orders')
    .addColumn('id', integer, identity)
    .addColumn('code', text, (c) => c.notNull().unique())
    .addColumn('job_id', integer, (c) => c.references('jobs.id'))
    .addColumn('cost_center_id', integer, (c) => c.notNull().references('cost_centers.id'))
    .addColumn('site_address', text, (c) => c.notNull().defaultTo(''))
    .execute();

  await db.schema
    .createTable('items')
    .addColumn('id', integer, identity)
    .addColumn('code', text, (c) => c.notNull().unique())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('unit_cost_minor', integer, (c) => c.notNull().check(sql`unit_cost_minor >= 0`))
    .execute();

  await db.schema
    .createTable('purchase_orders')
    .addColumn('id', integer, identity)
    .addColumn('number', text, (c) => c.notNull().unique())
    .addColumn('vendor_id', integer, (c) => c.notNull().references('vendors.id'))
    .addColumn('warehouse_id', integer, (c) => c.notNull().references('warehouses.id'))
    .addColumn('cost_center_id', integer, (c) => c.references('cost_centers.id'))
    .addColumn('status', text, (c) => c.notNull().check(sql`status in ('draft', 'open', 'closed')`))
    .addColumn('created_by', integer, (c) => c.notNull().references('operators.id'))
    .addColumn('version', integer, (c) => c.notNull())
    .addColumn('total_minor', integer, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('po_lines')
    .addColumn('id', integer, identity)
    .addColumn('po_id', integer, (c) => c.notNull().references('purchase_orders.id').onDelete('cascade'))
    .addColumn('line_number', integer, (c) => c.notNull())
    .addColumn('item_id', integer, (c) => c.references('items.id'))
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('quantity_milli', integer, (c) => c.notNull().check(sql`quantity_milli > 0`))
    .addColumn('unit_cost_minor', integer, (c) => c.notNull().check(sql`unit_cost_minor >= 0`))
    .addColumn('total_minor', integer, (c) => c.notNull())
    .addUniqueConstraint('po_lines_number_once', ['po_id', 'line_number'])
    .execute();

  await db.schema
    .createTable('po_line_distributions')
    .addColumn('id', integer, identity)
    .addColumn('line_id', integer, (c) => c.notNull().references('po_lines.id').onDelete('cascade'))
    .addColumn('cost_center_id', integer, (c) => c.references('cost_centers.id'))
    .addColumn('job_id', integer, (c) => c.references('jobs.id'))
    .addColumn('work_order_id', integer, (c) => c.references('work_orders.id'))
    .addColumn('amount_minor', integer, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', integer, identity)
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('operator_id', integer, (c) => c.references('operators.id'))
    .addColumn('action', text, (c) => c.notNull())
    .addColumn('po_id', integer)
    .addColumn('line_id', integer)
    .addColumn('rule', text)
    .addColumn('before_value', text)
    .addColumn('after_value', text)
    .addColumn('detail', text, (c) => c.notNull())
    .execute();

  await db.schema.createIndex('po_lines_by_po').on('po_lines').column('po_id').execute();
  await db.schema.createIndex('distributions_by_line').on('po_line_distributions').column('line_id').execute();
  await db.schema.createIndex('vendor_cost_centers_by_cc').on('vendor_cost_centers').column('cost_center_id').execute();
  await db.schema.createIndex('audit_log_by_po').on('audit_log').column('po_id').execute();
  await db.schema.createIndex('vendors_by_name').on('vendors').column('name').execute();

  // The audit log is append-only: the database itself refuses edits and deletions.
  await makeAppendOnly(db, 'audit_log');
}

export async function down(): Promise<void> {
  throw new Error('The foundation migration cannot be undone; restore a backup instead.');
}
