import type { AttemptRecord, ThrottleScope } from '../../domain/sign-in-throttle';
import type { Db } from '../connect';
import { lockKeysForTransaction } from '../dialect';

/**
 * The records for a name and an address. Read inside a write transaction, they stay this
 * transaction's until it ends, even the ones not written yet, so failures counted by two servers at
 * once both count (see lockKeysForTransaction).
 */
export async function findAttempts(db: Db, keys: Record<ThrottleScope, string>): Promise<Partial<Record<ThrottleScope, AttemptRecord>>> {
  await lockKeysForTransaction(db, [`sign-in-attempts:name:${keys.name}`, `sign-in-attempts:address:${keys.address}`]);
  const rows = await db
    .selectFrom('sign_in_attempts')
    .selectAll()
    .where((eb) => eb.or([eb.and({ scope: 'name', subject: keys.name }), eb.and({ scope: 'address', subject: keys.address })]))
    .execute();
  const records: Partial<Record<ThrottleScope, AttemptRecord>> = {};
  for (const row of rows) {
    records[row.scope as ThrottleScope] = { failures: row.failures, windowStartedAt: row.window_started_at, lockedUntil: row.locked_until };
  }
  return records;
}

export async function saveAttempt(db: Db, scope: ThrottleScope, subject: string, record: AttemptRecord): Promise<void> {
  const values = { failures: record.failures, window_started_at: record.windowStartedAt, locked_until: record.lockedUntil };
  await db
    .insertInto('sign_in_attempts')
    .values({ scope, subject, ...values })
    .onConflict((conflict) => conflict.columns(['scope', 'subject']).doUpdateSet(values))
    .execute();
}

export async function clearAttempts(db: Db, scope: ThrottleScope, subject: string): Promise<boolean> {
  const result = await db.deleteFrom('sign_in_attempts').where('scope', '=', scope).where('subject', '=', subject).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
