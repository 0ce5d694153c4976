import type { OperatorSummary } from '../../shared/contracts';
import { findOperatorById, type OperatorRecord } from '../store/repositories/operator-repo';
import { AppFailure, notSignedIn } from './app-failure';
import type { Caller, Desk } from './desk';

export const toSummary = (operator: OperatorRecord): OperatorSummary => ({
  id: operator.id,
  signInName: operator.signInName,
  displayName: operator.displayName,
  role: operator.role,
  schemeName: operator.schemeName,
  locale: operator.locale,
});

/**
 * Ends the session. Not awaited by the dispatcher's handler: a memory store ends it at once, and a
 * host on a shared store awaits the revocation itself before it answers (web-host.ts).
 */
export function signOut(desk: Desk, sessionKey: string): void {
  void Promise.resolve()
    .then(() => desk.sessions.end(sessionKey))
    .catch((error: unknown) => console.error('sign-out could not revoke the session', error));
}

/** Looks the session's operator up afresh on every call, so a deactivated operator loses access at once. */
export async function findCaller(desk: Desk, sessionKey: string): Promise<Caller | undefined> {
  const session = await desk.sessions.get(sessionKey);
  if (!session) return undefined;
  const operator = await findOperatorById(desk.db, session.operatorId);
  if (!operator || !operator.active) {
    await desk.sessions.end(sessionKey);
    return undefined;
  }
  return { sessionKey, session, operator };
}

/** The field a refusal names while a reset password waits to be replaced: the screen shows the "choose a new password" step. */
export const PASSWORD_MUST_CHANGE_FIELD = 'mustChangePassword';

/**
 * The caller of every signed-in call. While an admin's temporary password waits to be replaced,
 * nothing else is open to that session: the calls that stay open (myAccount, changeMyPassword,
 * sign-out, currentOperator) are 'anyone' contracts that look the caller up themselves.
 */
export async function requireCaller(desk: Desk, sessionKey: string): Promise<Caller> {
  const caller = await findCaller(desk, sessionKey);
  if (!caller) throw notSignedIn();
  if (caller.operator.mustChangePassword) {
    throw new AppFailure('forbidden', 'Choose a new password first: an administrator set a temporary one, and nothing else can be done until it is replaced.', PASSWORD_MUST_CHANGE_FIELD);
  }
  return caller;
}
