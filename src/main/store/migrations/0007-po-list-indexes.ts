import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * The PO list pages, sorts and filters in SQL. Each index ends in id, the list's tie-breaker, so an
 * ordered walk needs no sort step (SQLite appends the rowid by itself; PostgreSQL needs it named).
 */
const INDEXES: [name: string, columns: string[]][] = [
  // status filter; also the default number order within one status
  ['purchase_orders_by_status', ['status', 'number']],
  // "mine only"
  ['purchase_orders_by_creator', ['created_by', 'id']],
  ['purchase_orders_by_updated', ['updated_at', 'id']],
  ['purchase_orders_by_total', ['total_minor', 'id']],
  // vendor search (vendor ids in, POs out) and the vendor, warehouse and cost-center sorts
  ['purchase_orders_by_vendor', ['vendor_id', 'id']],
  ['purchase_orders_by_warehouse', ['warehouse_id', 'id']],
  ['purchase_orders_by_cost_center', ['cost_center_id', 'id']],
];

export async function up(db: AnyDb): Promise<void> {
  for (const [name, columns] of INDEXES) await db.schema.createIndex(name).on('purchase_orders').columns(columns).execute();
}

export async function down(): Promise<void> {
  throw new Error('The PO-list index migration cannot be undone; restore a backup instead.');
}
