import type { MyAccount } from '../../shared/operator-admin-schemas';
import { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../domain/admin/operator-rules';
import { appendAudit } from '../store/repositories/audit-repo';
import { setOperatorPassword } from '../store/repositories/operator-repo';
import { inRetriedTransaction } from '../store/transaction';
import { notSignedIn, refused } from './app-failure';
import { findCaller } from './auth-service';
import type { Caller, Desk } from './desk';
import { endSessionsOf } from './operator-admin-sessions';
import { hashPassword, verifyPassword } from './passwords';

/**
 * An operator's own password: what the sign-in screen needs to know (must a temporary one be
 * replaced first), and the change itself, open to every operator and the one call besides sign-out
 * open while a reset password waits. Both are 'anyone' contracts that find the caller themselves,
 * because requireCaller refuses everything else in that state.
 */

export const PASSWORD_RULES = {
  minLength: PASSWORD_MIN_LENGTH,
  maxLength: PASSWORD_MAX_LENGTH,
  rules: [
    `At least ${PASSWORD_MIN_LENGTH} characters (a short sentence works well).`,
    'Not one character repeated.',
    'Not your sign-in name.',
    'Not the password you have now.',
  ],
};

export async function myAccount(desk: Desk, sessionKey: string): Promise<MyAccount> {
  const caller = await findCaller(desk, sessionKey);
  if (!caller) return null;
  const must = caller.operator.mustChangePassword;
  return {
    mustChangePassword: must,
    reason: must
      ? `${caller.operator.displayName}, your password was set by an administrator. Choose your own before you go on: type the password you were given, then the new one twice.`
      : 'Your password is your own.',
    passwordRules: PASSWORD_RULES,
  };
}

async function refuse(desk: Desk, caller: Caller, rule: string, field: string, message: string): Promise<never> {
  await appendAudit(desk.db, { operatorId: caller.operator.id, action: 'password-change-refused', rule, detail: `${caller.operator.displayName}'s password change refused: ${message}` }, desk.now());
  const failure = refused(`Your password was not changed. ${message}`, field);
  failure.error.issues = [{ path: field, message }];
  throw failure;
}

export async function changeMyPassword(desk: Desk, sessionKey: string, input: { currentPassword: string; newPassword: string; repeatPassword: string }): Promise<{ changed: true; reason: string }> {
  const caller = await findCaller(desk, sessionKey);
  if (!caller) throw notSignedIn();
  const { operator } = caller;
  if (input.currentPassword === '') return refuse(desk, caller, 'current-password', 'currentPassword', 'Enter the password you have now.');
  if (!(await verifyPassword(input.currentPassword, operator.passwordHash))) {
    return refuse(desk, caller, 'current-password', 'currentPassword', operator.mustChangePassword ? 'The temporary password you typed is not the one the administrator set.' : 'The current password you typed is not your password.');
  }
  const checked = checkPassword(input.newPassword, operator.signInName, 'newPassword');
  if (!checked.ok) return refuse(desk, caller, 'password-rules', 'newPassword', checked.problem.reason);
  if (input.newPassword === input.currentPassword) return refuse(desk, caller, 'password-rules', 'newPassword', 'Choose a password other than the one you have now.');
  if (input.repeatPassword !== input.newPassword) return refuse(desk, caller, 'password-rules', 'repeatPassword', 'The repeated password is not the same as the new one; type it again.');
  const hash = await hashPassword(input.newPassword, desk.passwordCost);
  const at = desk.now();
  await inRetriedTransaction(desk.db, async (trx) => {
    await setOperatorPassword(trx, operator.id, hash, false);
    await appendAudit(
      trx,
      {
        operatorId: operator.id,
        action: 'password-changed',
        rule: operator.mustChangePassword ? 'password-must-change' : 'password-rules',
        detail: `${operator.displayName} chose a new password${operator.mustChangePassword ? ' in place of the temporary one' : ''}; their other sessions ended.`,
      },
      at,
    );
    await endSessionsOf(desk, trx, operator.id, at, sessionKey);
  });
  return { changed: true, reason: 'Your password is changed. Use the new one the next time you sign in.' };
}
