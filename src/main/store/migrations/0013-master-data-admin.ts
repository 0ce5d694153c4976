import type { Kysely } from 'kysely';
import { schemaTypes } from '../dialect';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Master-data maintenance: cost centers gain a cost group, so a scheme's list can take a whole
 * group at once. Nullable: every stored cost center is in no group until an admin says otherwise.
 */
export async function up(db: AnyDb): Promise<void> {
  const { text } = schemaTypes(db);
  await db.schema.alterTable('cost_centers').addColumn('cost_group', text).execute();
  await db.schema.createIndex('cost_centers_cost_group_idx').on('cost_centers').column('cost_group').execute();
}
