import type { Kysely } from 'kysely';
import { schemaTypes } from '../dialect';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Sign-in sessions kept in the database, so every instance of a team's desk server knows every
 * session (the single-computer desk keeps them in memory and never writes here). A row holds the
 * SHA-256 of the session's key, never the token or cookie itself: reading the table signs nobody in.
 * Revoked rows stay until they would have expired anyway, so a revoked token cannot come back.
 */
export async function up(db: AnyDb): Promise<void> {
  const { integer, text } = schemaTypes(db);
  await db.schema
    .createTable('desk_sessions')
    .addColumn('token_hash', text, (c) => c.primaryKey())
    .addColumn('operator_id', integer, (c) => c.notNull().references('operators.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('last_seen_at', text, (c) => c.notNull())
    .addColumn('idle_expires_at', text, (c) => c.notNull())
    .addColumn('expires_at', text, (c) => c.notNull())
    .addColumn('revoked_at', text)
    .addColumn('sticky_cost_center_code', text)
    .execute();
  // Clearing out sessions long past their end walks this index.
  await db.schema.createIndex('desk_sessions_by_expiry').on('desk_sessions').columns(['expires_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('The desk-sessions migration cannot be undone; restore a backup instead.');
}
