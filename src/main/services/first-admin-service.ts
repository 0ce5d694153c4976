import type { OperatorSummary } from '../../shared/contracts';
import { appendAuditEntries } from '../store/repositories/audit-repo';
import { countOperators, findOperatorById, insertOperator } from '../store/repositories/operator-repo';
import { DEMO_DATABASE, readSetting } from '../store/repositories/settings-repo';
import { forbidden, notFound } from './app-failure';
import { toSummary } from './auth-service';
import type { Desk } from './desk';
import { hashPassword } from './passwords';

export async function setupState(desk: Desk): Promise<{ needsFirstAdmin: boolean; demoDatabase: boolean }> {
  const [operators, demo] = await Promise.all([countOperators(desk.db), readSetting(desk.db, DEMO_DATABASE)]);
  return { needsFirstAdmin: operators === 0, demoDatabase: demo === 'true' };
}

/**
 * A desk started without demo data has no operator at all: the first person to open it names the
 * administrator and sets a password of their own, so no real database ever knows "demo".
 */
export async function setUpFirstAdmin(
  desk: Desk,
  sessionKey: string,
  input: { signInName: string; displayName: string; password: string },
): Promise<OperatorSummary> {
  const passwordHash = await hashPassword(input.password, desk.passwordCost);
  const id = await desk.db.transaction().execute(async (trx) => {
    // Checked inside the write transaction, so two first-run screens cannot both create one.
    if ((await countOperators(trx)) > 0) throw forbidden('This desk already has an administrator; sign in instead.');
    const created = await insertOperator(trx, { signInName: input.signInName.toLowerCase(), displayName: input.displayName, role: 'admin', passwordHash });
    await appendAuditEntries(trx, [{ operatorId: created, action: 'first-admin-created', detail: `${input.displayName} set up the desk as its first administrator.` }], desk.now());
    return created;
  });
  const operator = await findOperatorById(desk.db, id);
  if (!operator) throw notFound('The new administrator could not be read back.');
  await desk.sessions.start(sessionKey, operator.id);
  return toSummary(operator);
}
