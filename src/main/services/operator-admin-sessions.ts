import { sessionHash } from '../server/database-sessions';
import type { Db } from '../store/connect';
import { revokeOperatorSessionRows } from '../store/repositories/operator-admin-repo';
import type { Desk } from './desk';

/**
 * Ends an operator's sessions after a password reset or change or a deactivation, all but the one
 * the call came from when the operator changed their own password. Sessions in memory end through
 * the store; sessions in the database (a team's desk server) are revoked in `db`, the transaction
 * of the change, so they end exactly when it commits.
 */
export async function endSessionsOf(desk: Desk, db: Db, operatorId: number, now: string, exceptKey: string | null = null): Promise<void> {
  if (desk.sessions.endAllOf) {
    await desk.sessions.endAllOf(operatorId, exceptKey ?? undefined);
    return;
  }
  await revokeOperatorSessionRows(db, operatorId, now, exceptKey === null ? null : sessionHash(exceptKey));
}
