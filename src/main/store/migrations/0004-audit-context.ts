import type { Kysely } from 'kysely';
import { schemaTypes } from '../dialect';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * An audit row names the vendor and warehouse it was about, so a refused new PO (which has no PO
 * row to point at) still says what was tried.
 */
export async function up(db: AnyDb): Promise<void> {
  const { text } = schemaTypes(db);
  await db.schema.alterTable('audit_log').addColumn('vendor_code', text).execute();
  await db.schema.alterTable('audit_log').addColumn('warehouse_code', text).execute();
}

export async function down(): Promise<void> {
  throw new Error('The audit-context migration cannot be undone; restore a backup instead.');
}
