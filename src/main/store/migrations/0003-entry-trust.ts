import { type Kysely, sql } from 'kysely';
import { schemaTypes } from '../dialect';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * A PO records how its cost center was set (typed by whom, or which default rule gave it), so the
 * screen never claims "as you entered it" for someone else's PO or an accepted default. Operators
 * may read numbers and dates in a locale of their own.
 */
export async function up(db: AnyDb): Promise<void> {
  const { integer, text } = schemaTypes(db);
  await db.schema
    .alterTable('purchase_orders')
    .addColumn('cost_center_source', text, (c) =>
      c
        .notNull()
        .defaultTo('unrecorded')
        .check(sql`cost_center_source in ('entered', 'sticky', 'operator-single', 'vendor-single', 'none', 'unrecorded')`),
    )
    .execute();
  await db.schema
    .alterTable('purchase_orders')
    .addColumn('cost_center_entered_by', integer, (c) => c.references('operators.id'))
    .execute();
  await db.schema.alterTable('operators').addColumn('locale', text).execute();
}

export async function down(): Promise<void> {
  throw new Error('The entry-trust migration cannot be undone; restore a backup instead.');
}
