import type { Kysely } from 'kysely';
import { schemaTypes } from '../dialect';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Operators' accounts: a password an admin reset must be changed at the next sign-in. Everyone keeps the password they have. */
export async function up(db: AnyDb): Promise<void> {
  const { integer } = schemaTypes(db);
  await db.schema.alterTable('operators').addColumn('must_change_password', integer, (c) => c.notNull().defaultTo(0)).execute();
}
