import type { OperatorSummary } from '../../shared/contracts';
import { checkSignInAllowed, recordFailure, SIGN_IN_POLICY, type ThrottleScope } from '../domain/sign-in-throttle';
import { type AuditEntry, appendAuditEntries } from '../store/repositories/audit-repo';
import { findOperatorBySignInName, updateOperatorPassword } from '../store/repositories/operator-repo';
import { clearAttempts, findAttempts, saveAttempt } from '../store/repositories/sign-in-attempt-repo';
import { AppFailure, forbidden } from './app-failure';
import { toSummary } from './auth-service';
import type { Caller, Desk } from './desk';
import { dummyHash, hashPassword, isPasswordHash, needsRehash, verifyPassword } from './passwords';

const WRONG_CREDENTIALS = 'That sign-in name and password do not match an active operator.';
/** Sign-in names are at most 64 characters; audit rows quote at most this much of what a caller typed. */
const QUOTED_NAME_LENGTH = 64;

/** Where a sign-in comes from: the browser's address, or this computer for the Electron window. */
export interface SignInClient {
  address: string;
}

/** The minute a lockout is over by, rounded up: trying at the minute told must work. */
const clockTime = (iso: string) => new Date(Math.ceil(Date.parse(iso) / 60_000) * 60_000).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

function lockedOut(scope: ThrottleScope, signInName: string, retryAt: string): AppFailure {
  // An administrator unlocks a name; a lockout of the whole computer only time lifts.
  const message =
    scope === 'name'
      ? `Too many failed sign-ins for “${signInName}”. Try again after ${clockTime(retryAt)}, or ask an administrator to unlock it.`
      : `Too many failed sign-ins from this computer. Try again after ${clockTime(retryAt)}.`;
  return new AppFailure('refused', message, 'signInName');
}

/**
 * Sign-ins on one desk run one at a time. The throttle is read before the password is checked and
 * written after; run side by side, fifty guesses would all read "4 failures so far" and all be
 * checked. In turn, the fifth failure locks the name before the sixth guess is looked at.
 */
const signInQueues = new WeakMap<Desk, Promise<unknown>>();

function inTurn<T>(desk: Desk, attempt: () => Promise<T>): Promise<T> {
  const previous = signInQueues.get(desk) ?? Promise.resolve();
  const turn = previous.then(attempt, attempt);
  signInQueues.set(desk, turn.catch(() => undefined));
  return turn;
}

/**
 * Sign-in with throttling: a locked name or address is refused before any password is checked; an
 * unknown name is checked against a dummy hash so timing does not tell names apart; a hash made at
 * a lower cost is replaced at the next successful sign-in.
 */
export function signIn(desk: Desk, sessionKey: string, signInName: string, password: string, client: SignInClient): Promise<OperatorSummary> {
  return inTurn(desk, () => attemptSignIn(desk, sessionKey, signInName, password, client));
}

async function attemptSignIn(desk: Desk, sessionKey: string, signInName: string, password: string, client: SignInClient): Promise<OperatorSummary> {
  const name = signInName.toLowerCase();
  const keys = { name, address: client.address };
  const now = desk.now();
  const before = await findAttempts(desk.db, keys);
  const verdict = checkSignInAllowed(before, now);
  if (!verdict.allowed) throw lockedOut(verdict.scope, signInName, verdict.retryAt);

  const operator = await findOperatorBySignInName(desk.db, name);
  // Made (once) whatever the name, so the first unknown name does not pay for making it.
  const dummy = await dummyHash(desk.passwordCost);
  // An account with no usable hash (an imported operator before an admin resets the password) is checked
  // against the dummy too, so it is refused no faster than a wrong password is; it can never succeed.
  const usable = operator !== undefined && operator !== null && isPasswordHash(operator.passwordHash);
  const valid = (await verifyPassword(password, usable ? operator.passwordHash : dummy)) && usable;
  if (!operator || !operator.active || !valid) {
    const quoted = signInName.slice(0, QUOTED_NAME_LENGTH);
    const lockout = await desk.db.transaction().execute(async (trx) => {
      const records = await findAttempts(trx, keys);
      const audits: AuditEntry[] = [];
      let locked: { scope: ThrottleScope; retryAt: string } | null = null;
      for (const scope of ['name', 'address'] as const) {
        const limit = scope === 'name' ? SIGN_IN_POLICY.maxFailuresPerName : SIGN_IN_POLICY.maxFailuresPerAddress;
        const outcome = recordFailure(records[scope], now, limit);
        await saveAttempt(trx, scope, keys[scope], outcome.record);
        const subject = scope === 'name' ? `"${quoted}"` : `address ${client.address}`;
        if (outcome.firstInWindow && scope === 'name') {
          const earlier = outcome.untoldFailures > 0 ? ` Its previous window ended after ${outcome.untoldFailures} refused sign-ins.` : '';
          audits.push({
            operatorId: operator?.id ?? null,
            action: 'sign-in-refused',
            rule: 'sign-in-throttle',
            detail: `Sign-in refused for ${subject}. Further refusals in the next ${SIGN_IN_POLICY.windowMs / 60_000} minutes are counted, not logged one by one.${earlier}`,
          });
        }
        if (outcome.lockedNow) {
          locked = { scope, retryAt: outcome.record.lockedUntil as string };
          audits.push({ operatorId: operator?.id ?? null, action: 'sign-in-locked', rule: 'sign-in-throttle', after: outcome.record.lockedUntil, detail: `Sign-in locked for ${subject} after ${outcome.record.failures} failures.` });
        }
      }
      await appendAuditEntries(trx, audits, now);
      return locked as { scope: ThrottleScope; retryAt: string } | null;
    });
    if (lockout) throw lockedOut(lockout.scope, signInName, lockout.retryAt);
    throw new AppFailure('refused', WRONG_CREDENTIALS, 'signInName');
  }

  await clearAttempts(desk.db, 'name', name);
  if (needsRehash(operator.passwordHash, desk.passwordCost)) {
    await updateOperatorPassword(desk.db, operator.id, await hashPassword(password, desk.passwordCost));
  }
  // A new sign-in always starts a fresh session: no sticky cost center carries over.
  await desk.sessions.start(sessionKey, operator.id);
  // The refusals of the window this sign-in closes are counted here, as no other row will tell them.
  const refusedBefore = before.name && !before.name.lockedUntil && before.name.failures > 1 ? before.name.failures : 0;
  const signedIn = refusedBefore > 0 ? `${operator.displayName} signed in after ${refusedBefore} refused sign-ins.` : `${operator.displayName} signed in.`;
  const detail = operator.mustChangePassword ? `${signedIn} A temporary password must be replaced before anything else.` : signedIn;
  await appendAuditEntries(desk.db, [{ operatorId: operator.id, action: 'sign-in', detail }], desk.now());
  return toSummary(operator);
}

/** An admin lifts a lockout on a sign-in name before it ends by itself. */
export async function unlockSignIn(desk: Desk, caller: Caller, signInName: string): Promise<{ unlocked: boolean }> {
  if (caller.operator.role !== 'admin') throw forbidden('Only an administrator can unlock a sign-in.');
  const name = signInName.toLowerCase();
  const unlocked = await clearAttempts(desk.db, 'name', name);
  await appendAuditEntries(
    desk.db,
    [{ operatorId: caller.operator.id, action: 'sign-in-unlocked', rule: 'sign-in-throttle', detail: `${caller.operator.displayName} unlocked sign-in for “${name}”.` }],
    desk.now(),
  );
  return { unlocked };
}
