import type { OperatorSummary } from '../../shared/contracts';
import { appendAudit } from '../store/repositories/audit-repo';
import { findOperatorById, findOperatorBySignInName, type OperatorRecord } from '../store/repositories/operator-repo';
import { AppFailure, notSignedIn } from './app-failure';
import type { Caller, Desk } from './desk';
import { verifyPassword } from './passwords';

const WRONG_CREDENTIALS = 'That sign-in name and password do not match an active operator.';

export const toSummary = (operator: OperatorRecord): OperatorSummary => ({
  id: operator.id,
  signInName: operator.signInName,
  displayName: operator.displayName,
  role: operator.role,
  schemeName: operator.schemeName,
  locale: operator.locale,
});

export async function signIn(desk: Desk, sessionKey: string, signInName: string, password: string): Promise<OperatorSummary> {
  const operator = await findOperatorBySignInName(desk.db, signInName.toLowerCase());
  const valid = operator !== undefined && operator.active && (await verifyPassword(password, operator.passwordHash));
  if (!operator || !valid) {
    await appendAudit(desk.db, { operatorId: operator?.id ?? null, action: 'sign-in-refused', detail: `Sign-in refused for "${signInName}".` }, desk.now());
    throw new AppFailure('refused', WRONG_CREDENTIALS, 'signInName');
  }
  // A new sign-in always starts a fresh session: no sticky cost center carries over.
  desk.sessions.start(sessionKey, operator.id);
  await appendAudit(desk.db, { operatorId: operator.id, action: 'sign-in', detail: `${operator.displayName} signed in.` }, desk.now());
  return toSummary(operator);
}

export function signOut(desk: Desk, sessionKey: string): void {
  desk.sessions.end(sessionKey);
}

/** Looks the session's operator up afresh on every call, so a deactivated operator loses access at once. */
export async function findCaller(desk: Desk, sessionKey: string): Promise<Caller | undefined> {
  const session = desk.sessions.get(sessionKey);
  if (!session) return undefined;
  const operator = await findOperatorById(desk.db, session.operatorId);
  if (!operator || !operator.active) {
    desk.sessions.end(sessionKey);
    return undefined;
  }
  return { sessionKey, session, operator };
}

export async function requireCaller(desk: Desk, sessionKey: string): Promise<Caller> {
  const caller = await findCaller(desk, sessionKey);
  if (!caller) throw notSignedIn();
  return caller;
}
