import type { Kysely } from 'kysely';
import { schemaTypes } from '../dialect';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Failed sign-ins counted per sign-in name and per client address, updated in place, so throttling
 * survives a restart and a burst of guesses costs the append-only audit log two rows, not thousands.
 */
export async function up(db: AnyDb): Promise<void> {
  const { integer, text } = schemaTypes(db);
  await db.schema
    .createTable('sign_in_attempts')
    .addColumn('scope', text, (c) => c.notNull())
    .addColumn('subject', text, (c) => c.notNull())
    .addColumn('failures', integer, (c) => c.notNull())
    .addColumn('window_started_at', text, (c) => c.notNull())
    .addColumn('locked_until', text)
    .addPrimaryKeyConstraint('sign_in_attempts_pk', ['scope', 'subject'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The sign-in guard migration cannot be undone; restore a backup instead.');
}
