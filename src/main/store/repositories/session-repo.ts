import type { Db } from '../connect';
import type { DeskSessionsTable } from '../schema';

export interface StoredSession {
  operatorId: number;
  stickyCostCenterCode: string | null;
}

export async function insertSession(db: Db, row: Omit<DeskSessionsTable, 'revoked_at' | 'sticky_cost_center_code'>): Promise<void> {
  await db
    .insertInto('desk_sessions')
    .values({ ...row, revoked_at: null, sticky_cost_center_code: null })
    .execute();
}

/**
 * The session if it is live at `now` (not revoked, neither idle nor too old), its idle clock
 * restarted in the same statement, so two instances touching it at once cannot bring it back.
 */
export async function touchLiveSession(db: Db, tokenHash: string, now: string, idleExpiresAt: string): Promise<StoredSession | undefined> {
  const row = await db
    .updateTable('desk_sessions')
    .set({ last_seen_at: now, idle_expires_at: idleExpiresAt })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('idle_expires_at', '>=', now)
    .where('expires_at', '>=', now)
    .returning(['operator_id', 'sticky_cost_center_code'])
    .executeTakeFirst();
  return row && { operatorId: row.operator_id, stickyCostCenterCode: row.sticky_cost_center_code };
}

export async function revokeSession(db: Db, tokenHash: string, now: string): Promise<boolean> {
  const result = await db.updateTable('desk_sessions').set({ revoked_at: now }).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Rule 4a across instances: the first cost center stuck to a session stays; a later one changes nothing. */
export async function stickSessionCostCenter(db: Db, tokenHash: string, code: string): Promise<void> {
  await db
    .updateTable('desk_sessions')
    .set({ sticky_cost_center_code: code })
    .where('token_hash', '=', tokenHash)
    .where('sticky_cost_center_code', 'is', null)
    .execute();
}

/** Sessions whose absolute end is before `before`; revoked or not, none of them can be used again. */
export async function deleteSessionsEndedBefore(db: Db, before: string): Promise<number> {
  const result = await db.deleteFrom('desk_sessions').where('expires_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
